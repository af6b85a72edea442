import { Client } from 'pg';
import { DataSource, Migration } from 'typeorm';
import { verbindingsInstellingen } from './sessie-verbindingen';

/** pg_advisory_lock key shared by every Klachtregie process ('KLAR' in ASCII). */
export const MIGRATION_LOCK_KEY = 0x4b4c4152;

/**
 * Applies pending migrations while holding a PostgreSQL advisory lock, so an API and a worker
 * booting at the same time against one database do not both run the same migration (TypeORM's
 * migrationsRun takes no lock). All pending migrations run in one transaction.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<Migration[]> {
  // The lock's session is a connection of its own, not one of the pool the migrations run on: held from that pool, a
  // pool of one (DATABASE_POOL_SIZE=1) left the migrations waiting for a connection (src/database/sessie-verbindingen.ts).
  const instellingen = verbindingsInstellingen(dataSource);
  const lock = new Client({
    ...instellingen,
    application_name: `${instellingen.application_name ?? 'klachtregie'}-migraties`.slice(0, 63),
  });
  // Idle while the migrations run on the pool: a session the server ends meanwhile must not crash the boot unhandled (the
  // migrations' own result says whether they ran).
  lock.on('error', () => undefined);
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return await dataSource.runMigrations({ transaction: 'all' });
  } finally {
    // Ending the session releases the lock too, also when the unlock itself failed.
    await lock.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.end().catch(() => undefined);
  }
}
