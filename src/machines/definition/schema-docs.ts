/**
 * The key reference in docs/definities.md, generated from the JSON Schema (itself generated from the zod schema in
 * schema.ts), so the documentation describes every key and cannot drift: a test fails when the section between the
 * markers is not what this renders (`npm run docs:schema` writes it).
 */
import { definitieJsonSchema } from './json-schema';

export const SCHEMA_DOCS_BESTAND = 'docs/definities.md';
export const SCHEMA_DOCS_BEGIN = '<!-- schema-sleutels:begin (gegenereerd: npm run docs:schema) -->';
export const SCHEMA_DOCS_EIND = '<!-- schema-sleutels:eind -->';

interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  format?: string;
  pattern?: string;
  minItems?: number;
  definitions?: Record<string, JsonSchema>;
}

interface Rij {
  sleutel: string;
  verplicht: boolean;
  soort: string;
  betekenis: string;
}

const cel = (t: string) => t.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

function refNaam(ref: string): string {
  return ref.split('/').at(-1) ?? ref;
}

/** The kind of value in a few Dutch words. */
function soortVan(s: JsonSchema, defs: Record<string, JsonSchema>): string {
  if (s.allOf?.length === 1) return soortVan(s.allOf[0], defs);
  if (s.$ref) return refNaam(s.$ref) === 'Voorwaarde' ? 'voorwaarde' : soortVan(defs[refNaam(s.$ref)] ?? {}, defs);
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
  if (s.enum) return s.enum.map((w) => `\`${String(w)}\``).join(', ');
  const varianten = s.anyOf ?? s.oneOf;
  if (varianten) return [...new Set(varianten.map((v) => soortVan({ ...v, description: undefined }, defs)))].join(' of ');
  const t = Array.isArray(s.type) ? s.type.join('/') : s.type;
  switch (t) {
    case 'string':
      if (s.format === 'date' || s.pattern?.includes('(?:0[13578]')) return 'datum (JJJJ-MM-DD)';
      if (s.pattern?.startsWith('^P')) return 'duur (ISO 8601)';
      if (s.pattern?.startsWith('^(0[1-9]|1[0-2])-')) return 'dag (MM-DD)';
      return 'tekst';
    case 'boolean':
      return 'ja/nee';
    case 'number':
    case 'integer':
      return 'getal';
    case 'array':
      return `lijst van ${s.items ? soortVan(s.items, defs) : 'waarden'}`;
    case 'object':
      if (s.properties) return 'object';
      if (s.additionalProperties && typeof s.additionalProperties === 'object')
        return `per naam: ${soortVan(s.additionalProperties, defs)}`;
      return 'object';
    default:
      return t ?? 'waarde';
  }
}

/** The object a value holds keys of (through a $ref, a list, a map or a single object variant), for the nested rows. */
function binnen(
  s: JsonSchema,
  defs: Record<string, JsonSchema>,
  gezien: Set<string>,
): { schema: JsonSchema; achtervoegsel: string } | undefined {
  if (s.allOf?.length === 1) return binnen(s.allOf[0], defs, gezien);
  if (s.$ref) {
    const naam = refNaam(s.$ref);
    // Recursive definitions (Voorwaarde) are described once, where docs/definities.md explains them.
    if (gezien.has(naam) || naam === 'Voorwaarde') return undefined;
    gezien.add(naam);
    return binnen(defs[naam] ?? {}, defs, gezien);
  }
  if (s.properties) return { schema: s, achtervoegsel: '' };
  if (s.type === 'array' && s.items) {
    const b = binnen(s.items, defs, gezien);
    return b && { schema: b.schema, achtervoegsel: `[]${b.achtervoegsel}` };
  }
  if (s.additionalProperties && typeof s.additionalProperties === 'object') {
    const b = binnen(s.additionalProperties, defs, gezien);
    return b && { schema: b.schema, achtervoegsel: `.<naam>${b.achtervoegsel}` };
  }
  const varianten = (s.anyOf ?? s.oneOf ?? []).filter((v) => v.properties || v.$ref);
  if (varianten.length === 1) return binnen(varianten[0], defs, gezien);
  if (varianten.length > 1 && varianten.every((v) => v.properties)) {
    // Alternatives (a Jeugdwet or a Wkkgz regime): their keys together; required where every alternative requires it;
    // a key of some alternatives says which (by the value of their constant key, e.g. regime).
    const naamVan = (v: JsonSchema) =>
      Object.values(v.properties ?? {})
        .map((p) => p.const)
        .find((c) => c !== undefined);
    const properties: Record<string, JsonSchema> = {};
    for (const v of varianten)
      for (const [k, p] of Object.entries(v.properties ?? {})) {
        const eerder = properties[k];
        properties[k] = eerder
          ? {
              description: [...new Set([eerder.description, p.description].filter(Boolean))].join(' Of: '),
              anyOf: [...(eerder.anyOf ?? [eerder]), p],
            }
          : p;
      }
    for (const k of Object.keys(properties)) {
      const met = varianten.filter((v) => v.properties?.[k]);
      if (met.length < varianten.length && met.every((v) => naamVan(v) !== undefined))
        properties[k] = {
          ...properties[k],
          description: `Alleen bij ${met.map((v) => String(naamVan(v))).join(', ')}. ${properties[k].description ?? ''}`,
        };
    }
    const required = Object.keys(properties).filter((k) => varianten.every((v) => v.required?.includes(k)));
    return { schema: { properties, required }, achtervoegsel: '' };
  }
  return undefined;
}

function rijen(s: JsonSchema, pad: string, defs: Record<string, JsonSchema>, uit: Rij[]): void {
  const verplicht = new Set(s.required ?? []);
  for (const [naam, kind] of Object.entries(s.properties ?? {})) {
    const sleutel = pad ? `${pad}.${naam}` : naam;
    const omschrijving = kind.description ?? (kind.$ref ? defs[refNaam(kind.$ref)]?.description : undefined) ?? '';
    uit.push({ sleutel, verplicht: verplicht.has(naam), soort: soortVan(kind, defs), betekenis: omschrijving });
    const b = binnen(kind, defs, new Set());
    if (b) rijen(b.schema, `${sleutel}${b.achtervoegsel}`, defs, uit);
  }
}

/** Every key of a definition file: path, required, kind and the schema's own Dutch description. */
export function schemaSleutels(): Rij[] {
  const schema = definitieJsonSchema() as JsonSchema;
  const uit: Rij[] = [];
  rijen(schema, '', schema.definitions ?? {}, uit);
  return uit;
}

/** The Markdown between the markers. */
export function renderSchemaDocs(): string {
  const regels = [
    'Elke sleutel van een definitiebestand, gemaakt uit het schema zelf (`src/machines/definition/schema.ts`).',
    '`<naam>` staat voor een naam die u zelf kiest (een termijn, een feit, een aanbiedertype); `[]` voor een element',
    'van een lijst. Een sleutel die verplicht is binnen een optioneel onderdeel, is alleen verplicht als dat onderdeel er is.',
    '',
    '| Sleutel | Verplicht | Soort | Betekenis |',
    '|---|---|---|---|',
    ...schemaSleutels().map((r) => `| \`${r.sleutel}\` | ${r.verplicht ? 'ja' : 'nee'} | ${cel(r.soort)} | ${cel(r.betekenis)} |`),
  ];
  return regels.join('\n');
}

/** docs/definities.md with the generated section between the markers replaced (unchanged if the markers are missing). */
export function metSchemaDocs(tekst: string): string {
  const begin = tekst.indexOf(SCHEMA_DOCS_BEGIN);
  const eind = tekst.indexOf(SCHEMA_DOCS_EIND);
  if (begin < 0 || eind < begin) return tekst;
  return `${tekst.slice(0, begin + SCHEMA_DOCS_BEGIN.length)}\n\n${renderSchemaDocs()}\n\n${tekst.slice(eind)}`;
}
