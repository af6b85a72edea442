/**
 * When reports are due, computed purely from a definition's `rapportage` block (no clock, no I/O),
 * so the BullMQ schedule can always be rebuilt from the definitions and PostgreSQL (docs/architecture.md §1).
 *
 * Which period each report covers and its deadline come from ONE function shared with the legal lint
 * (`aanbiederPerioden`, src/machines/definition/rapportage-perioden.ts): the definition states for
 * each report the last day of its period and the day it is due before, and the lint refuses a
 * deadline on or before the end of its period. Stichtse Vecht ("Uitgangspunten klachtenmanagement
 * Sociaal Domein", contract art. 11.1: "vóór 1 juli en vóór 1 december"): 1 november – 30 april due
 * vóór 1 juli, 1 mei – 31 oktober due vóór 1 december, so the aanbieder has two months and one
 * month after the period ends.
 */
import type { IsoDate } from '../../machines/contract';
import { aanbiederPerioden, indientijdDagen, periodeVoorDeadlineJaar, type Cadans } from '../../machines/definition/rapportage-perioden';
import { dagVoor } from '../../machines/definition/lint-hulp';
import type { Definitie } from '../../machines/definition/types';
import { MAANDEN } from '../../machines/termijnen/datum';
import { parseDuur } from '../../machines/termijnen';
import { plusDuur } from '../../machines/termijnen/duur';
import { leesDatum, naarIso } from '../../machines/termijnen/datum';

export { STANDAARD_DEADLINES } from '../../machines/definition/rapportage-perioden';
export type { Cadans };

export type RapportageSoort = 'aanbieders' | 'jaarverslag';

export interface RapportageMoment {
  soort: RapportageSoort;
  cadans: Cadans;
  /** First day the report covers (inclusive). */
  periodeVan: IsoDate;
  /** Last day the report covers (inclusive). */
  periodeTot: IsoDate;
  /** The report is due before this day ("vóór 1 juli"): generated and checked at 00:00 Europe/Amsterdam. */
  deadline: IsoDate;
  /** Whole days the aanbieder has between the end of the period and the deadline (jaarverslag: 0). */
  indientijdDagen: number;
  /** Day the aanbieders get a reminder (`herinneringVoor` before the deadline). */
  herinnering?: IsoDate;
  /** Role that receives the report and the escalation, e.g. `contractmanager`. */
  naar: string;
  inhoud: string[];
  /** Dutch label, e.g. `Halfjaarrapportage aanbieders, vóór 1 juli 2026`. */
  label: string;
}

const CADANS_LABEL: Record<Cadans, string> = { kwartaal: 'Kwartaalrapportage', halfjaar: 'Halfjaarrapportage', jaar: 'Jaarrapportage' };

export function leesbareDag(datum: IsoDate): string {
  const [j, m, d] = datum.split('-').map(Number);
  return `${d} ${MAANDEN[m - 1]} ${j}`;
}

/**
 * The last day `def` is in force among `alle` (the served definitions): its `geldigTot`, or, for a version without one,
 * the day before the next version of its gemeente begins (docs/definities.md: a version without geldigTot ends the day
 * before the next begins; on every day one regeling). Undefined while nothing ends it. The same rule as the engine's lookup
 * of the version in force on a day (verantwoordelijke.ts `eigenVersie`), read as the last of a version's days
 * (rapportage-momenten.spec.ts holds the two together).
 */
export function laatsteDag(def: Definitie, alle: readonly Definitie[]): IsoDate | undefined {
  const gemeente = def.gemeente.cbsCode.toUpperCase();
  const volgende = alle
    .filter((d) => d.gemeente.cbsCode.toUpperCase() === gemeente && d.geldigVanaf > def.geldigVanaf)
    .map((d) => d.geldigVanaf)
    .sort()[0];
  const eind = volgende === undefined ? undefined : dagVoor(volgende);
  if (def.geldigTot === undefined) return eind;
  return eind !== undefined && eind < def.geldigTot ? eind : def.geldigTot;
}

/** Clip a period to the definition's validity (to `laatste` at the latest); undefined when nothing of it is left. */
function clip(def: Definitie, van: IsoDate, tot: IsoDate, laatste: IsoDate | undefined): { van: IsoDate; tot: IsoDate } | undefined {
  const v = van < def.geldigVanaf ? def.geldigVanaf : van;
  const eind = laatste ?? def.geldigTot;
  const t = eind !== undefined && tot > eind ? eind : tot;
  return v <= t ? { van: v, tot: t } : undefined;
}

/**
 * Every report moment whose deadline falls in `jaar`, in date order: the aanbieder reports of the
 * definition's cadence and, when `jaarverslag` is set, the Awb 9:12a yearly overview of the previous
 * calendar year (due on 1 January; the Awb names no date). `laatste`: the last day the definition is in force
 * (`laatsteDag` over the served definitions; default its own `geldigTot`): a version's duties end with it, so a version
 * replaced mid-period (a new cadence from 1 June) reports only on its own days and schedules nothing after them; the
 * next version's moments cover the rest (Uitgangspunten klachtenmanagement Sociaal Domein §10, contract art. 11.1).
 */
export function rapportageMomenten(def: Definitie, jaar: number, laatste?: IsoDate): RapportageMoment[] {
  const out: RapportageMoment[] = [];
  const a = def.rapportage.aanbieders;
  if (a) {
    const perioden = aanbiederPerioden(a);
    perioden.forEach((p, k) => {
      const { van, tot, deadline } = periodeVoorDeadlineJaar(perioden, k, jaar);
      const periode = clip(def, van, tot, laatste);
      if (!periode) return;
      const herinnering = a.herinneringVoor ? naarIso(plusDuur(leesDatum(deadline), parseDuur(a.herinneringVoor, 'herinneringVoor'), -1).dag) : undefined;
      out.push({
        soort: 'aanbieders',
        cadans: a.cadans,
        periodeVan: periode.van,
        periodeTot: periode.tot,
        deadline,
        indientijdDagen: indientijdDagen(p),
        ...(herinnering ? { herinnering } : {}),
        naar: a.naar,
        inhoud: [...a.inhoud],
        label: `${CADANS_LABEL[a.cadans]} aanbieders, vóór ${leesbareDag(deadline)}`,
      });
    });
  }
  if (def.rapportage.jaarverslag) {
    const periode = clip(def, `${jaar - 1}-01-01`, `${jaar - 1}-12-31`, laatste);
    if (periode) {
      out.push({
        soort: 'jaarverslag',
        cadans: 'jaar',
        periodeVan: periode.van,
        periodeTot: periode.tot,
        deadline: `${jaar}-01-01`,
        indientijdDagen: 0,
        naar: 'college',
        inhoud: ['schriftelijkeKlachten'],
        label: `Jaaroverzicht geregistreerde schriftelijke klachten ${jaar - 1} (Awb 9:12a)`,
      });
    }
  }
  return out.sort((x, y) => x.deadline.localeCompare(y.deadline) || x.soort.localeCompare(y.soort));
}
