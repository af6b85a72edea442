import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConnectionOptions, Queue } from 'bullmq';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { KLOK, type Klok } from '../../common/klok';
import { QUEUE_SETTINGS, type QueueSettings } from '../../jobs/queue-backend';
import { QUEUE_NAMES } from '../../jobs/queues';
import { WEBHOOK_QUEUE } from '../webhooks/webhook-queue';
import { openVerplichting, termijnTeLaat } from '../termijnen/te-laat';

/** Every BullMQ queue of the service: their lag is one series per queue. */
const WACHTRIJEN: readonly string[] = [...QUEUE_NAMES, WEBHOOK_QUEUE];

/**
 * The Prometheus series of one running service (docs/architecture.md, "Bedrijfsvoering"). A registry
 * per application (not prom-client's global one), so two apps in one process (tests) stay apart.
 * Counters count what this process did; gauges are read from PostgreSQL and the queue at scrape
 * time, so every instance reports the same truth whether the work ran in the API or a worker.
 */
@Injectable()
export class MetricsService implements OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  readonly registry = new Registry();
  private readonly wachtrijen = new Map<string, Queue>();

  /** Processed klacht events by type (rate() gives events/s): committed history rows only. */
  readonly eventsVerwerkt = new Counter({
    name: 'klachtregie_events_processed_total',
    help: 'Klacht events processed (committed to the history), by event type',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });

  /**
   * Events on a klacht by how the engine found it (ADR 0009): from its cache in one round trip, cached but changed
   * elsewhere, refused by the cached klacht (both stepped again after a read), or not cached (read first).
   */
  readonly engineCache = new Counter({
    name: 'klachtregie_engine_cache_events_total',
    help: 'Klacht events by how the engine found the klacht: treffer (its cache, one round trip), verouderd (cached but changed elsewhere: read and stepped again), geweigerd (refused by the cached klacht: judged again after a read), mis (not cached: read first)',
    labelNames: ['uitkomst'] as const,
    registers: [this.registry],
  });

  /** Every failed webhook delivery attempt (no answer or a non-2xx status); the delivery is retried. */
  readonly webhookMislukt = new Counter({
    name: 'klachtregie_webhook_delivery_failures_total',
    help: 'Failed webhook delivery attempts (no 2xx answer); each is retried with backoff',
    registers: [this.registry],
  });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(QUEUE_SETTINGS) private readonly queueSettings: QueueSettings,
    @Inject(KLOK) private readonly klok: Klok,
  ) {
    collectDefaultMetrics({ register: this.registry });
    this.peil(
      'klachtregie_termijnen_due',
      'Open obligations (termijnen the gemeente or aanbieder must meet) not yet past their last day, by gemeente',
      ['gemeente'],
      async (g) => {
        for (const r of await this.termijnen()) g.set({ gemeente: r.gemeente }, Number(r.due));
      },
    );
    this.peil(
      'klachtregie_termijnen_late',
      "Open obligations past their last day and not met: 'te laat' as everywhere in Klachtregie, by gemeente",
      ['gemeente'],
      async (g) => {
        for (const r of await this.termijnen()) g.set({ gemeente: r.gemeente }, Number(r.late));
      },
    );
    this.peil(
      'klachtregie_termijn_wakeup_lateness_seconds',
      'How long the oldest passed termijn has waited for its wake-up (TERMIJN_VERLOPEN not yet fired); 0 when none waits',
      [],
      async (g) => g.set(await this.wekLatheid()),
    );
    this.peil(
      'klachtregie_queue_lag_seconds',
      'How long the job that waits longest past its due moment has waited (waiting, or delayed and overdue), by queue',
      ['queue'],
      async (g) => {
        for (const naam of WACHTRIJEN) {
          const lag = await this.wachtrijLag(naam).catch((e: Error) => {
            this.logger.warn(`queue ${naam}: ${e.message}`);
            return undefined;
          });
          if (lag !== undefined) g.set({ queue: naam }, lag);
        }
      },
    );
    this.peil(
      'klachtregie_outbox_failing',
      'Outbox rows not yet handled whose last attempt failed (a letter, webhook fan-out, ZGW or wake-up planning that keeps failing); retried with backoff',
      [],
      async (g) => {
        const [{ n }] = (await this.dataSource.query(
          `select count(*)::int as n from outbox where processed_at is null and attempts > 0`,
        )) as Array<{ n: number }>;
        g.set(n);
      },
    );
    this.peil(
      'klachtregie_webhook_deliveries_failing',
      'Webhook deliveries not yet delivered whose last attempt failed (they are being retried)',
      [],
      async (g) => {
        const [{ n }] = (await this.dataSource.query(
          `select count(*)::int as n from webhook_aflevering where status = 'wachtend' and attempts > 0`,
        )) as Array<{ n: number }>;
        g.set(n);
      },
    );
  }

  /** A gauge read at scrape time: emptied first, so a gemeente or queue with nothing left disappears. */
  private peil(name: string, help: string, labelNames: string[], vul: (g: Gauge) => Promise<void>): void {
    const gauge: Gauge = new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      collect: async () => {
        gauge.reset();
        await vul(gauge);
      },
    });
  }

  /** Prometheus text format of every series. */
  async metrics(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  // One query for both termijn gauges within a scrape (both collect() calls share it).
  private lopend?: Promise<Array<{ gemeente: string; due: string; late: string }>>;

  private termijnen(): Promise<Array<{ gemeente: string; due: string; late: string }>> {
    this.lopend ??= this.dataSource
      .query(
        // Lateness as src/modules/termijnen/te-laat.ts defines it (docs/te-laat.md), at KLOK's now.
        `select k.gemeente,
                count(*) filter (where not ${termijnTeLaat('t', 'k', '$1')}) as due,
                count(*) filter (where ${termijnTeLaat('t', 'k', '$1')}) as late
           from termijn t join klacht k on k.id = t.klacht_id
          where not k.done and ${openVerplichting('t')}
          group by k.gemeente`,
        [this.klok.nu()],
      )
      .finally(() => setImmediate(() => (this.lopend = undefined)));
    return this.lopend;
  }

  private async wekLatheid(): Promise<number> {
    const nu = this.klok.nu();
    const [{ oudste }] = (await this.dataSource.query(
      `select min(vervalt_op) as oudste from termijn where status = 'lopend' and verval_gemeld_op is null and vervalt_op <= $1`,
      [nu],
    )) as Array<{ oudste: Date | null }>;
    return oudste ? Math.max(0, (nu.getTime() - new Date(oudste).getTime()) / 1000) : 0;
  }

  private wachtrij(naam: string): Queue {
    let q = this.wachtrijen.get(naam);
    if (!q) {
      q = new Queue(naam, { connection: this.queueSettings.connection as ConnectionOptions, prefix: this.queueSettings.prefix });
      q.on('error', (e) => this.logger.warn(`Queue ${naam}: ${e.message}`));
      this.wachtrijen.set(naam, q);
    }
    return q;
  }

  /** Seconds the longest-waiting runnable job is past its due moment (0 when the queue keeps up). */
  private async wachtrijLag(naam: string): Promise<number> {
    const q = this.wachtrij(naam);
    const nu = Date.now(); // BullMQ stamps jobs with the wall clock, not KLOK
    const [wachtend] = await q.getJobs(['wait'], 0, 0, true);
    const [uitgesteld] = await q.getJobs(['delayed'], 0, 0, true);
    const sinds = [wachtend, uitgesteld].filter(Boolean).map((j) => j.timestamp + (j.opts.delay ?? j.delay ?? 0));
    return sinds.length ? Math.max(0, ...sinds.map((t) => (nu - t) / 1000)) : 0;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.wachtrijen.values()].map((q) => q.close().catch(() => undefined)));
  }
}
