/**
 * The persisted snapshot the regime hands the service is XState's own persisted form: the service stores it
 * and restores it with `machine.resolveState`, so a shortcut in making it must not change a byte of it.
 */
import { join } from 'node:path';
import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import type { IntakeInput, KlachtEvent } from './contract';
import { laadRegistry } from './registry';
import type { Regime } from './regime';

const registry = laadRegistry(join(__dirname, '..', '..', 'definitions'));

describe('persisted snapshots', () => {
  it('every seed regime persists a step exactly as XState persists it (the context is shared, not copied)', () => {
    let vergeleken = 0;
    for (const r of registry.regimes as Regime[]) {
      const s0 = r.herstel(r.start(intakeVoor(r)).snapshot);
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
            vergeleken++;
            if (uit.accepted) {
              // Shared, not copied: the persisted context is the live snapshot's own.
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

function intakeVoor(r: Regime): IntakeInput {
  return {
    gemeente: r.summary.gemeente.cbsCode,
    kanaal: 'brief',
    ontvangenOp: '2026-04-02T10:00:00+02:00',
    ingediendBij: 'gemeente',
    soort: 'klacht',
    aanbieders: [],
    feiten: {},
  };
}
