import { createHash } from 'node:crypto';

/**
 * CloudEvents 1.0 in the NL GOV profile (Logius, "CloudEvents NL GOV"): `source` is a `urn:nld:`
 * URN (preferably `urn:nld:oin:<OIN>:systeem:<naam>`), `type` is reverse-DNS
 * (`nl.klachtregie.klacht.afgedaan`), `subject` is the klacht id (for report events the aanbieder),
 * `time` RFC 3339 in UTC, and `sequence` (CloudEvents sequence extension) orders the events of one klacht.
 */
export interface CloudEvent {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  time: string;
  subject?: string;
  datacontenttype: 'application/json';
  /** Zero-padded so it also orders as a string (sequence extension: lexicographic). */
  sequence: string;
  /** Extension: the tenant (CBS gemeentecode). */
  gemeente: string;
  data: Record<string, unknown>;
}

export const CLOUD_EVENT_TYPE_PREFIX = 'nl.klachtregie.';

/** The CloudEvent types a subscriber can choose from (docs/api.md lists them with their meaning). */
export const CLOUD_EVENT_TYPES = [
  'nl.klachtregie.klacht.ontvangen',
  'nl.klachtregie.klacht.status-gewijzigd',
  'nl.klachtregie.klacht.afgedaan',
  'nl.klachtregie.klacht.registratie-gewijzigd',
  'nl.klachtregie.termijn.gestart',
  'nl.klachtregie.termijn.beeindigd',
  'nl.klachtregie.termijn.herinnering',
  'nl.klachtregie.termijn.verlopen',
  'nl.klachtregie.termijn.escalatie',
  'nl.klachtregie.opdracht.*',
  'nl.klachtregie.rapportage.herinnering',
  'nl.klachtregie.rapportage.escalatie',
  'nl.klachtregie.rapportage.gegenereerd',
] as const;

/** `COLLEGE_INFORMEREN` -> `college-informeren`. */
function kebab(s: string): string {
  return s
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[_\s]+/g, '-')
    .toLowerCase();
}

/**
 * The CloudEvent type of an outbox row, or undefined for rows that are no notification.
 * A status change into a final state is `klacht.afgedaan`, which is what most subscribers want.
 */
export function cloudEventType(outboxType: string, payload: Record<string, unknown>): string | undefined {
  switch (outboxType) {
    case 'klacht.ontvangen':
      return 'nl.klachtregie.klacht.ontvangen';
    case 'klacht.status-gewijzigd':
      return payload.done === true ? 'nl.klachtregie.klacht.afgedaan' : 'nl.klachtregie.klacht.status-gewijzigd';
    case 'klacht.registratie-gewijzigd':
      return 'nl.klachtregie.klacht.registratie-gewijzigd';
    case 'termijn.gepland':
      return 'nl.klachtregie.termijn.gestart';
    case 'termijn.beeindigd':
      return 'nl.klachtregie.termijn.beeindigd';
    case 'termijn.herinnering':
      return 'nl.klachtregie.termijn.herinnering';
    case 'termijn.verlopen':
      return 'nl.klachtregie.termijn.verlopen';
    case 'termijn.escalatie':
      return 'nl.klachtregie.termijn.escalatie';
    // Uitgangspunten klachtenmanagement Sociaal Domein §10, contract art. 11.1 / Klachtenprotocol Wmo keten Amsterdam §10: the aanbieder is reminded before its periodic report is due.
    case 'rapportage.herinnering':
      return 'nl.klachtregie.rapportage.herinnering';
    // Uitgangspunten klachtenmanagement Sociaal Domein §10, contract art. 11.1: an overdue aanbieder report goes to the contractmanager (payload `naar`).
    case 'rapportage.te-laat':
      return 'nl.klachtregie.rapportage.escalatie';
    case 'rapportage.gegenereerd':
      return 'nl.klachtregie.rapportage.gegenereerd';
  }
  if (outboxType.startsWith('intent.')) return `nl.klachtregie.opdracht.${kebab(outboxType.slice('intent.'.length))}`;
  return undefined;
}

/**
 * The CloudEvent `subject` (optional in CloudEvents): the klacht id for klacht rows; for report rows
 * (no klacht) the aanbieder the report is about, else the gemeente-wide report `<soort>:<deadline>`.
 */
export function cloudEventSubject(klachtId: string | null, payload: Record<string, unknown>): string | undefined {
  if (klachtId) return klachtId;
  if (typeof payload.aanbiederId === 'string' && payload.aanbiederId) return payload.aanbiederId;
  if (typeof payload.soort === 'string' && typeof payload.deadline === 'string') return `${payload.soort}:${payload.deadline}`;
  return undefined;
}

/** The gemeente (tenant) of an outbox row: the klacht's, or for rows without klacht the one the writer put in the payload. */
export function gemeenteVanOutbox(klachtGemeente: string | null, payload: Record<string, unknown>): string | undefined {
  if (klachtGemeente) return klachtGemeente;
  return typeof payload.gemeente === 'string' && /^GM\d{4}$/.test(payload.gemeente) ? payload.gemeente : undefined;
}

/** A stable UUID (RFC 4122 version 5 layout) for an outbox row: the same event always has the same id. */
export function eventIdVoorOutbox(outboxId: string): string {
  return eventIdVoor(`outbox:${outboxId}`);
}

/** A stable UUID for an event known by `sleutel` (one that is no outbox row of its own: the withdrawal of opdrachten). */
export function eventIdVoor(sleutel: string): string {
  const h = createHash('sha1').update(`klachtregie:${sleutel}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/**
 * `time`: when the occurrence happened (CloudEvents 1.0, NL GOV profile). A step carries its own moment in `at`, which
 * for an act registered late lies before its registration (docs/api.md): that is when it happened, and the expiry of a
 * termijn happened when its last day ended, also when the wake-up ran later. A row without one (a reminder, a report)
 * happened when it was written. `sequence` keeps the order of registration.
 */
function moment(payload: Record<string, unknown>, createdAt: Date): string {
  const at = typeof payload.at === 'string' ? Date.parse(payload.at) : NaN;
  return new Date(Number.isFinite(at) ? at : createdAt.getTime()).toISOString();
}

export function bouwCloudEvent(input: {
  outboxId: string;
  outboxType: string;
  type: string;
  source: string;
  gemeente: string;
  klachtId: string | null;
  createdAt: Date;
  payload: Record<string, unknown>;
}): CloudEvent {
  const subject = cloudEventSubject(input.klachtId, input.payload);
  return {
    specversion: '1.0',
    id: eventIdVoorOutbox(input.outboxId),
    source: input.source,
    type: input.type,
    time: moment(input.payload, input.createdAt),
    ...(subject ? { subject } : {}),
    datacontenttype: 'application/json',
    sequence: input.outboxId.padStart(20, '0'),
    gemeente: input.gemeente,
    data: { ...input.payload, ...(input.klachtId ? { klachtId: input.klachtId } : {}), gebeurtenis: input.outboxType },
  };
}

/** Whether an event type matches a subscription's filter (empty = everything; `x.*` = prefix). */
export function typeMatcht(filter: string[], type: string): boolean {
  if (filter.length === 0) return true;
  return filter.some((f) => (f.endsWith('*') ? type.startsWith(f.slice(0, -1)) : f === type));
}
