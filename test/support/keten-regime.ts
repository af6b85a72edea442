/**
 * A regime of chained expiries (docs/import.md, Awb 9:11 lid 1): `schakels` termijnen of `dagen` each, each started by the
 * previous one's expiry, then `klaar`, where AFDOEN is taken. A klacht of it that nobody woke up for a while has several
 * termijnen passed in a row, each known only once the one before it fired. A real XState machine on the CompiledRegime
 * contract (as test/support/test-regime.ts), for the catch-up tests (import-tijd-inhaalketen, achterstand-keten).
 */
import { assign, initialTransition, setup, transition, type SnapshotFrom } from 'xstate';
import type { CompiledRegime, IntakeInput, KlachtEvent, StepResult, TermijnView } from '../../src/machines/contract';
import { dagVan } from '../../src/modules/termijnen/termijn-tijd';
import { sqlOp } from './database';
import { testTermijn } from './test-termijn';

/** Schakel n of the chain: `dagen` after `vanaf` (the receipt, or the previous schakel's last day). */
function schakel(n: number, vanaf: string, dagen: number): TermijnView {
  return testTermijn(`schakel${n}`, vanaf, dagen, { label: `Schakel ${n} (test)` });
}

type Ctx = { termijnen: TermijnView[] };
type Ev = { type: string; at: string; data?: Record<string, unknown> };

/** The chain regime of `gemeente`: `schakels` termijnen of `dagen` each, then `klaar`, where AFDOEN is taken. */
export function ketenRegime(gemeente: string, schakels: number, dagen: number): CompiledRegime {
  const machine = setup({
    types: { context: {} as Ctx, events: {} as Ev, input: {} as { ontvangenOp: string } },
    guards: {
      lopendeSchakel: ({ context, event }) => context.termijnen.some((t) => t.naam === event.data?.termijn),
      laatsteSchakel: ({ event }) => event.data?.termijn === `schakel${schakels}`,
    },
  }).createMachine({
    id: 'keten',
    initial: 'keten',
    context: ({ input }) => ({ termijnen: [schakel(1, dagVan(new Date(input.ontvangenOp)), dagen)] }),
    states: {
      keten: {
        on: {
          TERMIJN_VERLOPEN: [
            { guard: 'laatsteSchakel', target: 'klaar', actions: assign({ termijnen: () => [] }) },
            {
              // The expiry of schakel n starts schakel n + 1, `dagen` after its last day.
              guard: 'lopendeSchakel',
              actions: assign({
                termijnen: ({ context }) => {
                  const [t] = context.termijnen;
                  return [schakel(Number(t.naam.slice('schakel'.length)) + 1, t.vervaldatum, dagen)];
                },
              }),
            },
          ],
        },
      },
      // Only once every schakel has passed.
      klaar: { on: { AFDOEN: { target: 'afgedaan' } } },
      afgedaan: { type: 'final' },
    },
  });

  const resultaat = (snap: SnapshotFrom<typeof machine>, accepted = true, reason?: string): StepResult => ({
    accepted,
    reason,
    snapshot: { value: snap.value, context: snap.context },
    state: String(snap.value),
    done: snap.status === 'done',
    termijnen: snap.context.termijnen,
    intents: [],
    volgendeEvents: ['TERMIJN_VERLOPEN', 'AFDOEN'].filter((type) =>
      snap.can({ type, at: '', data: { termijn: snap.context.termijnen[0]?.naam } }),
    ),
  });

  return {
    summary: { id: `keten-${gemeente}`, gemeente: { cbsCode: gemeente, naam: 'Ketendam' }, versie: '1', geldigVanaf: '2000-01-01' },
    machine,
    start: (intake: IntakeInput) => resultaat(initialTransition(machine, { ontvangenOp: intake.ontvangenOp })[0]),
    step(snapshot: unknown, event: KlachtEvent): StepResult {
      const vorige = machine.resolveState(snapshot as { value: string; context: Ctx });
      const ev: Ev = { type: event.type, at: event.at, data: event.data };
      if (!vorige.can(ev)) return resultaat(vorige, false, `In ${String(vorige.value)} kan ${event.type} niet.`);
      return resultaat(transition(machine, vorige, ev)[0]);
    },
  };
}

/** The history rows of a whole chain of `n` schakels, fired in order. */
export const keten = (n: number): string[] => Array.from({ length: n }, (_, i) => `TERMIJN_VERLOPEN schakel${i + 1}`);

/** Where a klacht stands: its state, its accepted history (an expiry with its termijn) and its running termijnen. */
export async function ketenBeeld(url: string, klachtId: string): Promise<{ state: string; historie: string[]; lopend: string[] }> {
  const [k] = await sqlOp<{ state: string }>(url, `SELECT state FROM klacht WHERE id = $1`, [klachtId]);
  const historie = await sqlOp<{ type: string; termijn: string | null }>(
    url,
    `SELECT type, payload->>'termijn' AS termijn FROM klacht_gebeurtenis WHERE klacht_id = $1 AND accepted ORDER BY id`,
    [klachtId],
  );
  const lopend = await sqlOp<{ naam: string }>(url, `SELECT naam FROM termijn WHERE klacht_id = $1 AND status = 'lopend'`, [klachtId]);
  return {
    state: k.state,
    historie: historie.map((h) => (h.termijn ? `${h.type} ${h.termijn}` : h.type)),
    lopend: lopend.map((l) => l.naam),
  };
}
