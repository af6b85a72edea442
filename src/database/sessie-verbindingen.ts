import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Pool, type PoolClient, type PoolConfig } from 'pg';
import { DataSource } from 'typeorm';

/** Who holds a session connection: each has a pool of its own, so one kind never waits behind the other. */
export type SessieSoort = 'relay' | 'import';

/**
 * Connections held while the work they guard uses the DataSource's pool: the outbox relay's claim transaction (its
 * handlers write deliveries, letters and ZGW jobs through the pool while the claimed rows stay locked) and an import's
 * advisory-lock session (its workers step klachten through the pool while the lock is held). Taken from the same pool,
 * such a holder waits for a connection while keeping one: with the relay and one import on a pool of two, both waited
 * for ever, and so did the shutdown waiting for them (measured: DATABASE_POOL_SIZE=2, test/pool-wachten.test.ts). From
 * pools of their own they never take a connection their work waits for.
 * - The relay: one connection (one drain at a time per process), never shared with imports, so any number of imports
 *   cannot hold up webhooks, letters, ZGW jobs and the scheduling of wake-ups.
 * - Imports: at most IMPORTS at once per process; a further one waits for a slot without a time limit and without
 *   holding anything (it cannot close a cycle), and starts when one finishes.
 */
@Injectable()
export class SessieVerbindingen implements OnApplicationShutdown {
  /** Imports working at once per process (their workers share the DataSource's pool). */
  static readonly IMPORTS = 3;
  private readonly logger = new Logger('Database');
  private readonly pools = new Map<SessieSoort, Pool>();
  private gesloten = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A connection of this kind's pool; give it back with `release()` (with an error to close it instead). */
  async neem(soort: SessieSoort): Promise<PoolClient> {
    if (this.gesloten) throw new Error('SessieVerbindingen: the process is shutting down');
    let pool = this.pools.get(soort);
    if (!pool) {
      pool = this.maakPool(soort);
      this.pools.set(soort, pool);
    }
    const client = await pool.connect();
    // Held between queries (the relay's transaction while its handlers work), a connection the server ends emits 'error'
    // on the client, which the pool only handles while it is idle: unhandled, that crashed the process. The next query
    // on it fails and the holder gives it back with that error (closed, not reused).
    const verbroken = (e: Error) => this.logger.warn(`Sessieverbinding (${soort}) verbroken: ${e.message}`);
    client.on('error', verbroken);
    const geefTerug = client.release.bind(client);
    client.release = (fout?: Error | boolean) => {
      client.removeListener('error', verbroken);
      return geefTerug(fout);
    };
    return client;
  }

  /** Closes the pools once every connection taken has been given back (pg Pool.end); no new ones after this. */
  async onApplicationShutdown(): Promise<void> {
    this.gesloten = true;
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((p) => p.end()));
  }

  /** The DataSource's own connection settings (URL, TLS, application name), with a size of its own. */
  private maakPool(soort: SessieSoort): Pool {
    const opties = verbindingsInstellingen(this.dataSource);
    const pool = new Pool({
      ...opties,
      max: soort === 'relay' ? 1 : SessieVerbindingen.IMPORTS,
      // An import waiting for a slot holds nothing: it waits as long as the imports before it take (0: no limit).
      // The relay's one connection is never held by another drain, so a wait there means the database is unreachable.
      ...(soort === 'import' ? { connectionTimeoutMillis: 0 } : {}),
      application_name: `${opties.application_name ?? 'klachtregie'}-${soort}`.slice(0, 63),
    });
    // A connection the server closed while idle must not crash the process (pg emits 'error' on the pool); the pool
    // replaces it at the next `neem`.
    pool.on('error', (e) => this.logger.warn(`Sessieverbinding (${soort}): ${e.message}`));
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
