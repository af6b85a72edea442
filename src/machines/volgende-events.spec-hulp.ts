/**
 * Test helper (not built into dist): walks a seed regime's explored states on sampled moments and compares the list of
 * next events (CompiledRegime.volgendeEventsOp) with what stepping at that moment accepts.
 */
import { getNextTransitions, type AnyMachineSnapshot } from 'xstate';
import { GEBEURTENISSEN } from './compiler/gebeurtenissen';
import type { KlachtContext } from './compiler/types';
import { verkenGraaf, verkenningsDagen } from './graph/verkenning';
import type { Regime } from './regime';
import { addDays, kalenderdag } from './termijnen';

export interface Afwijking {
  regime: string;
  state: string;
  op: string;
  type: string;
  soort: 'aangeboden maar geweigerd' | 'aanvaard maar niet aangeboden';
  reden?: string;
}

const DAG = 86_400_000;

/** Data to try for an event: none, the vocabulary's variants, and per termijn of the regime what a termijn event needs. */
function pogingen(r: Regime, type: string, op: string): Array<Record<string, unknown> | undefined> {
  const dag = kalenderdag(op);
  const termijnen = Object.keys(r.gecompileerd.ctx.specs);
  const perTermijn = termijnen.map((termijn) => ({ termijn, duur: 'P2W', tot: addDays(dag, 14), reden: 'met redenen' }));
  return [undefined, ...(GEBEURTENISSEN[type]?.varianten ?? []), ...perTermijn];
}

/** The moments a state is looked at: its own clock and later days, and the days around a change of the second line. */
export function momenten(r: Regime, s: AnyMachineSnapshot): string[] {
  const nu = (s.context as KlachtContext).nu;
  if (!nu) return [];
  const t = Date.parse(nu);
  const uit = [0, 1, 15, 29, 43, 100, 200, 370, 400, 800].map((d) => new Date(t + d * DAG).toISOString());
  for (const dag of verkenningsDagen(r.definitie)) {
    // verkenningsDagen files a week before each change: the change itself and the day before.
    for (const d of [6, 7]) {
      const op = `${addDays(dag, d)}T10:00:00Z`;
      if (Date.parse(op) > t) uit.push(op);
    }
  }
  return uit;
}

/** Does a transition of `type` from this state have a guard that needs the event's data (not in acties.ts zonderData)? */
export function heeftDataGuard(r: Regime, s: AnyMachineSnapshot, type: string): boolean {
  return getNextTransitions(s)
    .filter((t) => t.eventType === type)
    .some((t) => {
      const g = t.guard as string | { type?: string } | undefined;
      const naam = typeof g === 'string' ? g : g?.type;
      return naam !== undefined && !r.gecompileerd.zonderData[naam];
    });
}

/** Explored states of a regime (from the sample intakes on its exploration days). */
export function verkendeStates(r: Regime): AnyMachineSnapshot[] {
  const { adjacency } = verkenGraaf(r, verkenningsDagen(r.definitie));
  return Object.values(adjacency).map((a) => (a as unknown as { state: AnyMachineSnapshot }).state);
}

/**
 * Every listed event that needs no data is accepted by stepping at that moment (one with a data guard may be refused:
 * the data decides); every event stepping accepts at that moment is listed.
 */
export function afwijkingen(r: Regime, states: AnyMachineSnapshot[], opMoment = momenten): Afwijking[] {
  const uit: Afwijking[] = [];
  for (const s of states) {
    if (s.status === 'done') continue;
    const types = new Set(
      getNextTransitions(s)
        .map((t) => t.eventType)
        .filter((t) => t && !t.startsWith('xstate.') && t !== '*' && t !== 'KLACHT_ONTVANGEN'),
    );
    const snapshot = JSON.parse(
      JSON.stringify(r.stepSnapshot(s, { type: 'GEEN_GEBEURTENIS', at: (s.context as KlachtContext).nu! }).snapshot),
    );
    for (const op of opMoment(r, s)) {
      const lijst = new Set(r.volgendeEventsOp(snapshot, op));
      for (const type of types) {
        let reden: string | undefined;
        const aanvaard = pogingen(r, type, op).some((data) => {
          const uitkomst = r.stepSnapshot(s, { type, at: op, ...(data ? { data } : {}) });
          reden ??= uitkomst.reason;
          return uitkomst.accepted;
        });
        const state = JSON.stringify(s.value);
        if (aanvaard && !lijst.has(type)) uit.push({ regime: r.summary.id, state, op, type, soort: 'aanvaard maar niet aangeboden' });
        if (!aanvaard && lijst.has(type) && !heeftDataGuard(r, s, type))
          uit.push({ regime: r.summary.id, state, op, type, soort: 'aangeboden maar geweigerd', reden });
      }
    }
  }
  return uit;
}
