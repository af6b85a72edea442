/**
 * Compiles a Definitie into one XState v5 machine per definition version (docs/adr/0004-durable-klacht-engine.md): the config
 * is composed from regime building blocks, then `setup({ types, actions, guards }).createMachine()`.
 * No `after` anywhere: termijnen are context data, expiry is the TERMIJN_VERLOPEN event (docs/adr/0004-durable-klacht-engine.md).
 */
import { setup } from 'xstate';
import { maakTweedeLijnZoeker, type TweedeLijnZoeker } from '../definition/tweede-lijn-tijdlijn';
import type { Definitie } from '../definition/types';
import { maakActiesEnGuards } from './acties';
import { aanbiederBlok } from './blocks/aanbieder.block';
import { afrondingBlok } from './blocks/afronding.block';
import { awbInternBlok } from './blocks/awb-intern.block';
import { jeugdwetBlok, wkkgzBlok } from './blocks/bijzondere-regimes.block';
import { naar, overgang, type Blok, type OvergangConfig, type ToestandConfig } from './blocks/bouw';
import { intakeBlok } from './blocks/intake.block';
import { signaalBlok } from './blocks/signaal.block';
import { stoppenMetLeverenBlok } from './blocks/stoppen-met-leveren.block';
import { tweedeLijnBlok } from './blocks/tweede-lijn.block';
import { termijnSpecs } from './termijnen';
import type { CompileCtx, KlachtContext, KlachtMachineEvent } from './types';

export const BLOKKEN: Blok[] = [
  intakeBlok,
  aanbiederBlok,
  awbInternBlok,
  jeugdwetBlok,
  wkkgzBlok,
  signaalBlok,
  stoppenMetLeverenBlok,
  tweedeLijnBlok,
  afrondingBlok,
];

/** Termijn handling that applies wherever a termijn runs (the guards check that it does). */
function termijnOvergangen(): Record<string, OvergangConfig[]> {
  return {
    VERDAGEN: [
      overgang({
        guard: 'verdagingToegestaan',
        omschrijving: 'termijn verdaagd, met schriftelijke mededeling aan klager en beklaagde',
        grondslag: 'Awb 9:11 lid 2; Wkkgz 17 lid 2',
        acties: ['verdagen'],
      }),
    ],
    UITSTEL_MET_INSTEMMING: [
      overgang({
        guard: 'instemmingGeldig',
        omschrijving: 'verder uitstel met schriftelijke instemming van de klager',
        grondslag: 'Awb 9:11 lid 3',
        acties: ['uitstelMetInstemming'],
      }),
    ],
    // Contractual termijnen only, where the definition says so (TermijnDefinitie.opschorting); never Awb 9:11.
    OPSCHORTEN: [overgang({ guard: 'opschortenGeldig', omschrijving: 'contractuele termijn opgeschort', acties: ['opschorten'] })],
    HERVATTEN: [overgang({ guard: 'hervattenGeldig', omschrijving: 'contractuele termijn hervat', acties: ['hervatten'] })],
    TERMIJN_VERLOPEN: [
      overgang({ guard: 'termijnVerstreken', omschrijving: 'termijn verstreken: escalatie', acties: ['termijnVerlopen'] }),
    ],
    // Selectielijst 2020 13.2: the klager may withdraw in every open state (final states are top-level,
    // so a done machine never takes this root transition); the target's entry stops every termijn.
    // Bestuurlijke impact can show up at any moment of a case: the college hears it onverwijld.
    BESTUURLIJKE_IMPACT_MELDEN: [
      overgang({
        guard: 'redenGegeven',
        omschrijving: 'bestuurlijke impact: onverwijld aan het college gemeld',
        acties: ['collegeOnverwijld'],
      }),
    ],
    // The ombudsman may turn to a ketenpartner directly; the ketenpartner tells the gemeente (Awb 9:31).
    OMBUDSMAN_CONTACT_AANBIEDER: [
      overgang({
        omschrijving: 'de ombudsman wendde zich tot de aanbieder: de gemeente is ingelicht',
        grondslag: 'Awb 9:31',
        acties: ['ombudsmanContactMelden'],
      }),
    ],
    KLACHT_INGETROKKEN: [
      overgang({
        naar: naar('ingetrokken'),
        omschrijving: 'de klager trekt de klacht (of het verzoek bij de tweede lijn) in',
        grondslag: 'Selectielijst 2020 13.2 (afgebroken)',
      }),
    ],
  };
}

export interface CompileOpties {
  /** Machine id; default `klacht` (state ids are `klacht.<pad>`). */
  id?: string;
  /**
   * The second line over all versions and mergers (registry); without it only this definition's own
   * bodies are known, which is enough for checking one definition on its own.
   */
  tweedeLijn?: TweedeLijnZoeker;
}

export interface Gecompileerd {
  machine: ReturnType<typeof bouwMachine>;
  ctx: CompileCtx;
  config: { states: Record<string, ToestandConfig>; on: Record<string, OvergangConfig[]> };
  /** Dutch reasons for refused guards (StepResult.reason). */
  weigering: ReturnType<typeof maakActiesEnGuards>['weigering'];
  guardImpl: ReturnType<typeof maakActiesEnGuards>['guardImpl'];
  /** What each guard decides without the event's data (acties.ts `zonderData`), for the list of next events. */
  zonderData: ReturnType<typeof maakActiesEnGuards>['zonderData'];
}

function bouwMachine(cc: CompileCtx, states: Record<string, ToestandConfig>, on: Record<string, OvergangConfig[]>) {
  const { actions, guards } = maakActiesEnGuards(cc);
  const initieel: KlachtContext = { termijnen: {}, verlopen: [], intents: [] };
  const config = {
    id: 'klacht',
    initial: 'nieuw',
    context: initieel,
    description: `Klachtregeling ${cc.def.gemeente.naam} (${cc.def.versie})`,
    states,
    on,
  };
  return setup({
    types: {} as { context: KlachtContext; events: KlachtMachineEvent },
    actions: actions as never,
    guards: guards as never,
  }).createMachine(config as never);
}

export function compileDefinitie(def: Definitie, opts: CompileOpties = {}): Gecompileerd {
  const eigen = maakTweedeLijnZoeker(() => [def]);
  const zoeker = opts.tweedeLijn;
  const ctx: CompileCtx = {
    def,
    specs: termijnSpecs(def),
    tweedeLijnOp: (datum) => zoeker?.(def.gemeente.cbsCode, datum) ?? eigen(def.gemeente.cbsCode, datum),
  };
  const states: Record<string, ToestandConfig> = {};
  const on: Record<string, OvergangConfig[]> = termijnOvergangen();
  for (const blok of BLOKKEN) {
    const f = blok(ctx);
    for (const [k, v] of Object.entries(f.states)) {
      if (states[k]) throw new Error(`state '${k}' komt in twee bouwblokken voor`);
      states[k] = v;
    }
    for (const [k, v] of Object.entries(f.rootOn ?? {})) on[k] = [...(on[k] ?? []), ...v];
  }
  const machine = bouwMachine(ctx, states, on);
  const { weigering, guardImpl, zonderData } = maakActiesEnGuards(ctx);
  return { machine, ctx, config: { states, on }, weigering, guardImpl, zonderData };
}
