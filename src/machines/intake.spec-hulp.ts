/**
 * Test data for the machine specs (not built into dist: tsconfig.build.json leaves out `*.spec-hulp.ts`): an intake
 * at the Stichtse Vecht gemeente, received on a fixed Thursday, with whatever a test changes.
 */
import type { IntakeInput } from './contract';

export function intake(over: Partial<IntakeInput> = {}): IntakeInput {
  return {
    gemeente: 'GM1904',
    kanaal: 'brief',
    ontvangenOp: '2026-04-02T10:00:00+02:00',
    ingediendBij: 'gemeente',
    soort: 'klacht',
    aanbieders: [],
    feiten: {},
    ...over,
  };
}
