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
import request from 'supertest';
import { KLOK, vasteKlok } from '../src/common/klok';
import { intake } from '../src/machines/intake.spec-hulp';
import { EngineService } from '../src/modules/engine/engine.service';
import { KlachtenService } from '../src/modules/klachten/klachten.service';
import { WerkvoorraadService } from '../src/modules/web/werkvoorraad.service';
import { createTestApp, createTestDatabase, sqlOp, type TestApp, type TestDatabase } from './support';
import { bearer } from './auth-support';

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

describe('Awb 9:11 lid 1: the events and termijnen offered at a moment are those of the klacht as the registration will step it', () => {
  it('Awb 9:11 lid 3 with 9:24 lid 1 sub b: the tijdlijn at the morning after does not offer the uitstel of the passed afhandeltermijn, and offers the request to the second line', async () => {
    const id = await nietGewekt();
    const sleutel = await bearer(t.app, 'GM1904', 'klachtbehandelaar');
    const r = await request(t.http).get(`/api/v1/klachten/${id}/tijdlijn`).query({ op: NU.toISOString() }).set('Authorization', sleutel);
    expect(r.status).toBe(200);
    const events = r.body.volgendeEvents as Array<{ type: string; termijnKeuze?: { termijnen: string[] } }>;
    const uitstel = events.find((e) => e.type === 'UITSTEL_MET_INSTEMMING');
    expect(uitstel?.termijnKeuze?.termijnen ?? []).not.toContain('afhandeling');
    expect(events.map((e) => e.type)).toContain('VERZOEK_OMBUDSMAN');
    // As the registration: it refuses the uitstel and takes the request (the tests above).
    const [, echt] = await beide('VERZOEK_OMBUDSMAN');
    expect(echt).toMatch(/^aanvaard/);
  });

  it('Awb 9:24 lid 1 sub b: GET /klachten/{id} the morning after the afhandeltermijn passed offers the klager’s request to the second line, which the registration takes', async () => {
    const id = await nietGewekt();
    const sleutel = await bearer(t.app, 'GM1904', 'klachtbehandelaar');
    const r = await request(t.http).get(`/api/v1/klachten/${id}`).set('Authorization', sleutel);
    expect(r.status).toBe(200);
    expect((r.body.volgendeEvents as Array<{ type: string }>).map((e) => e.type)).toContain('VERZOEK_OMBUDSMAN');
  });

  it('Awb 9:11 lid 1: the dry run names the afhandeltermijn that passes before the act (verloopt) and starts from the stand after it, as the registration records', async () => {
    const id = await nietGewekt();
    const gevolgen = await t.app.get(WerkvoorraadService, { strict: false }).gevolgen(id, { type: 'VERZOEK_OMBUDSMAN' }, 'behandelaar');
    await t.app.get(KlachtenService, { strict: false }).gebeurtenis(id, { type: 'VERZOEK_OMBUDSMAN' }, 'behandelaar');
    const historie = await sqlOp<{ type: string; van: string; naar: string }>(
      tdb.url,
      `select type, van_state as van, naar_state as naar from klacht_gebeurtenis where klacht_id = $1 and accepted order by id`,
      [id],
    );
    const verloop = historie.find((h) => h.type === 'TERMIJN_VERLOPEN');
    const act = historie.at(-1)!;
    expect(verloop).toBeDefined();
    expect(act.type).toBe('VERZOEK_OMBUDSMAN');
    // `van` is where the act found the klacht (after the expiry), `naar` where it took it.
    expect(gevolgen.van.state).toBe(act.van);
    expect(gevolgen.naar.state).toBe(act.naar);
    // The expiry's doing is not the act's: the afhandeltermijn passes before it, it does not 'stop' by it.
    const termijnen = await sqlOp<{ naam: string; status: string; vervaldatum: string }>(
      tdb.url,
      `select naam, status, vervaldatum::text as vervaldatum from termijn where klacht_id = $1 order by created_at, naam`,
      [id],
    );
    expect(termijnen.find((x) => x.naam === 'afhandeling')?.status).toBe('verlopen');
    expect(gevolgen.termijnen.filter((g) => g.gevolg === 'verloopt').map((g) => [g.naam, g.vervaldatumNu])).toEqual([
      ['afhandeling', '2026-05-18'],
    ]);
    // The klager's year for the second line, which the expiry starts (Awb 9:24 lid 1 sub b), is in `van`: the act ends it
    // (met, his request came), it does not start it.
    expect(gevolgen.termijnen.map((g) => [g.naam, g.gevolg])).toEqual([
      ['afhandeling', 'verloopt'],
      ['tweedeLijnVerzoek', 'stopt'],
    ]);
    expect(termijnen.find((x) => x.naam === 'tweedeLijnVerzoek')?.status).toBe('nagekomen');
  });
});
