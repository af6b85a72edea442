import request from 'supertest';
import { ConfigError, loadConfig } from '../src/config/load-config';
import { AuthModule } from '../src/modules/auth/auth.module';
import { IdempotencyModule } from '../src/modules/idempotency/idempotency.module';
import { WebhooksModule } from '../src/modules/webhooks/webhooks.module';
import { WebhooksWorkerModule } from '../src/modules/webhooks/webhooks-worker.module';
import { bearer, GEMEENTE_A, intakeBody, metTweeGemeenten } from './auth-support';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, waitFor, type EngineApp } from './support/engine-harness';
import { startOntvanger } from './support/ontvanger';

/**
 * A webhook delivery carries personal data of the klager: it goes encrypted, https only (AVG art. 32 lid 1 sub a; BIO
 * 13.2.1). Plain http is for development only, behind the switch WEBHOOK_HTTP=toestaan, which is off unless set.
 */
describe('AVG art. 32: webhooks go over https only, unless the development switch WEBHOOK_HTTP allows plain http', () => {
  let db: TestDatabase;
  let t: EngineApp;
  let beheerder: string;
  let ontvanger: Awaited<ReturnType<typeof startOntvanger>>;

  beforeAll(async () => {
    ontvanger = await startOntvanger();
    db = await createTestDatabase('webhooks_https');
    t = await createEngineApp({
      databaseUrl: db.url,
      postgresQueue: true,
      // WEBHOOK_HTTP as in production: not set (the test support sets it for its local subscribers). Internal addresses
      // stay allowed, so that https alone is what keeps the local receiver from getting anything.
      env: { WEBHOOK_HTTP: undefined, SWEEP_INTERVAL_MS: '300', WEBHOOK_MAX_BACKOFF_MS: '400' },
      imports: [AuthModule, IdempotencyModule, WebhooksModule, WebhooksWorkerModule],
      override: (b) => metTweeGemeenten.override(b),
    });
    beheerder = await bearer(t.app, GEMEENTE_A, 'beheerder');
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
    await ontvanger?.close();
  });

  it('AVG art. 32: WEBHOOK_HTTP is off unless set, validated at boot', () => {
    expect(t.config.webhookHttpToegestaan).toBe(false);
    expect(loadConfig({}).webhookHttpToegestaan).toBe(false);
    expect(loadConfig({ WEBHOOK_HTTP: 'weigeren' }).webhookHttpToegestaan).toBe(false);
    expect(loadConfig({ WEBHOOK_HTTP: 'toestaan' }).webhookHttpToegestaan).toBe(true);
    expect(() => loadConfig({ WEBHOOK_HTTP: 'ja' })).toThrow(ConfigError);
    expect(() => loadConfig({ WEBHOOK_HTTP: 'ja' })).toThrow(/WEBHOOK_HTTP: .*Write weigeren \(default/);
  });

  it.each([
    'http://zaaksysteem.gemeente.nl/klachtregie/events',
    'http://93.184.216.34/events',
    'HTTP://ZAAKSYSTEEM.GEMEENTE.NL:443/events',
  ])(
    'AVG art. 32: in production a subscription to the plain http URL %s is refused with 422 naming url; nothing is stored',
    async (url) => {
      const voor = await t.db.query('select count(*)::int as n from webhook_abonnement');
      const res = await request(t.http).post('/api/v1/webhook-abonnementen').set('Authorization', beheerder).send({ url });
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.code).toBe('webhook-url-geweigerd');
      expect(res.body.invalidParams).toEqual([{ name: 'url', reason: expect.stringContaining('alleen https') }]);
      expect(await t.db.query('select count(*)::int as n from webhook_abonnement')).toEqual(voor);
    },
  );

  it('AVG art. 32: an https subscriber is accepted', async () => {
    const res = await request(t.http)
      .post('/api/v1/webhook-abonnementen')
      .set('Authorization', beheerder)
      .send({ url: 'https://zaaksysteem.gemeente.nl/klachtregie/events', typen: ['nl.klachtregie.rapportage.*'] });
    expect(res.status).toBe(201);
    // Not left behind for the next test's klacht (it would try the real name).
    await request(t.http).delete(`/api/v1/webhook-abonnementen/${res.body.id}`).set('Authorization', beheerder).expect(204);
  });

  it('AVG art. 32: an http subscription made before https was required gets nothing: its deliveries end vervallen with the reason, and a resend is 409', async () => {
    // As the row stands in a database of an earlier version (or one made under the development switch).
    const [{ id: abonnementId }] = (await t.db.query(
      `INSERT INTO webhook_abonnement (gemeente, url, secret, typen) VALUES ($1, $2, $3, '[]') RETURNING id`,
      [GEMEENTE_A, ontvanger.url, 'een-geheim-van-minstens-24-tekens'],
    )) as Array<{ id: string }>;
    const k = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', await bearer(t.app, GEMEENTE_A, 'klachtbehandelaar'))
      .send(intakeBody(GEMEENTE_A));
    expect(k.status).toBe(201);
    const rijen = await waitFor(
      'the deliveries to the http subscription ended',
      async () => {
        const r = (await t.db.query(
          `select id, status, attempts, last_error from webhook_aflevering where abonnement_id = $1 order by sequence, event_id`,
          [abonnementId],
        )) as Array<{ id: string; status: string; attempts: number; last_error: string | null }>;
        return r.length > 0 && r.every((d) => d.status !== 'wachtend') ? r : undefined;
      },
      20_000,
    );
    for (const d of rijen) {
      expect(d).toMatchObject({ status: 'vervallen', attempts: 0, last_error: expect.stringContaining('alleen https') });
      expect(d.last_error).toContain('AVG art. 32');
    }
    expect(ontvanger.ontvangen).toHaveLength(0);

    // The beheerder sees why in the deliveries list; a resend is refused and changes nothing.
    const lijst = await request(t.http)
      .get(`/api/v1/webhook-afleveringen?abonnementId=${abonnementId}`)
      .set('Authorization', beheerder)
      .expect(200);
    expect(lijst.body.resultaten[0]).toMatchObject({ status: 'vervallen', laatsteFout: expect.stringContaining('alleen https') });
    const opnieuw = await request(t.http).post(`/api/v1/webhook-afleveringen/${rijen[0].id}/opnieuw`).set('Authorization', beheerder);
    expect(opnieuw.status).toBe(409);
    expect(opnieuw.headers['content-type']).toContain('application/problem+json');
    expect(opnieuw.body).toMatchObject({ code: 'aflevering-niet-meer', detail: expect.stringContaining('alleen https') });
    expect(await t.db.query('select status from webhook_aflevering where id = $1', [rijen[0].id])).toEqual([{ status: 'vervallen' }]);
    await new Promise((r) => setTimeout(r, 1000));
    expect(ontvanger.ontvangen).toHaveLength(0);
  });
});
