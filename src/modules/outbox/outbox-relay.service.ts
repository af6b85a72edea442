import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient, QueryResult } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { naarEntiteit } from '../../database/rij-naar-entiteit';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { OutboxEntity } from './outbox.entity';
import type { OutboxBericht, OutboxHandler } from './outbox.types';
import { wachttijd } from '../../common/wachttijd';
import { isDatabaseOnbereikbaar } from '../../common/problem.filter';
import { SessieVerbindingen } from '../../database/sessie-verbindingen';

const BATCH = 100;

/** The longest a failed row waits before its next attempt. */
const MAX_WACHT_MS = 3_600_000;

/** Set (true) in a process that must not drain the outbox: see GeenOutboxRelayModule. */
export const OUTBOX_RELAY_UIT = Symbol('OUTBOX_RELAY_UIT');

/** How long a kick waits before draining, so rows committed meanwhile share the drain: at least, and at most. */
const BUNDEL_MS = 5;
const BUNDEL_MAX_MS = 25;

/**
 * The wait before a drain, from what the previous drain claimed: rows committed at a higher rate wait longer, so one
 * claim and one mark serve more of them (each drain costs two round trips, and under load those writes took half of
 * the engine's time blocked on its socket: bench (b)); a quiet relay drains after BUNDEL_MS. One row more, one
 * millisecond more, and never more than BUNDEL_MAX_MS: a side effect (a webhook, a wake-up's scheduling) waits at most that.
 */
function bundelWacht(vorigeDrain: number): number {
  return Math.min(BUNDEL_MAX_MS, BUNDEL_MS + Math.max(0, vorigeDrain));
}

/**
 * Turns committed outbox rows into side effects (docs/architecture.md §1: "after commit --> relay").
 * Several processes may drain at once: rows are claimed with FOR UPDATE SKIP LOCKED, so each row
 * is handled by one relay at a time. A failing handler leaves the row unprocessed (attempts + 1,
 * lastError), claimed again after its backoff (volgende_poging_op); the termijn sweep drains periodically, so nothing
 * waits on a kick.
 */
@Injectable()
export class OutboxRelay implements OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly handlers: OutboxHandler[] = [];
  private lopend: Promise<void> | null = null;
  private nogEens = false;
  private gestopt = false;
  /** Rows the last drain claimed (bundelWacht). */
  private vorige = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() @Inject(OUTBOX_RELAY_UIT) private readonly uit: boolean = false,
    // The claim's connection, outside the pool its handlers write through (SessieVerbindingen). Absent only where a
    // relay is built by hand (bench, unit tests): it then claims from the DataSource's pool.
    @Optional() private readonly sessies?: SessieVerbindingen,
  ) {
    // A command-line process (import, migratie, zgw) registers only the handlers of its own modules: draining there
    // would mark rows processed whose webhook, letter or ZGW handler lives only in the service, and they would be
    // lost. It writes its outbox rows and leaves them to the service's relay (its sweep drains every interval).
    if (uit) this.gestopt = true;
  }

  /** Writes outbox rows inside the caller's transaction. */
  static async schrijf(manager: EntityManager, berichten: OutboxBericht[]): Promise<void> {
    if (berichten.length === 0) return;
    await manager.insert(
      OutboxEntity,
      berichten.map((b) => ({ klachtId: b.klachtId, type: b.type, payload: b.payload }) as QueryDeepPartialEntity<OutboxEntity>),
    );
  }

  register(handler: OutboxHandler): void {
    this.handlers.push(handler);
  }

  /** Ask for a drain soon (after a commit). Coalesces: at most one drain runs per process. */
  kick(): void {
    if (this.gestopt) return;
    if (this.lopend) {
      this.nogEens = true;
      return;
    }
    this.lopend = (async () => {
      try {
        do {
          this.nogEens = false;
          // Gather: the commits of the next few milliseconds go into the same drain (one claim, one mark for
          // many events) instead of a drain per event (issue 17); side effects wait at most BUNDEL_MAX_MS. Also
          // before a drain that kicks during the previous one asked for: under load the drains would
          // otherwise follow each other at once, each with only the few rows committed meanwhile.
          await new Promise((r) => setTimeout(r, bundelWacht(this.vorige)));
          while (!this.gestopt && (this.vorige = await this.drain()) === BATCH) {
            /* full batch: there may be more */
          }
        } while (this.nogEens && !this.gestopt);
      } catch (e) {
        this.logger.error(`Outbox drain failed: ${(e as Error).message}`);
      } finally {
        this.lopend = null;
      }
    })();
  }

  /** Waits until the drain started by the last kick has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.lopend) await this.lopend;
  }

  /**
   * Handles one batch of unprocessed rows; returns how many rows it claimed. Two round trips for the
   * batch: BEGIN + claim (FOR UPDATE SKIP LOCKED, so relays in other processes take other rows), then
   * one UPDATE for the handled rows + COMMIT. The commit is asynchronous (`synchronous_commit = off`,
   * PostgreSQL docs "Asynchronous Commit"): it marks rows whose side effects already happened, and if a
   * crash loses the mark the rows are handed over again, which every handler must accept anyway
   * (OutboxHandler). So the relay adds no second wait for the disk to an event; the event's own commit
   * (snapshot, history, outbox rows) stays synchronous.
   * The claim walks the partial index of unprocessed rows in id order (no bitmap scan): the entries of
   * rows processed since the last vacuum are then marked dead in the index as the scan passes them
   * (PostgreSQL docs, "Index Scanning"), instead of being visited in the table on every claim; a bitmap
   * scan made a claim cost as much as the event's own write (measured with pg_stat_statements).
   */
  async drain(): Promise<number> {
    const qr = this.sessies ? undefined : this.dataSource.createQueryRunner();
    const client = qr ? ((await qr.connect()) as PoolClient) : await this.sessies!.neem('relay');
    let open = true;
    let fout: unknown;
    try {
      const [, , , geclaimd] = (await client.query(
        `BEGIN; SET LOCAL synchronous_commit = off; SET LOCAL enable_bitmapscan = off;
         SELECT * FROM outbox WHERE processed_at IS NULL AND (volgende_poging_op IS NULL OR volgende_poging_op <= now())
         ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      )) as unknown as QueryResult<Record<string, unknown>>[];
      const rows = geclaimd.rows.map((r) => naarEntiteit(this.dataSource, OutboxEntity, r));
      const verwerkt: string[] = [];
      // A handler that takes a drain's rows at once is called once, at its first row; its outcome (an error message or
      // nothing) counts for each of them.
      const samen = new Map<OutboxHandler, Promise<unknown>>();
      const samenVoor = (h: OutboxHandler, handleAlle: (rows: OutboxEntity[]) => Promise<void>) => {
        let uitkomst = samen.get(h);
        if (!uitkomst) {
          const zijnRijen = rows.filter((r) => h.handles(r.type));
          uitkomst = handleAlle.call(h, zijnRijen).then(
            () => undefined,
            (e: unknown) => e ?? new Error(String(e)),
          );
          samen.set(h, uitkomst);
        }
        return uitkomst;
      };
      for (const row of rows) {
        const fouten: string[] = [];
        for (const h of this.handlers) {
          if (!h.handles(row.type)) continue;
          try {
            if (h.handleAlle) {
              const fout = await samenVoor(h, h.handleAlle);
              if (fout !== undefined) throw fout;
            } else await h.handle(row);
          } catch (e) {
            // The database unreachable (or no connection free within DATABASE_POOL_WAIT_MS) is not this row's fault: the
            // drain stops and rolls back, so its rows are claimed again as soon as it is back, instead of each row
            // waiting out the same failure and then a backoff of up to an hour.
            if (isDatabaseOnbereikbaar(e)) throw e;
            fouten.push(`${h.naam}: ${(e as Error).message}`);
          }
        }
        if (fouten.length) {
          this.logger.warn(`Outbox ${row.id} (${row.type}) failed, will retry: ${fouten.join('; ')}`);
          // Tried again after 2, 4, 8 … seconds, at most an hour: a failing row waits instead of being claimed by every
          // drain, which kept the rows behind a full batch of failing ones from ever being handled. The backoff rule of
          // the deliveries (wachttijd), one step on: the relay retries on every drain anyway, so it starts at 2 s.
          await client.query(
            `UPDATE outbox SET attempts = attempts + 1, last_error = $2, volgende_poging_op = now() + $3 * interval '1 millisecond'
             WHERE id = $1`,
            [row.id, fouten.join('; '), wachttijd(row.attempts + 2, MAX_WACHT_MS)],
          );
        } else {
          verwerkt.push(row.id);
        }
      }
      // One statement for the batch, sent with the COMMIT (ids are bigint digits from the row itself).
      const ids = verwerkt.filter((id) => /^\d+$/.test(id)).join(',');
      await client.query(
        ids
          ? `UPDATE outbox SET processed_at = now(), attempts = attempts + 1, last_error = NULL, volgende_poging_op = NULL WHERE id = ANY('{${ids}}'::bigint[]); COMMIT`
          : 'COMMIT',
      );
      open = false;
      return rows.length;
    } catch (e) {
      fout = e;
      if (open) await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      if (qr) await qr.release();
      // After a failure the session connection is closed rather than reused (it may be the one that broke).
      else client.release(fout instanceof Error ? fout : undefined);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.gestopt = true;
    await this.idle();
  }
}

/**
 * For command-line contexts: their OutboxRelay never drains (the constructor explains why). Global, so the relay of
 * whichever feature module the command imports sees it.
 */
@Global()
@Module({ providers: [{ provide: OUTBOX_RELAY_UIT, useValue: true }], exports: [OUTBOX_RELAY_UIT] })
export class GeenOutboxRelayModule {}
