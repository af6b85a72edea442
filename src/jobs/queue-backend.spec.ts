import { ConfigError, loadConfig, parseClusterNodes } from '../config';
import { clusterPrefix, postgresQueuePoolSize, queueSettings } from './queue-backend';

const DB = 'postgres://u@127.0.0.1:5432/k';

function pgPoolMax(env: Record<string, string>): number | undefined {
  const settings = queueSettings(loadConfig({ DATABASE_URL: DB, ...env }));
  return settings.backend === 'postgres' ? (settings.connection as { max?: number }).max : undefined;
}

describe('PostgreSQL queue pool size', () => {
  it('processes that run workers (ROLE all/worker) get 10 connections per queue/worker', () => {
    expect(pgPoolMax({})).toBe(10);
    expect(pgPoolMax({ ROLE: 'worker' })).toBe(10);
  });

  it('an API-only process (ROLE=api) keeps a small pool: it only adds jobs', () => {
    expect(pgPoolMax({ ROLE: 'api' })).toBe(3);
  });

  it('QUEUE_POOL_SIZE overrides the role default; empty means unset', () => {
    expect(pgPoolMax({ ROLE: 'api', QUEUE_POOL_SIZE: '7' })).toBe(7);
    expect(pgPoolMax({ QUEUE_POOL_SIZE: '' })).toBe(10);
    expect(postgresQueuePoolSize({})).toBe(10);
  });

  it('a QUEUE_POOL_SIZE that is not a whole number 1-200 stops the boot with a hint', () => {
    for (const bad of ['0', 'veel', '2.5', '201']) {
      expect(() => loadConfig({ DATABASE_URL: DB, QUEUE_POOL_SIZE: bad })).toThrow(ConfigError);
    }
    expect(() => loadConfig({ QUEUE_POOL_SIZE: '0' })).toThrow(/QUEUE_POOL_SIZE: .*Write a whole number 1-200/);
  });
});

describe('BullMQ on a Redis Cluster (REDIS_CLUSTER_NODES)', () => {
  it('the prefix gets a hash tag, so all keys of a queue hash to one slot as BullMQ requires; a given {tag} is kept', () => {
    const s = queueSettings(loadConfig({ DATABASE_URL: DB, REDIS_CLUSTER_NODES: 'r1:7000,r2:7001,r3:7002' }));
    expect(s.backend).toBe('redis');
    expect(s.prefix).toBe('{klachtregie}');
    expect(clusterPrefix('kr:{gm0363}:q')).toBe('kr:{gm0363}:q');
    expect(queueSettings(loadConfig({ DATABASE_URL: DB, REDIS_URL: 'redis://r:6379' })).prefix).toBe('klachtregie');
  });

  it('seed nodes as host:port or redis[s]:// URLs; the first node carries credentials and TLS for all', () => {
    expect(parseClusterNodes('r1:7000, r2')).toEqual({
      nodes: [
        { host: 'r1', port: 7000 },
        { host: 'r2', port: 6379 },
      ],
    });
    expect(parseClusterNodes('rediss://kr:geheim@r1:7000,r2:7001')).toEqual({
      nodes: [
        { host: 'r1', port: 7000 },
        { host: 'r2', port: 7001 },
      ],
      username: 'kr',
      password: 'geheim',
      tls: true,
    });
  });

  it('malformed nodes, a database number, or REDIS_URL together with REDIS_CLUSTER_NODES stop the boot naming the key', () => {
    for (const bad of ['r1:99999', 'http://r1:7000', 'redis://r1:7000/2', ',']) {
      expect(() => loadConfig({ DATABASE_URL: DB, REDIS_CLUSTER_NODES: bad })).toThrow(/REDIS_CLUSTER_NODES/);
    }
    expect(() => loadConfig({ DATABASE_URL: DB, REDIS_URL: 'redis://r:6379', REDIS_CLUSTER_NODES: 'r1:7000' })).toThrow(
      /REDIS_CLUSTER_NODES: cannot be combined with REDIS_URL/,
    );
  });
});
