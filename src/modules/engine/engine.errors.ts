/**
 * Domain errors of the engine. The HTTP layer maps them to application/problem+json with a
 * stable `code` (docs/api.md); other callers (jobs, CLI) handle them directly.
 */
export abstract class EngineError extends Error {
  abstract readonly code: string;
}

/** The regime does not accept the event in the klacht's current state (nothing was written). */
export class GebeurtenisNietToegestaanError extends EngineError {
  readonly code = 'gebeurtenis-niet-toegestaan';
  constructor(
    readonly eventType: string,
    readonly reden: string,
    readonly state: string,
    readonly toegestaneEvents: string[],
  ) {
    super(reden);
    this.name = 'GebeurtenisNietToegestaanError';
  }
}

/** The event fits the klacht's state, but its data is wrong or incomplete (nothing was written). */
export class GebeurtenisDataOngeldigError extends EngineError {
  readonly code = 'gebeurtenis-data-ongeldig';
  constructor(
    readonly eventType: string,
    readonly velden: Array<{ name: string; reason: string }>,
  ) {
    super(`De data van ${eventType} is niet in orde: ${velden.map((v) => `${v.name}: ${v.reason}`).join('; ')}`);
    this.name = 'GebeurtenisDataOngeldigError';
  }
}

/** A registration value is not in the lists of the klacht's definition version (nothing was written). */
export class RegistratieOngeldigError extends EngineError {
  readonly code = 'registratie-ongeldig';
  constructor(readonly velden: Array<{ name: string; reason: string }>) {
    super(`De registratie is niet in orde: ${velden.map((v) => `${v.name}: ${v.reason}`).join('; ')}`);
    this.name = 'RegistratieOngeldigError';
  }
}

/** Intake facts the definition does not ask about, or of the wrong kind (422; nothing stored). */
export class FeitenOngeldigError extends EngineError {
  readonly code = 'feiten-ongeldig';
  constructor(readonly velden: Array<{ name: string; reason: string }>) {
    super(`De feiten passen niet bij de klachtregeling: ${velden.map((v) => `${v.name}: ${v.reason}`).join('; ')}`);
    this.name = 'FeitenOngeldigError';
  }
}

export class KlachtNietGevondenError extends EngineError {
  readonly code = 'klacht-niet-gevonden';
  constructor(readonly klachtId: string) {
    super(`Er is geen klacht met id ${klachtId}.`);
    this.name = 'KlachtNietGevondenError';
  }
}

/** No definition is in force for this gemeente on the day of receipt. */
export class GeenDefinitieError extends EngineError {
  readonly code = 'geen-definitie';
  constructor(
    readonly gemeente: string,
    readonly datum: string,
  ) {
    super(
      `Voor gemeente ${gemeente} geldt op ${datum} geen klachtregeling (definitie). Controleer de gemeentecode of de geldigheidsdatums van de definities.`,
    );
    this.name = 'GeenDefinitieError';
  }
}

/** The regime refused the intake itself (e.g. a fact it cannot route on). */
export class IntakeGeweigerdError extends EngineError {
  readonly code = 'intake-geweigerd';
  constructor(readonly reden: string) {
    super(reden);
    this.name = 'IntakeGeweigerdError';
  }
}

/** A running klacht refers to a definition version that is no longer loaded: an operator error. */
export class DefinitieOntbreektError extends EngineError {
  readonly code = 'definitie-ontbreekt';
  constructor(
    readonly definitieId: string,
    readonly versie: string,
  ) {
    super(`Definitie ${definitieId} versie ${versie} is niet geladen; een lopende klacht blijft op de versie waarmee hij begon.`);
    this.name = 'DefinitieOntbreektError';
  }
}

/**
 * The event's moment lies at or after the due moment of a termijn the klacht still shows running, whose wake-up has not
 * run yet (the worker is behind: an outage, a queue backlog, the sweep's interval). Stepped on that picture, the event
 * would find the klacht as if the termijn had not passed (Awb 9:18, 9:24 lid 1 sub b: the way to the ombudsman opens
 * when the afhandeltermijn passes). Nothing was written; the caller runs the wake-up and applies the event again
 * (src/modules/termijnen/achterstand.ts). Not an EngineError: it is no refusal, and nobody may answer it as one.
 */
export class WekkerAchterstandError extends Error {
  constructor(
    readonly klachtId: string,
    /** The latest overdue termijn: its wake-up's catch-up fires every earlier one first, in order. */
    readonly termijnNaam: string,
    readonly revision: number,
    /** The event's moment: the wake-up runs as of at least this moment. */
    readonly at: string,
  ) {
    super(`Klacht ${klachtId}: termijn ${termijnNaam} (revisie ${revision}) is vóór ${at} verstreken en nog niet gemeld`);
    this.name = 'WekkerAchterstandError';
  }
}
