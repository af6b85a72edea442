/**
 * The JSON Schema that editors use to complete and check definition files
 * (`# yaml-language-server: $schema=../klachtregie-definitie.schema.json` on line 1 of every YAML).
 * Generated from the zod schema, so the two cannot drift; a spec fails when the committed file is
 * stale. Regenerate with `npx klachtregie schema --write`.
 */
import { z } from 'zod';
import { definitieSchema } from './schema';

/** Relative to the repository root. */
export const JSON_SCHEMA_BESTAND = 'definitions/klachtregie-definitie.schema.json';

export function definitieJsonSchema(): Record<string, unknown> {
  // draft-07: the draft the YAML language server (VS Code, IntelliJ) supports everywhere.
  return z.toJSONSchema(definitieSchema, { target: 'draft-7' }) as Record<string, unknown>;
}

/** The file's exact content: stable key order from the schema, two-space indent, final newline. */
export function renderDefinitieJsonSchema(): string {
  return `${JSON.stringify(definitieJsonSchema(), null, 2)}\n`;
}
