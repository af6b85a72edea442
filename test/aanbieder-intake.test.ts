import request from 'supertest';
import { AuthModule } from '../src/modules/auth/auth.module';
import { IdempotencyModule } from '../src/modules/idempotency/idempotency.module';
import { bearer, GEMEENTE_A, intakeBody, metTweeGemeenten } from './auth-support';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

describe('An aanbieder registers klachten about itself only', () => {
  let db: TestDatabase;
  let t: EngineApp;

  beforeAll(async () => {
    db = await createTestDatabase('aanbieder_intake');
    t = await createEngineApp({ databaseUrl: db.url, env: { ROLE: 'api' }, imports: [AuthModule, IdempotencyModule], ...metTweeGemeenten });
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('Awb 2:3: a klacht naming another aanbieder (alone or beside itself) is refused with 403; nothing is stored and the other aanbieder sees nothing', async () => {
    const eigen = await bearer(t.app, GEMEENTE_A, 'aanbieder', 'zorg-noord');
    const ander = await bearer(t.app, GEMEENTE_A, 'aanbieder', 'zorg-zuid');
    const voor = await t.db.query('select count(*)::int as n from klacht');
    const vreemd = await request(t.http).post('/api/v1/klachten').set('Authorization', eigen).send(intakeBody(GEMEENTE_A, 'zorg-zuid'));
    expect(vreemd.status).toBe(403);
    expect(vreemd.body.detail).toContain('alleen klachten over zichzelf');
    const beide = intakeBody(GEMEENTE_A, 'zorg-noord');
    beide.aanbieders.push({ id: 'zorg-zuid', naam: 'zorg-zuid', type: 'wmo' });
    expect((await request(t.http).post('/api/v1/klachten').set('Authorization', eigen).send(beide)).status).toBe(403);
    expect(await t.db.query('select count(*)::int as n from klacht')).toEqual(voor);
    expect((await request(t.http).get('/api/v1/klachten').set('Authorization', ander)).body.resultaten).toEqual([]);
    // About itself: accepted.
    expect(
      (await request(t.http).post('/api/v1/klachten').set('Authorization', eigen).send(intakeBody(GEMEENTE_A, 'zorg-noord'))).status,
    ).toBe(201);
  });
});
