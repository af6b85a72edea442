/**
 * The law's maxima are calendar weeks (Awb 9:8 lid 3, 9:11 lid 1 and 2: "vier weken", "zes weken"). A termijn in
 * werkdagen (`rekenwijze: werkdagen`) lasts as many calendar days as the weekends, Atw holidays, decree days and the
 * gemeente's sluitingsdagen in it make it, so the legal lint weighs N werkdagen against such a maximum on the calendar
 * the engine counts them by (src/machines/termijnen/kalender.ts), over the days a klacht of the version can start on.
 * Comparing by average length (lint-hulp.ts `langerDan`) let P40D werkdagen (eight weeks) pass as "40 dagen".
 */
import { pasAtwToe } from '../termijnen/bereken-termijn';
import { Dag, leesDatum, naarIso, naarYmd, vanYmd } from '../termijnen/datum';
import { maakKalender, type DagKalender, type Kalender } from '../termijnen/kalender';

/** One start whose N werkdagen end after the limit. */
export interface Overschrijding {
  start: Dag;
  /** The N-th werkdag after `start` (the start day does not count). */
  eind: Dag;
  /** The last day the law allows from `start`. */
  grens: Dag;
}

export interface WerkdagenToets {
  /** The first start in the window (in date order) whose N werkdagen end after the limit; undefined when none does. */
  eerste?: Overschrijding;
  /** Every start in the window ends after the limit. */
  altijd: boolean;
  /** The fewest calendar days N werkdagen take from a start in the window (for "altijd": at least this many). */
  minsteDagen: number;
  /** The most werkdagen (0 to N) that end on or before the limit from every start in the window. */
  hoogstens: number;
}

export interface WerkdagenVenster {
  /** The version's kalender (its sluitingsdagen, as compiler/termijnen.ts kalenderVan gives the engine). */
  kalender?: Kalender;
  /** First and last possible start (YYYY-MM-DD). */
  van: string;
  tot: string;
  /**
   * Which days start the count: every day (a termijn from the receipt of a klacht) or werkdagen only (a verdaging moves
   * the raw last day of a termijn in werkdagen, which is always a werkdag).
   */
  starts: 'elkeDag' | 'werkdagen';
  /** The last day the law allows from a start. */
  grens: (start: Dag, k: DagKalender) => Dag;
}

/**
 * The days a version's termijnen can start on: its validity (open-ended: 28 years, every weekday pattern of the years),
 * and `naloopJaren` more for a day within a running klacht's termijn (klachten keep their version after its geldigTot).
 */
export function startVenster(geldigVanaf: string, geldigTot: string | undefined, naloopJaren = 0): { van: string; tot: string } {
  const van = leesDatum(geldigVanaf);
  const { jaar, maand, dag } = naarYmd(van);
  const eind = geldigTot && geldigTot >= geldigVanaf ? naarYmd(leesDatum(geldigTot)) : naarYmd(vanYmd(jaar + 28, maand, dag) - 1);
  return { van: geldigVanaf, tot: naarIso(vanYmd(eind.jaar + naloopJaren, eind.maand, eind.dag)) };
}

/**
 * N werkdagen from every start in the window against the law's limit. Pure; one pass over the window.
 */
export function toetsWerkdagen(n: number, venster: WerkdagenVenster): WerkdagenToets {
  const k = maakKalender(venster.kalender);
  const van = leesDatum(venster.van);
  const tot = leesDatum(venster.tot);
  // Enough days after the last start to hold N werkdagen in any season (a week has five; room for closures).
  const tot2 = tot + 3 * n + 60;
  const werkdagen: Dag[] = [];
  /** `telTot[i]`: how many werkdagen lie in [van, van + i). */
  const telTot = new Int32Array(tot2 - van + 2);
  for (let d = van; d <= tot2; d++) {
    const werk = k.geenWerkdagReden(d) === undefined;
    if (werk) werkdagen.push(d);
    telTot[d - van + 1] = telTot[d - van] + (werk ? 1 : 0);
  }
  const starts: Array<{ start: Dag; grens: Dag }> = [];
  for (let s = van; s <= tot; s++) {
    if (venster.starts === 'werkdagen' && k.geenWerkdagReden(s) !== undefined) continue;
    starts.push({ start: s, grens: venster.grens(s, k) });
  }
  /** Werkdagen up to and including day d (d within [van, tot2]). */
  const telt = (d: Dag) => telTot[d - van + 1];
  let eerste: Overschrijding | undefined;
  let altijd = starts.length > 0;
  let minsteDagen = Infinity;
  let hoogstens = n;
  for (const { start, grens } of starts) {
    // The N-th werkdag after the start (which does not count itself).
    const eind = werkdagen[telt(start) + n - 1];
    minsteDagen = Math.min(minsteDagen, eind - start);
    if (eind > grens) eerste ??= { start, eind, grens };
    else altijd = false;
    // The werkdagen between the start and its limit: as many fit from this start.
    hoogstens = Math.min(hoogstens, telt(Math.min(grens, tot2)) - telt(start));
  }
  return { ...(eerste ? { eerste } : {}), altijd: altijd && eerste !== undefined, minsteDagen, hoogstens };
}

/** The last day of a term of `dagen` calendar days from `start` that the Algemene termijnenwet extends (art. 1 and 2). */
export function grensMetAtw(dagen: number): WerkdagenVenster['grens'] {
  return (start, k) => pasAtwToe(start, start + dagen, k, []);
}
