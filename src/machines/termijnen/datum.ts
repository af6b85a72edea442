/**
 * Calendar days as plain day numbers (days since 1970-01-01). All arithmetic is on these integers,
 * so daylight saving time can never shift a day: a legal termijn counts Europe/Amsterdam calendar
 * days, not hours.
 */
import type { IsoDate } from '../contract';
import { TermijnFout } from './termijn-fout';

/** Days since 1970-01-01 (a Thursday). */
export type Dag = number;

const MS_PER_DAG = 86_400_000;
const DATUM = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATUMTIJD = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

export const WEEKDAGEN = ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'] as const;
export const MAANDEN = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
] as const;

export function vanYmd(jaar: number, maand: number, dag: number): Dag {
  return Math.round(Date.UTC(jaar, maand - 1, dag) / MS_PER_DAG);
}

export function naarYmd(d: Dag): { jaar: number; maand: number; dag: number } {
  const date = new Date(d * MS_PER_DAG);
  return { jaar: date.getUTCFullYear(), maand: date.getUTCMonth() + 1, dag: date.getUTCDate() };
}

/** The year of the last day asked, as a range of days: calculations walk day by day through one or two years. */
let laatsteJaar = { van: 0, tot: 0, jaar: 1970 };

/** The calendar year of a day (as `naarYmd(d).jaar`, without a Date for every day of a walk through the calendar). */
export function jaarVan(d: Dag): number {
  if (d >= laatsteJaar.van && d < laatsteJaar.tot) return laatsteJaar.jaar;
  const jaar = new Date(d * MS_PER_DAG).getUTCFullYear();
  // Date.UTC reads the years 0–99 as 1900–1999, so vanYmd cannot give their range: those are not kept.
  if (jaar >= 100) laatsteJaar = { van: vanYmd(jaar, 1, 1), tot: vanYmd(jaar + 1, 1, 1), jaar };
  return jaar;
}

export function dagenInMaand(jaar: number, maand: number): number {
  return new Date(Date.UTC(jaar, maand, 0)).getUTCDate();
}

/** 0 = zondag … 6 = zaterdag (as Date#getUTCDay). */
export function weekdag(d: Dag): number {
  return (((d + 4) % 7) + 7) % 7;
}

export function isWeekend(d: Dag): boolean {
  const w = weekdag(d);
  return w === 0 || w === 6;
}

export function naarIso(d: Dag): IsoDate {
  const { jaar, maand, dag } = naarYmd(d);
  return `${String(jaar).padStart(4, '0')}-${String(maand).padStart(2, '0')}-${String(dag).padStart(2, '0')}`;
}

/** `YYYY-MM-DD` that exists in the calendar, else undefined. */
export function probeerDatum(tekst: string): Dag | undefined {
  const m = DATUM.exec(tekst);
  if (!m) return undefined;
  const [jaar, maand, dag] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (maand < 1 || maand > 12 || dag < 1 || dag > dagenInMaand(jaar, maand)) return undefined;
  return vanYmd(jaar, maand, dag);
}

/** Parses a `YYYY-MM-DD` calendar day; `veld` names the input in the error message. */
export function leesDatum(tekst: string, veld = 'datum'): Dag {
  const d = probeerDatum(tekst);
  if (d === undefined) {
    throw new TermijnFout(
      `Ongeldige ${veld} '${tekst}': schrijf een bestaande kalenderdag als JJJJ-MM-DD, bijvoorbeeld 2026-04-02.`,
      'ongeldige-datum',
    );
  }
  return d;
}

const amsterdam = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const MS_PER_UUR = 3_600_000;
/** From here on Amsterdam's clock changes only at 01:00 UTC (EU summer time), so every UTC hour lies within one Amsterdam day. */
const VAST_UUR_VANAF = Date.UTC(1980, 0, 1);
/** The last instant a Date can hold (ECMAScript: 8.64e15 ms): an hour's last millisecond is never asked beyond it. */
const LAATSTE_MOMENT = 8.64e15;

/**
 * The Amsterdam day per UTC hour asked (hours since 1970): every step asks for the day of its own instant, and Intl's
 * time-zone lookup was the slowest part of it (10 µs). Bounded; the answer is a pure function.
 */
const dagVanUur = new Map<number, Dag>();

/** The Europe/Amsterdam calendar day of an instant, from Intl's time-zone data. */
function amsterdamseDagExact(ms: number): Dag {
  const parts = amsterdam.formatToParts(ms);
  const deel = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return vanYmd(deel('year'), deel('month'), deel('day'));
}

/** The Europe/Amsterdam calendar day an instant (ms since 1970) falls on. */
export function amsterdamseDagVanMoment(ms: number): Dag {
  if (ms < VAST_UUR_VANAF || !Number.isFinite(ms)) return amsterdamseDagExact(ms);
  const uur = Math.floor(ms / MS_PER_UUR);
  const bekend = dagVanUur.get(uur);
  if (bekend !== undefined) return bekend;
  const begin = uur * MS_PER_UUR;
  const dag = amsterdamseDagExact(begin);
  // Checked, not assumed: an hour whose first and last millisecond fall on different days is asked exactly.
  if (amsterdamseDagExact(Math.min(begin + MS_PER_UUR - 1, LAATSTE_MOMENT)) !== dag) return amsterdamseDagExact(ms);
  if (dagVanUur.size >= 10_000) dagVanUur.clear();
  dagVanUur.set(uur, dag);
  return dag;
}

/**
 * The Europe/Amsterdam calendar day of a date or date-time. A date-time with `Z` or an offset is an
 * instant (e.g. receipt in the organisation's system, Awb 2:17); without an offset it is read as
 * Amsterdam wall-clock time, so its date part is the day.
 */
export function amsterdamseDag(tekst: string, veld = 'datum'): Dag {
  if (DATUM.test(tekst)) return leesDatum(tekst, veld);
  const m = DATUMTIJD.exec(tekst);
  if (m) {
    const datumDeel = probeerDatum(m[1]);
    if (datumDeel !== undefined && Number(m[2]) < 24 && Number(m[3]) < 60 && Number(m[4] ?? 0) < 60) {
      if (!m[5]) return datumDeel;
      const instant = new Date(tekst);
      if (!Number.isNaN(instant.getTime())) return amsterdamseDagVanMoment(instant.getTime());
    }
  }
  throw new TermijnFout(
    `Ongeldige ${veld} '${tekst}': schrijf een kalenderdag als JJJJ-MM-DD (bijvoorbeeld 2026-04-02) ` +
      `of een tijdstip als 2026-04-02T14:30:00+02:00.`,
    'ongeldige-datum',
  );
}

/** `donderdag 2 april 2026` — how a klachtbehandelaar reads a date. */
export function formatDatum(d: Dag): string {
  const { jaar, maand, dag } = naarYmd(d);
  return `${WEEKDAGEN[weekdag(d)]} ${dag} ${MAANDEN[maand - 1]} ${jaar}`;
}
