import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { CompiledRegime, IntakeInput, KlachtEvent, RegistratieWaarden, StepResult } from '../../machines/contract';
import { OORDELEN } from '../../machines/compiler/gebeurtenissen';
import { KlachtGebeurtenisEntity } from '../klachten/klacht-gebeurtenis.entity';
import { KlachtEntity } from '../klachten/klacht.entity';
import { OutboxRelay } from '../outbox/outbox-relay.service';
import { OUTBOX_TYPES, type OutboxBericht } from '../outbox/outbox.types';
import { geslotenDoorStap } from '../termijnen/nakoming';
import { eersteVervalSql, isVerplichting } from '../termijnen/te-laat';
import { planTermijnen, type LopendeTermijn, type TermijnVelden } from '../termijnen/termijn-reconcile';
import { dagVan } from '../termijnen/termijn-tijd';
import { TermijnEntity } from '../termijnen/termijn.entity';
import {
  DefinitieOntbreektError,
  GebeurtenisDataOngeldigError,
  GebeurtenisNietToegestaanError,
  GeenDefinitieError,
  IntakeGeweigerdError,
  KlachtNietGevondenError,
  FeitenOngeldigError,
  RegistratieOngeldigError,
} from './engine.errors';
import { REGIME_BRON, type RegimeBron } from './regime-bron';
import { claimSleutel, legResultaatVast } from '../idempotency/idempotentie-context';

/** Who caused a change, and the request or job it belongs to (both go into history and outbox). */
export interface EngineContext {
  actor: string;
  correlationId?: string;
}

export interface EngineResultaat {
  klacht: KlachtEntity;
  result: StepResult;
}

/** Event type recorded in history for the intake (docs/adr/0004-durable-klacht-engine.md names it as the first event). */
export const INTAKE_EVENT = 'KLACHT_ONTVANGEN';

/** Event type recorded in history when only the registration of a klacht changes (PATCH .../registratie). */
export const REGISTRATIE_EVENT = 'REGISTRATIE_GEWIJZIGD';

type RegistratieKolommen = Partial<Pick<KlachtEntity, 'categorie' | 'oorzaak' | 'afdoening' | 'oordeel' | 'tevredenheid' | 'maatregelen'>>;

/**
 * The klacht's columns for registered values ("Uitgangspunten klachtenmanagement Sociaal Domein
 * Stichtse Vecht" art. 11.1: aard, oorzaak, afwikkeling, maatregelen; "Klachtenprotocol Wmo keten
 * Amsterdam" §5A: tevredenheid). Aard lives in `categorie`, afwikkeling in `afdoening`.
 */
export function registratieKolommen(w: RegistratieWaarden): RegistratieKolommen {
  return {
    ...(w.aard !== undefined ? { categorie: w.aard } : {}),
    ...(w.oorzaak !== undefined ? { oorzaak: w.oorzaak } : {}),
    ...(w.afwikkeling !== undefined ? { afdoening: w.afwikkeling } : {}),
    ...(w.maatregelen !== undefined ? { maatregelen: w.maatregelen } : {}),
    ...(w.tevredenheid !== undefined ? { tevredenheid: w.tevredenheid } : {}),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The durable engine (docs/architecture.md §1): every change to a klacht is ONE transaction that locks the
 * row, steps the pure regime, and writes snapshot + history + termijnen + outbox together.
 * Side effects happen only after commit, through the outbox relay. Concurrent events on one
 * klacht serialise on the row lock (`SELECT ... FOR UPDATE`), also across processes.
 */
@Injectable()
export class EngineService {
  private readonly logger = new Logger(EngineService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REGIME_BRON) private readonly regimes: RegimeBron,
    private readonly relay: OutboxRelay,
  ) {}

  /** Intake: start the regime in force for the gemeente on the day of receipt. */
  async create(intake: IntakeInput, ctx: EngineContext, registratie?: unknown): Promise<EngineResultaat> {
    const dag = dagVan(new Date(intake.ontvangenOp));
    const regime = this.regimes.forGemeente(intake.gemeente, dag);
    if (!regime) throw new GeenDefinitieError(intake.gemeente, dag);
    // Checked against the lists of the version this klacht will be pinned to; wrong values store nothing.
    const reg = regime.controles
      ? regime.controles.controleerRegistratie(registratie, 'registratie')
      : {
          waarden: {},
          fouten:
            registratie === undefined
              ? []
              : [
                  {
                    name: 'registratie',
                    reason: `de klachtregeling ${regime.summary.id} (versie ${regime.summary.versie}) kent geen registratie`,
                  },
                ],
        };
    if (reg.fouten.length) throw new RegistratieOngeldigError(reg.fouten);
    // AVG art. 5 lid 1 sub c: only the facts this version's regeling asks about, each of its declared kind.
    const feitenFouten = regime.controles?.controleerFeiten(intake.feiten) ?? [];
    if (feitenFouten.length) throw new FeitenOngeldigError(feitenFouten);
    const result = regime.start(intake);
    if (!result.accepted) throw new IntakeGeweigerdError(result.reason ?? 'De klachtregeling weigert deze intake.');
    const klacht = await this.dataSource.transaction(async (m) => {
      // Idempotency-Key: claimed first, in this transaction (a retry of a committed intake replays it).
      await claimSleutel(m);
      const id = randomUUID();
      await m.insert(KlachtEntity, {
        id,
        gemeente: intake.gemeente,
        definitieId: regime.summary.id,
        definitieVersie: regime.summary.versie,
        snapshot: result.snapshot as object,
        state: result.state,
        // Time in state starts at receipt (the intake event's `at`).
        stateSinds: new Date(intake.ontvangenOp),
        done: result.done,
        volgendeEvents: result.volgendeEvents,
        soort: intake.soort ?? 'klacht',
        kanaal: intake.kanaal,
        ontvangenOp: new Date(intake.ontvangenOp),
        ingediendBij: intake.ingediendBij,
        onderwerp: intake.onderwerp ?? null,
        aanbieders: intake.aanbieders,
        feiten: intake.feiten,
        ...registratieKolommen(reg.waarden),
      });
      const row = await m.findOneByOrFail(KlachtEntity, { id });
      // The registration given at intake goes into the history too (who registered what, and when).
      const metRegistratie = Object.keys(reg.waarden).length ? { registratie: reg.waarden } : {};
      const event: KlachtEvent = { type: INTAKE_EVENT, at: intake.ontvangenOp, data: { ...intake, ...metRegistratie } };
      await this.schrijfStap(m, row, null, event, result, ctx, [
        { klachtId: id, type: OUTBOX_TYPES.klachtOntvangen, payload: this.basis(row, event, ctx) },
      ]);
      await legResultaatVast(m, { klachtId: id });
      return row;
    });
    this.relay.kick();
    return { klacht, result };
  }

  /**
   * Applies one event. Wrong data for an event that fits the state: GebeurtenisDataOngeldigError
   * (the fields, HTTP 422). Refused by the regime: GebeurtenisNietToegestaanError (409). Either way the
   * transaction writes nothing (no history row either; the refusal is logged).
   */
  async apply(klachtId: string, event: KlachtEvent, ctx: EngineContext): Promise<EngineResultaat> {
    const uit = await this.dataSource.transaction(async (m) => {
      await claimSleutel(m);
      const row = await this.vergrendel(m, klachtId);
      const regime = this.regimeVan(row);
      // Wrong data for an event that fits the state is a field error (422), not a refusal (409).
      const fouten = regime.controles?.controleerGebeurtenis(row.snapshot, event) ?? [];
      if (fouten.length) {
        this.logger.log(`Klacht ${klachtId}: ${event.type} met ongeldige data: ${fouten.map((f) => f.name).join(', ')}`);
        throw new GebeurtenisDataOngeldigError(event.type, fouten);
      }
      const result = regime.step(row.snapshot, { ...event, actor: event.actor ?? ctx.actor });
      if (!result.accepted) {
        this.logger.log(`Klacht ${klachtId}: ${event.type} geweigerd in ${row.state}: ${result.reason ?? ''}`);
        throw new GebeurtenisNietToegestaanError(
          event.type,
          result.reason ?? `De gebeurtenis ${event.type} is nu niet toegestaan.`,
          row.state,
          row.volgendeEvents,
        );
      }
      await this.schrijfStap(m, row, row.state, event, result, ctx);
      await legResultaatVast(m, { klachtId: row.id });
      return { klacht: row, result };
    });
    this.relay.kick();
    return uit;
  }

  /**
   * What `apply` would do, without writing anything (the /beheer klacht page shows the consequences,
   * such as a new due date with its explanation, before the behandelaar submits): the same data check
   * and the same pure regime step, on the stored snapshot, outside any transaction.
   */
  async proef(klachtId: string, event: KlachtEvent, ctx: EngineContext): Promise<{ klacht: KlachtEntity; result: StepResult }> {
    if (!UUID.test(klachtId)) throw new KlachtNietGevondenError(klachtId);
    const row = await this.dataSource.getRepository(KlachtEntity).findOneBy({ id: klachtId });
    if (!row) throw new KlachtNietGevondenError(klachtId);
    const regime = this.regimeVan(row);
    const fouten = regime.controles?.controleerGebeurtenis(row.snapshot, event) ?? [];
    if (fouten.length) throw new GebeurtenisDataOngeldigError(event.type, fouten);
    const result = regime.step(row.snapshot, { ...event, actor: event.actor ?? ctx.actor });
    if (!result.accepted) {
      throw new GebeurtenisNietToegestaanError(
        event.type,
        result.reason ?? `De gebeurtenis ${event.type} is nu niet toegestaan.`,
        row.state,
        row.volgendeEvents,
      );
    }
    return { klacht: row, result };
  }

  /**
   * Changes only the registration of a klacht (aard, oorzaak, afwikkeling, maatregelen,
   * tevredenheid), also after it is closed: a behandelaar often classifies later. Checked against the
   * lists of the klacht's pinned definition version; one history row records who changed what.
   */
  async registreer(klachtId: string, registratie: unknown, at: string, ctx: EngineContext): Promise<KlachtEntity> {
    return this.dataSource.transaction(async (m) => {
      const row = await this.vergrendel(m, klachtId);
      const controles = this.regimeVan(row).controles;
      const r = controles?.controleerRegistratie(registratie, 'registratie') ?? {
        waarden: {},
        fouten: [
          { name: 'registratie', reason: `de klachtregeling ${row.definitieId} (versie ${row.definitieVersie}) kent geen registratie` },
        ],
      };
      if (r.fouten.length) throw new RegistratieOngeldigError(r.fouten);
      const kolommen = registratieKolommen(r.waarden);
      if (Object.keys(kolommen).length === 0) {
        throw new RegistratieOngeldigError([
          { name: 'registratie', reason: 'geef minstens één van aard, oorzaak, afwikkeling, maatregelen, tevredenheid' },
        ]);
      }
      await m
        .createQueryBuilder()
        .update(KlachtEntity)
        .set({ ...kolommen, version: () => 'version + 1' })
        .where('id = :id', { id: row.id })
        .execute();
      Object.assign(row, kolommen, { version: row.version + 1 });
      await m.insert(KlachtGebeurtenisEntity, {
        klachtId: row.id,
        type: REGISTRATIE_EVENT,
        vanState: row.state,
        naarState: row.state,
        actor: ctx.actor,
        at: new Date(at),
        correlationId: ctx.correlationId ?? null,
        payload: { registratie: r.waarden },
        accepted: true,
      } as QueryDeepPartialEntity<KlachtGebeurtenisEntity>);
      return row;
    });
  }

  /** Locks the klacht row for the rest of the transaction (lock order: klacht, then its termijnen). */
  async vergrendel(m: EntityManager, klachtId: string): Promise<KlachtEntity> {
    if (!UUID.test(klachtId)) throw new KlachtNietGevondenError(klachtId);
    const row = await m.createQueryBuilder(KlachtEntity, 'k').setLock('pessimistic_write').where('k.id = :id', { id: klachtId }).getOne();
    if (!row) throw new KlachtNietGevondenError(klachtId);
    return row;
  }

  regimeVan(row: Pick<KlachtEntity, 'definitieId' | 'definitieVersie'>): CompiledRegime {
    const regime = this.regimes.byId(row.definitieId, row.definitieVersie);
    if (!regime) throw new DefinitieOntbreektError(row.definitieId, row.definitieVersie);
    return regime;
  }

  /**
   * Writes an accepted step inside the caller's transaction (the caller holds the row lock):
   * klacht row, history, termijn reconciliation and outbox rows. Mutates `row` to the new state.
   */
  async schrijfStap(
    m: EntityManager,
    row: KlachtEntity,
    vanState: string | null,
    event: KlachtEvent,
    result: StepResult,
    ctx: EngineContext,
    extra: OutboxBericht[] = [],
  ): Promise<void> {
    // The snapshot before this step: to ask the regime whether the step meets a passed obligation.
    const vorigeSnapshot = vanState === null ? null : row.snapshot;
    // Only documented registration (data.registratie, checked against the definition's lists, and
    // tevredenheid from KLAGER_TEVREDEN / KLAGER_ONTEVREDEN) and the Awb 9:12 oordeel reach the columns.
    const registratie: RegistratieKolommen =
      vanState === null ? {} : registratieKolommen(this.regimeVan(row).controles?.registratieVan(event) ?? {});
    const oordeel = event.data?.oordeel;
    if (vanState !== null && typeof oordeel === 'string' && (OORDELEN as readonly string[]).includes(oordeel))
      registratie.oordeel = oordeel;
    if (vanState !== null) {
      // Time in state restarts only when the state changes (an event within the state keeps it).
      const sinds = vanState !== result.state ? { stateSinds: new Date(event.at) } : {};
      await m
        .createQueryBuilder()
        .update(KlachtEntity)
        .set({
          snapshot: result.snapshot as object,
          state: result.state,
          done: result.done,
          volgendeEvents: result.volgendeEvents,
          ...sinds,
          ...registratie,
          version: () => 'version + 1',
        })
        .where('id = :id', { id: row.id })
        .execute();
      Object.assign(row, registratie, sinds, {
        snapshot: result.snapshot,
        state: result.state,
        done: result.done,
        volgendeEvents: result.volgendeEvents,
        version: row.version + 1,
      });
    }

    await m.insert(KlachtGebeurtenisEntity, {
      klachtId: row.id,
      type: event.type,
      vanState,
      naarState: result.state,
      actor: event.actor ?? ctx.actor,
      at: new Date(event.at),
      correlationId: ctx.correlationId ?? null,
      payload: event.data ?? {},
      accepted: true,
    } as QueryDeepPartialEntity<KlachtGebeurtenisEntity>);

    const berichten: OutboxBericht[] = [...extra];
    const basis = this.basis(row, event, ctx);
    if (vanState !== null && vanState !== result.state) {
      berichten.push({
        klachtId: row.id,
        type: OUTBOX_TYPES.statusGewijzigd,
        payload: { ...basis, van: vanState, naar: result.state, done: result.done },
      });
    }
    berichten.push(...(await this.verzoenTermijnen(m, row, vorigeSnapshot, event, result, basis)));
    for (const intent of result.intents) {
      berichten.push({ klachtId: row.id, type: `${OUTBOX_TYPES.intent}${intent.type}`, payload: { ...basis, intent } });
    }
    await OutboxRelay.schrijf(m, berichten);
  }

  private async verzoenTermijnen(
    m: EntityManager,
    row: KlachtEntity,
    vorigeSnapshot: unknown,
    event: KlachtEvent,
    result: StepResult,
    basis: Record<string, unknown>,
  ): Promise<OutboxBericht[]> {
    const alle = await m.find(TermijnEntity, { where: { klachtId: row.id } });
    const lopend = alle.filter((t) => t.status === 'lopend');
    // Passed obligations still open (te laat) before this step: te-laat.ts.
    const openVerlopen = alle.filter((t) => t.status === 'verlopen' && t.verplichting && t.geslotenOp === null);
    const maxRevisie: Record<string, number> = {};
    for (const t of alle) maxRevisie[t.naam] = Math.max(maxRevisie[t.naam] ?? 0, t.revision);
    const plan = planTermijnen(lopend as LopendeTermijn[], maxRevisie, result.termijnen, event);
    const berichten: OutboxBericht[] = [];
    const gepland = (t: { id: string; revision: number } & TermijnVelden) => ({
      klachtId: row.id,
      type: OUTBOX_TYPES.termijnGepland,
      payload: {
        ...basis,
        termijnId: t.id,
        naam: t.naam,
        label: t.label,
        revision: t.revision,
        vervaldatum: t.vervaldatum,
        vervaltOp: t.vervaltOp.toISOString(),
        uitleg: t.uitleg,
        herinneringen: t.herinneringen,
      },
    });

    // Ended first, so the unique (klacht, naam) index for running rows is free for a restart.
    for (const e of plan.beeindigd) {
      // Passed by its own TERMIJN_VERLOPEN: the obligation stays open (te laat) until a later step meets it.
      // Ended by any other event after its last day: met late by that event, closed at once.
      const nogOpen = e.status === 'verlopen' && event.type === 'TERMIJN_VERLOPEN' && event.data?.termijn === e.naam;
      const gesloten = e.status === 'verlopen' && !nogOpen ? { geslotenOp: new Date(event.at), geslotenDoor: event.type } : {};
      await m.update(
        TermijnEntity,
        { id: e.id },
        { status: e.status, beeindigdOp: new Date(event.at), beeindigdDoor: event.type, ...gesloten },
      );
      const verplichting = isVerplichting(e.naam);
      berichten.push({
        klachtId: row.id,
        type: OUTBOX_TYPES.termijnBeeindigd,
        // teLaat: an obligation passed without being met; the klacht is late on it from now on (webhooks).
        payload: {
          ...basis,
          termijnId: e.id,
          naam: e.naam,
          status: e.status,
          verplichting,
          teLaat: verplichting && nogOpen && !result.done,
        },
      });
    }
    for (const g of plan.gewijzigd) {
      const oud = lopend.find((t) => t.id === g.id)!;
      const inhoud = (t: Pick<TermijnVelden, 'label' | 'uitleg' | 'herinneringen' | 'escalatieNaar' | 'grondslag' | 'mutaties'>) =>
        JSON.stringify([t.label, t.uitleg, t.herinneringen, t.escalatieNaar, t.grondslag, t.mutaties]);
      if (!g.verschoven && inhoud(oud) === inhoud(g.velden)) continue;
      await m.update(
        TermijnEntity,
        { id: g.id },
        {
          ...g.velden,
          revision: g.revision,
          // A moved termijn can expire again (its new revision has not fired).
          ...(g.verschoven ? { vervalGemeldOp: null } : {}),
        },
      );
      if (g.verschoven) berichten.push(gepland({ id: g.id, revision: g.revision, ...g.velden }));
    }
    for (const n of plan.nieuw) {
      const id = randomUUID();
      await m.insert(TermijnEntity, { id, klachtId: row.id, status: 'lopend', verplichting: isVerplichting(n.naam), ...n });
      berichten.push(gepland({ id, ...n }));
    }
    // A name that starts again, or whose running successor ends now, takes the passed one with it.
    const opnieuw = [...plan.nieuw.map((n) => n.naam), ...plan.beeindigd.map((e) => e.naam)];
    await this.sluitVerlopen(m, row, vorigeSnapshot, event, result, opnieuw, openVerlopen);
    // te-laat.ts: earliest due moment of the open obligations (null when done), recomputed from the rows just written.
    const [{ eerste }]: Array<{ eerste: Date | null }> = await m.query(
      `select ${eersteVervalSql('k')} as eerste from klacht k where k.id = $1`,
      [row.id],
    );
    const nieuw = eerste === null ? null : new Date(eerste);
    if ((nieuw?.getTime() ?? null) !== (row.eersteVervaltOp?.getTime() ?? null)) {
      // Raw update: no second version bump for the same step.
      await m.query(`update klacht set eerste_vervalt_op = $2 where id = $1`, [row.id, nieuw]);
      row.eersteVervaltOp = nieuw;
    }
    return berichten;
  }

  /**
   * Closes passed obligations that stop being open in this step (te-laat.ts): all of them when the
   * klacht ends, one whose name starts again (the new termijn is the obligation now) or whose running
   * successor ends, and those the step meets late or cancels, as the regime itself decides (nakoming.ts).
   */
  private async sluitVerlopen(
    m: EntityManager,
    row: KlachtEntity,
    vorigeSnapshot: unknown,
    event: KlachtEvent,
    result: StepResult,
    herstart: string[],
    openVerlopen: TermijnEntity[],
  ): Promise<void> {
    const sluit = { geslotenOp: new Date(event.at), geslotenDoor: event.type };
    if (result.done) {
      // Also the ones this very step let pass: the klacht has ended, nothing of it is late any more.
      await m
        .createQueryBuilder()
        .update(TermijnEntity)
        .set(sluit)
        .where(`klacht_id = :id and status = 'verlopen' and verplichting and gesloten_op is null`, { id: row.id })
        .execute();
      return;
    }
    if (openVerlopen.length === 0) return;
    const opnieuw = openVerlopen.filter((t) => herstart.includes(t.naam));
    const rest = openVerlopen.filter((t) => !herstart.includes(t.naam));
    const gesloten = [
      ...opnieuw.map((t) => t.id),
      ...(vorigeSnapshot === null ? [] : geslotenDoorStap(this.regimeVan(row), vorigeSnapshot, event, rest).map((e) => e.id)),
    ];
    for (const id of gesloten) await m.update(TermijnEntity, { id }, sluit);
  }

  private basis(row: KlachtEntity, event: KlachtEvent, ctx: EngineContext): Record<string, unknown> {
    return {
      klachtId: row.id,
      gemeente: row.gemeente,
      event: event.type,
      at: event.at,
      actor: event.actor ?? ctx.actor,
      correlationId: ctx.correlationId ?? null,
    };
  }
}
