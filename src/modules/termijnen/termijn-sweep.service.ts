import { EenTegelijk } from '../../common/een-tegelijk';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { KLOK, systeemKlok, type Klok } from '../../common/klok';
import { APP_CONFIG, type AppConfig } from '../../config';
import { OutboxRelay } from '../outbox/outbox-relay.service';
import { TermijnEntity } from './termijn.entity';
import { herinneringAfgehandeld } from './termijn-reconcile';
import { TermijnScheduler } from './termijn-scheduler.service';
import { TermijnWakeService } from './termijn-wake.service';
import { inVervalVolgorde } from './verval-volgorde';

const SWEEP_BATCH = 200;

/**
 * The safety net under the queue (docs/adr/0004-durable-klacht-engine.md): every SWEEP_INTERVAL_MS it finds termijnen and
 * reminders that are due but have not fired, straight from PostgreSQL, and fires them through the
 * same idempotent wake-up path; it also drains the outbox. On boot it rebuilds all delayed jobs
 * from the `termijn` table, so losing Redis (FLUSHALL, failover) loses nothing.
 */
@Injectable()
export class TermijnSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TermijnSweep.name);
  private timer?: NodeJS.Timeout;
  private readonly eenTegelijk = new EenTegelijk('Termijn sweep', this.logger);
  private gestopt = false;
  private readonly klok: Klok;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly wake: TermijnWakeService,
    private readonly scheduler: TermijnScheduler,
    private readonly relay: OutboxRelay,
    // Which termijnen are due is asked of KLOK, the clock the lists call them te laat by (src/common/klok.ts); the
    // interval between sweeps is wall time. Optional: the bench builds a sweep without the app (system clock).
    @Optional() @Inject(KLOK) klok?: Klok,
  ) {
    this.klok = klok ?? systeemKlok;
  }

  async onApplicationBootstrap(): Promise<void> {
    const n = await this.scheduler.rebuild();
    this.logger.log(`Rebuilt ${n} termijn wake-up(s) from the termijn table`);
    this.relay.kick();
    this.timer = setInterval(() => void this.sweepOnce(), this.config.sweepIntervalMs);
    this.timer.unref();
  }

  /** One sweep; concurrent calls share the running one. Returns when it has finished. */
  sweepOnce(nu?: Date): Promise<void> {
    return this.eenTegelijk.run(() => this.sweep(nu ?? this.klok.nu()));
  }

  private async sweep(nu: Date): Promise<void> {
    const repo = this.dataSource.getRepository(TermijnEntity);
    // Due order, ties by name in code-point order: the order the wake-up's catch-up fires one klacht's termijnen in
    // (verval-volgorde.ts), so the sweep hands over their wake-ups in that order whatever the database's collation.
    const verlopen = await inVervalVolgorde(
      repo.createQueryBuilder('t').where("t.status = 'lopend' AND t.vervalGemeldOp IS NULL AND t.vervaltOp <= :nu", { nu }),
      't',
    )
      .limit(SWEEP_BATCH)
      .getMany();
    let mislukt = 0;
    for (const t of verlopen) {
      if (this.gestopt) return;
      if (
        !(await this.geisoleerd(t, () =>
          this.wake.verval({ klachtId: t.klachtId, termijnNaam: t.naam, revision: t.revision, kind: 'verval' }, nu),
        ))
      )
        mislukt++;
    }
    const herinneringen = await repo
      .createQueryBuilder('t')
      .where("t.status = 'lopend' AND t.volgendeHerinneringOp <= :nu", { nu })
      .orderBy('t.volgendeHerinneringOp', 'ASC')
      .limit(SWEEP_BATCH)
      .getMany();
    for (const t of herinneringen) {
      for (const h of t.herinneringen) {
        if (this.gestopt) return;
        if (herinneringAfgehandeld(h) || Date.parse(h.op) > nu.getTime()) continue;
        const ok = await this.geisoleerd(t, () =>
          this.wake.herinnering(
            { klachtId: t.klachtId, termijnNaam: t.naam, revision: t.revision, kind: 'herinnering', herinnering: h.naam },
            nu,
          ),
        );
        if (!ok) mislukt++;
      }
    }
    // Wake-ups coming within the horizon go into the queue now (ADR 0006), also those a lost Redis dropped.
    try {
      await this.scheduler.planHorizon(nu);
    } catch (e) {
      this.logger.warn(`Sweep: queueing the wake-ups within the horizon failed, next sweep retries: ${(e as Error).message}`);
    }
    if (verlopen.length + herinneringen.length > 0) {
      this.logger.log(
        `Sweep fired ${verlopen.length} termijn(en) and checked ${herinneringen.length} reminder row(s) that the queue had not` +
          (mislukt ? `; ${mislukt} failed and stay due` : ''),
      );
    }
    this.relay.kick();
  }

  /**
   * One klacht that cannot be woken (a corrupt snapshot, a definition version that is gone) must not
   * hold up every other klacht's termijn behind it: it is logged, stays due, and is tried again next sweep.
   */
  private async geisoleerd(t: TermijnEntity, wek: () => Promise<unknown>): Promise<boolean> {
    try {
      await wek();
      return true;
    } catch (e) {
      this.logger.error(`Sweep: termijn ${t.naam} of klacht ${t.klachtId} could not be woken: ${(e as Error).message}`);
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.gestopt = true;
    if (this.timer) clearInterval(this.timer);
    await this.eenTegelijk.klaar();
  }
}
