/**
 * Every seed gemeente's scenario suite (scenarios/<definitie>/*.yaml) as jest tests, one per scenario,
 * named after the article or the regeling's section it proves, so `npm test` covers what
 * `klachtregie test definitions scenarios` checks in CI.
 */
import { join, relative } from 'node:path';
import { kiesRegime, leesScenarioPad, scenarioBestanden } from '../src/cli/scenario';
import { formatError } from '../src/machines/definition/loader';
import { laadRegimes } from '../src/machines/engine/laad-regimes';
import { toetsScenario } from '../src/machines/engine/scenario-toets';

const ROOT = join(__dirname, '..');
const SEEDS = ['gm0363-amsterdam', 'gm0457-weesp', 'gm1696-wijdemeren', 'gm1904-stichtse-vecht'];
const { regimes, errors } = laadRegimes([join(ROOT, 'definitions')]);

test('the seed definitions load without errors', () => {
  expect(errors.map(formatError)).toEqual([]);
});

for (const seed of SEEDS) {
  const { bestanden } = scenarioBestanden([join(ROOT, 'scenarios', seed)]);
  describe(`scenarios/${seed}`, () => {
    test('has a suite', () => expect(bestanden.length).toBeGreaterThan(0));
    for (const file of bestanden) {
      const rel = relative(ROOT, file);
      const { bestand, errors: fouten } = leesScenarioPad(file);
      if (!bestand) {
        test(`${rel} is a valid scenario file`, () => expect(fouten.map(formatError)).toEqual([]));
        continue;
      }
      describe(rel, () => {
        for (const scenario of bestand.scenarios) {
          test(scenario.naam || rel, () => {
            const regime = kiesRegime(regimes, scenario.intake);
            expect(regime).toBeDefined();
            const { afwijkingen } = toetsScenario(regime!, scenario);
            const meldingen = afwijkingen.map((a) => {
              const p = bestand.positie(a.pad, a.sleutel);
              return `${rel}:${p.line}:${p.column}: ${a.moment}: ${a.melding}`;
            });
            expect(meldingen).toEqual([]);
          });
        }
      });
    }
  });
}
