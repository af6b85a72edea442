/**
 * Klachtenprotocol Wmo keten Amsterdam §9 after a herindeling: at contract end the klachten of one aanbieder are handed
 * over, and an aanbieder is gemeente + id. Weesp (GM0457) went into Amsterdam (GM0363) on 24 maart 2022 (Wet arhi art. 40
 * e.v.); Weesp's 'zorgbalans' is another organisation than Amsterdam's. Amsterdam's hand-over of its 'zorgbalans' leaves
 * Weesp's klachten of Weesp's 'zorgbalans' with that aanbieder; with aanbiederGemeente=GM0457 it hands over exactly Weesp's.
 */
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { KLOK, type Klok } from '../src/common/klok';
import { tenantScope } from '../src/modules/auth/tenant';
import { KlachtEntity } from '../src/modules/klachten/klacht.entity';
import { leesTar } from '../src/modules/overdracht/tar';
import { RAPPORTAGE_OUTBOX, RapportagePlanningService } from '../src/modules/reports/rapportage-planning.service';
import { bearer } from './auth-support';
import { genereerKlachten, insertKlachten } from './reports-data';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';

const AMSTERDAM = 'GM0363';
const WEESP = 'GM0457';
const ZORGBALANS = { id: 'zorgbalans', naam: 'Zorgbalans', type: 'wmo' };
const THUISZORG = { id: 'thuiszorg-west', naam: 'Thuiszorg West', type: 'wmo' };

let nu = new Date('2022-05-20T10:00:00+02:00');
const klok: Klok = { nu: () => new Date(nu.getTime()) };
let tdb: TestDatabase;
let t: TestApp;
let db: DataSource;
let beheerder: string;

const binair = (res: NodeJS.ReadableStream, cb: (err: Error | null, body: Buffer) => void) => {
  const delen: Buffer[] = [];
  res.on('data', (d: Buffer) => delen.push(Buffer.from(d)));
  res.on('end', () => cb(null, Buffer.concat(delen)));
};
const draagOver = (aanbiederId: string, body: Record<string, unknown>) =>
  request(t.http)
    .post(`/api/v1/aanbieders/${aanbiederId}/overdracht`)
    .set('Authorization', beheerder)
    .send(body)
    .buffer(true)
    .parse((res, cb) => binair(res as unknown as NodeJS.ReadableStream, cb));
const manifest = (archief: Buffer) =>
  JSON.parse(
    leesTar(archief)
      .find((f) => f.pad === 'manifest.json')!
      .inhoud.toString('utf8'),
  ) as { klachten: string[]; aanbieder: string; aanbiederGemeente: string };
/** The klachten of `gemeente` naming aanbieder `id`, by a query of its own (any date: current and historical). */
const klachtenVan = async (gemeente: string, id: string): Promise<string[]> =>
  (
    await db.query(
      `select id from klacht where gemeente = $1 and aanbieders @> jsonb_build_array(jsonb_build_object('id', $2::text)) order by id`,
      [gemeente, id],
    )
  ).map((r: { id: string }) => r.id);
/** Of `klachten`, those aanbieder `id` handed over (overgedragen_klacht). */
const overgedragen = async (klachten: string[], id: string): Promise<string[]> =>
  (
    await db.query(`select klacht_id as id from overgedragen_klacht where klacht_id = any($1::uuid[]) and aanbieder_id = $2 order by 1`, [
      klachten,
      id,
    ])
  ).map((r: { id: string }) => r.id);
/** What aanbieder `id` of `gemeente` reaches: the one access rule of its klacht lists and dossiers (tenantScope). */
const bereikbaar = async (gemeente: string, id: string): Promise<string[]> => {
  const s = tenantScope({ gemeente, gemeenten: [gemeente], rol: 'aanbieder', aanbiederId: id, subject: 'test' }, 'k');
  const rows = await db
    .getRepository(KlachtEntity)
    .createQueryBuilder('k')
    .select('k.id', 'id')
    .where(s.sql, s.params)
    .orderBy('k.id')
    .getRawMany();
  return rows.map((r: { id: string }) => r.id);
};

beforeAll(async () => {
  tdb = await createTestDatabase('overdracht_herindeling');
  t = await createTestApp({ databaseUrl: tdb.url, env: { ROLE: 'api' }, override: (b) => b.overrideProvider(KLOK).useValue(klok) });
  db = t.app.get<DataSource>(getDataSourceToken());
  // Weesp's klachten (received before 24 maart 2022, in Weesp) and Amsterdam's name the same ids for their own organisations.
  const weesp = genereerKlachten({
    n: 18,
    seed: 81,
    gemeente: WEESP,
    definitieId: 'gm0457-weesp',
    van: new Date('2021-11-02T00:00:00Z'),
    tot: new Date('2022-03-20T00:00:00Z'),
    nu: new Date('2022-05-01T00:00:00Z'),
  });
  const ams = genereerKlachten({
    n: 18,
    seed: 82,
    gemeente: AMSTERDAM,
    definitieId: 'gm0363-amsterdam',
    van: new Date('2021-11-02T00:00:00Z'),
    tot: new Date('2022-05-01T00:00:00Z'),
    nu: new Date('2022-05-10T00:00:00Z'),
  });
  [...weesp, ...ams].forEach((k, i) => {
    k.aanbieders = [[ZORGBALANS], [THUISZORG], [ZORGBALANS, THUISZORG]][i % 3];
  });
  await insertKlachten(db, [...weesp, ...ams]);
  await t.app.get(RapportagePlanningService).synchroniseer(new Date('2022-01-15T09:00:00+01:00'));
  beheerder = await bearer(t.app, AMSTERDAM, 'beheerder');
}, 120000);

afterAll(async () => {
  await t?.close();
  await tdb?.drop();
});

describe("hand-over at contract end after the herindeling (Amsterdam, Weesp's klachten taken in)", () => {
  test("Klachtenprotocol §9 / Wet arhi art. 40: Amsterdam's hand-over of its 'zorgbalans' hands over Amsterdam's klachten only; Weesp's 'zorgbalans' klachten stay untouched and reachable by that aanbieder, which still owes Weesp's last report", async () => {
    const amsKlachten = await klachtenVan(AMSTERDAM, ZORGBALANS.id);
    const weespKlachten = await klachtenVan(WEESP, ZORGBALANS.id);
    expect(weespKlachten.length).toBeGreaterThan(0);
    nu = new Date('2022-05-20T10:00:00+02:00');
    const r = await draagOver(ZORGBALANS.id, { contractEinde: '2022-05-15' });
    expect(r.status).toBe(200);
    expect(r.headers['content-disposition']).toBe('attachment; filename="overdracht-GM0363-zorgbalans-2022-05-15.tar"');
    const m = manifest(r.body as Buffer);
    expect([m.aanbieder, m.aanbiederGemeente]).toEqual([ZORGBALANS.id, AMSTERDAM]);
    expect([...m.klachten].sort()).toEqual(amsKlachten);
    expect(await overgedragen(amsKlachten, ZORGBALANS.id)).toEqual(amsKlachten);
    // Weesp's organisation keeps its klachten: none handed over, all in reach of its access rule.
    expect(await overgedragen(weespKlachten, ZORGBALANS.id)).toEqual([]);
    expect(await bereikbaar(WEESP, ZORGBALANS.id)).toEqual(weespKlachten);
    expect(await bereikbaar(AMSTERDAM, ZORGBALANS.id)).toEqual([]);
    // And in its own report: Weesp's last one (vóór 1 juli 2022, 1 november - 31 december 2021) is still its to make.
    nu = new Date('2022-07-01T00:00:05+02:00');
    const planning = t.app.get(RapportagePlanningService);
    expect(await planning.deadline({ gemeente: WEESP, soort: 'aanbieders', deadline: '2022-07-01', kind: 'deadline' }, nu)).toBe(
      'verwerkt',
    );
    const [{ n }] = await db.query(
      `select count(*)::int as n from klacht where gemeente = $1 and aanbieders @> '[{"id":"zorgbalans"}]'
         and ontvangen_op >= '2021-11-01T00:00:00+01:00' and ontvangen_op < '2022-01-01T00:00:00+01:00'`,
      [WEESP],
    );
    expect(n).toBeGreaterThan(0);
    const [opgeslagen] = await db.query(
      `select inhoud from rapportage where gemeente = $1 and deadline = '2022-07-01' and aanbieder_id = $2`,
      [WEESP, ZORGBALANS.id],
    );
    expect(opgeslagen?.inhoud.totaal).toBe(n);
    const [{ escalaties }] = await db.query(
      `select count(*)::int as escalaties from outbox where type = $1 and payload->>'gemeente' = $2 and payload->>'aanbiederId' = $3`,
      [RAPPORTAGE_OUTBOX.teLaat, WEESP, ZORGBALANS.id],
    );
    expect(escalaties).toBe(1);
  });

  test("Klachtenprotocol §9 / Wet arhi art. 40: with aanbiederGemeente=GM0457 Amsterdam hands over exactly the klachten of Weesp's 'thuiszorg-west', not its own 'thuiszorg-west''s", async () => {
    const amsKlachten = await klachtenVan(AMSTERDAM, THUISZORG.id);
    const weespKlachten = await klachtenVan(WEESP, THUISZORG.id);
    expect(weespKlachten.length).toBeGreaterThan(0);
    nu = new Date('2022-05-20T10:00:00+02:00');
    const r = await draagOver(THUISZORG.id, { contractEinde: '2022-05-15', aanbiederGemeente: WEESP });
    expect(r.status).toBe(200);
    expect(r.headers['content-disposition']).toBe('attachment; filename="overdracht-GM0363-GM0457-thuiszorg-west-2022-05-15.tar"');
    const m = manifest(r.body as Buffer);
    expect([m.aanbieder, m.aanbiederGemeente]).toEqual([THUISZORG.id, WEESP]);
    expect([...m.klachten].sort()).toEqual(weespKlachten);
    expect(await overgedragen(weespKlachten, THUISZORG.id)).toEqual(weespKlachten);
    expect(await bereikbaar(WEESP, THUISZORG.id)).toEqual([]);
    // Amsterdam's own 'thuiszorg-west' keeps every klacht.
    expect(await overgedragen(amsKlachten, THUISZORG.id)).toEqual([]);
    expect(await bereikbaar(AMSTERDAM, THUISZORG.id)).toEqual(amsKlachten);
  });

  test('Wet arhi art. 40, one rule (aanbiederGemeenteFout): an aanbiederGemeente whose klachten the caller does not handle (Utrecht), or no CBS code, is a 400 naming the field with the wording of keys and webhook subscriptions, and nothing is handed over', async () => {
    nu = new Date('2022-05-20T10:00:00+02:00');
    const voor = await db.query('select count(*)::int as n from aanbieder_overdracht');
    const redenen: string[] = [];
    for (const aanbiederGemeente of ['GM0344', 'Weesp']) {
      const r = await request(t.http)
        .post(`/api/v1/aanbieders/${ZORGBALANS.id}/overdracht`)
        .set('Authorization', beheerder)
        .send({ contractEinde: '2022-05-15', aanbiederGemeente });
      expect([r.status, r.headers['content-type'], r.body.invalidParams?.map((p: { name: string }) => p.name)]).toEqual([
        400,
        'application/problem+json; charset=utf-8',
        ['aanbiederGemeente'],
      ]);
      redenen.push(r.body.invalidParams[0].reason);
    }
    // The same reason an aanbieder key or a webhook subscription for Utrecht's aanbieder gets (src/modules/auth/tenant.ts).
    expect(redenen[0]).toBe(`GM0344 is geen gemeente die in ${AMSTERDAM} is opgegaan (mogelijk: ${AMSTERDAM}, ${WEESP})`);
    expect(await db.query('select count(*)::int as n from aanbieder_overdracht')).toEqual(voor);
  });
});
