import { EenTegelijk } from '../../common/een-tegelijk';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { type AppConfig, InjectConfig } from '../../config';
import { WebhookAfleveringService } from './webhook-aflevering.service';
import { WebhookQueue } from './webhook-queue';
import { WebhookUitgifteService } from './webhook-uitgifte.service';

/**
 * Safety net under the queue (docs/architecture.md §1: Redis can be lost): periodically fans out outbox rows
 * that were not fanned out yet and re-enqueues every due delivery straight from PostgreSQL.
 */
@Injectable()
export class WebhookSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private timer?: NodeJS.Timeout;
  private readonly eenTegelijk = new EenTegelijk('Webhook sweep', this.logger);

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly uitgifte: WebhookUitgifteService,
    private readonly aflevering: WebhookAfleveringService,
    private readonly queue: WebhookQueue,
  ) {}

  onApplicationBootstrap(): void {
    void this.sweepOnce();
    // At most every 15 s: webhook retries are short at first (1 s, 2 s, ...).
    this.timer = setInterval(() => void this.sweepOnce(), Math.min(this.config.sweepIntervalMs, 15_000));
    this.timer.unref();
  }

  sweepOnce(): Promise<void> {
    return this.eenTegelijk.run(async () => {
      await this.uitgifte.verwerk();
      for (const d of await this.aflevering.teDoen()) await this.queue.plan(d.id, d.attempts);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.eenTegelijk.klaar();
  }
}
