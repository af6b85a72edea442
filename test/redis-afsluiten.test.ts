import { ConnectionOptions, Worker } from 'bullmq';
import type { RedisOptions } from 'ioredis';
import { AfsluitbareRedis, redisOptionsFromUrl } from '../src/jobs/queue-backend';
import { PrivateRedis, startPrivateRedis, uniqueRedisPrefix } from './support';
import { waitFor } from './support/engine-harness';

/** A pause longer than any test: a connection that lost Redis stays in `reconnecting` while we act. */
const LANGE_PAUZE_MS = 600_000;

async function binnen<T>(ms: number, wat: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const te = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${wat}: niet binnen ${ms} ms`)), ms);
  });
  return Promise.race([p, te]).finally(() => clearTimeout(timer));
}

/** Polls a status every 20 ms, for at most 10 s (the test's own Redis reacts within milliseconds). */
const wachtTot = (wat: string, voorwaarde: () => boolean) => waitFor(wat, async () => voorwaarde(), 10_000, 20);

describe('shutting down after a Redis outage', () => {
  let redis: PrivateRedis | undefined;
  const werkers: Worker[] = [];
  afterEach(async () => {
    for (const w of werkers.splice(0)) await w.close(true).catch(() => undefined);
    await redis?.stop();
    redis = undefined;
  });

  it.each([
    ['a connection', (o: RedisOptions) => new AfsluitbareRedis(o)],
    ['a duplicate of one', (o: RedisOptions) => new AfsluitbareRedis({ ...o, lazyConnect: true }).duplicate({ lazyConnect: false })],
  ])('%s waiting out its reconnect pause ends at once when it is disconnected (no hanging shutdown)', async (_n, maak) => {
    redis = await startPrivateRedis();
    const client = maak({ ...redisOptionsFromUrl(redis.url), retryStrategy: () => LANGE_PAUZE_MS });
    client.on('error', () => undefined);
    await client.ping();
    await redis.stop();
    await wachtTot('the connection waits to reconnect', () => client.status === 'reconnecting');
    await redis.start();

    const einde = new Promise<void>((resolve) => client.once('end', () => resolve()));
    client.disconnect();
    await binnen(2_000, "'end' na disconnect", einde);
    expect(client.status).toBe('end');
  });

  it('a BullMQ Worker closes promptly when Redis came back while its connections wait to reconnect', async () => {
    redis = await startPrivateRedis();
    const connection = { ...redisOptionsFromUrl(redis.url), retryStrategy: () => LANGE_PAUZE_MS } as ConnectionOptions;
    const worker = new Worker('afsluiten', async () => 'klaar', { connection, prefix: uniqueRedisPrefix('afsluiten') });
    werkers.push(worker);
    worker.on('error', () => undefined);
    await worker.waitUntilReady();
    // BullMQ's own connections (its RedisQueueBackend holds a command and a blocking connection): both must be
    // waiting out the pause, the state a shutdown met in production.
    const backend = (worker as unknown as { backend: Record<'connection' | 'blockingConnection', { _client: { status: string } }> })
      .backend;
    const statussen = () => [backend.connection._client.status, backend.blockingConnection._client.status];
    await wachtTot("the worker's connections are ready", () => statussen().every((s) => s === 'ready'));
    // Let the worker block on BZPOPMIN, as an idle worker does.
    await new Promise((r) => setTimeout(r, 200));
    await redis.stop();
    await wachtTot("the worker's connections wait to reconnect", () => statussen().every((s) => s === 'reconnecting'));
    await redis.start();

    await binnen(10_000, 'Worker.close()', worker.close());
    expect(statussen()).toEqual(['end', 'end']);
  });
});
