import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { OutboxEntity } from './outbox.entity';
import type { OutboxBericht, OutboxHandler } from './outbox.types';

const BATCH = 100;

/**
 * Turns committed outbox rows into side effects (docs/architecture.md §1: "after commit --> relay").
 * Several processes may drain at once: rows are claimed with FOR UPDATE SKIP LOCKED, so each row
 * is handled by one relay at a time. A failing handler leaves the row unprocessed (attempts + 1,
 * lastError) for the next drain; the termijn sweep drains periodically, so nothing waits on a kick.
 */
@Injectable()
export class OutboxRelay implements OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly handlers: OutboxHandler[] = [];
  private lopend: Promise<void> | null = null;
  private nogEens = false;
  private gestopt = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
          while (!this.gestopt && (await this.drain()) === BATCH) {
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

  /** Handles one batch of unprocessed rows; returns how many rows it claimed. */
  async drain(): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const rows = await m
        .createQueryBuilder(OutboxEntity, 'o')
        .where('o.processedAt IS NULL')
        .orderBy('o.id', 'ASC')
        .limit(BATCH)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      const verwerkt: string[] = [];
      for (const row of rows) {
        const fouten: string[] = [];
        for (const h of this.handlers) {
          if (!h.handles(row.type)) continue;
          try {
            await h.handle(row);
          } catch (e) {
            fouten.push(`${h.naam}: ${(e as Error).message}`);
          }
        }
        if (fouten.length) {
          this.logger.warn(`Outbox ${row.id} (${row.type}) failed, will retry: ${fouten.join('; ')}`);
          await m.update(OutboxEntity, { id: row.id }, { attempts: () => 'attempts + 1', lastError: fouten.join('; ') });
        } else {
          verwerkt.push(row.id);
        }
      }
      // One statement for the batch: the relay's own commit is part of every event's cost.
      if (verwerkt.length) {
        await m.update(OutboxEntity, { id: In(verwerkt) }, { processedAt: new Date(), attempts: () => 'attempts + 1', lastError: null });
      }
      return rows.length;
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.gestopt = true;
    await this.idle();
  }
}
