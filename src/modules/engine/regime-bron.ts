import type { CompiledRegime } from '../../machines/contract';

/**
 * Where the engine finds compiled regimes. In the application this is the registry loaded from
 * DEFINITIONS_DIR (`loadRegistry`); the token lets a test run a purpose-built regime.
 */
export interface RegimeBron {
  /** The regime in force for a gemeente on a calendar day (YYYY-MM-DD). */
  forGemeente(cbsCode: string, at: string): CompiledRegime | undefined;
  /** A specific published version: a running klacht stays on the version it started with. */
  byId(id: string, versie: string): CompiledRegime | undefined;
}

export const REGIME_BRON = Symbol('REGIME_BRON');
