/**
 * The klacht as it was before the wake-ups (TERMIJN_VERLOPEN) that came since its last act. Awb 9:11 lid 1 and 2: the
 * last day of a termijn counts in full, so an act done on that day and registered after the wake-up at midnight (a
 * verdaging sent on the last day, an afdoening) belongs before the wake-up. The regime steps such an act there
 * (regime.ts `inhalen`), checks its data there (controles.ts `controleerGebeurtenis`) and offers the steps of then next
 * to those of now (regime.ts `mogelijkeEvents`, controles.ts `volgendeGebeurtenissen`): one rule for all of them.
 */
import type { AnyMachineSnapshot } from 'xstate';
import type { KlachtContext, KlachtMachineEvent } from './compiler/types';

/**
 * The klacht before the wake-ups since the last act (restored) and those wake-ups, when it applies; else undefined.
 * - For an event (`at` given): only when the event lies before the klacht's clock (its last step, here a wake-up), also
 *   for a klacht a wake-up closed (the request to the ombudsman of the year's last day, Awb 9:24, still steps).
 * - For what the klacht offers now (no `at`): not for a closed klacht, which shows no steps.
 */
export function voorDeWekkers(
  s: AnyMachineSnapshot,
  herstel: (snapshot: unknown) => AnyMachineSnapshot,
  event?: { at: string },
): { klacht: AnyMachineSnapshot; wekkers: readonly KlachtMachineEvent[] } | undefined {
  const { voorWekkers, nu } = s.context as KlachtContext;
  if (!voorWekkers) return undefined;
  if (event ? !(nu && Date.parse(event.at) < Date.parse(nu)) : s.status === 'done') return undefined;
  return { klacht: herstel(voorWekkers.snapshot), wekkers: voorWekkers.wekkers };
}
