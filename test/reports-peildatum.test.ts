/**
 * A stored report records its peildatum, the moment its figures are as at: 00:00 on its deadline (contract art. 11.1,
 * Klachtenprotocol Wmo keten Amsterdam §10: the report over the quarter, "vóór 1 augustus"). A deadline job that runs
 * late (a worker down) stores what the report said at that moment: an afdoening, an oordeel, a tevredenheid or a changed
 * registration registered after it do not change the stored report. Klachten go through the API and the engine, so their
 * history is what the engine writes. Old stored reports without a peildatum show it as unknown.
 */
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { KLOK, type Klok } from '../src/common/klok';
import { parseCsv } from '../src/modules/reports/rapportage-csv';
import { RapportagePlanningService } from '../src/modules/reports/rapportage-planning.service';
import { bearer } from './auth-support';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';

const AMSTERDAM = 'GM0363';
/** The second quarter of 2026 and its deadline: 00:00 on 1 August 2026 (Europe/Amsterdam) is the peildatum. */
const KWARTAAL = 'van=2026-04-01&tot=2026-06-30';
const DEADLINE = '2026-08-01';
const PEILDATUM = '2026-07-31T22:00:00.000Z';

let nu = new Date('2026-04-01T09:00:00+02:00');
const klok: Klok = { nu: () => new Date(nu.getTime()) };
let tdb: TestDatabase;
let t: TestApp;
let db: DataSource;
let planning: RapportagePlanningService;
let behandelaar: string;
let pe: string;

const intake = (ontvangenOp: string, registratie: Record<string, unknown>) => ({
  gemeente: AMSTERDAM,
  kanaal: 'webformulier',
  ontvangenOp,
  ingediendBij: 'gemeente',
  soort: 'klacht',
  onderwerp: 'hulp bij het huishouden kwam niet',
  // More than one ketenpartner: the gemeente handles it itself (Klachtenprotocol §5B).
  aanbieders: [
    { id: 'zorg-noord', naam: 'Zorg Noord', type: 'wmo' },
    { id: 'thuishulp-west', naam: 'Thuishulp West', type: 'wmo' },
  ],
  feiten: {},
  registratie,
});
const nieuw = async (ontvangenOp: string, registratie: Record<string, unknown>): Promise<string> => {
  const res = await request(t.http).post('/api/v1/klachten').set('Authorization', behandelaar).send(intake(ontvangenOp, registratie));
  expect([res.status, res.body.detail]).toEqual([201, undefined]);
  return res.body.id as string;
};
const stap = async (id: string, type: string, at: string, data?: Record<string, unknown>) => {
  const res = await request(t.http)
    .post(`/api/v1/klachten/${id}/gebeurtenissen`)
    .set('Authorization', behandelaar)
    .send({ type, at, ...(data ? { data } : {}) });
  expect([type, res.status, res.body.detail]).toEqual([type, 200, undefined]);
};
/** Formally handled and afgedaan at `at` (Awb 9:12), with the afdoening's registration. */
const afdoen = async (id: string, dag: string, data: Record<string, unknown>) => {
  await stap(id, 'FORMELE_BEHANDELING', `${dag}T09:00:00+02:00`);
  await stap(id, 'IN_BEHANDELING_NEMEN', `${dag}T09:10:00+02:00`);
  await stap(id, 'HOREN_OVERSLAAN', `${dag}T09:20:00+02:00`, { reden: 'afgezien' });
  await stap(id, 'AFDOENEN', `${dag}T10:00:00+02:00`, data);
};
const live = async () => {
  const res = await request(t.http).get(`/api/v1/rapportages?${KWARTAAL}`).set('Authorization', pe);
  expect(res.status).toBe(200);
  return res.body as { peildatum: string; cijfers: Record<string, unknown> };
};

beforeAll(async () => {
  tdb = await createTestDatabase('reports_peildatum');
  t = await createTestApp({ databaseUrl: tdb.url, env: { ROLE: 'api' }, override: (b) => b.overrideProvider(KLOK).useValue(klok) });
  db = t.app.get<DataSource>(getDataSourceToken());
  planning = t.app.get(RapportagePlanningService);
  behandelaar = await bearer(t.app, AMSTERDAM, 'klachtbehandelaar');
  pe = await bearer(t.app, AMSTERDAM, 'procesEigenaar');
  await planning.synchroniseer(nu);
}, 120000);

afterAll(async () => {
  await t?.close();
  await tdb?.drop();
});

describe('a stored report is as at its peildatum, 00:00 on its deadline, also when its job runs late', () => {
  let opHetMoment: { peildatum: string; cijfers: Record<string, unknown> };
  let laat: string;

  beforeAll(async () => {
    // The quarter: A afgedaan in June; B and C still open at the deadline.
    nu = new Date('2026-07-01T09:00:00+02:00');
    const a = await nieuw('2026-05-04T10:00:00+02:00', { aard: 'bejegening', oorzaak: 'planning' });
    await afdoen(a, '2026-06-15', { oordeel: 'gegrond', registratie: { afwikkeling: 'excuses aangeboden', maatregelen: ['scholing'] } });
    await stap(a, 'KLAGER_TEVREDEN', '2026-06-20T10:00:00+02:00');
    const b = await nieuw('2026-05-06T10:00:00+02:00', { aard: 'bereikbaarheid' });
    await nieuw('2026-06-10T10:00:00+02:00', { aard: 'communicatie', oorzaak: 'communicatiefout' });
    // What the report says at its moment: asked at 00:00 on the deadline.
    nu = new Date(PEILDATUM);
    opHetMoment = await live();
    expect(opHetMoment.peildatum).toBe(PEILDATUM);
    // After the deadline B is afgedaan (ongegrond), the klager is not satisfied, and B's aard is corrected.
    nu = new Date('2026-08-03T11:00:00+02:00');
    await afdoen(b, '2026-08-03', {
      oordeel: 'ongegrond',
      registratie: { afwikkeling: 'uitleg gegeven', maatregelen: ['geen maatregel'] },
    });
    await stap(b, 'KLAGER_ONTEVREDEN', '2026-08-03T10:30:00+02:00');
    const patch = await request(t.http)
      .patch(`/api/v1/klachten/${b}/registratie`)
      .set('Authorization', behandelaar)
      .send({ aard: 'nakomen afspraken', oorzaak: 'personeelstekort' });
    expect(patch.status).toBe(200);
    // The worker was down: the deadline job runs on 4 August.
    nu = new Date('2026-08-04T09:00:00+02:00');
    expect(await planning.deadline({ gemeente: AMSTERDAM, soort: 'aanbieders', deadline: DEADLINE, kind: 'deadline' }, nu)).toBe(
      'verwerkt',
    );
    [{ id: laat }] = await db.query(`select id from rapportage where gemeente = $1 and deadline = $2 and aanbieder_id = '*'`, [
      AMSTERDAM,
      DEADLINE,
    ]);
  });

  test('contract art. 11.1: a deadline job that runs late stores the peildatum it used, and when it ran', async () => {
    const res = await request(t.http).get(`/api/v1/rapportages/opgeslagen/${laat}`).set('Authorization', pe);
    expect(res.status).toBe(200);
    expect([res.body.peildatum, res.body.gegenereerdOp, res.body.periodeVan, res.body.periodeTot]).toEqual([
      PEILDATUM,
      '2026-08-04T07:00:00.000Z',
      '2026-04-01',
      '2026-06-30',
    ]);
    const lijst = await request(t.http).get('/api/v1/rapportages/opgeslagen').set('Authorization', pe);
    expect(lijst.body.find((r: { id: string }) => r.id === laat)?.peildatum).toBe(PEILDATUM);
  });

  test('Awb 9:12, Klachtenprotocol §5A: an afdoening, oordeel, tevredenheid and registration registered after the deadline do not change the stored report: it says what the report said at its moment', async () => {
    const [{ inhoud }] = await db.query(`select inhoud from rapportage where id = $1`, [laat]);
    expect(inhoud).toEqual(opHetMoment.cijfers);
    // They did change the report of now: the stored one is not simply unchanged data.
    const nuGevraagd = await live();
    expect(nuGevraagd.cijfers.perOordeel).not.toEqual(inhoud.perOordeel);
    expect(nuGevraagd.cijfers.perAard).not.toEqual(inhoud.perAard);
    expect(nuGevraagd.cijfers.perTevredenheid).not.toEqual(inhoud.perTevredenheid);
    expect(nuGevraagd.cijfers.perAfdoening).not.toEqual(inhoud.perAfdoening);
    expect(inhoud.perOordeel).toEqual(
      expect.arrayContaining([
        { waarde: 'gegrond', aantal: 1 },
        { waarde: 'nogOpen', aantal: 2 },
      ]),
    );
  });

  test('the stored report shows its peildatum where it shows its period: the CSV in its last column, the HTML next to the period', async () => {
    const csv = await request(t.http).get(`/api/v1/rapportages/opgeslagen/${laat}?formaat=csv`).set('Authorization', pe);
    expect([csv.status, csv.headers['content-type']]).toEqual([200, 'text/csv; charset=utf-8']);
    const rows = parseCsv(csv.text);
    expect(rows[0].at(-1)).toBe('Peildatum');
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows.slice(1)) expect([r[1], r[2], r.at(-1)]).toEqual(['2026-04-01', '2026-06-30', '2026-08-01 00:00']);
    const html = await request(t.http).get(`/api/v1/rapportages/opgeslagen/${laat}`).set('Authorization', pe).set('Accept', 'text/html');
    expect(html.status).toBe(200);
    expect(html.text).toContain('klachten ontvangen van 1 april 2026 tot en met 30 juni 2026');
    expect(html.text).toContain('cijfers per 1 augustus 2026, 00:00 (peildatum) · gemaakt op 4 augustus 2026, 09:00');
  });

  test('a report stored before the peildatum was recorded shows it as unknown (JSON null, CSV and HTML "onbekend")', async () => {
    const [{ id }] = await db.query(
      `insert into rapportage (gemeente, definitie_id, soort, aanbieder_id, aanbieder_gemeente, periode_van, periode_tot, deadline, label, inhoud, gegenereerd_op)
       select gemeente, definitie_id, soort, 'oud-voorbeeld', gemeente, periode_van, periode_tot, deadline, label, inhoud, '2026-08-02T10:00:00+02:00' from rapportage where id = $1
       returning id`,
      [laat],
    );
    const json = await request(t.http).get(`/api/v1/rapportages/opgeslagen/${id}`).set('Authorization', pe);
    expect([json.status, json.body.peildatum]).toEqual([200, null]);
    const csv = parseCsv((await request(t.http).get(`/api/v1/rapportages/opgeslagen/${id}?formaat=csv`).set('Authorization', pe)).text);
    expect(csv[1].at(-1)).toBe('onbekend');
    const html = await request(t.http).get(`/api/v1/rapportages/opgeslagen/${id}?formaat=html`).set('Authorization', pe);
    expect(html.text).toContain('cijfers per onbekend');
  });
});

describe('Awb 9:12a: the stored yearly overview is as at its peildatum too', () => {
  let opHetMoment: unknown;
  let overzicht: { id: string; peildatum: Date; inhoud: unknown };

  beforeAll(async () => {
    // A klacht of December 2026, still open on 1 January 2027, the overview's deadline.
    nu = new Date('2026-12-20T09:00:00+01:00');
    const d = await nieuw('2026-12-14T10:00:00+01:00', { aard: 'vervoer' });
    nu = new Date('2027-01-01T00:00:00+01:00');
    const res = await request(t.http).get('/api/v1/rapportages/jaaroverzicht?jaar=2026').set('Authorization', pe);
    expect(res.status).toBe(200);
    opHetMoment = res.body;
    // Afgedaan on 2 January, with another aard; the job runs on 3 January.
    nu = new Date('2027-01-02T11:00:00+01:00');
    await stap(d, 'FORMELE_BEHANDELING', '2027-01-02T09:00:00+01:00');
    await stap(d, 'IN_BEHANDELING_NEMEN', '2027-01-02T09:10:00+01:00');
    await stap(d, 'HOREN_OVERSLAAN', '2027-01-02T09:20:00+01:00', { reden: 'afgezien' });
    await stap(d, 'AFDOENEN', '2027-01-02T10:00:00+01:00', {
      oordeel: 'deelsGegrond',
      registratie: { aard: 'hulpmiddelen', afwikkeling: 'uitleg gegeven' },
    });
    nu = new Date('2027-01-03T09:00:00+01:00');
    expect(await planning.deadline({ gemeente: AMSTERDAM, soort: 'jaarverslag', deadline: '2027-01-01', kind: 'deadline' }, nu)).toBe(
      'verwerkt',
    );
    [overzicht] = await db.query(
      `select id, peildatum, inhoud from rapportage where gemeente = $1 and soort = 'jaarverslag' and deadline = '2027-01-01'`,
      [AMSTERDAM],
    );
  });

  test('Awb 9:12a: an overview stored late keeps the oordeel, aard and afdoening of its deadline and records that peildatum', async () => {
    expect(new Date(overzicht.peildatum).toISOString()).toBe('2026-12-31T23:00:00.000Z');
    expect(overzicht.inhoud).toEqual(opHetMoment);
    const nuGevraagd = await request(t.http).get('/api/v1/rapportages/jaaroverzicht?jaar=2026').set('Authorization', pe);
    expect(nuGevraagd.body.perOordeel).not.toEqual((overzicht.inhoud as { perOordeel: unknown }).perOordeel);
    const html = await request(t.http).get(`/api/v1/rapportages/opgeslagen/${overzicht.id}?formaat=html`).set('Authorization', pe);
    expect(html.text).toContain('cijfers per 1 januari 2027, 00:00 (peildatum) · gemaakt op 3 januari 2027, 09:00');
    const csv = await request(t.http).get(`/api/v1/rapportages/opgeslagen/${overzicht.id}?formaat=csv`).set('Authorization', pe);
    expect([csv.status, csv.body.invalidParams?.map((p: { name: string }) => p.name)]).toEqual([400, ['formaat']]);
  });
});
