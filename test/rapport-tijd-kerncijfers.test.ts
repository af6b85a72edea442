/**
 * One concept, one number (docs/beheer-en-rapportages.md): the /beheer kerncijfers' "ontvangen deze maand" is the number
 * of klachten the report over that month counts as received (its totaal). An ombudsman request about a klacht, registered
 * as a klacht of its own and linked to it (klacht_koppeling), is no new klacht (Awb 9:12a registers klachten, not the
 * ombudsman's questions about them); it is open work, so it counts as open.
 */
import request from 'supertest';
import { KLOK, vasteKlok } from '../src/common/klok';
import { RapportageService } from '../src/modules/reports/rapportage.service';
import { ProcesoverzichtService } from '../src/modules/web/procesoverzicht.service';
import { bearer } from './auth-support';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';

const NU = new Date('2026-07-15T10:00:00+02:00');
let tdb: TestDatabase;
let t: TestApp;

beforeAll(async () => {
  tdb = await createTestDatabase('rapport_tijd_kerncijfers');
  t = await createTestApp({
    databaseUrl: tdb.url,
    env: { ROLE: 'api' },
    override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(NU)),
  });
}, 120_000);

afterAll(async () => {
  await t?.close();
  await tdb?.drop();
});

it('Awb 9:12a: "ontvangen deze maand" of the kerncijfers is the totaal of the report over this month; an ombudsman request about a klacht is open work, not a klacht received', async () => {
  const beh = await bearer(t.app, 'GM0363', 'klachtbehandelaar');
  const k = await request(t.http)
    .post('/api/v1/klachten')
    .set('Authorization', beh)
    .send({
      gemeente: 'GM0363',
      kanaal: 'brief',
      ontvangenOp: '2026-07-04T10:00:00+02:00',
      ingediendBij: 'gemeente',
      onderwerp: 'hulp bij het huishouden kwam niet',
      aanbieders: [{ id: 'zorg-noord', naam: 'Zorg Noord', type: 'wmo' }],
      // Complex: the gemeente handles it itself (Klachtenprotocol Wmo keten Amsterdam §5A).
      feiten: { complex: true, eerderBijAanbieder: false },
    });
  expect(k.status).toBe(201);
  const v = await request(t.http)
    .post(`/api/v1/klachten/${k.body.id}/ombudsman-verzoeken`)
    .set('Authorization', beh)
    .send({ soort: 'informatievraag', ontvangenOp: '2026-07-12T09:00:00+02:00', termijn: '2026-08-03' });
  expect(v.status).toBe(201);

  const kern = await t.app.get(ProcesoverzichtService).kerncijfers('GM0363', ['GM0363'], NU);
  const rapport = await t.app
    .get(RapportageService)
    .maak({ gemeente: 'GM0363', gemeenten: ['GM0363'], van: '2026-07-01', tot: '2026-07-31', peildatum: NU });
  expect(rapport.cijfers.totaal).toBe(1);
  expect(kern.ontvangenDezeMaand).toBe(rapport.cijfers.totaal);
  // Both are open: the klacht and the request the gemeente must answer by the ombudsman's date (Awb 9:31).
  expect(kern.open).toBe(2);
});
