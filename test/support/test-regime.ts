/**
 * A small, real regime for the engine tests (a real XState v5 machine stepped with the pure API,
 * implementing the CompiledRegime contract), so the engine and the termijn jobs can be tested
 * with termijnen and events the test controls. The application itself serves the compiled
 * definitions from DEFINITIONS_DIR; at least one e2e test runs a seed definition through the API.
 */
import { assign, initialTransition, setup, transition, type SnapshotFrom } from 'xstate';
import type { CompiledRegime, IntakeInput, Intent, KlachtEvent, StepResult, TermijnView } from '../../src/machines/contract';
import type { RegimeBron } from '../../src/modules/engine/regime-bron';
import { dagVan } from '../../src/modules/termijnen/termijn-tijd';
import { plusDagen, testTermijn } from './test-termijn';

export const TEST_GEMEENTE = 'GM9999';

interface Ctx {
  termijnen: Record<string, TermijnView>;
  intents: Intent[];
}

function termijn(naam: string, start: string, dagen: number, herinneringVoor?: number): TermijnView {
  return testTermijn(naam, start, dagen, {
    label: naam === 'afhandeling' ? 'Afhandeltermijn (test, Awb 9:11)' : 'Contacttermijn (test)',
    sinds: `ontvangst ${start}`,
    herinneringen: herinneringVoor
      ? [{ naam: `P${herinneringVoor}D-voor`, datum: plusDagen(plusDagen(start, dagen), -herinneringVoor), naar: 'behandelaar' }]
      : [],
  });
}

type Ev = { type: string; at: string; data?: Record<string, unknown> };

const machine = setup({
  types: { context: {} as Ctx, events: {} as Ev, input: {} as { ontvangenOp: string } },
  guards: {
    nogNietVerdaagd: ({ context }) => (context.termijnen.afhandeling?.mutaties.length ?? 0) === 0,
    afhandelingVerlopen: ({ event }) => event.data?.termijn === 'afhandeling',
    contactVerlopen: ({ event }) => event.data?.termijn === 'contact',
  },
  actions: {
    geenIntents: assign({ intents: () => [] }),
  },
}).createMachine({
  id: 'test',
  initial: 'inBehandeling',
  context: ({ input }) => {
    const start = dagVan(new Date(input.ontvangenOp));
    return {
      termijnen: { afhandeling: termijn('afhandeling', start, 42, 7), contact: termijn('contact', start, 5) },
      intents: [{ type: 'ONTVANGSTBEVESTIGING_STUREN', naar: 'klager', grondslag: 'Awb 9:6' }],
    };
  },
  states: {
    inBehandeling: {
      on: {
        CONTACT_OPGENOMEN: {
          actions: assign({
            termijnen: ({ context }) => Object.fromEntries(Object.entries(context.termijnen).filter(([n]) => n !== 'contact')),
            intents: () => [],
          }),
        },
        VERDAGEN: {
          guard: 'nogNietVerdaagd',
          actions: assign({
            termijnen: ({ context, event }) => {
              const a = context.termijnen.afhandeling;
              const vervaldatum = plusDagen(a.vervaldatum, 28);
              return {
                ...context.termijnen,
                afhandeling: {
                  ...a,
                  vervaldatum,
                  uitleg: [...a.uitleg, `verdaagd met 4 weken = ${vervaldatum}`],
                  herinneringen: a.herinneringen.map((h) => ({ ...h, datum: plusDagen(vervaldatum, -7) })),
                  mutaties: [{ soort: 'verdaging' as const, at: event.at, duur: 'P4W', vervaldatumNa: vervaldatum }],
                },
              };
            },
            intents: () => [{ type: 'VERDAGING_MELDEN', naar: 'klager', grondslag: 'Awb 9:11 lid 2' }],
          }),
        },
        TERMIJN_VERLOPEN: [
          {
            guard: 'afhandelingVerlopen',
            target: 'termijnVerstreken',
            actions: assign({
              termijnen: ({ context }) => ({ ...(context.termijnen.contact ? { contact: context.termijnen.contact } : {}) }),
              intents: () => [{ type: 'COLLEGE_INFORMEREN', naar: 'college', grondslag: 'onverwijld' }],
            }),
          },
          // The contact termijn passing is recorded, the klacht stays in behandeling and the termijn keeps running (overdue).
          { guard: 'contactVerlopen', actions: 'geenIntents' },
        ],
        AFDOEN: {
          target: 'afgedaan',
          actions: assign({
            termijnen: () => ({}),
            intents: () => [{ type: 'AFDOENINGSBRIEF_STUREN', naar: 'klager', grondslag: 'Awb 9:12' }],
          }),
        },
        INTREKKEN: { target: 'ingetrokken', actions: assign({ termijnen: () => ({}), intents: () => [] }) },
      },
    },
    termijnVerstreken: {
      on: { AFDOEN: { target: 'afgedaan', actions: assign({ termijnen: () => ({}), intents: () => [] }) } },
    },
    afgedaan: { type: 'final' },
    ingetrokken: { type: 'final' },
  },
});

const ALLE_EVENTS = ['CONTACT_OPGENOMEN', 'VERDAGEN', 'TERMIJN_VERLOPEN', 'AFDOEN', 'INTREKKEN'];

type Snap = SnapshotFrom<typeof machine>;

function resultaat(snap: Snap, accepted = true, reason?: string): StepResult {
  return {
    accepted,
    reason,
    snapshot: { value: snap.value, context: snap.context },
    state: String(snap.value),
    done: snap.status === 'done',
    termijnen: Object.values(snap.context.termijnen),
    intents: accepted ? snap.context.intents : [],
    volgendeEvents: ALLE_EVENTS.filter((t) =>
      t === 'TERMIJN_VERLOPEN'
        ? snap.can({ type: t, at: '', data: { termijn: 'afhandeling' } }) || snap.can({ type: t, at: '', data: { termijn: 'contact' } })
        : snap.can({ type: t, at: '' }),
    ),
  };
}

export const testRegime: CompiledRegime = {
  summary: { id: 'test-regime', gemeente: { cbsCode: TEST_GEMEENTE, naam: 'Testgemeente' }, versie: '1', geldigVanaf: '2000-01-01' },
  machine,
  start(intake: IntakeInput): StepResult {
    const [snap] = initialTransition(machine, { ontvangenOp: intake.ontvangenOp });
    return resultaat(snap);
  },
  step(snapshot: unknown, event: KlachtEvent): StepResult {
    const vorige = machine.resolveState(snapshot as { value: string; context: Ctx });
    const ev: Ev = { type: event.type, at: event.at, data: event.data };
    if (!vorige.can(ev)) {
      return { ...resultaat(vorige, false, `In de toestand "${String(vorige.value)}" kan ${event.type} niet.`) };
    }
    const [snap] = transition(machine, vorige, ev);
    return resultaat(snap);
  },
};

export const testRegimeBron: RegimeBron = {
  forGemeente: (cbs) => (cbs === TEST_GEMEENTE ? testRegime : undefined),
  byId: (id, versie) => (id === testRegime.summary.id && versie === testRegime.summary.versie ? testRegime : undefined),
};

export function testIntake(ontvangenOp = new Date().toISOString()): IntakeInput {
  return {
    gemeente: TEST_GEMEENTE,
    kanaal: 'webformulier',
    ontvangenOp,
    ingediendBij: 'gemeente',
    soort: 'klacht',
    onderwerp: 'Hulp bij het huishouden kwam niet',
    aanbieders: [{ id: 'zorg-noord', naam: 'Zorg Noord', type: 'wmo' }],
    feiten: { complex: false },
  };
}
