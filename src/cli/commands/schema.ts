/**
 * `klachtregie schema [--write]`: prints the JSON Schema for definition files, or writes it to
 * definitions/klachtregie-definitie.schema.json (run after changing src/machines/definition/schema.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliCommand } from '../main';
import { JSON_SCHEMA_BESTAND, renderDefinitieJsonSchema } from '../../machines/definition/json-schema';

export const command: CliCommand = {
  name: 'schema',
  summary: 'JSON Schema voor definitiebestanden tonen of bijwerken (--write)',
  usage: [
    'Gebruik: klachtregie schema [--write]',
    '',
    `Zonder opties: het JSON Schema op standaarduitvoer. Met --write: schrijf het naar ${JSON_SCHEMA_BESTAND}`,
    '(relatief aan de huidige map, de hoofdmap van de repository).',
  ].join('\n'),
  async run(args, io) {
    const tekst = renderDefinitieJsonSchema();
    if (args.includes('--write')) {
      const doel = join(io.cwd, JSON_SCHEMA_BESTAND);
      writeFileSync(doel, tekst);
      io.out(`Geschreven: ${JSON_SCHEMA_BESTAND}`);
    } else {
      io.out(tekst.trimEnd());
    }
    return 0;
  },
};
