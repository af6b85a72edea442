/**
 * What the block specs (*.block.spec.ts) share: the Testdam definitions they compile, validated once per set of lines,
 * and stepping a compiled regime with an event that must be accepted or refused. Pure: no database, as the specs.
 */
import { join } from 'node:path';
import type { KlachtEvent, StepResult } from '../../contract';
import { ruimTijdelijkeMappenOp, schrijfBestanden, TESTDAM } from '../../definition/test-fixture';
import type { GeladenDefinitie } from '../../definition/types';
import { loadAndValidate } from '../../definition/validate';
import type { Regime } from '../../regime';

/** Validated definitions per set of lines (the validation is not what these specs are about: asked once per set). */
const gevalideerd = new Map<string, GeladenDefinitie[]>();
export function definities(lines: readonly string[]): GeladenDefinitie[] {
  const sleutel = JSON.stringify(lines);
  let defs = gevalideerd.get(sleutel);
  if (!defs) {
    const r = loadAndValidate([join(schrijfBestanden({ [TESTDAM]: lines }), 'definitions')]);
    ruimTijdelijkeMappenOp();
    expect(r.errors).toEqual([]);
    defs = r.definities;
    gevalideerd.set(sleutel, defs);
  }
  return defs;
}

/** 10:00 on an Amsterdam summer day. */
export const op = (dag: string) => `${dag}T10:00:00+02:00`;

export function stap(r: Regime, s: StepResult, type: string, at: string, data?: Record<string, unknown>): StepResult {
  const e: KlachtEvent = { type, at, ...(data ? { data } : {}) };
  return r.step(JSON.parse(JSON.stringify(s.snapshot)), e);
}
/** A step that must be accepted. */
export function neem(r: Regime, s: StepResult, type: string, at: string, data?: Record<string, unknown>): StepResult {
  const v = stap(r, s, type, at, data);
  expect([type, v.accepted, v.reason]).toEqual([type, true, undefined]);
  return v;
}
export const geweigerd = (r: Regime, s: StepResult, type: string, at: string, data?: Record<string, unknown>) =>
  stap(r, s, type, at, data).accepted === false;
/** The running termijnen as [naam, vervaldatum]. */
export const termijnen = (s: StepResult) => s.termijnen.map((t) => [t.naam, t.vervaldatum]);
