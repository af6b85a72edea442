/**
 * Awb 9:11 lid 1 with 9:18 and 9:24 lid 1 sub b: a termijn passes on its own day, whoever fires its wake-up. When the
 * worker was down for a while, an event through the API (and a version migration or a hand-over at contract end,
 * haalWekkersIn) first fires every termijn that passed before its moment, also those that an earlier expiry started and
 * that passed too, however many follow one another: the catch-up once stopped after five rounds, so the sixth of a chain
 * answered 503 to the API and was left running though passed by the others. A regime of eight expiries a week apart
 * (test/support/keten-regime.ts) served to the real service on PostgreSQL; no worker runs.
 */
import { DataSource } from 'typeorm';
import { KLOK, vasteKlok } from '../src/common/klok';
import { EngineService } from '../src/modules/engine/engine.service';
import { REGIME_BRON, type RegimeBron } from '../src/modules/engine/regime-bron';
import { KlachtenService } from '../src/modules/klachten/klachten.service';
import { haalWekkersIn } from '../src/modules/termijnen/achterstand';
import { TermijnWakeService } from '../src/modules/termijnen/termijn-wake.service';
import { intake } from '../src/machines/intake.spec-hulp';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';
import { keten, ketenBeeld, ketenRegime } from './support/keten-regime';

const GEMEENTE = 'GM9996';
const SCHAKELS = 8;
const regime = ketenRegime(GEMEENTE, SCHAKELS, 7);
const bron: RegimeBron = {
  forGemeente: (code) => (code === GEMEENTE ? regime : undefined),
  byId: (id, versie) => (id === regime.summary.id && versie === regime.summary.versie ? regime : undefined),
};
/** Received 1 January 2024: the eighth schakel's last day is 26 February; nobody woke the klacht up since. */
const NU = new Date('2024-06-03T10:00:00+02:00');

let db: TestDatabase;
let t: TestApp;

beforeAll(async () => {
  db = await createTestDatabase('achterstand_keten');
  t = await createTestApp({
    databaseUrl: db.url,
    postgresQueue: true,
    env: { ROLE: 'api', SWEEP_INTERVAL_MS: '600000' },
    override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(NU)).overrideProvider(REGIME_BRON).useValue(bron),
  });
}, 120_000);
afterAll(async () => {
  await t?.close();
  await db?.drop();
});

async function nieuweKlacht(): Promise<string> {
  const { klacht } = await t.app
    .get(EngineService, { strict: false })
    .create(intake({ gemeente: GEMEENTE, ontvangenOp: '2024-01-01T10:00:00+01:00' }), { actor: 'kcc' });
  return klacht.id;
}

const beeld = (klachtId: string) => ketenBeeld(db.url, klachtId);

it('Awb 9:18 with 9:24 lid 1 sub b: an event through the API after eight chained expiries nobody fired is taken after all of them, in order, not answered 503', async () => {
  const id = await nieuweKlacht();
  const detail = await t.app.get(KlachtenService, { strict: false }).gebeurtenis(id, { type: 'AFDOEN' }, 'behandelaar');
  expect(detail.state).toBe('afgedaan');
  expect(await beeld(id)).toEqual({ state: 'afgedaan', historie: ['KLACHT_ONTVANGEN', ...keten(SCHAKELS), 'AFDOEN'], lopend: [] });
});

it('Awb 9:11 lid 1: the catch-up of a version migration or a hand-over (haalWekkersIn) fires the whole chain of eight, none left running though passed', async () => {
  const id = await nieuweKlacht();
  const achter = await haalWekkersIn(t.app.get(TermijnWakeService, { strict: false }), t.app.get(DataSource).manager, [id], NU);
  expect(achter).toEqual([]);
  expect(await beeld(id)).toEqual({ state: 'klaar', historie: ['KLACHT_ONTVANGEN', ...keten(SCHAKELS)], lopend: [] });
});

it('Awb 9:18 with 9:24 lid 1 sub b: when the worker fires a passed termijn between the refusal of an API event and that event’s own catch-up, the catch-up goes on with the termijnen that expiry started and that passed too, and the event is taken after all of them', async () => {
  const id = await nieuweKlacht();
  const wake = t.app.get(TermijnWakeService, { strict: false });
  const echt = wake.verval.bind(wake);
  const uitkomsten: string[] = [];
  let eerste = true;
  const spion = jest.spyOn(wake, 'verval').mockImplementation(async (job, nu, opties) => {
    if (eerste) {
      // The worker's wake-up (its job, or the sweep) of the same termijn commits first: the catch-up's own finds it fired.
      eerste = false;
      uitkomsten.push(`worker ${job.termijnNaam}: ${await echt({ ...job }, NU, {})}`);
    }
    const u = await echt(job, nu, opties);
    uitkomsten.push(`api ${job.termijnNaam}: ${u}`);
    return u;
  });
  try {
    const detail = await t.app.get(KlachtenService, { strict: false }).gebeurtenis(id, { type: 'AFDOEN' }, 'behandelaar');
    expect(detail.state).toBe('afgedaan');
  } finally {
    spion.mockRestore();
  }
  expect(uitkomsten.slice(0, 2)).toEqual(['worker schakel1: verwerkt', 'api schakel1: stale']);
  expect(await beeld(id)).toEqual({ state: 'afgedaan', historie: ['KLACHT_ONTVANGEN', ...keten(SCHAKELS), 'AFDOEN'], lopend: [] });
});
