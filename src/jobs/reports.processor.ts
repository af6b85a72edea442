import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConnectionOptions, Job, Worker } from 'bullmq';
import { RapportagePlanningService } from '../modules/reports/rapportage-planning.service';
import { QUEUE_SETTINGS, type QueueSettings } from './queue-backend';
import type { RapportageJob } from './reports.queue';

/** How often the open report moments are planned again (a failed or lost job comes back within this). */
const HERPLAN_MS = 15 * 60_000;

/**
 * Thin processor for the `rapportages` queue: RapportagePlanningService decides on fresh database
 * state. At boot it rebuilds the schedule from the definitions and `rapportage_moment`, so a Redis
 * that lost its jobs gets them back (docs/architecture.md §1). Loaded only where workers run (WORKER_MODULES).
 */
@Injectable()
export class RapportageProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RapportageProcessor.name);
  private worker?: Worker<RapportageJob>;
  private planning$?: Promise<unknown>;
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(QUEUE_SETTINGS) private readonly settings: QueueSettings,
    private readonly planning: RapportagePlanningService,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new Worker<RapportageJob>('rapportages', (job) => this.process(job), {
      connection: this.settings.connection as ConnectionOptions,
      prefix: this.settings.prefix,
      concurrency: 1,
    });
    this.worker.on('error', (e) => this.logger.warn(`Worker rapportages: ${e.message}`));
    this.worker.on('failed', (job, e) => this.logger.warn(`Rapportage job ${job?.id} failed: ${e.message}`));
    // In the background: boot is not held up; shutdown waits for it.
    this.planning$ = this.planning.synchroniseer().catch((e: Error) => this.logger.error(`Rapportageplanning bij start: ${e.message}`));
    // And again every so often: a moment whose job failed for good, or that a lost Redis dropped while this process
    // ran, is planned again from `rapportage_moment` (PostgreSQL is the truth, the queue only wakes).
    this.timer = setInterval(() => {
      this.planning$ = this.planning
        .planOpenMomenten()
        .catch((e: Error) => this.logger.warn(`Rapportageplanning herstellen: ${e.message}`));
    }, HERPLAN_MS);
    this.timer.unref();
  }

  process(job: Job<RapportageJob>): Promise<string> {
    return job.data.kind === 'herinnering' ? this.planning.herinnering(job.data) : this.planning.deadline(job.data);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.planning$;
    await this.worker?.close().catch(() => undefined);
  }
}
