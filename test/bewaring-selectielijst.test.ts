/**
 * The rows of the Selectielijst gemeenten en intergemeentelijke organen 2020 (procestype 13) besides 13.1 and 13.1.2
 * (Archiefwet 1995 art. 3 and 5): 13.1.3, a klacht that affected a permanently kept zaak, is kept for ever (blijvend
 * bewaren) and never on a vernietigingslijst; 13.1.4, a klacht the gemeente did not handle (Awb 9:8, "niet ontvankelijk"),
 * is destroyable one year after it was closed.
 *
 * Real PostgreSQL, the seed definitions (Stichtse Vecht), the real wake-up; the injected clock is set per test; no worker
 * runs (ROLE=api).
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
let procesEigenaar: string;
let nu = new Date('2020-01-01T09:00:00Z');
const klok: Klok = { nu: () => nu };

beforeAll(async () => {
  db = await createTestDatabase('bewaring_selectielijst');
  t = await createEngineApp({
    databaseUrl: db.url,
    regimes: 'definities',
    env: { ROLE: 'api' },
    override: (b) => b.overrideProvider(KLOK).useValue(klok),
  });
  behandelaar = await bearer(t.app, STICHTSE_VECHT, 'klachtbehandelaar');
  beheerder = await bearer(t.app, STICHTSE_VECHT, 'beheerder');
  procesEigenaar = await bearer(t.app, STICHTSE_VECHT, 'procesEigenaar');
}, 120_000);

afterAll(async () => {
  await t?.close();
  await db?.drop();
});

const { afgedaneKlacht, stap } = klachtStappen(
  () => t.http,
  () => behandelaar,
);

interface Regel {
  klachtId?: string;
  categorie: string;
  grondslag: string;
  bewaartermijn: string;
  afgeslotenOp: string;
  vernietigbaarVanaf: string;
  status: string;
  reden?: string;
}

/** A fresh proposal for Stichtse Vecht: its id and the rows about `id` (none when nothing is due). */
async function stelOp(id: string): Promise<{ lijst?: string; regels: Regel[] }> {
  const r = await request(t.http).post('/api/v1/vernietigingslijsten').set('Authorization', beheerder);
  if (r.status === 204) return { regels: [] };
  expect(r.status).toBe(201);
  return { lijst: r.body.id as string, regels: (r.body.regels as Regel[]).filter((g) => g.klachtId === id) };
}

/** The rows of a fresh proposal about `id`, leaving no waiting list behind (the next proposal is judged afresh). */
async function voorgesteld(id: string): Promise<Regel[]> {
  const { lijst, regels } = await stelOp(id);
  if (lijst) await t.db.query(`DELETE FROM vernietigingslijst WHERE id = $1`, [lijst]);
  return regels;
}

/** Closes a klacht waiting in tweedeLijnVenster by the wake-up at midnight after the klager's year (Awb 9:24 lid 1). */
async function jaarVerstrijkt(id: string): Promise<void> {
  const [termijn] = (await t.db.query(
    `SELECT revision, vervalt_op FROM termijn WHERE klacht_id = $1 AND naam = 'tweedeLijnVerzoek' AND status = 'lopend'`,
    [id],
  )) as Array<{ revision: number; vervalt_op: Date }>;
  expect(
    await t.wake.verval({ klachtId: id, termijnNaam: 'tweedeLijnVerzoek', revision: termijn.revision, kind: 'verval' }, termijn.vervalt_op),
  ).toBe('verwerkt');
  const [k] = (await t.db.query(`SELECT done FROM klacht WHERE id = $1`, [id])) as Array<{ done: boolean }>;
  expect(k.done).toBe(true);
}

/** A klacht the gemeente decided not to handle (Awb 9:8 lid 1 sub b), with the notice within four weeks (Awb 9:8 lid 3). */
async function nietBehandeldeKlacht(ontvangen: string, kennisgeving: string): Promise<string> {
  const k = await request(t.http)
    .post('/api/v1/klachten')
    .set('Authorization', behandelaar)
    .send({
      gemeente: STICHTSE_VECHT,
      kanaal: 'brief',
      ontvangenOp: `${ontvangen}T10:00:00+02:00`,
      ingediendBij: 'gemeente',
      soort: 'klacht',
      onderwerp: 'Mevrouw Jansen, Dorpsstraat 1',
      aanbieders: [],
      feiten: {},
    })
    .expect(201);
  const id = k.body.id as string;
  await stap(id, 'FORMELE_BEHANDELING', `${ontvangen}T12:00:00+02:00`);
  expect((await stap(id, 'NIET_BEHANDELEN', `${kennisgeving}T12:00:00+02:00`, { grond: 'ouderDanEenJaar' })).state).toBe(
    'tweedeLijnVenster',
  );
  return id;
}

it('Selectielijst gemeenten 2020, 13.1.4: a klacht the gemeente did not handle (Awb 9:8) is destroyable one year after it was closed, not five', async () => {
  nu = new Date('2017-01-01T09:00:00+01:00');
  const id = await nietBehandeldeKlacht('2016-06-01', '2016-06-10');
  // The notice names the ombudsman and the klager's year (Awb 9:8 lid 3, 9:12 lid 2); the year ends on 10 June 2017
  // and the wake-up at midnight closes the klacht on 11 June 2017.
  await jaarVerstrijkt(id);
  nu = new Date('2018-06-10T09:00:00+02:00');
  expect(await voorgesteld(id)).toEqual([]);
  nu = new Date('2018-06-11T09:00:00+02:00');
  expect(await voorgesteld(id)).toEqual([
    expect.objectContaining({
      categorie: 'nietOntvankelijk',
      grondslag: 'Selectielijst gemeenten 2020, 13.1.4',
      bewaartermijn: 'P1Y',
      afgeslotenOp: '2017-06-11',
      vernietigbaarVanaf: '2018-06-11',
    }),
  ]);
  // A klacht handled and afgedaan the same days stays under 13.1: five years.
  const afgedaan = await afgedaneKlacht('2016-06-01', '2016-06-10');
  await jaarVerstrijkt(afgedaan);
  expect(await voorgesteld(afgedaan)).toEqual([]);
});

it('Selectielijst gemeenten 2020, 13.1.3: a klacht marked as affecting a permanently kept zaak is never proposed, a waiting list skips it at approval, and the mark is validated and can be lifted', async () => {
  nu = new Date('2017-01-01T09:00:00+01:00');
  const id = await afgedaneKlacht('2016-03-01', '2016-03-20');
  await jaarVerstrijkt(id); // closed 21 March 2017; 13.1: destroyable from 21 March 2022
  nu = new Date('2030-01-01T09:00:00+01:00');
  // Drawn up before the mark: the klacht is on a waiting list.
  const wachtend = await stelOp(id);
  expect(wachtend.regels).toEqual([expect.objectContaining({ categorie: 'gemeente', status: 'voorgesteld' })]);

  // Bad input changes nothing: a 400 naming the field, and an unknown klacht is a 404.
  const fout = await request(t.http)
    .put(`/api/v1/klachten/${id}/blijvend-bewaren`)
    .set('Authorization', behandelaar)
    .send({ zaak: '' })
    .expect(400);
  expect(fout.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(JSON.stringify(fout.body)).toContain('zaak');
  await request(t.http)
    .put('/api/v1/klachten/00000000-0000-4000-8000-000000000000/blijvend-bewaren')
    .set('Authorization', behandelaar)
    .send({ zaak: 'ZAAK-2016-0042' })
    .expect(404);
  expect(await t.db.query(`SELECT 1 FROM blijvend_bewaren`)).toEqual([]);

  const gezet = await request(t.http)
    .put(`/api/v1/klachten/${id}/blijvend-bewaren`)
    .set('Authorization', behandelaar)
    .send({ zaak: 'ZAAK-2016-0042 (bestemmingsplan)' })
    .expect(200);
  expect(gezet.body).toEqual(
    expect.objectContaining({ klachtId: id, zaak: 'ZAAK-2016-0042 (bestemmingsplan)', grondslag: 'Selectielijst gemeenten 2020, 13.1.3' }),
  );

  // The waiting list shows what its approval will do, and the approval keeps the klacht.
  const gelezen = await request(t.http)
    .get(`/api/v1/vernietigingslijsten/${wachtend.lijst}`)
    .set('Authorization', procesEigenaar)
    .expect(200);
  expect((gelezen.body.regels as Regel[]).find((r) => r.klachtId === id)?.reden).toMatch(
    /^bij goedkeuring overgeslagen: Selectielijst gemeenten 2020, 13\.1\.3/,
  );
  const pv = await request(t.http)
    .post(`/api/v1/vernietigingslijsten/${wachtend.lijst}/goedkeuring`)
    .set('Authorization', procesEigenaar)
    .expect(200);
  expect((pv.body.regels as Regel[]).find((r) => r.klachtId === id)).toEqual(
    expect.objectContaining({ status: 'overgeslagen', reden: expect.stringMatching(/^Selectielijst gemeenten 2020, 13\.1\.3/) }),
  );
  const [{ n }] = (await t.db.query(`SELECT count(*)::int AS n FROM klacht WHERE id = $1`, [id])) as Array<{ n: number }>;
  expect(n).toBe(1);
  // No later list proposes it, however late.
  nu = new Date('2090-01-01T09:00:00+01:00');
  expect(await voorgesteld(id)).toEqual([]);

  // Lifted (set by mistake), with the reason: its period follows from its history again.
  await request(t.http)
    .delete(`/api/v1/klachten/${id}/blijvend-bewaren`)
    .set('Authorization', beheerder)
    .send({ reden: 'ten onrechte gezet: de zaak wordt niet blijvend bewaard' })
    .expect(204);
  expect(await voorgesteld(id)).toEqual([expect.objectContaining({ categorie: 'gemeente', vernietigbaarVanaf: '2022-03-21' })]);
});

/** The ombudsman's informatievraag about `hoofd` (Awb 9:31), filed as a linked klacht of its own; answered on `beantwoord`. */
async function beantwoordeInformatievraag(hoofd: string, ontvangen: string, beantwoord: string): Promise<string> {
  const r = await request(t.http)
    .post(`/api/v1/klachten/${hoofd}/ombudsman-verzoeken`)
    .set('Authorization', behandelaar)
    .send({ soort: 'informatievraag', ontvangenOp: `${ontvangen}T09:00:00+02:00` });
  expect([r.status, r.body.detail]).toEqual([201, undefined]);
  const sub = r.body.klachtId as string;
  expect((await stap(sub, 'INFORMATIE_VERSTREKT', `${beantwoord}T10:00:00+02:00`)).done).toBe(true);
  return sub;
}

it('Selectielijst gemeenten 2020, 13.1.3 and Archiefwet: the mark on the ombudsman klacht keeps the klacht it is linked to as well (one dossier)', async () => {
  nu = new Date('2017-01-01T09:00:00+01:00');
  const hoofd = await afgedaneKlacht('2015-01-05', '2015-02-02');
  const sub = await beantwoordeInformatievraag(hoofd, '2015-04-01', '2016-03-01');
  await jaarVerstrijkt(hoofd); // closed 3 February 2016; 13.1.2 from the dossier's later end: 1 March 2026
  nu = new Date('2027-01-01T09:00:00+01:00');
  const zonder = await stelOp(hoofd);
  expect(zonder.regels).toEqual([expect.objectContaining({ categorie: 'viaOmbudsman', vernietigbaarVanaf: '2026-03-01' })]);
  await t.db.query(`DELETE FROM vernietigingslijst WHERE id = $1`, [zonder.lijst]);
  await request(t.http)
    .put(`/api/v1/klachten/${sub}/blijvend-bewaren`)
    .set('Authorization', behandelaar)
    .send({ zaak: 'ZAAK-2015-0007' })
    .expect(200);
  const r = await request(t.http).post('/api/v1/vernietigingslijsten').set('Authorization', beheerder);
  const ids = r.status === 204 ? [] : (r.body.regels as Regel[]).map((g) => g.klachtId);
  if (r.status === 201) await t.db.query(`DELETE FROM vernietigingslijst WHERE id = $1`, [r.body.id]);
  expect(ids).not.toContain(hoofd);
  expect(ids).not.toContain(sub);
});
