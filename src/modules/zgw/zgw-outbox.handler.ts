import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { OutboxRelay } from '../outbox/outbox-relay.service';
import type { OutboxEntity } from '../outbox/outbox.entity';
import { OUTBOX_TYPES, type OutboxHandler } from '../outbox/outbox.types';
import { ZgwAfleveringService } from './zgw-aflevering.service';
import { ZgwQueue } from './zgw-queue';

/**
 * The changes that may concern a zaak: intake (create), a new step (status, resultaat), a termijn
 * (re)planned (uiterlijkeEinddatumAfdoening, verdaging as verlenging).
 */
const ZAAK_TYPEN = new Set<string>([OUTBOX_TYPES.klachtOntvangen, OUTBOX_TYPES.statusGewijzigd, OUTBOX_TYPES.termijnGepland]);

/** Registers with the outbox relay: a committed change marks the klacht's zaak as due (zgw_zaak). */
@Injectable()
export class ZgwOutboxHandler implements OutboxHandler, OnModuleInit {
  readonly naam = 'zgw';
  private readonly logger = new Logger('Zgw');

  constructor(
    private readonly relay: OutboxRelay,
    private readonly aflevering: ZgwAfleveringService,
    private readonly queue: ZgwQueue,
  ) {}

  onModuleInit(): void {
    this.relay.register(this);
  }

  handles(type: string): boolean {
    return ZAAK_TYPEN.has(type);
  }

  async handle(row: OutboxEntity): Promise<void> {
    if (!row.klachtId) return;
    // Durable first (PostgreSQL), then a wake-up; a lost wake-up is found by the sweep.
    for (const g of await this.aflevering.markeer([row.klachtId])) {
      await this.queue
        .plan(g.klachtId, String(g.generatie))
        .catch((e: Error) => this.logger.warn(`Enqueue ${g.klachtId}: ${e.message} (the sweep retries)`));
    }
  }
}
