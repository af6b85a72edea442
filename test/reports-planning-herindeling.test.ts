/**
 * Which aanbieders report on which moment after a herindeling (contract art. 11.1; Klachtenprotocol Wmo keten Amsterdam §10,
 * the quarterly report per ketenpartner; Wet arhi art. 40: the successor takes over the dissolved gemeente's contracts with
 * their duties). Weesp (GM0457) went into Amsterdam (GM0363) on 24 maart 2022. Weesp's last half-year moment stops on
 * 31 december 2021, because Amsterdam's first quarter of 2022 counts Weesp's klachten; so Weesp's aanbieders owe Amsterdam
 * that quarter's report on Weesp's klachten, each as gemeente + id: Weesp's 'zorgbalans' is not Amsterdam's 'zorgbalans'.
 */
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { KLOK, type Klok } from '../src/common/klok';
import { RAPPORTAGE_OUTBOX, RapportagePlanningService } from '../src/modules/reports/rapportage-planning.service';
import { bearer } from './auth-support';
import { genereerKlachten, insertKlachten } from './reports-data';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';

const AMSTERDAM = 'GM0363';
const WEESP = 'GM0457';
/** Named only on Weesp's klachten. */
const WEESPER_ZORG = { id: 'weesper-zorg', naam: 'Weesper Zorg', type: 'wmo' };
const ZORGBALANS = 'zorgbalans';
/** Amsterdam's first quarter of 2022, due vóór 1 mei 2022; the quarter Weesp went into it. */
const Q1 = { van: '2022-01-01', tot: '2022-03-31', deadline: '2022-05-01' };

let nu = new Date('2022-04-20T10:00:00+02:00');
const klok: Klok = { nu: () => new Date(nu.getTime()) };
let tdb: TestDatabase;
let t: TestApp;
let db: DataSource;
let planning: RapportagePlanningService;

/** Direct count, independent of the report SQL: klachten of `gemeente` received in [van, tot] (Amsterdam days) naming `a`. */
async function tel(gemeente: string, van: string, tot: string, a: string): Promise<number> {
  const [{ n }] = await db.query(
    `select count(*)::int as n from klacht k where k.gemeente = $1
       and k.ontvangen_op >= ($2::date)::timestamp at time zone 'Europe/Amsterdam'
       and k.ontvangen_op < ($3::date + 1)::timestamp at time zone 'Europe/Amsterdam'
       and k.aanbieders @> jsonb_build_array(jsonb_build_object('id', $4::text))`,
    [gemeente, van, tot, a],
  );
  return n;
}
/** The aanbieders on `gemeente`'s klachten received in [van, tot], as gemeente/id. */
async function aanbieders(gemeente: string, van: string, tot: string): Promise<string[]> {
  const rows: Array<{ id: string }> = await db.query(
    `select distinct a->>'id' as id from klacht k, jsonb_array_elements(k.aanbieders) a where k.gemeente = $1
       and k.ontvangen_op >= ($2::date)::timestamp at time zone 'Europe/Amsterdam'
       and k.ontvangen_op < ($3::date + 1)::timestamp at time zone 'Europe/Amsterdam'`,
    [gemeente, van, tot],
  );
  return rows.map((r) => `${gemeente}/${r.id}`);
}
/** The escalations of a moment of `gemeente` to the contractmanager, as aanbiederGemeente/aanbiederId. */
const escalaties = async (gemeente: string, deadline: string): Promise<string[]> =>
  (
    await db.query(
      `select payload->>'aanbiederGemeente' as g, payload->>'aanbiederId' as a from outbox where type = $1 and payload->>'gemeente' = $2 and payload->>'deadline' = $3`,
      [RAPPORTAGE_OUTBOX.teLaat, gemeente, deadline],
    )
  )
    .map((r: { g: string; a: string }) => `${r.g}/${r.a}`)
    .sort();
/** The stored report of `aanbieder`, as the gemeente `aanbiederGemeente` chose its id, on a moment of `gemeente`. */
const opgeslagen = async (gemeente: string, deadline: string, aanbiederGemeente: string, aanbieder: string) =>
  (
    await db.query(
      `select id, label, inhoud from rapportage where gemeente = $1 and deadline = $2 and aanbieder_gemeente = $3 and aanbieder_id = $4`,
      [gemeente, deadline, aanbiederGemeente, aanbieder],
    )
  )[0] as { id: string; label: string; inhoud: { totaal: number } } | undefined;

let weespZorgbalans: string;
let weesperZorg: string;
let amsZorgbalans: string;

beforeAll(async () => {
  tdb = await createTestDatabase('reports_planning_herindeling');
  // ROLE=api: no workers; the test drives the schedule itself.
  t = await createTestApp({ databaseUrl: tdb.url, env: { ROLE: 'api' }, override: (b) => b.overrideProvider(KLOK).useValue(klok) });
  db = t.app.get<DataSource>(getDataSourceToken());
  planning = t.app.get(RapportagePlanningService);
  // Both gemeenten chose the ids 'zorgbalans', 'thuiszorg-west', ... for organisations of their own; Weesp also 'weesper-zorg'.
  const ams = genereerKlachten({
    n: 60,
    seed: 81,
    gemeente: AMSTERDAM,
    definitieId: 'gm0363-amsterdam',
    van: new Date('2021-10-04T00:00:00Z'),
    tot: new Date('2022-03-28T00:00:00Z'),
    nu: new Date('2022-04-15T00:00:00Z'),
  });
  const weesp = genereerKlachten({
    n: 40,
    seed: 82,
    gemeente: WEESP,
    definitieId: 'gm0457-weesp',
    van: new Date('2021-10-04T00:00:00Z'),
    tot: new Date('2022-03-20T00:00:00Z'),
    nu: new Date('2022-04-15T00:00:00Z'),
  });
  weesp.forEach((k, i) => {
    if (i % 3 === 0) k.aanbieders = [WEESPER_ZORG];
  });
  await insertKlachten(db, [...ams, ...weesp]);
  // The schedule as built on 15 January 2022: Amsterdam's quarters due vóór 1 februari and 1 mei, Weesp's last half year vóór 1 juli.
  await planning.synchroniseer(new Date('2022-01-15T09:00:00+01:00'));
  // Amsterdam issues keys for Weesp's aanbieders (their id's gemeente GM0457) and has its own 'zorgbalans'.
  weespZorgbalans = await bearer(t.app, AMSTERDAM, 'aanbieder', ZORGBALANS, WEESP);
  weesperZorg = await bearer(t.app, AMSTERDAM, 'aanbieder', WEESPER_ZORG.id, WEESP);
  amsZorgbalans = await bearer(t.app, AMSTERDAM, 'aanbieder', ZORGBALANS);
  // Only Weesp's 'zorgbalans' submits its report for the quarter, in time.
  nu = new Date('2022-04-20T10:00:00+02:00');
  const ingediend = await request(t.http)
    .post('/api/v1/aanbieder-rapportages')
    .set('Authorization', weespZorgbalans)
    .send({ deadline: Q1.deadline, inhoud: { van: 'Weesps zorgbalans' } });
  expect([ingediend.status, ingediend.body.aanbiederGemeente]).toEqual([201, WEESP]);
  nu = new Date('2022-05-01T00:00:05+02:00');
  for (const deadline of ['2022-02-01', Q1.deadline]) {
    expect(await planning.deadline({ gemeente: AMSTERDAM, soort: 'aanbieders', deadline, kind: 'deadline' }, nu)).toBe('verwerkt');
  }
}, 120000);

afterAll(async () => {
  await t?.close();
  await tdb?.drop();
});

describe("Klachtenprotocol Wmo keten Amsterdam §10 / Wet arhi art. 40: Weesp's aanbieders on Amsterdam's quarter in which Weesp went into it", () => {
  test("Weesp's aanbieders owe Amsterdam the report of the first quarter of 2022 on Weesp's klachten, each as gemeente + id: those that did not submit are escalated with aanbiederGemeente GM0457, Weesp's 'zorgbalans' (submitted) is not, Amsterdam's 'zorgbalans' (did not) is", async () => {
    expect(await tel(WEESP, Q1.van, Q1.tot, WEESPER_ZORG.id)).toBeGreaterThan(0);
    expect(await tel(WEESP, Q1.van, Q1.tot, ZORGBALANS)).toBeGreaterThan(0);
    expect(await tel(AMSTERDAM, Q1.van, Q1.tot, ZORGBALANS)).toBeGreaterThan(0);
    const verwacht = [...(await aanbieders(AMSTERDAM, Q1.van, Q1.tot)), ...(await aanbieders(WEESP, Q1.van, Q1.tot))]
      .filter((a) => a !== `${WEESP}/${ZORGBALANS}`)
      .sort();
    const uit = await escalaties(AMSTERDAM, Q1.deadline);
    expect(uit).toEqual(verwacht);
    expect(uit).toEqual(expect.arrayContaining([`${WEESP}/${WEESPER_ZORG.id}`, `${AMSTERDAM}/${ZORGBALANS}`]));
  });

  test("each aanbieder's stored report of the quarter counts its own gemeente's klachten, on Amsterdam's moment with the gemeente that chose its id: Weesp's and Amsterdam's 'zorgbalans' each their own", async () => {
    for (const [gemeente, id] of [
      [WEESP, WEESPER_ZORG.id],
      [WEESP, ZORGBALANS],
      [AMSTERDAM, ZORGBALANS],
    ]) {
      const r = await opgeslagen(AMSTERDAM, Q1.deadline, gemeente, id);
      expect([gemeente, id, r?.inhoud.totaal, r?.label]).toEqual([
        gemeente,
        id,
        await tel(gemeente, Q1.van, Q1.tot, id),
        'Kwartaalrapportage aanbieders, vóór 1 mei 2022',
      ]);
    }
    // Amsterdam's own id 'weesper-zorg' has no klachten: no report of it.
    expect(await opgeslagen(AMSTERDAM, Q1.deadline, AMSTERDAM, WEESPER_ZORG.id)).toBeUndefined();
  });

  test("Weesp's aanbieder reads its stored report with the key Amsterdam issued for its Weesp id, with the figures of its own GET /rapportages; Amsterdam's 'zorgbalans' does not see Weesp's 'zorgbalans' report", async () => {
    nu = new Date('2022-05-10T10:00:00+02:00');
    const lijst = await request(t.http).get('/api/v1/rapportages/opgeslagen').set('Authorization', weesperZorg);
    expect(lijst.status).toBe(200);
    const kwartaal = lijst.body.filter((r: { deadline: string }) => r.deadline === Q1.deadline);
    expect(
      kwartaal.map((r: { gemeente: string; aanbiederGemeente: string; aanbiederId: string }) => [
        r.gemeente,
        r.aanbiederGemeente,
        r.aanbiederId,
      ]),
    ).toEqual([[AMSTERDAM, WEESP, WEESPER_ZORG.id]]);
    const een = await request(t.http).get(`/api/v1/rapportages/opgeslagen/${kwartaal[0].id}`).set('Authorization', weesperZorg);
    const eigen = await request(t.http).get(`/api/v1/rapportages?van=${Q1.van}&tot=${Q1.tot}`).set('Authorization', weesperZorg);
    expect([een.status, eigen.status]).toEqual([200, 200]);
    expect(een.body.inhoud.totaal).toBe(eigen.body.cijfers.totaal);
    const weesps = await opgeslagen(AMSTERDAM, Q1.deadline, WEESP, ZORGBALANS);
    expect(weesps).toBeDefined();
    const ams = await request(t.http).get('/api/v1/rapportages/opgeslagen').set('Authorization', amsZorgbalans);
    expect(ams.body.map((r: { id: string }) => r.id)).not.toContain(weesps?.id);
    expect(
      ams.body
        .filter((r: { deadline: string }) => r.deadline === Q1.deadline)
        .map((r: { gemeente: string; aanbiederGemeente: string }) => [r.gemeente, r.aanbiederGemeente]),
    ).toEqual([[AMSTERDAM, AMSTERDAM]]);
  });

  test("a quarter that ended before the herindeling (the fourth of 2021, vóór 1 februari 2022) is owed by Amsterdam's aanbieders only: Weesp's report that period on Weesp's own last moment", async () => {
    const uit = await escalaties(AMSTERDAM, '2022-02-01');
    expect(uit.length).toBeGreaterThan(0);
    expect(uit).toEqual((await aanbieders(AMSTERDAM, '2021-10-01', '2021-12-31')).sort());
  });
});
