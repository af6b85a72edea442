/**
 * The special regimes over time, through the engine and the API on real PostgreSQL with the seed definitions and a fixed
 * clock (no worker runs: ROLE=api; the wake-ups are the real wake service, called at the moment the worker would).
 *
 * Wkkgz 21 lid 1 sub b: after the zorgaanbieder's written outcome (Wkkgz 17 lid 1) the klager has a window to take the
 * geschil to the geschilleninstantie (the Wkkgz sets none: a year after the reglement of the geschilleninstantie, unless
 * the definition sets geschilVoorleggenTermijn). No klacht waits for him for ever: the wake-up after the window closes it.
 *
 * Wet Nationale ombudsman art. 11d (Awb titel 9.2 by analogy): after the klachtencommissie's oordeel and the aanbieder's
 * reactie (Jeugdwet 4.2.1 lid 2 sub c, lid 5) the internal handling is complete (Awb 9:20) and the klager has a year from
 * the reactie (Awb 9:24 lid 1) to go to the Kinderombudsman; when it passes without a request the klacht is closed.
 */
import request from 'supertest';
import { KLOK, vasteKlok } from '../src/common/klok';
import type { IntakeInput } from '../src/machines/contract';
import { bearer } from './auth-support';
import { createTestDatabase, deleteRedisPrefix, uniqueRedisPrefix, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

let tdb: TestDatabase;
let a: EngineApp;
const queuePrefix = uniqueRedisPrefix('bijzondere-regimes-tijd');

beforeAll(async () => {
  tdb = await createTestDatabase('bijzondere_regimes_tijd');
  a = await createEngineApp({
    databaseUrl: tdb.url,
    queuePrefix,
    regimes: 'definities',
    env: { ROLE: 'api', SWEEP_INTERVAL_MS: '600000' },
    // The morning after the klager's last day: no data check refuses the acts' days as in the future.
    override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(new Date('2027-05-05T09:00:00+02:00'))),
  });
}, 120_000);

afterAll(async () => {
  await a?.close();
  await tdb?.drop();
  await deleteRedisPrefix(queuePrefix);
});

/** Filed at the gemeente Amsterdam about the care of one zorgaanbieder: the Wkkgz route. */
const overZorg: IntakeInput = {
  gemeente: 'GM0363',
  kanaal: 'brief',
  ontvangenOp: '2026-04-02T10:00:00+02:00',
  ingediendBij: 'gemeente',
  soort: 'klacht',
  aanbieders: [{ id: 'zorg-oost', naam: 'Zorg Oost', type: 'zorg' }],
  feiten: { complex: false, eerderBijAanbieder: false, aantalAanbieders: 1 },
};

const klachtRij = async (id: string) =>
  ((await a.db.query(`select state, done from klacht where id = $1`, [id])) as Array<{ state: string; done: boolean }>)[0];

const venster = async (id: string, naam = 'wkkgzGeschilVoorleggen') =>
  (await a.db.query(`select vervaldatum::text, status, revision from termijn where klacht_id = $1 and naam = $2`, [id, naam])) as Array<{
    vervaldatum: string;
    status: string;
    revision: number;
  }>;

/** The written outcome on Monday 4 May 2026: the klager's year runs to Tuesday 4 May 2027 inclusive (no Atw). */
async function uitkomstMeegedeeld(): Promise<string> {
  const { klacht } = await a.engine.create(overZorg, { actor: 'klachtbehandelaar' });
  const r = await a.engine.apply(
    klacht.id,
    { type: 'AFDOENEN', at: '2026-05-04T10:00:00+02:00', data: { oordeel: 'ongegrond', maatregelen: 'geen' } },
    { actor: 'klachtbehandelaar' },
  );
  expect(r.result.state).toBe('wkkgz.uitkomstMeegedeeld');
  return klacht.id;
}

/** The wake-up of midnight after the last day, as the worker runs it. */
async function gewekt(id: string, naam = 'wkkgzGeschilVoorleggen'): Promise<void> {
  const [t] = await venster(id, naam);
  const uit = await a.wake.verval(
    { klachtId: id, termijnNaam: naam, revision: t.revision, kind: 'verval' },
    new Date('2027-05-05T00:00:05+02:00'),
  );
  expect(uit).toBe('verwerkt');
}

const gebeurtenis = async (id: string, type: string, at: string) =>
  request(a.http)
    .post(`/api/v1/klachten/${id}/gebeurtenissen`)
    .set('Authorization', await bearer(a.app, 'GM0363', 'klachtbehandelaar'))
    .send({ type, at });

describe('Wkkgz 21 lid 1 sub b: the klager’s window after the written outcome', () => {
  it('the wake-up after the window closes a klacht that waited for the klager, and the window is on record as passed', async () => {
    const id = await uitkomstMeegedeeld();
    expect((await venster(id)).map((t) => [t.vervaldatum, t.status])).toEqual([['2027-05-04', 'lopend']]);
    await gewekt(id);
    expect(await klachtRij(id)).toEqual({ state: 'afgesloten', done: true });
    expect((await venster(id)).map((t) => [t.vervaldatum, t.status])).toEqual([['2027-05-04', 'verlopen']]);
  });

  it('a geschil of the last day registered the morning after the wake-up is taken, as it would have been before it ran', async () => {
    const id = await uitkomstMeegedeeld();
    await gewekt(id);
    const r = await gebeurtenis(id, 'GESCHIL_VOORGELEGD', '2027-05-04T15:00:00+02:00');
    expect([r.status, r.body.state]).toEqual([200, 'wkkgz.bijGeschilleninstantie']);
    expect(await klachtRij(id)).toEqual({ state: 'wkkgz.bijGeschilleninstantie', done: false });
  });

  it('a geschil of the day after, sent before the wake-up ran, is refused (409, the last day in the reason); the klacht ends as the wake-up ends it', async () => {
    const id = await uitkomstMeegedeeld();
    const r = await gebeurtenis(id, 'GESCHIL_VOORGELEGD', '2027-05-05T08:00:00+02:00');
    expect(r.status).toBe(409);
    expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(r.body.detail).toContain('op dinsdag 4 mei 2027 verstreek');
    // The engine steps the passed window first, as the worker would have at midnight: closed, not at the geschilleninstantie.
    expect(await klachtRij(id)).toEqual({ state: 'afgesloten', done: true });
    expect((await venster(id)).map((t) => [t.vervaldatum, t.status])).toEqual([['2027-05-04', 'verlopen']]);
  });
});

/** Filed at the gemeente Amsterdam about one jeugdhulpaanbieder; oordeel on 20 April, the aanbieder's reactie on 4 May 2026. */
async function reactieGegeven(): Promise<string> {
  const { klacht } = await a.engine.create(
    { ...overZorg, aanbieders: [{ id: 'jeugd-oost', naam: 'Jeugdhulp Oost', type: 'jeugdhulp' }] },
    { actor: 'klachtbehandelaar' },
  );
  await a.engine.apply(
    klacht.id,
    { type: 'OORDEEL_KLACHTENCOMMISSIE', at: '2026-04-20T10:00:00+02:00', data: { oordeel: 'gegrond' } },
    { actor: 'klachtbehandelaar' },
  );
  const r = await a.engine.apply(
    klacht.id,
    { type: 'REACTIE_AANBIEDER', at: '2026-05-04T10:00:00+02:00', data: { maatregelen: 'scholing' } },
    { actor: 'klachtbehandelaar' },
  );
  expect(r.result.state).toBe('jeugdwetKlachtencommissie.reactieGegeven');
  return klacht.id;
}

describe('Wet Nationale ombudsman art. 11d with Awb 9:20, 9:24 lid 1: the Kinderombudsman after the aanbieder’s reactie', () => {
  it('the year from the reactie runs; its wake-up closes a klacht whose klager did not go on', async () => {
    const id = await reactieGegeven();
    expect((await venster(id, 'tweedeLijnVerzoek')).map((t) => [t.vervaldatum, t.status])).toEqual([['2027-05-04', 'lopend']]);
    await gewekt(id, 'tweedeLijnVerzoek');
    expect(await klachtRij(id)).toEqual({ state: 'afgesloten', done: true });
  });

  it('a request to the Kinderombudsman of the last day, registered the morning after the wake-up, is taken, as it would have been before the wake-up ran', async () => {
    const id = await reactieGegeven();
    await gewekt(id, 'tweedeLijnVerzoek');
    const r = await gebeurtenis(id, 'VERZOEK_OMBUDSMAN', '2027-05-04T15:00:00+02:00');
    expect([r.status, r.body.state]).toEqual([200, 'bijOmbudsman.kinderombudsman.onderzoek']);
    expect(await klachtRij(id)).toEqual({ state: 'bijOmbudsman.kinderombudsman.onderzoek', done: false });
  });
});
