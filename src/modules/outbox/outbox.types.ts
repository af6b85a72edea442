import type { OutboxEntity } from './outbox.entity';

/** A row to write in the same transaction as the change that causes it. */
export interface OutboxBericht {
  klachtId: string | null;
  type: string;
  payload: Record<string, unknown>;
}

/**
 * Something that must happen after commit for outbox rows of certain types (schedule wake-ups,
 * deliver webhooks, send notifications). Register with `OutboxRelay.register`. A handler must be
 * idempotent: a row is handed over again when the relay crashes before marking it processed.
 */
export interface OutboxHandler {
  /** Name for logs and `lastError`. */
  readonly naam: string;
  handles(type: string): boolean;
  handle(row: OutboxEntity): Promise<void>;
}

/** Outbox row types written by the engine and the termijn wake-ups. */
export const OUTBOX_TYPES = {
  klachtOntvangen: 'klacht.ontvangen',
  statusGewijzigd: 'klacht.status-gewijzigd',
  /** PATCH /klachten/{id}/registratie: aard, oorzaak, afwikkeling, maatregelen or tevredenheid changed. */
  registratieGewijzigd: 'klacht.registratie-gewijzigd',
  termijnGepland: 'termijn.gepland',
  termijnBeeindigd: 'termijn.beeindigd',
  termijnVerlopen: 'termijn.verlopen',
  termijnHerinnering: 'termijn.herinnering',
  termijnEscalatie: 'termijn.escalatie',
  /** Prefix: `intent.<INTENT_TYPE>`, e.g. `intent.COLLEGE_INFORMEREN`. */
  intent: 'intent.',
} as const;
