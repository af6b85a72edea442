import type { EntityManager } from 'typeorm';

/**
 * An imported klacht's history is written as several engine steps (intake, then each event at its own
 * historic moment). Between them its termijnen must not fire on the wall clock: a wake-up at "now" would
 * move the klacht's clock past the next historic event, which the regime then refuses as lying before
 * the previous one. The intake's idempotency key (claimed in the intake's own transaction, so there is no
 * moment without it) carries this route while the line is being imported, and `import` once it is done.
 */
export const IMPORT_BEZIG_ROUTE = 'import-bezig';
export const IMPORT_KLAAR_ROUTE = 'import';

/**
 * The import's idempotency keys (`import:<extern>`, `import:<extern>#<n>`) share the table and the (gemeente, sleutel)
 * key with the API's `Idempotency-Key`: a client key with this prefix is refused (IdempotencyInterceptor), so no API
 * caller can claim an import's key before the import does.
 */
export const IMPORT_SLEUTEL_PREFIX = 'import:';

/**
 * Between the extern and an event's index: a character `extern` cannot hold (EXTERN_PATROON), so no key of one extern is
 * a key of another. With `:` (before), which an extern may hold, the intake of `A:0` had the key of event 0 of `A`.
 */
const GEBEURTENIS_SCHEIDER = '#';

/**
 * The event keys of before, `import:<extern>:<n>`: they exist only while a line is being imported (the end of a line
 * removes them), so only a line cut off before the change has them; schrijf() renames them once (ImportService).
 */
export const OUDE_GEBEURTENIS_SCHEIDER = ':';

/** The key of a line's intake: unchanged since the first import, so every extern imported before is still recognised. */
export function intakeSleutel(extern: string): string {
  return `${IMPORT_SLEUTEL_PREFIX}${extern}`;
}

/** The key of the line's event `index` (at most 7 + 100 + 1 + 3 characters: within the column's 255). */
export function gebeurtenisSleutel(extern: string, index: number): string {
  return `${gebeurtenisSleutelPrefix(extern)}${index}`;
}

/** What every event key of the extern starts with, and nothing else's key does. */
export function gebeurtenisSleutelPrefix(extern: string): string {
  return `${intakeSleutel(extern)}${GEBEURTENIS_SCHEIDER}`;
}

/** Whether the klacht is being imported (inside the wake-up's transaction, after the row lock). */
export async function importBezig(m: EntityManager, klachtId: string): Promise<boolean> {
  const rijen = (await m.query(`SELECT 1 FROM idempotentie_sleutel WHERE route = $1 AND resultaat->>'klachtId' = $2 LIMIT 1`, [
    IMPORT_BEZIG_ROUTE,
    klachtId,
  ])) as unknown[];
  return rijen.length > 0;
}
