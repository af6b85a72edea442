/**
 * The registry of compiled regimes: every valid definition version, compiled once, looked up by
 * gemeente and date. `forGemeente` honours validity dates and `neemtOver` (Weesp GM0457 falls under
 * Amsterdam's regime from 24 March 2022, docs/juridisch-kader.md §14).
 */
import type { CompiledRegime, DefinitionError, IsoDate } from './contract';
import type { GeladenDefinitie } from './definition/types';
import { loadAndValidate, type ValidatieStap } from './definition/validate';
import { maakTweedeLijnZoeker } from './definition/tweede-lijn-tijdlijn';
import { maakRegime, type Regime } from './regime';
import { kalenderdag } from './termijnen';
import { verantwoordelijkeVersie } from './verantwoordelijke';

export interface Registry {
  regimes: CompiledRegime[];
  errors: DefinitionError[];
  /** Findings that did not refuse a definition (`ernst: 'waarschuwing'`). */
  waarschuwingen: DefinitionError[];
  forGemeente(cbsCode: string, at: IsoDate): CompiledRegime | undefined;
  byId(id: string, versie: string): CompiledRegime | undefined;
}

export function maakRegistry(regimes: Regime[], errors: DefinitionError[] = [], waarschuwingen: DefinitionError[] = []): Registry {
  const definities = regimes.map((r) => r.definitie);
  return {
    regimes,
    errors,
    waarschuwingen,
    forGemeente(cbsCode: string, at: IsoDate): CompiledRegime | undefined {
      // The regeling of the college that answers for the gemeente's klachten that day: the successor's after a
      // herindeling (Wet arhi art. 40), the same answer its letters and intents give (verantwoordelijke.ts). The start
      // day alone decides between versions: the validation refuses two of a gemeente that begin on the same day
      // (versieFouten, one regeling per day), so no tie is left to the order in which the files were loaded.
      const versie = verantwoordelijkeVersie(definities, cbsCode, kalenderdag(at));
      return versie ? regimes.find((r) => r.definitie === versie) : undefined;
    },
    byId(id: string, versie: string): CompiledRegime | undefined {
      return regimes.find((r) => r.summary.id === id && r.summary.versie === versie);
    },
  };
}

/** Loads, validates (with the given extra stages, e.g. the graph check) and compiles every definition. */
export function laadRegistry(dir: string, extraStappen: readonly ValidatieStap[] = []): Registry {
  const { definities, errors, waarschuwingen } = loadAndValidate([dir], extraStappen);
  return maakRegistry(compileerSamen(definities), errors, waarschuwingen);
}

/**
 * Compiles a set of definitions that know each other: letters name the second line over every version
 * and merger of the gemeente (Awb 9:12 lid 2), so each regime looks it up in the whole set.
 */
export function compileerSamen(definities: readonly GeladenDefinitie[]): Regime[] {
  const alle = definities.map((g) => g.definitie);
  const tweedeLijn = maakTweedeLijnZoeker(() => alle);
  return definities.map((g) => maakRegime(g.definitie, g.id, { tweedeLijn, definities: () => alle }));
}
