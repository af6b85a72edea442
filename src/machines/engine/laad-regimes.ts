/** Loads, validates (graph stage included) and compiles the definitions at the given paths, for the CLI. */
import type { DefinitionError } from '../contract';
import { loadAndValidate } from '../definition/validate';
import { graafStap } from '../graph/graph-check';
import { maakRegime, type Regime } from '../regime';

export function laadRegimes(paden: string[]): { regimes: Regime[]; errors: DefinitionError[] } {
  const { definities, errors } = loadAndValidate(paden, [graafStap]);
  return { regimes: definities.map((d) => maakRegime(d.definitie, d.id)), errors };
}
