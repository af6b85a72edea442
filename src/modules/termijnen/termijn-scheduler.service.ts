import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConnectionOptions, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { KLOK, systeemKlok, type Klok } from '../../common/klok';
import { APP_CONFIG, type AppConfig } from '../../config';
import { QUEUE_SETTINGS, type QueueSettings } from '../../jobs/queue-backend';
import { JOB_OPTIONS, termijnJobId, type TermijnJob } from '../../jobs/queues';
import { OutboxRelay } from '../outbox/outbox-relay.service';
import { OUTBOX_TYPES } from '../outbox/outbox.types';
import { TermijnEntity } from './termijn.entity';
import { isOpgeschort } from '../../machines/compiler/termijnen';
import { herinneringAfgehandeld } from './termijn-reconcile';

/** Delayed jobs further off than this are re-checked against PostgreSQL only when the moment nears. */
const HERPLAN_MARGE_MS = 1_000;

/** Rows per query and jobs per addBulk when the horizon is (re)built. */
const PLAN_BATCH = 1_000;

/** Concurrent job checks in the boot rebuild (each one asks the queue for the job's state). */
const REBUILD_PARALLEL = 50;

/** The columns a wake-up needs. */
type WekRij = Pick<TermijnEntity, 'id' | 'klachtId' | 'naam' | 'revision' | 'vervaltOp' | 'vervalGemeldOp' | 'herinneringen' | 'mutaties'>;

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
  /**
   * Only wake-ups due within this horizon are queued; later ones stay rows in PostgreSQL until the sweep
   * queues them as they come near (docs/adr/0006-termijn-wake-ups-near-horizon.md): the queue holds what
   * is due soon, so rebuilding it after Redis loss takes seconds also with a million pending termijnen.
   * TERMIJN_HORIZON_MS, never shorter than three sweep intervals: every wake-up is queued well before it is due.
   */
  readonly horizonMs: number;
  private readonly klok: Klok;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(QUEUE_SETTINGS) settings: QueueSettings,
    private readonly relay: OutboxRelay,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'sweepIntervalMs' | 'termijnHorizonMs'>,
    // "Now" is KLOK's, as for the lists that call a termijn te laat (src/common/klok.ts); optional so the bench,
    // which builds a scheduler without the app, runs on the system clock.
    @Optional() @Inject(KLOK) klok?: Klok,
  ) {
    this.klok = klok ?? systeemKlok;
    this.horizonMs = Math.max(config.termijnHorizonMs, 3 * config.sweepIntervalMs);
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

  /** Schedules the wake-ups of one termijn row as it is in the database now (those within the horizon). */
  async herplan(termijnId: string): Promise<number> {
    const t = await this.dataSource.getRepository(TermijnEntity).findOneBy({ id: termijnId });
    if (!t || t.status !== 'lopend') return 0;
    return this.planRij(t);
  }

  async planRij(t: WekRij, nu = this.klok.nu().getTime()): Promise<number> {
    let n = 0;
    for (const [job, op] of this.wekMomenten(t, nu + this.horizonMs)) {
      await this.plan(job, op);
      n++;
    }
    return n;
  }

  /** The wake-ups of a row that are still to come and due before `grens` (ms), with their moments. */
  private wekMomenten(t: WekRij, grens: number): Array<[TermijnJob, Date]> {
    const uit: Array<[TermijnJob, Date]> = [];
    const basis = { klachtId: t.klachtId, termijnNaam: t.naam, revision: t.revision };
    if (!t.vervalGemeldOp && t.vervaltOp.getTime() <= grens) uit.push([{ ...basis, kind: 'verval' }, t.vervaltOp]);
    // A suspended termijn has no last day to remind of (volgendeHerinnering): its reminders wait for the hervatting.
    if (isOpgeschort(t.mutaties)) return uit;
    for (const h of t.herinneringen) {
      if (herinneringAfgehandeld(h) || Date.parse(h.op) > grens) continue;
      uit.push([{ ...basis, kind: 'herinnering', herinnering: h.naam }, new Date(h.op)]);
    }
    return uit;
  }

  /**
   * The BullMQ delay of a wake-up at `op`: how long until `op` by KLOK. BullMQ counts a delay on the wall clock, so
   * under a clock that runs ahead of or behind it (a replay, a training environment) the job still wakes when KLOK
   * reaches `op`, not when the wall clock does.
   */
  vertraging(op: Date): number {
    return Math.max(0, op.getTime() - this.klok.nu().getTime());
  }

  /** Adds the delayed job, or moves an existing one whose moment differs. */
  async plan(job: TermijnJob, op: Date): Promise<void> {
    const jobId = termijnJobId(job);
    const delay = this.vertraging(op);
    const bestaand = await this.queue.getJob(jobId);
    if (bestaand) {
      const staat = await bestaand.getState();
      if (staat === 'active' || staat === 'waiting' || staat === 'prioritized') return;
      // Compared on the wall clock BullMQ keeps its jobs by (`timestamp` is when the job was added): the job's moment
      // against the one a job added now would get; with the system clock that is `op` itself.
      const gewenst = Date.now() + delay;
      if (staat === 'delayed' && Math.abs(bestaand.timestamp + (bestaand.delay ?? 0) - gewenst) <= HERPLAN_MARGE_MS) return;
      // Moved (tests or an operator changed vervaltOp) or finished without effect: replace it.
      await bestaand.remove().catch((e: Error) => this.logger.debug(`Job ${jobId} not removed: ${e.message}`));
    }
    await this.queue.add(job.kind, job, { ...JOB_OPTIONS.termijnen, jobId, delay });
  }

  /**
   * The running termijn rows with a wake-up due before `grens`, page by page along the two partial
   * indexes the sweep uses (expiry: IDX_termijn_verval_due, reminders: IDX_termijn_herinnering_due).
   */
  private async *rijenTot(grens: Date): AsyncGenerator<WekRij[]> {
    const kolommen = `id, klacht_id, naam, revision, vervalt_op, verval_gemeld_op, herinneringen, mutaties`;
    const naarRij = (r: Record<string, unknown>): WekRij => ({
      id: r.id as string,
      klachtId: r.klacht_id as string,
      naam: r.naam as string,
      revision: r.revision as number,
      vervaltOp: r.vervalt_op as Date,
      vervalGemeldOp: r.verval_gemeld_op as Date | null,
      herinneringen: r.herinneringen as TermijnEntity['herinneringen'],
      mutaties: r.mutaties as TermijnEntity['mutaties'],
    });
    for (const kolom of ['vervalt_op', 'volgende_herinnering_op'] as const) {
      const filter = kolom === 'vervalt_op' ? `status = 'lopend' AND verval_gemeld_op IS NULL` : `status = 'lopend'`;
      let na: [Date, string] | null = null;
      for (;;) {
        const rijen = (await this.dataSource.query(
          `SELECT ${kolommen}, ${kolom} AS sleutel FROM termijn
           WHERE ${filter} AND ${kolom} <= $1 ${na ? `AND (${kolom}, id) > ($2, $3)` : ''}
           ORDER BY ${kolom}, id LIMIT ${PLAN_BATCH}`,
          na ? [grens, na[0], na[1]] : [grens],
        )) as Array<Record<string, unknown>>;
        if (rijen.length === 0) break;
        yield rijen.map(naarRij);
        const laatste = rijen[rijen.length - 1];
        na = [laatste.sleutel as Date, laatste.id as string];
        if (rijen.length < PLAN_BATCH) break;
      }
    }
  }

  /**
   * Queues every pending wake-up due within the horizon, in bulk (the sweep calls it every interval).
   * Adding an id that is queued already is a no-op, so this is safe to repeat; after a Redis loss it
   * puts back what the queue lost (ADR 0006).
   */
  async planHorizon(nu = this.klok.nu()): Promise<number> {
    let n = 0;
    for await (const rijen of this.rijenTot(new Date(nu.getTime() + this.horizonMs))) {
      const jobs = rijen.flatMap((t) => this.wekMomenten(t, nu.getTime() + this.horizonMs));
      await this.queue.addBulk(
        jobs.map(([job, op]) => ({
          name: job.kind,
          data: job,
          opts: { ...JOB_OPTIONS.termijnen, jobId: termijnJobId(job), delay: this.vertraging(op) },
        })),
      );
      n += jobs.length;
    }
    return n;
  }

  /**
   * Boot: rebuild every pending wake-up within the horizon from the `termijn` table (idempotent), and
   * move a queued job whose moment differs from its row (an operator may have set `vervalt_op`).
   */
  async rebuild(nu = this.klok.nu()): Promise<number> {
    let n = 0;
    for await (const rijen of this.rijenTot(new Date(nu.getTime() + this.horizonMs))) {
      const werk = rijen.flatMap((t) => this.wekMomenten(t, nu.getTime() + this.horizonMs));
      for (let i = 0; i < werk.length; i += REBUILD_PARALLEL) {
        await Promise.all(werk.slice(i, i + REBUILD_PARALLEL).map(([job, op]) => this.plan(job, op)));
      }
      n += werk.length;
    }
    return n;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close().catch(() => undefined);
  }
}
