import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { KLOK, systeemKlok, type Klok } from '../../common/klok';
import type { TermijnJob } from '../../jobs/queues';
import type { KlachtEvent, StepResult, TermijnView } from '../../machines/contract';
import { klokVan } from '../../machines/regime';
import { EngineService } from '../engine/engine.service';
import { KlachtNietGevondenError } from '../engine/engine.errors';
import type { KlachtEntity } from '../klachten/klacht.entity';
import { importBezig } from '../import/import-bezig';
import { OutboxRelay } from '../outbox/outbox-relay.service';
import { eersteVervalSql, isOpgeschort } from './te-laat';
import { OUTBOX_TYPES, type OutboxBericht } from '../outbox/outbox.types';
import {
  herinneringAfgehandeld,
  termijnGeplandBericht,
  termijnVelden,
  termijnVoor,
  vervaltOpVolgensRegime,
  volgendeHerinnering,
} from './termijn-reconcile';
import { TermijnEntity } from './termijn.entity';
import { vervalMoment } from './verloop-vooraf';
import { inVervalVolgorde } from './verval-volgorde';
import { naarEntiteit } from '../../database/rij-naar-entiteit';

/**
 * What a wake-up did: `stale` = the termijn moved, ended or already fired; `nog-niet` = not due yet; `import-bezig` = the
 * klacht is being imported, whose import fires its termijnen itself (docs/import.md): for the worker the same as stale.
 */
export type WakeUitkomst = 'verwerkt' | 'stale' | 'nog-niet' | 'import-bezig';

export const SYSTEEM_ACTOR = 'systeem';

/** Safety bound on the steps of one catch-up (a klacht has a handful of termijnen). */
const MAX_INHAALSTAPPEN = 50;

/**
 * What a termijn wake-up does, whoever delivers it (a BullMQ job, the sweep, a duplicate): it
 * re-reads PostgreSQL under the klacht's row lock and acts only if the termijn is still running
 * with the same revision, is due, and has not fired yet (docs/adr/0004-durable-klacht-engine.md: stale wake-ups do nothing).
 */
@Injectable()
export class TermijnWakeService {
  private readonly logger = new Logger(TermijnWakeService.name);
  private readonly klok: Klok;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: EngineService,
    private readonly relay: OutboxRelay,
    // Whether a wake-up is due is asked of KLOK, the clock the lists call a termijn te laat by (src/common/klok.ts),
    // never of the wall clock. Optional: the bench builds the service without the app (system clock).
    @Optional() @Inject(KLOK) klok?: Klok,
  ) {
    this.klok = klok ?? systeemKlok;
  }

  /**
   * Expiry of one termijn, with catch-up in order: under the klacht's row lock every running termijn
   * of the klacht that is due at or before this one's due moment fires first, in order of due moment
   * (ties by name), each as its own step. Overdue termijnen (after downtime, a backdated intake or a
   * late registration) therefore reach the regime in the order they passed, whatever order the queue
   * or the sweep delivers their wake-ups in; their own wake-ups then find them fired and do nothing.
   * A stale wake-up (termijn met, moved to a new revision, cancelled, or already fired) does nothing.
   */
  async verval(job: TermijnJob, nu: Date = this.klok.nu(), opties: { import?: boolean } = {}): Promise<WakeUitkomst> {
    // READ COMMITTED, as every engine transaction (ADR 0009): the termijn rows read after the klacht lock, which decide
    // what fires and what the step writes, must be those the lock's previous holder committed.
    const uitkomst = await this.dataSource.transaction('READ COMMITTED', async (m) => {
      let klacht: KlachtEntity;
      try {
        klacht = await this.engine.vergrendel(m, job.klachtId);
      } catch (e) {
        if (e instanceof KlachtNietGevondenError) return 'stale' as const;
        throw e;
      }
      // Being imported (docs/import.md): the import fires its termijnen at their historic moments itself (opties.import).
      if (!opties.import && (await importBezig(m, klacht.id))) return 'import-bezig' as const;
      // With this termijn's due moment at the database's precision (microseconds; a Date keeps milliseconds),
      // fixed before the first step: a step may move this termijn, not the moment it was due.
      const [rij] = (await m.query(
        `SELECT *, to_char(vervalt_op AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS grens
         FROM termijn WHERE klacht_id = $1 AND naam = $2 AND status = 'lopend'`,
        [job.klachtId, job.termijnNaam],
      )) as Array<Record<string, unknown> & { grens: string }>;
      const termijn = rij ? naarEntiteit(this.dataSource, TermijnEntity, rij) : null;
      if (!termijn || termijn.revision !== job.revision || termijn.vervalGemeldOp) return 'stale' as const;
      if (termijn.vervaltOp.getTime() > nu.getTime()) return 'nog-niet' as const;
      const grens = rij.grens;
      // Re-read after every step: a step may end, move or start termijnen (a termijn it starts that is
      // already due before this one's moment fires in its turn).
      for (let stap = 0; ; stap++) {
        // Due order, ties by name in code-point order (verval-volgorde.ts): the dry runs' order, whatever the collation.
        const volgende = await inVervalVolgorde(
          m
            .createQueryBuilder(TermijnEntity, 't')
            .where("t.klachtId = :klachtId AND t.status = 'lopend' AND t.vervalGemeldOp IS NULL AND t.vervaltOp <= :grens", {
              klachtId: klacht.id,
              grens,
            }),
          't',
        )
          .limit(1)
          .getOne();
        if (!volgende) break;
        if (stap >= MAX_INHAALSTAPPEN) {
          // A regime that keeps starting already-due termijnen: stop here; the rest stays due for the next wake-up.
          this.logger.error(
            `Klacht ${klacht.id}: more than ${MAX_INHAALSTAPPEN} overdue termijnen in one catch-up; the rest follows on the next wake-up`,
          );
          break;
        }
        await this.meldVerval(m, klacht, volgende, nu);
      }
      return 'verwerkt' as const;
    });
    if (uitkomst === 'verwerkt') this.relay.kick();
    return uitkomst;
  }

  /**
   * Sends TERMIJN_VERLOPEN for one due termijn through the regime (actor `systeem`) and escalates to
   * `escalatieNaar`. The termijn is marked fired even when the regime does not accept the event in
   * its current state: the deadline has passed either way, and it must not fire again. Unless the regime runs it to a
   * later day than its row (werkBij): then it has not passed.
   */
  private async meldVerval(m: EntityManager, klacht: KlachtEntity, termijn: TermijnEntity, nu: Date): Promise<void> {
    const { event, result, later } = this.vraagVerval(klacht, termijn);
    const ctx = { actor: SYSTEEM_ACTOR, correlationId: `termijn.${termijn.id}.${termijn.revision}` };
    const basis = {
      klachtId: klacht.id,
      gemeente: klacht.gemeente,
      termijnId: termijn.id,
      naam: termijn.naam,
      voor: termijnVoor(termijn),
      label: termijn.label,
      vervaldatum: termijn.vervaldatum,
      revision: termijn.revision,
      at: event.at,
      correlationId: ctx.correlationId,
      verplichting: termijn.verplichting,
    };
    const berichten: OutboxBericht[] = [{ klachtId: klacht.id, type: OUTBOX_TYPES.termijnVerlopen, payload: basis }];
    if (termijn.escalatieNaar) {
      berichten.push({
        klachtId: klacht.id,
        type: OUTBOX_TYPES.termijnEscalatie,
        payload: { ...basis, naar: termijn.escalatieNaar, grondslag: termijn.grondslag, state: klacht.state },
      });
    }
    if (result.accepted) {
      // Mutates `klacht` (snapshot, state): the next termijn of the catch-up steps from here. The row is
      // marked fired in the step's own statement, whatever the reconciliation does with it (status verlopen).
      await this.engine.schrijfStap(m, klacht, klacht.state, event, result, ctx, berichten, {
        id: termijn.id,
        velden: { vervalGemeldOp: nu },
      });
    } else {
      // The regime still runs this termijn to a later last day than its row says: the row was written under a calendar
      // the service no longer has (a decree day added since, Algemene termijnenwet art. 3 lid 3; a corrected holiday).
      // It has not passed: the row takes the regime's day and a new wake-up, and nothing is announced or escalated.
      if (later && !isOpgeschort(termijn.mutaties)) {
        // Moved now (its `at`: the moment of the correction, not the expiry that did not happen).
        await this.werkBij(m, klacht, termijn, later, { ...basis, at: nu.toISOString(), event: event.type, actor: SYSTEEM_ACTOR });
        return;
      }
      this.logger.log(
        `Klacht ${klacht.id}: TERMIJN_VERLOPEN (${termijn.naam}) niet van toepassing in ${klacht.state}: ${result.reason ?? ''}`,
      );
      // A suspended termijn does not pass (docs/juridisch-kader.md §6): nothing to announce or escalate. HERVATTEN
      // gives it a new due moment, and a new wake-up.
      if (!isOpgeschort(termijn.mutaties)) await OutboxRelay.schrijf(m, berichten);
      // Marked either way: the deadline has passed, it must not fire again.
      await m.update(TermijnEntity, { id: termijn.id }, { vervalGemeldOp: nu });
    }
  }

  /**
   * Whether a termijn has passed, asked of the regime: TERMIJN_VERLOPEN at the row's due moment, stepped on the klacht
   * (stored only by the expiry). `vervaltOp` is when it passes as the regime counts it (vervaltOpVolgensRegime), `later`
   * the regime's view of it when that is later than the row's day (the row is behind: werkBij). The expiry and the
   * reminder ask this one question.
   */
  private vraagVerval(
    klacht: KlachtEntity,
    termijn: TermijnEntity,
  ): { event: KlachtEvent; result: StepResult; vervaltOp: Date; later?: TermijnView } {
    const event: KlachtEvent = {
      type: 'TERMIJN_VERLOPEN',
      at: vervalMoment(termijn.vervaltOp, klokVan(klacht.snapshot)).toISOString(),
      actor: SYSTEEM_ACTOR,
      data: { termijn: termijn.naam },
    };
    const result = this.engine.regimeVan(klacht).step(klacht.snapshot, event);
    const vervaltOp = vervaltOpVolgensRegime(termijn, result.accepted ? undefined : result.termijnen);
    const later = vervaltOp.getTime() > termijn.vervaltOp.getTime() ? result.termijnen.find((v) => v.naam === termijn.naam) : undefined;
    return { event, result, vervaltOp, ...(later ? { later } : {}) };
  }

  /** Moves a termijn row to the regime's view of it (new revision, so the old wake-ups are stale) and plans its wake-ups. */
  private async werkBij(
    m: EntityManager,
    klacht: KlachtEntity,
    termijn: TermijnEntity,
    view: TermijnView,
    basis: Record<string, unknown>,
  ): Promise<void> {
    const velden = termijnVelden(view, termijn.herinneringen);
    const revision = termijn.revision + 1;
    await m.update(TermijnEntity, { id: termijn.id }, { ...velden, revision, vervalGemeldOp: null });
    // The klacht's first open due moment (te laat) follows its rows, as after every step.
    await m.query(`UPDATE klacht k SET eerste_vervalt_op = ${eersteVervalSql('k')} WHERE k.id = $1`, [klacht.id]);
    await OutboxRelay.schrijf(m, [termijnGeplandBericht(klacht.id, basis, { ...velden, id: termijn.id, revision, voor: termijn.voor })]);
    this.logger.warn(
      `Klacht ${klacht.id}: termijn ${termijn.naam} stood on ${termijn.vervaldatum}, the regime now gives ${velden.vervaldatum} ` +
        `(the calendar changed since the row was written); moved to revision ${revision}, not expired`,
    );
  }

  /** A reminder: marked sent in the same transaction as its outbox row, so it fires once. */
  async herinnering(job: TermijnJob, nu: Date = this.klok.nu()): Promise<WakeUitkomst> {
    // READ COMMITTED (ADR 0009): whether the reminder was sent is read after the klacht lock, from the committed row.
    const uitkomst = await this.dataSource.transaction('READ COMMITTED', async (m) => {
      let klacht: KlachtEntity;
      try {
        klacht = await this.engine.vergrendel(m, job.klachtId);
      } catch (e) {
        if (e instanceof KlachtNietGevondenError) return 'stale' as const;
        throw e;
      }
      if (await importBezig(m, job.klachtId)) return 'stale' as const;
      const termijn = await m.findOne(TermijnEntity, { where: { klachtId: job.klachtId, naam: job.termijnNaam, status: 'lopend' } });
      if (!termijn || termijn.revision !== job.revision) return 'stale' as const;
      const h = termijn.herinneringen.find((x) => x.naam === job.herinnering);
      if (!h || herinneringAfgehandeld(h)) return 'stale' as const;
      const bewaar = () =>
        m.update(
          TermijnEntity,
          { id: termijn.id },
          { herinneringen: termijn.herinneringen, volgendeHerinneringOp: volgendeHerinnering(termijn.herinneringen, termijn.mutaties) },
        );
      // Suspended (Klachtenprotocol Wmo keten Amsterdam §6): no last day to remind of (volgendeHerinnering). Neither sent
      // nor marked: a hervatting that leaves the last day where it was keeps this reminder, which then still comes; one
      // that moves it gives a new reminder and a new revision. A row written before this rule stops naming it.
      if (isOpgeschort(termijn.mutaties)) {
        if (termijn.volgendeHerinneringOp !== null) await bewaar();
        return 'stale' as const;
      }
      if (Date.parse(h.op) > nu.getTime()) return 'nog-niet' as const;
      // A reminder is there so the termijn can still be met (Awb 9:11; Klachtenprotocol Wmo keten). One whose wake-up comes
      // only after the termijn has passed (the worker was down over both, a klacht registered late: the queue then runs the
      // earlier reminder before the expiry) would announce a last day already gone: skipped, never sent. Passed as the expiry
      // judges it (vraagVerval): by the regime's last day when the row stands on an older one (Algemene termijnenwet
      // art. 3 lid 3), so a termijn the expiry would find still running gets its reminder, naming the regime's day.
      const regime = termijn.vervaltOp.getTime() <= nu.getTime() ? this.vraagVerval(klacht, termijn) : undefined;
      if (regime && regime.vervaltOp.getTime() <= nu.getTime()) {
        h.overgeslagenOp = nu.toISOString();
        await bewaar();
        this.logger.log(`Klacht ${job.klachtId}: herinnering ${h.naam} van ${termijn.naam} niet verzonden: de termijn is al verstreken`);
        return 'stale' as const;
      }
      h.verzondenOp = nu.toISOString();
      await bewaar();
      await OutboxRelay.schrijf(m, [
        {
          klachtId: job.klachtId,
          type: OUTBOX_TYPES.termijnHerinnering,
          payload: {
            klachtId: job.klachtId,
            termijnId: termijn.id,
            naam: termijn.naam,
            voor: termijnVoor(termijn),
            label: termijn.label,
            vervaldatum: regime?.later?.vervaldatum ?? termijn.vervaldatum,
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
