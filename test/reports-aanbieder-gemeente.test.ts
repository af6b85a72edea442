/**
 * A stored report names the gemeente that chose its aanbieder's id (`aanbieder_gemeente`): an aanbieder is gemeente + id.
 * Weesp (GM0457) went into Amsterdam (GM0363) on 24 maart 2022 (Wet samenvoeging Amsterdam en Weesp); Amsterdam took over
 * Weesp's contracts with their duties (Wet arhi art. 40), so Weesp's aanbieders report on Amsterdam's first quarter of 2022
 * on Weesp's klachten (Klachtenprotocol Wmo keten Amsterdam §10), next to Amsterdam's aanbieders with the same ids. Each
 * such report is filed on the moment it belongs to (Amsterdam's) and says whose aanbieder it is about.
 */
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { KLOK, type Klok } from '../src/common/klok';
import { RapportagePlanningService } from '../src/modules/reports/rapportage-planning.service';
import { bearer } from './auth-support';
import { genereerKlachten, insertKlachten } from './reports-data';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';

const AMSTERDAM = 'GM0363';
const WEESP = 'GM0457';
const ZORGBALANS = 'zorgbalans';
/** Amsterdam's first quarter of 2022, due vóór 1 mei 2022: the quarter Weesp went into it. */
const Q1 = { van: '2022-01-01', tot: '2022-03-31', deadline: '2022-05-01' };
/**
 * Weesp's own last moment, due the same day: a schedule whose second half of 2021 is due vóór 1 mei (a Weesp regeling
 * may set its own deadlines, docs/definities.md). Kept whole after the opheffing: its period ends before Amsterdam's
 * quarter that counts Weesp (momentNaOpheffing).
 */
const WEESP_H2 = { van: '2021-07-01', tot: '2021-12-31', deadline: Q1.deadline };

let nu = new Date('2022-04-20T10:00:00+02:00');
const klok: Klok = { nu: () => new Date(nu.getTime()) };
let tdb: TestDatabase;
let t: TestApp;
let db: DataSource;

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

type Rij = { id: string; gemeente: string; aanbieder_gemeente: string | null; van: string; tot: string; label: string; totaal: number };
/** The stored reports of `deadline` about aanbieder `id`, every gemeente. */
const rijen = async (deadline: string, id: string): Promise<Rij[]> =>
  db.query(
    `select id, gemeente, aanbieder_gemeente, to_char(periode_van, 'YYYY-MM-DD') as van, to_char(periode_tot, 'YYYY-MM-DD') as tot, label,
            (inhoud->>'totaal')::int as totaal
     from rapportage where deadline = $1 and aanbieder_id = $2 order by gemeente, aanbieder_gemeente`,
    [deadline, id],
  );

let pe: string;
let weespZorgbalans: string;
let amsZorgbalans: string;

beforeAll(async () => {
  tdb = await createTestDatabase('reports_aanbieder_gemeente');
  t = await createTestApp({ databaseUrl: tdb.url, env: { ROLE: 'api' }, override: (b) => b.overrideProvider(KLOK).useValue(klok) });
  db = t.app.get<DataSource>(getDataSourceToken());
  const planning = t.app.get(RapportagePlanningService);
  // Both gemeenten chose the ids 'zorgbalans', 'thuiszorg-west', ... for organisations of their own.
  const maak = (gemeente: string, definitieId: string, seed: number, tot: string) =>
    genereerKlachten({
      n: 70,
      seed,
      gemeente,
      definitieId,
      van: new Date('2021-07-05T00:00:00Z'),
      tot: new Date(tot),
      nu: new Date('2022-04-15T00:00:00Z'),
    });
  await insertKlachten(db, [
    ...maak(AMSTERDAM, 'gm0363-amsterdam', 91, '2022-03-28T00:00:00Z'),
    ...maak(WEESP, 'gm0457-weesp', 92, '2022-03-20T00:00:00Z'),
  ]);
  await planning.synchroniseer(new Date('2022-01-15T09:00:00+01:00'));
  await db.query(
    `insert into rapportage_moment (gemeente, definitie_id, definitie_versie, soort, cadans, periode_van, periode_tot, deadline, naar, label)
     values ($1, 'gm0457-weesp', '2015-01', 'aanbieders', 'halfjaar', $2, $3, $4, 'contractmanager', 'Halfjaarrapportage aanbieders, vóór 1 mei 2022')`,
    [WEESP, WEESP_H2.van, WEESP_H2.tot, WEESP_H2.deadline],
  );
  nu = new Date('2022-05-01T00:00:05+02:00');
  for (const gemeente of [WEESP, AMSTERDAM]) {
    expect(await planning.deadline({ gemeente, soort: 'aanbieders', deadline: Q1.deadline, kind: 'deadline' }, nu)).toBe('verwerkt');
  }
  nu = new Date('2022-05-10T10:00:00+02:00');
  pe = await bearer(t.app, AMSTERDAM, 'procesEigenaar');
  // Amsterdam's key for Weesp's 'zorgbalans' (its id's gemeente GM0457), and one for its own.
  weespZorgbalans = await bearer(t.app, AMSTERDAM, 'aanbieder', ZORGBALANS, WEESP);
  amsZorgbalans = await bearer(t.app, AMSTERDAM, 'aanbieder', ZORGBALANS);
}, 120000);

afterAll(async () => {
  await t?.close();
  await tdb?.drop();
});

describe('stored reports name the gemeente that chose the aanbieder id', () => {
  test("Wet samenvoeging Amsterdam en Weesp: a Weesp aanbieder's stored report and an Amsterdam aanbieder's with the same id on the same moment are two reports, both on Amsterdam's moment, each naming the gemeente that chose its id and counting that gemeente's klachten", async () => {
    const weesps = await tel(WEESP, Q1.van, Q1.tot, ZORGBALANS);
    const amsterdams = await tel(AMSTERDAM, Q1.van, Q1.tot, ZORGBALANS);
    expect([weesps, amsterdams].every((n) => n > 0) && weesps !== amsterdams).toBe(true);
    const opAmsterdam = (await rijen(Q1.deadline, ZORGBALANS)).filter((r) => r.gemeente === AMSTERDAM);
    expect(
      opAmsterdam.map(({ gemeente, aanbieder_gemeente, van, tot, label, totaal }) => ({
        gemeente,
        aanbieder_gemeente,
        van,
        tot,
        label,
        totaal,
      })),
    ).toEqual([
      {
        gemeente: AMSTERDAM,
        aanbieder_gemeente: AMSTERDAM,
        ...Q1Periode(),
        label: 'Kwartaalrapportage aanbieders, vóór 1 mei 2022',
        totaal: amsterdams,
      },
      {
        gemeente: AMSTERDAM,
        aanbieder_gemeente: WEESP,
        ...Q1Periode(),
        label: 'Kwartaalrapportage aanbieders, vóór 1 mei 2022',
        totaal: weesps,
      },
    ]);
  });

  test("Wet arhi art. 40: Weesp's aanbieder's report on Weesp's own last moment and its report on Amsterdam's moment due the same day are two reports, each with its own moment, period and figures", async () => {
    const vanWeesp = (await rijen(Q1.deadline, ZORGBALANS)).filter((r) => r.aanbieder_gemeente === WEESP);
    expect(vanWeesp.map(({ gemeente, van, tot, totaal }) => ({ gemeente, van, tot, totaal }))).toEqual([
      { gemeente: AMSTERDAM, ...Q1Periode(), totaal: await tel(WEESP, Q1.van, Q1.tot, ZORGBALANS) },
      { gemeente: WEESP, van: WEESP_H2.van, tot: WEESP_H2.tot, totaal: await tel(WEESP, WEESP_H2.van, WEESP_H2.tot, ZORGBALANS) },
    ]);
  });

  test("the gemeente-wide report names no aanbieder's gemeente (null) and is one per moment", async () => {
    expect(await rijen(Q1.deadline, '*')).toEqual([
      expect.objectContaining({ gemeente: AMSTERDAM, aanbieder_gemeente: null }),
      expect.objectContaining({ gemeente: WEESP, aanbieder_gemeente: null }),
    ]);
  });
});

describe('GET /rapportages/opgeslagen: whose aanbieder a stored report is about', () => {
  type Lijst = Array<{
    id: string;
    gemeente: string;
    aanbiederId: string;
    aanbiederGemeente: string | null;
    deadline: string;
    periodeVan: string;
  }>;
  const lijst = async (sleutel: string, query = ''): Promise<Lijst> => {
    const res = await request(t.http).get(`/api/v1/rapportages/opgeslagen${query}`).set('Authorization', sleutel);
    expect(res.status).toBe(200);
    return res.body;
  };
  const paar = (r: Lijst[number]) => `${r.gemeente}:${r.aanbiederGemeente}/${r.aanbiederId}:${r.periodeVan}`;

  test("Wet samenvoeging Amsterdam en Weesp: the list shows aanbiederGemeente; aanbieder=zorgbalans is Amsterdam's own, with aanbiederGemeente=GM0457 Weesp's (on Weesp's last moment and on Amsterdam's)", async () => {
    const alles = await lijst(pe);
    expect(alles.filter((r) => r.aanbiederId === ZORGBALANS && r.deadline === Q1.deadline).map(paar)).toEqual([
      `${AMSTERDAM}:${AMSTERDAM}/${ZORGBALANS}:${Q1.van}`,
      `${AMSTERDAM}:${WEESP}/${ZORGBALANS}:${Q1.van}`,
      `${WEESP}:${WEESP}/${ZORGBALANS}:${WEESP_H2.van}`,
    ]);
    expect(alles.filter((r) => r.aanbiederId === '*').every((r) => r.aanbiederGemeente === null)).toBe(true);
    expect((await lijst(pe, `?aanbieder=${ZORGBALANS}`)).map(paar)).toEqual([`${AMSTERDAM}:${AMSTERDAM}/${ZORGBALANS}:${Q1.van}`]);
    expect((await lijst(pe, `?aanbieder=${ZORGBALANS}&aanbiederGemeente=${WEESP}`)).map(paar)).toEqual([
      `${AMSTERDAM}:${WEESP}/${ZORGBALANS}:${Q1.van}`,
      `${WEESP}:${WEESP}/${ZORGBALANS}:${WEESP_H2.van}`,
    ]);
  });

  test("Wet arhi art. 40: Weesp's 'zorgbalans' (Amsterdam's key for GM0457) lists and reads its reports on Weesp's last moment and on Amsterdam's, with the figures of its own GET /rapportages; Amsterdam's 'zorgbalans' sees only its own and gets 404 for Weesp's", async () => {
    const eigen = await lijst(weespZorgbalans);
    expect(eigen.filter((r) => r.deadline === Q1.deadline).map(paar)).toEqual([
      `${AMSTERDAM}:${WEESP}/${ZORGBALANS}:${Q1.van}`,
      `${WEESP}:${WEESP}/${ZORGBALANS}:${WEESP_H2.van}`,
    ]);
    for (const r of eigen.filter((x) => x.deadline === Q1.deadline)) {
      const een = await request(t.http).get(`/api/v1/rapportages/opgeslagen/${r.id}`).set('Authorization', weespZorgbalans);
      const periode = r.gemeente === AMSTERDAM ? Q1 : WEESP_H2;
      const live = await request(t.http)
        .get(`/api/v1/rapportages?van=${periode.van}&tot=${periode.tot}`)
        .set('Authorization', weespZorgbalans);
      expect([een.status, een.body.aanbiederGemeente, een.body.inhoud.totaal]).toEqual([200, WEESP, live.body.cijfers.totaal]);
    }
    const ams = await lijst(amsZorgbalans);
    expect(ams.filter((r) => r.deadline === Q1.deadline).map(paar)).toEqual([`${AMSTERDAM}:${AMSTERDAM}/${ZORGBALANS}:${Q1.van}`]);
    const weesps = eigen.find((r) => r.gemeente === AMSTERDAM && r.deadline === Q1.deadline)!;
    const ander = await request(t.http).get(`/api/v1/rapportages/opgeslagen/${weesps.id}`).set('Authorization', amsZorgbalans);
    expect(ander.status).toBe(404);
  });

  test("Wet arhi art. 40: the CSV of Weesp's report on Amsterdam's moment is named after Amsterdam's moment and Weesp's aanbieder, and its page names aanbiederGemeente", async () => {
    const [weesps] = await lijst(pe, `?aanbieder=${ZORGBALANS}&aanbiederGemeente=${WEESP}`);
    const csv = await request(t.http).get(`/api/v1/rapportages/opgeslagen/${weesps.id}?formaat=csv`).set('Authorization', pe);
    expect([csv.status, csv.headers['content-disposition']]).toEqual([
      200,
      `attachment; filename="klachtenrapportage-gm0363-${Q1.van}-${Q1.tot}-gm0457-${ZORGBALANS}.csv"`,
    ]);
    const html = await request(t.http).get(`/api/v1/rapportages/opgeslagen/${weesps.id}?formaat=html`).set('Authorization', pe);
    expect(html.text).toContain(`aanbiederGemeente: ${WEESP}`);
  });

  test('bad input: aanbiederGemeente without aanbieder, of a gemeente not opgeheven into Amsterdam (Utrecht) or not a CBS code is 400 problem+json naming aanbiederGemeente; an aanbieder asking for another aanbieder is 403', async () => {
    for (const query of [
      `?aanbiederGemeente=${WEESP}`,
      `?aanbieder=${ZORGBALANS}&aanbiederGemeente=GM0344`,
      `?aanbieder=${ZORGBALANS}&aanbiederGemeente=Weesp`,
    ]) {
      const res = await request(t.http).get(`/api/v1/rapportages/opgeslagen${query}`).set('Authorization', pe);
      expect([query, res.status, res.headers['content-type'], res.body.invalidParams?.map((p: { name: string }) => p.name)]).toEqual([
        query,
        400,
        'application/problem+json; charset=utf-8',
        ['aanbiederGemeente'],
      ]);
    }
    for (const query of [`?aanbieder=thuiszorg-west`, `?aanbieder=${ZORGBALANS}&aanbiederGemeente=${AMSTERDAM}`]) {
      const res = await request(t.http).get(`/api/v1/rapportages/opgeslagen${query}`).set('Authorization', weespZorgbalans);
      expect([query, res.status]).toEqual([query, 403]);
    }
  });
});

function Q1Periode() {
  return { van: Q1.van, tot: Q1.tot };
}
