import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Pool, type PoolClient, type PoolConfig } from 'pg';
import { DataSource } from 'typeorm';

/**
 * Connections held while the work they guard uses the DataSource's pool: the outbox relay's claim transaction (its
 * handlers write deliveries, letters and ZGW jobs through the pool while the claimed rows stay locked) and an import's
 * advisory-lock session (its workers step klachten through the pool while the lock is held). Taken from the same pool,
 * such a holder waits for a connection while keeping one: with the relay and one import on a pool of two, both waited
 * for ever, and so did the shutdown waiting for them (measured: DATABASE_POOL_SIZE=2, test/pool-wachten.test.ts). From a
 * pool of their own they never take a connection their work waits for; a holder beyond MAX waits for one without
 * holding anything, so it cannot close a cycle either.
 */
@Injectable()
export class SessieVerbindingen implements OnApplicationShutdown {
  /** The relay (one drain at a time per process) and up to three imports at once; a fourth import waits for a slot. */
  static readonly MAX = 4;
  private readonly logger = new Logger('Database');
  private pool?: Pool;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A connection of this pool; give it back with `release()`. */
  async neem(): Promise<PoolClient> {
    this.pool ??= this.maakPool();
    return this.pool.connect();
  }

  /** Closes the pool once every connection taken has been given back (pg Pool.end). */
  async onApplicationShutdown(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.end();
  }

  /** The DataSource's own connection settings (URL, TLS, application name), with a pool size of its own. */
  private maakPool(): Pool {
    const opties = verbindingsInstellingen(this.dataSource);
    const pool = new Pool({
      ...opties,
      max: SessieVerbindingen.MAX,
      application_name: `${opties.application_name ?? 'klachtregie'}-sessie`.slice(0, 63),
    });
    // A connection the server closed while idle must not crash the process (pg emits 'error' on the pool); the pool
    // replaces it at the next `neem`.
    pool.on('error', (e) => this.logger.warn(`Sessieverbinding: ${e.message}`));
    return pool;
  }
}

/** The connection settings of an initialized DataSource's pool (URL, TLS, application name, timeouts). */
export function verbindingsInstellingen(dataSource: DataSource): PoolConfig {
  const driver = dataSource.driver as unknown as { master?: { options?: PoolConfig } };
  const opties = driver.master?.options;
  if (!opties) throw new Error('The DataSource is not initialized (no PostgreSQL pool)');
  return opties;
}
