import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { AuthModule } from '../src/modules/auth/auth.module';
import { IdempotencyModule } from '../src/modules/idempotency/idempotency.module';
import { cloudEventType } from '../src/modules/webhooks/cloud-event';
import { verifieerHandtekening } from '../src/modules/webhooks/webhook-signature';
import { WebhooksModule } from '../src/modules/webhooks/webhooks.module';
import { WebhooksWorkerModule } from '../src/modules/webhooks/webhooks-worker.module';
import { bearer, GEMEENTE_A, GEMEENTE_B, intakeBody, metTweeGemeenten } from './auth-support';
import { createTestDatabase, startPrivateRedis, type TestDatabase } from './support';
import { createEngineApp, waitFor, type EngineApp } from './support/engine-harness';

interface Ontvangen {
  raw: string;
  headers: IncomingMessage['headers'];
  status: number;
  at: number;
}

/** A subscriber on 127.0.0.1 that can be switched down (503) and up (200); it records every request. */
async function startOntvanger() {
  const ontvangen: Ontvangen[] = [];
  let up = false;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const status = up ? 200 : 503;
      ontvangen.push({ raw: Buffer.concat(chunks).toString('utf8'), headers: req.headers, status, at: Date.now() });
      res.statusCode = status;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`,
    ontvangen,
    zet: (v: boolean) => {
      up = v;
    },
    geaccepteerd: () => ontvangen.filter((o) => o.status === 200),
    close: () => new Promise((r) => server.close(r)),
  };
}

/** docs/api.md: CloudEvents (NL GOV profile) by webhook, retried, nothing lost while a subscriber is down. */
describe.each(['redis', 'postgres'] as const)('webhooks (real PostgreSQL, queue on %s)', (backend) => {
  let db: TestDatabase;
  let t: EngineApp;
  let ontvanger: Awaited<ReturnType<typeof startOntvanger>>;

  let abonnement: { id: string; secret: string };
  let behandelaar: string;

  beforeAll(async () => {
    ontvanger = await startOntvanger();
    db = await createTestDatabase(`webhooks_${backend}`);
    t = await createEngineApp({
      databaseUrl: db.url,
      postgresQueue: backend === 'postgres',
      env: {
        SWEEP_INTERVAL_MS: '300',
        WEBHOOK_MAX_BACKOFF_MS: '400',
        CLOUDEVENTS_SOURCE: 'urn:nld:oin:00000001234567890000:systeem:klachtregie',
      },
      imports: [AuthModule, IdempotencyModule, WebhooksModule, WebhooksWorkerModule],
      ...metTweeGemeenten,
    });
    const beheerder = await bearer(t.app, GEMEENTE_A, 'beheerder');
    behandelaar = await bearer(t.app, GEMEENTE_A, 'klachtbehandelaar');
    const res = await request(t.http)
      .post('/api/v1/webhook-abonnementen')
      .set('Authorization', beheerder)
      .send({ url: ontvanger.url, omschrijving: 'test-ontvanger' });
    expect(res.status).toBe(201);
    abonnement = res.body;
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
    await ontvanger?.close();
  });

  const afleveringen = () =>
    t.db.query(
      `select event_id, klacht_id, sequence, status, attempts from webhook_aflevering where abonnement_id = $1 order by sequence`,
      [abonnement.id],
    );

  it('a webhook receiver that is down for a while gets every event exactly once per event id after it comes back', async () => {
    ontvanger.zet(false);
    const klachten: string[] = [];
    for (let i = 0; i < 3; i++) {
      const k = await request(t.http)
        .post('/api/v1/klachten')
        .set('Authorization', behandelaar)
        .send(intakeBody(GEMEENTE_A, `aanbieder-${i}`));
      expect(k.status).toBe(201);
      klachten.push(k.body.id);
    }
    for (const id of klachten) {
      await request(t.http)
        .post(`/api/v1/klachten/${id}/gebeurtenissen`)
        .set('Authorization', behandelaar)
        .send({ type: 'CONTACT_OPGENOMEN' })
        .expect(200);
      await request(t.http)
        .post(`/api/v1/klachten/${id}/gebeurtenissen`)
        .set('Authorization', behandelaar)
        .send({ type: 'AFDOEN' })
        .expect(200);
    }
    // Another gemeente's klacht never reaches this subscriber.
    const b = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', await bearer(t.app, GEMEENTE_B, 'klachtbehandelaar'))
      .send(intakeBody(GEMEENTE_B));
    expect(b.status).toBe(201);

    // Down: attempts pile up (several retries per head delivery), nothing is accepted.
    await waitFor('retries while the receiver is down', async () => ontvanger.ontvangen.length >= 9, 20_000);
    expect(ontvanger.geaccepteerd()).toHaveLength(0);
    const tijdensStoring = await afleveringen();
    expect(tijdensStoring.every((d: { status: string }) => d.status === 'wachtend')).toBe(true);
    // Only the first event of each klacht was tried: the rest wait for it (in order per klacht).
    const geprobeerd = new Set(ontvanger.ontvangen.map((o) => JSON.parse(o.raw).id));
    expect(geprobeerd.size).toBe(3);

    ontvanger.zet(true);
    const verwacht = (await afleveringen()).length;
    await waitFor(
      'all deliveries accepted',
      async () => {
        const rows = await afleveringen();
        return rows.every((d: { status: string }) => d.status === 'afgeleverd') && ontvanger.geaccepteerd().length >= verwacht;
      },
      30_000,
    );

    const events = ontvanger.geaccepteerd().map((o) => JSON.parse(o.raw));
    const ids = events.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(verwacht);
    // Every outbox notification of these klachten arrived (intake, termijnen, status changes, intents).
    const outbox = await t.db.query(`select type, payload from outbox where klacht_id = any($1)`, [klachten]);
    const meldingen = outbox.filter(
      (r: { type: string; payload: Record<string, unknown> }) => cloudEventType(r.type, r.payload) !== undefined,
    );
    expect(meldingen.length).toBeGreaterThanOrEqual(12);
    expect(verwacht).toBe(meldingen.length);
    expect(events.some((e) => e.subject === b.body.id)).toBe(false);
    // In order per klacht: sequence strictly increasing in the order received.
    for (const k of klachten) {
      const seq = events.filter((e) => e.subject === k).map((e) => e.sequence);
      expect(seq.length).toBeGreaterThanOrEqual(4);
      expect([...seq].sort()).toEqual(seq);
      expect(events.filter((e) => e.subject === k).map((e) => e.type)).toEqual(
        expect.arrayContaining(['nl.klachtregie.klacht.ontvangen', 'nl.klachtregie.klacht.afgedaan']),
      );
    }
    const lijst = await request(t.http)
      .get('/api/v1/webhook-afleveringen?status=afgeleverd&pageSize=5')
      .set('Authorization', await bearer(t.app, GEMEENTE_A, 'beheerder'));
    expect(lijst.status).toBe(200);
    expect(lijst.body.totaal).toBe(verwacht);
    expect(lijst.body.resultaten).toHaveLength(5);
    expect(lijst.body.links.next.href).toContain('page=2');
  });

  it('a CloudEvent validates against the NL GOV profile rules', async () => {
    const raw = ontvanger.geaccepteerd()[0];
    expect(raw.headers['content-type']).toMatch(/^application\/cloudevents\+json/);
    const e = JSON.parse(raw.raw);
    // Required context attributes (CloudEvents 1.0) with the NL GOV profile's constraints.
    expect(e.specversion).toBe('1.0');
    expect(e.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(e.source).toMatch(/^urn:nld:oin:\d{20}:systeem:[a-z0-9-]+$/);
    expect(e.type).toMatch(/^nl\.klachtregie(\.[a-z][a-z0-9-]*)+$/);
    expect(e.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
    expect(new Date(e.time).toISOString()).toBe(e.time);
    expect(e.subject).toMatch(/^[0-9a-f-]{36}$/);
    expect(e.datacontenttype).toBe('application/json');
    expect(typeof e.data).toBe('object');
    expect(e.data.klachtId).toBe(e.subject);
    // Extension attribute names: lower-case letters and digits only (CloudEvents 1.0 §3.1.1).
    for (const k of Object.keys(e)) expect(k).toMatch(/^[a-z0-9]{1,20}$/);
  });

  it('the signature header verifies with the subscription secret', async () => {
    for (const o of ontvanger.geaccepteerd().slice(0, 5)) {
      const header = String(o.headers['klachtregie-signature']);
      expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(verifieerHandtekening(abonnement.secret, o.raw, header)).toBe(true);
      expect(verifieerHandtekening('een ander geheim van voldoende lengte', o.raw, header)).toBe(false);
      expect(verifieerHandtekening(abonnement.secret, o.raw.replace('"specversion"', '"specversion" '), header)).toBe(false);
    }
  });

  it('a replayed delivery is sent again with the same event id', async () => {
    const [eerste] = await afleveringen();
    const voor = ontvanger.geaccepteerd().length;
    const [{ id }] = await t.db.query('select id from webhook_aflevering where event_id = $1', [eerste.event_id]);
    const res = await request(t.http)
      .post(`/api/v1/webhook-afleveringen/${id}/opnieuw`)
      .set('Authorization', await bearer(t.app, GEMEENTE_A, 'systeem'));
    expect(res.status).toBe(202);
    await waitFor('replay', async () => ontvanger.geaccepteerd().length > voor, 15_000);
    expect(JSON.parse(ontvanger.geaccepteerd().at(-1)!.raw).id).toBe(eerste.event_id);
    // Another gemeente cannot replay (or see) it.
    const ander = await request(t.http)
      .post(`/api/v1/webhook-afleveringen/${id}/opnieuw`)
      .set('Authorization', await bearer(t.app, GEMEENTE_B, 'beheerder'));
    expect(ander.status).toBe(404);
  });
});

/** docs/architecture.md §1: everything in Redis can be lost and rebuilt from PostgreSQL. */
describe('webhooks after losing Redis', () => {
  let db: TestDatabase;
  let t: EngineApp;
  let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
  let ontvanger: Awaited<ReturnType<typeof startOntvanger>>;

  beforeAll(async () => {
    ontvanger = await startOntvanger();
    redis = await startPrivateRedis();
    db = await createTestDatabase('webhooks_redis_kwijt');
    t = await createEngineApp({
      databaseUrl: db.url,
      redisUrl: redis.url,
      env: { SWEEP_INTERVAL_MS: '300', WEBHOOK_MAX_BACKOFF_MS: '2000' },
      ...metTweeGemeenten,
    });
  });

  afterAll(async () => {
    await redis?.start().catch(() => undefined);
    await t?.close();
    await redis?.stop();
    await db?.drop();
    await ontvanger?.close();
  });

  it('deliveries waiting while Redis is wiped are re-enqueued from PostgreSQL and all arrive', async () => {
    ontvanger.zet(false);
    const beheerder = await bearer(t.app, GEMEENTE_A, 'beheerder');
    await request(t.http).post('/api/v1/webhook-abonnementen').set('Authorization', beheerder).send({ url: ontvanger.url }).expect(201);
    const behandelaar = await bearer(t.app, GEMEENTE_A, 'klachtbehandelaar');
    const k = await request(t.http).post('/api/v1/klachten').set('Authorization', behandelaar).send(intakeBody(GEMEENTE_A));
    expect(k.status).toBe(201);
    await waitFor('a failed attempt', async () => ontvanger.ontvangen.length >= 2, 15_000);
    // Redis restarts empty (no persistence): every delayed job is gone.
    await redis.stop();
    await redis.start();
    ontvanger.zet(true);
    await waitFor(
      'all deliveries accepted after the Redis loss',
      async () => {
        const rows = await t.db.query(`select status from webhook_aflevering`);
        return rows.length > 0 && rows.every((r: { status: string }) => r.status === 'afgeleverd');
      },
      30_000,
    );
    const ids = ontvanger.geaccepteerd().map((o) => JSON.parse(o.raw).id);
    const [{ n }] = await t.db.query(`select count(*)::int as n from webhook_aflevering`);
    expect(new Set(ids).size).toBe(n);
    expect(ids.length).toBe(n);
  });
});
