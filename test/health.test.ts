import request from 'supertest';
import { createTestApp, createTestDatabase, startPrivateRedis, TestApp, TestDatabase } from './support';

describe('health', () => {
  let db: TestDatabase;
  const apps: TestApp[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('health');
  });
  afterAll(async () => {
    for (const app of apps) await app.close().catch(() => undefined);
    await db?.drop();
  });

  it.each(['redis', 'postgres'] as const)('health answers 200 with database and queue ok (queue on %s)', async (backend) => {
    const t = await createTestApp({ databaseUrl: db.url, postgresQueue: backend === 'postgres' });
    apps.push(t);
    const res = await request(t.http).get('/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.headers['api-version']).toBe('1.0.0');
    expect(res.body).toEqual({ status: 'ok', database: 'ok', queue: { backend, status: 'ok' } });
    const ready = await request(t.http).get('/api/v1/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual(res.body);
    expect((await request(t.http).get('/api/v1/health/live')).body).toEqual({ status: 'ok' });
  });

  it('readiness (health, health/ready) answers 503 problem+json naming the queue when Redis is down, and 200 again when it is back', async () => {
    const redis = await startPrivateRedis();
    let t: TestApp | undefined;
    try {
      t = await createTestApp({ databaseUrl: db.url, redisUrl: redis.url });
      expect((await request(t.http).get('/api/v1/health')).status).toBe(200);

      await redis.stop();
      const down = await request(t.http).get('/api/v1/health');
      expect(down.status).toBe(503);
      expect(down.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(down.headers['api-version']).toBe('1.0.0');
      expect(down.body).toMatchObject({
        status: 503,
        code: 'niet-beschikbaar',
        database: 'ok',
        queue: { backend: 'redis', status: 'down' },
      });
      expect(down.body.detail).toContain('queue (redis)');
      // Readiness says the same; liveness does not ask the queue, so the process is not restarted for it.
      const ready = await request(t.http).get('/api/v1/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ code: 'niet-beschikbaar', queue: { backend: 'redis', status: 'down' } });
      const live = await request(t.http).get('/api/v1/health/live');
      expect(live.status).toBe(200);
      expect(live.body).toEqual({ status: 'ok' });

      await redis.start();
      // BullMQ reconnects with a growing pause (1 s up to 20 s between attempts), and while it is disconnected
      // every health request waits its 2 s timeout: on a loaded machine the return can take one full pause.
      let status = 0;
      const tot = Date.now() + 45_000;
      while (status !== 200 && Date.now() < tot) {
        status = (await request(t.http).get('/api/v1/health')).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 200));
      }
      expect(status).toBe(200);
    } finally {
      // Close while Redis is up: BullMQ waits for its connection to close cleanly.
      await redis.start().catch(() => undefined);
      await t?.close();
      await redis.stop();
    }
  }, 120_000);
});
