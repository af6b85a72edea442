/**
 * The validation pipeline (docs/definities.md): schema, references, graph, legal lint, letters. Stages are data,
 * so the compiler can add its graph stage (unreachable states, dead ends) without this file knowing
 * about XState: pass it in `extraStappen`, with `volgorde` 30.
 *
 * A blocking stage (schema, references) removes a definition with errors from the later stages:
 * those may rely on the Definitie shape and on every name resolving.
 */
import { isFout, type DefinitionError } from '../contract';
import { brievenStap } from './brief-sjablonen';
import { juridischeFouten, versieFouten } from './juridische-lint';
import { loadDefinitionFiles, type GeladenDefinitieMetBron } from './loader';
import { referentieFouten } from './referenties';
import { definitieSchema } from './schema';
import { schemaFouten } from './schema-fouten';
import { tweedeLijnTijdlijnFouten, versieWisselFouten } from './tweede-lijn-tijdlijn';
import type { GeladenDefinitie } from './types';

export interface ValidatieStap {
  naam: string;
  /** Order in the pipeline: schema 10, referenties 20, graaf 30 (compiler), juridisch 40. */
  volgorde: number;
  /** Definitions with an error from this stage do not go to later stages. */
  blokkerend: boolean;
  /** Gets only the definitions that passed every earlier blocking stage. */
  run(defs: readonly GeladenDefinitie[]): DefinitionError[];
}

export const schemaStap: ValidatieStap = {
  naam: 'schema',
  volgorde: 10,
  blokkerend: true,
  run: (defs) => defs.flatMap((d) => schemaFouten(d, definitieSchema)),
};

export const referentieStap: ValidatieStap = {
  naam: 'referenties',
  volgorde: 20,
  blokkerend: true,
  run: (defs) => defs.flatMap(referentieFouten),
};

export const juridischeStap: ValidatieStap = {
  naam: 'juridisch',
  volgorde: 40,
  blokkerend: false,
  // Over the set: versions of one gemeente, and a second line on every date a klacht can still run.
  run: (defs) => [...defs.flatMap(juridischeFouten), ...versieFouten(defs), ...tweedeLijnTijdlijnFouten(defs), ...versieWisselFouten(defs)],
};

// Letters last: a template is checked against what the law requires of that letter (brieven.ts).
export const standaardStappen: readonly ValidatieStap[] = [schemaStap, referentieStap, juridischeStap, brievenStap];

/** Runs every stage; returns all findings (errors and warnings, `ernst`), sorted by file and position. */
export function validateDefinities(geladen: readonly GeladenDefinitie[], extraStappen: readonly ValidatieStap[] = []): DefinitionError[] {
  const stappen = [...standaardStappen, ...extraStappen].sort((a, b) => a.volgorde - b.volgorde);
  let door = [...geladen];
  const errors: DefinitionError[] = [];
  for (const stap of stappen) {
    const fouten = stap.run(door);
    errors.push(...fouten);
    if (stap.blokkerend && fouten.some(isFout)) {
      const fout = new Set(fouten.filter(isFout).map((e) => e.file));
      door = door.filter((d) => !fout.has(d.file));
    }
  }
  return sortErrors(errors);
}

export function sortErrors(errors: DefinitionError[]): DefinitionError[] {
  return [...errors].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

export interface GevalideerdResultaat {
  /** Definitions without any error (safe to compile). */
  definities: GeladenDefinitieMetBron[];
  /** Loader and validation errors, sorted: each refuses its definition. */
  errors: DefinitionError[];
  /** Findings that do not refuse a definition (`ernst: 'waarschuwing'`), sorted. */
  waarschuwingen: DefinitionError[];
}

/** Load + validate in one go (CLI, service start-up). */
export function loadAndValidate(paths: string[], extraStappen: readonly ValidatieStap[] = []): GevalideerdResultaat {
  const { definities, errors: laadFouten } = loadDefinitionFiles(paths);
  const bevindingen = validateDefinities(definities, extraStappen);
  const fouten = bevindingen.filter(isFout);
  const fout = new Set(fouten.map((e) => e.file));
  return {
    definities: definities.filter((d) => !fout.has(d.file)),
    errors: sortErrors([...laadFouten, ...fouten]),
    waarschuwingen: bevindingen.filter((e) => !isFout(e)),
  };
}
