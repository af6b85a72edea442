/**
 * When a termijn (a calendar-day concept) becomes an instant a job can wake up at.
 * Legal due dates are inclusive days in Europe/Amsterdam: a termijn expires after its last
 * day, i.e. at 00:00 Europe/Amsterdam of the following day (docs/juridisch-kader.md §5.3: "eindigt ... op
 * dezelfde dag"; on time if the act happens on or before the due date).
 */
import { amsterdamseDagVanMoment, naarIso } from '../../machines/termijnen/datum';

const TIJDZONE = 'Europe/Amsterdam';

const formatter = new Intl.DateTimeFormat('en-US', {
  timeZone: TIJDZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Offset of Europe/Amsterdam from UTC at `instant`, in milliseconds (+1h or +2h). */
function offsetMs(instant: number): number {
  const parts = Object.fromEntries(formatter.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

function parseDag(datum: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(datum);
  if (!m) throw new Error(`Not a calendar day (YYYY-MM-DD): ${datum}`);
  return [+m[1], +m[2], +m[3]];
}

/**
 * Day starts already computed: every engine step turns its termijnen's days into instants, and Intl's time
 * zone arithmetic is the costliest part of that (issue 17). A day's start never changes; the cache is bounded.
 */
const dagBegin = new Map<string, number>();

/** 00:00 Europe/Amsterdam on `datum`, as an instant. */
export function beginVanDag(datum: string): Date {
  const bekend = dagBegin.get(datum);
  if (bekend !== undefined) return new Date(bekend);
  if (dagBegin.size >= 10_000) dagBegin.clear();
  const begin = berekenBeginVanDag(datum);
  dagBegin.set(datum, begin);
  return new Date(begin);
}

function berekenBeginVanDag(datum: string): number {
  const [y, m, d] = parseDag(datum);
  const wall = Date.UTC(y, m - 1, d);
  // Midnight never falls in a DST gap in Europe/Amsterdam (switches happen at 02:00/03:00),
  // so two rounds of "subtract the offset at the guess" are exact.
  let utc = wall - offsetMs(wall);
  utc = wall - offsetMs(utc);
  return utc;
}

/** The instant a termijn with last day `vervaldatum` has passed: the end of that day. */
export function eindVanDag(vervaldatum: string): Date {
  const [y, m, d] = parseDag(vervaldatum);
  const volgende = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  return beginVanDag(volgende);
}

/** The calendar day (Europe/Amsterdam) an instant falls on (one rule with the regimes' own: datum.ts). */
export function dagVan(instant: Date): string {
  return naarIso(amsterdamseDagVanMoment(instant.getTime()));
}
