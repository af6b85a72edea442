import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { ConnectionOptions, DelayedError, Job, Worker } from 'bullmq';
import { KLOK, systeemKlok, type Klok } from '../../common/klok';
import { QUEUE_SETTINGS, type QueueSettings } from '../../jobs/queue-backend';
import type { TermijnJob } from '../../jobs/queues';
import { TermijnEntity } from './termijn.entity';
import { TermijnWakeService } from './termijn-wake.service';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * Least sleep of a wake-up that came early: a clock that stands still (a test's vasteKlok, a paused replay) never
 * reaches the due moment, and its job must not spin. Within the scheduler's own tolerance for a job's moment (1 s).
 */
const MIN_SLAAP_MS = 1_000;

/**
 * Thin processor for the `termijnen` queue: every decision is taken by TermijnWakeService on
 * fresh database state. Loaded only in processes with ROLE all or worker (WORKER_MODULES).
 */
@Injectable()
export class TermijnProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TermijnProcessor.name);
  private worker?: Worker<TermijnJob>;
  private readonly klok: Klok;

  constructor(
    @Inject(QUEUE_SETTINGS) private readonly settings: QueueSettings,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly wake: TermijnWakeService,
    // A job is due when KLOK says so (src/common/klok.ts), whenever BullMQ delivers it; optional for the bench.
    @Optional() @Inject(KLOK) klok?: Klok,
  ) {
    this.klok = klok ?? systeemKlok;
  }

  onApplicationBootstrap(): void {
    this.worker = new Worker<TermijnJob>('termijnen', (job, token) => this.process(job, token), {
      connection: this.settings.connection as ConnectionOptions,
      prefix: this.settings.prefix,
      concurrency: 8,
    });
    this.worker.on('error', (e) => this.logger.warn(`Worker termijnen: ${e.message}`));
    this.worker.on('failed', (job, e) => this.logger.warn(`Termijn job ${job?.id} failed: ${e.message}`));
  }

  async process(job: Job<TermijnJob>, token?: string): Promise<string> {
    const nu = this.klok.nu();
    const uitkomst = job.data.kind === 'verval' ? await this.wake.verval(job.data, nu) : await this.wake.herinnering(job.data, nu);
    if (uitkomst === 'nog-niet' && token) {
      // Woke early (the due moment moved later within the same revision, or KLOK runs behind the wall clock): sleep
      // until KLOK reaches it. BullMQ takes a wall-clock timestamp, hence now plus what is left by KLOK.
      const op = await this.dueMoment(job.data);
      if (op) {
        await job.moveToDelayed(Date.now() + Math.max(MIN_SLAAP_MS, op.getTime() - this.klok.nu().getTime()), token);
        throw new DelayedError();
      }
    }
    return uitkomst;
  }

  private async dueMoment(job: TermijnJob): Promise<Date | undefined> {
    const t = await this.dataSource
      .getRepository(TermijnEntity)
      .findOneBy({ klachtId: job.klachtId, naam: job.termijnNaam, status: 'lopend' });
    if (!t) return undefined;
    if (job.kind === 'verval') return t.vervaltOp;
    const h = t.herinneringen.find((x) => x.naam === job.herinnering);
    return h ? new Date(h.op) : undefined;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close().catch(() => undefined);
  }
}
