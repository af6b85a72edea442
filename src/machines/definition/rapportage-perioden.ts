/**
 * Which period each aanbieder report covers and when it is due: ONE place for the lint (a deadline
 * on or before the end of its period is refused) and for the report schedule
 * (src/modules/reports/rapportage-momenten.ts), so the two can never disagree.
 *
 * A definition states `perioden`: for each report the last day of its period (`periodeTot`, MM-DD)
 * and the day it is due before (`deadline`, MM-DD, "vóór 1 juli"). A period starts the day after
 * the previous one ends, so together they cover every day of the year exactly once. The deadline
 * lies in the year the period ends, or in the year after when its date comes earlier in the year
 * (a quarter ending 31 December, due vóór 1 februari). The time in between is the aanbieder's
 * time to report (`indientijdDagen`).
 *
 * Older definitions give only `deadlines` (or nothing, then the first day of each calendar
 * period): each period then ends the day before its deadline. That leaves the aanbieder no time at
 * all, every report is overdue at 00:00 and the contractmanager gets an escalation each time; the
 * lint refuses it and proposes `perioden`.
 */
import type { Rapportage } from './types';

type AanbiedersRapportage = NonNullable<Rapportage['aanbieders']>;
export type Cadans = AanbiedersRapportage['cadans'];

/** Deadlines when a definition gives neither perioden nor deadlines: the start of each calendar period. */
export const STANDAARD_DEADLINES: Readonly<Record<Cadans, readonly string[]>> = {
  kwartaal: ['01-01', '04-01', '07-01', '10-01'],
  halfjaar: ['01-01', '07-01'],
  jaar: ['01-01'],
};

export const AANTAL_PERIODEN: Readonly<Record<Cadans, number>> = { kwartaal: 4, halfjaar: 2, jaar: 1 };

export interface AanbiederPeriode {
  /** Last day of the period, MM-DD (inclusive). */
  periodeTot: string;
  /** Due before this day, MM-DD. */
  deadline: string;
  /** Where the definition states it: `perioden[index]`, `deadlines[index]`, or nowhere (calendar default). */
  bron: 'perioden' | 'deadlines' | 'standaard';
  index: number;
}

const MM_DD = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function iso(jaar: number, mmdd: string): string {
  return `${jaar}-${mmdd}`;
}

function plusDagen(datum: string, n: number): string {
  const t = new Date(`${datum}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

function dagenTussen(van: string, tot: string): number {
  return Math.round((Date.parse(`${tot}T00:00:00Z`) - Date.parse(`${van}T00:00:00Z`)) / 86_400_000);
}

/** The periods of a definition, sorted by the end of the period. Throws on a date that is not MM-DD. */
export function aanbiederPerioden(a: AanbiedersRapportage): AanbiederPeriode[] {
  let lijst: AanbiederPeriode[];
  if (a.perioden && a.perioden.length > 0) {
    lijst = a.perioden.map((p, index) => ({ periodeTot: p.periodeTot, deadline: p.deadline, bron: 'perioden' as const, index }));
  } else {
    const deadlines = a.deadlines && a.deadlines.length > 0 ? a.deadlines : STANDAARD_DEADLINES[a.cadans];
    const bron = a.deadlines && a.deadlines.length > 0 ? ('deadlines' as const) : ('standaard' as const);
    lijst = deadlines.map((deadline, index) => ({
      periodeTot: MM_DD.test(deadline) ? plusDagen(iso(2023, deadline), -1).slice(5) : deadline,
      deadline,
      bron,
      index,
    }));
  }
  for (const p of lijst) {
    for (const d of [p.periodeTot, p.deadline]) {
      if (!MM_DD.test(d))
        throw new Error(
          `rapportage.aanbieders: '${d}' is geen datum binnen het jaar; schrijf MM-DD, bijvoorbeeld '07-01' voor "vóór 1 juli"`,
        );
    }
  }
  const uniek = new Map(lijst.map((p) => [p.periodeTot, p]));
  return [...uniek.values()].sort((x, y) => x.periodeTot.localeCompare(y.periodeTot));
}

/** 1 when the deadline falls in the year after the period ends (its date is not later in the year). */
export function deadlineJaarNaPeriode(p: Pick<AanbiederPeriode, 'periodeTot' | 'deadline'>): 0 | 1 {
  return p.deadline > p.periodeTot ? 0 : 1;
}

/** Period and deadline as dates, for the report whose deadline falls in `jaar`. */
export function periodeVoorDeadlineJaar(
  perioden: readonly AanbiederPeriode[],
  k: number,
  jaar: number,
): { van: string; tot: string; deadline: string } {
  const p = perioden[k];
  const eindJaar = jaar - deadlineJaarNaPeriode(p);
  const vorige = k > 0 ? iso(eindJaar, perioden[k - 1].periodeTot) : iso(eindJaar - 1, perioden[perioden.length - 1].periodeTot);
  return { van: plusDagen(vorige, 1), tot: iso(eindJaar, p.periodeTot), deadline: iso(jaar, p.deadline) };
}

/**
 * Whole days the aanbieder has between the end of the period (24:00 on periodeTot) and the
 * deadline (00:00 on the deadline day); the least over a leap and a common year. 0 or less: the
 * report is overdue the moment its period ends.
 */
export function indientijdDagen(p: Pick<AanbiederPeriode, 'periodeTot' | 'deadline'>): number {
  return Math.min(
    ...[2023, 2024].map((jaar) => dagenTussen(plusDagen(iso(jaar, p.periodeTot), 1), iso(jaar + deadlineJaarNaPeriode(p), p.deadline))),
  );
}

/** Length in days of the period ending with perioden[k] (the shortest over a leap and a common year). */
export function periodeLengteDagen(perioden: readonly AanbiederPeriode[], k: number): number {
  return Math.min(
    ...[2023, 2024].map((jaar) => {
      const { van, tot } = periodeVoorDeadlineJaar(perioden, k, jaar + 1);
      return dagenTussen(van, tot) + 1;
    }),
  );
}
