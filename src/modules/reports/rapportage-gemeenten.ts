/**
 * Which gemeenten's klachten a report counts, and how a herindeling splits the report schedule (docs/beheer-en-rapportages.md,
 * "Rapportages na een herindeling"). Pure: no clock, no I/O, so a period gives one answer whenever it is asked.
 *
 * Rule (Wet algemene regels herindeling art. 40 e.v.): the period's last day decides. A report of gemeente G over
 * [van, tot] counts the klachten of G and of every gemeente opgeheven into G on or before `tot`, over the whole period.
 * The dissolved gemeente made its own reports while it existed; a report of it that falls due after its last day is the
 * successor's: it keeps only the part of its period before the successor's period that takes the dissolved gemeente in,
 * and disappears when nothing is left (no klacht counted twice, none left out).
 */
import type { IsoDate } from '../../machines/contract';
import { cbsGemeente, gemeentenVan, opvolgersVan } from '../../machines';
import { dagenInMaand, leesDatum, naarIso } from '../../machines/termijnen/datum';
import { klachtGemeenten } from '../auth/tenant';
import type { RapportageMoment } from './rapportage-momenten';
import type { RapportageFilter } from './rapportage.repository';

export interface Periode {
  /** First day, inclusive (YYYY-MM-DD, Europe/Amsterdam). */
  van: IsoDate;
  /** Last day, inclusive. */
  tot: IsoDate;
}

/** Calendar year `jaar` as a period (the Awb 9:12a overview). */
export function jaarPeriode(jaar: number): Periode {
  return { van: `${jaar}-01-01`, tot: `${jaar}-12-31` };
}

/** The calendar month of `dag` as a period, first to last day ("ontvangen deze maand" of the /beheer overview). */
export function maandPeriode(dag: IsoDate): Periode {
  const [j, m] = dag.split('-').map(Number);
  return { van: `${dag.slice(0, 7)}-01`, tot: `${dag.slice(0, 7)}-${dagenInMaand(j, m)}` };
}

/**
 * The gemeenten whose klachten `gemeente`'s report over `periode` counts: `gemeentenVan` on the period's last day. Used by
 * the gemeente's report on request (JSON, CSV, HTML), the Awb 9:12a overview and the gemeente's stored reports of the
 * schedule (an aanbieder's report follows `aanbiederRapportage`): never the day it is asked or the day a job runs.
 */
export function rapportageGemeenten(gemeente: string, periode: Pick<Periode, 'tot'>): string[] {
  return gemeentenVan(gemeente, periode.tot);
}

/**
 * The scope of `gemeente`'s own report over `periode` on request (JSON, CSV, HTML): the klachten of `rapportageGemeenten`.
 * An aanbieder is gemeente + id, so `aanbieder` alone is the gemeente's own aanbieder, the id as `gemeente` chose it: the
 * organisation its aanbieder key and its own report (`aanbiederRapportage`) name. After a herindeling the dissolved
 * gemeente's aanbieder with that id is asked for with `aanbiederGemeente` (its CBS code); the figures of the two are
 * never added up. Whether `aanbiederGemeente` is one of `gemeenten` is the caller's check (it answers with a 400).
 */
export function gemeenteRapportage(
  gemeente: string,
  periode: Pick<Periode, 'tot'>,
  filter: { aanbieder?: string; aanbiederGemeente?: string },
): Pick<RapportageFilter, 'gemeenten' | 'aanbieder' | 'aanbiederGemeente'> {
  const gemeenten = rapportageGemeenten(gemeente, periode);
  if (filter.aanbieder === undefined) return { gemeenten };
  return { gemeenten, aanbieder: filter.aanbieder, aanbiederGemeente: filter.aanbiederGemeente ?? gemeente };
}

/**
 * The gemeenten whose klachten an aanbieder of `gemeente` (the gemeente that chose its id) reports on: only `gemeente`'s
 * own, also after a herindeling. An aanbieder id is chosen per gemeente (gemeente + id): the dissolved gemeente may have
 * used the same id for another organisation, and an aanbieder key sees only the klachten of its id's gemeente
 * (`klachtGemeenten` of the aanbieder role, the one rule, followed here). So Amsterdam's aanbieder 'x' reports on
 * Amsterdam's klachten naming 'x', not on Weesp's; Weesp's 'x' (a key Amsterdam issued for GM0457) on Weesp's.
 */
export function aanbiederGemeenten(gemeente: string): string[] {
  return klachtGemeenten({ gemeente, rol: 'aanbieder' });
}

/**
 * The scope of one aanbieder's own report (contract art. 11.1, Klachtenprotocol Wmo keten Amsterdam §10): the klachten of
 * `aanbiederGemeenten(gemeente)` naming `aanbiederId`, without those it handed over at contract end (Klachtenprotocol §9).
 * One scope for its GET /rapportages, its stored report at a deadline and whether it owes one (the escalation), so the
 * contractmanager never escalates an aanbieder for klachten it cannot see. Its termijn class reads only its own termijnen
 * (`alleenAanbiederTermijnen`; §10: it reports "bijvoorbeeld termijn van afhandelen" of its own handling): a klacht it did
 * af in time is not 'te laat' in its report because the klager went on to the gemeente (Uitgangspunten klachtenmanagement
 * Sociaal Domein §5A) and the gemeente let its Awb 9:11 termijn pass. The gemeente's reports keep the klacht's one class.
 */
export function aanbiederRapportage(
  gemeente: string,
  aanbiederId: string,
): Pick<RapportageFilter, 'gemeenten' | 'aanbieder' | 'zonderOvergedragen' | 'alleenAanbiederTermijnen'> {
  return { gemeenten: aanbiederGemeenten(gemeente), aanbieder: aanbiederId, zonderOvergedragen: true, alleenAanbiederTermijnen: true };
}

/**
 * The gemeenten whose aanbieders owe a periodic report on a moment of `gemeente` over `periode` (contract art. 11.1,
 * Klachtenprotocol Wmo keten Amsterdam §10): the gemeenten whose klachten the moment counts (`rapportageGemeenten`, the
 * period's last day decides), each aanbieder as gemeente + id reporting on its own gemeente's klachten only
 * (`aanbiederRapportage`). After a herindeling the successor takes over the dissolved gemeente's contracts with their duties
 * (Wet arhi art. 40): Weesp's aanbieders report to Amsterdam on Weesp's klachten from the quarter in which Weesp went into
 * it (1 januari - 31 maart 2022) on, as Weesp's last moment stops where that quarter begins (`momentNaOpheffing`); without
 * this no moment would ask them about those klachten. The one answer for the reminder, the stored reports and the escalation.
 */
export function momentAanbiederGemeenten(gemeente: string, periode: Pick<Periode, 'tot'>): string[] {
  return rapportageGemeenten(gemeente, periode);
}

/**
 * The gemeenten under whose code an aanbieder's submission for a moment of `gemeente` counts: the gemeente itself and,
 * once it is opgeheven by the deadline, its successors (a key of the dissolved gemeente is refused from its opheffing on,
 * so the aanbieder submits with the successor's key).
 */
export function inleverGemeenten(gemeente: string, deadline: IsoDate): string[] {
  return opvolgersVan(gemeente, deadline);
}

/** The gemeente a dissolved `gemeente` went into (its direct successor), undefined while it exists or outside the CBS list. */
export function opgegaanIn(gemeente: string): string | undefined {
  return cbsGemeente(gemeente.toUpperCase())?.opgegaanIn;
}

/** The day before `dag`. */
function dagErvoor(dag: IsoDate): IsoDate {
  return naarIso(leesDatum(dag) - 1);
}

/**
 * A moment of `gemeente` as the schedule keeps it after a herindeling. Due on or before the opheffing day ("vóór" that
 * day: within the gemeente's last day) it is the dissolved gemeente's own and stays whole. Due later: the successor's
 * first moment of the same soort whose period ends on or after the opheffing day counts the dissolved gemeente's klachten from that
 * period's first day on (`rapportageGemeenten`), so this moment keeps only the days before it; undefined when none are
 * left. A successor without such a moment covers nothing, and the moment stays whole.
 */
export function momentNaOpheffing(gemeente: string, m: RapportageMoment, opvolgerMomenten: readonly RapportageMoment[]): RapportageMoment | undefined {
  const opgeheven = cbsGemeente(gemeente.toUpperCase())?.opgeheven;
  if (!opgeheven || m.deadline <= opgeheven) return m;
  // Every successor period ending on or after the opheffing day counts the dissolved gemeente: the first of them starts the cover.
  const dekkend = opvolgerMomenten.filter((o) => o.soort === m.soort && o.periodeTot >= opgeheven);
  if (dekkend.length === 0) return m;
  const vanaf = dekkend.map((o) => o.periodeVan).sort()[0];
  const tot = m.periodeTot < vanaf ? m.periodeTot : dagErvoor(vanaf);
  return tot < m.periodeVan ? undefined : { ...m, periodeTot: tot };
}
