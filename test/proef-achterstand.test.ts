/**
 * Awb 9:11 lid 1 (a termijn passes on its own day, whoever fires its wake-up) with Awb 9:24 lid 1 sub b: registering an
 * event first runs every expiry that passed before it and whose wake-up has not run (the worker behind, the sweep's
 * interval). "Bekijk de gevolgen" (the dry run, EngineService.proef) must judge the event on the klacht as the
 * registration will step it: it accepted an uitstel of an afhandeltermijn that had passed at midnight, which the
 * registration then refused, and refused the klager's request to the second line, which the registration then took.
 *
 * The Stichtse Vecht definition: a klacht in oordeelsvorming whose afhandeltermijn ended Monday 18 May 2026; the service's
 * clock is the next morning and no wake-up ran (ROLE=api, no worker).
 */
import { KLOK, vasteKlok } from '../src/common/klok';
import { intake } from '../src/machines/intake.spec-hulp';
import { EngineService } from '../src/modules/engine/engine.service';
import { KlachtenService } from '../src/modules/klachten/klachten.service';
import { WerkvoorraadService } from '../src/modules/web/werkvoorraad.service';
import { createTestApp, createTestDatabase, sqlOp, type TestApp, type TestDatabase } from './support';

const NU = new Date('2026-05-19T09:00:40+02:00');

let tdb: TestDatabase;
let t: TestApp;

beforeAll(async () => {
  tdb = await createTestDatabase('proef_achterstand');
  t = await createTestApp({
    databaseUrl: tdb.url,
    env: { ROLE: 'api', SWEEP_INTERVAL_MS: '600000' },
    override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(NU)),
  });
}, 120_000);

afterAll(async () => {
  await t?.close();
  await tdb?.drop();
});

/** A klacht in oordeelsvorming whose afhandeltermijn ended 18 May; its wake-up has not run. */
async function nietGewekt(): Promise<string> {
  const engine = t.app.get(EngineService);
  const { klacht } = await engine.create(intake({ onderwerp: 'Traplift niet geplaatst' }), { actor: 'kcc' });
  for (const [type, at, data] of [
    ['FORMELE_BEHANDELING', '2026-04-03T10:00:00+02:00'],
    ['IN_BEHANDELING_NEMEN', '2026-04-06T10:00:00+02:00'],
    ['HOREN_OVERSLAAN', '2026-04-07T10:00:00+02:00', { reden: 'afgezien' }],
  ] as const) {
    await engine.apply(klacht.id, { type, at, ...(data ? { data } : {}) }, { actor: 'behandelaar' });
  }
  const [af] = await sqlOp<{ vervaldatum: string; verval: string | null }>(
    tdb.url,
    `select vervaldatum::text as vervaldatum, verval_gemeld_op::text as verval from termijn where klacht_id = $1 and naam = 'afhandeling'`,
    [klacht.id],
  );
  expect(af).toEqual({ vervaldatum: '2026-05-18', verval: null });
  return klacht.id;
}

/** What each says of the same event: the dry run's outcome, then the registration's. */
async function beide(type: string, data?: Record<string, unknown>): Promise<[string, string]> {
  const id = await nietGewekt();
  const uitkomst = (p: Promise<{ state?: string; naar?: { state: string } }>) =>
    p.then(
      (r) => `aanvaard: ${r.naar?.state ?? r.state}`,
      (e: { status?: number; getStatus?: () => number }) => `geweigerd: ${e.getStatus?.() ?? e.status ?? String(e)}`,
    );
  const proef = await uitkomst(
    t.app.get(WerkvoorraadService, { strict: false }).gevolgen(id, { type, ...(data ? { data } : {}) }, 'behandelaar'),
  );
  const echt = await uitkomst(
    t.app.get(KlachtenService, { strict: false }).gebeurtenis(id, { type, ...(data ? { data } : {}) }, 'behandelaar'),
  );
  return [proef, echt];
}

describe('Awb 9:11 lid 1: the dry run judges an event as its registration will, after the expiries that did not run yet', () => {
  it('Awb 9:11 lid 3: an uitstel of the afhandeltermijn that passed at midnight is refused by both', async () => {
    const [proef, echt] = await beide('UITSTEL_MET_INSTEMMING', {
      termijn: 'afhandeling',
      tot: '2026-06-30',
      reden: 'de klager stemde in',
    });
    expect(echt).toMatch(/^geweigerd/);
    expect(proef).toBe(echt);
  });

  it('Awb 9:24 lid 1 sub b: the klager’s request to the second line after the afhandeltermijn passed is taken by both, to the same state', async () => {
    const [proef, echt] = await beide('VERZOEK_OMBUDSMAN');
    expect(echt).toMatch(/^aanvaard/);
    expect(proef).toBe(echt);
  });
});
