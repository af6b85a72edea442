import { ProblemException } from '../../common/problem';

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

/**
 * The connection failed (or the server ended the session) after the engine sent work that commits: the COMMIT may have
 * run, or not (ADR 0008). The engine never runs such work again, and the caller may not be told "nothing changed", as
 * for a database that could not be reached before anything was sent (problem.filter.ts): a client that simply retries
 * would file a second klacht or register the act twice. 503 with code `uitkomst-onbekend`: look at the klacht
 * (GET /klachten/{id}, its history) or repeat the request with the same Idempotency-Key, which returns the stored answer
 * when it was written and runs it when it was not (docs/api.md Idempotentie). Not an EngineError: it is no refusal.
 * `cause` keeps the driver's error, so whoever asks whether the database is unreachable (isDatabaseOnbereikbaar) still
 * hears so.
 */
export class UitkomstOnbekendError extends ProblemException {
  constructor(
    /** The klacht the event was for; absent for an intake (its id is not known to the caller). */
    readonly klachtId: string | undefined,
    oorzaak: unknown,
  ) {
    super({
      status: 503,
      code: 'uitkomst-onbekend',
      title: 'Uitkomst onbekend',
      detail:
        `De verbinding met de database viel weg nadat ${klachtId ? `de gebeurtenis voor klacht ${klachtId}` : 'de klacht'} was ` +
        'verstuurd: of die is vastgelegd, is onbekend. Herhaal het verzoek met dezelfde Idempotency-Key (dan krijgt u het ' +
        `vastgelegde antwoord, of wordt het alsnog uitgevoerd), of kijk eerst ${klachtId ? `in GET /klachten/${klachtId}` : 'in GET /klachten'} of het er staat; ` +
        'zonder sleutel opnieuw versturen kan het dubbel vastleggen.',
    });
    this.cause = oorzaak;
    this.name = 'UitkomstOnbekendError';
  }
}
