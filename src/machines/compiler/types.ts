/**
 * Types shared by the regime building blocks and the compiler. The machine context is plain JSON
 * (it is persisted as jsonb by the service); termijnen are data, never XState `after` (docs/adr/0004-durable-klacht-engine.md).
 */
import type { AanbiederRef, Feiten, IntakeInput, Intent, IsoDate, IsoDateTime, Kanaal, Opgetekend, Soort } from '../contract';
import type { TweedeLijnOpDatum } from '../definition/tweede-lijn-tijdlijn';
import type { Definitie, Herinnering, Rekenwijze } from '../definition/types';
import type { Mutatie } from '../termijnen';

export type { Fase } from '../contract';
import type { Fase } from '../contract';

export interface StateMeta {
  grondslag?: string;
  /** Termijnen that run while the klacht is in this state (names as in TermijnView.naam). */
  termijnen?: string[];
  fase: Fase;
  /** Path in the definition that makes this state exist (for graph errors at `file:line:column`). */
  definitiePad?: Array<string | number>;
  /**
   * The klacht lies with the last instance (ombudsman, geschilleninstantie): after its term the klager
   * has no further route inside the regeling (only the civil court), so the stuck-klager check skips it.
   */
  laatsteLijn?: true;
}

export interface TransitionMeta {
  grondslag?: string;
}

/** A termijn as the compiler knows it: a definition termijn or one of a special regime. */
export interface TermijnSpec {
  naam: string;
  label: string;
  duur: string;
  rekenwijze: Rekenwijze;
  atw: boolean;
  verdagingMax?: string;
  verdagingKennisgevingVoorVerloop?: boolean;
  verdagingGrondslag?: string;
  herinneringen?: Herinnering[];
  escalatieNaar?: string;
  grondslag: string;
  /** May be suspended, on this (contractual) basis; never a statutory termijn (Awb 9:11). */
  opschorting?: { grondslag: string };
  /**
   * The due date is a day another body set (the ombudsman's date for documents, Awb 9:31), read from the intake fact
   * `feit`: no duration counted, no Atw (a set date is no term of a wet), no verdaging. `duur` only describes it.
   */
  gesteld?: { feit: string };
}

/** The party a shared termijn name binds (TermijnDefinitie.geldtVoor). */
export type TermijnPartij = 'aanbieder' | 'gemeente';

/** A running termijn in the machine context: enough to recompute its due date (the ledger). */
export interface LopendeTermijn {
  naam: string;
  /** Start (the day itself does not count). */
  vanaf: IsoDateTime;
  /**
   * Whose obligation it is, where the name does not say it: `contact` binds the aanbieder or the gemeente
   * (TermijnDefinitie.geldtVoor), and the step that starts it knows which. Absent for every other name.
   */
  voor?: TermijnPartij;
  mutaties: Mutatie[];
  /** A new term set by a body that may deviate (Jeugdwet 4.2.1 lid 2 sub d, lid 5), replaces the due date. */
  nieuweTermijn?: { at: IsoDateTime; tot: IsoDate; reden: string; grondslag: string };
  /** The due date set by another body (TermijnSpec.gesteld): that day itself, whoever set it and on what ground. */
  gesteld?: {
    tot: IsoDate;
    door: string;
    grondslag: string;
    /** Dates the same body set later, oldest first, each with the one it replaced (none: he had set none) (Awb 9:31 lid 1). */
    wijzigingen?: Array<{ at: IsoDateTime; van?: IsoDate; tot: IsoDate; reden?: string }>;
  };
}

export interface VerlopenTermijn {
  naam: string;
  vervaldatum: IsoDate;
  verlopenOp: IsoDateTime;
}

export interface IntakeGegevens {
  gemeente: string;
  kanaal: Kanaal;
  ontvangenOp: IsoDateTime;
  ingediendBij: IntakeInput['ingediendBij'];
  soort: Soort;
  onderwerp?: string;
  aanbieders: AanbiederRef[];
  feiten: Feiten;
}

export interface KlachtContext {
  intake?: IntakeGegevens;
  /** Receipt at the gemeente (the Awb 9:11 term runs from here). */
  ontvangenBijGemeente?: IsoDateTime;
  /** Time of the last accepted event (the virtual clock of this klacht). */
  nu?: IsoDateTime;
  termijnen: Record<string, LopendeTermijn>;
  verlopen: VerlopenTermijn[];
  /** Intents raised by the current step only (reset by the first action of every event transition). */
  intents: Intent[];
  /**
   * Termijnen the current step ended without their holder meeting them, because the klacht left that holder (the
   * aanbieder's, when the klager goes on after its termijn or the contract ends: Klachtenprotocol Wmo keten Amsterdam §6,
   * §9). Only the current step's (reset by its first action); StepResult.vervallen.
   */
  vervallen?: string[];
  /** The klager may go to the second line because the afhandeltermijn passed (Awb 9:11, 9:24 lid 1 sub b). */
  tweedeLijnOpen?: boolean;
  /** Advice of the klachtadviescommissie (Awb 9:15 lid 4), to check 9:16 on the afdoening. */
  advies?: string;
  oordeel?: string;
  /** The second-line body named in the last afdoening / kennisgeving (Awb 9:12 lid 2). */
  tweedeLijnInstantie?: string;
  /**
   * When the aanbieder did the klacht af (AFDOENEN from bijAanbieder): the notice of its findings, from which the klager's
   * year runs (Awb 9:24 lid 1 sub a by analogy; wacht-op-klager.ts), also where no wait could run on that day.
   */
  afgedaanDoorAanbiederOp?: IsoDateTime;
  /**
   * Set while the klacht's last events are termijn wake-ups (TERMIJN_VERLOPEN): the persisted snapshot before the
   * first of them and the wake-ups themselves. An act done before a wake-up but registered after it (the afdoening
   * sent on the last day, recorded the next morning) is stepped in its place (regime.ts, `inhalen`).
   */
  voorWekkers?: { snapshot: unknown; wekkers: KlachtMachineEvent[] };
}

export interface KlachtMachineEvent {
  type: string;
  at: IsoDateTime;
  actor?: string;
  data?: Record<string, unknown>;
  /**
   * Set only when a stored history row is replayed (a version migration, migratie.ts speelAf; CompiledRegime.step's
   * `opgetekend`), never by a live event: the state the step reached when it was taken. Read by the few guards whose rule
   * was corrected since (acties.ts, each naming its commit), to honour what happened under the old rule.
   */
  opgetekend?: Opgetekend;
}

/** What the blocks and the compiler share while building one machine. */
export interface CompileCtx {
  def: Definitie;
  specs: Record<string, TermijnSpec>;
  /**
   * The second line competent on a date for this gemeente's klachten, across its versions and
   * mergers (Awb 9:12 lid 2 names the body valid at the date of the letter, not at intake).
   */
  tweedeLijnOp(datum: IsoDate): TweedeLijnOpDatum | undefined;
}
