import { EenTegelijk } from '../../common/een-tegelijk';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConnectionOptions, Job, Worker } from 'bullmq';
import { type AppConfig, InjectConfig } from '../../config';
import { QUEUE_SETTINGS, type QueueSettings } from '../../jobs/queue-backend';
import { ZgwAfleveringService } from './zgw-aflevering.service';
import { ZGW_QUEUE, ZgwQueue, type ZgwJob } from './zgw-queue';

/** Thin processor for the `zgw` queue; every decision is taken on fresh database state. */
@Injectable()
export class ZgwProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Zgw');
  private worker?: Worker<ZgwJob>;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    @Inject(QUEUE_SETTINGS) private readonly settings: QueueSettings,
    private readonly aflevering: ZgwAfleveringService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.zgw.length === 0) return;
    this.worker = new Worker<ZgwJob>(ZGW_QUEUE, (job) => this.process(job), {
      connection: this.settings.connection as ConnectionOptions,
      prefix: this.settings.prefix,
      concurrency: 4,
    });
    this.worker.on('error', (e) => this.logger.warn(`Worker zgw: ${e.message}`));
  }

  process(job: Job<ZgwJob>): Promise<string> {
    return this.aflevering.lever(job.data.klachtId);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close().catch(() => undefined);
  }
}

/**
 * Safety net under the queue (docs/architecture.md §1: Redis can be lost): re-plans every due
 * delivery straight from PostgreSQL, at most every 15 s.
 */
@Injectable()
export class ZgwSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Zgw');
  private timer?: NodeJS.Timeout;
  private readonly eenTegelijk = new EenTegelijk('ZGW sweep', this.logger);

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly aflevering: ZgwAfleveringService,
    private readonly queue: ZgwQueue,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.zgw.length === 0) return;
    void this.sweepOnce();
    this.timer = setInterval(() => void this.sweepOnce(), Math.min(this.config.sweepIntervalMs, 15_000));
    this.timer.unref();
  }

  sweepOnce(): Promise<void> {
    return this.eenTegelijk.run(async () => {
      for (const d of await this.aflevering.teDoen()) await this.queue.plan(d.klachtId, `${d.generatie}.${d.attempts}`);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.eenTegelijk.klaar();
  }
}
