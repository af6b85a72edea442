import type { CompiledRegime } from '../../machines/contract';

/**
 * The events a klacht takes at the moment its list is read (`op`, the service's clock KLOK, or the moment of the act a
 * caller registers). The list stored with the klacht (klacht.volgende_events) is the one of its last step's moment: a
 * guard that asks the day (the aanbieder's termijn passed, the second line competent on that day: Awb 9:18, 9:24 lid 1;
 * the four weeks of Awb 9:8 lid 3) can answer otherwise on a later day without any step. So every page and check that
 * shows or uses the list asks the klacht's regime at its own moment, from the snapshot it read with the klacht: no
 * extra database round trip. Without its regime (a version no longer loaded) the stored list is all there is.
 */
export function volgendeEventsOp(
  regime: Pick<CompiledRegime, 'volgendeEventsOp'> | undefined,
  klacht: { snapshot: unknown; volgendeEvents: string[] },
  op: Date | string,
): string[] {
  if (!regime?.volgendeEventsOp) return klacht.volgendeEvents;
  return regime.volgendeEventsOp(klacht.snapshot, typeof op === 'string' ? op : op.toISOString());
}

/**
 * The state the klacht was in at `op` (the moment of an act a caller registers): its stored state, unless `op` lies before
 * wake-ups since its last act, then the state before those after `op` (CompiledRegime.stateOp; Awb 9:11 lid 1: an act of
 * a termijn's last day registered the next morning is judged where the klacht was that day, as stepping it does).
 */
export function stateOp(
  regime: Pick<CompiledRegime, 'stateOp'> | undefined,
  klacht: { snapshot: unknown; state: string },
  op: Date | string,
): string {
  if (!regime?.stateOp) return klacht.state;
  return regime.stateOp(klacht.snapshot, typeof op === 'string' ? op : op.toISOString());
}

/**
 * stateOp and volgendeEventsOp at the same moment from one replay of the wake-ups since the last act
 * (CompiledRegime.stateEnEventsOp), for a caller that judges an act on both (klacht-acties: the aanbieder's gate and the
 * list). A regime without it answers each on its own.
 */
export function stateEnEventsOp(
  regime: Pick<CompiledRegime, 'stateEnEventsOp' | 'stateOp' | 'volgendeEventsOp'> | undefined,
  klacht: { snapshot: unknown; state: string; volgendeEvents: string[] },
  op: Date | string,
): { state: string; volgendeEvents: string[] } {
  if (regime?.stateEnEventsOp) return regime.stateEnEventsOp(klacht.snapshot, typeof op === 'string' ? op : op.toISOString());
  return { state: stateOp(regime, klacht, op), volgendeEvents: volgendeEventsOp(regime, klacht, op) };
}
