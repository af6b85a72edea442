/**
 * `klachtregie schema [--scenario] [--write]`: prints the JSON Schema for definition files (or, with
 * --scenario, for scenario files), or writes both to definitions/klachtregie-definitie.schema.json and
 * scenarios/klachtregie-scenario.schema.json (run after changing either zod schema).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliCommand } from '../main';
import { JSON_SCHEMA_BESTAND, renderDefinitieJsonSchema } from '../../machines/definition/json-schema';
import { renderScenarioJsonSchema, SCENARIO_JSON_SCHEMA_BESTAND } from '../../machines/engine/scenario-bestand';
import { metSchemaDocs, SCHEMA_DOCS_BESTAND } from '../../machines/definition/schema-docs';

export const command: CliCommand = {
  name: 'schema',
  summary: 'JSON Schema voor definitie- en scenariobestanden tonen of bijwerken (--write)',
  usage: [
    'Gebruik: klachtregie schema [--scenario] [--write] [--docs]',
    '',
    "Zonder opties: het JSON Schema voor definities op standaarduitvoer (met --scenario: dat voor scenario's).",
    `Met --write: schrijf beide, naar ${JSON_SCHEMA_BESTAND} en ${SCENARIO_JSON_SCHEMA_BESTAND}`,
    '(relatief aan de huidige map, de hoofdmap van de repository).',
    `Met --docs: schrijf de sleuteltabel uit het schema in ${SCHEMA_DOCS_BESTAND} (tussen de markeringen; npm run docs:schema).`,
  ].join('\n'),
  async run(args, io) {
    if (args.includes('--docs')) {
      const bestand = join(io.cwd, SCHEMA_DOCS_BESTAND);
      writeFileSync(bestand, metSchemaDocs(readFileSync(bestand, 'utf8')));
      io.out(`Geschreven: ${SCHEMA_DOCS_BESTAND} (alle sleutels van het schema)`);
      if (!args.includes('--write')) return 0;
    }
    if (args.includes('--write')) {
      writeFileSync(join(io.cwd, JSON_SCHEMA_BESTAND), renderDefinitieJsonSchema());
      io.out(`Geschreven: ${JSON_SCHEMA_BESTAND}`);
      writeFileSync(join(io.cwd, SCENARIO_JSON_SCHEMA_BESTAND), renderScenarioJsonSchema());
      io.out(`Geschreven: ${SCENARIO_JSON_SCHEMA_BESTAND}`);
    } else {
      io.out((args.includes('--scenario') ? renderScenarioJsonSchema() : renderDefinitieJsonSchema()).trimEnd());
    }
    return 0;
  },
};
