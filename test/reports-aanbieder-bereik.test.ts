/**
 * One scope for an aanbieder's report (contract art. 11.1, Klachtenprotocol Wmo keten Amsterdam §10): the klachten of the
 * gemeente that chose its id (an aanbieder id is per gemeente) that it did not hand over (Klachtenprotocol §9). The stored
 * per-aanbieder report, the check of who must report (and so the escalation to the contractmanager) and the aanbieder's
 * own GET /rapportages all count exactly these. The gemeente's own report counts every klacht, for the aanbieder at receipt.
 */
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { KLOK, type Klok } from '../src/common/klok';
import { RAPPORTAGE_OUTBOX, RapportagePlanningService } from '../src/modules/reports/rapportage-planning.service';
import { bearer } from './auth-support';
import { parseCsv } from '../src/modules/reports/rapportage-csv';
import { AARDEN, genereerKlachten, insertKlachten } from './reports-data';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';

const AMSTERDAM = 'GM0363';
const WEESP = 'GM0457';
/** Named only on Weesp's klachten. */
const WEESPER_ZORG = { id: 'weesper-zorg', naam: 'Weesper Zorg', type: 'wmo' };

let nu = new Date('2022-07-15T10:00:00+02:00');
const klok: Klok = { nu: () => new Date(nu.getTime()) };
let tdb: TestDatabase;
let t: TestApp;
let db: DataSource;
let planning: RapportagePlanningService;

/** Direct count, independent of the report SQL: klachten of `gemeenten` in [van, tot] (Amsterdam days) naming aanbieder `a`. */
async function tel(gemeenten: string[], van: string, tot: string, a: string, extra = 'true'): Promise<number> {
  const [{ n }] = await db.query(
    `select count(*)::int as n from klacht k where k.gemeente = any($1::text[])
       and k.ontvangen_op >= ($2::date)::timestamp at time zone 'Europe/Amsterdam'
       and k.ontvangen_op < ($3::date + 1)::timestamp at time zone 'Europe/Amsterdam'
       and k.aanbieders @> jsonb_build_array(jsonb_build_object('id', $4::text)) and ${extra}`,
    [gemeenten, van, tot, a],
  );
  return n;
}
/** The aanbieder ids on `gemeente`'s klachten in [van, tot]. */
async function ids(gemeente: string, van: string, tot: string): Promise<string[]> {
  const rows: Array<{ id: string }> = await db.query(
    `select distinct a->>'id' as id from klacht k, jsonb_array_elements(k.aanbieders) a where k.gemeente = $1
       and k.ontvangen_op >= ($2::date)::timestamp at time zone 'Europe/Amsterdam'
       and k.ontvangen_op < ($3::date + 1)::timestamp at time zone 'Europe/Amsterdam' order by 1`,
    [gemeente, van, tot],
  );
  return rows.map((r) => r.id);
}
/** The stored report of a moment of `gemeente`: the gemeente-wide one, or that of `aanbieder` as the gemeente `aanbiederGemeente` chose it. */
const opgeslagen = async (
  gemeente: string,
  deadline: string,
  aanbieder = '*',
  aanbiederGemeente: string | null = aanbieder === '*' ? null : gemeente,
) =>
  (
    await db.query(
      `select inhoud from rapportage where gemeente = $1 and deadline = $2 and aanbieder_id = $3 and aanbieder_gemeente is not distinct from $4`,
      [gemeente, deadline, aanbieder, aanbiederGemeente],
    )
  )[0]?.inhoud as { totaal: number; perAanbieder: Array<{ waarde: string; aantal: number }> } | undefined;
const escalaties = async (gemeente: string, deadline: string): Promise<string[]> =>
  (
    await db.query(
      `select payload->>'aanbiederId' as a from outbox where type = $1 and payload->>'gemeente' = $2 and payload->>'deadline' = $3 order by 1`,
      [RAPPORTAGE_OUTBOX.teLaat, gemeente, deadline],
    )
  ).map((r: { a: string }) => r.a);

/** The escalations of a moment, as aanbiederGemeente/aanbiederId (an aanbieder is gemeente + id). */
const escalatiesMetGemeente = async (gemeente: string, deadline: string): Promise<string[]> =>
  (
    await db.query(
      `select payload->>'aanbiederGemeente' as g, payload->>'aanbiederId' as a from outbox where type = $1 and payload->>'gemeente' = $2 and payload->>'deadline' = $3`,
      [RAPPORTAGE_OUTBOX.teLaat, gemeente, deadline],
    )
  )
    .map((r: { g: string; a: string }) => `${r.g}/${r.a}`)
    .sort();

beforeAll(async () => {
  tdb = await createTestDatabase('reports_aanbieder_bereik');
  t = await createTestApp({ databaseUrl: tdb.url, env: { ROLE: 'api' }, override: (b) => b.overrideProvider(KLOK).useValue(klok) });
  db = t.app.get<DataSource>(getDataSourceToken());
  planning = t.app.get(RapportagePlanningService);
  // Both gemeenten use the same aanbieder ids (zorgbalans, thuiszorg-west, ...) for organisations of their own choosing.
  const ams = genereerKlachten({
    n: 80,
    seed: 61,
    gemeente: AMSTERDAM,
    definitieId: 'gm0363-amsterdam',
    van: new Date('2022-01-03T00:00:00Z'),
    tot: new Date('2022-06-25T00:00:00Z'),
    nu: new Date('2022-07-01T00:00:00Z'),
  });
  const weesp = genereerKlachten({
    n: 40,
    seed: 62,
    gemeente: WEESP,
    definitieId: 'gm0457-weesp',
    van: new Date('2022-01-03T00:00:00Z'),
    tot: new Date('2022-03-20T00:00:00Z'),
    nu: new Date('2022-07-01T00:00:00Z'),
  });
  weesp.forEach((k, i) => {
    if (i % 4 === 0) k.aanbieders = [WEESPER_ZORG];
  });
  await insertKlachten(db, [...ams, ...weesp]);
  await planning.synchroniseer(new Date('2022-01-15T09:00:00+01:00'));
}, 120000);

afterAll(async () => {
  await t?.close();
  await tdb?.drop();
});

describe("an aanbieder id is the gemeente's (gemeente + id): Amsterdam's first quarter 2022, the quarter Weesp went into it", () => {
  beforeAll(async () => {
    nu = new Date('2022-05-01T00:00:00+02:00');
    expect(await planning.deadline({ gemeente: AMSTERDAM, soort: 'aanbieders', deadline: '2022-05-01', kind: 'deadline' }, nu)).toBe(
      'verwerkt',
    );
    nu = new Date('2022-07-15T10:00:00+02:00');
  });

  test("contract art. 11.1 / Klachtenprotocol Wmo keten §10 / Wet arhi art. 40: Amsterdam's aanbieders owe Amsterdam the report on Amsterdam's klachten and Weesp's aanbieders on Weesp's (gemeente + id); an Amsterdam key of 'weesper-zorg', Amsterdam's own id, sees none of Weesp's and is owed nothing", async () => {
    expect(await tel([WEESP], '2022-01-01', '2022-03-31', WEESPER_ZORG.id)).toBeGreaterThan(0);
    const paren = async (gemeente: string) => (await ids(gemeente, '2022-01-01', '2022-03-31')).map((id) => `${gemeente}/${id}`);
    expect(await escalatiesMetGemeente(AMSTERDAM, '2022-05-01')).toEqual([...(await paren(AMSTERDAM)), ...(await paren(WEESP))].sort());
    // Weesp's aanbieder's own report is on Amsterdam's moment with the gemeente that chose its id (GM0457); Amsterdam's own
    // id 'weesper-zorg' has none.
    expect((await opgeslagen(AMSTERDAM, '2022-05-01', WEESPER_ZORG.id, WEESP))?.totaal).toBe(
      await tel([WEESP], '2022-01-01', '2022-03-31', WEESPER_ZORG.id),
    );
    expect(await opgeslagen(AMSTERDAM, '2022-05-01', WEESPER_ZORG.id, AMSTERDAM)).toBeUndefined();
    // Amsterdam's own id 'weesper-zorg' has nothing to report on: its view with its Amsterdam key agrees.
    const eigen = await request(t.http)
      .get('/api/v1/rapportages?van=2022-01-01&tot=2022-03-31')
      .set('Authorization', await bearer(t.app, AMSTERDAM, 'aanbieder', WEESPER_ZORG.id));
    expect(eigen.status).toBe(200);
    expect(eigen.body.cijfers.totaal).toBe(0);
  });

  test("contract art. 11.1: the stored report of Amsterdam's aanbieder 'zorgbalans' counts Amsterdam's klachten only, not Weesp's 'zorgbalans', the same as its own GET /rapportages", async () => {
    const weesps = await tel([WEESP], '2022-01-01', '2022-03-31', 'zorgbalans');
    expect(weesps).toBeGreaterThan(0);
    const eigen = await tel([AMSTERDAM], '2022-01-01', '2022-03-31', 'zorgbalans');
    expect((await opgeslagen(AMSTERDAM, '2022-05-01', 'zorgbalans'))?.totaal).toBe(eigen);
    const res = await request(t.http)
      .get('/api/v1/rapportages?van=2022-01-01&tot=2022-03-31')
      .set('Authorization', await bearer(t.app, AMSTERDAM, 'aanbieder', 'zorgbalans'));
    expect(res.status).toBe(200);
    expect(res.body.cijfers.totaal).toBe(eigen);
  });

  test("Wet arhi art. 40: the gemeente's own stored report still counts Weesp's klachten, Weesp's aanbieder included", async () => {
    const r = await opgeslagen(AMSTERDAM, '2022-05-01');
    expect(r?.perAanbieder.find((a) => a.waarde === WEESPER_ZORG.id)?.aantal).toBe(
      await tel([WEESP], '2022-01-01', '2022-03-31', WEESPER_ZORG.id),
    );
  });
});

describe("Klachtenprotocol Wmo keten Amsterdam §9: klachten handed over at contract end are no longer in the aanbieder's report", () => {
  const OVER = 'thuiszorg-west';
  const NA_DEADLINE = 'vervoer-plus';

  beforeAll(async () => {
    const pe = await bearer(t.app, AMSTERDAM, 'procesEigenaar');
    // Handed over before the deadline of the second quarter (vóór 1 augustus 2022) ...
    nu = new Date('2022-07-15T10:00:00+02:00');
    expect(
      (await request(t.http).post(`/api/v1/aanbieders/${OVER}/overdracht`).set('Authorization', pe).send({ contractEinde: '2022-07-10' }))
        .status,
    ).toBe(200);
    // ... and one after it, before the deadline job ran late (a worker down): that report was due while the contract ran.
    nu = new Date('2022-08-02T10:00:00+02:00');
    expect(
      (
        await request(t.http)
          .post(`/api/v1/aanbieders/${NA_DEADLINE}/overdracht`)
          .set('Authorization', pe)
          .send({ contractEinde: '2022-08-01' })
      ).status,
    ).toBe(200);
    nu = new Date('2022-08-04T09:00:00+02:00');
    expect(await planning.deadline({ gemeente: AMSTERDAM, soort: 'aanbieders', deadline: '2022-08-01', kind: 'deadline' }, nu)).toBe(
      'verwerkt',
    );
    nu = new Date('2022-08-04T10:00:00+02:00');
  });

  test('Klachtenprotocol §9: the aanbieder that handed its klachten over owes no report on them and is not escalated; one that handed over after the deadline still is', async () => {
    expect(await tel([AMSTERDAM], '2022-04-01', '2022-06-30', OVER)).toBeGreaterThan(0);
    expect(await tel([AMSTERDAM], '2022-04-01', '2022-06-30', NA_DEADLINE)).toBeGreaterThan(0);
    const verwacht = (await ids(AMSTERDAM, '2022-04-01', '2022-06-30')).filter((a) => a !== OVER);
    expect(await escalaties(AMSTERDAM, '2022-08-01')).toEqual(verwacht);
    expect(await opgeslagen(AMSTERDAM, '2022-08-01', OVER)).toBeUndefined();
    expect((await opgeslagen(AMSTERDAM, '2022-08-01', NA_DEADLINE))?.totaal).toBe(
      await tel([AMSTERDAM], '2022-04-01', '2022-06-30', NA_DEADLINE),
    );
  });

  test("Klachtenprotocol §9: the aanbieder's own GET /rapportages leaves out the klachten it handed over, as its klacht lists do", async () => {
    const res = await request(t.http)
      .get('/api/v1/rapportages?van=2022-04-01&tot=2022-06-30')
      .set('Authorization', await bearer(t.app, AMSTERDAM, 'aanbieder', OVER));
    expect(res.status).toBe(200);
    expect(res.body.cijfers.totaal).toBe(0);
    const lijst = await request(t.http)
      .get('/api/v1/klachten')
      .set('Authorization', await bearer(t.app, AMSTERDAM, 'aanbieder', OVER));
    expect(lijst.status).toBe(200);
    expect(lijst.body.resultaten).toHaveLength(0);
  });

  test("Klachtenprotocol §9: the gemeente's report counts the handed-over klachten for the aanbieder at receipt", async () => {
    const r = await opgeslagen(AMSTERDAM, '2022-08-01');
    expect(r?.perAanbieder.find((a) => a.waarde === OVER)?.aantal).toBe(await tel([AMSTERDAM], '2022-04-01', '2022-06-30', OVER));
    const pe = await request(t.http)
      .get(`/api/v1/rapportages?van=2022-04-01&tot=2022-06-30&aanbieder=${OVER}`)
      .set('Authorization', await bearer(t.app, AMSTERDAM, 'procesEigenaar'));
    expect(pe.body.cijfers.totaal).toBe(await tel([AMSTERDAM], '2022-04-01', '2022-06-30', OVER));
  });
});

describe("Wet arhi art. 40 with an aanbieder id per gemeente: the gemeente's report keys every aanbieder figure by (gemeente, id)", () => {
  const Q1 = 'van=2022-01-01&tot=2022-03-31';
  const ZB = 'zorgbalans';
  let pe: string;
  type Regel = { gemeente: string; aanbiederId: string; aard: string; aantal: number; terugkerend: boolean };
  type Terugkerend = { gemeente: string; aanbiederId: string; aard: string; aantal: number };
  const rapport = async (query: string) => {
    const res = await request(t.http).get(`/api/v1/rapportages?${query}`).set('Authorization', pe);
    expect(res.status).toBe(200);
    return res.body as {
      gemeenten: string[];
      cijfers: {
        totaal: number;
        perAanbieder: Array<{ gemeente: string; waarde: string; aantal: number }>;
        regels: Regel[];
        terugkerend: Terugkerend[];
      };
    };
  };

  beforeAll(async () => {
    pe = await bearer(t.app, AMSTERDAM, 'procesEigenaar');
  });

  test("Wet arhi art. 40: Amsterdam's first quarter 2022 has two rows for 'zorgbalans', Amsterdam's (GM0363) and Weesp's (GM0457), each with its own count", async () => {
    const ams = await tel([AMSTERDAM], '2022-01-01', '2022-03-31', ZB);
    const wsp = await tel([WEESP], '2022-01-01', '2022-03-31', ZB);
    expect(ams).toBeGreaterThan(0);
    expect(wsp).toBeGreaterThan(0);
    const r = await rapport(Q1);
    expect(r.gemeenten).toEqual([AMSTERDAM, WEESP]);
    const per = r.cijfers.perAanbieder.filter((a) => a.waarde === ZB).map(({ gemeente, aantal }) => ({ gemeente, aantal }));
    expect(per.sort((a, b) => a.gemeente.localeCompare(b.gemeente))).toEqual([
      { gemeente: AMSTERDAM, aantal: ams },
      { gemeente: WEESP, aantal: wsp },
    ]);
    const som = (g: string) => r.cijfers.regels.filter((x) => x.aanbiederId === ZB && x.gemeente === g).reduce((s, x) => s + x.aantal, 0);
    expect(som(AMSTERDAM)).toBe(ams);
    expect(som(WEESP)).toBe(wsp);
    // Every row names the gemeente whose klachten it counts; only the period's gemeenten occur.
    expect(new Set(r.cijfers.regels.map((x) => x.gemeente))).toEqual(new Set([AMSTERDAM, WEESP]));
  });

  test('Klachtenprotocol Wmo keten Amsterdam §11: a recurring klacht needs the threshold at one aanbieder (gemeente + id); Amsterdam and Weesp "zorgbalans" together do not reach it', async () => {
    // An aard both gemeenten's 'zorgbalans' had in the quarter (the one with the largest count): the larger count + 1 is reached only by their sum.
    let gekozen: { aard: string; ams: number; wsp: number } | undefined;
    for (const a of AARDEN) {
      const ams = await tel([AMSTERDAM], '2022-01-01', '2022-03-31', ZB, `k.categorie = '${a}'`);
      const wsp = await tel([WEESP], '2022-01-01', '2022-03-31', ZB, `k.categorie = '${a}'`);
      if (ams > 0 && wsp > 0 && Math.max(ams, wsp) > (gekozen ? Math.max(gekozen.ams, gekozen.wsp) : 0)) gekozen = { aard: a, ams, wsp };
    }
    expect(gekozen).toBeDefined();
    const { aard: a, ams, wsp } = gekozen!;
    const drempel = Math.max(ams, wsp) + 1;
    expect(ams + wsp).toBeGreaterThanOrEqual(drempel);
    const r = await rapport(`${Q1}&drempel=${drempel}`);
    expect(r.cijfers.terugkerend.filter((x) => x.aanbiederId === ZB && x.aard === a)).toEqual([]);
    expect(r.cijfers.regels.filter((x) => x.aanbiederId === ZB && x.aard === a).some((x) => x.terugkerend)).toBe(false);
    // At the larger count it fires, for that gemeente's 'zorgbalans' only, with its own count.
    const groot = ams >= wsp ? AMSTERDAM : WEESP;
    expect(Math.max(ams, wsp)).toBeGreaterThanOrEqual(2);
    const r2 = await rapport(`${Q1}&drempel=${Math.max(ams, wsp)}`);
    expect(r2.cijfers.terugkerend.filter((x) => x.aanbiederId === ZB && x.aard === a)).toEqual([
      expect.objectContaining({ gemeente: groot, aantal: Math.max(ams, wsp) }),
    ]);
    expect(r2.cijfers.regels.filter((x) => x.aanbiederId === ZB && x.aard === a && x.terugkerend).every((x) => x.gemeente === groot)).toBe(
      true,
    );
  });

  test("aanbieder=zorgbalans in Amsterdam's report is Amsterdam's own aanbieder (the id Amsterdam chose); aanbiederGemeente=GM0457 selects Weesp's", async () => {
    const eigen = await rapport(`${Q1}&aanbieder=${ZB}`);
    expect(eigen.cijfers.totaal).toBe(await tel([AMSTERDAM], '2022-01-01', '2022-03-31', ZB));
    expect(new Set(eigen.cijfers.regels.map((x) => `${x.gemeente}/${x.aanbiederId}`))).toEqual(new Set([`${AMSTERDAM}/${ZB}`]));
    const weesps = await rapport(`${Q1}&aanbieder=${ZB}&aanbiederGemeente=${WEESP}`);
    expect(weesps.cijfers.totaal).toBe(await tel([WEESP], '2022-01-01', '2022-03-31', ZB));
    expect(new Set(weesps.cijfers.regels.map((x) => `${x.gemeente}/${x.aanbiederId}`))).toEqual(new Set([`${WEESP}/${ZB}`]));
    // A gemeente the report does not count, or aanbiederGemeente without aanbieder: refused, naming the field.
    for (const q of [`${Q1}&aanbieder=${ZB}&aanbiederGemeente=GM0344`, `${Q1}&aanbiederGemeente=${WEESP}`]) {
      const fout = await request(t.http).get(`/api/v1/rapportages?${q}`).set('Authorization', pe);
      expect(fout.status).toBe(400);
      expect(fout.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(fout.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['aanbiederGemeente']);
    }
  });

  test('the CSV has the gemeente of each row; the HTML shows it when the report covers more than one gemeente, a report of one gemeente keeps its figures', async () => {
    const csv = await request(t.http).get(`/api/v1/rapportages?${Q1}&formaat=csv`).set('Authorization', pe);
    const rows = parseCsv(csv.text);
    const kol = rows[0].indexOf('Gemeente van de klachten');
    expect(kol).toBeGreaterThan(7);
    const zb = rows.slice(1).filter((x) => x[4] === ZB);
    expect(new Set(zb.map((x) => x[kol]))).toEqual(new Set([AMSTERDAM, WEESP]));
    const html = await request(t.http).get(`/api/v1/rapportages?${Q1}&formaat=html`).set('Authorization', pe);
    expect(html.text).toContain('<th>Gemeente</th>');
    // A period that ends before 24 March 2022 is Amsterdam's alone: its figures as before, every row Amsterdam's, no gemeente column.
    const enkel = await rapport('van=2022-01-01&tot=2022-03-23');
    expect(enkel.gemeenten).toEqual([AMSTERDAM]);
    expect(enkel.cijfers.regels.length).toBeGreaterThan(0);
    expect(enkel.cijfers.regels.every((x) => x.gemeente === AMSTERDAM)).toBe(true);
    expect(enkel.cijfers.perAanbieder.find((a) => a.waarde === ZB)?.aantal).toBe(await tel([AMSTERDAM], '2022-01-01', '2022-03-23', ZB));
    const enkelHtml = await request(t.http).get('/api/v1/rapportages?van=2022-01-01&tot=2022-03-23&formaat=html').set('Authorization', pe);
    expect(enkelHtml.text).not.toContain('<th>Gemeente</th>');
  });
});
