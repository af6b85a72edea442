import request from 'supertest';
import { AuthModule } from '../src/modules/auth/auth.module';
import { IdempotencyModule } from '../src/modules/idempotency/idempotency.module';
import { bearer, GEMEENTE_A, metTweeGemeenten } from './auth-support';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

/** Rate limits: 429 with Retry-After per key, and per address for failed authentications (guessing keys). */
describe('rate limits per key and per address', () => {
  let db: TestDatabase;
  let t: EngineApp;

  beforeAll(async () => {
    db = await createTestDatabase('snelheidsgrens');
    t = await createEngineApp({
      databaseUrl: db.url,
      env: { ROLE: 'api', RATE_LIMIT_PER_MINUUT: '10', RATE_LIMIT_MISLUKT_PER_MINUUT: '5' },
      imports: [AuthModule, IdempotencyModule],
      ...metTweeGemeenten,
    });
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('one key: beyond its limit a minute, 429 problem+json with Retry-After; another key is not affected', async () => {
    const a = await bearer(t.app, GEMEENTE_A, 'klachtbehandelaar');
    const statussen: number[] = [];
    for (let i = 0; i < 11; i++) statussen.push((await request(t.http).get('/api/v1/klachten').set('Authorization', a)).status);
    expect(statussen.slice(0, 10).every((s) => s === 200)).toBe(true);
    const te = await request(t.http).get('/api/v1/klachten').set('Authorization', a);
    expect(te.status).toBe(429);
    expect(te.headers['content-type']).toContain('application/problem+json');
    expect(Number(te.headers['retry-after'])).toBeGreaterThan(0);
    const b = await bearer(t.app, GEMEENTE_A, 'klachtbehandelaar');
    expect((await request(t.http).get('/api/v1/klachten').set('Authorization', b)).status).toBe(200);
  });

  it('guessing keys: after five failed authentications from one address, 429 with Retry-After (also for the next guess)', async () => {
    const statussen: number[] = [];
    for (let i = 0; i < 7; i++)
      statussen.push((await request(t.http).get('/api/v1/klachten').set('Authorization', `Bearer kr_verzonnen_${i}`)).status);
    expect(statussen.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statussen.slice(5)).toEqual([429, 429]);
    const res = await request(t.http).get('/api/v1/klachten').set('Authorization', 'Bearer kr_nog_een');
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });
});
