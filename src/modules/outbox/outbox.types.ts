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
  /**
   * Optional: all rows of one drain that this handler handles, in id order, in one call instead of one `handle` per
   * row (for a handler whose work covers every pending row at once, such as the webhook fan-out). Called once per
   * drain, at the first of those rows; a throw counts as a failure for each of them.
   */
  handleAlle?(rows: OutboxEntity[]): Promise<void>;
}

/**
 * What the payload of every `termijn.*` row (the CloudEvents `nl.klachtregie.termijn.*`, docs/api.md) says of its termijn,
 * besides what its type adds.
 */
export interface TermijnPayload {
  /** The `termijn` row. */
  termijnId: string;
  naam: string;
  /**
   * Whose termijn it is: its row's `voor` (termijn-reconcile.ts termijnVoor), as GET /klachten/{id} shows it: `aanbieder` or
   * `gemeente` for `contact`, whose two termijnen share a name and a label (Klachtenprotocol Wmo keten Amsterdam §6, §9;
   * Uitgangspunten klachtenmanagement Sociaal Domein §5A), null for every other name. Absent (not null) in rows written
   * before the rows carried it: their party was not recorded in the event, and null would say "no party".
   */
  voor?: 'aanbieder' | 'gemeente' | null;
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
