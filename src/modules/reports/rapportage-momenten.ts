/**
 * When reports are due, computed purely from a definition's `rapportage` block (no clock, no I/O),
 * so the BullMQ schedule can always be rebuilt from the definitions and PostgreSQL (design.md §1).
 *
 * Rule: each deadline (`MM-DD`, "vóór 1 juli") closes a period that runs from the previous deadline
 * up to the day before this one. Stichtse Vecht (seed 000 art. 11.1, deadlines 07-01 and 12-01):
 * the report due vóór 1 juli covers 1 december – 30 juni, the one due vóór 1 december covers
 * 1 juli – 30 november; together they cover every day once. A definition without deadlines (Amsterdam,
 * seed 003 §10: "per kwartaal", no dates) gets the first day of each calendar period as its
 * deadline, i.e. the period is the calendar quarter / half year / year just ended.
 */
import type { IsoDate } from '../../machines/contract';
import type { Definitie, Rapportage } from '../../machines/definition/types';
import { addDays, parseDuur } from '../../machines/termijnen';
import { plusDuur } from '../../machines/termijnen/duur';
import { leesDatum, naarIso } from '../../machines/termijnen/datum';

export type RapportageSoort = 'aanbieders' | 'jaarverslag';
type AanbiedersRapportage = NonNullable<Rapportage['aanbieders']>;
export type Cadans = AanbiedersRapportage['cadans'];

export interface RapportageMoment {
  soort: RapportageSoort;
  cadans: Cadans;
  /** First day the report covers (inclusive). */
  periodeVan: IsoDate;
  /** Last day the report covers (inclusive). */
  periodeTot: IsoDate;
  /** The report is due before this day ("vóór 1 juli"): generated and checked at 00:00 Europe/Amsterdam. */
  deadline: IsoDate;
  /** Day the aanbieders get a reminder (`herinneringVoor` before the deadline). */
  herinnering?: IsoDate;
  /** Role that receives the report and the escalation, e.g. `contractmanager`. */
  naar: string;
  inhoud: string[];
  /** Dutch label, e.g. `Halfjaarrapportage aanbieders, vóór 1 juli 2026`. */
  label: string;
}

/** Deadlines when a definition gives none: the start of each calendar period. */
export const STANDAARD_DEADLINES: Readonly<Record<Cadans, readonly string[]>> = {
  kwartaal: ['01-01', '04-01', '07-01', '10-01'],
  halfjaar: ['01-01', '07-01'],
  jaar: ['01-01'],
};

const CADANS_LABEL: Record<Cadans, string> = { kwartaal: 'Kwartaalrapportage', halfjaar: 'Halfjaarrapportage', jaar: 'Jaarrapportage' };
const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const MM_DD = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function leesbareDag(datum: IsoDate): string {
  const [j, m, d] = datum.split('-').map(Number);
  return `${d} ${MAANDEN[m - 1]} ${j}`;
}

function sortedDeadlines(a: AanbiedersRapportage): string[] {
  const lijst = a.deadlines && a.deadlines.length > 0 ? a.deadlines : STANDAARD_DEADLINES[a.cadans];
  for (const d of lijst) {
    if (!MM_DD.test(d)) throw new Error(`rapportage.aanbieders.deadlines: '${d}' is geen datum binnen het jaar; schrijf MM-DD, bijvoorbeeld '07-01' voor "vóór 1 juli"`);
  }
  return [...new Set(lijst)].sort();
}

/** Clip a period to the definition's validity; undefined when nothing of it is left. */
function clip(def: Definitie, van: IsoDate, tot: IsoDate): { van: IsoDate; tot: IsoDate } | undefined {
  const v = van < def.geldigVanaf ? def.geldigVanaf : van;
  const t = def.geldigTot && tot > def.geldigTot ? def.geldigTot : tot;
  return v <= t ? { van: v, tot: t } : undefined;
}

/**
 * Every report moment whose deadline falls in `jaar`, in date order: the aanbieder reports of the
 * definition's cadence and, when `jaarverslag` is set, the Awb 9:12a yearly overview of the previous
 * calendar year (due on 1 January; the Awb names no date, domain §9 REP-AWB-9:12a).
 */
export function rapportageMomenten(def: Definitie, jaar: number): RapportageMoment[] {
  const out: RapportageMoment[] = [];
  const a = def.rapportage.aanbieders;
  if (a) {
    const deadlines = sortedDeadlines(a);
    deadlines.forEach((mmdd, i) => {
      const deadline = `${jaar}-${mmdd}`;
      // The period starts at the previous deadline (the last one of the year before for the first).
      const vorige = i > 0 ? `${jaar}-${deadlines[i - 1]}` : `${jaar - 1}-${deadlines[deadlines.length - 1]}`;
      const periode = clip(def, vorige, addDays(deadline, -1));
      if (!periode) return;
      const herinnering = a.herinneringVoor ? naarIso(plusDuur(leesDatum(deadline), parseDuur(a.herinneringVoor, 'herinneringVoor'), -1).dag) : undefined;
      out.push({
        soort: 'aanbieders',
        cadans: a.cadans,
        periodeVan: periode.van,
        periodeTot: periode.tot,
        deadline,
        ...(herinnering ? { herinnering } : {}),
        naar: a.naar,
        inhoud: [...a.inhoud],
        label: `${CADANS_LABEL[a.cadans]} aanbieders, vóór ${leesbareDag(deadline)}`,
      });
    });
  }
  if (def.rapportage.jaarverslag) {
    const periode = clip(def, `${jaar - 1}-01-01`, `${jaar - 1}-12-31`);
    if (periode) {
      out.push({
        soort: 'jaarverslag',
        cadans: 'jaar',
        periodeVan: periode.van,
        periodeTot: periode.tot,
        deadline: `${jaar}-01-01`,
        naar: 'college',
        inhoud: ['schriftelijkeKlachten'],
        label: `Jaaroverzicht geregistreerde schriftelijke klachten ${jaar - 1} (Awb 9:12a)`,
      });
    }
  }
  return out.sort((x, y) => x.deadline.localeCompare(y.deadline) || x.soort.localeCompare(y.soort));
}
