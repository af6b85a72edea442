/**
 * An engine app on the seed definitions (or the regime source an override puts in their place) with a database of its
 * own (createTestDatabase: one per test file) and a queue prefix of its own; no worker (ROLE=api). The database is
 * dropped again if the app does not start; `close` closes the app, drops the database and deletes the queue's keys
 * (afterAll). The base of the helpers that set up a test file's engine app (amsterdam-contract, kinderombudsman,
 * overdracht, rapport-klachten).
 */
import type { EnvSource } from '../../src/config';
import type { TestAppOptions } from './app';
import { createTestDatabase, type TestDatabase } from './database';
import { createEngineApp, type EngineApp } from './engine-harness';
import { deleteRedisPrefix, uniqueRedisPrefix } from './redis';

export interface EigenEngine {
  tdb: TestDatabase;
  a: EngineApp;
  close(): Promise<void>;
}

/** `naam` names the database and the queue prefix; `env` is added to ROLE=api. */
export async function eigenEngine(
  naam: string,
  opties: { env?: EnvSource; override?: TestAppOptions['override'] } = {},
): Promise<EigenEngine> {
  const queuePrefix = uniqueRedisPrefix(naam);
  const tdb = await createTestDatabase(naam);
  let a: EngineApp;
  try {
    a = await createEngineApp({
      databaseUrl: tdb.url,
      queuePrefix,
      regimes: 'definities',
      env: { ROLE: 'api', ...opties.env },
      override: opties.override,
    });
  } catch (e) {
    await tdb.drop();
    throw e;
  }
  return {
    tdb,
    a,
    async close() {
      await a.close();
      await tdb.drop();
      await deleteRedisPrefix(queuePrefix);
    },
  };
}
