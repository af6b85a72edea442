/**
 * Awb 9:11 lid 1 with 9:24 lid 1 sub b: a termijn passes on its day, and a version migration runs the wake-up of a
 * termijn that passed before its moment first (termijnen/achterstand.ts haalWekkersIn). Where that wake-up is not the
 * migration's to run (here: the klacht's import line is still being written, docs/import.md, so the import fires its
 * termijnen at their historic moments itself), the klacht still shows the passed termijn running. Migrating it then
 * would put the version change before that expiry in its history, and the expiry would fire later on the new version.
 * The migration refuses it instead (409 migratie-geweigerd, naming the klacht and why; nothing moves), the dry run says
 * so too, and once the import line is done the same migration fires the expiry first and moves the klacht.
 *
 * Zeist in two versions with the same afhandeltermijn (four weeks), fixed dates by the injected clock; no worker runs
 * (ROLE=api), so no wake-up runs unless the migration runs it.
 */
import type { Klok } from '../src/common/klok';
import { basisVersie, TESTDAM } from '../src/machines/definition/test-fixture';
import { IMPORT_BEZIG_ROUTE, intakeSleutel } from '../src/modules/import/import-bezig';
import { sqlOp } from './support';
import { TESTDAM_GEMEENTE as GEMEENTE, testdamVersies, type TestdamVersies } from './support/testdam-versies';

const VIER_WEKEN: [string, string] = ['    duur: P6W', '    duur: P4W'];

let testdam: TestdamVersies;
let nu = new Date('2024-05-01T10:00:00Z');
const klok: Klok = { nu: () => new Date(nu.getTime()) };
const sql = <T = Record<string, unknown>>(q: string, p: unknown[] = []) => sqlOp<T>(testdam.db.url, q, p);

beforeAll(async () => {
  testdam = await testdamVersies(
    'versiemigratie_inhaal',
    {
      // Klachtenregeling Testdam 2024-01 and 2024-06 (from 1 June): both an afhandeltermijn of four weeks, so the
      // migration itself has no objection to the klacht once its expiry is on record.
      [TESTDAM]: basisVersie('2024-01', '2024-01-01', '2024-05-31', VIER_WEKEN),
      'definitions/gm0355-zeist/2024-06.yaml': basisVersie('2024-06', '2024-06-01', undefined, VIER_WEKEN),
    },
    klok,
    { SWEEP_INTERVAL_MS: '600000' },
  );
}, 120_000);

afterAll(async () => {
  await testdam?.close();
});

/** What a migration may change: version, state, termijnen, history (with the expiry's termijn), outbox. */
const beeld = async (id: string) => ({
  klacht: (await sql(`select definitie_versie as versie, state from klacht where id = $1`, [id]))[0],
  termijnen: await sql(
    `select naam, status, to_char(vervaldatum, 'YYYY-MM-DD') as vervaldatum, verval_gemeld_op is not null as gevuurd
       from termijn where klacht_id = $1 order by created_at, naam`,
    [id],
  ),
  historie: (
    await sql<{ type: string; termijn: string | null }>(
      `select type, payload->>'termijn' as termijn from klacht_gebeurtenis where klacht_id = $1 and accepted order by id`,
      [id],
    )
  ).map((g) => (g.termijn ? `${g.type}:${g.termijn}` : g.type)),
  outbox: (await sql<{ n: number }>(`select count(*)::int as n from outbox where klacht_id = $1`, [id]))[0].n,
});

it('Awb 9:11 lid 1, 9:24 lid 1 sub b: a klacht whose afhandeltermijn passed on 29 May 2024 while its import line is still running is not migrated on 3 June before that expiry (409 migratie-geweigerd naming it; the dry run says so; nothing changed); once the import is done the migration records the expiry first, then the new version', async () => {
  nu = new Date('2024-05-01T10:00:00Z');
  const klacht = await testdam.klacht('afhandeltermijn verstreken tijdens de import');
  nu = new Date('2024-05-02T10:00:00Z');
  await testdam.stap(klacht, { type: 'FORMELE_BEHANDELING', at: '2024-05-02T09:00:00Z' });
  // The state the import leaves between a line's intake and its events: the intake's key with the route import-bezig.
  await sql(
    `insert into idempotentie_sleutel (gemeente, sleutel, route, request_hash, status, resultaat) values ($1, $2, $3, $4, 'bezig', $5)`,
    [GEMEENTE, intakeSleutel('INHAAL-1'), IMPORT_BEZIG_ROUTE, '0'.repeat(64), JSON.stringify({ klachtId: klacht })],
  );

  // Monday 3 June 2024: the afhandeltermijn and the four weeks of Awb 9:8 lid 3 ended on Wednesday 29 May, their wake-ups
  // have not run (the refusal names the last of them, by the engine's order: due moment, then name).
  nu = new Date('2024-06-03T10:00:00Z');
  const voor = await beeld(klacht);
  expect(voor.klacht).toEqual({ versie: '2024-01', state: 'gemeente.beoordelen' });
  expect(voor.termijnen).toEqual([
    { naam: 'afhandeling', status: 'lopend', vervaldatum: '2024-05-29', gevuurd: false },
    { naam: 'nietBehandelenKennisgeving', status: 'lopend', vervaldatum: '2024-05-29', gevuurd: false },
  ]);

  const bezwaar =
    /^de klacht wordt geïmporteerd: haar termijn nietBehandelenKennisgeving \(Kennisgeving niet-behandelen, uiterlijk 2024-05-29\) is verstreken en de import heeft dat nog niet verwerkt; er is niets gemigreerd, migreer haar opnieuw zodra haar import klaar is$/;
  const proef = await testdam.proef('2024-06').expect(200);
  expect(proef.body.klachten).toEqual([
    expect.objectContaining({ klachtId: klacht, migreerbaar: false, bezwaren: [expect.stringMatching(bezwaar)] }),
  ]);

  const res = await testdam.migreer('2024-06', [klacht], 'Klachtenregeling Testdam 2024-06');
  expect([res.status, res.body.code]).toEqual([409, 'migratie-geweigerd']);
  expect(res.body.klachten).toEqual([{ klachtId: klacht, bezwaren: [expect.stringMatching(bezwaar)] }]);
  expect(await beeld(klacht)).toEqual(voor);

  // The import line is done: the same migration now fires the expiry at its own moment, then moves the klacht.
  await sql(`update idempotentie_sleutel set route = 'import', status = 'klaar' where sleutel = $1`, [intakeSleutel('INHAAL-1')]);
  await testdam.migreer('2024-06', [klacht], 'Klachtenregeling Testdam 2024-06').expect(200);
  const na = await beeld(klacht);
  expect(na.klacht).toEqual(expect.objectContaining({ versie: '2024-06' }));
  expect(na.historie.slice(voor.historie.length)).toEqual([
    'TERMIJN_VERLOPEN:afhandeling',
    'TERMIJN_VERLOPEN:nietBehandelenKennisgeving',
    'VERSIE_GEMIGREERD',
  ]);
  expect(na.termijnen).toContainEqual({ naam: 'afhandeling', status: 'verlopen', vervaldatum: '2024-05-29', gevuurd: true });
}, 60_000);
