import type { QueryRunner } from 'typeorm';

const SLEUTEL = 'klachtregie:verwerkteEvents';

/**
 * The event types written to the history in the transaction of `qr`, counted by EventTellerSubscriber
 * once it commits. The engine writes its history rows in one SQL statement (no TypeORM insert event),
 * so it records them here itself; TypeORM inserts of history rows are recorded by the subscriber.
 */
export function verwerkteEvents(qr: QueryRunner): string[] {
  return ((qr.data as Record<string, string[] | undefined>)[SLEUTEL] ??= []);
}

export function meldVerwerkt(qr: QueryRunner | undefined, type: string): void {
  if (qr) verwerkteEvents(qr).push(type);
}
