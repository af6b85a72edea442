/**
 * Wet algemene regels herindeling, art. 40 e.v.: the gemeente that remains takes over the dissolved gemeente's running
 * matters. Weesp (GM0457) went into Amsterdam (GM0363) on 24 maart 2022, and Weesp's klachten keep their own gemeente
 * and regeling. So Amsterdam's reports over a period that ends on or after that day (period report, Awb 9:12a yearly
 * overview, the stored reports of the schedule) count Weesp's klachten, whatever day they are asked, Amsterdam reads Weesp's stored reports, and its process overview lists Weesp's
 * definition after its own and shows Weesp's running klachten on it. What Amsterdam configures itself (its schedule,
 * the report's header and file name) stays Amsterdam's. Another gemeente (Utrecht) sees none of it.
 */
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { KLOK, type Klok } from '../src/common/klok';
import { RAPPORTAGE_OUTBOX, RapportagePlanningService } from '../src/modules/reports/rapportage-planning.service';
import { bearer } from './auth-support';
import { genereerKlachten, insertKlachten } from './reports-data';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';
import { weespKlacht as weespIntake } from './support/weesp';

const AMSTERDAM = 'GM0363';
const WEESP = 'GM0457';
const UTRECHT = 'GM0344';
/** An aanbieder that only Weesp's klachten name: whether Amsterdam's schedule knows it shows whether Weesp's count. */
const WEESPER_ZORG = { id: 'weesper-zorg', naam: 'Weesper Zorg', type: 'wmo' };

/** The clock (KLOK): pinned, and moved by the tests that ask on another day. */
const NA = new Date('2022-07-15T10:00:00+02:00');
let nu = NA;
const klok: Klok = { nu: () => new Date(nu.getTime()) };

let tdb: TestDatabase;
let t: TestApp;
let db: DataSource;
let planning: RapportagePlanningService;
let amsterdam: string;
let utrecht: string;
/** A running Weesp klacht registered through the API, in a state of Weesp's own definition. */
let weespKlacht: { id: string; state: string };

/** Direct count, written independently of the report SQL: klachten of `gemeenten` received in [van, tot] (Amsterdam days). */
async function tel(gemeenten: string[], van: string, tot: string, extra = 'true'): Promise<number> {
  const [{ n }] = await db.query(
    `select count(*)::int as n from klacht k where k.gemeente = any($1::text[])
       and k.ontvangen_op >= ($2::date)::timestamp at time zone 'Europe/Amsterdam'
       and k.ontvangen_op < ($3::date + 1)::timestamp at time zone 'Europe/Amsterdam' and ${extra}`,
    [gemeenten, van, tot],
  );
  return n;
}

beforeAll(async () => {
  tdb = await createTestDatabase('reports_herindeling');
  // ROLE=api: no workers; the test drives the report schedule itself.
  t = await createTestApp({ databaseUrl: tdb.url, env: { ROLE: 'api' }, override: (b) => b.overrideProvider(KLOK).useValue(klok) });
  db = t.app.get<DataSource>(getDataSourceToken());
  planning = t.app.get(RapportagePlanningService);
  amsterdam = await bearer(t.app, AMSTERDAM, 'procesEigenaar');
  utrecht = await bearer(t.app, UTRECHT, 'procesEigenaar');
  const ams = genereerKlachten({
    n: 60,
    seed: 41,
    gemeente: AMSTERDAM,
    definitieId: 'gm0363-amsterdam',
    van: new Date('2021-10-05T00:00:00Z'),
    tot: new Date('2022-06-20T00:00:00Z'),
    nu: new Date('2022-07-01T00:00:00Z'),
  });
  const weesp = genereerKlachten({
    n: 40,
    seed: 42,
    gemeente: WEESP,
    definitieId: 'gm0457-weesp',
    van: new Date('2021-10-05T00:00:00Z'),
    tot: new Date('2022-03-20T00:00:00Z'),
    nu: new Date('2022-07-01T00:00:00Z'),
  });
  weesp.forEach((k, i) => {
    if (i % 4 === 0) k.aanbieders = [WEESPER_ZORG];
  });
  await insertKlachten(db, [...ams, ...weesp]);
  const k = await request(t.http)
    .post('/api/v1/klachten')
    // Received by Weesp before the herindeling, registered by Amsterdam after it (Weesp's own keys are refused by then).
    .set('Authorization', await bearer(t.app, AMSTERDAM, 'klachtbehandelaar'))
    .send(weespIntake());
  expect(k.status).toBe(201);
  expect(k.body.definitieId).toBe('gm0457-weesp');
  weespKlacht = { id: k.body.id, state: k.body.state };
  // Both halves of the data are there, so a report that leaves Weesp out shows.
  expect(await tel([WEESP], '2022-01-01', '2022-06-30')).toBeGreaterThan(5);
  expect(await tel([AMSTERDAM], '2022-01-01', '2022-06-30')).toBeGreaterThan(5);
}, 120000);

afterAll(async () => {
  await t?.close();
  await tdb?.drop();
});

beforeEach(() => {
  nu = NA;
});

describe('reports on request', () => {
  test("Wet arhi art. 40: Amsterdam's half-year report counts Weesp's klachten after the herindeling, under Amsterdam's own header", async () => {
    const res = await request(t.http).get('/api/v1/rapportages?van=2022-01-01&tot=2022-06-30').set('Authorization', amsterdam);
    expect(res.status).toBe(200);
    expect(res.body.cijfers.totaal).toBe(await tel([AMSTERDAM, WEESP], '2022-01-01', '2022-06-30'));
    expect(res.body.cijfers.perAanbieder.find((a: { waarde: string }) => a.waarde === WEESPER_ZORG.id)?.aantal).toBe(
      await tel([WEESP], '2022-01-01', '2022-06-30', `k.aanbieders @> '[{"id":"weesper-zorg"}]'`),
    );
    // The report is Amsterdam's: its gemeente and the CSV's file name name Amsterdam, not Weesp.
    expect(res.body.gemeente).toBe(AMSTERDAM);
    const csv = await request(t.http).get('/api/v1/rapportages?van=2022-01-01&tot=2022-06-30&formaat=csv').set('Authorization', amsterdam);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="klachtenrapportage-gm0363-2022-01-01-2022-06-30.csv"');
  });

  test('Wet arhi art. 40: a period that ends before the herindeling (1 januari - 23 maart 2022) leaves Weesp’s klachten out, asked on 23 maart or on 15 juli', async () => {
    // The period's last day decides, not the day of the request: asked before and after 24 maart the same answer.
    for (const dag of [new Date('2022-03-23T12:00:00+01:00'), NA]) {
      nu = dag;
      const res = await request(t.http).get('/api/v1/rapportages?van=2022-01-01&tot=2022-03-23').set('Authorization', amsterdam);
      expect(res.status).toBe(200);
      expect(res.body.cijfers.totaal).toBe(await tel([AMSTERDAM], '2022-01-01', '2022-03-23'));
    }
    expect(await tel([WEESP], '2022-01-01', '2022-03-23')).toBeGreaterThan(0);
  });

  test('Wet arhi art. 40: a period that ends on or after the herindeling counts Weesp’s klachten, also when asked before it (23 maart 2022)', async () => {
    nu = new Date('2022-03-23T12:00:00+01:00');
    const res = await request(t.http).get('/api/v1/rapportages?van=2022-01-01&tot=2022-03-31').set('Authorization', amsterdam);
    expect(res.status).toBe(200);
    expect(res.body.cijfers.totaal).toBe(await tel([AMSTERDAM, WEESP], '2022-01-01', '2022-03-31'));
  });

  test("Wet arhi art. 40 and Awb 9:12a: Amsterdam's yearly overview of 2022 counts Weesp's registered written klachten", async () => {
    const res = await request(t.http).get('/api/v1/rapportages/jaaroverzicht?jaar=2022').set('Authorization', amsterdam);
    expect(res.status).toBe(200);
    const schriftelijk = `k.soort = 'klacht' and k.kanaal in ('brief', 'webformulier', 'email')`;
    expect(res.body.schriftelijk).toBe(await tel([AMSTERDAM, WEESP], '2022-01-01', '2022-12-31', schriftelijk));
    expect(await tel([WEESP], '2022-01-01', '2022-12-31', schriftelijk)).toBeGreaterThan(0);
    expect(res.body.gemeente).toBe(AMSTERDAM);
  });

  test("another gemeente (Utrecht) counts none of Weesp's klachten in its reports", async () => {
    const r = await request(t.http).get('/api/v1/rapportages?van=2022-01-01&tot=2022-06-30').set('Authorization', utrecht);
    expect(r.status).toBe(200);
    expect(r.body.cijfers.totaal).toBe(0);
    const j = await request(t.http).get('/api/v1/rapportages/jaaroverzicht?jaar=2022').set('Authorization', utrecht);
    expect(j.body.schriftelijk).toBe(0);
  });
});

describe('the report schedule and the stored reports', () => {
  /** The stored report of a moment of `gemeente`: the gemeente-wide one, or that of `aanbieder` as the gemeente `aanbiederGemeente` chose it. */
  const opgeslagen = async (
    gemeente: string,
    deadline: string,
    aanbieder = '*',
    aanbiederGemeente: string | null = aanbieder === '*' ? null : gemeente,
  ) =>
    (
      await db.query(
        `select id, gemeente, inhoud from rapportage where gemeente = $1 and deadline = $2 and aanbieder_id = $3 and aanbieder_gemeente is not distinct from $4`,
        [gemeente, deadline, aanbieder, aanbiederGemeente],
      )
    )[0] as { id: string; gemeente: string; inhoud: { totaal: number } } | undefined;
  const escalaties = async (gemeente: string, deadline: string): Promise<string[]> =>
    (
      await db.query(
        `select payload->>'aanbiederId' as a from outbox where type = $1 and payload->>'gemeente' = $2 and payload->>'deadline' = $3`,
        [RAPPORTAGE_OUTBOX.teLaat, gemeente, deadline],
      )
    ).map((r: { a: string }) => r.a);

  beforeAll(async () => {
    // The schedule as built on 15 January 2022: Amsterdam's quarters due vóór 1 februari and 1 mei, Weesp's half year vóór 1 juli.
    await planning.synchroniseer(new Date('2022-01-15T09:00:00+01:00'));
  });

  test("Wet arhi art. 40: Amsterdam's stored report for the quarter in which Weesp went into it counts Weesp's klachten; Weesp's aanbieder (an id Weesp chose) owes that quarter's report on them: its own report on Amsterdam's moment naming GM0457 as its id's gemeente and, not submitted, an escalation naming GM0457", async () => {
    const [moment] = await db.query(
      `select to_char(periode_van, 'YYYY-MM-DD') as van, to_char(periode_tot, 'YYYY-MM-DD') as tot from rapportage_moment
        where gemeente = $1 and soort = 'aanbieders' and deadline = '2022-05-01'`,
      [AMSTERDAM],
    );
    expect(moment).toEqual({ van: '2022-01-01', tot: '2022-03-31' });
    expect(
      await planning.deadline(
        { gemeente: AMSTERDAM, soort: 'aanbieders', deadline: '2022-05-01', kind: 'deadline' },
        new Date('2022-05-01T00:00:00+02:00'),
      ),
    ).toBe('verwerkt');
    expect((await opgeslagen(AMSTERDAM, '2022-05-01'))?.inhoud.totaal).toBe(await tel([AMSTERDAM, WEESP], '2022-01-01', '2022-03-31'));
    // Its klachten are in Amsterdam's report, for the aanbieder at receipt ...
    const inhoud = (await opgeslagen(AMSTERDAM, '2022-05-01'))?.inhoud as unknown as {
      perAanbieder: Array<{ waarde: string; aantal: number }>;
    };
    expect(inhoud.perAanbieder.find((a) => a.waarde === WEESPER_ZORG.id)?.aantal).toBe(
      await tel([WEESP], '2022-01-01', '2022-03-31', `k.aanbieders @> '[{"id":"weesper-zorg"}]'`),
    );
    // ... and Weesp's aanbieder reports on them to Amsterdam, which took over Weesp's contracts (Klachtenprotocol Wmo keten
    // Amsterdam §10): an aanbieder id is the gemeente's, so its report is Weesp's 'weesper-zorg''s, on Amsterdam's moment with
    // the gemeente that chose its id (GM0457), and Amsterdam's own id 'weesper-zorg' owes nothing
    // (test/reports-planning-herindeling.test.ts, test/reports-aanbieder-gemeente.test.ts).
    expect((await opgeslagen(AMSTERDAM, '2022-05-01', WEESPER_ZORG.id, WEESP))?.inhoud.totaal).toBe(
      await tel([WEESP], '2022-01-01', '2022-03-31', `k.aanbieders @> '[{"id":"weesper-zorg"}]'`),
    );
    expect(await opgeslagen(AMSTERDAM, '2022-05-01', WEESPER_ZORG.id, AMSTERDAM)).toBeUndefined();
    expect(await opgeslagen(WEESP, '2022-05-01', WEESPER_ZORG.id, WEESP)).toBeUndefined();
    const [weesps] = await db.query(
      `select payload->>'aanbiederGemeente' as g from outbox where type = $1 and payload->>'gemeente' = $2 and payload->>'deadline' = $3 and payload->>'aanbiederId' = $4`,
      [RAPPORTAGE_OUTBOX.teLaat, AMSTERDAM, '2022-05-01', WEESPER_ZORG.id],
    );
    expect(weesps).toEqual({ g: WEESP });
  });

  test("Wet arhi art. 40: Amsterdam's stored report for a quarter that ended before the herindeling leaves Weesp's klachten out", async () => {
    expect(
      await planning.deadline(
        { gemeente: AMSTERDAM, soort: 'aanbieders', deadline: '2022-02-01', kind: 'deadline' },
        new Date('2022-02-01T00:00:00+01:00'),
      ),
    ).toBe('verwerkt');
    expect(await tel([WEESP], '2021-10-01', '2021-12-31')).toBeGreaterThan(0);
    expect((await opgeslagen(AMSTERDAM, '2022-02-01'))?.inhoud.totaal).toBe(await tel([AMSTERDAM], '2021-10-01', '2021-12-31'));
    expect(await opgeslagen(AMSTERDAM, '2022-02-01', WEESPER_ZORG.id)).toBeUndefined();
    expect(await opgeslagen(AMSTERDAM, '2022-02-01', WEESPER_ZORG.id, WEESP)).toBeUndefined();
    expect(await escalaties(AMSTERDAM, '2022-02-01')).not.toContain(WEESPER_ZORG.id);
  });

  test("Wet arhi art. 40: Amsterdam reads Weesp's stored reports; Utrecht does not", async () => {
    expect(
      await planning.deadline(
        { gemeente: WEESP, soort: 'aanbieders', deadline: '2022-07-01', kind: 'deadline' },
        new Date('2022-07-01T00:00:00+02:00'),
      ),
    ).toBe('verwerkt');
    const weesp = await opgeslagen(WEESP, '2022-07-01');
    expect(weesp).toBeDefined();
    const lijst = await request(t.http).get('/api/v1/rapportages/opgeslagen').set('Authorization', amsterdam);
    expect(lijst.status).toBe(200);
    expect(lijst.body).toContainEqual(expect.objectContaining({ id: weesp!.id, gemeente: WEESP }));
    // Amsterdam's own stored reports stay in the list, named as Amsterdam's.
    expect(lijst.body).toContainEqual(
      expect.objectContaining({ id: (await opgeslagen(AMSTERDAM, '2022-05-01'))!.id, gemeente: AMSTERDAM }),
    );
    const een = await request(t.http).get(`/api/v1/rapportages/opgeslagen/${weesp!.id}`).set('Authorization', amsterdam);
    expect(een.status).toBe(200);
    expect(een.body.inhoud.totaal).toBe(weesp!.inhoud.totaal);

    expect((await request(t.http).get(`/api/v1/rapportages/opgeslagen/${weesp!.id}`).set('Authorization', utrecht)).status).toBe(404);
    const ander = await request(t.http).get('/api/v1/rapportages/opgeslagen').set('Authorization', utrecht);
    expect(ander.body).toEqual([]);
  });

  test("Amsterdam's report schedule stays its own: Weesp's moments are not in Amsterdam's planning", async () => {
    const res = await request(t.http).get('/api/v1/rapportages/planning').set('Authorization', amsterdam);
    expect(res.status).toBe(200);
    const [{ n }] = await db.query(`select count(*)::int as n from rapportage_moment where gemeente = $1`, [AMSTERDAM]);
    expect(res.body).toHaveLength(n);
    expect(res.body.some((m: { cadans: string }) => m.cadans === 'halfjaar')).toBe(false);
  });
});

describe('the process overview', () => {
  const weespOverzicht = '/api/v1/procesoverzichten/gm0457-weesp/versies/2015-01';

  test("Wet arhi art. 40: the process overview of Amsterdam shows Weesp's running klachten on Weesp's definition", async () => {
    const o = await request(t.http).get(weespOverzicht).set('Authorization', amsterdam);
    expect(o.status).toBe(200);
    const [{ n }] = await db.query(
      `select count(*)::int as n from klacht where gemeente = $1 and definitie_id = 'gm0457-weesp' and definitie_versie = '2015-01'`,
      [WEESP],
    );
    expect(o.body.totaal).toBe(n);
    expect(o.body.states.find((s: { state: string }) => s.state === weespKlacht.state)?.count).toBeGreaterThanOrEqual(1);
    const inToestand = await request(t.http)
      .get(`${weespOverzicht}/toestanden/${encodeURIComponent(weespKlacht.state)}/klachten`)
      .set('Authorization', amsterdam);
    expect(inToestand.status).toBe(200);
    expect(inToestand.body.klachten.map((k: { id: string }) => k.id)).toContain(weespKlacht.id);
    const diagram = await request(t.http).get(`${weespOverzicht}/diagram`).set('Authorization', amsterdam);
    expect(diagram.status).toBe(200);
    expect(diagram.headers['content-type']).toMatch(/image\/svg\+xml/);
    expect((await request(t.http).get(`${weespOverzicht}/paden`).set('Authorization', amsterdam)).status).toBe(200);
  });

  test("Wet arhi art. 40: Amsterdam's kerncijfers count Weesp's open klachten; the list of definitions has Amsterdam's own first, then Weesp's", async () => {
    const k = await request(t.http).get('/api/v1/procesoverzichten/kerncijfers').set('Authorization', amsterdam);
    expect(k.status).toBe(200);
    const [{ open }] = await db.query(`select count(*)::int as open from klacht where gemeente = any($1::text[]) and not done`, [
      [AMSTERDAM, WEESP],
    ]);
    const [{ weesp }] = await db.query(`select count(*)::int as weesp from klacht where gemeente = $1 and not done`, [WEESP]);
    expect(weesp).toBeGreaterThan(0);
    expect(k.body.open).toBe(open);
    expect(k.body.gemeente.code).toBe(AMSTERDAM);
    const lijst = await request(t.http).get('/api/v1/procesoverzichten').set('Authorization', amsterdam);
    expect(lijst.status).toBe(200);
    expect(lijst.body.length).toBeGreaterThan(0);
    const codes: string[] = lijst.body.map((d: { gemeente: { cbsCode: string } }) => d.gemeente.cbsCode);
    // The page opens the first: Amsterdam's own.
    expect(codes[0]).toBe(AMSTERDAM);
    expect([...new Set(codes)]).toEqual([AMSTERDAM, WEESP]);
  });

  test("another gemeente (Utrecht) gets no process overview of Weesp's definition and counts none of its klachten", async () => {
    const o = await request(t.http).get(weespOverzicht).set('Authorization', utrecht);
    expect(o.status).toBe(404);
    expect(o.body.type).toMatch(/definitie-niet-gevonden/);
    expect(
      (
        await request(t.http)
          .get(`${weespOverzicht}/toestanden/${encodeURIComponent(weespKlacht.state)}/klachten`)
          .set('Authorization', utrecht)
      ).status,
    ).toBe(404);
    expect((await request(t.http).get(`${weespOverzicht}/diagram`).set('Authorization', utrecht)).status).toBe(404);
    const k = await request(t.http).get('/api/v1/procesoverzichten/kerncijfers').set('Authorization', utrecht);
    expect(k.body.open).toBe(0);
  });
});
