/**
 * docs/import.md with Awb 9:11 lid 1 (a termijn passes on its own day, whoever fires it): the import's catch-up brings a
 * historic klacht up to each event and, at the end of its line, up to now, however many expiries follow one another.
 * Each round of the catch-up (haalWekkersIn) fires only the termijnen due by the latest one that had passed when it began: a
 * termijn started by an expiry, itself passed, waits for the next round (once there were at most five). The seed regelingen chain a few such expiries (the ketenpartner's six weeks, the gemeente's, the year for the
 * ombudsman); this regime chains eight, each started by the previous one's expiry a week later, so a klacht of it needs
 * eight rounds. A real XState machine on the CompiledRegime contract (as test/support/test-regime.ts), served to the real
 * service on PostgreSQL.
 */
import { KLOK } from '../src/common/klok';
import { REGIME_BRON, type RegimeBron } from '../src/modules/engine/regime-bron';
import { ImportService, SCOPE_SERVER } from '../src/modules/import/import.service';
import { createTestApp, createTestDatabase, sqlOp, type TestApp, type TestDatabase } from './support';
import { verschuifbareKlok } from './support/verschuifbare-klok';
import { keten as ketenVan, ketenBeeld, ketenRegime } from './support/keten-regime';

const GEMEENTE = 'GM9998';
/** More than the five rounds the catch-up once had, expiries in a row a week apart. */
const SCHAKELS = 8;
/** The same regime with a schakel of a day, 120 of them: more than the dry run's former bound of 100 expiries per event. */
const GEMEENTE_LANG = 'GM9997';
const SCHAKELS_LANG = 120;

const regimes = [ketenRegime(GEMEENTE, SCHAKELS, 7), ketenRegime(GEMEENTE_LANG, SCHAKELS_LANG, 1)];
const bron: RegimeBron = {
  forGemeente: (code) => regimes.find((r) => r.summary.gemeente.cbsCode === code),
  byId: (id, versie) => regimes.find((r) => r.summary.id === id && r.summary.versie === versie),
};

/** The day of the import: the whole chain (last day 26 February 2024) has passed. */
const NU = new Date('2024-06-03T10:00:00+02:00');
const klok = verschuifbareKlok(NU);
let db: TestDatabase;
let t: TestApp;
let imports: ImportService;
const sql = <T = Record<string, unknown>>(q: string, p: unknown[] = []) => sqlOp<T>(db.url, q, p);

beforeAll(async () => {
  db = await createTestDatabase('import_tijd_inhaalketen');
  t = await createTestApp({
    databaseUrl: db.url,
    postgresQueue: true,
    // No worker or sweep: what the import leaves behind stays behind.
    env: { ROLE: 'api', SWEEP_INTERVAL_MS: '600000' },
    override: (b) => b.overrideProvider(KLOK).useValue(klok).overrideProvider(REGIME_BRON).useValue(bron),
  });
  imports = t.app.get(ImportService);
}, 120_000);
afterAll(async () => {
  await t?.close();
  await db?.drop();
});

const intake = (onderwerp: string, gemeente = GEMEENTE) => ({
  gemeente,
  kanaal: 'webformulier',
  ontvangenOp: '2024-01-01T10:00:00+01:00',
  ingediendBij: 'gemeente',
  soort: 'klacht',
  onderwerp,
  aanbieders: [{ id: 'zorg-noord', naam: 'Zorg Noord', type: 'wmo' }],
  feiten: {},
});

async function importeer(extern: string, gebeurtenissen: unknown[], gemeente = GEMEENTE) {
  const regel = JSON.stringify({ extern, intake: intake(`keten ${extern}`, gemeente), gebeurtenissen });
  const { id } = await imports.maak(regel + '\n', { naam: `${extern}.ndjson`, actor: 'test', scope: SCOPE_SERVER });
  const stand = await imports.verwerk(id);
  const [r] = await sql<{ klacht_id: string; fouten: unknown }>(`SELECT klacht_id, fouten FROM klacht_import_regel WHERE import_id = $1`, [
    id,
  ]);
  return { stand, klachtId: r.klacht_id, fouten: r.fouten };
}

const beeld = (klachtId: string) => ketenBeeld(db.url, klachtId);

const keten = (n = SCHAKELS) => ketenVan(n);

it('Awb 9:11 lid 1: eight expiries in a row before a historic event all fire first, in order, and the event is imported after them', async () => {
  const { stand, klachtId, fouten } = await importeer('KETEN-1', [{ type: 'AFDOEN', at: '2024-03-15T10:00:00+01:00' }]);
  expect(fouten).toEqual([]);
  expect(stand).toMatchObject({ status: 'klaar', geimporteerd: 1, fout: 0 });
  expect(await beeld(klachtId)).toEqual({ state: 'afgedaan', historie: ['KLACHT_ONTVANGEN', ...keten(), 'AFDOEN'], lopend: [] });
}, 60_000);

it('Awb 9:11 lid 1: at the end of a line every expiry up to now fires, eight in a row, none left running though passed', async () => {
  const { stand, klachtId } = await importeer('KETEN-2', []);
  expect(stand).toMatchObject({ status: 'klaar', geimporteerd: 1, fout: 0 });
  expect(await beeld(klachtId)).toEqual({ state: 'klaar', historie: ['KLACHT_ONTVANGEN', ...keten()], lopend: [] });
}, 60_000);

it('Awb 9:11 lid 1: 120 expiries in a row before one historic event, a day apart: the dry run fires them all as the write does, and the line is imported', async () => {
  // Received 1 January 2024: the 120th schakel's last day is 30 April, the event on 15 May.
  const { stand, klachtId, fouten } = await importeer('KETEN-3', [{ type: 'AFDOEN', at: '2024-05-15T10:00:00+02:00' }], GEMEENTE_LANG);
  expect(fouten).toEqual([]);
  expect(stand).toMatchObject({ status: 'klaar', geimporteerd: 1, fout: 0 });
  expect(await beeld(klachtId)).toEqual({
    state: 'afgedaan',
    historie: ['KLACHT_ONTVANGEN', ...keten(SCHAKELS_LANG), 'AFDOEN'],
    lopend: [],
  });
}, 120_000);
