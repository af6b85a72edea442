/**
 * ISO 8601 durations as legal terms are written (`P6W`, `P5D`, `P1M`, `P1Y`) and the calendar
 * arithmetic on them. One unit per term, as the law states them; hours are outside the scope of a
 * termijn in days (and outside the Algemene termijnenwet, Atw art. 4).
 */
import type { IsoDate } from '../contract';
import type { Duur } from '../definition/types';
import { Dag, dagenInMaand, leesDatum, naarIso, naarYmd, vanYmd } from './datum';
import { TermijnFout } from './termijn-fout';

export type DuurEenheid = 'D' | 'W' | 'M' | 'Y';

export interface GeparseerdeDuur {
  aantal: number;
  eenheid: DuurEenheid;
  /** The input, e.g. `P6W`. */
  tekst: Duur;
}

const DUUR = /^P(\d{1,5})([DWMY])$/;

export function parseDuur(tekst: string, veld = 'duur'): GeparseerdeDuur {
  const m = DUUR.exec(tekst);
  if (!m) {
    const reden = /T/.test(tekst)
      ? ' Een termijn in uren, minuten of seconden kan hier niet (de Algemene termijnenwet telt geen uren, Atw art. 4; reken in dagen).'
      : /^P(\d+[DWMY]){2,}$/.test(tekst)
        ? ' Gebruik één eenheid, zoals de wet de termijn noemt (bijvoorbeeld P10W in plaats van P2M2W).'
        : '';
    throw new TermijnFout(
      `Ongeldige ${veld} '${tekst}': schrijf een ISO 8601-duur met één eenheid in dagen, weken, maanden of jaren, ` +
        `bijvoorbeeld P5D (5 dagen), P6W (6 weken), P1M (1 maand) of P1Y (1 jaar).${reden}`,
      'ongeldige-duur',
    );
  }
  return { aantal: Number(m[1]), eenheid: m[2] as DuurEenheid, tekst };
}

/** `6 weken`, `1 maand`, `5 werkdagen`. */
export function beschrijfDuur(d: GeparseerdeDuur, werkdagen = false): string {
  const n = d.aantal;
  switch (d.eenheid) {
    case 'D':
      return werkdagen ? `${n} ${n === 1 ? 'werkdag' : 'werkdagen'}` : `${n} ${n === 1 ? 'dag' : 'dagen'}`;
    case 'W':
      return `${n} ${n === 1 ? 'week' : 'weken'}`;
    case 'M':
      return `${n} ${n === 1 ? 'maand' : 'maanden'}`;
    case 'Y':
      return `${n} jaar`;
  }
}

export interface MaandUitkomst {
  dag: Dag;
  /** Set when the same day-number does not exist in the target month (e.g. 31 → 30 juni). */
  afgekaptVan?: { jaar: number; maand: number; dag: number };
}

export function plusDagen(d: Dag, n: number): Dag {
  return d + n;
}

/**
 * Same day-number `n` months later (negative `n` counts back). A day that does not exist in the
 * target month becomes the last day of that month — an assumption, not settled law (docs/juridisch-kader.md §5.3).
 */
export function plusMaanden(d: Dag, n: number): MaandUitkomst {
  const { jaar, maand, dag } = naarYmd(d);
  const index = jaar * 12 + (maand - 1) + n;
  const doelJaar = Math.floor(index / 12);
  const doelMaand = (index % 12) + 1;
  const laatste = dagenInMaand(doelJaar, doelMaand);
  if (dag <= laatste) return { dag: vanYmd(doelJaar, doelMaand, dag) };
  return { dag: vanYmd(doelJaar, doelMaand, laatste), afgekaptVan: { jaar: doelJaar, maand: doelMaand, dag } };
}

/** Adds (or with negative `richting`, subtracts) a parsed duration in calendar units. */
export function plusDuur(d: Dag, duur: GeparseerdeDuur, richting: 1 | -1 = 1): MaandUitkomst {
  const n = duur.aantal * richting;
  switch (duur.eenheid) {
    case 'D':
      return { dag: d + n };
    case 'W':
      return { dag: d + 7 * n };
    case 'M':
      return plusMaanden(d, n);
    case 'Y':
      // 29 februari + 1 jaar → 28 februari: same end-of-month assumption as for months.
      return plusMaanden(d, 12 * n);
  }
}

export function addDays(datum: IsoDate, n: number): IsoDate {
  return naarIso(plusDagen(leesDatum(datum), n));
}

/** Same weekday `n` weeks later (docs/juridisch-kader.md §5.3). */
export function addWeeks(datum: IsoDate, n: number): IsoDate {
  return naarIso(plusDagen(leesDatum(datum), 7 * n));
}

/** Same day-number `n` months later; a missing day becomes the last day of the month (docs/juridisch-kader.md §5.3). */
export function addMonths(datum: IsoDate, n: number): IsoDate {
  return naarIso(plusMaanden(leesDatum(datum), n).dag);
}

export function addYears(datum: IsoDate, n: number): IsoDate {
  return naarIso(plusMaanden(leesDatum(datum), 12 * n).dag);
}
