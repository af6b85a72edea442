/**
 * Vier ogen between people, not keys, when klachten are destroyed (Archiefwet 1995 art. 3 with the Selectielijst
 * gemeenten 2020, het vier-ogenprincipe): who signed a vernietigingslijst does not approve it with a second API key nor
 * with an OIDC login; a key issued to no medewerker neither draws up, signs nor approves a list, since it could be
 * anyone's. A key is issued to a medewerker as that person's OIDC subject (`klachtregie sleutel uitgeven --medewerker`).
 *
 * Real PostgreSQL, the seed definitions (Amsterdam), OIDC with a shared secret, the clock on 1 June 2026; no worker.
 */
import request from 'supertest';
import { KLOK, vasteKlok } from '../src/common/klok';
import { ApiSleutelService } from '../src/modules/auth/api-sleutel.service';
import type { Rol } from '../src/modules/auth/rol';
import { BewaringService } from '../src/modules/bewaring/bewaring.service';
import { OIDC_ENV, oidcBearer } from './support/oidc';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

const AMSTERDAM = 'GM0363';

let db: TestDatabase;
let t: EngineApp;
let behandelaar: string;

/** A key of medewerker `medewerker` (its OIDC sub), or with null of nobody; its bearer header and audit subject. */
async function sleutel(rol: Rol, medewerker: string | null): Promise<{ auth: string; subject: string }> {
  const s = await t.app
    .get(ApiSleutelService, { strict: false })
    .maak({ gemeente: AMSTERDAM, rol, naam: medewerker ?? 'systeem', medewerker });
  return { auth: `Bearer ${s.sleutel}`, subject: `api-sleutel:${s.entity.id}` };
}

/** An OIDC access token of beheerder `sub`. */
function login(sub: string): Promise<string> {
  return oidcBearer(sub, { gemeente: AMSTERDAM, rol: 'beheerder' });
}

beforeAll(async () => {
  db = await createTestDatabase('vier_ogen_vernietiging');
  t = await createEngineApp({
    databaseUrl: db.url,
    regimes: 'definities',
    env: { ROLE: 'api', ...OIDC_ENV },
    override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(new Date('2026-06-01T09:00:00Z'))),
  });
  behandelaar = (await sleutel('klachtbehandelaar', 'fatima')).auth;
}, 120_000);

afterAll(async () => {
  await t?.close();
  await db?.drop();
});

/** A klacht to the wethouder, closed informally on `sluit` (Awb 9:5), its outbox handled: due under 13.1 five years later. */
async function geslotenKlacht(ontvangen: string, sluit: string): Promise<string> {
  const k = await request(t.http)
    .post('/api/v1/klachten')
    .set('Authorization', behandelaar)
    .send({
      gemeente: AMSTERDAM,
      kanaal: 'brief',
      ontvangenOp: `${ontvangen}T10:00:00+01:00`,
      ingediendBij: 'gemeente',
      soort: 'klacht',
      onderwerp: 'Mevrouw Jansen, Dorpsstraat 1',
      aanbieders: [{ id: 'zorg-noord', naam: 'Zorg Noord', type: 'wmo' }],
      feiten: { aantalAanbieders: 1, gerichtAan: 'wethouder' },
    })
    .expect(201);
  await request(t.http)
    .post(`/api/v1/klachten/${k.body.id}/gebeurtenissen`)
    .set('Authorization', behandelaar)
    .send({ type: 'KLAGER_TEVREDEN', at: `${sluit}T10:00:00+01:00` })
    .expect(200);
  await t.relay.idle();
  await t.relay.drain();
  return k.body.id as string;
}

const bestaat = async (id: string): Promise<number> =>
  (await request(t.http).get(`/api/v1/klachten/${id}`).set('Authorization', behandelaar)).status;
const post = (pad: string, wie: string) => request(t.http).post(pad).set('Authorization', wie);
const probleem = (r: request.Response) => [r.status, r.body.code, r.headers['content-type']?.split(';')[0]];

it('Archiefwet 1995 art. 3 (vier-ogenprincipe): who signed a vernietigingslijst does not approve it with a second key or an OIDC login; another medewerker does', async () => {
  const k = await geslotenKlacht('2020-02-03', '2020-02-10');
  const [lijst] = await t.app.get(BewaringService, { strict: false }).stelOpVoorAlleGemeenten();
  const pad = `/api/v1/vernietigingslijsten/${lijst.id}`;
  const marieke = await sleutel('beheerder', 'marieke');
  const mariekeTweede = await sleutel('procesEigenaar', 'marieke');
  const joost = await sleutel('beheerder', 'joost');
  expect((await post(`${pad}/ondertekening`, marieke.auth)).body.ondertekendDoor).toBe(marieke.subject);

  for (const zelf of [mariekeTweede.auth, await login('marieke')]) {
    const goed = await post(`${pad}/goedkeuring`, zelf);
    expect(probleem(goed)).toEqual([409, 'vier-ogen', 'application/problem+json']);
    expect(goed.body.detail).toMatch(/ook met een andere sleutel of login is het dezelfde medewerker/);
    // Signing again with it is the same person signing again: nothing changes.
    const weer = await post(`${pad}/ondertekening`, zelf);
    expect([weer.status, weer.body.ondertekendDoor]).toEqual([200, marieke.subject]);
  }
  expect(await bestaat(k)).toBe(200);

  const pv = await post(`${pad}/goedkeuring`, joost.auth);
  expect([pv.status, pv.body.ondertekendDoor, pv.body.goedgekeurdDoor]).toEqual([200, marieke.subject, joost.subject]);
  expect(await bestaat(k)).toBe(404);
});

it('Archiefwet 1995 art. 3 (vier-ogenprincipe): a key issued to no medewerker neither draws up, signs nor approves a vernietigingslijst, and a list signed with one before keys named a person is signed again by a medewerker and approved by another', async () => {
  const k = await geslotenKlacht('2020-03-02', '2020-03-09');
  const systeem = await sleutel('beheerder', null);
  const joost = await sleutel('beheerder', 'joost');
  const lijsten = async () => (await t.db.query(`select count(*)::int as n from vernietigingslijst`))[0].n as number;
  const voor = await lijsten();
  expect(probleem(await post('/api/v1/vernietigingslijsten', systeem.auth))).toEqual([
    403,
    'vier-ogen-geen-medewerker',
    'application/problem+json',
  ]);
  expect(await lijsten()).toBe(voor);

  const [lijst] = await t.app.get(BewaringService, { strict: false }).stelOpVoorAlleGemeenten();
  const pad = `/api/v1/vernietigingslijsten/${lijst.id}`;
  expect(probleem(await post(`${pad}/ondertekening`, systeem.auth))).toEqual([
    403,
    'vier-ogen-geen-medewerker',
    'application/problem+json',
  ]);
  expect((await t.db.query(`select ondertekend_door from vernietigingslijst where id = $1`, [lijst.id]))[0].ondertekend_door).toBeNull();

  await post(`${pad}/ondertekening`, joost.auth).expect(200);
  expect(probleem(await post(`${pad}/goedkeuring`, systeem.auth))).toEqual([403, 'vier-ogen-geen-medewerker', 'application/problem+json']);
  expect(await bestaat(k)).toBe(200);

  // Drawn up and signed with a key that names nobody (before keys named their medewerker): that signature is nobody's,
  // so no approval follows it; a medewerker signs in its place (the list is not stuck: its klachten are on no other
  // list) and another approves.
  await t.db.query(`update vernietigingslijst set opgesteld_door = $1, ondertekend_door = $1 where id = $2`, [systeem.subject, lijst.id]);
  const oud = await post(`${pad}/goedkeuring`, joost.auth);
  expect(probleem(oud)).toEqual([409, 'ondertekening-nodig', 'application/problem+json']);
  expect(await bestaat(k)).toBe(200);
  expect((await post(`${pad}/ondertekening`, joost.auth)).body.ondertekendDoor).toBe(joost.subject);
  expect(probleem(await post(`${pad}/goedkeuring`, joost.auth))).toEqual([409, 'vier-ogen', 'application/problem+json']);
  const marieke = await sleutel('beheerder', 'marieke');
  const pv = await post(`${pad}/goedkeuring`, marieke.auth);
  expect([pv.status, pv.body.ondertekendDoor, pv.body.goedgekeurdDoor]).toEqual([200, joost.subject, marieke.subject]);
  expect(await bestaat(k)).toBe(404);
});
