import request from 'supertest';
import { AuthModule } from '../src/modules/auth/auth.module';
import { IdempotencyModule } from '../src/modules/idempotency/idempotency.module';
import { bearer, GEMEENTE_A, GEMEENTE_B, intakeBody, metTweeGemeenten } from './auth-support';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

/** AVG art. 30 and 32: every read of a dossier is logged, also in a list or a reply; the privacy officer reads the log. */
describe('dossier_inzage for every read path', () => {
  let db: TestDatabase;
  let t: EngineApp;

  beforeAll(async () => {
    db = await createTestDatabase('dossier_inzage');
    t = await createEngineApp({ databaseUrl: db.url, env: { ROLE: 'api' }, imports: [AuthModule, IdempotencyModule], ...metTweeGemeenten });
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const rijen = async (id: string) =>
    (await t.db.query('select wie, rol from dossier_inzage where klacht_id = $1 order by id', [id])) as Array<{ wie: string; rol: string }>;

  it('the reply to an intake, an event reply and a list each log one row per dossier shown; the beheerder reads the log, another gemeente gets 404', async () => {
    const behandelaar = await bearer(t.app, GEMEENTE_A, 'klachtbehandelaar');
    const k = await request(t.http).post('/api/v1/klachten').set('Authorization', behandelaar).send(intakeBody(GEMEENTE_A));
    expect(k.status).toBe(201);
    expect(await rijen(k.body.id)).toHaveLength(1);
    await request(t.http)
      .post(`/api/v1/klachten/${k.body.id}/gebeurtenissen`)
      .set('Authorization', behandelaar)
      .send({ type: 'CONTACT_OPGENOMEN' })
      .expect(200);
    expect(await rijen(k.body.id)).toHaveLength(2);
    const lijst = await request(t.http).get('/api/v1/klachten').set('Authorization', behandelaar);
    expect(lijst.body.resultaten.map((i: { id: string }) => i.id)).toContain(k.body.id);
    expect(await rijen(k.body.id)).toHaveLength(3);

    const beheerder = await bearer(t.app, GEMEENTE_A, 'beheerder');
    const log = await request(t.http).get(`/api/v1/klachten/${k.body.id}/inzage`).set('Authorization', beheerder);
    expect(log.status).toBe(200);
    expect(log.body).toHaveLength(3);
    expect(log.body[0]).toEqual(expect.objectContaining({ rol: 'klachtbehandelaar', op: expect.any(String) }));
    // Reading the log is not a read of the dossier.
    expect(await rijen(k.body.id)).toHaveLength(3);
    expect(
      (
        await request(t.http)
          .get(`/api/v1/klachten/${k.body.id}/inzage`)
          .set('Authorization', await bearer(t.app, GEMEENTE_B, 'beheerder'))
      ).status,
    ).toBe(404);
    expect((await request(t.http).get(`/api/v1/klachten/${k.body.id}/inzage`).set('Authorization', behandelaar)).status).toBe(403);
  });
});
