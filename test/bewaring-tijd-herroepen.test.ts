/**
 * Retention of a klacht from the day it was closed (Archiefwet 1995 art. 3 and 5; Selectielijst gemeenten 2020, 13.1:
 * procestermijn 'nihil', the period runs from the closing of the matter). A Stichtse Vecht klacht waits a year for the
 * second line after its afdoening (Awb 9:24 lid 1 sub b) and is closed by the wake-up at midnight after that year. An act
 * of that last day registered after the wake-up is stepped in its place, before the wake-up (Awb 9:11 lid 1; regime.ts
 * `inhalen`): one that does not stop the year leaves the klacht closed by the same wake-up, at the same moment. Its
 * period still runs from the day of that closing, not from the act's day before it.
 *
 * Real PostgreSQL, the seed definitions, the real wake-up; the injected clock is set per test; no worker runs (ROLE=api).
 */
import request from 'supertest';
import { KLOK, type Klok } from '../src/common/klok';
import { bearer } from './auth-support';
import { klachtStappen, STICHTSE_VECHT } from './support/afgedane-klacht';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

let db: TestDatabase;
let t: EngineApp;
let behandelaar: string;
let beheerder: string;
let nu = new Date('2022-02-01T09:00:00Z');
const klok: Klok = { nu: () => nu };

beforeAll(async () => {
  db = await createTestDatabase('bewaring_tijd_herroepen');
  t = await createEngineApp({
    databaseUrl: db.url,
    regimes: 'definities',
    env: { ROLE: 'api' },
    override: (b) => b.overrideProvider(KLOK).useValue(klok),
  });
  behandelaar = await bearer(t.app, STICHTSE_VECHT, 'klachtbehandelaar');
  beheerder = await bearer(t.app, STICHTSE_VECHT, 'beheerder');
}, 120_000);

afterAll(async () => {
  await t?.close();
  await db?.drop();
});

const { afgedaneKlacht, stap } = klachtStappen(
  () => t.http,
  () => behandelaar,
);

/** The rows of a fresh proposal for Stichtse Vecht that concern `id` (none when nothing is due). */
async function voorgesteld(id: string): Promise<Array<{ afgeslotenOp: string; vernietigbaarVanaf: string; categorie: string }>> {
  const r = await request(t.http).post('/api/v1/vernietigingslijsten').set('Authorization', beheerder);
  if (r.status === 204) return [];
  expect(r.status).toBe(201);
  // Leave no waiting list behind: the next proposal is judged afresh.
  await t.db.query(`DELETE FROM vernietigingslijst WHERE id = $1`, [r.body.id]);
  return (r.body.regels as Array<{ klachtId: string; afgeslotenOp: string; vernietigbaarVanaf: string; categorie: string }>).filter(
    (g) => g.klachtId === id,
  );
}

it("Selectielijst gemeenten 2020, 13.1 with Awb 9:11 lid 1: a klacht closed at midnight after the klager's year, with an act of that last day registered after the wake-up, is kept five years from the day it was closed, not from the act's day", async () => {
  const id = await afgedaneKlacht('2016-02-01', '2016-03-01');
  const [termijn] = (await t.db.query(
    `SELECT revision, vervaldatum::text AS vervaldatum, vervalt_op FROM termijn WHERE klacht_id = $1 AND naam = 'tweedeLijnVerzoek' AND status = 'lopend'`,
    [id],
  )) as Array<{ revision: number; vervaldatum: string; vervalt_op: Date }>;
  // The klager's year runs to 1 March 2017 inclusive; the wake-up at midnight closes the klacht on 2 March.
  expect(termijn.vervaldatum).toBe('2017-03-01');
  expect(
    await t.wake.verval({ klachtId: id, termijnNaam: 'tweedeLijnVerzoek', revision: termijn.revision, kind: 'verval' }, termijn.vervalt_op),
  ).toBe('verwerkt');
  // The college was told of bestuurlijke impact on that last day; registered later, it leaves the year to pass.
  expect(await stap(id, 'BESTUURLIJKE_IMPACT_MELDEN', '2017-03-01T15:00:00+01:00', { reden: 'vragen van de pers' })).toEqual(
    expect.objectContaining({ state: 'afgesloten', done: true }),
  );
  // Five years from 2 March 2017: not on 1 March 2022.
  nu = new Date('2022-03-01T09:00:00+01:00');
  expect(await voorgesteld(id)).toEqual([]);
  nu = new Date('2022-03-02T09:00:00+01:00');
  expect(await voorgesteld(id)).toEqual([
    expect.objectContaining({ categorie: 'gemeente', afgeslotenOp: '2017-03-02', vernietigbaarVanaf: '2022-03-02' }),
  ]);
});

it("Awb 9:11 lid 1: an act of the klager's last day registered after the wake-up that still closes the klacht leaves its time in state at the wake-up's midnight: state_sinds is 2 March 2017 00:00, not the act's moment", async () => {
  const id = await afgedaneKlacht('2016-02-01', '2016-03-01');
  const [termijn] = (await t.db.query(
    `SELECT revision, vervalt_op FROM termijn WHERE klacht_id = $1 AND naam = 'tweedeLijnVerzoek' AND status = 'lopend'`,
    [id],
  )) as Array<{ revision: number; vervalt_op: Date }>;
  expect(
    await t.wake.verval({ klachtId: id, termijnNaam: 'tweedeLijnVerzoek', revision: termijn.revision, kind: 'verval' }, termijn.vervalt_op),
  ).toBe('verwerkt');
  await stap(id, 'BESTUURLIJKE_IMPACT_MELDEN', '2017-03-01T15:00:00+01:00', { reden: 'vragen van de pers' });
  const [{ state_sinds }] = (await t.db.query(`SELECT state_sinds FROM klacht WHERE id = $1`, [id])) as Array<{ state_sinds: Date }>;
  expect(state_sinds.toISOString()).toBe('2017-03-01T23:00:00.000Z');
});
