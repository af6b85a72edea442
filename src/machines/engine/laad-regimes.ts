/** Loads, validates (graph stage included) and compiles the definitions at the given paths, for the CLI. */
import type { DefinitionError } from '../contract';
import { loadAndValidate } from '../definition/validate';
import { graafStap } from '../graph/graph-check';
import type { Regime } from '../regime';
import { compileerSamen } from '../registry';

export function laadRegimes(paden: string[]): { regimes: Regime[]; errors: DefinitionError[] } {
  const { definities, errors } = loadAndValidate(paden, [graafStap]);
  return { regimes: compileerSamen(definities), errors };
}
