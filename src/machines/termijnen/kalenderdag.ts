import type { IsoDate } from '../contract';
import { amsterdamseDag, formatDatum, leesDatum, naarIso } from './datum';

/** The Europe/Amsterdam calendar day of a date or date-time (e.g. `2026-03-28T23:30:00Z` → `2026-03-29`). */
export function kalenderdag(datumOfTijdstip: string): IsoDate {
  return naarIso(amsterdamseDag(datumOfTijdstip));
}

/** `2026-04-02` → `donderdag 2 april 2026`, for letters and screens. */
export function leesbareDatum(datum: IsoDate): string {
  return formatDatum(leesDatum(datum));
}
