import request from 'supertest';
import { AuthModule } from '../src/modules/auth/auth.module';
import { IdempotencyModule } from '../src/modules/idempotency/idempotency.module';
import { bearer, GEMEENTE_A, intakeBody, metTweeGemeenten } from './auth-support';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

/**
 * A caller's X-Correlation-ID is written into the history. The forms Klachtregie writes itself, `termijn.<id>.<revision>`
 * (a termijn's wake-up, whose withdrawal finds what it announced by it) and `import.<import id>.<extern>` (an imported
 * klacht), are refused: a client's row must never pass for a wake-up or an import.
 */
describe('X-Correlation-ID: the system reserves its own forms', () => {
  let db: TestDatabase;
  let t: EngineApp;
  let auth: string;

  beforeAll(async () => {
    db = await createTestDatabase('correlatie_id');
    t = await createEngineApp({ databaseUrl: db.url, env: { ROLE: 'api' }, imports: [AuthModule, IdempotencyModule], ...metTweeGemeenten });
    auth = await bearer(t.app, GEMEENTE_A, 'klachtbehandelaar');
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const intake = (correlatie: string) =>
    request(t.http).post('/api/v1/klachten').set('Authorization', auth).set('X-Correlation-ID', correlatie).send(intakeBody(GEMEENTE_A));
  const rijen = async () => (await t.db.query('select count(*)::int as n from klacht_gebeurtenis'))[0].n as number;

  it("a correlation id in the form of a termijn's wake-up or an import is a 400 naming the header; nothing is written", async () => {
    const klacht = (await intake('kcc-2026-0001').expect(201)).body.id as string;
    const voor = await rijen();
    for (const correlatie of [
      'termijn.3f1e3f2c-7e0a-4b8f-9d3c-2b0e6f1a9c11.2',
      'import.3f1e3f2c-7e0a-4b8f-9d3c-2b0e6f1a9c12.extern-1',
      'Termijn.x',
      'IMPORT.x',
    ]) {
      for (const res of [
        await intake(correlatie),
        await request(t.http)
          .post(`/api/v1/klachten/${klacht}/gebeurtenissen`)
          .set('Authorization', auth)
          .set('X-Correlation-ID', correlatie)
          .send({ type: 'CONTACT_OPGENOMEN' }),
      ]) {
        expect([res.status, res.headers['content-type']]).toEqual([400, 'application/problem+json; charset=utf-8']);
        expect(res.body.invalidParams).toEqual([expect.objectContaining({ name: 'X-Correlation-ID' })]);
      }
    }
    expect(await rijen()).toBe(voor);
  });

  it("a caller's own correlation id, also one that merely starts with those words, is kept in the history", async () => {
    for (const correlatie of ['termijnbewaking-17', 'importeur:42', 'kcc.termijn.1']) {
      const res = await intake(correlatie).expect(201);
      const [{ correlation_id }] = await t.db.query('select correlation_id from klacht_gebeurtenis where klacht_id = $1', [res.body.id]);
      expect(correlation_id).toBe(correlatie);
    }
  });
});
