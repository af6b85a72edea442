/** Loads, validates (graph stage included) and compiles the definitions at the given paths, for the CLI. */
import type { DefinitionError } from '../contract';
import { maakTweedeLijnZoeker } from '../definition/tweede-lijn-tijdlijn';
import { loadAndValidate } from '../definition/validate';
import { graafStap } from '../graph/graph-check';
import { maakRegime, type Regime } from '../regime';

export function laadRegimes(paden: string[]): { regimes: Regime[]; errors: DefinitionError[] } {
  const { definities, errors } = loadAndValidate(paden, [graafStap]);
  // Letters name the second line over every version and merger of the gemeente (Awb 9:12 lid 2).
  const alle = definities.map((g) => g.definitie);
  const tweedeLijn = maakTweedeLijnZoeker(() => alle);
  return { regimes: definities.map((d) => maakRegime(d.definitie, d.id, { tweedeLijn })), errors };
}
