import type { IsoDate } from '../contract';
import { amsterdamseDag, naarIso } from './datum';

/** The Europe/Amsterdam calendar day of a date or date-time (e.g. `2026-03-28T23:30:00Z` → `2026-03-29`). */
export function kalenderdag(datumOfTijdstip: string): IsoDate {
  return naarIso(amsterdamseDag(datumOfTijdstip));
}
