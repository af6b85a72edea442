/**
 * Generated path suite (docs/adr/0004-durable-klacht-engine.md): for every definition in definitions/, the shortest path to every
 * state the graph exploration reaches (xstate/graph `getShortestPaths`, routing facts enumerated,
 * termijn expiry on a virtual clock) is replayed through the pure API — `regime.start` and
 * `regime.step` with the snapshot persisted as JSON in between — and every step must be accepted and
 * land in the state the graph predicted.
 */
import { join } from 'node:path';
import type { AnyMachineSnapshot } from 'xstate';
import type { IntakeInput, KlachtEvent, StepResult } from '../src/machines/contract';
import { loadRegistry } from '../src/machines';
import { kortsteStatePaden } from '../src/machines/graph/verkenning';
import { alleKnopen } from '../src/machines/graph/graph-check';
import { statePad, type Regime } from '../src/machines/regime';

const registry = loadRegistry(join(__dirname, '..', 'definitions'));

test('every definition in definitions/ loads, validates (graph stage included) and compiles', () => {
  expect(registry.errors).toEqual([]);
  expect(registry.regimes.length).toBeGreaterThanOrEqual(4);
});

describe.each(registry.regimes.map((r) => [r.summary.id, r as Regime] as const))('%s', (_id, regime) => {
  const paden = kortsteStatePaden(regime);
  const bereikt = new Set(paden.map((p) => statePad((p.state as AnyMachineSnapshot).value)));

  test('every state of the machine is reached by some path', () => {
    const bladeren = alleKnopen(regime.gecompileerd.config.states).filter((k) => !k.config.states);
    expect(bladeren.map((k) => k.pad).filter((p) => !bereikt.has(p))).toEqual([]);
  });

  test('the paths include termijn expiry (TERMIJN_VERLOPEN on the virtual clock)', () => {
    expect(paden.some((p) => p.steps.some((s) => s.event.type === 'TERMIJN_VERLOPEN'))).toBe(true);
  });

  const gevallen = paden
    .filter((p) => p.steps.length > 1)
    .map((p) => {
      const stappen = p.steps.filter((s) => !s.event.type.startsWith('xstate.'));
      const naam = `${stappen.map((s) => (s.event.type === 'TERMIJN_VERLOPEN' ? `TERMIJN_VERLOPEN(${String(s.event.data?.termijn)})` : s.event.type)).join(' > ')} => ${statePad((p.state as AnyMachineSnapshot).value)}`;
      return [naam, stappen] as const;
    });

  test.each(gevallen)('%s', (_naam, stappen) => {
    let huidig: StepResult | undefined;
    for (const stap of stappen) {
      const e = stap.event as KlachtEvent;
      const verwacht = statePad((stap.state as AnyMachineSnapshot).value);
      huidig =
        huidig === undefined ? regime.start(e.data?.intake as IntakeInput) : regime.step(JSON.parse(JSON.stringify(huidig.snapshot)), e);
      if (!huidig.accepted) throw new Error(`${e.type} geweigerd in de stap vóór ${verwacht}: ${huidig.reason}`);
      expect(huidig.state).toBe(verwacht);
      expect(huidig.done).toBe((stap.state as AnyMachineSnapshot).status === 'done');
      // Every running termijn carries its computation and legal ground.
      for (const t of huidig.termijnen) {
        expect(t.uitleg[t.uitleg.length - 1]).toMatch(/^Vervaldatum/);
        expect(t.grondslag).toBeTruthy();
      }
    }
  });
});
