import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConnectionOptions, Job, Worker } from 'bullmq';
import { QUEUE_SETTINGS, type QueueSettings } from '../../jobs/queue-backend';
import { WebhookAfleveringService } from './webhook-aflevering.service';
import { WEBHOOK_QUEUE, type WebhookJob } from './webhook-queue';

/** Thin processor for the `webhooks` queue; every decision is taken on fresh database state. */
@Injectable()
export class WebhookProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private worker?: Worker<WebhookJob>;

  constructor(
    @Inject(QUEUE_SETTINGS) private readonly settings: QueueSettings,
    private readonly aflevering: WebhookAfleveringService,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new Worker<WebhookJob>(WEBHOOK_QUEUE, (job) => this.process(job), {
      connection: this.settings.connection as ConnectionOptions,
      prefix: this.settings.prefix,
      concurrency: 4,
    });
    this.worker.on('error', (e) => this.logger.warn(`Worker webhooks: ${e.message}`));
  }

  process(job: Job<WebhookJob>): Promise<string> {
    return this.aflevering.lever(job.data.afleveringId);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close().catch(() => undefined);
  }
}
