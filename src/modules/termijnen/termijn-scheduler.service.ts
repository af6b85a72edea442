import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConnectionOptions, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { QUEUE_SETTINGS, type QueueSettings } from '../../jobs/queue-backend';
import { JOB_OPTIONS, termijnJobId, type TermijnJob } from '../../jobs/queues';
import { OutboxRelay } from '../outbox/outbox-relay.service';
import { OUTBOX_TYPES } from '../outbox/outbox.types';
import { TermijnEntity } from './termijn.entity';

/** Delayed jobs further off than this are re-checked against PostgreSQL only when the moment nears. */
const HERPLAN_MARGE_MS = 1_000;

/**
 * Puts termijn wake-ups into the `termijnen` queue as delayed jobs with deterministic ids.
 * Everything here can be redone from the `termijn` table at any time (boot rebuild, sweep,
 * outbox handler for `termijn.gepland`): adding an existing id is a no-op, a job whose moment
 * differs from the row's is moved (docs/adr/0004-durable-klacht-engine.md).
 */
@Injectable()
export class TermijnScheduler implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(TermijnScheduler.name);
  readonly queue: Queue<TermijnJob>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(QUEUE_SETTINGS) settings: QueueSettings,
    private readonly relay: OutboxRelay,
  ) {
    this.queue = new Queue<TermijnJob>('termijnen', {
      connection: settings.connection as ConnectionOptions,
      prefix: settings.prefix,
      defaultJobOptions: JOB_OPTIONS.termijnen,
    });
    this.queue.on('error', (e) => this.logger.warn(`Queue termijnen: ${e.message}`));
  }

  onModuleInit(): void {
    // After commit: a new or moved termijn gets its wake-ups. Re-reads the row, so a row that
    // moved again or ended in the meantime is scheduled as it is now (or not at all).
    this.relay.register({
      naam: 'termijn-scheduler',
      handles: (type) => type === OUTBOX_TYPES.termijnGepland,
      handle: async (row) => {
        await this.herplan(String(row.payload.termijnId));
      },
    });
  }

  /** Schedules the wake-ups of one termijn row as it is in the database now. */
  async herplan(termijnId: string): Promise<number> {
    const t = await this.dataSource.getRepository(TermijnEntity).findOneBy({ id: termijnId });
    if (!t || t.status !== 'lopend') return 0;
    return this.planRij(t);
  }

  async planRij(t: TermijnEntity): Promise<number> {
    let n = 0;
    const basis = { klachtId: t.klachtId, termijnNaam: t.naam, revision: t.revision };
    if (!t.vervalGemeldOp) {
      await this.plan({ ...basis, kind: 'verval' }, t.vervaltOp);
      n++;
    }
    for (const h of t.herinneringen) {
      if (h.verzondenOp) continue;
      await this.plan({ ...basis, kind: 'herinnering', herinnering: h.naam }, new Date(h.op));
      n++;
    }
    return n;
  }

  /** Adds the delayed job, or moves an existing one whose moment differs. */
  async plan(job: TermijnJob, op: Date): Promise<void> {
    const jobId = termijnJobId(job);
    const delay = Math.max(0, op.getTime() - Date.now());
    const bestaand = await this.queue.getJob(jobId);
    if (bestaand) {
      const staat = await bestaand.getState();
      if (staat === 'active' || staat === 'waiting' || staat === 'prioritized') return;
      if (staat === 'delayed' && Math.abs(bestaand.timestamp + (bestaand.delay ?? 0) - op.getTime()) <= HERPLAN_MARGE_MS) return;
      // Moved (tests or an operator changed vervaltOp) or finished without effect: replace it.
      await bestaand.remove().catch((e: Error) => this.logger.debug(`Job ${jobId} not removed: ${e.message}`));
    }
    await this.queue.add(job.kind, job, { ...JOB_OPTIONS.termijnen, jobId, delay });
  }

  /** Boot: rebuild every pending wake-up from the `termijn` table (idempotent). */
  async rebuild(): Promise<number> {
    const repo = this.dataSource.getRepository(TermijnEntity);
    let n = 0;
    let na = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await repo
        .createQueryBuilder('t')
        .where("t.status = 'lopend' AND t.id > :na", { na })
        .orderBy('t.id', 'ASC')
        .limit(500)
        .getMany();
      if (rows.length === 0) break;
      for (const t of rows) n += await this.planRij(t);
      na = rows[rows.length - 1].id;
    }
    return n;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close().catch(() => undefined);
  }
}
