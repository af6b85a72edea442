/**
 * Reports over time: one period gives one answer whenever it is asked, across a herindeling (Wet algemene regels
 * herindeling art. 40 e.v.: Weesp GM0457 went into Amsterdam GM0363 on 24 maart 2022), every klacht counted once in the
 * schedule, an aanbieder's report in time only when received before the deadline (contract art. 11.1, "vóór 1 juli"),
 * and an ombudsman request about a klacht not counted as a klacht of its own (Awb 9:12a). The clock is pinned (KLOK)
 * and moved per test; every test sets it itself.
 */
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { KLOK, type Klok } from '../src/common/klok';
import { RAPPORTAGE_OUTBOX, RapportagePlanningService } from '../src/modules/reports/rapportage-planning.service';
import { queryJaaroverzicht } from '../src/modules/reports/rapportage.repository';
import type { RapportageJob } from '../src/jobs/reports.queue';
import { bearer } from './auth-support';
import { genereerKlachten, insertKlachten } from './reports-data';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';

const AMSTERDAM = 'GM0363';
const WEESP = 'GM0457';
/** Aanbieders only Weesp's klachten name. Weesper Zorg submits its report for Weesp's last deadline; Vechtzorg does not. */
const WEESPER_ZORG = { id: 'weesper-zorg', naam: 'Weesper Zorg', type: 'wmo' };
const VECHTZORG = { id: 'vechtzorg', naam: 'Vechtzorg', type: 'wmo' };
const SCHRIFTELIJK = `k.soort = 'klacht' and k.kanaal in ('brief', 'webformulier', 'email')`;

let nu = new Date('2022-07-15T10:00:00+02:00');
const klok: Klok = { nu: () => new Date(nu.getTime()) };
let tdb: TestDatabase;
let t: TestApp;
let db: DataSource;
let planning: RapportagePlanningService;

/**
 * Direct count, written independently of the report SQL: klachten of `gemeenten` received in [van, tot] (Amsterdam days).
 * An ombudsman request about a klacht (klacht_koppeling) is not a klacht (Awb 9:12a); `alleKlachtRijen` counts its row too.
 */
async function tel(gemeenten: string[], van: string, tot: string, extra = 'true', alleKlachtRijen = false): Promise<number> {
  const [{ n }] = await db.query(
    `select count(*)::int as n from klacht k where k.gemeente = any($1::text[])
       and k.ontvangen_op >= ($2::date)::timestamp at time zone 'Europe/Amsterdam'
       and k.ontvangen_op < ($3::date + 1)::timestamp at time zone 'Europe/Amsterdam' and ${extra}
       and (${alleKlachtRijen} or not exists (select 1 from klacht_koppeling kk where kk.klacht_id = k.id))`,
    [gemeenten, van, tot],
  );
  return n;
}
const metAanbieder = (id: string): string => `k.aanbieders @> '[{"id":"${id}"}]'`;

/** The stored report of a moment (the schedule's, made at 00:00 on the deadline). */
async function opgeslagen(
  gemeente: string,
  deadline: string,
  aanbieder = '*',
): Promise<{ totaal?: number; schriftelijk?: number } | undefined> {
  return (
    await db.query(`select inhoud from rapportage where gemeente = $1 and deadline = $2 and aanbieder_id = $3`, [
      gemeente,
      deadline,
      aanbieder,
    ])
  )[0]?.inhoud;
}
async function escalaties(gemeente: string, deadline: string): Promise<string[]> {
  const rows: Array<{ a: string }> = await db.query(
    `select payload->>'aanbiederId' as a from outbox where type = $1 and payload->>'gemeente' = $2 and payload->>'deadline' = $3`,
    [RAPPORTAGE_OUTBOX.teLaat, gemeente, deadline],
  );
  return rows.map((r) => r.a);
}
/** Runs a moment's deadline job as at 00:00 on the deadline (or `op`); a second run does nothing, so tests share moments in any order. */
async function verwerk(gemeente: string, soort: RapportageJob['soort'], deadline: string, op?: Date): Promise<void> {
  const wanneer =
    op ?? new Date(`${deadline}T00:00:00${Number(deadline.slice(5, 7)) >= 4 && Number(deadline.slice(5, 7)) <= 10 ? '+02:00' : '+01:00'}`);
  expect(await planning.deadline({ gemeente, soort, deadline, kind: 'deadline' }, wanneer)).toMatch(/^(al-)?verwerkt$/);
}
async function dienIn(
  gemeente: string,
  aanbiederId: string,
  deadline: string,
  op: Date,
  aanbiederGemeente?: string,
): Promise<request.Response> {
  nu = op;
  // The key names the gemeente that chose the id (the successor issues it for a dissolved gemeente's aanbieder, Wet arhi
  // art. 40); the body may repeat it.
  const key = await bearer(t.app, gemeente, 'aanbieder', aanbiederId, aanbiederGemeente);
  return request(t.http)
    .post('/api/v1/aanbieder-rapportages')
    .set('Authorization', key)
    .send({ deadline, inhoud: { n: 1 }, ...(aanbiederGemeente ? { aanbiederGemeente } : {}) });
}

beforeAll(async () => {
  tdb = await createTestDatabase('reports_over_tijd');
  t = await createTestApp({ databaseUrl: tdb.url, env: { ROLE: 'api' }, override: (b) => b.overrideProvider(KLOK).useValue(klok) });
  db = t.app.get<DataSource>(getDataSourceToken());
  planning = t.app.get(RapportagePlanningService);
  const ams = genereerKlachten({
    n: 80,
    seed: 41,
    gemeente: AMSTERDAM,
    definitieId: 'gm0363-amsterdam',
    van: new Date('2021-06-05T00:00:00Z'),
    tot: new Date('2022-06-20T00:00:00Z'),
    nu: new Date('2022-07-01T00:00:00Z'),
  });
  const weesp = genereerKlachten({
    n: 60,
    seed: 42,
    gemeente: WEESP,
    definitieId: 'gm0457-weesp',
    van: new Date('2021-06-05T00:00:00Z'),
    tot: new Date('2022-03-20T00:00:00Z'),
    nu: new Date('2022-07-01T00:00:00Z'),
  });
  weesp.forEach((k, i) => {
    if (i % 3 === 0) k.aanbieders = [WEESPER_ZORG];
    if (i % 3 === 1) k.aanbieders = [VECHTZORG];
  });
  await insertKlachten(db, [...ams, ...weesp]);
  // The schedule as built on 15 December 2021 and 15 January 2022, before the herindeling: the overviews of 2021 are due
  // vóór 1 januari 2022, Weesp's half year vóór 1 juli 2022.
  await planning.synchroniseer(new Date('2021-12-15T09:00:00+01:00'));
  await planning.synchroniseer(new Date('2022-01-15T09:00:00+01:00'));
  // After 24 maart 2022 Weesp's keys are refused: Weesper Zorg submits for Weesp's deadline with Amsterdam's key, naming
  // Weesp as the gemeente that chose its id (an aanbieder is gemeente + id).
  const r = await dienIn(AMSTERDAM, WEESPER_ZORG.id, '2022-07-01', new Date('2022-04-20T10:00:00+02:00'), WEESP);
  expect(r.status).toBe(201);
  // Both aanbieders had Weesp klachten in the part of Weesp's last period that only Weesp's report covers.
  expect(await tel([WEESP], '2021-11-01', '2021-12-31', metAanbieder(WEESPER_ZORG.id))).toBeGreaterThan(0);
  expect(await tel([WEESP], '2021-11-01', '2021-12-31', metAanbieder(VECHTZORG.id))).toBeGreaterThan(0);
}, 180000);

afterAll(async () => {
  await t?.close();
  await tdb?.drop();
});

describe('Wet arhi art. 40: one period, one answer, whenever it is asked', () => {
  test("Awb 9:12a: Amsterdam's overview of 2021 asked on 15 juli 2022 equals the one stored on 1 januari 2022 (Weesp's 2021 klachten are in Weesp's own overview)", async () => {
    await verwerk(AMSTERDAM, 'jaarverslag', '2022-01-01');
    await verwerk(WEESP, 'jaarverslag', '2022-01-01');
    nu = new Date('2022-07-15T10:00:00+02:00');
    const live = await request(t.http)
      .get('/api/v1/rapportages/jaaroverzicht?jaar=2021')
      .set('Authorization', await bearer(t.app, AMSTERDAM, 'procesEigenaar'));
    expect(live.status).toBe(200);
    expect(await tel([WEESP], '2021-01-01', '2021-12-31', SCHRIFTELIJK)).toBeGreaterThan(0);
    expect(live.body.schriftelijk).toBe(await tel([AMSTERDAM], '2021-01-01', '2021-12-31', SCHRIFTELIJK));
    expect((await opgeslagen(AMSTERDAM, '2022-01-01'))?.schriftelijk).toBe(live.body.schriftelijk);
    expect((await opgeslagen(WEESP, '2022-01-01'))?.schriftelijk).toBe(await tel([WEESP], '2021-01-01', '2021-12-31', SCHRIFTELIJK));
  });

  test("Amsterdam's report over the fourth quarter of 2021 asked on 15 juli 2022 (JSON, CSV, HTML) equals the one stored on 1 februari 2022", async () => {
    await verwerk(AMSTERDAM, 'aanbieders', '2022-02-01');
    nu = new Date('2022-07-15T10:00:00+02:00');
    const key = await bearer(t.app, AMSTERDAM, 'procesEigenaar');
    const json = await request(t.http).get('/api/v1/rapportages?van=2021-10-01&tot=2021-12-31').set('Authorization', key);
    expect(json.status).toBe(200);
    const verwacht = await tel([AMSTERDAM], '2021-10-01', '2021-12-31');
    expect(json.body.cijfers.totaal).toBe(verwacht);
    expect((await opgeslagen(AMSTERDAM, '2022-02-01'))?.totaal).toBe(verwacht);
    // The CSV has one row per aanbieder/aard/oorzaak; a klacht of Weesp would add Weesp's aanbieders' rows.
    const csv = await request(t.http).get('/api/v1/rapportages?van=2021-10-01&tot=2021-12-31&formaat=csv').set('Authorization', key);
    expect(csv.text).not.toContain(WEESPER_ZORG.naam);
    const html = await request(t.http).get('/api/v1/rapportages?van=2021-10-01&tot=2021-12-31&formaat=html').set('Authorization', key);
    expect(html.text).not.toContain(WEESPER_ZORG.naam);
  });
});

describe("Wet arhi art. 40: Weesp's klachten counted once in the schedule, by Weesp before its opheffing and by Amsterdam after", () => {
  test("Weesp's schedule has no Awb 9:12a overview of 2022 (Amsterdam's counts Weesp's 2022 klachten) and its last half year ends where Amsterdam's first quarter with Weesp begins", async () => {
    const momenten: Array<{ soort: string; van: string; tot: string; deadline: string }> = await db.query(
      `select soort, to_char(periode_van, 'YYYY-MM-DD') as van, to_char(periode_tot, 'YYYY-MM-DD') as tot, to_char(deadline, 'YYYY-MM-DD') as deadline
         from rapportage_moment where gemeente = $1 and deadline > '2022-03-24' order by deadline, soort`,
      [WEESP],
    );
    expect(momenten).toEqual([{ soort: 'aanbieders', van: '2021-11-01', tot: '2021-12-31', deadline: '2022-07-01' }]);
    await verwerk(AMSTERDAM, 'jaarverslag', '2023-01-01');
    expect((await opgeslagen(AMSTERDAM, '2023-01-01'))?.schriftelijk).toBe(
      await tel([AMSTERDAM, WEESP], '2022-01-01', '2022-12-31', SCHRIFTELIJK),
    );
    expect(await opgeslagen(WEESP, '2023-01-01')).toBeUndefined();
  });

  test("every Weesp klacht of Weesp's last period is in exactly one stored report: Weesp's (November-December 2021) or Amsterdam's first quarter of 2022", async () => {
    await verwerk(WEESP, 'aanbieders', '2022-07-01');
    await verwerk(AMSTERDAM, 'aanbieders', '2022-05-01');
    const weesp = (await opgeslagen(WEESP, '2022-07-01'))?.totaal;
    const ams = (await opgeslagen(AMSTERDAM, '2022-05-01'))?.totaal;
    expect(weesp).toBe(await tel([WEESP], '2021-11-01', '2021-12-31'));
    expect(ams).toBe(await tel([AMSTERDAM, WEESP], '2022-01-01', '2022-03-31'));
    expect(weesp! + ams!).toBe((await tel([WEESP], '2021-11-01', '2022-03-23')) + (await tel([AMSTERDAM], '2022-01-01', '2022-03-31')));
  });

  test("Awb 9:12a: a stored overview counts only the days of its moment's period, not the whole calendar year", async () => {
    const kwartaal = await queryJaaroverzicht(db, AMSTERDAM, [AMSTERDAM], { van: '2022-01-01', tot: '2022-03-31' });
    expect(kwartaal.schriftelijk).toBe(await tel([AMSTERDAM], '2022-01-01', '2022-03-31', SCHRIFTELIJK));
    expect(kwartaal.schriftelijk).toBeLessThan(await tel([AMSTERDAM], '2022-01-01', '2022-12-31', SCHRIFTELIJK));
    expect(kwartaal.jaar).toBe(2022);
  });
});

describe('contract art. 11.1: the aanbieder report in time, "vóór" the deadline', () => {
  test("Wet arhi art. 40: Weesper Zorg meets Weesp's last deadline (vóór 1 juli 2022) with Amsterdam's key, naming Weesp as its id's gemeente; Vechtzorg, which did not submit, is escalated", async () => {
    await verwerk(WEESP, 'aanbieders', '2022-07-01');
    const esc = await escalaties(WEESP, '2022-07-01');
    expect(esc).toContain(VECHTZORG.id);
    expect(esc).not.toContain(WEESPER_ZORG.id);
  });

  test('a deadline job that runs late (4 augustus) escalates an aanbieder that submitted after the deadline (3 augustus), not one that submitted on the last day', async () => {
    const [laat, opTijd] = (
      await db.query(
        `select distinct a->>'id' as id from klacht k, jsonb_array_elements(k.aanbieders) a
          where k.gemeente = $1 and k.ontvangen_op >= '2022-04-01T00:00:00+02:00' and k.ontvangen_op < '2022-07-01T00:00:00+02:00' order by 1`,
        [AMSTERDAM],
      )
    ).map((r: { id: string }) => r.id);
    expect(opTijd).toBeDefined();
    const l = await dienIn(AMSTERDAM, laat, '2022-08-01', new Date('2022-08-03T10:00:00+02:00'));
    expect(l.status).toBe(201);
    // ingediendOp is the service's clock (KLOK), the moment compared with the deadline.
    expect(l.body.ingediendOp).toBe('2022-08-03T08:00:00.000Z');
    expect((await dienIn(AMSTERDAM, opTijd, '2022-08-01', new Date('2022-07-31T23:59:00+02:00'))).status).toBe(201);
    await verwerk(AMSTERDAM, 'aanbieders', '2022-08-01', new Date('2022-08-04T09:00:00+02:00'));
    const esc = await escalaties(AMSTERDAM, '2022-08-01');
    expect(esc).toContain(laat);
    expect(esc).not.toContain(opTijd);
  });
});

describe('Awb 9:12a: an ombudsman request about a klacht is not a klacht of its own', () => {
  test("the yearly overview and the aanbieder's period report stay the same when an ombudsman informatievraag about a written klacht is registered", async () => {
    nu = new Date('2022-07-15T10:00:00+02:00');
    const beh = await bearer(t.app, AMSTERDAM, 'klachtbehandelaar');
    const pe = await bearer(t.app, AMSTERDAM, 'procesEigenaar');
    const zorg = { id: 'zorg-ombudsman', naam: 'Zorg Ombudsman', type: 'wmo' };
    const jaar = async (): Promise<number> =>
      (await request(t.http).get('/api/v1/rapportages/jaaroverzicht?jaar=2022').set('Authorization', pe)).body.schriftelijk;
    const rapport = async (): Promise<{ totaal: number }> =>
      (await request(t.http).get(`/api/v1/rapportages?van=2022-07-01&tot=2022-07-31&aanbieder=${zorg.id}`).set('Authorization', pe)).body
        .cijfers;
    const k = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', beh)
      .send({
        gemeente: AMSTERDAM,
        kanaal: 'brief',
        ontvangenOp: '2022-07-04T10:00:00+02:00',
        ingediendBij: 'gemeente',
        onderwerp: 'x',
        aanbieders: [zorg],
        feiten: { complex: true, eerderBijAanbieder: false },
      });
    expect(k.status).toBe(201);
    const voorJaar = await jaar();
    const voor = await rapport();
    expect(voor.totaal).toBe(1);
    const v = await request(t.http)
      .post(`/api/v1/klachten/${k.body.id}/ombudsman-verzoeken`)
      .set('Authorization', beh)
      .send({ soort: 'informatievraag', ontvangenOp: '2022-07-12T09:00:00+02:00', termijn: '2022-08-02' });
    expect(v.status).toBe(201);
    // The request is stored as a klacht (soort klacht, kanaal brief, the same aanbieder): what the reports must leave out.
    expect(await tel([AMSTERDAM], '2022-07-01', '2022-07-31', `${metAanbieder(zorg.id)} and ${SCHRIFTELIJK}`, true)).toBe(2);
    expect(await jaar()).toBe(voorJaar);
    const na = await rapport();
    expect(na.totaal).toBe(1);
  });
});

describe('one period condition for every count of klachten received', () => {
  test('the /beheer kerncijfers count as "ontvangen deze maand" the days of the calendar month of the clock, not the later ones', async () => {
    nu = new Date('2022-05-15T10:00:00+02:00');
    const k = await request(t.http)
      .get('/api/v1/procesoverzichten/kerncijfers')
      .set('Authorization', await bearer(t.app, AMSTERDAM, 'procesEigenaar'));
    expect(k.status).toBe(200);
    expect(await tel([AMSTERDAM], '2022-06-01', '2022-06-30')).toBeGreaterThan(0);
    expect(k.body.ontvangenDezeMaand).toBe(await tel([AMSTERDAM, WEESP], '2022-05-01', '2022-05-31'));
  });
});
