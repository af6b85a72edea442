/**
 * An aanbieder is gemeente + id, also in its submissions (contract art. 11.1, Klachtenprotocol Wmo keten Amsterdam §10). Weesp
 * (GM0457) went into Amsterdam (GM0363) on 24 maart 2022 (Wet arhi art. 40 e.v.); Weesp's last half-year report falls due
 * "vóór 1 juli 2022", after its opheffing, so its aanbieders submit with a key of Amsterdam. Amsterdam's 'zorgbalans' and
 * Weesp's 'zorgbalans' are two organisations: the one's submission does not count for the other, and both can submit
 * for that moment without overwriting each other.
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
const ZORGBALANS = { id: 'zorgbalans', naam: 'Zorgbalans', type: 'wmo' };
const THUISZORG = { id: 'thuiszorg-west', naam: 'Thuiszorg West', type: 'wmo' };
/** Weesp's last moment: due after its opheffing, period 1 november - 31 december 2021 (momentNaOpheffing). */
const LAATSTE = '2022-07-01';

let nu = new Date('2022-06-10T10:00:00+02:00');
const klok: Klok = { nu: () => new Date(nu.getTime()) };
let tdb: TestDatabase;
let t: TestApp;
let db: DataSource;
let planning: RapportagePlanningService;

const dien = (sleutel: string, body: Record<string, unknown>) =>
  request(t.http).post('/api/v1/aanbieder-rapportages').set('Authorization', sleutel).send(body);
const inleveringen = async (deadline: string) =>
  db.query(
    `select gemeente, aanbieder_gemeente as "aanbiederGemeente", aanbieder_id as "aanbiederId", inhoud from aanbieder_rapportage
     where deadline = $1 order by aanbieder_id, aanbieder_gemeente`,
    [deadline],
  );
const escalaties = async (gemeente: string, deadline: string): Promise<string[]> =>
  (
    await db.query(
      `select payload->>'aanbiederId' as a from outbox where type = $1 and payload->>'gemeente' = $2 and payload->>'deadline' = $3 order by 1`,
      [RAPPORTAGE_OUTBOX.teLaat, gemeente, deadline],
    )
  ).map((r: { a: string }) => r.a);

beforeAll(async () => {
  tdb = await createTestDatabase('reports_inlevering_herindeling');
  t = await createTestApp({ databaseUrl: tdb.url, env: { ROLE: 'api' }, override: (b) => b.overrideProvider(KLOK).useValue(klok) });
  db = t.app.get<DataSource>(getDataSourceToken());
  planning = t.app.get(RapportagePlanningService);
  // Weesp's klachten of its last period name Weesp's own 'zorgbalans' and 'thuiszorg-west'; Amsterdam's name its own, same ids.
  const weesp = genereerKlachten({
    n: 24,
    seed: 71,
    gemeente: WEESP,
    definitieId: 'gm0457-weesp',
    van: new Date('2021-11-02T00:00:00Z'),
    tot: new Date('2021-12-28T00:00:00Z'),
    nu: new Date('2022-06-01T00:00:00Z'),
  });
  weesp.forEach((k, i) => {
    k.aanbieders = [[ZORGBALANS], [THUISZORG], [ZORGBALANS, THUISZORG]][i % 3];
  });
  const ams = genereerKlachten({
    n: 24,
    seed: 72,
    gemeente: AMSTERDAM,
    definitieId: 'gm0363-amsterdam',
    van: new Date('2021-11-02T00:00:00Z'),
    tot: new Date('2022-03-20T00:00:00Z'),
    nu: new Date('2022-06-01T00:00:00Z'),
  });
  ams.forEach((k) => {
    k.aanbieders = [ZORGBALANS, THUISZORG];
  });
  await insertKlachten(db, [...weesp, ...ams]);
  await planning.synchroniseer(new Date('2022-01-15T09:00:00+01:00'));
}, 120000);

afterAll(async () => {
  await t?.close();
  await tdb?.drop();
});

describe("Weesp's last report (vóór 1 juli 2022), submitted under Amsterdam's code after the herindeling", () => {
  let amsZorgbalans: string;
  let weespZorgbalans: string;

  beforeAll(async () => {
    const [moment] = await db.query(
      `select to_char(periode_tot, 'YYYY-MM-DD') as tot from rapportage_moment where gemeente = $1 and deadline = $2`,
      [WEESP, LAATSTE],
    );
    expect(moment).toEqual({ tot: '2021-12-31' });
    // Two organisations with the id 'zorgbalans' (and two with 'thuiszorg-west'), each with a key of Amsterdam: Weesp's keys
    // are refused since 24 maart 2022, and Amsterdam issues Weesp's aanbieders keys that name Weesp as their id's gemeente.
    amsZorgbalans = await bearer(t.app, AMSTERDAM, 'aanbieder', ZORGBALANS.id);
    weespZorgbalans = await bearer(t.app, AMSTERDAM, 'aanbieder', ZORGBALANS.id, WEESP);
    const weespThuiszorg = await bearer(t.app, AMSTERDAM, 'aanbieder', THUISZORG.id, WEESP);
    // Before the deadline only Amsterdam's 'zorgbalans' and Weesp's 'thuiszorg-west' submit.
    nu = new Date('2022-06-10T10:00:00+02:00');
    const a = await dien(amsZorgbalans, { deadline: LAATSTE, inhoud: { van: 'Amsterdams zorgbalans' } });
    expect([a.status, a.body.aanbiederGemeente]).toEqual([201, AMSTERDAM]);
    const w = await dien(weespThuiszorg, { deadline: LAATSTE, aanbiederGemeente: WEESP, inhoud: { van: 'Weesps thuiszorg-west' } });
    expect([w.status, w.body.aanbiederGemeente]).toEqual([201, WEESP]);
    nu = new Date('2022-07-01T00:00:05+02:00');
    expect(await planning.deadline({ gemeente: WEESP, soort: 'aanbieders', deadline: LAATSTE, kind: 'deadline' }, nu)).toBe('verwerkt');
    // Weesp's 'zorgbalans' submits after all, late.
    nu = new Date('2022-07-02T10:00:00+02:00');
    const z = await dien(weespZorgbalans, { deadline: LAATSTE, inhoud: { van: 'Weesps zorgbalans' } });
    expect([z.status, z.body.aanbiederGemeente]).toEqual([201, WEESP]);
  });

  test("contract art. 11.1 / Wet arhi art. 40: Amsterdam's 'zorgbalans' submission does not satisfy Weesp's 'zorgbalans' for Weesp's last moment, which is escalated; Weesp's 'thuiszorg-west' submitted its own under Amsterdam's code and is not", async () => {
    expect(await escalaties(WEESP, LAATSTE)).toEqual([ZORGBALANS.id]);
  });

  test("Wet arhi art. 40: Amsterdam's and Weesp's 'zorgbalans' both submit for Weesp's last moment under Amsterdam's code, each its own row; a second submission replaces only its own", async () => {
    const zorgbalans = async () =>
      (
        (await inleveringen(LAATSTE)) as Array<{
          gemeente: string;
          aanbiederGemeente: string;
          aanbiederId: string;
          inhoud: { van: string };
        }>
      )
        .filter((r) => r.aanbiederId === ZORGBALANS.id)
        .map((r) => [r.gemeente, r.aanbiederGemeente, r.inhoud.van]);
    expect(await zorgbalans()).toEqual([
      [AMSTERDAM, AMSTERDAM, expect.stringMatching(/^Amsterdams zorgbalans/)],
      [AMSTERDAM, WEESP, 'Weesps zorgbalans'],
    ]);
    // Amsterdam's 'zorgbalans' submits again: its own row changes, Weesp's stays.
    nu = new Date('2022-07-03T10:00:00+02:00');
    expect((await dien(amsZorgbalans, { deadline: LAATSTE, inhoud: { van: 'Amsterdams zorgbalans, herzien' } })).status).toBe(201);
    expect(await zorgbalans()).toEqual([
      [AMSTERDAM, AMSTERDAM, 'Amsterdams zorgbalans, herzien'],
      [AMSTERDAM, WEESP, 'Weesps zorgbalans'],
    ]);
  });

  test('contract art. 11.1: a submission counts for the report of its key’s id gemeente where a submission under the key’s code counts for that deadline; a body aanbiederGemeente contradicting the key is 400 naming it, nothing stored', async () => {
    for (const [sleutel, body] of [
      // The body does not decide whose aanbieder speaks: not Utrecht's, ...
      [weespZorgbalans, { deadline: LAATSTE, aanbiederGemeente: 'GM0344', inhoud: {} }],
      // ... and not Weesp's for Amsterdam's own 'zorgbalans' key (the same id, another organisation).
      [amsZorgbalans, { deadline: LAATSTE, aanbiederGemeente: WEESP, inhoud: {} }],
      // Weesp's moment due before its opheffing counts only submissions under Weesp's own code.
      [weespZorgbalans, { deadline: '2022-03-01', inhoud: {} }],
    ] as Array<[string, Record<string, unknown>]>) {
      const res = await dien(sleutel, body);
      expect([res.status, res.headers['content-type'], res.body.invalidParams?.map((p: { name: string }) => p.name)]).toEqual([
        400,
        'application/problem+json; charset=utf-8',
        ['aanbiederGemeente'],
      ]);
    }
    const [{ n }] = await db.query(
      `select count(*)::int as n from aanbieder_rapportage where aanbieder_gemeente = 'GM0344' or deadline = '2022-03-01'`,
    );
    expect(n).toBe(0);
    // Amsterdam's 'zorgbalans' row for Weesp's last moment is still its own, and Weesp's still Weesp's.
    const rijen = await inleveringen(LAATSTE);
    expect(
      rijen
        .filter((r: { aanbiederId: string }) => r.aanbiederId === ZORGBALANS.id)
        .map((r: { aanbiederGemeente: string }) => r.aanbiederGemeente),
    ).toEqual([AMSTERDAM, WEESP]);
  });

  test('Wet arhi art. 40: the body may still name the gemeente when it agrees with the key (older clients)', async () => {
    nu = new Date('2022-07-04T10:00:00+02:00');
    const res = await dien(weespZorgbalans, { deadline: LAATSTE, aanbiederGemeente: WEESP, inhoud: { van: 'Weesps zorgbalans' } });
    expect([res.status, res.body.aanbiederGemeente]).toEqual([201, WEESP]);
  });

  test("contract art. 11.1 / Wet arhi art. 40: Weesp's aanbieder's own GET /rapportages with the key Amsterdam issued for its Weesp id counts Weesp's klachten naming it, as Amsterdam's report of that aanbieder does, not Amsterdam's 'zorgbalans'", async () => {
    const periode = 'van=2021-11-01&tot=2022-03-31';
    const rapport = async (sleutel: string, extra = '') =>
      request(t.http).get(`/api/v1/rapportages?${periode}${extra}`).set('Authorization', sleutel);
    const pe = await bearer(t.app, AMSTERDAM, 'procesEigenaar');
    const weesps = await rapport(pe, `&aanbieder=${ZORGBALANS.id}&aanbiederGemeente=${WEESP}`);
    const amsterdams = await rapport(pe, `&aanbieder=${ZORGBALANS.id}`);
    expect([weesps.status, amsterdams.status]).toEqual([200, 200]);
    expect(weesps.body.cijfers.totaal).toBeGreaterThan(0);
    expect(weesps.body.cijfers.totaal).not.toBe(amsterdams.body.cijfers.totaal);
    const eigen = await rapport(weespZorgbalans);
    expect([eigen.status, eigen.body.gemeenten, eigen.body.cijfers.totaal]).toEqual([200, [WEESP], weesps.body.cijfers.totaal]);
    expect((await rapport(amsZorgbalans)).body.cijfers.totaal).toBe(amsterdams.body.cijfers.totaal);
    // An aanbieder asks only for its own report: naming the other gemeente is refused.
    expect((await rapport(weespZorgbalans, `&aanbiederGemeente=${AMSTERDAM}`)).status).toBe(403);
  });
});
