import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { AsyncResource } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DatabaseError, type PoolClient, type QueryResult } from 'pg';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { CompiledRegime, IntakeInput, KlachtEvent, RegistratieWaarden, StepResult, TermijnView } from '../../machines/contract';
import { OORDELEN } from '../../machines/compiler/gebeurtenissen';
import { briefSoortVoorIntent } from '../../machines/definition/brieven';
import type { Definitie } from '../../machines/definition/types';
import { KlachtGebeurtenisEntity } from '../klachten/klacht-gebeurtenis.entity';
import { KlachtEntity } from '../klachten/klacht.entity';
import { OutboxRelay } from '../outbox/outbox-relay.service';
import { OUTBOX_TYPES, type OutboxBericht } from '../outbox/outbox.types';
import { registratieSql, tevredenheidPerDefinitie } from '../reports/rapportage.repository';
import { geslotenDoorStap } from '../termijnen/nakoming';
import { eersteVerval, isOpgeschort, isVerplichting } from '../termijnen/te-laat';
import { planTermijnen, termijnGeplandBericht, termijnVoor, type LopendeTermijn, type TermijnVelden } from '../termijnen/termijn-reconcile';
import { dagVan } from '../termijnen/termijn-tijd';
import { TermijnEntity } from '../termijnen/termijn.entity';
import {
  DefinitieOntbreektError,
  EngineError,
  GebeurtenisDataOngeldigError,
  GebeurtenisNietToegestaanError,
  GeenDefinitieError,
  IntakeGeweigerdError,
  KlachtNietGevondenError,
  FeitenOngeldigError,
  RegistratieOngeldigError,
  UitkomstOnbekendError,
  WekkerAchterstandError,
} from './engine.errors';
import { REGIME_BRON, type RegimeBron } from './regime-bron';
import { claimSleutel, IdempotentieContext, legResultaatVast } from '../idempotency/idempotentie-context';
import { meldVerwerkt } from '../metrics/verwerkte-events';
import { naarEntiteit } from '../../database/rij-naar-entiteit';
import {
  INTAKE_SQL,
  INTAKE_SQL_NAAM,
  STAP_SQL,
  STAP_SQL_NAAM,
  STAP_ZONDER_TERMIJNEN_SQL,
  STAP_ZONDER_TERMIJNEN_SQL_NAAM,
  VERGRENDEL_SQL,
  VERGRENDEL_SQL_NAAM,
} from './stap-sql';
import { Bundelaar } from './stap-bundel';
import { stapFeiten } from './stap-feiten';
import { naVerstreken, verloopSleutel } from '../termijnen/verloop-vooraf';
import { stateEnEventsOp } from '../klachten/volgende-events';
import { achterstalligeTermijn } from '../termijnen/verstreken-termijnen';
import { KlachtCache, STANDAARD_CACHE_KLACHTEN, termijnVingerafdruk, type CacheTelling, type KlachtStand } from './klacht-cache';
import { MetricsService } from '../metrics/metrics.service';
import { APP_CONFIG, type AppConfig } from '../../config';
import { KLOK, systeemKlok, type Klok, vandaagVan } from '../../common/klok';
import { isUuid } from '../../common/uuid';
import { isDatabaseOnbereikbaar } from '../../common/problem.filter';

/** Who caused a change, and the request or job it belongs to (both go into history and outbox). */
export interface EngineContext {
  actor: string;
  correlationId?: string;
  /**
   * The caller runs overdue wake-ups itself (src/modules/termijnen/achterstand.ts, the API's events): an event at or after
   * the due moment of a termijn still running and not yet fired is not stepped but throws WekkerAchterstandError. Without
   * it (the import, which fires its termijnen itself; tools) the event is stepped on the klacht as it stands.
   */
  wekkersBij?: boolean;
}

/** A klacht as the registration of an act will step it (EngineService.alsRegistratieOp). */
export interface KlachtVoorStap<K> {
  /** The stored klacht, or when termijnen passed before the act a copy with the snapshot and state after their expiries. */
  stand: K;
  /** Set when termijnen passed before the act: the regime's running termijnen after their expiries (with `voor`). */
  termijnen?: TermijnView[];
  /** Set when termijnen passed before the act: the expiries stepped (TERMIJN_VERLOPEN), in order, as their rows will be. */
  verlopen?: KlachtEvent[];
}

/** What a caller may register at a moment (EngineService.mogelijkOp): the klacht as then stepped, its state and events. */
export interface MogelijkOp<K> extends KlachtVoorStap<K> {
  /** The state the klacht is in at that moment (volgende-events.ts stateOp: before wake-ups since its last act after it). */
  state: string;
  /** The event types it takes at that moment, system events included (the caller leaves those out where people choose). */
  volgendeEvents: string[];
}

export interface EngineResultaat {
  klacht: KlachtEntity;
  result: StepResult;
}

/** What an intake about a klacht that exists writes with it (EngineService.createBij). */
export interface IntakeBij {
  /** The klacht it is about, locked for the whole transaction. */
  klachtId: string;
  /** Rows that belong with the new klacht (its link), in the same transaction: if this fails, nothing is written. */
  erbij: (m: EntityManager, nieuw: KlachtEntity) => Promise<void>;
  /**
   * The event for that klacht as it is under the lock, or why it takes none now; none: undefined. `nieuw` is the klacht
   * just written (an ombudsman request names it on its hoofdklacht's event: the loket's task is there, Awb 9:31).
   * `termijnen` are that klacht's termijn rows read under the same lock (every status): which expiries already ran is
   * judged on them with the row, never on rows read before it (a wake-up, or the catch-up before a retry, may have fired
   * one in between: Awb 9:11 lid 1, EngineService.alsRegistratieOp).
   */
  event?: (
    klacht: KlachtEntity,
    nieuw: KlachtEntity,
    termijnen: readonly TermijnEntity[],
  ) => Pick<KlachtEvent, 'type' | 'data'> | { reden: string };
}

/**
 * A write that belongs with an event or a registration (the report it came from: an aanbieder's terugkoppeling,
 * klacht-acties.service.ts): one statement, run in the event's own transaction before its COMMIT, so both are stored or
 * neither (accepted input is never lost, nor kept without its act; with two transactions a crash in between left one
 * without the other). Prepared once per connection under `naam` (one name, one text). It writes rows of its own table
 * only, never the klacht or its termijnen (the cache keeps those as the step's statement returned them, ADR 0009). If it
 * fails, the event is not written either. docs/adr/0010-erbij-in-de-transactie-van-de-gebeurtenis.md.
 */
export interface Erbij {
  naam: string;
  sql: string;
  waarden: unknown[];
  /** With an Idempotency-Key: what the key's result records beside the klacht (the row's id), in the same transaction. */
  resultaat?: Record<string, string>;
}

/** The klacht an intake was about (createBij), after the transaction, and whether its event was applied. */
export interface BijUitkomst {
  klacht: KlachtEntity;
  toegepast: boolean;
  reden?: string;
}

/** Event type recorded in history for the intake (docs/adr/0004-durable-klacht-engine.md names it as the first event). */
export const INTAKE_EVENT = 'KLACHT_ONTVANGEN';

/** Event type recorded in history when only the registration of a klacht changes (PATCH .../registratie). */
export const REGISTRATIE_EVENT = 'REGISTRATIE_GEWIJZIGD';

type RegistratieKolommen = Partial<Pick<KlachtEntity, 'categorie' | 'oorzaak' | 'afdoening' | 'oordeel' | 'tevredenheid' | 'maatregelen'>>;

/** What a step must respect of the history before it is written (EngineService.herstelVoorStap). */
interface Herstel {
  /** What undone wake-ups leave to restore (herroepWekkers): the registration the rest of the history gives. */
  registratie?: RegistratieKolommen;
  /** Registration columns a change recorded with a later `at` set: the step's own value for them is older (latereRegistratie). */
  behouden?: ReadonlyArray<keyof RegistratieKolommen>;
}

/**
 * Whether an act lies before a registration change recorded on its own with a later `at` (klacht.registratie_tot): then
 * the fields that change set keep its value (EngineService.latereRegistratie). In memory, from the klacht row read.
 */
function naLatereRegistratie(row: KlachtEntity, event: KlachtEvent): boolean {
  return row.registratieTot != null && Date.parse(event.at) < new Date(row.registratieTot).getTime();
}

/** The Awb 9:12 oordeel a step's data gives the klacht's `oordeel` column: one of OORDELEN, else none. */
export function oordeelUitData(data: Record<string, unknown> | undefined): string | undefined {
  const oordeel = data?.oordeel;
  return typeof oordeel === 'string' && (OORDELEN as readonly string[]).includes(oordeel) ? oordeel : undefined;
}

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

/** The label of klachtregie_engine_cache_events_total per count. */
const CACHE_UITKOMST: Record<keyof CacheTelling, string> = {
  treffers: 'treffer',
  verouderd: 'verouderd',
  geweigerd: 'geweigerd',
  missers: 'mis',
};

/**
 * The durable engine (docs/architecture.md §1): every change to a klacht is ONE transaction that locks the
 * row, steps the pure regime, and writes snapshot + history + termijnen + outbox together.
 * Side effects happen only after commit, through the outbox relay. Concurrent events on one
 * klacht serialise on the row lock (`SELECT ... FOR UPDATE`), also across processes.
 */
@Injectable()
export class EngineService {
  private readonly logger = new Logger(EngineService.name);
  /** Klachten as this engine last wrote them (klacht-cache.ts): a step on one costs one round trip. */
  readonly cache: KlachtCache;
  private readonly klok: Klok;
  /** Events on different klachten (and intakes) that arrive together share a transaction (group commit, stap-bundel.ts). */
  private readonly groepen = new Bundelaar<Verzoek>((groep) =>
    // Whatever goes wrong, no caller waits forever: an event already answered ignores this (a settled promise).
    this.voerGroepUit(groep).catch((e: unknown) => groep.forEach((v) => v.fout(e))),
  );

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REGIME_BRON) private readonly regimes: RegimeBron,
    private readonly relay: OutboxRelay,
    // Optional: tools that build an engine without the app (bench, CLI) get the default size and no metrics.
    @Optional() @Inject(APP_CONFIG) config?: Pick<AppConfig, 'engineCacheKlachten'>,
    @Optional() private readonly metrics?: MetricsService,
    // Optional like the two above: the bench and CLI build an engine without the app, on the system clock.
    @Optional() @Inject(KLOK) klok?: Klok,
  ) {
    this.klok = klok ?? systeemKlok;
    this.cache = new KlachtCache(config?.engineCacheKlachten ?? STANDAARD_CACHE_KLACHTEN);
  }

  /** Intake: start the regime in force for the gemeente on the day of receipt. */
  async create(intake: IntakeInput, ctx: EngineContext, registratie?: unknown): Promise<EngineResultaat> {
    const { id, params, result } = this.planIntake(intake, ctx, registratie);
    // With an Idempotency-Key the transaction also claims the key and stores the result: on its own. Without one
    // the intake joins the events on other klachten that arrive with it (its klacht is new: it locks nothing).
    const stand =
      IdempotentieContext.huidig() !== undefined
        ? await this.intakeAlleen(params)
        : await new Promise<KlachtStand>((klaar, fout) =>
            this.groepen.voegToe({ soort: 'intake', sleutel: id, params, scope: new AsyncResource('klachtregie.intake'), klaar, fout }),
          );
    // Committed: an event that follows soon (an import, a burst) starts from here without a read (leg keeps a copy).
    this.cache.leg(stand.klacht.id, stand);
    this.relay.kick();
    return { klacht: stand.klacht, result };
  }

  /**
   * An intake about a klacht that exists (an ombudsman request about its hoofdklacht, klacht-acties.service.ts), all or
   * nothing in ONE transaction of its own: that klacht is locked as for any step on it (destroyed meanwhile:
   * KlachtNietGevondenError, nothing written), then the intake's statement, `bij.erbij` (the link) and, when that klacht's
   * regime accepts it now, `bij.event` on it at the moment of receipt. A refused event writes nothing and keeps the rest.
   * With an Idempotency-Key the key is claimed first and names the new klacht, as at any intake. Not in a group: rare,
   * and it locks a klacht that exists.
   */
  async createBij(intake: IntakeInput, ctx: EngineContext, bij: IntakeBij): Promise<EngineResultaat & { bij: BijUitkomst }> {
    const { params, result } = this.planIntake(intake, ctx);
    const uit = await this.rauw(bij.klachtId, async ({ sql, qr, client, stand }) => {
      const nieuw = await this.schrijfIntake(client, params);
      meldVerwerkt(qr, INTAKE_EVENT);
      await bij.erbij(qr.manager, nieuw.klacht);
      const row = stand.klacht;
      const keuze = bij.event?.(row, nieuw.klacht, stand.termijnen);
      if (!keuze || 'reden' in keuze) {
        await legResultaatVast(qr.manager, { klachtId: nieuw.klacht.id });
        return { nieuw, bij: { klacht: row, toegepast: false, ...(keuze ? { reden: keuze.reden } : {}) }, na: undefined };
      }
      const event: KlachtEvent = { ...keuze, at: intake.ontvangenOp, actor: ctx.actor };
      let stap: StepResult;
      try {
        stap = this.stapVan(row, event, ctx, true, stand.termijnen);
      } catch (e) {
        // Refused, wrong data, or its definition version not loaded: that klacht's step, not the intake: taken without it.
        if (!(e instanceof EngineError)) throw e;
        await legResultaatVast(qr.manager, { klachtId: nieuw.klacht.id });
        return { nieuw, bij: { klacht: row, toegepast: false, reden: e.message }, na: undefined };
      }
      const hersteld = await this.herstelVoorStap(sql, row, event, stap);
      // The transaction's last write without a key (it may carry the COMMIT, rauw); with one, the key's result follows.
      const uitkomst = await this.schrijf(
        sql,
        qr,
        event.type,
        this.bereidStapVoor(row, row.state, event, stap, ctx, [], stand.termijnen, undefined, null, hersteld),
      );
      await legResultaatVast(qr.manager, { klachtId: nieuw.klacht.id });
      return { nieuw, bij: { klacht: row, toegepast: true }, na: naStap(stand, row, uitkomst) };
    });
    // Committed: both klachten as written.
    this.cache.leg(uit.nieuw.klacht.id, uit.nieuw);
    if (uit.na) this.cache.leg(uit.bij.klacht.id, uit.na);
    this.relay.kick();
    return { klacht: uit.nieuw.klacht, result, bij: uit.bij };
  }

  /** An intake checked and stepped in memory: the new klacht's id and its statement's parameters (INTAKE_SQL). */
  private planIntake(
    intake: IntakeInput,
    ctx: EngineContext,
    registratie?: unknown,
  ): { id: string; params: unknown[]; result: StepResult } {
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
    // AVG art. 5 lid 1 sub c: only the facts this version's regeling asks about, each of its kind.
    const feitenFouten = regime.controles?.controleerFeiten(intake.feiten) ?? [];
    if (feitenFouten.length) throw new FeitenOngeldigError(feitenFouten);
    const result = regime.start(intake);
    if (!result.accepted) throw new IntakeGeweigerdError(result.reason ?? 'De klachtregeling weigert deze intake.');
    const id = randomUUID();
    // The row as it will be: `basis` and the reconciliation read gemeente and id from it before it exists.
    const concept = this.dataSource.getRepository(KlachtEntity).create({
      id,
      gemeente: intake.gemeente,
      definitieId: regime.summary.id,
      definitieVersie: regime.summary.versie,
      snapshot: result.snapshot as object,
    });
    const kolommen = registratieKolommen(reg.waarden);
    // The registration given at intake goes into the history too (who registered what, and when).
    const metRegistratie = Object.keys(reg.waarden).length ? { registratie: reg.waarden } : {};
    const event: KlachtEvent = { type: INTAKE_EVENT, at: intake.ontvangenOp, data: { ...intake, ...metRegistratie } };
    const plan = this.planStap(
      concept,
      null,
      event,
      result,
      ctx,
      [],
      [{ klachtId: id, type: OUTBOX_TYPES.klachtOntvangen, payload: this.basis(concept, event, ctx) }],
    );
    // The intake's one statement (INTAKE_SQL): klacht row, history, termijnen and outbox, all or nothing.
    const params = [
      ...this.stapParameters(id, event, result, ctx, null, new Date(intake.ontvangenOp), kolommen, plan),
      intake.gemeente,
      regime.summary.id,
      regime.summary.versie,
      intake.soort ?? 'klacht',
      intake.kanaal,
      new Date(intake.ontvangenOp),
      intake.ingediendBij,
      intake.onderwerp ?? null,
      JSON.stringify(intake.aanbieders),
      JSON.stringify(intake.feiten),
    ];
    return { id, params, result };
  }

  /** An intake in a transaction of its own (with an Idempotency-Key: the key's claim and result in it too). */
  private intakeAlleen(params: unknown[]): Promise<KlachtStand> {
    return this.rauw(null, async ({ client, qr }) => {
      const s = await this.schrijfIntake(client, params);
      meldVerwerkt(qr, INTAKE_EVENT);
      await legResultaatVast(qr.manager, { klachtId: String(params[0]) });
      return s;
    });
  }

  /**
   * The intake's one statement (stap-sql.ts INTAKE_SQL): klacht row, history, termijnen and outbox.
   * Returns the klacht as written, with its termijnen and the xmin of both (klacht-cache.ts).
   */
  async schrijfIntake(client: PoolClient, params: unknown[]): Promise<KlachtStand> {
    await zorgVoorbereid(client, INTAKE_SQL_NAAM, INTAKE_SQL);
    // By position: the klacht's columns and the termijn's share names (id, status, created_at, ...).
    return intakeStand(this.dataSource, await client.query<unknown[]>({ text: executeSql(INTAKE_SQL_NAAM, params), rowMode: 'array' }));
  }

  /**
   * Applies one event. Wrong data for an event that fits the state: GebeurtenisDataOngeldigError
   * (the fields, HTTP 422). Refused by the regime: GebeurtenisNietToegestaanError (409). Either way the
   * transaction writes nothing (no history row either; the refusal is logged).
   * Round trips (without an Idempotency-Key): BEGIN + row lock + termijnen in one, the step's one
   * statement with the COMMIT in another. `erbij`: a row that belongs with the event, written in its transaction
   * before the COMMIT (Erbij): both are stored or neither.
   */
  async apply(klachtId: string, event: KlachtEvent, ctx: EngineContext, erbij?: Erbij): Promise<EngineResultaat> {
    if (!isUuid(klachtId)) throw new KlachtNietGevondenError(klachtId);
    // With an Idempotency-Key the transaction also claims the key and stores the result: on its own.
    if (IdempotentieContext.huidig() !== undefined) return this.applyAlleen(klachtId, event, ctx, erbij);
    return new Promise<EngineResultaat>((klaar, fout) =>
      this.groepen.voegToe({
        soort: 'stap',
        sleutel: klachtId.toLowerCase(),
        klachtId,
        event,
        ctx,
        ...(erbij ? { erbij } : {}),
        // The request's own context (log lines, correlation) for the work done for it inside a group.
        scope: new AsyncResource('klachtregie.stap'),
        klaar,
        fout,
      }),
    );
  }

  /**
   * One event in a transaction of its own (BEGIN + lock + termijnen; the step's statement + COMMIT). With `erbij` its
   * statement is the transaction's last write and carries the COMMIT (rauw), after the step's and the key's result.
   */
  private async applyAlleen(klachtId: string, event: KlachtEvent, ctx: EngineContext, erbij?: Erbij): Promise<EngineResultaat> {
    const { klacht, result, na } = await this.rauw(klachtId, async ({ sql, qr, stand }) => {
      const row = stand.klacht;
      const result = this.stapVan(row, event, ctx, true, stand.termijnen);
      const hersteld = await this.herstelVoorStap(sql, row, event, result);
      const uitkomst = await this.schrijf(
        sql,
        qr,
        event.type,
        this.bereidStapVoor(row, row.state, event, result, ctx, [], stand.termijnen, undefined, null, hersteld),
        // Not the last write when a row belongs with it: the COMMIT must come after that row, not with the step.
        !erbij,
      );
      await legResultaatVast(qr.manager, { klachtId: row.id, ...erbij?.resultaat });
      if (erbij) await sql(erbij.sql, erbij.waarden, erbij.naam, true);
      return { klacht: row, result, na: naStap(stand, row, uitkomst) };
    });
    // Committed: the next event on this klacht starts from here.
    this.cache.leg(klacht.id, na);
    this.relay.kick();
    return { klacht, result };
  }

  /**
   * The regime's step for an event on a klacht read under its lock, in memory. Wrong data for an event
   * that fits the state: GebeurtenisDataOngeldigError (422); refused: GebeurtenisNietToegestaanError (409).
   * `melden`: log the refusal (not for a trial, which writes nothing anyway). With `termijnen` (the klacht's rows, read
   * with it under its lock) and `ctx.wekkersBij`: a termijn that passed at or before the event's moment and whose
   * wake-up has not run yet throws WekkerAchterstandError before the step (achterstalligeTermijn), after the data check
   * (bad data changes nothing).
   */
  private stapVan(row: KlachtEntity, event: KlachtEvent, ctx: EngineContext, melden = true, termijnen?: TermijnEntity[]): StepResult {
    const regime = this.regimeVan(row);
    // Today by the service's clock: a day something happened (a receipt) cannot lie after the day it is registered.
    const fouten = regime.controles?.controleerGebeurtenis(row.snapshot, event, { vandaag: vandaagVan(this.klok) }) ?? [];
    if (fouten.length) {
      if (melden) this.logger.log(`Klacht ${row.id}: ${event.type} met ongeldige data: ${fouten.map((f) => f.name).join(', ')}`);
      throw new GebeurtenisDataOngeldigError(event.type, fouten);
    }
    const achterstallig = termijnen && ctx.wekkersBij ? achterstalligeTermijn(termijnen, event.at) : undefined;
    if (achterstallig) throw new WekkerAchterstandError(row.id, achterstallig.naam, achterstallig.revision, event.at);
    const result = regime.step(row.snapshot, { ...event, actor: event.actor ?? ctx.actor });
    if (!result.accepted) {
      if (melden) this.logger.log(`Klacht ${row.id}: ${event.type} geweigerd in ${row.state}: ${result.reason ?? ''}`);
      throw new GebeurtenisNietToegestaanError(
        event.type,
        result.reason ?? `De gebeurtenis ${event.type} is nu niet toegestaan.`,
        row.state,
        // The list of the refused event's moment (regime.ts): the stored one is of the last step, a day may have changed it.
        result.volgendeEvents,
      );
    }
    return result;
  }

  /**
   * A group of events on different klachten (stap-bundel.ts). Those on a klacht in the cache are written
   * in one transaction of one round trip; the others in a transaction that first reads their klachten
   * under the lock (a second connection, at the same time; each transaction locks its own klachten).
   */
  private async voerGroepUit(groep: Verzoek[]): Promise<void> {
    const gecachet = new Map<string, KlachtStand>();
    const uitCache: StapVerzoek[] = [];
    const lezen: StapVerzoek[] = [];
    const intakes: IntakeVerzoek[] = [];
    for (const v of groep) {
      if (v.soort === 'intake') {
        intakes.push(v);
        continue;
      }
      // An event with a row that belongs with it (Erbij) is read under its lock first: a step planned from the cache may
      // find its guard failed and write nothing while the rest of the group commits, and its row would be written alone.
      const stand = v.erbij ? undefined : this.cache.neem(v.sleutel);
      if (stand) {
        gecachet.set(v.sleutel, stand);
        uitCache.push(v);
      } else lezen.push(v);
    }
    if (lezen.length) this.tel('missers', lezen.length);
    // Both to the end before the group's klachten are released (stap-bundel.ts); a failure of either is the group's.
    // Intakes go with the half that needs no read first: that transaction is one round trip.
    const uit = await Promise.allSettled([
      uitCache.length || intakes.length ? this.schrijfGroep(uitCache, gecachet, intakes) : undefined,
      lezen.length ? this.schrijfGroep(lezen, null, []) : undefined,
    ]);
    for (const u of uit) if (u.status === 'rejected') throw u.reason;
  }

  /**
   * Writes a group of events on different klachten in one transaction. Without `gecachet`: one round trip
   * locks the klachten (in id order, as every transaction that locks several) and reads them with their
   * termijnen, each event is stepped in memory, and one round trip sends every accepted step's statement
   * with the COMMIT. With `gecachet` (klacht-cache.ts) the events are stepped from the cached klachten
   * first, and BEGIN, the lock, the steps and the COMMIT go in one round trip; a step whose klacht changed
   * since it was cached writes nothing (the guard in STAP_SQL) and that event runs again after a read, as
   * does one the cached klacht refuses (the refusal must come from the klacht as it is, not as cached).
   * An event that is refused or not found after a read is answered at once and writes nothing; the others
   * are answered after the commit. If the shared transaction fails on the server (a constraint, a
   * deadlock), nothing of it was written and every event not yet answered runs on its own, so only its
   * own cause can refuse it. If the connection fails after the steps were sent, the outcome is unknown:
   * those events get the error, as a single event would, and are not run a second time.
   */
  private async schrijfGroep(groep: StapVerzoek[], gecachet: Map<string, KlachtStand> | null, intakes: IntakeVerzoek[]): Promise<void> {
    const open = new Set<Verzoek>([...groep, ...intakes]);
    const antwoord = (v: Verzoek, f: () => void) => {
      if (open.delete(v)) f();
    };
    // Not answered from the cached klacht: forgotten, and run again on its own after a read (below).
    const opnieuw = (v: StapVerzoek, waarom: 'geweigerd' | 'verouderd') => {
      this.cache.vergeet(v.sleutel);
      this.tel(waarom);
      open.delete(v);
      alleen.push(v);
    };
    const qr = this.dataSource.createQueryRunner();
    let inTransactie = false;
    let verzonden = false;
    // Set once the COMMIT succeeded: from then on no event of the group is run again.
    let gecommit = false;
    const alleen: Verzoek[] = [];
    // The events and intakes written by that commit: answered as written, whatever follows.
    const geschreven: GeplandeStap[] = [];
    const ingenomen: Array<{ v: IntakeVerzoek; stand: KlachtStand }> = [];
    try {
      const client = (await qr.connect()) as PoolClient;
      let standen = gecachet;
      if (!standen) {
        // Set before it is sent: an ERROR while it waits for the lock (a cancelled wait, a deadlock, a lock timeout) leaves
        // the transaction open and aborted, and without the ROLLBACK below the connection would go back to the pool so,
        // failing whatever runs on it next (the event run again on its own). A ROLLBACK outside a transaction only warns.
        inTransactie = true;
        // UUIDs, checked in apply.
        const rijen = (await client.query(`${BEGIN}; ${vergrendelSql(groep.map((v) => v.klachtId))}`)) as unknown as QueryResult[];
        standen = this.gelezen(rijen[1], rijen[2]);
      }
      const stappen: GeplandeStap[] = [];
      for (const v of groep) {
        const stand = standen.get(v.sleutel);
        try {
          v.scope.runInAsyncScope(() => {
            if (!stand) throw new KlachtNietGevondenError(v.klachtId);
            const row = stand.klacht;
            // Overdue (WekkerAchterstandError): from the cache, run again after a read; after a read, the caller's.
            const result = this.stapVan(row, v.event, v.ctx, !gecachet, stand.termijnen);
            if (result.herroepen?.length || naLatereRegistratie(row, v.event)) {
              // It undoes wake-ups (regime.ts `inhalen`), or lies before a registration change recorded later: rare, and
              // the history is asked or rewritten first (herstelVoorStap), so it runs on its own, after this group, with a
              // statement more than the group's one per step.
              open.delete(v);
              alleen.push(v);
              return;
            }
            const stap = this.bereidStapVoor(
              row,
              row.state,
              v.event,
              result,
              v.ctx,
              [],
              stand.termijnen,
              undefined,
              gecachet ? stand : null,
            );
            stappen.push({ v, row, result, stap, stand });
          });
        } catch (e) {
          if (gecachet) opnieuw(v, 'geweigerd');
          else antwoord(v, () => v.fout(e));
        }
      }
      if (stappen.length === 0 && intakes.length === 0) {
        // Nothing to write; the events left (if any) run on their own, below.
        if (inTransactie) await client.query('ROLLBACK');
        inTransactie = false;
      } else {
        for (const st of new Set(stappen.map((s) => s.stap.statement))) await zorgVoorbereid(client, st.naam, st.sql);
        for (const e of stappen.map((s) => s.v.erbij)) if (e) await zorgVoorbereid(client, e.naam, e.sql);
        if (intakes.length) await zorgVoorbereid(client, INTAKE_SQL_NAAM, INTAKE_SQL);
        if (gecachet && stappen.length) await zorgVoorbereid(client, VERGRENDEL_SQL_NAAM, VERGRENDEL_SQL);
        // The lock's plan is kept: with its default (auto) PostgreSQL planned it anew at every execution, because
        // the generic plan's estimate (ten ids) is always above a custom plan's (measured: 0.5 ms of planning per group).
        const kop = gecachet
          ? [
              BEGIN,
              'SET LOCAL plan_cache_mode = force_generic_plan',
              ...(stappen.length ? [executeSql(VERGRENDEL_SQL_NAAM, [`{${stappen.map((s) => s.v.klachtId).join(',')}}`])] : []),
            ]
          : [];
        // Built before anything is sent: a value that cannot be written fails here, and then every item runs again on its own.
        // A step's Erbij follows its statement, before the COMMIT: only read klachten have one (voerGroepUit), whose step
        // has no guard and always writes, so the row is written with its event or, if anything fails, neither is.
        const statements = [...kop];
        const stapPlek: number[] = [];
        for (const s of stappen) {
          stapPlek.push(statements.length);
          statements.push(executeSql(s.stap.statement.naam, s.stap.parameters));
          if (s.v.erbij) statements.push(executeSql(s.v.erbij.naam, s.v.erbij.waarden));
        }
        const intakePlek = statements.length;
        statements.push(...intakes.map((v) => executeSql(INTAKE_SQL_NAAM, v.params)), 'COMMIT');
        const text = statements.join('; ');
        verzonden = true;
        // From here a failure may leave the transaction open (aborted): the catch rolls back.
        inTransactie = true;
        // By position: an intake's result has the klacht's and the termijn's columns, which share names (intakeStand).
        const r = (await client.query<unknown[]>({ text, rowMode: 'array' })) as unknown as QueryResult<unknown[]>[];
        inTransactie = false;
        gecommit = true;
        // Committed: from here every event is answered by what its own statement returned, each on its own.
        stappen.forEach((s, i) => {
          let uitkomst: StapUitkomst | null;
          try {
            const eigen = r[stapPlek[i]];
            uitkomst = stapUitkomst(
              this.dataSource,
              eigen.rows.map((w) => alsRij(eigen, w)),
            );
          } catch (e) {
            // Unreadable: whether this step wrote is unknown, so it is not run again (as after a broken connection).
            this.cache.vergeet(s.v.sleutel);
            this.logger.error(`Na de commit: uitkomst van ${s.v.event.type} op ${s.v.klachtId} onleesbaar: ${(e as Error).message}`);
            antwoord(s.v, () => s.v.fout(e));
            return;
          }
          if (!uitkomst) {
            // Changed elsewhere since it was cached: nothing of this step was written.
            opnieuw(s.v, 'verouderd');
            return;
          }
          if (gecachet) this.tel('treffers');
          geschreven.push(s);
          meldVerwerkt(qr, s.v.event.type);
          try {
            s.stap.naSchrijven(uitkomst);
            this.cache.leg(s.v.sleutel, naStap(s.stand, s.row, uitkomst));
          } catch (e) {
            this.cache.vergeet(s.v.sleutel);
            this.logger.error(`Na de commit van ${s.v.event.type} op ${s.v.klachtId}: ${(e as Error).message}`);
          }
        });
        intakes.forEach((v, i) => {
          try {
            ingenomen.push({ v, stand: intakeStand(this.dataSource, r[intakePlek + i]) });
            meldVerwerkt(qr, INTAKE_EVENT);
          } catch (e) {
            // Written, but its answer cannot be read: not run again (that would make a second klacht).
            this.logger.error(`Na de commit: intake ${v.sleutel} onleesbaar: ${(e as Error).message}`);
            antwoord(v, () => v.fout(e));
          }
        });
        await qr.broadcaster.broadcast('AfterTransactionCommit');
      }
    } catch (e) {
      if (gecommit) {
        this.logger.error(
          `Na de commit van ${geschreven.length + ingenomen.length} gebeurtenis(sen): ${e instanceof Error ? e.message : String(e)}`,
        );
        // Every event was sorted out above; one that was not (should the loop ever throw) is not run again.
        for (const v of [...open]) {
          if (!geschreven.some((s) => s.v === v) && !ingenomen.some((i) => i.v === v)) antwoord(v, () => v.fout(e));
        }
      } else {
        if (inTransactie) await qr.query('ROLLBACK').catch(() => undefined);
        await qr.broadcaster.broadcast('AfterTransactionRollback').catch(() => undefined);
        // An ERROR: the server refused the transaction, which it aborts. Anything else (a FATAL error, the server
        // ending the session, or a broken connection) may come after the COMMIT ran.
        const geweigerd = zekerGeweigerd(e);
        // A failed connection: the server may have been restored or replaced, and then transaction ids are handed
        // out again; the guard's xmin would not be proof any more (ADR 0009).
        if (geweigerd) for (const v of groep) this.cache.vergeet(v.sleutel);
        else this.cache.leeg();
        // Run again only what certainly was not written: nothing was sent, or the server refused it.
        if (!verzonden || geweigerd) {
          alleen.push(...open);
          open.clear();
        } else
          for (const v of [...open]) antwoord(v, () => v.fout(new UitkomstOnbekendError(v.soort === 'stap' ? v.klachtId : undefined, e)));
      }
    } finally {
      // Never a reason to leave an event unanswered: a failing release only costs the pool a connection.
      await qr.release().catch((e: Error) => this.logger.warn(`Verbinding teruggeven: ${e.message}`));
    }
    for (const s of geschreven) antwoord(s.v, () => s.v.klaar({ klacht: s.row, result: s.result }));
    for (const i of ingenomen) antwoord(i.v, () => i.v.klaar(i.stand));
    if (geschreven.length || ingenomen.length) this.relay.kick();
    // Awaited: the group keeps its klachten (stap-bundel.ts) until these ran, so a later event on one waits for them.
    await Promise.all(
      alleen.map((v) =>
        v.soort === 'intake'
          ? v.scope.runInAsyncScope(() => this.intakeAlleen(v.params)).then(v.klaar, v.fout)
          : v.scope.runInAsyncScope(() => this.applyAlleen(v.klachtId, v.event, v.ctx, v.erbij)).then(v.klaar, v.fout),
      ),
    );
  }

  /**
   * One engine transaction on a connection of its own, statements sent as they are (no ORM layer in
   * between). With a klacht id: BEGIN, the row lock and the klacht's termijnen in one round trip
   * (READ COMMITTED gives the termijn query a snapshot taken after the lock is granted, so it sees
   * what the previous holder committed). The id is inlined only after the UUID check (callers check).
   * Without a klacht id (intake) and without an Idempotency-Key there is no BEGIN at all: the work is
   * one statement. Commit and rollback are announced to TypeORM's subscribers (the event counter).
   * The step's statement is prepared once per connection and runs as `EXECUTE ...; COMMIT`, one round
   * trip: sending the five-part statement itself as literals would re-plan it on every event, which
   * cost more than the round trip saved (measured with `npm run bench`, docs/architecture.md §9).
   */
  private async rauw<T>(
    klachtId: string | null,
    werk: (t: { sql: Sql; qr: QueryRunner; client: PoolClient; stand: KlachtStand }) => Promise<T>,
  ): Promise<T> {
    if (klachtId !== null && !isUuid(klachtId)) throw new KlachtNietGevondenError(klachtId);
    const qr = this.dataSource.createQueryRunner();
    const client = (await qr.connect()) as PoolClient;
    const sleutel = IdempotentieContext.huidig() !== undefined;
    let open = false;
    let werkt = false;
    const sql: Sql = async (text, values, name, laatste) => {
      if (!name) return (await client.query<Record<string, unknown>>({ text, values })).rows;
      // A named statement is prepared once per connection (SQL PREPARE: its plan is cached) and run as
      // EXECUTE in a simple query, one message. The transaction's last statement carries its COMMIT in
      // the same round trip; if the statement fails, the COMMIT is not run and the catch rolls back.
      await zorgVoorbereid(client, name, text);
      const commit = laatste === true && open && !sleutel;
      const r = (await client.query(`${executeSql(name, values)}${commit ? '; COMMIT' : ''}`)) as unknown as
        QueryResult<Record<string, unknown>> | QueryResult<Record<string, unknown>>[];
      if (commit) open = false;
      return (Array.isArray(r) ? r[0] : r).rows;
    };
    try {
      let stand: KlachtStand | undefined;
      if (sleutel || klachtId !== null) {
        open = true;
        const lees = klachtId === null ? '' : vergrendelSql([klachtId]);
        let r: QueryResult[];
        if (sleutel) {
          await client.query(BEGIN);
          // The key is claimed before the lock, as in every engine transaction (idempotentie-context.ts).
          await claimSleutel(qr.manager);
          r = lees ? ((await client.query(lees)) as unknown as QueryResult[]) : [];
        } else {
          r = ((await client.query(`${BEGIN}; ${lees}`)) as unknown as QueryResult[]).slice(1);
        }
        if (klachtId !== null) {
          [stand] = this.gelezen(r[0], r[1]).values();
          if (!stand) throw new KlachtNietGevondenError(klachtId);
        }
      }
      // From here the work writes: it commits with its last statement, or with the COMMIT below, or (an intake without a
      // key) as one statement of its own.
      werkt = true;
      const uit = await werk({ sql, qr, client, stand: stand as KlachtStand });
      if (open) await client.query('COMMIT');
      open = false;
      await qr.broadcaster.broadcast('AfterTransactionCommit');
      return uit;
    } catch (e) {
      if (open) await client.query('ROLLBACK').catch(() => undefined);
      await qr.broadcaster.broadcast('AfterTransactionRollback');
      // As in a group (schrijfGroep): a failed connection or a session the server ended may have committed or not, and the
      // server may have been restored or replaced, handing out transaction ids again, so no cached xmin is proof any more:
      // the whole cache goes (ADR 0009). A statement the server refused (an ERROR) wrote nothing; its klacht is forgotten.
      if (verbindingWeg(e)) this.cache.leeg();
      else if (e instanceof DatabaseError && klachtId !== null) this.cache.vergeet(klachtId.toLowerCase());
      // A lost connection once the work was sent: whether it committed is unknown (ADR 0008), never "nothing changed".
      if (werkt && isDatabaseOnbereikbaar(e) && !zekerGeweigerd(e)) throw new UitkomstOnbekendError(klachtId ?? undefined, e);
      throw e;
    } finally {
      await qr.release();
    }
  }

  /** The klachten and their termijnen that vergrendelSql read, per klacht id (lower case, as PostgreSQL writes a uuid). */
  private gelezen(klachten: QueryResult, termijnen: QueryResult): Map<string, KlachtStand> {
    const uit = new Map<string, KlachtStand>();
    for (const k of klachten.rows as Record<string, unknown>[]) {
      uit.set(String(k.id), {
        klacht: naarEntiteit(this.dataSource, KlachtEntity, k),
        termijnen: [],
        xmin: String(k.rij_xmin),
        termijnXmin: new Map(),
      });
    }
    for (const t of termijnen.rows as Record<string, unknown>[]) {
      const stand = uit.get(String(t.klacht_id));
      if (!stand) continue;
      stand.termijnen.push(naarEntiteit(this.dataSource, TermijnEntity, t));
      stand.termijnXmin.set(String(t.id), String(t.rij_xmin));
    }
    return uit;
  }

  /**
   * The klacht as the registration of an act at `at` will step it (Awb 9:11 lid 1, 9:24 lid 1 sub b): registering first
   * runs every expiry that passed before the act and whose wake-up did not run (metWekkersBij), so whatever judges an act
   * before it is registered (the dry run `proef`, the termijn choices of the tijdlijn and the beheer form, the events GET
   * /klachten/{id} offers) judges it on this, or it offers what the registration then refuses (an uitstel of an
   * afhandeltermijn that passed at midnight) and leaves out what it takes. In memory, by naVerstreken (the import's dry run
   * too); `lopend` are the klacht's running rows. Nothing is read or written. A klacht whose version is not loaded stays
   * as stored (nothing can step it).
   */
  alsRegistratieOp<K extends Pick<KlachtEntity, 'definitieId' | 'definitieVersie' | 'snapshot' | 'state'>>(
    row: K,
    lopend: ReadonlyArray<Pick<TermijnEntity, 'naam' | 'vervaldatum' | 'mutaties' | 'vervalGemeldOp'>>,
    at: string,
  ): KlachtVoorStap<K> {
    const regime = this.regimes.byId(row.definitieId, row.definitieVersie);
    if (!regime) return { stand: row };
    // A running row whose expiry already ran (the regime refused it in the state of then and the wake-up marked it fired)
    // is passed as fired, not left out: an expiry stepped here may leave the regime running it on the same last day, and
    // the registration never fires it again (the wake-up's catch-up skips a row with vervalGemeldOp), so neither may this.
    const gevuurd = new Set(lopend.filter((t) => t.vervalGemeldOp !== null).map((t) => verloopSleutel(t)));
    const verlopen: KlachtEvent[] = [];
    const voor = naVerstreken(
      regime,
      {
        snapshot: row.snapshot,
        state: row.state,
        termijnen: lopend.map((t) => ({
          naam: t.naam,
          vervaldatum: t.vervaldatum,
          ...(isOpgeschort(t.mutaties) ? { opgeschortSinds: t.vervaldatum } : {}),
        })),
      },
      at,
      gevuurd,
      verlopen,
    );
    if (voor.snapshot === row.snapshot) return { stand: row };
    return {
      stand: Object.assign(Object.create(Object.getPrototypeOf(row) as object) as K, row, { snapshot: voor.snapshot, state: voor.state }),
      // A step's result, not the rows' list: naVerstreken returns its input only when nothing passed (above).
      termijnen: voor.termijnen as TermijnView[],
      verlopen,
    };
  }

  /**
   * What an act at `op` meets: the klacht as its registration will step it (alsRegistratieOp: after the expiries that
   * passed by then and whose wake-up did not run, Awb 9:11 lid 1, 9:24 lid 1 sub b), and the state and events of that
   * klacht at `op` (volgende-events.ts stateEnEventsOp, one replay of the wake-ups since its last act). The one
   * composition every check and page that judges or offers an act uses (klacht-acties, the events GET /klachten/{id}
   * offers, the tijdlijn's form), so none judges on the stored klacht or on a list of another moment. Pure: nothing is
   * read or written; a klacht whose version is not loaded answers with its stored state and list.
   */
  mogelijkOp<K extends Pick<KlachtEntity, 'definitieId' | 'definitieVersie' | 'snapshot' | 'state' | 'volgendeEvents'>>(
    row: K,
    lopend: ReadonlyArray<Pick<TermijnEntity, 'naam' | 'vervaldatum' | 'mutaties' | 'vervalGemeldOp'>>,
    op: string,
  ): MogelijkOp<K> {
    const voor = this.alsRegistratieOp(row, lopend, op);
    return { ...voor, ...stateEnEventsOp(this.regimes.byId(row.definitieId, row.definitieVersie), voor.stand, op) };
  }

  /**
   * What `apply` would do, without writing anything (the /beheer klacht page shows the consequences,
   * such as a new due date with its explanation, before the behandelaar submits): the same data check
   * and the same pure regime step, outside any transaction, on the klacht as the registration will step it
   * (alsRegistratieOp: after the expiries that passed before the event and did not run), which `voor` returns with the
   * stored row, so the consequences of the act are told apart from what passes before it.
   */
  async proef(
    klachtId: string,
    event: KlachtEvent,
    ctx: EngineContext,
  ): Promise<{ klacht: KlachtEntity; voor: KlachtVoorStap<KlachtEntity>; result: StepResult }> {
    if (!isUuid(klachtId)) throw new KlachtNietGevondenError(klachtId);
    const row = await this.dataSource.getRepository(KlachtEntity).findOneBy({ id: klachtId });
    if (!row) throw new KlachtNietGevondenError(klachtId);
    const lopend = await this.dataSource.getRepository(TermijnEntity).findBy({ klachtId: row.id, status: 'lopend' });
    const voor = this.alsRegistratieOp(row, lopend, event.at);
    return { klacht: row, voor, result: this.stapVan(voor.stand, event, ctx, false) };
  }

  /**
   * Changes only the registration of a klacht (aard, oorzaak, afwikkeling, maatregelen,
   * tevredenheid), also after it is closed: a behandelaar often classifies later. Checked against the
   * lists of the klacht's pinned definition version; one history row records who changed what. `erbij`: a row that
   * belongs with it (Erbij), in the same transaction. With an Idempotency-Key the transaction claims the key first and
   * records its result last, as an event's (apply).
   */
  async registreer(klachtId: string, registratie: unknown, at: string, ctx: EngineContext, erbij?: Erbij): Promise<KlachtEntity> {
    // This changes the klacht row: a cached copy would fail its guard anyway, so it need not wait for that.
    this.cache.vergeet(klachtId.toLowerCase());
    // READ COMMITTED, whatever the server's default (as every engine transaction, BEGIN below): the history the new
    // registration is computed from (registratieSql) is read after the lock, and must include what the lock's previous
    // holder committed; under REPEATABLE READ or SERIALIZABLE the snapshot is older than the lock and a concurrent act
    // fails this one (could not serialize access) instead.
    const klacht = await this.dataSource.transaction('READ COMMITTED', async (m) => {
      // The key before the lock, as in every engine transaction (idempotentie-context.ts).
      await claimSleutel(m);
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
      // The fields it names get the last value by the moment of the act, this change's own unless an act or change with a
      // later `at` set them (registratieSql, what the stored reports read; a change dated Thursday recorded after Friday's
      // afdoening does not undo Friday's registration). registratie_tot: the later-dated acts the engine checks for.
      const namen = Object.keys(kolommen) as Array<keyof RegistratieKolommen>;
      const [nieuw] = (await m.query(
        `UPDATE klacht k SET (${namen.join(', ')}) = (
            SELECT ${namen.map((n) => `r.${n}`).join(', ')} FROM klacht k2
              CROSS JOIN LATERAL ${registratieSql('k2', `'infinity'::timestamptz`, '$3::jsonb')} r WHERE k2.id = k.id),
           registratie_tot = greatest(k.registratie_tot, $2::timestamptz), version = k.version + 1
          WHERE k.id = $1
          RETURNING ${namen.join(', ')}, registratie_tot AS "registratieTot", version`,
        [row.id, new Date(at), this.perDefinitieVan(row)],
      )) as [Array<Record<string, unknown>>, number];
      Object.assign(row, nieuw[0]);
      // Subscribers (a zaaksysteem, a report warehouse) hear it like any other change, in the same transaction.
      await OutboxRelay.schrijf(m, [
        {
          klachtId: row.id,
          type: OUTBOX_TYPES.registratieGewijzigd,
          payload: { ...this.basis(row, { type: REGISTRATIE_EVENT, at }, ctx), state: row.state, registratie: r.waarden },
        },
      ]);
      await legResultaatVast(m, { klachtId: row.id, ...erbij?.resultaat });
      if (erbij) await m.query(erbij.sql, erbij.waarden);
      return row;
    });
    this.relay.kick();
    return klacht;
  }

  /** Locks the klacht row for the rest of the transaction (lock order: klacht, then its termijnen). */
  async vergrendel(m: EntityManager, klachtId: string): Promise<KlachtEntity> {
    if (!isUuid(klachtId)) throw new KlachtNietGevondenError(klachtId);
    const [rij] = (await m.query(`SELECT * FROM klacht WHERE id = $1 FOR UPDATE`, [klachtId])) as Record<string, unknown>[];
    if (!rij) throw new KlachtNietGevondenError(klachtId);
    return naarEntiteit(this.dataSource, KlachtEntity, rij);
  }

  /** Counts how an event found its klacht (klacht-cache.ts), also as the Prometheus series. */
  private tel(soort: keyof CacheTelling, n = 1): void {
    this.cache.telling[soort] += n;
    this.metrics?.engineCache.inc({ uitkomst: CACHE_UITKOMST[soort] }, n);
  }

  regimeVan(row: Pick<KlachtEntity, 'definitieId' | 'definitieVersie'>): CompiledRegime {
    const regime = this.regimes.byId(row.definitieId, row.definitieVersie);
    if (!regime) throw new DefinitieOntbreektError(row.definitieId, row.definitieVersie);
    return regime;
  }

  /**
   * Writes an accepted step inside the caller's transaction (the caller holds the row lock):
   * klacht row, history, termijn reconciliation and outbox rows, in one statement. Mutates `row` to
   * the new state. For callers on an EntityManager (termijn wake-ups, version migration).
   */
  async schrijfStap(
    m: EntityManager,
    row: KlachtEntity,
    vanState: string,
    event: KlachtEvent,
    result: StepResult,
    ctx: EngineContext,
    extra: OutboxBericht[] = [],
    termijnPatch?: { id: string; velden: Partial<TermijnEntity> },
  ): Promise<void> {
    const termijnen = ((await m.query(`SELECT * FROM termijn WHERE klacht_id = $1`, [row.id])) as Record<string, unknown>[]).map((t) =>
      naarEntiteit(this.dataSource, TermijnEntity, t),
    );
    const sql: Sql = (text, values) => m.query(text, values) as Promise<Record<string, unknown>[]>;
    // The caller's transaction may still roll back: the cache forgets the klacht (its guard would catch it anyway).
    this.cache.vergeet(row.id.toLowerCase());
    const hersteld = await this.herstelVoorStap(sql, row, event, result);
    await this.schrijf(
      sql,
      m.queryRunner,
      event.type,
      this.bereidStapVoor(row, vanState, event, result, ctx, extra, termijnen, termijnPatch, null, hersteld),
    );
  }

  /** Writes a planned step (bereidStapVoor) inside the caller's transaction and updates `row` in memory. */
  private async schrijf(sql: Sql, qr: QueryRunner | undefined, type: string, stap: VoorbereideStap, laatste = true): Promise<StapUitkomst> {
    // `laatste`: the step's statement is the transaction's last write, so it may carry the COMMIT (rauw).
    const uitkomst = stapUitkomst(this.dataSource, await sql(stap.statement.sql, stap.parameters, stap.statement.naam, laatste));
    // Without a guard (these callers read the klacht under its lock) the statement always writes.
    if (!uitkomst) throw new Error('De stap schreef niets: de klacht is niet gevonden onder het slot.');
    meldVerwerkt(qr, type);
    stap.naSchrijven(uitkomst);
    return uitkomst;
  }

  /** The step's statement parameters (stap-sql.ts), and what to set on `row` once it is written. */
  private bereidStapVoor(
    row: KlachtEntity,
    vanState: string,
    event: KlachtEvent,
    result: StepResult,
    ctx: EngineContext,
    extra: OutboxBericht[],
    termijnen: TermijnEntity[],
    termijnPatch?: { id: string; velden: Partial<TermijnEntity> },
    bewaking: KlachtStand | null = null,
    hersteld: Herstel = {},
  ): VoorbereideStap {
    // Only documented registration (data.registratie, checked against the definition's lists, and
    // tevredenheid from KLAGER_TEVREDEN / KLAGER_ONTEVREDEN) and the Awb 9:12 oordeel reach the columns; `hersteld`:
    // what undone wake-ups had registered, as the rest of the history says it (herroepWekkers), unless the step sets it.
    const registratie: RegistratieKolommen = {
      ...hersteld.registratie,
      ...registratieKolommen(this.regimeVan(row).controles?.registratieVan(event) ?? {}),
    };
    // A field a later-dated registration change set keeps that value: the last by the moment of the act (registratieSql).
    for (const kolom of hersteld.behouden ?? []) delete registratie[kolom];
    const oordeel = oordeelUitData(event.data);
    if (oordeel !== undefined) registratie.oordeel = oordeel;
    // Time in state restarts only when the state changes (an event within the state keeps it), at the event's moment. An
    // act of a termijn's last day registered after the wake-up that passed it (regime.ts `inhalen`; Awb 9:11 lid 1)
    // changed it then, also when the undone wake-up had already put the klacht in the state the act leads to; when a
    // wake-up stepped again after the act moved the klacht on, at that wake-up's moment (result.stateSinds): the act
    // does not move back the day the klacht was closed (Archiefwet 1995: its retention counts from then).
    const sinds = result.stateSinds
      ? new Date(result.stateSinds)
      : vanState !== result.state || (result.vanState ?? vanState) !== result.state
        ? new Date(event.at)
        : null;
    const plan = this.planStap(row, vanState, event, result, ctx, termijnen, extra, termijnPatch);
    return {
      statement: plan.patches.length === 0 && plan.nieuw.length === 0 ? ZONDER_TERMIJNEN : MET_TERMIJNEN,
      parameters: [
        // The history row's van_state: where the act came from at its own moment (regime.ts `inhalen`: an act of a
        // termijn's last day registered after its wake-up came from the state before that wake-up; Awb 9:11 lid 1).
        ...this.stapParameters(row.id, event, result, ctx, result.vanState ?? vanState, sinds, registratie, plan),
        // The guard (STAP_SQL $18, $19): only for a step planned from the cache.
        bewaking ? bewaking.xmin : null,
        bewaking ? termijnVingerafdruk(bewaking) : null,
      ],
      naSchrijven: ({ version, bijgewerktOp }) =>
        Object.assign(row, registratie, sinds ? { stateSinds: sinds } : {}, {
          updatedAt: bijgewerktOp,
          snapshot: result.snapshot,
          state: result.state,
          done: result.done,
          volgendeEvents: result.volgendeEvents,
          version,
          eersteVervaltOp: plan.eerste,
        }),
    };
  }

  /**
   * Before a step is written, on the rare paths only (a memory check decides): the wake-ups it undoes (herroepWekkers) and
   * the registration fields a change recorded with a later `at` set (latereRegistratie).
   */
  private async herstelVoorStap(sql: Sql, row: KlachtEntity, event: KlachtEvent, result: StepResult): Promise<Herstel> {
    const herroepen = await this.herroepWekkers(sql, row, event, result);
    if (!naLatereRegistratie(row, event)) return herroepen;
    const behouden = await this.latereRegistratie(sql, row, event);
    return behouden.length ? { ...herroepen, behouden } : herroepen;
  }

  /**
   * The registration columns that changes recorded on their own (REGISTRATIE_GEWIJZIGD) with an `at` after the act's set:
   * a klacht's registration is the last value each field got by the moment of the act (registratieSql, which the stored
   * reports read; Uitgangspunten klachtenmanagement Sociaal Domein art. 11.1, Klachtenprotocol Wmo keten Amsterdam §5A,
   * §6), not the last written: the behandelaar's classification of Friday stands when Thursday's call is registered after it.
   */
  private async latereRegistratie(sql: Sql, row: KlachtEntity, event: KlachtEvent): Promise<Array<keyof RegistratieKolommen>> {
    const rijen = await sql(
      `SELECT DISTINCT v.veld FROM klacht_gebeurtenis g,
              jsonb_object_keys(CASE WHEN jsonb_typeof(g.payload->'registratie') = 'object' THEN g.payload->'registratie' ELSE '{}'::jsonb END) v(veld)
        WHERE g.klacht_id = $1 AND g.type = $2 AND g.accepted AND g.at > $3::timestamptz`,
      [row.id, REGISTRATIE_EVENT, new Date(event.at)],
    );
    const velden = Object.fromEntries(rijen.map((r) => [String(r.veld), true])) as RegistratieWaarden;
    return Object.keys(registratieKolommen(velden)) as Array<keyof RegistratieKolommen>;
  }

  /**
   * A step that undoes wake-ups (StepResult.herroepen: an act of a termijn's last day registered after its wake-up,
   * regime.ts `inhalen`; Awb 9:11 lid 1 and 2) makes them not have happened in the history too: their rows stay, marked
   * undone (`accepted` false, `payload.herroepen` names the act), so every reader of the accepted history (the stored
   * reports' registratieSql, the version migration's replay, ZGW, the dossier, an overdracht) leaves them out. What they
   * registered goes with them: the tevredenheid 'niet bereikt' the passing of the klager's wait gave (Klachtenprotocol
   * Wmo keten Amsterdam §5A, §6) becomes what the rest of the history says (registratieSql, the one rule); the step's
   * own registration still wins (bereidStapVoor). Returns the registration to write with the step. Only on that rare path:
   * nothing is asked for any other step.
   */
  private async herroepWekkers(sql: Sql, row: KlachtEntity, event: KlachtEvent, result: StepResult): Promise<Herstel> {
    const namen = [...new Set(result.herroepen ?? [])];
    if (namen.length === 0) return {};
    // The wake-ups since the last act, after the act's moment: the ones the regime replayed and no longer took.
    const gemarkeerd = await sql(
      `UPDATE klacht_gebeurtenis g SET accepted = false,
              payload = g.payload || jsonb_build_object('herroepen', jsonb_build_object('door', $2::text, 'at', $3::text))
        WHERE g.klacht_id = $1 AND g.accepted AND g.type = 'TERMIJN_VERLOPEN' AND g.at > $4::timestamptz
          AND g.payload->>'termijn' = ANY($5::text[])
        RETURNING g.payload->>'termijn' AS termijn`,
      [row.id, event.type, new Date(event.at).toISOString(), new Date(event.at), namen],
    );
    const regime = this.regimeVan(row);
    const registreerde = gemarkeerd.some(
      (g) => regime.controles?.registratieVan({ type: 'TERMIJN_VERLOPEN', at: event.at, data: { termijn: g.termijn } }).tevredenheid,
    );
    if (!registreerde) return {};
    const [r] = await sql(
      `SELECT r.tevredenheid FROM klacht k CROSS JOIN LATERAL ${registratieSql('k', `'infinity'::timestamptz`, '$2::jsonb')} r WHERE k.id = $1`,
      [row.id, this.perDefinitieVan(row)],
    );
    return { registratie: { tevredenheid: (r?.tevredenheid as string | null | undefined) ?? null } };
  }

  /**
   * registratieSql's `perDefinitie` parameter (jsonb text) for the klacht's own definition version: the tevredenheid a
   * wake-up registers through it ('niet bereikt'), so the registration read from the history is the column's.
   */
  private perDefinitieVan(row: KlachtEntity): string {
    const definitie = (this.regimeVan(row) as { definitie?: Definitie }).definitie;
    return JSON.stringify(definitie ? tevredenheidPerDefinitie([{ id: row.definitieId, definitie }]) : {});
  }

  /** The 17 parameters STAP_SQL and INTAKE_SQL share (stap-sql.ts). */
  private stapParameters(
    klachtId: string,
    event: KlachtEvent,
    result: StepResult,
    ctx: EngineContext,
    vanState: string | null,
    sinds: Date | null,
    registratie: RegistratieKolommen,
    plan: StapPlan,
  ): unknown[] {
    return [
      klachtId,
      JSON.stringify(result.snapshot),
      result.state,
      result.done,
      JSON.stringify(result.volgendeEvents),
      sinds,
      JSON.stringify(registratie),
      plan.eerste,
      event.type,
      vanState,
      event.actor ?? ctx.actor,
      new Date(event.at),
      ctx.correlationId ?? null,
      JSON.stringify(event.data ?? {}),
      JSON.stringify(plan.patches),
      JSON.stringify(plan.nieuw),
      JSON.stringify(plan.berichten),
    ];
  }

  /**
   * Everything a step writes besides the klacht row, decided in memory from the termijn rows read under
   * the lock: the termijn patches and new rows, the outbox rows, and the klacht's earliest open due
   * moment after the step (te-laat.ts).
   */
  private planStap(
    row: KlachtEntity,
    vanState: string | null,
    event: KlachtEvent,
    result: StepResult,
    ctx: EngineContext,
    alle: TermijnEntity[],
    extra: OutboxBericht[],
    termijnPatch?: { id: string; velden: Partial<TermijnEntity> },
  ): StapPlan {
    // The snapshot before this step: to ask the regime whether the step meets a passed obligation.
    const vorigeSnapshot = vanState === null ? null : row.snapshot;
    const berichten: OutboxBericht[] = [...extra];
    // Each row carries the version the step was taken on and what it knew of the gemeente's receipt: a letter made after
    // the commit is worded from them, not from the klacht as it is by then (stap-feiten.ts).
    const basis = { ...this.basis(row, event, ctx), ...stapFeiten(row.definitieVersie, result.snapshot) };
    // An act stepped before wake-ups registered after it (regime.ts `inhalen`) came from the state at its own moment
    // (result.vanState), as its history row says; subscribers were last told the state the stored klacht shows (`vanState`,
    // e.g. 'afgesloten' by the wake-up it undid), so they hear of the change whenever either differs, and of the undoing.
    const van = vanState === null ? null : (result.vanState ?? vanState);
    if (vanState !== null && van !== null && (vanState !== result.state || van !== result.state)) {
      berichten.push({
        klachtId: row.id,
        type: OUTBOX_TYPES.statusGewijzigd,
        payload: {
          ...basis,
          van,
          naar: result.state,
          done: result.done,
          ...(van !== vanState ? { vanGemeld: vanState } : {}),
          ...(result.herroepen?.length ? { verlopenHerroepen: true } : {}),
        },
      });
    }
    const termijnen = this.verzoenTermijnen(row, vorigeSnapshot, event, result, basis, alle, termijnPatch);
    berichten.push(...termijnen.berichten);
    // A letter states the termijnen as this step left them (the ontvangstbevestiging's afhandeltermijn, a verdaging's new
    // date): it is made after the commit, when later steps may have moved or ended them (an import writes a whole history
    // at once), so they travel with its intent.
    const briefTermijnen = () =>
      result.termijnen.map((t) => ({
        naam: t.naam,
        label: t.label,
        vervaldatum: t.vervaldatum,
        uitleg: t.uitleg,
        grondslag: t.grondslag ?? null,
      }));
    for (const intent of result.intents) {
      const brief = briefSoortVoorIntent(intent.type) !== undefined ? { termijnen: briefTermijnen() } : {};
      berichten.push({ klachtId: row.id, type: `${OUTBOX_TYPES.intent}${intent.type}`, payload: { ...basis, intent, ...brief } });
    }
    return { patches: termijnen.patches, nieuw: termijnen.nieuw, berichten, eerste: termijnen.eerste };
  }

  private verzoenTermijnen(
    row: KlachtEntity,
    vorigeSnapshot: unknown,
    event: KlachtEvent,
    result: StepResult,
    basis: Record<string, unknown>,
    alle: TermijnEntity[],
    termijnPatch?: { id: string; velden: Partial<TermijnEntity> },
  ): Pick<StapPlan, 'patches' | 'nieuw' | 'eerste'> & { berichten: OutboxBericht[] } {
    // A termijn whose passing this step undid (an act done before its wake-up, registered after it: regime.ts
    // `inhalen`) runs again from where it was: its row is reopened, and the plan ends it (met in time) or moves it.
    const herleefd = herleefdeTermijnen(alle, result.herroepen);
    if (herleefd.size) alle = alle.map((t) => (herleefd.has(t.id) ? { ...t, ...HEROPEND } : t));
    const lopend = alle.filter((t) => t.status === 'lopend');
    // Passed obligations still open (te laat) before this step: te-laat.ts.
    const openVerlopen = alle.filter((t) => t.status === 'verlopen' && t.verplichting && t.geslotenOp === null);
    const maxRevisie: Record<string, number> = {};
    for (const t of alle) maxRevisie[t.naam] = Math.max(maxRevisie[t.naam] ?? 0, t.revision);
    // A termijn an undone wake-up started never ran: ended 'vervallen', and its start retracted (verlopenHerroepen).
    const nooitGelopen = result.herroepenGestart ?? [];
    const plan = planTermijnen(lopend as LopendeTermijn[], maxRevisie, result.termijnen, event, nooitGelopen, result.vervallen);
    const berichten: OutboxBericht[] = [];
    // Every row as it will be after this step, and per changed row the columns that change (one patch
    // per row: the statement touches a row once).
    const stand = new Map<string, TermijnStand>(alle.map((t) => [t.id, { ...t }]));
    const patches = new Map<string, Record<string, unknown>>();
    const zet = (id: string, velden: Partial<TermijnEntity>) => {
      Object.assign(stand.get(id)!, velden);
      const patch = patches.get(id) ?? { id };
      for (const [k, v] of Object.entries(velden)) patch[kolom(k)] = v;
      patches.set(id, patch);
    };
    for (const id of herleefd) zet(id, HEROPEND);
    const gepland = (t: Parameters<typeof termijnGeplandBericht>[2]) => termijnGeplandBericht(row.id, basis, t);

    for (const e of plan.beeindigd) {
      // Passed by its own TERMIJN_VERLOPEN: the obligation stays open (te laat) until a later step meets it.
      // Ended by any other event after its last day: met late by that event, closed at once.
      const nogOpen = e.status === 'verlopen' && event.type === 'TERMIJN_VERLOPEN' && event.data?.termijn === e.naam;
      const gesloten = e.status === 'verlopen' && !nogOpen ? { geslotenOp: new Date(event.at), geslotenDoor: event.type } : {};
      zet(e.id, { status: e.status, beeindigdOp: new Date(event.at), beeindigdDoor: event.type, ...gesloten });
      const verplichting = isVerplichting(e.naam);
      berichten.push({
        klachtId: row.id,
        type: OUTBOX_TYPES.termijnBeeindigd,
        // teLaat: an obligation passed without being met; the klacht is late on it from now on (webhooks).
        payload: {
          ...basis,
          termijnId: e.id,
          naam: e.naam,
          voor: termijnVoor(stand.get(e.id)!),
          status: e.status,
          verplichting,
          teLaat: verplichting && nogOpen && !result.done,
          // Its termijn.verlopen was announced, and this step, an act done before that (registered late: regime.ts
          // `inhalen`), undoes it: the subscriber retracts the expiry (docs/api.md).
          ...(herleefd.has(e.id) || (e.status === 'vervallen' && nooitGelopen.includes(e.naam)) ? { verlopenHerroepen: true } : {}),
        },
      });
    }
    for (const g of plan.gewijzigd) {
      const oud = lopend.find((t) => t.id === g.id)!;
      // Written only when something changed; compared by value (jsonb does not keep the key order).
      const inhoud = (t: Pick<TermijnVelden, 'label' | 'uitleg' | 'herinneringen' | 'escalatieNaar' | 'grondslag' | 'mutaties'>) =>
        vasteJson([t.label, t.uitleg, t.herinneringen, t.escalatieNaar, t.grondslag, t.mutaties]);
      // Its wake-up came while it stood still (refused, marked fired) and the hervatting is registered later: resumed on
      // a day that leaves its last day where it was, it must still pass, so it needs a wake-up of its own again.
      const hervat = oud.vervalGemeldOp !== null && isOpgeschort(oud.mutaties) && !isOpgeschort(g.velden.mutaties);
      // Reopened by a late act that neither moves nor ends it (an opschorting of the last day): its announced expiry is
      // still withdrawn, with the message below.
      const herroepen = herleefd.has(g.id);
      if (!g.verschoven && !hervat && !herroepen && inhoud(oud) === inhoud(g.velden)) continue;
      const opnieuw = g.verschoven || hervat;
      const revision = hervat && !g.verschoven ? g.revision + 1 : g.revision;
      // A moved termijn can expire again (its new revision has not fired).
      zet(g.id, { ...g.velden, revision, ...(opnieuw ? { vervalGemeldOp: null } : {}) });
      if (opnieuw || herroepen) {
        const bericht = gepland({ id: g.id, revision, ...g.velden, voor: oud.voor });
        if (herroepen) bericht.payload.verlopenHerroepen = true;
        berichten.push(bericht);
      }
    }
    const nieuw: Record<string, unknown>[] = [];
    for (const n of plan.nieuw) {
      const id = randomUUID();
      const verplichting = isVerplichting(n.naam);
      stand.set(id, { ...n, id, status: 'lopend', verplichting, geslotenOp: null });
      const rij: Record<string, unknown> = { id, klacht_id: row.id, status: 'lopend', verplichting };
      for (const [k, v] of Object.entries(n)) rij[kolom(k)] = v;
      nieuw.push(rij);
      berichten.push(gepland({ id, ...n, voor: n.voor }));
    }
    // A name that starts again, or whose running successor ends now, takes the passed one with it.
    const opnieuw = [...plan.nieuw.map((n) => n.naam), ...plan.beeindigd.map((e) => e.naam)];
    for (const id of this.sluitVerlopen(row, vorigeSnapshot, event, result, opnieuw, openVerlopen, [...stand.values()])) {
      zet(id, { geslotenOp: new Date(event.at), geslotenDoor: event.type });
    }
    // The caller's own change to one row, in the same statement (a wake-up marks its termijn fired).
    if (termijnPatch && stand.has(termijnPatch.id)) zet(termijnPatch.id, termijnPatch.velden);
    return { patches: [...patches.values()], nieuw, berichten, eerste: eersteVerval(result.done, [...stand.values()]) };
  }

  /**
   * The passed obligations that stop being open in this step (te-laat.ts): all of them when the
   * klacht ends, one whose name starts again (the new termijn is the obligation now) or whose running
   * successor ends, and those the step meets late or cancels, as the regime itself decides (nakoming.ts).
   */
  private sluitVerlopen(
    row: KlachtEntity,
    vorigeSnapshot: unknown,
    event: KlachtEvent,
    result: StepResult,
    herstart: string[],
    openVerlopen: TermijnEntity[],
    stand: TermijnStand[],
  ): string[] {
    if (result.done) {
      // Also the ones this very step let pass: the klacht has ended, nothing of it is late any more.
      return stand.filter((t) => t.status === 'verlopen' && t.verplichting && t.geslotenOp === null).map((t) => t.id);
    }
    if (openVerlopen.length === 0) return [];
    const opnieuw = openVerlopen.filter((t) => herstart.includes(t.naam));
    const rest = openVerlopen.filter((t) => !herstart.includes(t.naam));
    return [
      ...opnieuw.map((t) => t.id),
      ...(vorigeSnapshot === null ? [] : geslotenDoorStap(this.regimeVan(row), vorigeSnapshot, event, rest).map((e) => e.id)),
    ];
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

/**
 * Runs one statement on the engine transaction's connection; `name` prepares it once per connection.
 * `laatste`: the caller writes nothing after it in this transaction, so the engine may send the COMMIT
 * with it (only in its own transactions, and not with an Idempotency-Key, whose result is stored after).
 */
export type Sql = (text: string, values: unknown[], name?: string, laatste?: boolean) => Promise<Record<string, unknown>[]>;

/**
 * Every engine transaction is READ COMMITTED, whatever the server's default: a statement after the row lock must see
 * what the lock's previous holder committed (the termijnen read, and the guard of a step planned from the cache).
 */
const BEGIN = 'BEGIN ISOLATION LEVEL READ COMMITTED';

/** Per connection, the statements prepared with SQL PREPARE (they live as long as the server session). */
const voorbereid = new WeakMap<PoolClient, Set<string>>();

/** Prepares `text` as `<naam>_sql` on this connection, once. */
async function zorgVoorbereid(c: PoolClient, naam: string, text: string): Promise<void> {
  const s = voorbereid.get(c) ?? new Set<string>();
  if (s.has(naam)) return;
  await c.query(`PREPARE ${naam}_sql AS ${text}`);
  s.add(naam);
  voorbereid.set(c, s);
}

/** EXECUTE of a statement zorgVoorbereid prepared, with its parameters as literals. */
function executeSql(naam: string, waarden: unknown[]): string {
  return `EXECUTE ${naam}_sql(${waarden.map((w) => letterlijk(w)).join(', ')})`;
}

/**
 * Locks klachten in id order (every transaction that locks several does, so they cannot deadlock each other)
 * and reads their termijnen; in READ COMMITTED the termijn query sees what the lock's previous holder
 * committed. The ids are inlined: only UUIDs the caller checked.
 */
function vergrendelSql(ids: string[]): string {
  const lijst = ids.map((id) => `'${id}'`).join(', ');
  return `SELECT *, xmin::text AS rij_xmin FROM klacht WHERE id IN (${lijst}) ORDER BY id FOR UPDATE; SELECT *, xmin::text AS rij_xmin FROM termijn WHERE klacht_id IN (${lijst})`;
}

/**
 * Whether PostgreSQL certainly refused a transaction (it aborts it) rather than ending the session, which may come after
 * the COMMIT ran. The severity decides (`ERROR`, against `FATAL` or `PANIC`), but the server sends it translated when its
 * `lc_messages` is not English (`FOUT`, `FATAAL`); then the SQLSTATE does: the classes of a broken connection (08), an
 * operator or the server ending sessions (57P), a system or internal error (58, XX) leave the outcome unknown.
 */
export function zekerGeweigerd(e: unknown): boolean {
  if (!(e instanceof DatabaseError)) return false;
  if (e.severity === 'ERROR') return true;
  if (e.severity === 'FATAL' || e.severity === 'PANIC') return false;
  return !/^(08|57P|58|XX)/.test(e.code ?? 'XX');
}

/**
 * Whether the engine's connection failed or the server ended its session (a FATAL error, a broken socket, a connection
 * refused or timed out): not an ERROR that refused a statement, nor an error of the engine's own (EngineError).
 */
function verbindingWeg(e: unknown): boolean {
  if (e instanceof DatabaseError) return !zekerGeweigerd(e);
  return isDatabaseOnbereikbaar(e);
}

/** An event or an intake waiting for, or in, a group (stap-bundel.ts). */
type Verzoek = StapVerzoek | IntakeVerzoek;

/** An event waiting for, or in, a group. */
interface StapVerzoek {
  readonly soort: 'stap';
  /** The klacht id in lower case: one event per klacht in a group. */
  readonly sleutel: string;
  klachtId: string;
  event: KlachtEvent;
  ctx: EngineContext;
  /** A row that belongs with the event, in its transaction (Erbij). */
  erbij?: Erbij;
  scope: AsyncResource;
  klaar: (r: EngineResultaat) => void;
  fout: (e: unknown) => void;
}

/** An intake waiting for, or in, a group: planned (its statement's parameters), its klacht not yet written. */
interface IntakeVerzoek {
  readonly soort: 'intake';
  /** The new klacht's id. */
  readonly sleutel: string;
  params: unknown[];
  scope: AsyncResource;
  klaar: (s: KlachtStand) => void;
  fout: (e: unknown) => void;
}

/**
 * The klacht an intake wrote, with its termijnen and the xmin of both (klacht-cache.ts), from INTAKE_SQL's result
 * read by position: the klacht's columns, `k_xmin`, then the termijn's, which share names with the klacht's.
 */
function intakeStand(ds: DataSource, r: QueryResult<unknown[]>): KlachtStand {
  const grens = r.fields.findIndex((f) => f.name === 'k_xmin');
  if (grens < 0 || r.rows.length === 0) throw new Error('De intake gaf geen klacht terug.');
  const klacht = naarEntiteit(ds, KlachtEntity, alsRij(r, r.rows[0], 0, grens));
  const xmin = String(r.rows[0][grens]);
  const termijnen = r.rows
    .map((w) => alsRij(r, w, grens + 1))
    .filter((t) => t.id !== null)
    .map((t) => naarEntiteit(ds, TermijnEntity, t));
  return { klacht, termijnen, xmin, termijnXmin: new Map(termijnen.map((t) => [t.id, xmin])) };
}

/** A row read by position (rowMode 'array') as an object: its columns `van` up to `tot`, by name. */
function alsRij(r: QueryResult<unknown[]>, waarden: unknown[], van = 0, tot = r.fields.length): Record<string, unknown> {
  return Object.fromEntries(r.fields.slice(van, tot).map((f, i) => [f.name, waarden[van + i]]));
}

/** An event of a group, stepped and planned, waiting for the group's write. */
interface GeplandeStap {
  v: StapVerzoek;
  row: KlachtEntity;
  result: StepResult;
  stap: VoorbereideStap;
  /** The klacht as the step was planned from (read, or cached). */
  stand: KlachtStand;
}

/** What a written step returned (STAP_SQL): the klacht's new version, the xmin of what it wrote, the termijn rows it wrote. */
interface StapUitkomst {
  version: number;
  bijgewerktOp: Date;
  xmin: string;
  termijnen: TermijnEntity[];
}

/** The step statement's rows; null when its guard failed and it wrote nothing. */
function stapUitkomst(ds: DataSource, rijen: Record<string, unknown>[]): StapUitkomst | null {
  if (rijen.length === 0) return null;
  return {
    version: Number(rijen[0].version),
    bijgewerktOp: rijen[0].k_updated_at as Date,
    xmin: String(rijen[0].k_xmin),
    // LEFT JOIN: a step that wrote no termijn row returns one row without one.
    termijnen: rijen.filter((r) => r.id !== null && r.id !== undefined).map((r) => naarEntiteit(ds, TermijnEntity, r)),
  };
}

/** The klacht as it is after a written step (the cache's next starting point): the rows it wrote replace those it was planned from. */
function naStap(voor: KlachtStand, row: KlachtEntity, uit: StapUitkomst): KlachtStand {
  const termijnen = new Map(voor.termijnen.map((t) => [t.id, t]));
  const termijnXmin = new Map(voor.termijnXmin);
  for (const t of uit.termijnen) {
    termijnen.set(t.id, t);
    termijnXmin.set(t.id, uit.xmin);
  }
  return { klacht: row, termijnen: [...termijnen.values()], xmin: uit.xmin, termijnXmin };
}

/** The step's statement (stap-sql.ts): the one without termijn parts when the step changes and starts no termijn. */
interface StapStatement {
  naam: string;
  sql: string;
}
const MET_TERMIJNEN: StapStatement = { naam: STAP_SQL_NAAM, sql: STAP_SQL };
const ZONDER_TERMIJNEN: StapStatement = { naam: STAP_ZONDER_TERMIJNEN_SQL_NAAM, sql: STAP_ZONDER_TERMIJNEN_SQL };

/** A planned step: its statement and parameters, and the in-memory update of the row after the write. */
interface VoorbereideStap {
  statement: StapStatement;
  parameters: unknown[];
  naSchrijven: (uitkomst: StapUitkomst) => void;
}

/** A parameter as an SQL literal for EXECUTE (its type comes from the PREPARE). */
function letterlijk(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (v instanceof Date) return sqlTekst(v.toISOString());
  if (typeof v === 'string') return sqlTekst(v);
  throw new TypeError(`Geen SQL-waarde: ${typeof v}`);
}

/**
 * A string as an SQL literal: quotes doubled, and with a backslash the escape-string form with backslashes
 * doubled, so it reads the same whatever standard_conforming_strings says (the output of node-postgres'
 * escapeLiteral, which builds it character by character: measurable for the kilobytes a group sends).
 */
export function sqlTekst(s: string): string {
  const q = s.replace(/'/g, "''");
  return s.includes('\\') ? ` E'${q.replace(/\\/g, '\\\\')}'` : `'${q}'`;
}

/** A termijn row as it will be after the step being planned (for te-laat.ts `eersteVerval`). */
type TermijnStand = Pick<TermijnEntity, 'id' | 'status' | 'verplichting' | 'geslotenOp' | 'vervaltOp'> & Partial<TermijnEntity>;

interface StapPlan {
  /** Per changed termijn row: `{ id, <column>: value }` for the columns that change. */
  patches: Array<Record<string, unknown>>;
  /** New termijn rows, by column name. */
  nieuw: Array<Record<string, unknown>>;
  berichten: OutboxBericht[];
  /** klacht.eerste_vervalt_op after the step (te-laat.ts). */
  eerste: Date | null;
}

/** Property name to column name (the termijn entity maps camelCase to snake_case). */
function kolom(eigenschap: string): string {
  return eigenschap.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** JSON with object keys sorted: equal values give equal text whatever order their keys came in. */
function vasteJson(v: unknown): string {
  return JSON.stringify(v, (_k, w: unknown) =>
    w && typeof w === 'object' && !Array.isArray(w)
      ? Object.fromEntries(Object.entries(w as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : w,
  );
}

/** What a reopened termijn row is again: running, not fired, not ended or closed. */
const HEROPEND = {
  status: 'lopend',
  vervalGemeldOp: null,
  beeindigdOp: null,
  beeindigdDoor: null,
  geslotenOp: null,
  geslotenDoor: null,
} as const satisfies Partial<TermijnEntity>;

/**
 * The rows of the termijnen whose passing a step undid (`StepResult.herroepen`): per name the last one its
 * wake-up ended (status verlopen, fired, not closed since), if no row of that name runs.
 */
export function herleefdeTermijnen(alle: TermijnEntity[], herroepen: string[] | undefined): Set<string> {
  const ids = new Set<string>();
  for (const naam of new Set(herroepen ?? [])) {
    if (alle.some((t) => t.naam === naam && t.status === 'lopend')) continue;
    const laatste = alle
      .filter((t) => t.naam === naam && t.status === 'verlopen' && t.vervalGemeldOp !== null && t.geslotenOp === null)
      .sort((a, b) => b.revision - a.revision)[0];
    if (laatste) ids.add(laatste.id);
  }
  return ids;
}
