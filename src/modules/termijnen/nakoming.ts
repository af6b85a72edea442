/**
 * When is a passed obligation met? Once TERMIJN_VERLOPEN has been handled, the regime no longer runs
 * the termijn, so no step ends it any more: the engine would never learn that the afdoening came,
 * late. The answer is the regime's own: a step meets a passed obligation when that step would have
 * ended the termijn had it still been running. So the step is replayed on the previous snapshot with
 * the passed termijnen put back as running (pure, nothing is written), and `planTermijnen` decides as
 * for any running termijn: ended by a handling event after its last day (met late, status verlopen),
 * or by a withdrawal or forwarding (vervallen).
 *
 * This reads the compiled regimes' context (`context.termijnen`, keyed by name, as in
 * src/machines/compiler/types.ts `KlachtContext`). A regime that keeps its termijnen elsewhere gets no
 * answer (nothing is closed here); the klacht then stays late until the obligation starts again or the
 * klacht ends.
 */
import type { CompiledRegime, KlachtEvent } from '../../machines/contract';
import { planTermijnen, type TermijnPlan } from './termijn-reconcile';

/** A passed, still open obligation (a `termijn` row with status verlopen and no `gesloten_op`). */
export interface OpenVerlopen {
  id: string;
  naam: string;
  vervaldatum: string;
  vervaltOp: Date;
}

interface Snapshot {
  context?: { termijnen?: Record<string, unknown> };
}

/**
 * The passed obligations this step ends, with how (`verlopen`: met late; `vervallen`: withdrawn or
 * forwarded). Obligations whose name runs again in `vorigeSnapshot` are left to the caller.
 */
export function geslotenDoorStap(
  regime: CompiledRegime,
  vorigeSnapshot: unknown,
  event: KlachtEvent,
  open: OpenVerlopen[],
): TermijnPlan['beeindigd'] {
  const snap = vorigeSnapshot as Snapshot | null;
  const lopend = snap?.context?.termijnen;
  if (!snap || !lopend || typeof lopend !== 'object') return [];
  const terug = open.filter((o) => !(o.naam in lopend));
  if (terug.length === 0) return [];
  const termijnen: Record<string, unknown> = { ...lopend };
  // Started at the event itself: its due date lies ahead, so no guard treats it as passed again.
  for (const o of terug) termijnen[o.naam] = { naam: o.naam, vanaf: event.at, mutaties: [] };
  let nogLopend: Set<string>;
  try {
    // Whether the act ends them, not when it came: without the clock (an act registered after a wake-up but done
    // before it is stepped as if in order) and without the wake-ups kept for that (regime.ts, `inhalen`).
    const { voorWekkers: _keten, nu: _nu, ...context } = snap.context as Record<string, unknown>;
    const r = regime.step({ ...snap, context: { ...context, termijnen } }, event);
    if (!r.accepted) return [];
    nogLopend = new Set(r.termijnen.map((t) => t.naam));
  } catch {
    return [];
  }
  const geeindigd = terug.filter((o) => !nogLopend.has(o.naam));
  return planTermijnen(
    geeindigd.map((o) => ({ id: o.id, naam: o.naam, vervaldatum: o.vervaldatum, vervaltOp: o.vervaltOp, revision: 0, herinneringen: [] })),
    {},
    [],
    event,
  ).beeindigd;
}
