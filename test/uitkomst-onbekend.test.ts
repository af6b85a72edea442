/**
 * ADR 0008 (an engine transaction whose COMMIT was sent may or may not have run when the connection fails) and
 * docs/api.md Idempotentie: the caller is told that the outcome is unknown, never "er is niets gewijzigd" (the answer for
 * a database that could not be reached before anything was sent), because a client that simply retries would file a
 * second klacht or register the act twice. The connection's reply to the statement with the COMMIT is lost on the way
 * back after the server ran it (pg's Client.query patched for that one statement), as after a failover, a restart or a
 * network cut. The real service on PostgreSQL, over HTTP.
 */
import { Client } from 'pg';
import request from 'supertest';
import { AuthModule } from '../src/modules/auth/auth.module';
import { IdempotencyModule } from '../src/modules/idempotency/idempotency.module';
import { bearer, GEMEENTE_A, intakeBody, metTweeGemeenten } from './auth-support';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

let db: TestDatabase;
let t: EngineApp;
let token: string;

beforeAll(async () => {
  db = await createTestDatabase('uitkomst_onbekend');
  t = await createEngineApp({ databaseUrl: db.url, env: { ROLE: 'api' }, imports: [AuthModule, IdempotencyModule], ...metTweeGemeenten });
  token = await bearer(t.app, GEMEENTE_A, 'klachtbehandelaar');
});
afterAll(async () => {
  await t?.close();
  await db?.drop();
});

/**
 * The first COMMIT sent on a connection after (or with) a statement with `merk` in its text runs on the server; its reply
 * is lost on the way back.
 */
async function antwoordKwijt<T>(merk: string, werk: () => Promise<T>): Promise<T> {
  const proto = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const echt = proto.query;
  const gemerkt = new WeakSet<object>();
  let kwijt = 0;
  proto.query = function (this: object, ...args: unknown[]) {
    const cfg = args[0] as string | { text?: string };
    const text = typeof cfg === 'string' ? cfg : cfg?.text;
    if (typeof text === 'string' && text.includes(merk)) gemerkt.add(this);
    if (kwijt === 0 && gemerkt.has(this) && typeof text === 'string' && /COMMIT/.test(text) && args.length === 1) {
      kwijt++;
      return (echt.apply(this, args) as Promise<unknown>).then(() => {
        throw new Error('Connection terminated unexpectedly');
      });
    }
    return echt.apply(this, args);
  };
  try {
    const uit = await werk();
    expect(kwijt).toBe(1);
    return uit;
  } finally {
    proto.query = echt;
  }
}

const historie = async (id: string) =>
  ((await t.db.query(`select type from klacht_gebeurtenis where klacht_id = $1 order by id`, [id])) as { type: string }[]).map(
    (r) => r.type,
  );

const nieuweKlacht = async (onderwerp: string): Promise<string> => {
  const k = await request(t.http)
    .post('/api/v1/klachten')
    .set('Authorization', token)
    .send({ ...intakeBody(GEMEENTE_A), onderwerp });
  expect(k.status).toBe(201);
  return k.body.id as string;
};

it('ADR 0008: an intake whose COMMIT ran but whose answer was lost is answered 503 uitkomst-onbekend, never "er is niets gewijzigd" (it was written)', async () => {
  const onderwerp = `uitkomst-onbekend intake ${Date.now()}`;
  const r = await antwoordKwijt(onderwerp, () =>
    request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', token)
      .send({ ...intakeBody(GEMEENTE_A), onderwerp }),
  );
  expect(r.status).toBe(503);
  expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(r.body.code).toBe('uitkomst-onbekend');
  expect(r.body.detail).not.toMatch(/niets gewijzigd/);
  expect(r.body.detail).toMatch(/Idempotency-Key/);
  const [{ n }] = await t.db.query(`select count(*)::int as n from klacht where onderwerp = $1`, [onderwerp]);
  expect(n).toBe(1);
});

it('ADR 0008: an event whose COMMIT ran but whose answer was lost is answered 503 uitkomst-onbekend naming the klacht, and the act is in its history', async () => {
  const id = await nieuweKlacht('uitkomst-onbekend gebeurtenis');
  const r = await antwoordKwijt('AFDOEN', () =>
    request(t.http).post(`/api/v1/klachten/${id}/gebeurtenissen`).set('Authorization', token).send({ type: 'AFDOEN' }),
  );
  expect(r.status).toBe(503);
  expect(r.body.code).toBe('uitkomst-onbekend');
  expect(r.body.detail).toContain(id);
  expect(r.body.detail).not.toMatch(/niets gewijzigd/);
  expect(await historie(id)).toEqual(['KLACHT_ONTVANGEN', 'AFDOEN']);
});

it('docs/api.md Idempotentie: the request repeated with the same Idempotency-Key after uitkomst-onbekend gets the stored answer, and the act is written once', async () => {
  const id = await nieuweKlacht('uitkomst-onbekend met sleutel');
  const stuur = () =>
    request(t.http)
      .post(`/api/v1/klachten/${id}/gebeurtenissen`)
      .set('Authorization', token)
      .set('Idempotency-Key', `uitkomst-onbekend-${id}`)
      .send({ type: 'AFDOEN' });
  const eerste = await antwoordKwijt('AFDOEN', stuur);
  expect([eerste.status, eerste.body.code]).toEqual([503, 'uitkomst-onbekend']);
  const tweede = await stuur();
  expect(tweede.status).toBeLessThan(300);
  expect(tweede.headers['idempotent-replayed']).toBe('true');
  expect(await historie(id)).toEqual(['KLACHT_ONTVANGEN', 'AFDOEN']);
});
