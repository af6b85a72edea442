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

export interface Registry {
  regimes: CompiledRegime[];
  errors: DefinitionError[];
  /** Findings that did not refuse a definition (`ernst: 'waarschuwing'`). */
  waarschuwingen: DefinitionError[];
  forGemeente(cbsCode: string, at: IsoDate): CompiledRegime | undefined;
  byId(id: string, versie: string): CompiledRegime | undefined;
}

function geldigOp(r: Regime, dag: IsoDate): boolean {
  const d = r.definitie;
  return d.geldigVanaf <= dag && (!d.geldigTot || dag <= d.geldigTot);
}

export function maakRegistry(regimes: Regime[], errors: DefinitionError[] = [], waarschuwingen: DefinitionError[] = []): Registry {
  return {
    regimes,
    errors,
    waarschuwingen,
    forGemeente(cbsCode: string, at: IsoDate): CompiledRegime | undefined {
      const cbs = cbsCode.toUpperCase();
      const dag = kalenderdag(at);
      const geldig = regimes.filter((r) => geldigOp(r, dag));
      // A regime that took the gemeente over on or before that day wins (gemeentelijke herindeling).
      const overnemer = geldig
        .filter((r) => (r.definitie.gemeente.neemtOver ?? []).some((n) => n.cbsCode.toUpperCase() === cbs && n.vanaf <= dag))
        .sort((a, b) => b.definitie.geldigVanaf.localeCompare(a.definitie.geldigVanaf))[0];
      if (overnemer) return overnemer;
      // The start day alone decides: the validation refuses two versions of a gemeente that begin on the same day
      // (versieFouten, one regeling per day), so no tie is left to the order in which the files were loaded.
      return geldig
        .filter((r) => r.definitie.gemeente.cbsCode.toUpperCase() === cbs)
        .sort((a, b) => b.definitie.geldigVanaf.localeCompare(a.definitie.geldigVanaf))[0];
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
  return definities.map((g) => maakRegime(g.definitie, g.id, { tweedeLijn }));
}
