import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { leesScenarioBestand, renderScenarioJsonSchema, SCENARIO_JSON_SCHEMA_BESTAND } from './scenario-bestand';

const ROOT = join(__dirname, '..', '..', '..');
const seedBestanden = readdirSync(join(ROOT, 'scenarios'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(ROOT, 'scenarios', d.name))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => join(ROOT, 'scenarios', d.name, f)),
  );

describe('JSON Schema for scenario files', () => {
  it('the committed scenarios/klachtregie-scenario.schema.json is up to date with the zod schema', () => {
    // When this fails: run `npx klachtregie schema --write` and commit the file.
    expect(readFileSync(join(ROOT, SCENARIO_JSON_SCHEMA_BESTAND), 'utf8')).toBe(renderScenarioJsonSchema());
  });

  it('refuses unknown keys in a suite and in a single scenario, so editors flag typos as the CLI does', () => {
    const s = JSON.parse(renderScenarioJsonSchema()) as { anyOf: Array<{ additionalProperties: boolean; required: string[] }> };
    expect(s.anyOf.map((o) => o.additionalProperties)).toEqual([false, false]);
    expect(s.anyOf.map((o) => o.required)).toEqual([['suite', 'scenarios'], ['intake']]);
  });

  it('every seed scenario file is valid; a typo in an expectation is an error at its line and column', () => {
    expect(seedBestanden.length).toBeGreaterThan(4);
    for (const file of seedBestanden)
      expect({ file, errors: leesScenarioBestand(readFileSync(file, 'utf8'), file).errors }).toEqual({ file, errors: [] });
    const fout =
      'naam: x\nintake: { gemeente: GM1904, kanaal: brief, ontvangenOp: 2026-03-02, ingediendBij: gemeente }\nverwacht: { stapp: gemeente.beoordelen }\n';
    expect(leesScenarioBestand(fout, 'x.yaml').errors[0]).toMatchObject({
      file: 'x.yaml',
      line: 3,
      column: 13,
      message: "onbekende sleutel 'stapp' in verwacht",
    });
  });
});
