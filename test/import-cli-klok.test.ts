/**
 * docs/import.md (Op de server): `klachtregie import` takes "now" from CliIo.klok, as `klachtregie migratie` does, so what
 * lies in the future and which termijnen have passed by the end of a line (Awb 9:11 lid 1: the termijn passes on its own
 * day, whoever fires it) are asked of the clock given, never of the wall clock. The command runs on a fixed moment in
 * April 2024, far from today: with the wall clock the second line's event would be accepted and the klager's year for
 * the ombudsman (Awb 9:24 lid 1 sub b) would have passed too.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vasteKlok } from '../src/common/klok';
import { draaiCliOp } from './support/cli';
import { importIntake } from './support/import-intake';
import { createTestDatabase, sqlOp, type TestDatabase } from './support';

/** The command's "now": after the six weeks of Awb 9:11 of a klacht of 4 March 2024, within its year for the ombudsman. */
const NU = new Date('2024-04-20T10:00:00+02:00');
const root = join(__dirname, '..');

describe('klachtregie import on the clock it is given', () => {
  let db: TestDatabase;
  let map: string;
  const sql = <T = Record<string, unknown>>(q: string, p: unknown[] = []) => sqlOp<T>(db.url, q, p);

  beforeAll(async () => {
    db = await createTestDatabase('import_cli_klok');
    map = mkdtempSync(join(tmpdir(), 'kr-import-klok-'));
  }, 120_000);
  afterAll(async () => {
    await db?.drop();
    if (map) rmSync(map, { recursive: true, force: true });
  });

  it('Awb 9:11 lid 1 with docs/import.md: the catch-up fires what passed up to the given now (the six weeks), not what passes after it (the year), and an event after that now is refused as in the future', async () => {
    const regels = [
      JSON.stringify({ extern: 'KLOK-1', intake: importIntake('klok verleden', '2024-03-04T10:00:00+01:00') }),
      JSON.stringify({
        extern: 'KLOK-2',
        intake: importIntake('klok toekomst', '2024-03-04T10:00:00+01:00'),
        gebeurtenissen: [{ type: 'FORMELE_BEHANDELING', at: '2024-05-01T10:00:00+02:00' }],
      }),
    ];
    const pad = join(map, 'klok.ndjson');
    writeFileSync(pad, regels.join('\n') + '\n');
    const env = { DATABASE_URL: db.url, LOG_LEVEL: 'error', DEFINITIONS_DIR: join(root, 'definitions') };
    const r = await draaiCliOp(vasteKlok(NU), env, 'import', pad);
    expect(r.out).toContain('Klaar: 1 geïmporteerd, 1 met fouten, van 2 regels.');
    expect(r.err).toMatch(new RegExp(`^${pad}:2: gebeurtenissen\\[0\\]\\.at: .*toekomst`, 'm'));
    expect(r.code).toBe(1);
    const termijnen = await sql<{ naam: string; status: string }>(
      `SELECT t.naam, t.status FROM termijn t JOIN klacht_import_regel r ON r.klacht_id = t.klacht_id WHERE r.regel = 1 ORDER BY t.naam`,
    );
    expect(termijnen).toEqual([
      { naam: 'afhandeling', status: 'verlopen' },
      { naam: 'tweedeLijnVerzoek', status: 'lopend' },
    ]);
    const verlopen = await sql<{ at: Date }>(
      `SELECT g.at FROM klacht_gebeurtenis g JOIN klacht_import_regel r ON r.klacht_id = g.klacht_id
        WHERE r.regel = 1 AND g.type = 'TERMIJN_VERLOPEN' ORDER BY g.id`,
    );
    expect(verlopen.map((v) => new Date(v.at).getTime() < NU.getTime())).toEqual([true]);
  }, 120_000);
});
