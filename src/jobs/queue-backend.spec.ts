import { ConfigError, loadConfig } from '../config';
import { postgresQueuePoolSize, queueSettings } from './queue-backend';

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
