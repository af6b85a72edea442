import { spawn, ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import IORedis from 'ioredis';
import { freePort } from './ports';

export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
}

/** A Redis key prefix of this test file's own, so tests share the Redis server but never keys. */
export function uniqueRedisPrefix(label = 'test'): string {
  return `kr-test-${label.replace(/[^A-Za-z0-9_-]+/g, '-')}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

/** Deletes every key under a prefix (SCAN + UNLINK; never FLUSHDB on the shared Redis). */
export async function deleteRedisPrefix(prefix: string, url = testRedisUrl()): Promise<number> {
  const redis = new IORedis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
  await redis.connect();
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) deleted += await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}

export interface PrivateRedis {
  url: string;
  port: number;
  /** Stops the server (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port (empty: no persistence). */
  start(): Promise<void>;
}

async function waitForPing(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const redis = new IORedis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      if ((await redis.ping()) === 'PONG') return;
    } catch {
      if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not answer within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      redis.disconnect();
    }
  }
}

/**
 * Spawns a redis-server of the test's own on a free port, without persistence, for tests that need
 * to FLUSHALL, stop or restart Redis (the shared one is never flushed).
 */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    if (child && child.exitCode === null) return;
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    child.once('error', (e) => {
      throw new Error(`could not spawn redis-server (is it installed?): ${e.message}`);
    });
    await waitForPing(port, 10_000);
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, stop, start };
}
