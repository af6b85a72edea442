/**
 * Which version of its definition a klacht was on when it took a step: one rule for every reader after the fact, the
 * letters (brieven.service.ts) and the ZGW statuses (zgw-synchronisatie.ts). Pure: no database.
 */
import { ROUTE_GEMIGREERD } from '../../machines/migratie';

/** The event the history records for a migration (Dutch audit line: from which version to which, and why). */
export const VERSIE_GEMIGREERD = 'VERSIE_GEMIGREERD';

/**
 * The history rows after which a klacht runs on another version: a version migration, and an ombudsman request moved onto
 * its own route (Awb 9:31, which may move it to another version too). Their payload.vanVersie names the version before;
 * a step registered before such a row was taken on that version (its letters and ZGW statuses follow it).
 */
export const VERSIEWISSELINGEN: readonly string[] = [VERSIE_GEMIGREERD, ROUTE_GEMIGREERD];

/** A history row as this rule reads it. */
export interface Historierij {
  type: string;
  payload?: Record<string, unknown> | null;
}

/**
 * The version a step was taken on. `gedragen`: the version the step wrote into its own outbox rows (stap-feiten.ts), exact
 * whatever happened after; undefined for a row written before the engine carried it, and for a history row. Then the
 * history decides: the version the first migration registered after the step came from (`daarna`: the klacht's history
 * rows registered after the step's own, in the order registered, i.e. by id: a migration takes the klacht's row lock, so
 * it is registered after every step that held it before), else the klacht's version now (`huidig`). A migration's own
 * row is of the version it moved to.
 */
export function versieVanStap(gedragen: string | undefined, daarna: Iterable<Historierij>, huidig: string): string {
  if (gedragen) return gedragen;
  for (const r of daarna) {
    const van = r.payload?.vanVersie;
    if (VERSIEWISSELINGEN.includes(r.type) && typeof van === 'string') return van;
  }
  return huidig;
}

/**
 * The version of each row of a klacht's history (in the order registered), by versieVanStap's history rule: from the last
 * row back, a row's version is the one the next row came from if that row is a migration, else the next row's version.
 */
export function versiesPerRij(rijen: readonly Historierij[], huidig: string): string[] {
  const uit = new Array<string>(rijen.length);
  for (let i = rijen.length - 1; i >= 0; i--)
    uit[i] = i === rijen.length - 1 ? huidig : versieVanStap(undefined, [rijen[i + 1]], uit[i + 1]);
  return uit;
}
