import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConnectionOptions, Queue } from 'bullmq';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config';
import { KLOK, type Klok } from '../../common/klok';
import { QUEUE_SETTINGS, type QueueSettings } from '../../jobs/queue-backend';
import { RAPPORTAGE_JOB_OPTIONS, rapportageJobId, type RapportageJob } from '../../jobs/reports.queue';
import type { Definitie } from '../../machines/definition/types';
import { cbsGemeente } from '../../machines';
import { loadAndValidate } from '../../machines/definition/validate';
import { REGIME_BRON, type RegimeBron } from '../engine/regime-bron';
import { beginVanDag, dagVan } from '../termijnen/termijn-tijd';
import { ALLE_AANBIEDERS } from './rapportage.entity';
import { queryAanbieders, queryJaaroverzicht, queryRapportage, tevredenheidPerDefinitie } from './rapportage.repository';
import { aanbiederRapportage, inleverGemeenten, momentAanbiederGemeenten, momentNaOpheffing, opgegaanIn, rapportageGemeenten } from './rapportage-gemeenten';
import { laatsteDag, rapportageMomenten, type RapportageMoment } from './rapportage-momenten';
import { RapportageMomentEntity } from './rapportage-moment.entity';

/** Outbox row types of the report schedule (delivered by the notification relay after commit). */
export const RAPPORTAGE_OUTBOX = {
  herinnering: 'rapportage.herinnering',
  teLaat: 'rapportage.te-laat',
  gegenereerd: 'rapportage.gegenereerd',
} as const;

/** Same aanbieder + aard this often in a period flags a terugkerende klacht in stored reports. */
export const STANDAARD_DREMPEL = 3;

export type Uitkomst = 'verwerkt' | 'al-verwerkt' | 'onbekend';

/** An aanbieder that owes a report: the gemeente that chose its id + the id (an id is per gemeente). */
type Aanbieder = { gemeente: string; id: string; naam: string };

/**
 * The moments of the gemeente that `gemeente` went into, around the opheffing (deadlines in its year and the next):
 * what `momentNaOpheffing` needs to know from when the successor's reports count the dissolved gemeente's klachten.
 */
function opvolgerMomenten(gemeente: string, definities: readonly ReportDefinitie[]): RapportageMoment[] {
  const opvolger = opgegaanIn(gemeente);
  if (!opvolger) return [];
  const opgeheven = cbsGemeente(gemeente.toUpperCase())?.opgeheven ?? '';
  const jaar = Number(opgeheven.slice(0, 4));
  return definities
    .filter((d) => d.definitie.gemeente.cbsCode.toUpperCase() === opvolger)
    .flatMap((d) => [jaar, jaar + 1].flatMap((j) => momentenVan(d, j, definities)));
}

/** `rapportageMomenten` of `d` in `jaar`, ending with the last day it is in force among `definities` (`laatsteDag`). */
function momentenVan(d: ReportDefinitie, jaar: number, definities: readonly ReportDefinitie[]): RapportageMoment[] {
  return rapportageMomenten(
    d.definitie,
    jaar,
    laatsteDag(
      d.definitie,
      definities.map((x) => x.definitie),
    ),
  );
}

/** A definition with the id of its folder (`gm1904-stichtse-vecht`). */
export interface ReportDefinitie {
  id: string;
  definitie: Definitie;
}

/**
 * The report schedule: mirrors `rapportageMomenten` of every definition into `rapportage_moment`,
 * schedules BullMQ delayed jobs from those rows, and handles them on fresh database state. Reminder
 * and deadline each run once (the moment row is locked and stamped in the same transaction as the
 * outbox rows), so a duplicated or retried job does nothing the second time.
 */
@Injectable()
export class RapportagePlanningService implements OnApplicationShutdown {
  private readonly logger = new Logger(RapportagePlanningService.name);
  readonly queue: Queue<RapportageJob>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(QUEUE_SETTINGS) settings: QueueSettings,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REGIME_BRON) private readonly bron: RegimeBron & { regimes?: unknown[] },
    @Inject(KLOK) private readonly klok: Klok,
  ) {
    this.queue = new Queue<RapportageJob>('rapportages', {
      connection: settings.connection as ConnectionOptions,
      prefix: settings.prefix,
      defaultJobOptions: RAPPORTAGE_JOB_OPTIONS,
    });
    this.queue.on('error', (e) => this.logger.warn(`Queue rapportages: ${e.message}`));
  }

  /**
   * The definitions the engine serves (DEFINITIONS_DIR plus versions published through the API);
   * invalid ones are reported by `klachtregie validate` and never scheduled.
   */
  laadDefinities(): ReportDefinitie[] {
    const regimes = (this.bron.regimes ?? []) as Array<{ summary: { id: string }; definitie?: Definitie }>;
    const uitBron = regimes.filter((r) => r.definitie).map((r) => ({ id: r.summary.id, definitie: r.definitie as Definitie }));
    if (uitBron.length > 0) return uitBron;
    return loadAndValidate([this.config.definitionsDir]).definities.map((d) => ({ id: d.id, definitie: d.definitie }));
  }

  /**
   * Upserts the moments of this year and next for every definition, then (re)schedules a job for
   * every moment not yet handled. New moments whose deadline has already passed are not created
   * (no escalation for a deadline from before the service existed); existing unhandled ones are
   * caught up at once. A moment not yet handled always follows the current definitions: its period
   * and reminder are rewritten, and a future deadline the definitions no longer have is removed (a
   * definition that moved its deadlines, e.g. to give the aanbieder time after the period, must not
   * leave the old deadline behind to escalate every aanbieder at 00:00).
   */
  async synchroniseer(nu: Date = this.klok.nu(), definities: ReportDefinitie[] = this.laadDefinities()): Promise<number> {
    const vandaag = dagVan(nu);
    const jaar = Number(vandaag.slice(0, 4));
    type Rij = { gemeente: string; id: string; versie: string; m: ReturnType<typeof rapportageMomenten>[number] };
    const gewenst = new Map<string, Rij>();
    for (const d of definities) {
      const opvolger = opvolgerMomenten(d.definitie.gemeente.cbsCode, definities);
      for (const j of [jaar, jaar + 1]) {
        for (const heel of momentenVan(d, j, definities)) {
          // After a herindeling a moment of the dissolved gemeente due after its last day is the successor's (Wet arhi art. 40).
          const m = momentNaOpheffing(d.definitie.gemeente.cbsCode, heel, opvolger);
          if (!m || m.deadline < vandaag) continue;
          const sleutel = `${d.definitie.gemeente.cbsCode}|${m.soort}|${m.deadline}`;
          const al = gewenst.get(sleutel);
          // Two versions of one definition may share a deadline (a version change mid-period): one moment, the union of both periods.
          if (al) {
            al.m = { ...al.m, periodeVan: m.periodeVan < al.m.periodeVan ? m.periodeVan : al.m.periodeVan, periodeTot: m.periodeTot > al.m.periodeTot ? m.periodeTot : al.m.periodeTot };
          } else {
            gewenst.set(sleutel, { gemeente: d.definitie.gemeente.cbsCode, id: d.id, versie: d.definitie.versie, m });
          }
        }
      }
    }
    await this.dataSource.transaction(async (em) => {
      for (const { gemeente, id, versie, m } of gewenst.values()) {
        await em.query(
          `insert into rapportage_moment (gemeente, definitie_id, definitie_versie, soort, cadans, periode_van, periode_tot, deadline, herinnering, naar, label)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
           on conflict (gemeente, soort, deadline) do update set
             definitie_id = excluded.definitie_id, definitie_versie = excluded.definitie_versie, cadans = excluded.cadans,
             periode_van = excluded.periode_van, periode_tot = excluded.periode_tot, herinnering = excluded.herinnering,
             naar = excluded.naar, label = excluded.label
           where rapportage_moment.verwerkt_op is null`,
          [gemeente, id, versie, m.soort, m.cadans, m.periodeVan, m.periodeTot, m.deadline, m.herinnering ?? null, m.naar, m.label],
        );
      }
      for (const gemeente of new Set(definities.map((d) => d.definitie.gemeente.cbsCode))) {
        const houden = [...gewenst.values()].filter((r) => r.gemeente === gemeente).map((r) => `${r.m.soort}|${r.m.deadline}`);
        await em.query(
          `delete from rapportage_moment
           where gemeente = $1 and verwerkt_op is null and deadline >= $2 and deadline < $3
             and not (soort || '|' || to_char(deadline, 'YYYY-MM-DD') = any($4::text[]))`,
          [gemeente, vandaag, `${jaar + 2}-01-01`, houden],
        );
      }
    });
    return this.planOpenMomenten(nu);
  }

  /** Schedules a job for every unhandled moment in PostgreSQL (the rebuild after Redis was lost). */
  async planOpenMomenten(nu: Date = this.klok.nu()): Promise<number> {
    const open = await this.dataSource.getRepository(RapportageMomentEntity).find({ where: { verwerktOp: IsNull() }, order: { deadline: 'ASC' } });
    let n = 0;
    for (const m of open) {
      const basis = { gemeente: m.gemeente, soort: m.soort as RapportageJob['soort'], deadline: m.deadline };
      if (m.herinnering && !m.herinneringVerzondenOp) {
        n += await this.voegToe({ ...basis, kind: 'herinnering' }, beginVanDag(m.herinnering), nu);
      }
      // "vóór 1 juli": the deadline has passed at 00:00 Europe/Amsterdam on 1 July.
      n += await this.voegToe({ ...basis, kind: 'deadline' }, beginVanDag(m.deadline), nu);
    }
    return n;
  }

  private async voegToe(job: RapportageJob, op: Date, nu: Date): Promise<number> {
    const jobId = rapportageJobId(job);
    const bestaand = await this.queue.getJob(jobId);
    if (bestaand) {
      // The moment is still unhandled in PostgreSQL (the source of truth): a job that used up its attempts (the
      // database away at 00:00 on the deadline) or finished without handling it must not keep its id taken, else
      // the report is never stored and the contractmanager never hears of a missing one.
      const staat = await bestaand.getState();
      if (staat !== 'failed' && staat !== 'completed') return 0;
      await bestaand.remove();
    }
    // timestamp = nu: the job fires at timestamp + delay = op, also when nu is a test's fixed clock.
    await this.queue.add(job.kind, job, { jobId, timestamp: nu.getTime(), delay: Math.max(0, op.getTime() - nu.getTime()) });
    return 1;
  }

  private async moment(em: EntityManager, job: Pick<RapportageJob, 'gemeente' | 'soort' | 'deadline'>): Promise<RapportageMomentEntity | undefined> {
    const rows = await em.query(`select id from rapportage_moment where gemeente = $1 and soort = $2 and deadline = $3 for update`, [job.gemeente, job.soort, job.deadline]);
    if (rows.length === 0) return undefined;
    return (await em.getRepository(RapportageMomentEntity).findOneBy({ id: rows[0].id })) ?? undefined;
  }

  /**
   * The gemeenten whose klachten a moment's report covers: `rapportageGemeenten` of its period, the same rule as the
   * report on request (the period's last day decides, Wet arhi art. 40 e.v.), so a rerun, a late job and a request
   * later count the same klachten.
   */
  private klachtGemeenten(m: RapportageMomentEntity): string[] {
    return rapportageGemeenten(m.gemeente, { tot: m.periodeTot });
  }

  /**
   * Which aanbieders report on the moment: the one answer for its reminder, its stored reports and its escalation. Those
   * of every gemeente whose klachten the moment counts (`momentAanbiederGemeenten`: after a herindeling also the dissolved
   * gemeente's, Wet arhi art. 40) with klachten in the scope of their own report (`aanbiederRapportage`: gemeente + id, so
   * Amsterdam's 'zorgbalans' and Weesp's are two aanbieders; without what they handed over by `peildatum`, Klachtenprotocol
   * Wmo keten Amsterdam §9). Each gets a stored report of its own.
   */
  private aanbieders(em: EntityManager, m: RapportageMomentEntity, peildatum: Date): Promise<Aanbieder[]> {
    return queryAanbieders(em, momentAanbiederGemeenten(m.gemeente, { tot: m.periodeTot }), m.periodeVan, m.periodeTot, peildatum);
  }

  /**
   * Of the moment's `aanbieders`, those that still owe their report (nothing submitted in time).
   * In time: before 00:00 on the deadline ("vóór 1 juli", contract art. 11.1), by the service's clock when it was
   * received, so a job that runs late does not accept what came after the deadline. Under the gemeente's code or,
   * after its opheffing, its successor's (`inleverGemeenten`: the dissolved gemeente's keys are refused by then). Matched
   * on the aanbieder, gemeente + id (`aanbieder_gemeente`): under the successor's code Amsterdam's 'zorgbalans' does not
   * report for Weesp's 'zorgbalans' (Wet arhi art. 40 e.v.).
   */
  private async ontbrekend(em: EntityManager, m: RapportageMomentEntity, aanbieders: Aanbieder[]): Promise<Aanbieder[]> {
    const ingediend: Array<{ aanbieder_gemeente: string; aanbieder_id: string }> = await em.query(
      `select aanbieder_gemeente, aanbieder_id from aanbieder_rapportage where gemeente = any($1::text[]) and deadline = $2 and ingediend_op < $3`,
      [inleverGemeenten(m.gemeente, m.deadline), m.deadline, beginVanDag(m.deadline)],
    );
    const sleutel = (gemeente: string, id: string) => `${gemeente}\u0000${id}`;
    const klaar = new Set(ingediend.map((r) => sleutel(r.aanbieder_gemeente, r.aanbieder_id)));
    return aanbieders.filter((a) => !klaar.has(sleutel(a.gemeente, a.id)));
  }

  /** herinneringVoor: remind each aanbieder that has not submitted yet. */
  async herinnering(job: RapportageJob): Promise<Uitkomst> {
    return this.dataSource.transaction(async (em) => {
      const m = await this.moment(em, job);
      if (!m) return 'onbekend';
      if (m.herinneringVerzondenOp || m.verwerktOp) return 'al-verwerkt';
      const aanbieders = await this.aanbieders(em, m, beginVanDag(m.herinnering ?? m.deadline));
      for (const a of await this.ontbrekend(em, m, aanbieders)) {
        await this.outbox(em, RAPPORTAGE_OUTBOX.herinnering, {
          gemeente: m.gemeente, aanbiederId: a.id, aanbiederGemeente: a.gemeente, aanbiederNaam: a.naam, naar: 'aanbieder', deadline: m.deadline,
          periodeVan: m.periodeVan, periodeTot: m.periodeTot, label: m.label,
        });
      }
      await em.query(`update rapportage_moment set herinnering_verzonden_op = now() where id = $1`, [m.id]);
      return 'verwerkt';
    });
  }

  /**
   * At the deadline: store the gemeente-wide report and one per aanbieder (or the Awb 9:12a
   * overview), and escalate every aanbieder without a submission to the role in `naar`
   * (contractmanager). Then extend the schedule (next year's moments).
   */
  async deadline(job: RapportageJob, nu: Date = this.klok.nu()): Promise<Uitkomst> {
    const uitkomst = await this.dataSource.transaction(async (em): Promise<Uitkomst> => {
      const m = await this.moment(em, job);
      if (!m) return 'onbekend';
      if (m.verwerktOp) return 'al-verwerkt';
      // Every figure as at the deadline (00:00, the moment this job was planned for), not when it happens to run: a job
      // that runs days late (a worker down, Redis lost and the schedule caught up) stores what the report said then. The
      // termijnen as they stood (a klacht late then and afgedaan since is te laat, not te laat afgehandeld), and the end,
      // oordeel and registration from the history (an afdoening registered after the deadline is not in it). As known
      // when it runs: an act done before the deadline and registered after it counts at its own moment (Awb 9:11,
      // docs/te-laat.md), so an afdoening of the last day registered after the wake-up is op tijd. The stored report
      // records this peildatum.
      const peildatum = beginVanDag(m.deadline);
      if (m.soort === 'jaarverslag') {
        // The moment's own period: a year cut short by the definition's validity counts only those days.
        const overzicht = await queryJaaroverzicht(em, m.gemeente, this.klachtGemeenten(m), { van: m.periodeVan, tot: m.periodeTot }, peildatum);
        await this.bewaar(em, m, undefined, overzicht, peildatum, nu);
      } else {
        const gemeenten = this.klachtGemeenten(m);
        const filter = {
          gemeenten,
          van: m.periodeVan,
          tot: m.periodeTot,
          drempel: STANDAARD_DREMPEL,
          peildatum,
          peildatumVerleden: peildatum.getTime() < nu.getTime(),
          // What the history alone does not say: tevredenheid registered through each definition's list (registratieSql).
          tevredenheidPerDefinitie: tevredenheidPerDefinitie(this.laadDefinities()),
        };
        // The gemeente's report counts every klacht of the period, for the aanbieder at receipt (also one handed over since).
        await this.bewaar(em, m, undefined, await queryRapportage(em, filter), peildatum, nu);
        // Each aanbieder's own report: the scope of its GET /rapportages (`aanbiederRapportage` of its gemeente + id), as at
        // the peildatum. Stored on the moment's gemeente with the gemeente that chose its id, so Amsterdam's 'zorgbalans'
        // and Weesp's are two reports of Amsterdam's moment and never overwrite each other (Wet arhi art. 40).
        const aanbieders = await this.aanbieders(em, m, peildatum);
        for (const a of aanbieders) {
          await this.bewaar(em, m, a, await queryRapportage(em, { ...filter, ...aanbiederRapportage(a.gemeente, a.id) }), peildatum, nu);
        }
        for (const a of await this.ontbrekend(em, m, aanbieders)) {
          await this.outbox(em, RAPPORTAGE_OUTBOX.teLaat, {
            gemeente: m.gemeente, aanbiederId: a.id, aanbiederGemeente: a.gemeente, aanbiederNaam: a.naam, naar: m.naar, deadline: m.deadline,
            periodeVan: m.periodeVan, periodeTot: m.periodeTot, label: m.label,
            grondslag: m.cadans === 'kwartaal' ? 'Klachtenprotocol Wmo keten §10' : 'Uitgangspunten klachtenmanagement, contract art. 11.1',
          });
        }
      }
      await this.outbox(em, RAPPORTAGE_OUTBOX.gegenereerd, { gemeente: m.gemeente, soort: m.soort, deadline: m.deadline, naar: m.naar, label: m.label });
      await em.query(`update rapportage_moment set verwerkt_op = now() where id = $1`, [m.id]);
      return 'verwerkt';
    });
    if (uitkomst === 'verwerkt') await this.synchroniseer(nu).catch((e: Error) => this.logger.warn(`Rapportageplanning bijwerken: ${e.message}`));
    return uitkomst;
  }

  /**
   * Stores a report with the moment its figures are as at (`peildatum`) and when it was made (`nu`, the service's clock),
   * under the moment's gemeente: the gemeente-wide report (`aanbieder` undefined, `*`) or one aanbieder's, named by the
   * gemeente that chose its id + the id (`aanbieder_gemeente`, `aanbieder_id`). Again for the same moment and aanbieder
   * replaces it.
   */
  private async bewaar(
    em: EntityManager,
    m: RapportageMomentEntity,
    aanbieder: Pick<Aanbieder, 'gemeente' | 'id'> | undefined,
    inhoud: unknown,
    peildatum: Date,
    nu: Date,
  ): Promise<void> {
    // Each kind of row has its own unique index (UQ_rapportage_moment_gemeente for the gemeente-wide one, whose
    // aanbieder_gemeente is null), and ON CONFLICT must name the one it replaces on.
    const sleutel = aanbieder
      ? `(gemeente, soort, deadline, aanbieder_gemeente, aanbieder_id)`
      : `(gemeente, soort, deadline) where aanbieder_gemeente is null`;
    await em.query(
      `insert into rapportage (gemeente, definitie_id, soort, aanbieder_id, aanbieder_gemeente, periode_van, periode_tot, deadline, label, inhoud, peildatum, gegenereerd_op)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       on conflict ${sleutel} do update set inhoud = excluded.inhoud, peildatum = excluded.peildatum, gegenereerd_op = excluded.gegenereerd_op`,
      [
        m.gemeente, m.definitieId, m.soort, aanbieder?.id ?? ALLE_AANBIEDERS, aanbieder?.gemeente ?? null, m.periodeVan, m.periodeTot, m.deadline,
        m.label, JSON.stringify(inhoud), peildatum, nu,
      ],
    );
  }

  private async outbox(em: EntityManager, type: string, payload: Record<string, unknown>): Promise<void> {
    await em.query(`insert into outbox (klacht_id, type, payload) values (null, $1, $2)`, [type, JSON.stringify(payload)]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close().catch(() => undefined);
  }
}
