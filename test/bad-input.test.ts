import request from 'supertest';
import { AuthModule } from '../src/modules/auth/auth.module';
import { IdempotencyModule } from '../src/modules/idempotency/idempotency.module';
import { bearer, GEMEENTE_A, intakeBody, metTweeGemeenten } from './auth-support';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

/** Bad input is a 400 naming the field, never a 500, and changes nothing. */
describe('Bad input never reaches the database', () => {
  let db: TestDatabase;
  let t: EngineApp;
  let auth: string;

  beforeAll(async () => {
    db = await createTestDatabase('bad_input');
    t = await createEngineApp({ databaseUrl: db.url, env: { ROLE: 'api' }, imports: [AuthModule, IdempotencyModule], ...metTweeGemeenten });
    auth = await bearer(t.app, GEMEENTE_A, 'klachtbehandelaar');
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const aantal = async () => (await t.db.query('select count(*)::int as n from klacht'))[0].n as number;
  const post = (raw: string, headers: Record<string, string> = {}) =>
    request(t.http).post('/api/v1/klachten').set('Authorization', auth).set('Content-Type', 'application/json').set(headers).send(raw);

  it('a NUL character, a lone surrogate and JSON nested 3,000 deep are a 400 naming the field; nothing is stored', async () => {
    const voor = await aantal();
    const nul = await post(JSON.stringify({ ...intakeBody(GEMEENTE_A), onderwerp: 'a\u0000b' }));
    expect(nul.status).toBe(400);
    expect(nul.headers['content-type']).toContain('application/problem+json');
    expect(nul.body.invalidParams).toEqual([expect.objectContaining({ name: 'body.onderwerp' })]);
    const surrogaat = await post(JSON.stringify({ ...intakeBody(GEMEENTE_A), onderwerp: 'x' }).replace('"x"', '"\\ud800"'));
    expect(surrogaat.status).toBe(400);
    expect(surrogaat.body.invalidParams).toEqual([expect.objectContaining({ name: 'body.onderwerp' })]);
    const diep = `{"feiten":${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}`;
    const res = await post(diep);
    expect(res.status).toBe(400);
    expect(await aantal()).toBe(voor);
  });

  it('AVG art. 32: API responses with personal data are never cached and never sniffed', async () => {
    const res = await request(t.http).get('/api/v1/klachten').set('Authorization', auth);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('AVG art. 5 lid 1 sub c: feiten are short answers: a 95 KB text, 51 facts or a BSN is a 400 naming feiten', async () => {
    for (const feiten of [
      { toelichting: 'x'.repeat(95_000) },
      Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`feit${i}`, true])),
      { bsn: '123456782' },
    ]) {
      const res = await post(JSON.stringify({ ...intakeBody(GEMEENTE_A), feiten }));
      expect(res.status).toBe(400);
      expect(res.body.invalidParams).toEqual([expect.objectContaining({ name: 'feiten' })]);
    }
  });

  it('a moment in year 0 or a non-existent date is a 400 naming the field, never a 500', async () => {
    const jaarNul = await post(JSON.stringify({ ...intakeBody(GEMEENTE_A), ontvangenOp: '0000-01-01T00:00:00Z' }));
    expect(jaarNul.status).toBe(400);
    expect(jaarNul.body.invalidParams).toEqual([expect.objectContaining({ name: 'ontvangenOp' })]);
    const bestaatNiet = await post(JSON.stringify({ ...intakeBody(GEMEENTE_A), ontvangenOp: '2026-02-31T10:00:00+01:00' }));
    expect(bestaatNiet.status).toBe(400);
  });

  it('a report period with a date that does not exist, or in year 9999, is a 400 naming the field', async () => {
    const proces = await bearer(t.app, GEMEENTE_A, 'procesEigenaar');
    const a = await request(t.http).get('/api/v1/rapportages?van=2026-02-31&tot=2026-06-30').set('Authorization', proces);
    expect(a.status).toBe(400);
    expect(a.body.invalidParams).toEqual([expect.objectContaining({ name: 'van' })]);
    const b = await request(t.http).get('/api/v1/rapportages?van=2026-01-01&tot=9999-12-31').set('Authorization', proces);
    expect(b.status).toBe(400);
    expect(b.body.invalidParams).toEqual([expect.objectContaining({ name: 'tot' })]);
  });

  it('a page number beyond any table, a NUL in a filter and an X-Correlation-ID over 200 characters are a 400', async () => {
    const pagina = await request(t.http).get('/api/v1/klachten?page=99999999999999999999').set('Authorization', auth);
    expect(pagina.status).toBe(400);
    expect(pagina.body.invalidParams).toEqual([expect.objectContaining({ name: 'page' })]);
    const filter = await request(t.http).get('/api/v1/klachten?onderwerp=a%00b').set('Authorization', auth);
    expect(filter.status).toBe(400);
    const voor = await aantal();
    const correlatie = await post(JSON.stringify(intakeBody(GEMEENTE_A)), { 'X-Correlation-ID': 'x'.repeat(201) });
    expect(correlatie.status).toBe(400);
    expect(correlatie.body.invalidParams).toEqual([expect.objectContaining({ name: 'X-Correlation-ID' })]);
    expect(await aantal()).toBe(voor);
    // The same intake with sane input is accepted.
    expect((await post(JSON.stringify(intakeBody(GEMEENTE_A)), { 'X-Correlation-ID': 'x'.repeat(200) })).status).toBe(201);
  });
});
