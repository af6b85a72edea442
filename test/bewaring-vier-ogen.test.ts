/**
 * Destruction needs two people, and lifting a hold leaves a trace (Archiefwet 1995 art. 3 with the Selectielijst
 * gemeenten 2020: destruction on a vernietigingslijst a person answers for, approved by another; BIO 12.4: who did what).
 *
 * The daily job draws its lists up as 'klachtregie', which is no person: such a list is approved only after one person
 * signs it (POST /vernietigingslijsten/{id}/ondertekening) and another approves it. Lifting a bewaarblokkade or a
 * 13.1.3 mark (Selectielijst gemeenten 2020, blijvend bewaren) needs a reason and a beheerder or procesEigenaar; who set
 * and lifted either, when and why, is read at GET /klachten/{id}/bewaring.
 *
 * Real PostgreSQL, the seed definitions (Amsterdam), the injected clock set per step; no worker runs (ROLE=api).
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { KLOK, type Klok } from '../src/common/klok';
import { ApiSleutelService } from '../src/modules/auth/api-sleutel.service';
import type { Rol } from '../src/modules/auth/rol';
import { BewaringVierOgen1796600000000 } from '../src/database/migrations/1796600000000-BewaringVierOgen';
import { BewaringService } from '../src/modules/bewaring/bewaring.service';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

const AMSTERDAM = 'GM0363';
let nu = new Date('2026-06-01T09:00:00Z');
const klok: Klok = { nu: () => nu };

let db: TestDatabase;
let t: EngineApp;
let behandelaar: Sleutel;

interface Sleutel {
  auth: string;
  /** The audit subject of the key, as the lists and the history name who did what. */
  subject: string;
}

async function sleutel(rol: Rol, gemeente = AMSTERDAM): Promise<Sleutel> {
  const { sleutel: s, entity } = await t.app
    .get(ApiSleutelService, { strict: false })
    .maak({ gemeente, rol, naam: `test ${rol}`, medewerker: `test-${randomUUID()}` });
  return { auth: `Bearer ${s}`, subject: `api-sleutel:${entity.id}` };
}

beforeAll(async () => {
  db = await createTestDatabase('bewaring_vier_ogen');
  t = await createEngineApp({
    databaseUrl: db.url,
    regimes: 'definities',
    env: { ROLE: 'api' },
    override: (b) => b.overrideProvider(KLOK).useValue(klok),
  });
  behandelaar = await sleutel('klachtbehandelaar');
}, 120_000);

afterAll(async () => {
  await t?.close();
  await db?.drop();
});

// Each test judges only its own klacht: no list another test left waiting holds it back (a klacht is on one waiting list).
beforeEach(async () => {
  await t.db.query(`DELETE FROM vernietigingslijst WHERE status = 'voorgesteld'`);
});

/** The daily job's list, as it runs now. */
async function lijstVanDeTaak(): Promise<{ id: string; opgesteldDoor: string; ondertekendDoor: string | null; status: string }> {
  const [lijst] = await t.app.get(BewaringService, { strict: false }).stelOpVoorAlleGemeenten();
  expect(lijst).toBeDefined();
  return lijst;
}

/** A klacht to the wethouder, closed informally on `sluit` (Awb 9:5), its outbox handled: due under 13.1 five years later. */
async function geslotenKlacht(ontvangen: string, sluit: string): Promise<string> {
  const k = await request(t.http)
    .post('/api/v1/klachten')
    .set('Authorization', behandelaar.auth)
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
  const r = await request(t.http)
    .post(`/api/v1/klachten/${k.body.id}/gebeurtenissen`)
    .set('Authorization', behandelaar.auth)
    .send({ type: 'KLAGER_TEVREDEN', at: `${sluit}T10:00:00+01:00` });
  expect([r.status, r.body.done]).toEqual([200, true]);
  await t.relay.idle();
  await t.relay.drain();
  return k.body.id as string;
}

const bestaat = async (id: string): Promise<number> =>
  (await request(t.http).get(`/api/v1/klachten/${id}`).set('Authorization', behandelaar.auth)).status;

const bewaring = async (id: string, wie: Sleutel = behandelaar) =>
  request(t.http).get(`/api/v1/klachten/${id}/bewaring`).set('Authorization', wie.auth);

it('Archiefwet 1995 art. 3 (vier-ogenprincipe): a list the daily job drew up is destroyed only after one person signs it and another approves it; one beheerder alone destroys nothing', async () => {
  nu = new Date('2026-06-01T09:00:00Z');
  const k = await geslotenKlacht('2020-02-03', '2020-02-10'); // 13.1: destroyable from 10 February 2025
  const lijst = await lijstVanDeTaak();
  expect(lijst).toEqual(expect.objectContaining({ opgesteldDoor: 'klachtregie', ondertekendDoor: null, status: 'voorgesteld' }));
  const pad = `/api/v1/vernietigingslijsten/${lijst.id}`;
  const eerste = await sleutel('beheerder');
  const tweede = await sleutel('beheerder');
  const eigenaar = await sleutel('procesEigenaar');

  // The audit's reproduction: one beheerder approves the job's list. Refused, nothing destroyed.
  const alleen = await request(t.http).post(`${pad}/goedkeuring`).set('Authorization', eerste.auth);
  expect([alleen.status, alleen.body.code]).toEqual([409, 'ondertekening-nodig']);
  expect(await bestaat(k)).toBe(200);
  // A klachtbehandelaar does not sign.
  await request(t.http).post(`${pad}/ondertekening`).set('Authorization', behandelaar.auth).expect(403);

  nu = new Date('2026-06-01T10:00:00Z');
  const getekend = await request(t.http).post(`${pad}/ondertekening`).set('Authorization', eerste.auth).expect(200);
  expect(getekend.body).toEqual(
    expect.objectContaining({ status: 'voorgesteld', ondertekendDoor: eerste.subject, ondertekendOp: '2026-06-01T10:00:00.000Z' }),
  );
  expect(getekend.body.regels).toContainEqual(expect.objectContaining({ klachtId: k, status: 'voorgesteld' }));
  // Who signed does not approve as well.
  const zelf = await request(t.http).post(`${pad}/goedkeuring`).set('Authorization', eerste.auth);
  expect([zelf.status, zelf.body.code]).toEqual([409, 'vier-ogen']);
  expect(await bestaat(k)).toBe(200);
  // Signed once: another's signature is refused and does not replace it (else the signer could approve after all);
  // the same person signing again changes nothing.
  const ander = await request(t.http).post(`${pad}/ondertekening`).set('Authorization', tweede.auth);
  expect([ander.status, ander.body.code]).toEqual([409, 'vernietigingslijst-ondertekend']);
  nu = new Date('2026-06-01T11:00:00Z');
  const weer = await request(t.http).post(`${pad}/ondertekening`).set('Authorization', eerste.auth).expect(200);
  expect([weer.body.ondertekendDoor, weer.body.ondertekendOp]).toEqual([eerste.subject, '2026-06-01T10:00:00.000Z']);
  const zelfWeer = await request(t.http).post(`${pad}/goedkeuring`).set('Authorization', eerste.auth);
  expect([zelfWeer.status, zelfWeer.body.code]).toEqual([409, 'vier-ogen']);

  // A second person approves: now it is destroyed, and the proces-verbaal names both.
  const pv = await request(t.http).post(`${pad}/goedkeuring`).set('Authorization', eigenaar.auth).expect(200);
  expect(pv.body).toEqual(
    expect.objectContaining({
      status: 'uitgevoerd',
      opgesteldDoor: 'klachtregie',
      ondertekendDoor: eerste.subject,
      goedgekeurdDoor: eigenaar.subject,
      goedgekeurdRol: 'procesEigenaar',
    }),
  );
  expect((pv.body.regels as Array<{ status: string }>).map((g) => g.status)).toEqual(expect.arrayContaining(['vernietigd']));
  expect(await bestaat(k)).toBe(404);
  const ook = await request(t.http).post(`${pad}/ondertekening`).set('Authorization', tweede.auth);
  expect([ook.status, ook.body.code]).toEqual([409, 'vernietigingslijst-afgehandeld']);
});

it('Archiefwet 1995 art. 3 (vier-ogenprincipe): a list a person drew up is signed by that person, and only another approves it', async () => {
  nu = new Date('2026-06-02T09:00:00Z');
  const k = await geslotenKlacht('2020-03-02', '2020-03-09');
  const opsteller = await sleutel('procesEigenaar');
  const beheerder = await sleutel('beheerder');
  const lijst = await request(t.http).post('/api/v1/vernietigingslijsten').set('Authorization', opsteller.auth).expect(201);
  expect(lijst.body).toEqual(
    expect.objectContaining({ opgesteldDoor: opsteller.subject, ondertekendDoor: opsteller.subject, ondertekendOp: nu.toISOString() }),
  );
  const pad = `/api/v1/vernietigingslijsten/${lijst.body.id}`;
  // Another's signature does not make the opsteller an approver.
  const ander = await request(t.http).post(`${pad}/ondertekening`).set('Authorization', beheerder.auth);
  expect([ander.status, ander.body.code]).toEqual([409, 'vernietigingslijst-ondertekend']);
  const zelf = await request(t.http).post(`${pad}/goedkeuring`).set('Authorization', opsteller.auth);
  expect([zelf.status, zelf.body.code]).toEqual([409, 'vier-ogen']);
  expect(await bestaat(k)).toBe(200);
  await request(t.http).post(`${pad}/goedkeuring`).set('Authorization', beheerder.auth).expect(200);
  expect(await bestaat(k)).toBe(404);
});

it('Archiefwet 1995 art. 3, BIO 12.4: lifting a bewaarblokkade needs a reason and a beheerder or procesEigenaar; who set and lifted it, when and why, is read at GET /klachten/{id}/bewaring, and goes with the klacht', async () => {
  nu = new Date('2026-06-03T09:00:00Z');
  const k = await geslotenKlacht('2020-04-06', '2020-04-14');
  const beheerder = await sleutel('beheerder');
  const eigenaar = await sleutel('procesEigenaar');
  await request(t.http)
    .put(`/api/v1/klachten/${k}/bewaarblokkade`)
    .set('Authorization', behandelaar.auth)
    .send({ reden: 'Woo-verzoek 2026-014 loopt' })
    .expect(200);

  nu = new Date('2026-06-04T09:00:00Z');
  // The klachtbehandelaar who set it does not lift it; without a reason (or a too short one) nobody does.
  await request(t.http)
    .delete(`/api/v1/klachten/${k}/bewaarblokkade`)
    .set('Authorization', behandelaar.auth)
    .send({ reden: 'Woo-verzoek afgehandeld' })
    .expect(403);
  for (const body of [undefined, {}, { reden: 'ok' }]) {
    const r = request(t.http).delete(`/api/v1/klachten/${k}/bewaarblokkade`).set('Authorization', beheerder.auth);
    const a = await (body === undefined ? r : r.send(body));
    expect(a.status).toBe(400);
    expect(JSON.stringify(a.body)).toContain('reden');
  }
  const vast = await bewaring(k);
  expect(vast.status).toBe(200);
  expect(vast.body.bewaarblokkade).toEqual({
    klachtId: k,
    reden: 'Woo-verzoek 2026-014 loopt',
    door: behandelaar.subject,
    op: '2026-06-03T09:00:00.000Z',
  });
  // Nothing lifted: not listed.
  const [vastgehouden] = await t.app.get(BewaringService, { strict: false }).stelOpVoorAlleGemeenten();
  if (vastgehouden) {
    expect(
      (await t.app.get(BewaringService, { strict: false }).lijst(AMSTERDAM, vastgehouden.id)).regels.map((g) => g.klachtId),
    ).not.toContain(k);
    await t.db.query(`DELETE FROM vernietigingslijst WHERE id = $1`, [vastgehouden.id]);
  }

  await request(t.http)
    .delete(`/api/v1/klachten/${k}/bewaarblokkade`)
    .set('Authorization', beheerder.auth)
    .send({ reden: 'Woo-verzoek 2026-014 afgehandeld op 2 juni' })
    .expect(204);
  // Lifting what is not there changes nothing and records nothing.
  nu = new Date('2026-06-05T09:00:00Z');
  await request(t.http)
    .delete(`/api/v1/klachten/${k}/bewaarblokkade`)
    .set('Authorization', eigenaar.auth)
    .send({ reden: 'nog eens' })
    .expect(204);
  const na = await bewaring(k, eigenaar);
  expect(na.status).toBe(200);
  expect(na.body).toEqual({
    klachtId: k,
    historie: [
      {
        maatregel: 'bewaarblokkade',
        handeling: 'gezet',
        grond: 'Woo-verzoek 2026-014 loopt',
        door: behandelaar.subject,
        rol: 'klachtbehandelaar',
        op: '2026-06-03T09:00:00.000Z',
      },
      {
        maatregel: 'bewaarblokkade',
        handeling: 'opgeheven',
        grond: 'Woo-verzoek 2026-014 loopt',
        reden: 'Woo-verzoek 2026-014 afgehandeld op 2 juni',
        door: beheerder.subject,
        rol: 'beheerder',
        op: '2026-06-04T09:00:00.000Z',
      },
    ],
  });
  // Another gemeente does not learn the klacht exists.
  expect((await bewaring(k, await sleutel('klachtbehandelaar', 'GM1904'))).status).toBe(404);

  // Lifted, the klacht is destroyable again, by two people; its history of holds goes with it (AVG art. 5 lid 1 sub e).
  const lijst = await lijstVanDeTaak();
  await request(t.http).post(`/api/v1/vernietigingslijsten/${lijst.id}/ondertekening`).set('Authorization', beheerder.auth).expect(200);
  await request(t.http).post(`/api/v1/vernietigingslijsten/${lijst.id}/goedkeuring`).set('Authorization', eigenaar.auth).expect(200);
  expect(await bestaat(k)).toBe(404);
  expect(await t.db.query('SELECT id FROM bewaar_handeling WHERE klacht_id = $1', [k])).toEqual([]);
});

it('Selectielijst gemeenten 2020, 13.1.3: lifting a blijvend-bewaren mark needs a reason and a beheerder or procesEigenaar; setting, replacing and lifting are read at GET /klachten/{id}/bewaring', async () => {
  nu = new Date('2026-06-06T09:00:00Z');
  const k = await geslotenKlacht('2020-05-04', '2020-05-11');
  const eigenaar = await sleutel('procesEigenaar');
  for (const [zaak, op] of [
    ['ZAAK-2020-000123', '2026-06-06T09:00:00Z'],
    ['ZAAK-2020-000124', '2026-06-07T09:00:00Z'],
  ]) {
    nu = new Date(op);
    await request(t.http).put(`/api/v1/klachten/${k}/blijvend-bewaren`).set('Authorization', behandelaar.auth).send({ zaak }).expect(200);
  }
  nu = new Date('2026-06-08T09:00:00Z');
  await request(t.http)
    .delete(`/api/v1/klachten/${k}/blijvend-bewaren`)
    .set('Authorization', behandelaar.auth)
    .send({ reden: 'ten onrechte gezet' })
    .expect(403);
  const zonder = await request(t.http).delete(`/api/v1/klachten/${k}/blijvend-bewaren`).set('Authorization', eigenaar.auth).send({});
  expect(zonder.status).toBe(400);
  expect(JSON.stringify(zonder.body)).toContain('reden');
  expect((await bewaring(k)).body.blijvendBewaren).toEqual(
    expect.objectContaining({ zaak: 'ZAAK-2020-000124', grondslag: 'Selectielijst gemeenten 2020, 13.1.3', door: behandelaar.subject }),
  );
  await request(t.http)
    .delete(`/api/v1/klachten/${k}/blijvend-bewaren`)
    .set('Authorization', eigenaar.auth)
    .send({ reden: 'ten onrechte gezet: de zaak wordt vernietigd na 10 jaar' })
    .expect(204);
  const na = await bewaring(k);
  expect(na.body.blijvendBewaren).toBeUndefined();
  expect(na.body.historie).toEqual([
    expect.objectContaining({ maatregel: 'blijvendBewaren', handeling: 'gezet', grond: 'ZAAK-2020-000123', door: behandelaar.subject }),
    expect.objectContaining({
      maatregel: 'blijvendBewaren',
      handeling: 'gezet',
      grond: 'ZAAK-2020-000124',
      op: '2026-06-07T09:00:00.000Z',
    }),
    {
      maatregel: 'blijvendBewaren',
      handeling: 'opgeheven',
      grond: 'ZAAK-2020-000124',
      reden: 'ten onrechte gezet: de zaak wordt vernietigd na 10 jaar',
      door: eigenaar.subject,
      rol: 'procesEigenaar',
      op: '2026-06-08T09:00:00.000Z',
    },
  ]);
});

it('migration 1796600000000 (vier-ogenprincipe): a waiting list a person drew up stays signed by that person, one of the daily job waits for a signature, and standing holds and 13.1.3 marks are in the history as set', async () => {
  nu = new Date('2026-06-09T09:00:00Z');
  const k = await geslotenKlacht('2020-06-01', '2020-06-08');
  const opsteller = await sleutel('beheerder');
  const vanPersoon = await request(t.http).post('/api/v1/vernietigingslijsten').set('Authorization', opsteller.auth).expect(201);
  await request(t.http)
    .put(`/api/v1/klachten/${k}/bewaarblokkade`)
    .set('Authorization', behandelaar.auth)
    .send({ reden: 'bezwaar loopt' })
    .expect(200);
  nu = new Date('2026-06-10T09:00:00Z');
  await request(t.http)
    .put(`/api/v1/klachten/${k}/blijvend-bewaren`)
    .set('Authorization', behandelaar.auth)
    .send({ zaak: 'ZAAK-1' })
    .expect(200);
  // The schema as it was before the migration, with a waiting list of the daily job drawn up then.
  const qr = t.db.createQueryRunner();
  const migratie = new BewaringVierOgen1796600000000();
  try {
    await qr.startTransaction();
    await migratie.down(qr);
    await qr.query(
      `INSERT INTO vernietigingslijst (id, gemeente, status, peildatum, opgesteld_op, opgesteld_door)
       VALUES ('00000000-0000-4000-8000-0000000000a1', 'GM0363', 'voorgesteld', '2026-06-09', '2026-06-09T01:00:00Z', 'klachtregie')`,
    );
    await migratie.up(qr);
    await qr.commitTransaction();
  } finally {
    if (qr.isTransactionActive) await qr.rollbackTransaction();
    await qr.release();
  }
  const lijsten = (await t.db.query(
    `SELECT id, ondertekend_door AS door, ondertekend_op AS op FROM vernietigingslijst WHERE id = ANY($1) ORDER BY opgesteld_door`,
    [[vanPersoon.body.id, '00000000-0000-4000-8000-0000000000a1']],
  )) as Array<{ id: string; door: string | null; op: Date | null }>;
  expect(lijsten).toEqual([
    { id: vanPersoon.body.id, door: opsteller.subject, op: new Date('2026-06-09T09:00:00Z') },
    { id: '00000000-0000-4000-8000-0000000000a1', door: null, op: null },
  ]);
  const taak = await request(t.http)
    .post('/api/v1/vernietigingslijsten/00000000-0000-4000-8000-0000000000a1/goedkeuring')
    .set('Authorization', opsteller.auth);
  expect([taak.status, taak.body.code]).toEqual([409, 'ondertekening-nodig']);
  expect((await bewaring(k)).body.historie).toEqual([
    { maatregel: 'bewaarblokkade', handeling: 'gezet', grond: 'bezwaar loopt', door: behandelaar.subject, op: '2026-06-09T09:00:00.000Z' },
    { maatregel: 'blijvendBewaren', handeling: 'gezet', grond: 'ZAAK-1', door: behandelaar.subject, op: '2026-06-10T09:00:00.000Z' },
  ]);
});
