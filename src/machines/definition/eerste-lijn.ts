/**
 * What the first line of a definition allows, in one place, so the validator (which termijnen are
 * required), the compiler (which states exist) and the graph check agree (Awb titel 9.1).
 */
import type { Definitie } from './types';

/**
 * Whether the gemeente can forward a klacht it received to the aanbieder (warme doorverwijzing, Awb 2:3):
 * only when the aanbieder is the default first line or a forwarding condition is written. A regime where
 * the gemeente handles every klacht itself (Awb titel 9.1) never forwards.
 */
export function kanDoorsturenNaarAanbieder(def: Definitie): boolean {
  return def.eersteLijn.standaard === 'aanbieder' || def.eersteLijn.doorsturenNaarAanbieder !== undefined;
}
