/**
 * The one rule for which termijnen have passed at a moment and whose expiry has not run yet (Awb 9:11 lid 1 with 9:24
 * lid 1 sub b: a termijn passes at the end of its own last day, whoever fires it and whenever). The engine holds an event
 * to it (EngineService, termijnen/achterstand.ts, the import's catch-up) and the dry runs step their expiries by it
 * (verloop-vooraf.ts naVerstreken: 'Bekijk de gevolgen', proef, the tijdlijn, the import's proef), so what a dry run
 * accepts or refuses is what the registration does. Pure.
 */
import { isOpgeschort } from '../../machines/compiler/termijnen';

/** A termijn as far as its passing goes. */
export interface TermijnVoorVerloop {
  naam: string;
  /**
   * The moment it passes: the end of its inclusive last day in Europe/Amsterdam (termijn-tijd.ts eindVanDag), the row's
   * `vervaltOp`. The last day is the regime's, with the Algemene termijnenwet already applied (termijn-ledger.ts).
   */
  vervaltOp: Date;
  /** Still running (a row's status `lopend`): a termijn that was met, ended or replaced does not pass. */
  lopend: boolean;
  /** Its expiry already ran (a row's `vervalGemeldOp`; in a dry run, the expiries it stepped): it does not pass twice. */
  gevuurd: boolean;
  /** Suspended now (a regeling's opschorting): it does not pass until it is resumed (docs/juridisch-kader.md §6). */
  opgeschort: boolean;
}

/**
 * The termijnen that have passed at `moment` and not fired, in the order they passed: by due moment, ties by name in
 * code-point order (the order of the wake-up's catch-up, TermijnWakeService.verval, and of the database's C collation).
 * Due at exactly `moment` counts as passed: the last day has then ended. `als` reads a caller's termijn in this form.
 */
export function verstrekenTermijnen<T>(termijnen: readonly T[], moment: string | Date, als: (t: T) => TermijnVoorVerloop): T[] {
  const grens = typeof moment === 'string' ? Date.parse(moment) : moment.getTime();
  return termijnen
    .map((t) => ({ t, v: als(t) }))
    .filter(({ v }) => v.lopend && !v.gevuurd && !v.opgeschort && v.vervaltOp.getTime() <= grens)
    .sort((a, b) => a.v.vervaltOp.getTime() - b.v.vervaltOp.getTime() || (a.v.naam < b.v.naam ? -1 : a.v.naam > b.v.naam ? 1 : 0))
    .map(({ t }) => t);
}

/** A termijn row as the engine reads it with its klacht (TermijnEntity). */
export type TermijnRijVoorVerloop = {
  naam: string;
  status: string;
  vervaltOp: Date;
  vervalGemeldOp: Date | null;
  mutaties?: ReadonlyArray<{ soort: string }> | null;
};

/**
 * Of a klacht's rows, the termijn an event at `at` must not be stepped before (Awb 9:18 with 9:24 lid 1 sub b: once the
 * afhandeltermijn has passed the klager may go to the ombudsman, whether or not the worker has run its wake-up): the one
 * that passed LAST at or before `at`; its wake-up's catch-up fires the earlier ones first, in order. A termijn due after
 * `at` (an act of its last day, registered after midnight) is not: that act is stepped before the expiry (regime.ts
 * `inhalen`). In memory, on the rows read with the klacht.
 */
export function achterstalligeTermijn<T extends TermijnRijVoorVerloop>(rijen: readonly T[], at: string | Date): T | undefined {
  return verstrekenTermijnen(rijen, at, (t) => ({
    naam: t.naam,
    vervaltOp: t.vervaltOp,
    lopend: t.status === 'lopend',
    gevuurd: t.vervalGemeldOp !== null,
    opgeschort: isOpgeschort(t.mutaties),
  })).at(-1);
}
