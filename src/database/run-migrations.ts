import { DataSource, Migration } from 'typeorm';

/** pg_advisory_lock key shared by every Klachtregie process ('KLAR' in ASCII). */
export const MIGRATION_LOCK_KEY = 0x4b4c4152;

/**
 * Applies pending migrations while holding a PostgreSQL advisory lock, so an API and a worker
 * booting at the same time against one database do not both run the same migration (TypeORM's
 * migrationsRun takes no lock). All pending migrations run in one transaction.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<Migration[]> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return await dataSource.runMigrations({ transaction: 'all' });
  } finally {
    await lock.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
}
