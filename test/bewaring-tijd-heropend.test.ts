/**
 * Archiefwet 1995 art. 3 and 5, Selectielijst gemeenten 2020: nothing of a klacht's dossier is destroyed while a later
 * step reopened it or the second line still runs. A vernietigingslijst is drawn up on one day and approved on a later
 * one; in between the klacht may be reopened (a request to the ombudsman of the last day of the klager's year,
 * registered after the wake-up that closed it: Awb 9:24 lid 1 sub b with 9:11 lid 1) or a request of the ombudsman
 * about it may come in (a linked klacht, Awb 9:31). The approval skips such a klacht; the waiting list, as the approver
 * reads it before approving, says so for that row instead of presenting it as destroyable.
 *
 * Real PostgreSQL, the seed definitions (Stichtse Vecht), the real wake-up, a fixed clock; no worker runs (ROLE=api).
 */
import request from 'supertest';
import { KLOK, vasteKlok } from '../src/common/klok';
import { bearer } from './auth-support';
import { klachtStappen, STICHTSE_VECHT } from './support/afgedane-klacht';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

interface Regel {
  klachtId: string | null;
  status: string;
  reden?: string | null;
}

let db: TestDatabase;
let t: EngineApp;
let behandelaar: string;
let beheerder: string;
let eigenaar: string;

beforeAll(async () => {
  db = await createTestDatabase('bewaring_tijd_heropend');
  t = await createEngineApp({
    databaseUrl: db.url,
    regimes: 'definities',
    env: { ROLE: 'api' },
    override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(new Date('2022-06-01T09:00:00Z'))),
  });
  behandelaar = await bearer(t.app, STICHTSE_VECHT, 'klachtbehandelaar');
  beheerder = await bearer(t.app, STICHTSE_VECHT, 'beheerder');
  eigenaar = await bearer(t.app, STICHTSE_VECHT, 'procesEigenaar');
}, 120_000);

afterAll(async () => {
  await t?.close();
  await db?.drop();
});

const { afgedaneKlacht, stap } = klachtStappen(
  () => t.http,
  () => behandelaar,
);

/** Afgedaan on 1 March 2016; the klager's year passes and the wake-up closes the klacht on 2 March 2017. */
async function gesloten(ontvangen: string): Promise<string> {
  const id = await afgedaneKlacht(ontvangen, '2016-03-01');
  const [termijn] = (await t.db.query(
    `SELECT revision, vervalt_op FROM termijn WHERE klacht_id = $1 AND naam = 'tweedeLijnVerzoek' AND status = 'lopend'`,
    [id],
  )) as Array<{ revision: number; vervalt_op: Date }>;
  expect(
    await t.wake.verval({ klachtId: id, termijnNaam: 'tweedeLijnVerzoek', revision: termijn.revision, kind: 'verval' }, termijn.vervalt_op),
  ).toBe('verwerkt');
  await t.relay.idle();
  return id;
}

/** A proposal listing `id`, as the approver reads it. */
async function opgesteld(id: string): Promise<string> {
  const r = await request(t.http).post('/api/v1/vernietigingslijsten').set('Authorization', beheerder).expect(201);
  expect((r.body.regels as Regel[]).filter((g) => g.klachtId === id)).toEqual([expect.objectContaining({ status: 'voorgesteld' })]);
  return r.body.id as string;
}

const regelVan = async (lijst: string, id: string): Promise<Regel | undefined> =>
  (
    (await request(t.http).get(`/api/v1/vernietigingslijsten/${lijst}`).set('Authorization', beheerder).expect(200)).body.regels as Regel[]
  ).find((g) => g.klachtId === id);

it("Archiefwet 1995 with Awb 9:24 lid 1 sub b: a klacht on a waiting list that a request to the ombudsman of the last day of the klager's year reopened is shown as not destroyable, and the approval skips it", async () => {
  const id = await gesloten('2016-02-01');
  const lijst = await opgesteld(id);
  expect((await regelVan(lijst, id))?.reden ?? null).toBeNull();
  // Sent on 1 March 2017, the last day of the year, registered after the wake-up: the klacht goes to the ombudsman.
  expect(await stap(id, 'VERZOEK_OMBUDSMAN', '2017-03-01T15:00:00+01:00')).toEqual(expect.objectContaining({ done: false }));
  expect(await regelVan(lijst, id)).toEqual(
    expect.objectContaining({ status: 'voorgesteld', reden: expect.stringContaining('de klacht is niet afgesloten') }),
  );
  const pv = await request(t.http).post(`/api/v1/vernietigingslijsten/${lijst}/goedkeuring`).set('Authorization', eigenaar).expect(200);
  expect((pv.body.regels as Regel[]).find((g) => g.klachtId === id)).toEqual(
    expect.objectContaining({ status: 'overgeslagen', reden: 'de klacht is niet afgesloten' }),
  );
  await request(t.http).get(`/api/v1/klachten/${id}`).set('Authorization', behandelaar).expect(200);
});

it('Archiefwet 1995 with Awb 9:31: a klacht on a waiting list about which an ombudsman request came in since is shown as not destroyable while that request runs', async () => {
  const id = await gesloten('2016-02-02');
  const lijst = await opgesteld(id);
  await request(t.http)
    .post(`/api/v1/klachten/${id}/ombudsman-verzoeken`)
    .set('Authorization', behandelaar)
    .send({ soort: 'informatievraag', ontvangenOp: '2022-05-20T09:00:00+02:00' })
    .expect(201);
  expect(await regelVan(lijst, id)).toEqual(
    expect.objectContaining({ status: 'voorgesteld', reden: expect.stringContaining('een gekoppelde klacht is niet afgesloten') }),
  );
  // Nothing is written by reading: the row itself is unchanged until the approval judges it.
  expect(await t.db.query(`SELECT status, reden FROM vernietigingslijst_regel WHERE klacht_id = $1`, [id])).toEqual([
    { status: 'voorgesteld', reden: null },
  ]);
});
