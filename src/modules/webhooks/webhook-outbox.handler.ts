import { Injectable, OnModuleInit } from '@nestjs/common';
import { OutboxRelay } from '../outbox/outbox-relay.service';
import type { OutboxEntity } from '../outbox/outbox.entity';
import type { OutboxHandler } from '../outbox/outbox.types';
import { cloudEventType } from './cloud-event';
import { WebhookUitgifteService } from './webhook-uitgifte.service';

/** Registers with the outbox relay: a committed notification row is fanned out at once. */
@Injectable()
export class WebhookOutboxHandler implements OutboxHandler, OnModuleInit {
  readonly naam = 'webhooks';

  constructor(
    private readonly relay: OutboxRelay,
    private readonly uitgifte: WebhookUitgifteService,
  ) {}

  onModuleInit(): void {
    this.relay.register(this);
  }

  handles(type: string): boolean {
    return cloudEventType(type, {}) !== undefined;
  }

  handle(row: OutboxEntity): Promise<void> {
    return this.handleAlle([row]);
  }

  /**
   * Fans out every pending row in outbox order, these included (idempotent): one fan-out covers a whole drain, as it
   * reads the pending rows itself. Per row it was a transaction (four round trips) each that found nothing left after
   * the first.
   */
  async handleAlle(_rows: OutboxEntity[]): Promise<void> {
    await this.uitgifte.verwerk();
  }
}
