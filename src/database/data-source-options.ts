import { ZonderParametersLogger } from './query-logger';
import { join } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';

/**
 * Entities and migrations are found by glob relative to this file, so src/ under ts-jest and
 * dist/src/ after `npm run build` both work, and a new `*.entity.ts` or migration is picked up
 * without editing this file.
 */
export const ENTITY_GLOB = join(__dirname, '..', '**', '*.entity.{ts,js}');
export const MIGRATION_GLOB = join(__dirname, 'migrations', '*.{ts,js}');
export const MIGRATIONS_TABLE = 'typeorm_migrations';

export interface DataSourceSettings {
  url: string;
  poolSize?: number;
  /**
   * The longest wait for a free connection (and for connecting): then an error instead of a wait without end. A holder
   * that waits for a second connection of its own pool could otherwise wait for ever once every connection is held by
   * such a holder, and so would the shutdown waiting for it (SessieVerbindingen). Default 30 s.
   */
  poolWaitMs?: number;
  /** Shown in pg_stat_activity, e.g. 'klachtregie-api'. */
  applicationName?: string;
  logging?: boolean;
}

/**
 * The one DataSource configuration, shared by the app (DatabaseModule) and the migration CLI.
 * Schema changes by migrations only (docs/architecture.md §4): `synchronize` is never on.
 */
export function dataSourceOptions(settings: DataSourceSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    synchronize: false,
    // The app runs migrations itself, under an advisory lock (runMigrationsLocked), not TypeORM's unlocked migrationsRun.
    migrationsRun: false,
    entities: [ENTITY_GLOB],
    migrations: [MIGRATION_GLOB],
    migrationsTableName: MIGRATIONS_TABLE,
    applicationName: settings.applicationName ?? 'klachtregie',
    logging: settings.logging ? ['query', 'error'] : ['error'],
    // Never the parameters: they hold personal data of the dossier (query-logger.ts).
    logger: new ZonderParametersLogger(undefined, settings.logging === true),
    extra: { max: settings.poolSize ?? 10, connectionTimeoutMillis: settings.poolWaitMs ?? 30_000 },
  };
}

export function createDataSource(settings: DataSourceSettings): DataSource {
  return new DataSource(dataSourceOptions(settings));
}
