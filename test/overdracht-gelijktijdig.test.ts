/**
 * Klachtenprotocol Wmo keten Amsterdam §9 (at contract end every file goes to the gemeente, no copy kept) with AVG art. 5
 * lid 1 sub f: a request of the ombudsman about a klacht of the aanbieder that comes in while the hand-over runs ends as
 * if the two came one after the other. The hand-over takes the klachten's row locks, in id order, when it records itself,
 * and records only what it archived: a request committed before that is in the hand-over (its klacht archived and handed
 * over), one that waits for the locks comes after it and carries the hoofdklacht's hand-over. Either way the former
 * aanbieder does not reach the request.
 *
 * Two connections on real PostgreSQL: the test's own holds a lock the hand-over needs, so that the request lands at the
 * moment it would otherwise slip through. Amsterdam's seed definition, the clock on 1 June 2026, no worker (ROLE=api).
 */
import request from 'supertest';
import { DataSource, type QueryRunner } from 'typeorm';
import { bearer } from './auth-support';
import type { EngineApp } from './support/engine-harness';
import { archiefBestanden, overdrachtApp, type OverdrachtApp } from './support/overdracht';

let overdracht: OverdrachtApp;
let a: EngineApp;
let ds: DataSource;
let behandelaar: string;

beforeAll(async () => {
  overdracht = await overdrachtApp('overdracht_gelijktijdig');
  a = overdracht.a;
  ds = a.app.get(DataSource);
  behandelaar = await bearer(a.app, 'GM0363', 'klachtbehandelaar');
}, 120_000);

afterAll(async () => {
  await overdracht?.close();
});

/** Waits until `klaar` holds (polling), at most 30 s. */
async function totdat(klaar: () => Promise<boolean>): Promise<void> {
  const tot = Date.now() + 30_000;
  while (!(await klaar())) {
    if (Date.now() > tot) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** How many sessions on this database wait for a lock (a row, a table). */
const wachtend = async (): Promise<number> =>
  (await ds.query(`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`))[0]
    .n as number;

/** An informatievraag of the ombudsman about klacht `id` (Awb 9:31): the request, not yet awaited. */
const verzoek = (id: string) =>
  request(a.http)
    .post(`/api/v1/klachten/${id}/ombudsman-verzoeken`)
    .set('Authorization', behandelaar)
    .send({ soort: 'informatievraag', ontvangenOp: '2026-06-01T09:00:00+02:00', termijn: '2026-06-22' })
    .then((r) => r);

/** The test's own connection, in a transaction. */
async function eigenVerbinding(): Promise<QueryRunner> {
  const qr = ds.createQueryRunner();
  await qr.connect();
  await qr.startTransaction();
  return qr;
}

const handOvers = async (klacht: string) =>
  (await ds.query(`select aanbieder_id from overgedragen_klacht where klacht_id = $1`, [klacht])) as Array<{ aanbieder_id: string }>;

it('Klachtenprotocol Wmo keten Amsterdam §9, AVG art. 5 lid 1 sub f: a request of the ombudsman committed while the hand-over runs is in the hand-over (archived, handed over): the former aanbieder does not reach it', async () => {
  const west = await bearer(a.app, 'GM0363', 'aanbieder', 'zorg-west');
  const hoofd = await overdracht.klacht('zorg-west', '2026-05-20', { direct: true });
  // Still with zorg-west: the hand-over takes it over, a step under its row lock, after it listed the klachten.
  const lopend = await overdracht.klacht('zorg-west', '2026-05-21');
  const t = await eigenVerbinding();
  let sub: string;
  let antwoord;
  try {
    await t.query(`select 1 from klacht where id = $1 for update`, [lopend]);
    const bezig = overdracht.draagOver('zorg-west');
    await totdat(async () => (await wachtend()) > 0);
    // The hand-over waits for the takeover; the request on the hoofdklacht goes through and commits now.
    const r = await verzoek(hoofd);
    expect(r.status).toBe(201);
    sub = r.body.klachtId as string;
    await t.commitTransaction();
    antwoord = await bezig;
  } finally {
    if (t.isTransactionActive) await t.rollbackTransaction();
    await t.release();
  }
  expect(antwoord.status).toBe(200);
  const manifest = JSON.parse(archiefBestanden(antwoord.body).get('manifest.json')!.toString('utf8'));
  expect({
    zorgWest: (await request(a.http).get(`/api/v1/klachten/${sub}`).set('Authorization', west)).status,
    overgedragen: await handOvers(sub),
    inHetArchief: (manifest.klachten as string[]).includes(sub),
  }).toEqual({ zorgWest: 404, overgedragen: [{ aanbieder_id: 'zorg-west' }], inHetArchief: true });
});

it('Klachtenprotocol Wmo keten Amsterdam §9, AVG art. 5 lid 1 sub f: a request of the ombudsman that comes in while the hand-over records itself waits for it and carries its hand-over: the former aanbieder does not reach it', async () => {
  const oost = await bearer(a.app, 'GM0363', 'aanbieder', 'zorg-oost');
  const hoofd = await overdracht.klacht('zorg-oost', '2026-05-20', { direct: true });
  const t = await eigenVerbinding();
  let antwoord;
  let r;
  try {
    // The hand-over's record waits (its insert into aanbieder_overdracht), with whatever it holds by then.
    await t.query(`lock table aanbieder_overdracht in share mode`);
    const bezig = overdracht.draagOver('zorg-oost');
    await totdat(async () => (await wachtend()) > 0);
    let klaar = false;
    const bij = verzoek(hoofd).then((x) => {
      klaar = true;
      return x;
    });
    // The request either waits for the hand-over's lock on the hoofdklacht or (without it) goes through.
    await totdat(async () => klaar || (await wachtend()) > 1);
    await t.commitTransaction();
    [antwoord, r] = await Promise.all([bezig, bij]);
  } finally {
    if (t.isTransactionActive) await t.rollbackTransaction();
    await t.release();
  }
  expect([antwoord.status, r.status]).toEqual([200, 201]);
  const sub = r.body.klachtId as string;
  const manifest = JSON.parse(archiefBestanden(antwoord.body).get('manifest.json')!.toString('utf8'));
  expect({
    zorgOost: (await request(a.http).get(`/api/v1/klachten/${sub}`).set('Authorization', oost)).status,
    overgedragen: await handOvers(sub),
    // It came after the hand-over: not in its archive, but under its hand-over.
    inHetArchief: (manifest.klachten as string[]).includes(sub),
  }).toEqual({ zorgOost: 404, overgedragen: [{ aanbieder_id: 'zorg-oost' }], inHetArchief: false });
});
