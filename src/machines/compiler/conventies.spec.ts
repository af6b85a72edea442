/**
 * The conventions the diagram, paths and service code rely on (docs/adr/0004-durable-klacht-engine.md): every state node has
 * a Dutch description and meta.fase; every transition a description and meta; no XState `after`
 * (legal time is data); events SCREAMING_SNAKE, states camelCase; every event has a vocabulary entry.
 */
import { join } from 'node:path';
import type { AnyStateMachine, AnyStateNode } from 'xstate';
import { loadRegistry } from '../index';
import type { Regime } from '../regime';
import { GEBEURTENISSEN } from './gebeurtenissen';

const registry = loadRegistry(join(__dirname, '..', '..', '..', 'definitions'));
const FASEN = ['intake', 'aanbieder', 'gemeente', 'tweedeLijn', 'bijzonder', 'signaal', 'afgerond'];

function knopen(n: AnyStateNode): AnyStateNode[] {
  return [n, ...Object.values(n.states).flatMap((c) => knopen(c as AnyStateNode))];
}

describe.each(registry.regimes.map((r) => [r.summary.id, r as Regime] as const))('%s', (_id, regime) => {
  const machine = regime.machine as AnyStateMachine;
  const alle = knopen(machine.root).filter((n) => n !== machine.root);

  test('every state has a Dutch description and meta.fase; states are camelCase', () => {
    for (const n of alle) {
      expect([n.id, n.description]).toEqual([n.id, expect.stringMatching(/\S/)]);
      expect([n.id, FASEN.includes((n.meta as { fase?: string } | undefined)?.fase ?? '')]).toEqual([n.id, true]);
      expect(n.key).toMatch(/^[a-z][a-zA-Z]*$/);
    }
  });

  test('every transition has a description and meta; events are SCREAMING_SNAKE and in the vocabulary', () => {
    for (const n of alle) {
      for (const [type, ts] of n.transitions) {
        expect(type).toMatch(/^[A-Z][A-Z0-9_]*$/);
        expect(GEBEURTENISSEN[type]).toBeDefined();
        for (const t of ts) {
          expect([n.id, type, t.description]).toEqual([n.id, type, expect.stringMatching(/\S/)]);
          expect(t.meta).toBeDefined();
        }
      }
    }
  });

  test('no XState `after` anywhere (termijnen are data, expiry is TERMIJN_VERLOPEN)', () => {
    for (const n of alle) expect([n.id, n.after.length]).toEqual([n.id, 0]);
    expect(JSON.stringify(machine.config)).not.toContain('"after"');
  });

  test('the snapshot is plain JSON and survives a round trip through PostgreSQL jsonb', () => {
    const r = regime.start({
      gemeente: regime.summary.gemeente.cbsCode,
      kanaal: 'email',
      ontvangenOp: `${regime.definitie.geldigVanaf}T10:00:00Z`,
      ingediendBij: 'gemeente',
      soort: 'klacht',
      aanbieders: [],
      feiten: {},
    });
    expect(JSON.parse(JSON.stringify(r.snapshot))).toEqual(r.snapshot);
    const verder = regime.step(JSON.stringify(r.snapshot), { type: 'KLAGER_TEVREDEN', at: `${regime.definitie.geldigVanaf}T11:00:00Z` });
    expect(verder.accepted).toBe(true);
  });
});
