import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSON_SCHEMA_BESTAND, definitieJsonSchema, renderDefinitieJsonSchema } from './json-schema';

const ROOT = join(__dirname, '..', '..', '..');

describe('JSON Schema for editors', () => {
  it('the committed definitions/klachtregie-definitie.schema.json is up to date with the zod schema', () => {
    const committed = readFileSync(join(ROOT, JSON_SCHEMA_BESTAND), 'utf8');
    // When this fails: run `npx klachtregie schema --write` and commit the file.
    expect(committed).toBe(renderDefinitieJsonSchema());
  });

  it('refuses unknown keys and carries Dutch descriptions, so editors flag typos and explain fields', () => {
    const s = definitieJsonSchema() as {
      additionalProperties: boolean;
      properties: Record<string, { description?: string; additionalProperties?: unknown }>;
    };
    expect(s.additionalProperties).toBe(false);
    expect(s.properties.tweedeLijn.description).toContain('Gemeentewet 81p');
    expect(s.properties.termijnen.description).toContain('afhandeling');
  });
});
