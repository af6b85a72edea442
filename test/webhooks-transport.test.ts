import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { AuthModule } from '../src/modules/auth/auth.module';
import { IdempotencyModule } from '../src/modules/idempotency/idempotency.module';
import { WebhooksModule } from '../src/modules/webhooks/webhooks.module';
import { WebhooksWorkerModule } from '../src/modules/webhooks/webhooks-worker.module';
import { bearer, GEMEENTE_A, intakeBody, metTweeGemeenten } from './auth-support';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, waitFor, type EngineApp } from './support/engine-harness';
import { startOntvanger } from './support/ontvanger';

/** A raw TCP subscriber: `antwoord` writes whatever it likes once the request has arrived; its sockets are closed at the end. */
async function startRaw(antwoord: (s: Socket) => void): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: NetServer = createNetServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
    s.once('data', () => antwoord(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}

/**
 * What a subscriber can do to the sender (the OWASP SSRF prevention cheat sheet): redirect it elsewhere, answer byte by
 * byte to hold it, or answer without end. One POST per attempt, a redirect is not followed, one deadline for the whole
 * attempt, and only the status is read. The test support's development switches allow the local http receivers.
 */
describe('Webhook transport: no redirect followed, one deadline per attempt, the answer body not read', () => {
  let db: TestDatabase;
  let t: EngineApp;
  let beheerder: string;
  const timers: NodeJS.Timeout[] = [];
  const servers: Array<{ close: () => Promise<unknown> }> = [];

  beforeAll(async () => {
    db = await createTestDatabase('webhooks_transport');
    t = await createEngineApp({
      databaseUrl: db.url,
      postgresQueue: true,
      env: { SWEEP_INTERVAL_MS: '300', WEBHOOK_MAX_BACKOFF_MS: '60000' },
      imports: [AuthModule, IdempotencyModule, WebhooksModule, WebhooksWorkerModule],
      override: (b) => metTweeGemeenten.override(b),
    });
    beheerder = await bearer(t.app, GEMEENTE_A, 'beheerder');
  });

  afterAll(async () => {
    for (const x of timers) clearInterval(x);
    await t?.close();
    await db?.drop();
    for (const s of servers) await s.close();
  });

  /** Subscribes `url` to klacht.ontvangen, files a klacht and returns the subscription's first attempt's outcome. */
  async function eerstePoging(url: string, timeoutMs = 20_000) {
    const abo = await request(t.http)
      .post('/api/v1/webhook-abonnementen')
      .set('Authorization', beheerder)
      .send({ url, typen: ['nl.klachtregie.klacht.ontvangen'] });
    expect(abo.status).toBe(201);
    const k = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', await bearer(t.app, GEMEENTE_A, 'klachtbehandelaar'))
      .send(intakeBody(GEMEENTE_A));
    expect(k.status).toBe(201);
    const gestart = Date.now();
    const rij = await waitFor(
      'the first attempt',
      async () => {
        const r = (await t.db.query(
          'select status, attempts, last_status, last_error from webhook_aflevering where abonnement_id = $1 and (attempts > 0 or status <> $2)',
          [abo.body.id, 'wachtend'],
        )) as Array<{ status: string; attempts: number; last_status: number | null; last_error: string | null }>;
        return r[0];
      },
      timeoutMs,
    );
    // Nothing more for this subscription in the tests that follow.
    await request(t.http).delete(`/api/v1/webhook-abonnementen/${abo.body.id}`).set('Authorization', beheerder).expect(204);
    return { ...rij, duurMs: Date.now() - gestart };
  }

  it('SSRF: a redirect is not followed (its Location was never checked); the attempt fails, saying so', async () => {
    const doel = await startOntvanger();
    servers.push(doel);
    const omleider = await startRaw((s) => s.end(`HTTP/1.1 302 Found\r\nLocation: ${doel.url}\r\nContent-Length: 0\r\n\r\n`));
    servers.push(omleider);
    const rij = await eerstePoging(omleider.url);
    expect(rij).toMatchObject({ status: 'wachtend', attempts: 1, last_status: 302, last_error: 'HTTP 302: doorverwijzing niet gevolgd' });
    await new Promise((r) => setTimeout(r, 500));
    expect(doel.ontvangen).toHaveLength(0);
  });

  it('one answer is all that is read: a 200 followed by a body without end is delivered, the body is not read', async () => {
    const eindeloos = await startRaw((s) => {
      s.write('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n');
      const blok = `4000\r\n${'x'.repeat(0x4000)}\r\n`;
      timers.push(setInterval(() => s.writable && s.write(blok), 5));
    });
    servers.push(eindeloos);
    const rij = await eerstePoging(eindeloos.url);
    expect(rij).toMatchObject({ status: 'afgeleverd', attempts: 1, last_status: 200, last_error: null });
  });

  it('one deadline for the whole attempt: a subscriber that sends its status line byte by byte does not hold the delivery past 10 s', async () => {
    // A header line every 500 ms: the socket is never idle, so an idle timeout alone never fires.
    const druppelaar = await startRaw((s) => {
      s.write('HTTP/1.1 200 OK\r\n');
      timers.push(setInterval(() => s.writable && s.write('X-Druppel: 1\r\n'), 500));
    });
    servers.push(druppelaar);
    const rij = await eerstePoging(druppelaar.url, 30_000);
    expect(rij).toMatchObject({ status: 'wachtend', attempts: 1, last_status: null, last_error: 'ETIMEDOUT' });
    expect(rij.duurMs).toBeLessThan(20_000);
  }, 60_000);
});
