import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import {
  BackendFactory,
  ConnectionOptions,
  createPostgresBackend,
  createRedisBackend,
  DefaultJobOptions,
  isPgPool,
  PostgresPoolConfig,
  Queue,
  QueueBaseOptions,
  runMigrations,
  setDefaultBackendFactory,
} from 'bullmq';
import type { RedisOptions } from 'ioredis';
import { Client } from 'pg';
import { AppConfig } from '../config';

export type QueueBackendKind = 'redis' | 'postgres';

/** The PostgreSQL schema BullMQ's PostgreSQL backend lives in (its replacement for Redis's key prefix). */
export const POSTGRES_QUEUE_SCHEMA = 'bullmq';

/**
 * Connections per Queue/Worker pool on PostgreSQL (each Worker also holds one LISTEN connection).
 * Workers fetch, lock and complete jobs concurrently: with 3 the bench showed p50 lateness 5.3 s at
 * 500 due jobs/s, with 10 2.5 s. An API-only process just adds jobs, so it keeps a small pool.
 */
export const POSTGRES_QUEUE_POOL_SIZE_WORKERS = 10;
export const POSTGRES_QUEUE_POOL_SIZE_API = 3;

/** QUEUE_POOL_SIZE when set, else by role: workers (ROLE all/worker) get the larger pool. */
export function postgresQueuePoolSize(config: Partial<Pick<AppConfig, 'queuePoolSize' | 'role'>>): number {
  if (config.queuePoolSize !== undefined) return config.queuePoolSize;
  return config.role === 'api' ? POSTGRES_QUEUE_POOL_SIZE_API : POSTGRES_QUEUE_POOL_SIZE_WORKERS;
}

/**
 * The BullMQ `connection` for each backend. PostgreSQL connections are pool configs carrying a
 * `connectionString`; that is how the backend factory below tells them apart from ioredis options.
 */
export type QueueConnection = RedisOptions | PostgresPoolConfig;

export interface QueueSettings {
  backend: QueueBackendKind;
  connection: QueueConnection;
  /** Redis key prefix; the PostgreSQL backend namespaces by schema and ignores it. */
  prefix: string;
}

/** ioredis options from a redis:// or rediss:// URL; BullMQ workers need maxRetriesPerRequest: null. */
export function redisOptionsFromUrl(url: string): RedisOptions {
  const u = new URL(url);
  const db = u.pathname.replace(/^\//, '');
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(db ? { db: Number(db) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
  };
}

export function isPostgresConnection(connection: unknown): connection is PostgresPoolConfig {
  return isPgPool(connection) || (typeof connection === 'object' && connection !== null && 'connectionString' in connection);
}

/**
 * Process-wide BullMQ backend factory that picks the backend from each Queue/Worker's connection:
 * PostgreSQL pool configs go to `createPostgresBackend`, everything else to Redis. @nestjs/bullmq
 * constructs the plain bullmq classes, which use the default factory; choosing per connection
 * (instead of `setDefaultBackendFactory(createPostgresBackend)`) lets one process, e.g. a test
 * file, hold apps on both backends.
 */
export const selectingBackendFactory: BackendFactory = (name, opts, factoryOptions) => {
  if (isPostgresConnection(opts.connection)) {
    const pgFactory = createPostgresBackend as unknown as BackendFactory;
    return pgFactory(name, opts, factoryOptions);
  }
  return createRedisBackend(name, opts as QueueBaseOptions<ConnectionOptions>, factoryOptions);
};
setDefaultBackendFactory(selectingBackendFactory);

/** Queue settings for a configuration: Redis when REDIS_URL is set, else PostgreSQL (docs/adr/0002-embedded-postgres-and-postgres-queue-by-default.md). */
export function queueSettings(
  config: Pick<AppConfig, 'redisUrl' | 'databaseUrl' | 'queuePrefix'> & Partial<Pick<AppConfig, 'queuePoolSize' | 'role'>>,
): QueueSettings {
  if (config.redisUrl) {
    return { backend: 'redis', connection: redisOptionsFromUrl(config.redisUrl), prefix: config.queuePrefix };
  }
  if (!config.databaseUrl) throw new Error('Neither REDIS_URL nor a database URL: no queue backend to use.');
  return {
    backend: 'postgres',
    connection: { connectionString: config.databaseUrl, schema: POSTGRES_QUEUE_SCHEMA, max: postgresQueuePoolSize(config) },
    prefix: config.queuePrefix,
  };
}

/**
 * Creates or upgrades BullMQ's tables in the `bullmq` schema once, on one session (its migrator
 * takes an advisory lock), so the queues and workers themselves only check the version.
 */
export async function preparePostgresQueueSchema(databaseUrl: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await runMigrations(client, POSTGRES_QUEUE_SCHEMA);
  } finally {
    await client.end();
  }
}

/** Default options for every job: keep finished jobs a while for inspection, not forever. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export const QUEUE_SETTINGS = Symbol('QUEUE_SETTINGS');

/** Which queue backend this process uses, and a ping through BullMQ itself for the health check. */
@Injectable()
export class QueueBackendInfo implements OnApplicationShutdown {
  private readonly logger = new Logger('Queue');
  private probe?: Queue;

  constructor(@Inject(QUEUE_SETTINGS) readonly settings: QueueSettings) {}

  get backend(): QueueBackendKind {
    return this.settings.backend;
  }

  /** Resolves when the backend answers a BullMQ call within the timeout; rejects otherwise. */
  async ping(timeoutMs = 2000): Promise<void> {
    if (!this.probe) {
      this.probe = new Queue('klachtregie-health', {
        connection: this.settings.connection as ConnectionOptions,
        prefix: this.settings.prefix,
      });
      this.probe.on('error', (e) => this.logger.warn(`Queue backend: ${e.message}`));
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.probe.getJobCounts('waiting'),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.probe?.close().catch(() => undefined);
  }
}
