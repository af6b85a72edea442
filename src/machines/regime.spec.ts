/**
 * The persisted snapshot the regime hands the service is XState's own persisted form: the service stores it
 * and restores it with `machine.resolveState`, so a shortcut in making it must not change a byte of it.
 */
import { join } from 'node:path';
import { transition, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import type { KlachtEvent } from './contract';
import { intake } from './intake.spec-hulp';
import { laadRegistry } from './registry';
import type { Regime } from './regime';

const registry = laadRegistry(join(__dirname, '..', '..', 'definitions'));

describe('persisted snapshots', () => {
  it("every seed regime steps and persists exactly as XState's own transition() and getPersistedSnapshot()", () => {
    let vergeleken = 0;
    for (const r of registry.regimes as Regime[]) {
      const s0 = r.herstel(r.start(intake({ gemeente: r.summary.gemeente.cbsCode })).snapshot);
      // Breadth-first over the events each state offers (without data where data is needed: those are refused).
      let laag: AnyMachineSnapshot[] = [s0];
      let at = Date.parse('2026-04-02T10:00:00+02:00');
      for (let diepte = 0; diepte < 6 && laag.length; diepte++) {
        const volgende: AnyMachineSnapshot[] = [];
        for (const s of laag.slice(0, 8)) {
          const opties = r.stepSnapshot(s, { type: 'GEEN_GEBEURTENIS', at: new Date(at).toISOString() }).volgendeEvents;
          for (const type of opties) {
            at += 3_600_000;
            const e: KlachtEvent = { type, at: new Date(at).toISOString(), data: { oordeel: 'gegrond' } };
            const uit = r.stepSnapshot(s, e);
            expect(JSON.stringify(uit.snapshot)).toBe(JSON.stringify((r.machine as AnyStateMachine).getPersistedSnapshot(uit.next)));
            if (uit.accepted) {
              // And the step itself is XState's own transition, made with a fresh inert actor scope as transition() makes it.
              const [xstate] = transition(r.machine as AnyStateMachine, s, e);
              expect(JSON.stringify(uit.snapshot)).toBe(JSON.stringify((r.machine as AnyStateMachine).getPersistedSnapshot(xstate)));
            }
            vergeleken++;
            if (uit.accepted) {
              // The persisted context is the live snapshot's own (as XState's is when it finds no actor in it).
              expect((uit.snapshot as { context: unknown }).context).toBe(uit.next.context);
              volgende.push(uit.next);
            }
          }
        }
        laag = volgende;
      }
    }
    expect(vergeleken).toBeGreaterThan(50);
  });
});

describe('faseVan: who holds the klacht in a state', () => {
  const amsterdam = (registry.regimes as Regime[]).find((r) => r.summary.gemeente.cbsCode === 'GM0363')!;

  it('a nested state lies where its deepest state with a fase says; the aanbieder acts only where that is aanbieder or bijzonder', () => {
    expect(amsterdam.faseVan('bijAanbieder.inBehandeling')).toBe('aanbieder');
    expect(amsterdam.faseVan('bijAanbieder')).toBe('aanbieder');
    expect(amsterdam.faseVan('gemeente.inBehandeling')).toBe('gemeente');
    expect(amsterdam.faseVan('afgesloten')).toBe('afgerond');
  });

  it('an unknown path has no fase (never the fase of a neighbour)', () => {
    expect(amsterdam.faseVan('bestaatNiet')).toBeUndefined();
    expect(amsterdam.faseVan('bijAanbieder.bestaatNiet')).toBeUndefined();
    expect(amsterdam.faseVan('')).toBeUndefined();
  });
});
