import { ConnectionOptions, Job, Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { queueSettings, preparePostgresQueueSchema, QueueSettings } from '../src/jobs/queue-backend';
import { createTestDatabase, deleteRedisPrefix, testRedisUrl, TestDatabase, uniqueRedisPrefix } from './support';

const DELAY_MS = 300;

/** Adds one delayed job and resolves with when it was added and when a Worker ran it. */
async function runDelayedJob(settings: QueueSettings, queueName: string) {
  const connection = settings.connection as ConnectionOptions;
  const queue = new Queue(queueName, { connection, prefix: settings.prefix });
  const ran = new Promise<{ job: Job; at: number }>((resolve, reject) => {
    const worker = new Worker(
      queueName,
      async (job) => {
        resolve({ job, at: Date.now() });
        return 'gedaan';
      },
      { connection, prefix: settings.prefix },
    );
    worker.on('error', reject);
    cleanups.push(() => worker.close());
  });
  cleanups.push(() => queue.close());
  await queue.waitUntilReady();
  const addedAt = Date.now();
  const added = await queue.add(
    'herinnering',
    { klachtId: 'k-1', termijn: 'afhandeling' },
    { delay: DELAY_MS, jobId: 'k-1:afhandeling:1' },
  );
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('delayed job never ran')), 15_000);
  });
  const { job, at } = await Promise.race([ran, timeout]).finally(() => clearTimeout(timer));
  return { added, job, addedAt, ranAt: at };
}

const cleanups: (() => Promise<unknown>)[] = [];

describe('queue backends', () => {
  let db: TestDatabase;
  const prefix = uniqueRedisPrefix('queue-backends');

  beforeAll(async () => {
    db = await createTestDatabase('queue_backends', { migrate: false });
  });
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!().catch(() => undefined);
  });
  afterAll(async () => {
    await deleteRedisPrefix(prefix);
    await db?.drop();
  });

  it('queue backends: a delayed job fires on Redis and on PostgreSQL', async () => {
    const redis = queueSettings({ redisUrl: testRedisUrl(), databaseUrl: undefined, queuePrefix: prefix });
    const postgres = queueSettings({ redisUrl: undefined, databaseUrl: db.url, queuePrefix: prefix });
    expect(redis.backend).toBe('redis');
    expect(postgres.backend).toBe('postgres');
    await preparePostgresQueueSchema(db.url);

    for (const settings of [redis, postgres]) {
      const { added, job, addedAt, ranAt } = await runDelayedJob(settings, `termijnen-${settings.backend}`);
      expect(job.id).toBe(added.id);
      expect(job.id).toBe('k-1:afhandeling:1');
      expect(job.data).toEqual({ klachtId: 'k-1', termijn: 'afhandeling' });
      // Not early: never before its delay; and not lost: well within the timeout.
      expect(ranAt - addedAt).toBeGreaterThanOrEqual(DELAY_MS);
      expect(ranAt - addedAt).toBeLessThan(DELAY_MS + 5000);
    }
  });

  it('the PostgreSQL backend keeps its jobs in the application database (schema bullmq), the Redis backend under its prefix', async () => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const tables = await client.query(`select count(*)::int as n from information_schema.tables where table_schema = 'bullmq'`);
      expect(tables.rows[0].n).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
    const r = new IORedis(testRedisUrl());
    try {
      // SCAN walks the whole keyspace in steps: follow the cursor (the test Redis is shared by every test file).
      const keys: string[] = [];
      let cursor = '0';
      do {
        const [volgende, deel] = await r.scan(cursor, 'MATCH', `${prefix}:termijnen-redis:*`, 'COUNT', 1000);
        keys.push(...deel);
        cursor = volgende;
      } while (cursor !== '0');
      expect(keys.length).toBeGreaterThan(0);
    } finally {
      r.disconnect();
    }
  });
});
