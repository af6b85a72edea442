import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import {
  BackendFactory,
  ConnectionOptions,
  createIORedisClient,
  createPostgresBackend,
  createRedisBackend,
  DefaultJobOptions,
  isPgPool,
  PostgresPoolConfig,
  Queue,
  QueueBaseOptions,
  RedisConnection,
  runMigrations,
  setDefaultBackendFactory,
} from 'bullmq';
import IORedis, { Cluster, type RedisOptions } from 'ioredis';
import { closeHandler } from 'ioredis/built/redis/event_handler';
import { Client } from 'pg';
import { AppConfig, type RedisClusterConfig } from '../config';

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

/**
 * BullMQ on a Redis Cluster: every key of a queue must hash to one slot, because its Lua scripts touch
 * many keys at once (CROSSSLOT otherwise). BullMQ's way is a prefix with a hash tag: `{klachtregie}`.
 * A QUEUE_PREFIX that already holds a `{tag}` is kept as written.
 */
export function clusterPrefix(prefix: string): string {
  return /\{[^}]+\}/.test(prefix) ? prefix : `{${prefix}}`;
}

/** Marks the ioredis options of a Redis Cluster connection; `clusterClientFactory` builds the Cluster from it. */
export const CLUSTER_OPTIE = 'klachtregieCluster';
type ClusterVerbinding = RedisOptions & { [CLUSTER_OPTIE]?: RedisClusterConfig; url?: string };

/**
 * ioredis (5.9) whose `disconnect()` also ends a connection that is waiting to reconnect.
 *
 * While Redis is away, ioredis retries with BullMQ's growing pause (up to 20 s) in status `reconnecting`,
 * its socket already closed. `disconnect()` then clears the pending retry and asks the closed socket to
 * close, which emits nothing: the status stays `reconnecting` and `end` never comes (redis/ioredis#1247,
 * #1830; the open fix #2169 does what we do here). BullMQ's Worker.close() waits for `end` on its blocking
 * connection, so a shutdown shortly after Redis came back hung for ever. Like ioredis does for a connection
 * that never connected (`wait`), we run its close handler, which, the close being manual, ends the client
 * and rejects what was queued.
 */
export class AfsluitbareRedis extends IORedis {
  override disconnect(reconnect = false): void {
    super.disconnect(reconnect);
    if (!reconnect && this.status === 'reconnecting') closeHandler(this)();
  }

  /** ioredis's own duplicate() makes a plain Redis; a copy keeps the fix. */
  override duplicate(override?: Partial<RedisOptions>): AfsluitbareRedis {
    return new AfsluitbareRedis({ ...this.options, ...override });
  }
}

/**
 * BullMQ creates its own connections from options (and owns and closes them); for a cluster it needs an
 * ioredis Cluster instance. This factory builds one from our marked options (a fresh one per connection,
 * so every Queue/Worker's blocking connection is its own), and plain ioredis otherwise, as BullMQ would.
 */
export function clusterClientFactory(opts: RedisOptions): ReturnType<typeof createIORedisClient> {
  const { [CLUSTER_OPTIE]: cluster, url, ...rest } = opts as ClusterVerbinding;
  if (cluster) {
    // host/port are BullMQ's defaults for a single node; a cluster finds its nodes from the seeds.
    const { host: _host, port: _port, ...redisOptions } = rest;
    void _host;
    void _port;
    return createIORedisClient(
      new Cluster(cluster.nodes, {
        redisOptions: {
          ...redisOptions,
          ...(cluster.username ? { username: cluster.username } : {}),
          ...(cluster.password ? { password: cluster.password } : {}),
          ...(cluster.tls ? { tls: {} } : {}),
        },
        // Slots move on failover/resharding: follow MOVED/ASK and refresh the slot table.
        slotsRefreshTimeout: 2000,
      }),
    );
  }
  return createIORedisClient(url ? new AfsluitbareRedis(url, rest) : new AfsluitbareRedis(rest));
}
RedisConnection.clientFactory = clusterClientFactory;

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

/**
 * Queue settings for a configuration: a Redis Cluster when REDIS_CLUSTER_NODES is set (hash-tagged prefix),
 * Redis when REDIS_URL is set, else PostgreSQL (docs/adr/0002-embedded-postgres-and-postgres-queue-by-default.md).
 */
export function queueSettings(
  config: Pick<AppConfig, 'redisUrl' | 'databaseUrl' | 'queuePrefix'> & Partial<Pick<AppConfig, 'queuePoolSize' | 'role' | 'redisCluster'>>,
): QueueSettings {
  if (config.redisCluster) {
    const connection: ClusterVerbinding = { [CLUSTER_OPTIE]: config.redisCluster, maxRetriesPerRequest: null };
    return { backend: 'redis', connection, prefix: clusterPrefix(config.queuePrefix) };
  }
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
