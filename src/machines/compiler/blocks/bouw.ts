/**
 * Small builders for state and transition config, so every block follows the conventions the
 * diagram and paths code rely on: each state has a Dutch `description` and `meta.fase`; each
 * transition a Dutch `description` and `meta.grondslag`; every event transition starts with `begin`.
 */
import type { CompileCtx, Fase, StateMeta, TermijnPartij } from '../types';

export type ActieRef = string | { type: string; params?: Record<string, unknown> };
export type GuardRef = string | { type: string; params?: Record<string, unknown> };

export interface OvergangConfig {
  target?: string;
  guard?: GuardRef;
  actions: ActieRef[];
  description: string;
  meta: { grondslag?: string };
}

export interface ToestandConfig {
  description: string;
  meta: StateMeta;
  type?: 'final';
  initial?: string;
  entry?: ActieRef[];
  exit?: ActieRef[];
  on?: Record<string, OvergangConfig[]>;
  states?: Record<string, ToestandConfig>;
}

/** What a building block contributes: states (top level) and, where it needs them, extra root handlers. */
export interface BlokFragment {
  states: Record<string, ToestandConfig>;
  rootOn?: Record<string, OvergangConfig[]>;
}

export type Blok = (cc: CompileCtx) => BlokFragment;

/** Absolute target: `#klacht.gemeente.inBehandeling`. */
export function naar(...pad: string[]): string {
  return `#klacht.${pad.join('.')}`;
}

export function overgang(o: {
  naar?: string;
  omschrijving: string;
  grondslag?: string;
  guard?: GuardRef;
  acties?: ActieRef[];
}): OvergangConfig {
  return {
    ...(o.naar ? { target: o.naar } : {}),
    ...(o.guard ? { guard: o.guard } : {}),
    actions: ['begin', ...(o.acties ?? [])],
    description: o.omschrijving,
    meta: o.grondslag ? { grondslag: o.grondslag } : {},
  };
}

export function toestand(o: {
  omschrijving: string;
  fase: Fase;
  grondslag?: string;
  termijnen?: string[];
  definitiePad?: Array<string | number>;
  laatsteLijn?: boolean;
  /**
   * The description for one klacht, naming the second-line body of a day (`{instantie}`): the body competent today
   * (`vandaag`: where the klager can go now) or on the day the klacht entered this state (`sinds`: the body it went to).
   * The state's own description names every body of the regeling (diagrams, lists of states).
   */
  perKlacht?: { tekst: string; op: 'vandaag' | 'sinds' };
  final?: boolean;
  initial?: string;
  entry?: ActieRef[];
  exit?: ActieRef[];
  on?: Record<string, OvergangConfig | OvergangConfig[]>;
  states?: Record<string, ToestandConfig>;
}): ToestandConfig {
  const on: Record<string, OvergangConfig[]> = {};
  for (const [k, v] of Object.entries(o.on ?? {})) on[k] = Array.isArray(v) ? v : [v];
  return {
    description: o.omschrijving,
    meta: {
      fase: o.fase,
      ...(o.grondslag ? { grondslag: o.grondslag } : {}),
      ...(o.termijnen && o.termijnen.length ? { termijnen: o.termijnen } : {}),
      ...(o.definitiePad ? { definitiePad: o.definitiePad } : {}),
      ...(o.laatsteLijn ? { laatsteLijn: true as const } : {}),
      ...(o.perKlacht ? { perKlacht: o.perKlacht } : {}),
    },
    ...(o.final ? { type: 'final' as const } : {}),
    ...(o.initial ? { initial: o.initial } : {}),
    ...(o.entry?.length ? { entry: o.entry } : {}),
    ...(o.exit?.length ? { exit: o.exit } : {}),
    ...(Object.keys(on).length ? { on } : {}),
    ...(o.states ? { states: o.states } : {}),
  };
}

export function intent(type: string, naar?: string, grondslag?: string, data?: Record<string, unknown>): ActieRef {
  return { type: 'intent', params: { type, ...(naar ? { naar } : {}), ...(grondslag ? { grondslag } : {}), ...(data ? { data } : {}) } };
}

export function startTermijn(
  cc: CompileCtx,
  naam: string,
  vanaf: 'event' | 'ontvangst' | 'gemeente' = 'event',
  vanafVeld?: string,
  voor?: TermijnPartij,
): ActieRef[] {
  return cc.specs[naam]
    ? [{ type: 'startTermijn', params: { naam, vanaf, ...(vanafVeld ? { vanafVeld } : {}), ...(voor ? { voor } : {}) } }]
    : [];
}

export function stopTermijn(naam: string): ActieRef {
  return { type: 'stopTermijn', params: { naam } };
}

/** Ends a termijn whose holder loses the klacht without meeting it (StepResult.vervallen), not a termijn met. */
export function vervalTermijn(naam: string): ActieRef {
  return { type: 'vervalTermijn', params: { naam } };
}

/** Termijn names that exist in this definition. */
export function bestaand(cc: CompileCtx, ...namen: string[]): string[] {
  return namen.filter((n) => cc.specs[n]);
}
