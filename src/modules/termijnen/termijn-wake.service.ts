import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { TermijnJob } from '../../jobs/queues';
import type { KlachtEvent } from '../../machines/contract';
import { EngineService } from '../engine/engine.service';
import { KlachtNietGevondenError } from '../engine/engine.errors';
import { OutboxRelay } from '../outbox/outbox-relay.service';
import { OUTBOX_TYPES, type OutboxBericht } from '../outbox/outbox.types';
import { volgendeHerinnering } from './termijn-reconcile';
import { TermijnEntity } from './termijn.entity';

/** What a wake-up did: `stale` = the termijn moved, ended or already fired; `nog-niet` = not due yet. */
export type WakeUitkomst = 'verwerkt' | 'stale' | 'nog-niet';

export const SYSTEEM_ACTOR = 'systeem';

/**
 * What a termijn wake-up does, whoever delivers it (a BullMQ job, the sweep, a duplicate): it
 * re-reads PostgreSQL under the klacht's row lock and acts only if the termijn is still running
 * with the same revision, is due, and has not fired yet (design.md §5: stale wake-ups do nothing).
 */
@Injectable()
export class TermijnWakeService {
  private readonly logger = new Logger(TermijnWakeService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: EngineService,
    private readonly relay: OutboxRelay,
  ) {}

  /**
   * Expiry: sends TERMIJN_VERLOPEN through the regime (actor `systeem`) and escalates to
   * `escalatieNaar`. The termijn is marked fired even when the regime does not accept the event
   * in its current state: the deadline has passed either way, and it must not fire again.
   */
  async verval(job: TermijnJob, nu: Date = new Date()): Promise<WakeUitkomst> {
    const uitkomst = await this.dataSource.transaction(async (m) => {
      let klacht;
      try {
        klacht = await this.engine.vergrendel(m, job.klachtId);
      } catch (e) {
        if (e instanceof KlachtNietGevondenError) return 'stale' as const;
        throw e;
      }
      const termijn = await m.findOne(TermijnEntity, { where: { klachtId: job.klachtId, naam: job.termijnNaam, status: 'running' } });
      if (!termijn || termijn.revision !== job.revision || termijn.vervalGemeldOp) return 'stale' as const;
      if (termijn.vervaltOp.getTime() > nu.getTime()) return 'nog-niet' as const;

      const event: KlachtEvent = {
        type: 'TERMIJN_VERLOPEN',
        // The moment the termijn passed (end of its last day), not when the job happened to run.
        at: termijn.vervaltOp.toISOString(),
        actor: SYSTEEM_ACTOR,
        data: { termijn: termijn.naam },
      };
      const ctx = { actor: SYSTEEM_ACTOR, correlationId: `termijn.${termijn.id}.${termijn.revision}` };
      const basis = { klachtId: klacht.id, gemeente: klacht.gemeente, termijnId: termijn.id, naam: termijn.naam, label: termijn.label, vervaldatum: termijn.vervaldatum, revision: termijn.revision, at: event.at, correlationId: ctx.correlationId, verplichting: termijn.verplichting };
      const berichten: OutboxBericht[] = [{ klachtId: klacht.id, type: OUTBOX_TYPES.termijnVerlopen, payload: basis }];
      if (termijn.escalatieNaar) {
        berichten.push({ klachtId: klacht.id, type: OUTBOX_TYPES.termijnEscalatie, payload: { ...basis, naar: termijn.escalatieNaar, grondslag: termijn.grondslag, state: klacht.state } });
      }
      const result = this.engine.regimeVan(klacht).step(klacht.snapshot, event);
      if (result.accepted) {
        await this.engine.schrijfStap(m, klacht, klacht.state, event, result, ctx, berichten);
      } else {
        this.logger.log(`Klacht ${klacht.id}: TERMIJN_VERLOPEN (${termijn.naam}) niet van toepassing in ${klacht.state}: ${result.reason ?? ''}`);
        await OutboxRelay.schrijf(m, berichten);
      }
      // By id: the reconciliation may just have ended this row (status verlopen); mark it either way.
      await m.update(TermijnEntity, { id: termijn.id }, { vervalGemeldOp: nu });
      return 'verwerkt' as const;
    });
    if (uitkomst === 'verwerkt') this.relay.kick();
    return uitkomst;
  }

  /** A reminder: marked sent in the same transaction as its outbox row, so it fires once. */
  async herinnering(job: TermijnJob, nu: Date = new Date()): Promise<WakeUitkomst> {
    const uitkomst = await this.dataSource.transaction(async (m) => {
      try {
        await this.engine.vergrendel(m, job.klachtId);
      } catch (e) {
        if (e instanceof KlachtNietGevondenError) return 'stale' as const;
        throw e;
      }
      const termijn = await m.findOne(TermijnEntity, { where: { klachtId: job.klachtId, naam: job.termijnNaam, status: 'running' } });
      if (!termijn || termijn.revision !== job.revision) return 'stale' as const;
      const h = termijn.herinneringen.find((x) => x.naam === job.herinnering);
      if (!h || h.verzondenOp) return 'stale' as const;
      if (Date.parse(h.op) > nu.getTime()) return 'nog-niet' as const;
      h.verzondenOp = nu.toISOString();
      await m.update(
        TermijnEntity,
        { id: termijn.id },
        { herinneringen: termijn.herinneringen, volgendeHerinneringOp: volgendeHerinnering(termijn.herinneringen) },
      );
      await OutboxRelay.schrijf(m, [
        {
          klachtId: job.klachtId,
          type: OUTBOX_TYPES.termijnHerinnering,
          payload: {
            klachtId: job.klachtId,
            termijnId: termijn.id,
            naam: termijn.naam,
            label: termijn.label,
            vervaldatum: termijn.vervaldatum,
            revision: termijn.revision,
            herinnering: h.naam,
            naar: h.naar,
            datum: h.datum,
          },
        },
      ]);
      return 'verwerkt' as const;
    });
    if (uitkomst === 'verwerkt') this.relay.kick();
    return uitkomst;
  }
}
