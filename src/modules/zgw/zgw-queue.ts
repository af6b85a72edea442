import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ConnectionOptions, Queue } from 'bullmq';
import { QUEUE_SETTINGS, type QueueSettings } from '../../jobs/queue-backend';

export const ZGW_QUEUE = 'zgw';

/** A wake-up for one klacht's zaak; the processor re-reads the row (jobs carry no truth). */
export interface ZgwJob {
  klachtId: string;
}

/**
 * Producer for the `zgw` queue, as the webhooks queue: deterministic job ids per klacht, generatie and
 * attempt, so the outbox handler, the processor and the sweep may all add the same wake-up.
 */
@Injectable()
export class ZgwQueue implements OnApplicationShutdown {
  private readonly logger = new Logger('Zgw');
  private queue?: Queue<ZgwJob>;

  constructor(@Inject(QUEUE_SETTINGS) private readonly settings: QueueSettings) {}

  private get q(): Queue<ZgwJob> {
    if (!this.queue) {
      this.queue = new Queue<ZgwJob>(ZGW_QUEUE, {
        connection: this.settings.connection as ConnectionOptions,
        prefix: this.settings.prefix,
      });
      this.queue.on('error', (e) => this.logger.warn(`Queue zgw: ${e.message}`));
    }
    return this.queue;
  }

  async plan(klachtId: string, sleutel: string, delayMs = 0): Promise<void> {
    await this.q.add(
      'zaak',
      { klachtId },
      // Retries are ours (next_attempt_at in PostgreSQL); a failed job must not keep its id (see WebhookQueue).
      { jobId: `${klachtId}.${sleutel}`, delay: Math.max(0, delayMs), attempts: 1, removeOnComplete: true, removeOnFail: true },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue?.close().catch(() => undefined);
  }
}
