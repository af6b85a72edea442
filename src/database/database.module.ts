import { DynamicModule, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config';
import { dataSourceOptions } from './data-source-options';
import { runMigrationsLocked } from './run-migrations';
import { SessieVerbindingen } from './sessie-verbindingen';

export function requireDatabaseUrl(config: AppConfig): string {
  if (!config.databaseUrl) {
    // main.ts / worker.ts resolve the embedded PostgreSQL to a URL before the module is built.
    throw new Error('AppConfig.databaseUrl is not resolved: start the embedded PostgreSQL (resolveDatabase) first.');
  }
  return config.databaseUrl;
}

/** A migration failed at boot: the transaction was rolled back, the schema is as before. */
export class MigrationFailedError extends Error {
  constructor(cause: unknown) {
    super(`A migration failed and was rolled back; fix the migration and start again: ${(cause as Error)?.message ?? cause}`, {
      cause,
    });
    this.name = 'MigrationFailedError';
  }
}

/**
 * TypeORM on PostgreSQL, the single source of truth (docs/architecture.md §1). Pending migrations are applied at
 * boot under an advisory lock before anything else touches the database. Feature modules add their
 * repositories with `TypeOrmModule.forFeature([Entity])`; entities are discovered by glob.
 */
@Module({})
export class DatabaseModule {
  static forRoot(): DynamicModule {
    return {
      module: DatabaseModule,
      // Global: the outbox relay and the import take their held connections from SessieVerbindingen.
      global: true,
      providers: [SessieVerbindingen],
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            ...dataSourceOptions({
              url: requireDatabaseUrl(config),
              poolSize: config.databasePoolSize,
              poolWaitMs: config.databasePoolWaitMs,
              applicationName: `klachtregie-${config.role}`,
            }),
            // Fail within ~10 s when the database is unreachable instead of TypeORM's default 27 s.
            retryAttempts: 4,
            retryDelay: 2000,
            // Retry only connecting: a failing migration fails the same way every time.
            toRetry: (error: unknown) => !(error instanceof MigrationFailedError),
          }),
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options!).initialize();
            let applied;
            try {
              applied = await runMigrationsLocked(dataSource);
            } catch (e) {
              await dataSource.destroy().catch(() => undefined);
              throw new MigrationFailedError(e);
            }
            if (applied.length > 0) {
              new Logger('Database').log(`Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
            }
            return dataSource;
          },
        }),
      ],
      exports: [TypeOrmModule, SessieVerbindingen],
    };
  }
}
