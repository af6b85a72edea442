import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { metSchemaDocs, renderSchemaDocs, schemaSleutels, SCHEMA_DOCS_BESTAND } from './schema-docs';
import { definitieJsonSchema } from './json-schema';

const DOCS = join(__dirname, '..', '..', '..', SCHEMA_DOCS_BESTAND);

describe('docs/definities.md describes every key of the definition schema (generated, cannot drift)', () => {
  test('the section between the markers is what the schema gives (npm run docs:schema writes it)', () => {
    const tekst = readFileSync(DOCS, 'utf8');
    expect(metSchemaDocs(tekst)).toBe(tekst);
  });

  test('every top-level key is in it, rapportage as required and kalender described', () => {
    const schema = definitieJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    const rijen = schemaSleutels();
    for (const k of Object.keys(schema.properties)) expect(rijen.map((r) => r.sleutel)).toContain(k);
    expect(rijen.find((r) => r.sleutel === 'rapportage')).toEqual(expect.objectContaining({ verplicht: true }));
    expect(rijen.find((r) => r.sleutel === 'kalender')).toEqual(
      expect.objectContaining({ verplicht: false, betekenis: expect.stringMatching(/kalender/i) }),
    );
    expect(rijen.find((r) => r.sleutel === 'kalender.sluitingsdagen')).toBeDefined();
    expect(rijen.find((r) => r.sleutel === 'termijnen.<naam>.duur')).toEqual(
      expect.objectContaining({ verplicht: true, soort: 'duur (ISO 8601)' }),
    );
    // Every key has its Dutch description from the schema.
    for (const r of rijen)
      expect({ sleutel: r.sleutel, betekenis: r.betekenis.length > 0 }).toEqual({ sleutel: r.sleutel, betekenis: true });
    expect(renderSchemaDocs()).toContain('| `rapportage` | ja | object |');
  });
});
