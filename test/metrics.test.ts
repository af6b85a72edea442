/**
 * Operations (issue 12): GET /metrics in the Prometheus text format with the series an operator
 * watches: events/s (processed events by type), due and late termijnen (lateness as
 * src/modules/termijnen/te-laat.ts defines it), queue lag, termijn wake-up lateness and webhook
 * failures, next to the default process metrics. Scraped after a small lifecycle at a fixed clock.
 */
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import request from 'supertest';
import { KLOK, vasteKlok } from '../src/common/klok';
import { GebeurtenisNietToegestaanError } from '../src/modules/engine/engine.errors';
import { WebhookAfleveringService } from '../src/modules/webhooks/webhook-aflevering.service';
import { bearer, GEMEENTE_A } from './auth-support';
import { createTestApp, createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';
import { testIntake } from './support/test-regime';

const NU = new Date('2026-06-15T10:00:00Z');
const dagenVoor = (n: number) => new Date(NU.getTime() - n * 86_400_000).toISOString();

/** Status of a GET without keep-alive (no socket outlives the test). */
function status(url: string): Promise<number> {
  return new Promise((klaar, fout) => {
    get(url, { agent: false }, (res) => {
      res.resume();
      klaar(res.statusCode ?? 0);
    }).on('error', fout);
  });
}

/** One sample of a series: `naam{labels} waarde` in the text format; undefined when absent. */
function waarde(tekst: string, naam: string, labels = ''): number | undefined {
  const regel = tekst.split('\n').find((r) => r.startsWith(`${naam}${labels ? `{${labels}}` : ''} `));
  return regel === undefined ? undefined : Number(regel.split(' ').pop());
}

describe('Operations: Prometheus metrics at /metrics', () => {
  let db: TestDatabase;
  let t: EngineApp;
  let weigeraar: Server;
  let weigeraarUrl: string;

  beforeAll(async () => {
    // A subscriber that answers 500 to everything: each delivery attempt is a failure.
    weigeraar = createServer((_req, res) => {
      res.statusCode = 500;
      res.end();
    });
    await new Promise<void>((r) => weigeraar.listen(0, '127.0.0.1', () => r()));
    weigeraarUrl = `http://127.0.0.1:${(weigeraar.address() as AddressInfo).port}/events`;
    db = await createTestDatabase('metrics');
    // ROLE=api: no worker consumes the queues, so the waiting webhook jobs show as queue lag.
    t = await createEngineApp({
      databaseUrl: db.url,
      env: { ROLE: 'api' },
      override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(NU)),
    });
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
    await new Promise((r) => weigeraar?.close(r));
  });

  it('exposes events by type, due and late termijnen, queue lag, wake-up lateness and webhook failures with plausible values', async () => {
    const beheerder = await bearer(t.app, GEMEENTE_A, 'beheerder');
    await request(t.http).post('/api/v1/webhook-abonnementen').set('Authorization', beheerder).send({ url: weigeraarUrl }).expect(201);

    const { klacht: eerste } = await t.engine.create(testIntake(dagenVoor(2)), { actor: 'kcc' });
    const { klacht: tweede } = await t.engine.create(testIntake(dagenVoor(1)), { actor: 'kcc' });
    await t.engine.apply(eerste.id, { type: 'CONTACT_OPGENOMEN', at: dagenVoor(1) }, { actor: 'behandelaar' });
    // A refused event is not a processed one (the transaction writes nothing).
    const { klacht: derde } = await t.engine.create(testIntake(dagenVoor(1)), { actor: 'kcc' });
    await t.engine.apply(derde.id, { type: 'INTREKKEN', at: dagenVoor(1) }, { actor: 'kcc' });
    await expect(
      t.engine.apply(derde.id, { type: 'CONTACT_OPGENOMEN', at: dagenVoor(1) }, { actor: 'behandelaar' }),
    ).rejects.toBeInstanceOf(GebeurtenisNietToegestaanError);
    // The second klacht's afhandeltermijn passed an hour before NU and its wake-up has not run.
    await t.db.query(`update termijn set vervalt_op = $2 where klacht_id = $1 and naam = 'afhandeling'`, [
      tweede.id,
      new Date(NU.getTime() - 3_600_000),
    ]);

    // Fan out to the failing subscriber and try each delivery once, as the worker would.
    await t.relay.idle();
    const aflevering = t.app.get(WebhookAfleveringService, { strict: false });
    const wachtend = (await t.db.query(`select id from webhook_aflevering where status = 'wachtend'`)) as Array<{ id: string }>;
    expect(wachtend.length).toBeGreaterThan(0);
    const uitkomsten = await Promise.all(wachtend.map((w) => aflevering.lever(w.id)));
    const mislukt = uitkomsten.filter((u) => u === 'mislukt').length;
    expect(mislukt).toBeGreaterThan(0);

    // An outbox row whose handler keeps failing, waiting for its next attempt.
    await t.db.query(
      `insert into outbox (klacht_id, type, payload, attempts, last_error, volgende_poging_op)
       values (null, 'intent.BRIEF_TEST', '{}', 2, 'brieven: sjabloon stuk', now() + interval '1 hour')`,
    );

    // The waiting jobs of the webhooks queue were added a moment ago: lag appears once they are older.
    await new Promise((r) => setTimeout(r, 1100));
    const res = await request(t.http).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const m = res.text;

    expect(waarde(m, 'klachtregie_events_processed_total', 'type="KLACHT_ONTVANGEN"')).toBe(3);
    expect(waarde(m, 'klachtregie_events_processed_total', 'type="CONTACT_OPGENOMEN"')).toBe(1);
    expect(waarde(m, 'klachtregie_events_processed_total', 'type="INTREKKEN"')).toBe(1);
    // How the engine found each klacht (ADR 0009): the two events after an intake came from its cache; the refused
    // one was refused by the cached klacht first and judged again after a read.
    expect(waarde(m, 'klachtregie_engine_cache_events_total', 'uitkomst="treffer"')).toBe(2);
    expect(waarde(m, 'klachtregie_engine_cache_events_total', 'uitkomst="geweigerd"')).toBe(1);

    const [{ open }] = (await t.db.query(`select count(*)::int as open from termijn where verplichting and status = 'lopend'`)) as Array<{
      open: number;
    }>;
    expect(waarde(m, 'klachtregie_termijnen_late', `gemeente="${GEMEENTE_A}"`)).toBe(1);
    expect(waarde(m, 'klachtregie_termijnen_due', `gemeente="${GEMEENTE_A}"`)).toBe(open - 1);
    expect(open - 1).toBeGreaterThan(0);
    // One hour since the afhandeltermijn passed, at the injected clock.
    expect(waarde(m, 'klachtregie_termijn_wakeup_lateness_seconds')).toBe(3600);

    expect(waarde(m, 'klachtregie_webhook_delivery_failures_total')).toBe(mislukt);
    expect(waarde(m, 'klachtregie_webhook_deliveries_failing')).toBe(mislukt);
    expect(waarde(m, 'klachtregie_outbox_failing')).toBe(1);

    const lag = waarde(m, 'klachtregie_queue_lag_seconds', 'queue="webhooks"');
    expect(lag).toBeGreaterThanOrEqual(1);
    expect(lag).toBeLessThan(120);
    expect(waarde(m, 'klachtregie_queue_lag_seconds', 'queue="rapportages"')).toBe(0);

    // Default process metrics of prom-client.
    expect(waarde(m, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(m).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
  });

  it('is not open to other machines: without METRICS_TOKEN only loopback callers are answered', async () => {
    const adres = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
    if (!adres) return; // no non-loopback interface on this machine to call from
    const server = t.app.getHttpServer() as Server;
    if (!server.listening) await new Promise<void>((r) => server.listen(0, '0.0.0.0', () => r()));
    const port = (server.address() as AddressInfo).port;
    expect(await status(`http://${adres}:${port}/metrics`)).toBe(403);
    expect(await status(`http://127.0.0.1:${port}/metrics`)).toBe(200);
    await new Promise((r) => server.close(r));
  });

  it('with METRICS_TOKEN a scraper must send it as a bearer token, also from loopback', async () => {
    const metToken = await createTestApp({ databaseUrl: db.url, env: { ROLE: 'api', METRICS_TOKEN: 'geheim-scrape-token-1234' } });
    try {
      const zonder = await request(metToken.http).get('/metrics');
      expect(zonder.status).toBe(401);
      expect(zonder.headers['www-authenticate']).toMatch(/^Bearer/);
      expect((await request(metToken.http).get('/metrics').set('Authorization', 'Bearer geheim-scrape-token-1235')).status).toBe(401);
      const met = await request(metToken.http).get('/metrics').set('Authorization', 'Bearer geheim-scrape-token-1234');
      expect(met.status).toBe(200);
      expect(met.text).toContain('klachtregie_events_processed_total');
    } finally {
      await metToken.close();
    }
  });

  it('behind a reverse proxy on this host (a forwarded request, or TRUST_PROXY set) loopback is no proof: METRICS_TOKEN is required', async () => {
    // Without TRUST_PROXY: a loopback connection carrying a forwarding header came through a proxy.
    expect((await request(t.http).get('/metrics').set('X-Forwarded-For', '203.0.113.9')).status).toBe(403);
    expect((await request(t.http).get('/metrics').set('Forwarded', 'for=203.0.113.9')).status).toBe(403);
    expect((await request(t.http).get('/metrics')).status).toBe(200);
    const achterProxy = await createTestApp({ databaseUrl: db.url, env: { ROLE: 'api', TRUST_PROXY: 'loopback' } });
    try {
      const zonder = await request(achterProxy.http).get('/metrics');
      expect(zonder.status).toBe(403);
      expect(zonder.text).toContain('METRICS_TOKEN');
    } finally {
      await achterProxy.close();
    }
    const metToken = await createTestApp({
      databaseUrl: db.url,
      env: { ROLE: 'api', TRUST_PROXY: 'loopback', METRICS_TOKEN: 'geheim-scrape-token-1234' },
    });
    try {
      expect((await request(metToken.http).get('/metrics')).status).toBe(401);
      expect((await request(metToken.http).get('/metrics').set('Authorization', 'Bearer geheim-scrape-token-1234')).status).toBe(200);
    } finally {
      await metToken.close();
    }
  });

  it('the metrics route is not part of the API document (it is no API resource)', async () => {
    const doc = await request(t.http).get('/api/v1/openapi.json');
    expect(Object.keys(doc.body.paths)).not.toContain('/metrics');
  });
});
