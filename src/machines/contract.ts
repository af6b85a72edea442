/**
 * The contract between the pure regime engine (src/machines) and the durable service
 * (src/modules, src/jobs). The service only ever talks to a regime through these types:
 * it stores `snapshot` as jsonb, reconciles the `termijn` table with `termijnen`, and turns
 * `intents` into outbox rows that run after commit (docs/architecture.md §1, docs/adr/0004-durable-klacht-engine.md).
 *
 * Everything here is JSON-serialisable. No I/O, no clocks: time comes in on the event (`at`).
 */

/** A calendar day in Europe/Amsterdam, `YYYY-MM-DD`. Legal due dates are inclusive days. */
export type IsoDate = string;
/** An instant, ISO 8601 with offset or `Z`. */
export type IsoDateTime = string;

export type Kanaal = 'telefoon' | 'balie' | 'brief' | 'webformulier' | 'email';
/**
 * `eigenOnderzoek`: an investigation the ombudsman starts on its own initiative, without a klacht
 * (Awb 9:26); the gemeente (and its ketenpartners) cooperate (Awb 9:31).
 */
export type Soort = 'klacht' | 'signaal' | 'melding' | 'stoppenMetLeveren' | 'eigenOnderzoek';
export const SOORTEN: readonly Soort[] = ['klacht', 'signaal', 'melding', 'stoppenMetLeveren', 'eigenOnderzoek'];
export type AanbiederType = 'wmo' | 'jeugdhulp' | 'zorg' | 'overig';

/** Named facts the routing condition language of a definition can test. */
export type FeitWaarde = string | number | boolean | string[];
export type Feiten = Record<string, FeitWaarde | undefined>;

export interface AanbiederRef {
  id: string;
  naam?: string;
  type?: AanbiederType;
}

/** What arrives at intake (API, KCC, aanbieder). */
export interface IntakeInput {
  /** CBS gemeentecode, e.g. `GM0363`. */
  gemeente: string;
  kanaal: Kanaal;
  ontvangenOp: IsoDateTime;
  /** Where the klager filed it: at the gemeente (KCC, Klachtenteam) or at an aanbieder. */
  ingediendBij: 'gemeente' | 'aanbieder' | 'ombudsman';
  soort?: Soort;
  onderwerp?: string;
  aanbieders: AanbiederRef[];
  /** Routing facts, e.g. `complex`, `eerderBijAanbieder`, `gerichtAan`, `bestuurlijkeImpact`. */
  feiten: Feiten;
}

/** An event on a running klacht. Events are SCREAMING_SNAKE (docs/adr/0004-durable-klacht-engine.md). */
export interface KlachtEvent {
  type: string;
  at: IsoDateTime;
  actor?: string;
  /** Event payload, e.g. `{ termijn: 'afhandeling' }` for TERMIJN_VERLOPEN, `{ duur: 'P4W' }` for VERDAGEN. */
  data?: Record<string, unknown>;
}

/**
 * A stored history row as it was recorded (klacht_gebeurtenis.naar_state): the state the step reached when it was taken.
 * Given to `step` only when the history is replayed (a version migration, migratie.ts speelAf), never for a live event.
 */
export interface Opgetekend {
  naarState: string;
}

export interface TermijnMutatie {
  soort: 'verdaging' | 'opschorting' | 'hervatting' | 'instemming';
  at: IsoDateTime;
  /** ISO 8601 duration, e.g. `P4W`. */
  duur?: string;
  reden?: string;
  vervaldatumNa: IsoDate;
  /**
   * The due date just before this mutation. On a verdaging or instemming it is the last day the termijn had when it was
   * extended, so a termijn met by the last day before its first extension did not need it (Awb 9:11 lid 2, 3; the report's
   * 'op tijd na verdaging of uitstel', src/modules/reports/rapportage.repository.ts verlengdSql). Absent on rows stored
   * before it was recorded.
   */
  vervaldatumVoor?: IsoDate;
  /**
   * The last day the termijn would have after this mutation had it never been extended (no verdaging, no instemming): its
   * own last day moved only by the days it stood still (opschorting), provisional while it stands still, as vervaldatumNa.
   * A termijn extended and then suspended is met 'op tijd' by this day, not by its last day before the extension (Awb 9:11
   * lid 2, 3; rapportage.repository.ts verlengdSql). Absent on rows stored before it was recorded.
   */
  vervaldatumZonderVerlenging?: IsoDate;
}

export interface HerinneringView {
  /** Stable within the termijn, e.g. `P1W-voor`. */
  naam: string;
  datum: IsoDate;
  naar: string;
}

/** A running termijn as the machine sees it; the service mirrors these into the `termijn` table. */
export interface TermijnView {
  /** Stable key within one klacht, e.g. `afhandeling`, `contact`, `nietBehandelenKennisgeving`. */
  naam: string;
  /** Dutch label for people, e.g. `Afhandeltermijn (Awb 9:11)`. */
  label: string;
  vervaldatum: IsoDate;
  /** The due date explained in Dutch, one line per step of the computation. */
  uitleg: string[];
  herinneringen: HerinneringView[];
  /** Who gets the escalation when the termijn passes, e.g. `leidinggevende`. */
  escalatieNaar?: string;
  /** Rule the termijn comes from, e.g. `Awb 9:11 lid 1`. */
  grondslag?: string;
  /**
   * Whose obligation a `contact` termijn is, the aanbieder's or the gemeente's (TermijnDefinitie.geldtVoor): the step
   * that started it says so (LopendeTermijn.voor). Absent for every other name, whose party the name itself says.
   */
  voor?: 'aanbieder' | 'gemeente';
  mutaties: TermijnMutatie[];
  /** Set while the termijn is suspended (contractual termijnen only): it cannot pass until it is resumed. */
  opgeschortSinds?: IsoDate;
}

/** Something the outside world must do after commit (send a letter, notify the college, ...). */
export interface Intent {
  type: string;
  naar?: string;
  grondslag?: string;
  data?: Record<string, unknown>;
}

export interface StepResult {
  /** False when the current state does not accept the event; then nothing else changed. */
  accepted: boolean;
  /** Dutch reason when refused. */
  reason?: string;
  /** Persistable snapshot (JSON), to be handed back to `step`. */
  snapshot: unknown;
  /** Current state as a dotted path, e.g. `intern.inBehandeling`. */
  state: string;
  done: boolean;
  /** All termijnen running after this step (desired state, not a diff). */
  termijnen: TermijnView[];
  /** Intents raised by this step only. */
  intents: Intent[];
  /** Event types the klacht accepts at the step's moment (for a later moment: CompiledRegime.volgendeEventsOp). */
  volgendeEvents: string[];
  /**
   * Termijnen whose passing (an earlier TERMIJN_VERLOPEN) this step undid: an act registered after the wake-up but
   * done before the termijn passed met or moved it (regime.ts, `inhalen`). The engine reopens their rows and marks the
   * wake-ups' history rows undone.
   */
  herroepen?: string[];
  /**
   * Termijnen those undone wake-ups started (not running before them) that no longer run after this step: they never
   * ran (Awb 9:11: the termijn that passed did not), so the engine ends their rows 'vervallen', not met.
   */
  herroepenGestart?: string[];
  /**
   * Termijnen this step ended without their holder meeting them, because the klacht left that holder (the aanbieder's,
   * when the klager goes on after its termijn passed or its contract ended: Klachtenprotocol Wmo keten Amsterdam §6,
   * §9). The engine ends such a row 'vervallen', or 'verlopen' when it had passed, never 'nagekomen'.
   */
  vervallen?: string[];
  /**
   * An act stepped before wake-ups registered after it (regime.ts, `inhalen`): the state the klacht was in at the act's
   * own moment, which its history row names as where it came from (not the state a wake-up after that moment left, such
   * as 'afgesloten' when the act undid the expiry that closed the klacht). Absent otherwise: the stored state.
   */
  vanState?: string;
  /**
   * With `vanState`: the moment the klacht entered the state it ends in, when the act or a wake-up stepped again after it
   * changed the state (a wake-up's moment when that closed the klacht after the act). Absent: the act's moment rule.
   */
  stateSinds?: string;
}

export interface DefinitionSummary {
  /** Folder name, e.g. `gm0363-amsterdam`. */
  id: string;
  gemeente: { cbsCode: string; naam: string };
  versie: string;
  geldigVanaf: IsoDate;
  geldigTot?: IsoDate;
}

/** One compiled version of one gemeente's regime. */
/** Where in the klachtroute a state lies: who holds the klacht there (set by the compiler in each state's `meta.fase`). */
export type Fase = 'intake' | 'aanbieder' | 'gemeente' | 'tweedeLijn' | 'bijzonder' | 'signaal' | 'afgerond';

export interface CompiledRegime {
  summary: DefinitionSummary;
  /** The XState machine (typed loosely here to keep the contract free of xstate generics). */
  machine: unknown;
  start(intake: IntakeInput): StepResult;
  /**
   * `opgetekend`: the event is a stored history row being replayed (migratie.ts speelAf), with the state it reached when
   * it was taken; only the guards whose rule was corrected since read it (compiler/acties.ts), to honour that outcome.
   */
  step(snapshot: unknown, event: KlachtEvent, opgetekend?: Opgetekend): StepResult;
  /**
   * The event types the klacht (a snapshot from `step`) takes at moment `op` (ISO 8601): StepResult.volgendeEvents is
   * the list at the step's own moment, and a guard that asks the day (a termijn passed, the second line competent on
   * it) can answer otherwise later. Readers that show the list ask this with the moment they read it. A moment before
   * wake-ups that came since the klacht's last act (an act of a termijn's last day registered the next morning) is
   * judged on the klacht as it was then (stateOp).
   */
  volgendeEventsOp?(snapshot: unknown, op: string): string[];
  /**
   * The state path the klacht (a snapshot from `step`) was in at moment `op`: its state, unless `op` lies before
   * wake-ups since its last act (Awb 9:11 lid 1: the termijn's last day counts in full), then the state before those
   * after `op`, where an act of that moment is stepped (`inhalen`).
   */
  stateOp?(snapshot: unknown, op: string): string;
  /** stateOp and volgendeEventsOp together, from one replay of the wake-ups since the last act (a caller that needs both). */
  stateEnEventsOp?(snapshot: unknown, op: string): { state: string; volgendeEvents: string[] };
  /** Data and registration checks around `step` (RegimeControles). */
  controles?: RegimeControles;
  /** Where in the klachtroute a state path lies (who holds the klacht there); undefined when the regime cannot say. */
  faseVan?(pad: string): Fase | undefined;
  /** The college that answers for the regime's klachten on a day when not the gemeente's own (Wet arhi art. 40). */
  opvolgerOp?(dag: IsoDate): { cbsCode: string; naam: string } | undefined;
  /** The second line competent on a day (Awb 9:12 lid 2): what a letter made on a later day than its step names. */
  tweedeLijnOp?(dag: IsoDate): { naam: string; soort?: string } | undefined;
}

/** A validation problem in a definition, rendered as `file:line:column: message`. */
export interface DefinitionError {
  file: string;
  line: number;
  column: number;
  message: string;
  /** What to write instead. */
  hint?: string;
  /**
   * Absent: an error, the definition is refused. `waarschuwing`: the definition is valid and loads, but probably does
   * not say what its author meant (e.g. a termijn that some intake routes never start); shown next to the errors.
   */
  ernst?: 'waarschuwing';
}

/** Is this finding blocking (an error), rather than a warning? */
export function isFout(e: DefinitionError): boolean {
  return e.ernst !== 'waarschuwing';
}

/** A rejected input field: `name` is its path in the request body (`data.oordeel`, `registratie.aard`). */
export interface OngeldigVeld {
  name: string;
  reason: string;
}

/** Registration values of a klacht for the reports (maatregelen: a list, the others one value each). */
export interface RegistratieWaarden {
  aard?: string;
  oorzaak?: string;
  afwikkeling?: string;
  maatregelen?: string[];
  tevredenheid?: string;
}

/** One data field an event needs, with the values allowed now (when it is a choice). */
export interface DataVeldBeschrijving {
  naam: string;
  verplicht: boolean;
  /** tekst, teksten, keuze, jaNee, waar, duur, datum, termijn, registratie. */
  soort: string;
  omschrijving: string;
  waarden?: string[];
}

/** An event a caller may send now, with the data it needs. */
export interface VolgendeGebeurtenis {
  type: string;
  omschrijving: string;
  data: DataVeldBeschrijving[];
}

/** A question the regeling asks at intake: one declared fact, for a form (a behandelaar's intake page). */
export interface IntakeVraag {
  naam: string;
  type: 'boolean' | 'getal' | 'tekst' | 'keuze';
  omschrijving: string;
  /** For `keuze`: the allowed values. */
  waarden?: string[];
}

/**
 * Checks a service runs around `step` (optional on the contract so a purpose-built regime may omit
 * them): wrong event data and registration values are field errors (HTTP 422), not refusals of the
 * state (409).
 */
export interface RegimeControles {
  /**
   * Field errors in the event's data, when the event type fits the current state (empty otherwise: `step` answers).
   * `vandaag`: the calendar day the event is registered; a day something happened may not lie after it.
   */
  controleerGebeurtenis(snapshot: unknown, event: KlachtEvent, opties?: { vandaag?: IsoDate }): OngeldigVeld[];
  /** The registration an accepted event writes (after `controleerGebeurtenis` found no errors). */
  registratieVan(event: KlachtEvent): RegistratieWaarden;
  /** Checks a registration object (intake or PATCH) against this version's lists; `pad` names the field. */
  controleerRegistratie(invoer: unknown, pad?: string): { waarden: RegistratieWaarden; fouten: OngeldigVeld[] };
  /** Field errors for intake facts: only facts this version declares (or the engine's own), each of its kind. */
  controleerFeiten(feiten: unknown, pad?: string): OngeldigVeld[];
  /** The facts an intake form asks: the ones this version declares, then the melding-facts every regime reads. */
  intakeVragen(): IntakeVraag[];
  /** The allowed registration values of this version (empty list: not registered). */
  registratieLijsten(): Record<keyof RegistratieWaarden, string[]>;
  /** The given event types (from StepResult.volgendeEvents) a caller may send, with their data. */
  volgendeGebeurtenissen(snapshot: unknown, types: string[]): VolgendeGebeurtenis[];
}
