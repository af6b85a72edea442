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
import { createTestDatabase, type TestDatabase } from './support';

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
