/** A UUID in its text form (any version), case-insensitive: the ids of klachten, API keys and the like. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether `tekst` is a UUID. Checked before an id reaches a query on a uuid column, where another text is a database
 * error instead of "not found".
 */
export function isUuid(tekst: string): boolean {
  return UUID.test(tekst);
}
