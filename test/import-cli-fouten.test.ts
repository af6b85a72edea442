/**
 * docs/import.md (Controles: dezelfde als de API): `klachtregie import` names every bad line as `bestand:regel: veld: reden`,
 * however many there are. The API's view of an import lists the first 1000 errors; the command, on the server, reads them
 * all. A line can have several errors (each field the DTOs refuse), so 1001 bad lines of two errors each are 2002 errors, past the first 1000 lines too.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importIntake } from './support/import-intake';
import { draaiCli } from './support/cli';
import { Client } from 'pg';
import { ImportService, SCOPE_SERVER } from '../src/modules/import/import.service';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';

const root = join(__dirname, '..');

describe('klachtregie import: every bad line named', () => {
  let db: TestDatabase;
  let map: string;

  beforeAll(async () => {
    db = await createTestDatabase('import_cli_fouten');
    map = mkdtempSync(join(tmpdir(), 'kr-import-fouten-'));
  }, 120_000);
  afterAll(async () => {
    await db?.drop();
    if (map) rmSync(map, { recursive: true, force: true });
  });

  it('docs/import.md, Controles: 1001 bad lines of two errors each print 2002 errors, the last line’s too, and exit code 1', async () => {
    const regels = Array.from({ length: 1001 }, (_, i) =>
      JSON.stringify({ extern: `F-${i + 1}`, intake: importIntake(`fout ${i + 1}`, undefined, { kanaal: 'fax', soort: 'roddel' }) }),
    );
    const pad = join(map, 'fouten.ndjson');
    writeFileSync(pad, regels.join('\n') + '\n');
    const r = await draaiCli({ DATABASE_URL: db.url, LOG_LEVEL: 'error', DEFINITIONS_DIR: join(root, 'definitions') }, 'import', pad);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Klaar: 0 geïmporteerd, 1001 met fouten, van 1001 regels.');
    const fouten = r.err.split('\n').filter((l) => l.startsWith(`${pad}:`));
    expect(fouten).toHaveLength(2002);
    expect(fouten).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^${pad}:1001: intake\\.kanaal: `)),
        expect.stringMatching(new RegExp(`^${pad}:1001: intake\\.soort: `)),
      ]),
    );
  }, 120_000);
});

describe('klachtregie import: the exit code says whether the import is done', () => {
  let db: TestDatabase;
  let t: TestApp;
  let map: string;

  beforeAll(async () => {
    db = await createTestDatabase('import_cli_bezig');
    t = await createTestApp({ databaseUrl: db.url, postgresQueue: true, env: { ROLE: 'api' } });
    map = mkdtempSync(join(tmpdir(), 'kr-import-bezig-'));
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await db?.drop();
    if (map) rmSync(map, { recursive: true, force: true });
  });

  it('docs/import.md: while another process works on the same file the command does nothing and exits 75, not 0 (alles geïmporteerd); run again after it, it finishes with 0', async () => {
    const inhoud = JSON.stringify({ extern: 'B-1', intake: importIntake('cli bezig') }) + '\n';
    const pad = join(map, 'bezig.ndjson');
    writeFileSync(pad, inhoud);
    // The same file is the same import (its SHA-256): another process holds it, as a running `klachtregie import` does.
    const { id } = await t.app.get(ImportService).maak(inhoud, { naam: 'bezig.ndjson', actor: 'cli:import', scope: SCOPE_SERVER });
    const ander = new Client({ connectionString: db.url });
    await ander.connect();
    const env = { DATABASE_URL: db.url, LOG_LEVEL: 'error', DEFINITIONS_DIR: join(root, 'definitions') };
    try {
      await ander.query(`select pg_advisory_lock(hashtextextended($1, 7))`, [id]);
      const bezig = await draaiCli(env, 'import', pad);
      expect(bezig.out).toContain('Deze import wordt al door een ander proces verwerkt (0/1)');
      expect(bezig.code).toBe(75);
      await ander.query(`select pg_advisory_unlock(hashtextextended($1, 7))`, [id]);
    } finally {
      await ander.end();
    }
    const klaar = await draaiCli(env, 'import', pad);
    expect(klaar.out).toContain('Klaar: 1 geïmporteerd, 0 met fouten, van 1 regels.');
    expect(klaar.code).toBe(0);
  }, 120_000);

  it('docs/import.md (NDJSON, UTF-8): a file saved with a byte-order mark imports its first line, as the API takes a JSON body with one', async () => {
    const imports = t.app.get(ImportService);
    const regels = ['BOM-1', 'BOM-2'].map((extern) => JSON.stringify({ extern, intake: importIntake(`bom ${extern}`) }));
    const { id } = await imports.maak('\uFEFF' + regels.join('\r\n') + '\r\n', { naam: 'bom.ndjson', actor: 'test', scope: SCOPE_SERVER });
    expect(await imports.verwerk(id)).toMatchObject({ status: 'klaar', totaal: 2, geimporteerd: 2, fout: 0 });
  }, 60_000);
});
