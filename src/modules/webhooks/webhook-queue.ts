import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ConnectionOptions, Queue } from 'bullmq';
import { QUEUE_SETTINGS, type QueueSettings } from '../../jobs/queue-backend';

export const WEBHOOK_QUEUE = 'webhooks';

/** Job payload: a wake-up for one delivery; the processor re-reads the row (jobs carry no truth). */
export interface WebhookJob {
  afleveringId: string;
}

/**
 * Producer for the `webhooks` queue. Job ids are deterministic per delivery and attempt
 * (`<id>.<attempts>`), so the relay, the processor and the sweep may all enqueue the same wake-up.
 */
@Injectable()
export class WebhookQueue implements OnApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private queue?: Queue<WebhookJob>;

  constructor(@Inject(QUEUE_SETTINGS) private readonly settings: QueueSettings) {}

  private get q(): Queue<WebhookJob> {
    if (!this.queue) {
      this.queue = new Queue<WebhookJob>(WEBHOOK_QUEUE, {
        connection: this.settings.connection as ConnectionOptions,
        prefix: this.settings.prefix,
      });
      this.queue.on('error', (e) => this.logger.warn(`Queue webhooks: ${e.message}`));
    }
    return this.queue;
  }

  async plan(afleveringId: string, attempts: number, delayMs = 0): Promise<void> {
    await this.q.add(
      'aflevering',
      { afleveringId },
      {
        jobId: `${afleveringId}.${attempts}`,
        delay: Math.max(0, delayMs),
        // Retries are ours (nextAttemptAt in PostgreSQL), not BullMQ's: one attempt per job.
        attempts: 1,
        removeOnComplete: true,
        // A job that failed (its process lost PostgreSQL mid-delivery) must not keep its id: the sweep and
        // `opnieuw` re-add the same `<id>.<attempts>` and BullMQ would ignore it, so the delivery, and every
        // later event of that klacht behind it, would stick. The truth (last_error, attempts) is in PostgreSQL.
        removeOnFail: true,
      },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue?.close().catch(() => undefined);
  }
}
