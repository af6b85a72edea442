/**
 * Awb 9:11 lid 1: the last day of a termijn counts in full; Klachtenprotocol Wmo keten Amsterdam §6: the aanbieder reports
 * whether the klager is satisfied (POST /klachten/{id}/terugkoppelingen). The klager's answer given on the last day of his
 * wait and reported the next morning, after the wake-up of midnight closed the klacht, is judged where the klacht was that
 * day (with the aanbieder, the answer open), as stepping it does (src/machines/regime.ts `inhalen`): the outcome does not
 * depend on whether the worker ran before the report came in. Real PostgreSQL, the seed definitions, fixed dates; no
 * worker runs (ROLE=api).
 */
import request from 'supertest';
import { KLOK, vasteKlok } from '../src/common/klok';
import type { IntakeInput } from '../src/machines/contract';
import { bearer } from './auth-support';
import { createTestDatabase, deleteRedisPrefix, uniqueRedisPrefix, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

let tdb: TestDatabase;
let a: EngineApp;
const queuePrefix = uniqueRedisPrefix('terugkoppeling-laatste-dag');

beforeAll(async () => {
  tdb = await createTestDatabase('terugkoppeling_laatste_dag');
  a = await createEngineApp({
    databaseUrl: tdb.url,
    queuePrefix,
    regimes: 'definities',
    env: { ROLE: 'api', SWEEP_INTERVAL_MS: '600000' },
    // The morning after the last day: no data check refuses the acts' days as in the future.
    override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(new Date('2027-04-21T09:00:00+02:00'))),
  });
}, 120_000);

afterAll(async () => {
  await a?.close();
  await tdb?.drop();
  await deleteRedisPrefix(queuePrefix);
});

const amsterdam: IntakeInput = {
  gemeente: 'GM0363',
  kanaal: 'telefoon',
  ontvangenOp: '2026-04-02T10:00:00+02:00',
  ingediendBij: 'aanbieder',
  soort: 'klacht',
  aanbieders: [{ id: 'zorg-west', naam: 'Zorg West', type: 'wmo' }],
  feiten: { complex: false, eerderBijAanbieder: false, aantalAanbieders: 1 },
};

const klachtRij = async (id: string) =>
  (
    (await a.db.query(`select state, done, tevredenheid from klacht where id = $1`, [id])) as Array<{
      state: string;
      done: boolean;
      tevredenheid: string | null;
    }>
  )[0];

/** Afgedaan by the aanbieder on 20 April 2026: the klager's wait (Awb 9:24 lid 1 sub a: a year) ends with 20 April 2027. */
async function afgedaan(): Promise<string> {
  const { klacht } = await a.engine.create(amsterdam, { actor: 'aanbieder' });
  await a.engine.apply(
    klacht.id,
    { type: 'AFDOENEN', at: '2026-04-20T10:00:00+02:00', data: { oordeel: 'gegrond' } },
    { actor: 'aanbieder' },
  );
  return klacht.id;
}

/** The wake-up of midnight after 20 April 2027, run by the worker: the klacht closes, 'niet bereikt'. */
async function gewekt(id: string): Promise<void> {
  const [t] = (await a.db.query(`select revision from termijn where klacht_id = $1 and naam = 'tweedeLijnVerzoekNaAanbieder'`, [
    id,
  ])) as Array<{
    revision: number;
  }>;
  const uit = await a.wake.verval(
    { klachtId: id, termijnNaam: 'tweedeLijnVerzoekNaAanbieder', revision: t.revision, kind: 'verval' },
    new Date('2027-04-21T00:00:05+02:00'),
  );
  expect(uit).toBe('verwerkt');
  expect(await klachtRij(id)).toEqual({ state: 'afgesloten', done: true, tevredenheid: 'niet bereikt' });
}

const terugkoppeling = async (id: string, rol: 'aanbieder' | 'klachtbehandelaar', at = '2027-04-20T16:00:00+02:00') =>
  request(a.http)
    .post(`/api/v1/klachten/${id}/terugkoppelingen`)
    .set('Authorization', await bearer(a.app, 'GM0363', rol, rol === 'aanbieder' ? 'zorg-west' : undefined))
    .send({ soort: 'tevredenheid', tevreden: false, at });

describe("Awb 9:11 lid 1, Klachtenprotocol Wmo keten Amsterdam §6: the klager's 'ontevreden' on the last day of his wait, reported the next morning", () => {
  it('counts whether or not the wake-up of midnight ran before the report came in: the same answer, the same klacht', async () => {
    // The worker behind: the wake-up has not run when the report comes in.
    const achter = await afgedaan();
    const r1 = await terugkoppeling(achter, 'aanbieder');
    // The worker on time: the wake-up closed the klacht at midnight, the report comes in the same morning.
    const opTijd = await afgedaan();
    await gewekt(opTijd);
    const r2 = await terugkoppeling(opTijd, 'aanbieder');
    expect([r2.status, r2.body.toegepast, r2.body.gebeurtenis, r2.body.reden]).toEqual([201, true, 'KLAGER_ONTEVREDEN', undefined]);
    expect({ toegepast: r2.body.toegepast, state: r2.body.state }).toEqual({ toegepast: r1.body.toegepast, state: r1.body.state });
    expect(await klachtRij(opTijd)).toEqual(await klachtRij(achter));
    expect(await klachtRij(opTijd)).toMatchObject({ done: false, tevredenheid: 'ontevreden' });
  });

  it("the gemeente's klachtbehandelaar registering the same report: taken as POST .../gebeurtenissen takes it", async () => {
    const id = await afgedaan();
    await gewekt(id);
    const r = await terugkoppeling(id, 'klachtbehandelaar');
    expect([r.status, r.body.toegepast, r.body.reden]).toEqual([201, true, undefined]);
    expect(await klachtRij(id)).toMatchObject({ done: false, tevredenheid: 'ontevreden' });
  });

  it('an answer reported for a moment after the wait ended is not taken: the klacht was closed then (the report is kept)', async () => {
    const id = await afgedaan();
    await gewekt(id);
    const r = await terugkoppeling(id, 'aanbieder', '2027-04-21T08:00:00+02:00');
    expect([r.status, r.body.toegepast]).toEqual([201, false]);
    expect(r.body.reden).toMatch(/toestand afgesloten/);
    expect(await klachtRij(id)).toEqual({ state: 'afgesloten', done: true, tevredenheid: 'niet bereikt' });
  });
});
