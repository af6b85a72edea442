/**
 * Small builders for response schemas written by hand (responses that are not a DTO class: raw SQL rows,
 * reports, diagrams). The document must describe every response exactly (docs/api.md: the OpenAPI
 * document is the contract), so these say which members are always there and which may be null.
 */
export type Schema = Record<string, unknown>;

export const tekst = (extra: Schema = {}): Schema => ({ type: 'string', ...extra });
export const getal = (extra: Schema = {}): Schema => ({ type: 'integer', ...extra });
export const getalOfNull = (extra: Schema = {}): Schema => ({ type: 'number', nullable: true, ...extra });
export const jaNee = (extra: Schema = {}): Schema => ({ type: 'boolean', ...extra });
export const tekstOfNull = (extra: Schema = {}): Schema => ({ type: 'string', nullable: true, ...extra });
export const datum = (extra: Schema = {}): Schema => ({ type: 'string', format: 'date', ...extra });
export const moment = (extra: Schema = {}): Schema => ({ type: 'string', format: 'date-time', ...extra });
export const lijst = (items: Schema, extra: Schema = {}): Schema => ({ type: 'array', items, ...extra });
export const ref = (naam: string): Schema => ({ $ref: `#/components/schemas/${naam}` });

/**
 * An object schema; every member is required unless its name ends in `?` (then it may be absent).
 */
export function object(leden: Record<string, Schema>, extra: Schema = {}): Schema {
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  for (const [sleutel, schema] of Object.entries(leden)) {
    const optioneel = sleutel.endsWith('?');
    const naam = optioneel ? sleutel.slice(0, -1) : sleutel;
    properties[naam] = schema;
    if (!optioneel) required.push(naam);
  }
  return { type: 'object', properties, ...(required.length ? { required } : {}), ...extra };
}
