/**
 * Klachtenprotocol Wmo keten Amsterdam §6, §9 with docs/import.md: while a klacht's import line is being written (the
 * intake stepped, its historic events not yet), the import fires its termijnen at their historic moments itself. An event
 * of the API on that klacht whose moment lies after a termijn that passed may not be stepped on the klacht as it stands:
 * that would end the aanbieder's passed termijnen 'verlopen' without their expiry (TERMIJN_VERLOPEN) and the escalation to
 * the Klachtenteam, and put an act of today before the import's historic ones. It is refused (409
 * klacht-wordt-geimporteerd) and nothing is written; once the line is done the same event is stepped, after the expiry.
 */
import { KLOK } from '../src/common/klok';
import { ProblemException } from '../src/common/problem';
import { IMPORT_BEZIG_ROUTE, intakeSleutel } from '../src/modules/import/import-bezig';
import { KlachtenService } from '../src/modules/klachten/klachten.service';
import { createTestApp, createTestDatabase, sqlOp, type TestApp, type TestDatabase } from './support';
import { verschuifbareKlok } from './support/verschuifbare-klok';

const NU = new Date('2024-09-02T10:00:00+02:00');
const klok = verschuifbareKlok(NU);
let db: TestDatabase;
let t: TestApp;
let klachten: KlachtenService;
const sql = <T = Record<string, unknown>>(q: string, p: unknown[] = []) => sqlOp<T>(db.url, q, p);

beforeAll(async () => {
  db = await createTestDatabase('import_tijd_gelijktijdig');
  t = await createTestApp({
    databaseUrl: db.url,
    postgresQueue: true,
    // No worker or sweep: only the event's own catch-up could fire the passed termijnen.
    env: { ROLE: 'api', SWEEP_INTERVAL_MS: '600000' },
    override: (b) => b.overrideProvider(KLOK).useValue(klok),
  });
  klachten = t.app.get(KlachtenService, { strict: false });
}, 120_000);
afterAll(async () => {
  await t?.close();
  await db?.drop();
});

it('Klachtenprotocol Wmo keten Amsterdam §6, §9: an event of the API on a klacht whose import line is still running, after its aanbieder termijnen passed, is refused (409 klacht-wordt-geimporteerd) and changes nothing; after the line it is stepped after the expiry and its escalation', async () => {
  klok.zet(new Date('2024-03-04T10:00:00+01:00'));
  const k = await klachten.intake(
    {
      gemeente: 'GM0363',
      kanaal: 'brief',
      ontvangenOp: '2024-03-04T10:00:00+01:00',
      ingediendBij: 'aanbieder',
      soort: 'klacht',
      onderwerp: 'Hulp bij het huishouden kwam niet',
      aanbieders: [{ id: 'zorg-noord', naam: 'Zorg Noord', type: 'wmo' }],
      feiten: { aantalAanbieders: 1 },
    } as never,
    'import-test',
  );
  // The state the import leaves between a line's intake and its events: the intake's key with the route import-bezig.
  await sql(
    `insert into idempotentie_sleutel (gemeente, sleutel, route, request_hash, status, resultaat) values ('GM0363', $1, $2, $3, 'bezig', $4)`,
    [intakeSleutel('LOPEND-1'), IMPORT_BEZIG_ROUTE, '0'.repeat(64), JSON.stringify({ klachtId: k.id })],
  );
  const beeld = async () => ({
    termijnen: await sql(`select naam, status, verval_gemeld_op is not null as gevuurd from termijn where klacht_id = $1 order by naam`, [
      k.id,
    ]),
    historie: (await sql<{ type: string }>(`select type from klacht_gebeurtenis where klacht_id = $1 order by id`, [k.id])).map(
      (h) => h.type,
    ),
    outbox: await sql(`select count(*)::int as n from outbox where klacht_id = $1`, [k.id]),
  });
  const voor = await beeld();

  klok.zet(NU);
  const verzoek = { type: 'VERZOEK_OMBUDSMAN', at: '2024-09-02T09:00:00+02:00' };
  const fout = await klachten.gebeurtenis(k.id, verzoek as never, 'behandelaar').then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(fout).toBeInstanceOf(ProblemException);
  expect([(fout as ProblemException).getStatus(), (fout as ProblemException).code]).toEqual([409, 'klacht-wordt-geimporteerd']);
  expect(await beeld()).toEqual(voor);

  // The line is done: the same event now fires the passed termijnen first, with their escalation, then steps.
  await sql(`update idempotentie_sleutel set route = 'import', status = 'klaar' where sleutel = $1`, [intakeSleutel('LOPEND-1')]);
  await klachten.gebeurtenis(k.id, verzoek as never, 'behandelaar');
  const na = await beeld();
  expect(na.historie.slice(-2)).toEqual(['TERMIJN_VERLOPEN', 'VERZOEK_OMBUDSMAN']);
  const escalaties = await sql<{ naam: string }>(
    `select payload->>'naam' as naam from outbox where klacht_id = $1 and type = 'termijn.escalatie' order by id`,
    [k.id],
  );
  expect(escalaties.map((e) => e.naam)).toContain('aanbiederAfhandeling');
}, 60_000);
