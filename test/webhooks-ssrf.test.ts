import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { AuthModule } from '../src/modules/auth/auth.module';
import { IdempotencyModule } from '../src/modules/idempotency/idempotency.module';
import { WEBHOOK_DNS, type Lookup } from '../src/modules/webhooks/ssrf';
import { WebhooksModule } from '../src/modules/webhooks/webhooks.module';
import { WebhooksWorkerModule } from '../src/modules/webhooks/webhooks-worker.module';
import { bearer, GEMEENTE_A, intakeBody, metTweeGemeenten } from './auth-support';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, waitFor, type EngineApp } from './support/engine-harness';

/** A name the test resolver points at loopback, as a hostile DNS record would. */
const NAAM_NAAR_LOOPBACK = 'ontvanger.test';
/** A name whose only record is an AAAA of loopback behind the NAT64 prefix (RFC 6052): through a translator, 127.0.0.1. */
const NAAM_NAAR_NAT64 = 'nat64.ontvanger.test';
const testResolver: Lookup = (host, _o, cb) =>
  host === NAAM_NAAR_LOOPBACK
    ? cb(null, [{ address: '127.0.0.1', family: 4 }])
    : host === NAAM_NAAR_NAT64
      ? cb(null, [{ address: '64:ff9b::7f00:1', family: 6 }])
      : cb(Object.assign(new Error(`onbekend: ${host}`), { code: 'ENOTFOUND' }), []);

describe("Webhooks never reach the deployment's own network (SSRF), at subscription and at delivery", () => {
  let db: TestDatabase;
  let t: EngineApp;
  let server: Server;
  let ontvangen = 0;
  let beheerder: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      ontvangen++;
      req.resume();
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    db = await createTestDatabase('webhooks_ssrf');
    t = await createEngineApp({
      databaseUrl: db.url,
      postgresQueue: true,
      // The guard as in production (the test support switches it off for local subscribers by default).
      env: { WEBHOOK_INTERNE_ADRESSEN: 'weigeren', SWEEP_INTERVAL_MS: '300', WEBHOOK_MAX_BACKOFF_MS: '400' },
      imports: [AuthModule, IdempotencyModule, WebhooksModule, WebhooksWorkerModule],
      override: (b) => metTweeGemeenten.override(b).overrideProvider(WEBHOOK_DNS).useValue(testResolver),
    });
    beheerder = await bearer(t.app, GEMEENTE_A, 'beheerder');
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
    await new Promise((r) => server?.close(r));
  });

  it.each([
    'http://127.0.0.1:5432/',
    'http://127.0.0.1:6379/',
    'http://localhost:3000/api/v1/health',
    'http://0.0.0.0/',
    'http://0x7f000001/',
    'http://[::1]/',
    'http://169.254.169.254/latest/meta-data/',
    'http://metadata.google.internal/',
    'https://gebruiker:geheim@ontvanger.example.org/events',
    'http://192.168.10.1/',
    'https://[64:ff9b::7f00:1]:6379/',
    'https://[64:ff9b::a9fe:a9fe]/latest/meta-data/',
    'https://[64:ff9b:1::a00:5]/',
    'https://[::ffff:7f00:1]/',
    'https://[::7f00:1]/',
    'https://[2002:7f00:1::1]/',
    'https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/',
  ])('a subscription to %s is refused with 422 naming url, and nothing is stored', async (url) => {
    const voor = await t.db.query('select count(*)::int as n from webhook_abonnement');
    const res = await request(t.http).post('/api/v1/webhook-abonnementen').set('Authorization', beheerder).send({ url });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.invalidParams).toEqual([expect.objectContaining({ name: 'url' })]);
    expect(await t.db.query('select count(*)::int as n from webhook_abonnement')).toEqual(voor);
  });

  it('a name that resolves to loopback passes the subscription but is refused at delivery, after DNS: the internal service gets nothing', async () => {
    const port = (server.address() as AddressInfo).port;
    const abo = await request(t.http)
      .post('/api/v1/webhook-abonnementen')
      .set('Authorization', beheerder)
      .send({ url: `http://${NAAM_NAAR_LOOPBACK}:${port}/events` });
    expect(abo.status).toBe(201);
    const k = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', await bearer(t.app, GEMEENTE_A, 'klachtbehandelaar'))
      .send(intakeBody(GEMEENTE_A));
    expect(k.status).toBe(201);
    const fout = await waitFor(
      'a refused attempt',
      async () => {
        const rows = (await t.db.query('select attempts, last_error from webhook_aflevering where abonnement_id = $1 and attempts > 0', [
          abo.body.id,
        ])) as Array<{ last_error: string }>;
        return rows[0]?.last_error;
      },
      20_000,
    );
    expect(fout).toContain('geweigerd');
    expect(fout).toContain('127.0.0.1');
    expect(ontvangen).toBe(0);
  });

  it('NAT64 (RFC 6052): a name whose AAAA record is 64:ff9b::7f00:1 passes the subscription but is refused at delivery, after DNS', async () => {
    const port = (server.address() as AddressInfo).port;
    const abo = await request(t.http)
      .post('/api/v1/webhook-abonnementen')
      .set('Authorization', beheerder)
      .send({ url: `http://${NAAM_NAAR_NAT64}:${port}/events` });
    expect(abo.status).toBe(201);
    const k = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', await bearer(t.app, GEMEENTE_A, 'klachtbehandelaar'))
      .send(intakeBody(GEMEENTE_A));
    expect(k.status).toBe(201);
    const fout = await waitFor(
      'a refused attempt',
      async () => {
        const rows = (await t.db.query('select last_error from webhook_aflevering where abonnement_id = $1 and attempts > 0', [
          abo.body.id,
        ])) as Array<{ last_error: string }>;
        return rows[0]?.last_error;
      },
      20_000,
    );
    expect(fout).toContain('geweigerd');
    expect(fout).toContain('64:ff9b::7f00:1');
    expect(ontvangen).toBe(0);
  });
});
