/**
 * Reads the letter templates that belong to a definition: `definitions/<gemeente>/brieven/<versie>/<soort>.hbs`.
 * Like loader.ts this is I/O at the edge of src/machines (reading the gemeente's own files); everything
 * else about letters is pure (brieven.ts). A version without its own folder uses the latest earlier
 * folder of the gemeente, so a new version of the regeling only needs new letters when they change.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DefinitionError } from '../contract';
import { BRIEF_SOORT_NAMEN, BRIEF_SOORTEN, isBriefSoort, sjabloonFouten, type BriefSoort } from './brieven';
import { didYouMean } from './suggest';
import type { GeladenDefinitie } from './types';
import type { ValidatieStap } from './validate';

export const SJABLOON_EXTENSIE = '.hbs';

export interface BriefSjabloon {
  soort: BriefSoort;
  file: string;
  bron: string;
}

export interface SjablonenVoorVersie {
  /** The folder used (`.../brieven/2015-01`). */
  map: string;
  /** Every `.hbs` file in it, known letter or not (validation reports the unknown ones). */
  bestanden: string[];
  sjablonen: Map<BriefSoort, BriefSjabloon>;
}

/**
 * The templates for one version of a gemeente's definition, from its gemeente folder. Undefined when
 * the gemeente keeps no letters in Klachtregie (no `brieven/` folder, or none for this version or earlier).
 */
export function sjablonenVoor(gemeenteMap: string, versie: string): SjablonenVoorVersie | undefined {
  const basis = join(gemeenteMap, 'brieven');
  if (!existsSync(basis)) return undefined;
  const versies = readdirSync(basis, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name <= versie)
    .map((e) => e.name)
    .sort();
  const gekozen = versies[versies.length - 1];
  if (!gekozen) return undefined;
  const map = join(basis, gekozen);
  const bestanden = readdirSync(map, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(SJABLOON_EXTENSIE))
    .map((e) => join(map, e.name))
    .sort();
  const sjablonen = new Map<BriefSoort, BriefSjabloon>();
  for (const file of bestanden) {
    const naam = file.slice(map.length + 1, -SJABLOON_EXTENSIE.length);
    if (isBriefSoort(naam)) sjablonen.set(naam, { soort: naam, file, bron: readFileSync(file, 'utf8') });
  }
  return { map, bestanden, sjablonen };
}

/** Whether the gemeente folder holds letters at all (then every version must have all of them). */
export function heeftBrieven(gemeenteMap: string): boolean {
  return existsSync(join(gemeenteMap, 'brieven'));
}

/**
 * Validation of the letters (stage 50): a gemeente that keeps its letters in Klachtregie has every letter
 * the law asks of it for every version, and each template prints what the law requires of that letter.
 */
export function brievenFouten(defs: readonly GeladenDefinitie[]): DefinitionError[] {
  const fouten: DefinitionError[] = [];
  const gezien = new Set<string>();
  for (const def of defs) {
    const gemeenteMap = dirname(def.file);
    if (!heeftBrieven(gemeenteMap)) continue;
    const versie = def.definitie.versie;
    const set = sjablonenVoor(gemeenteMap, versie);
    for (const soort of BRIEF_SOORT_NAMEN) {
      if (set?.sjablonen.has(soort)) continue;
      const p = def.positie(['versie']);
      const map = set?.map ?? join(gemeenteMap, 'brieven', versie);
      fouten.push({
        file: def.file,
        line: p.line,
        column: p.column,
        message: `${BRIEF_SOORTEN[soort].grondslag}: geen sjabloon voor de ${BRIEF_SOORTEN[soort].naam} bij versie ${versie}`,
        hint: `maak ${join(map, `${soort}${SJABLOON_EXTENSIE}`)} (zie docs/brieven-en-dossier.md)`,
      });
    }
    if (!set) continue;
    for (const file of set.bestanden) {
      if (gezien.has(file)) continue;
      gezien.add(file);
      const naam = file.slice(set.map.length + 1, -SJABLOON_EXTENSIE.length);
      if (!isBriefSoort(naam)) {
        const kandidaat = didYouMean(naam, BRIEF_SOORT_NAMEN);
        fouten.push({
          file,
          line: 1,
          column: 1,
          message: `'${naam}' is geen brief die Klachtregie kent`,
          hint: kandidaat ? `hernoem naar ${kandidaat}${SJABLOON_EXTENSIE}` : `brieven: ${BRIEF_SOORT_NAMEN.join(', ')}`,
        });
        continue;
      }
      fouten.push(...sjabloonFouten(file, set.sjablonen.get(naam)!.bron, naam));
    }
  }
  return fouten;
}

export const brievenStap: ValidatieStap = {
  naam: 'brieven',
  volgorde: 50,
  blokkerend: false,
  run: brievenFouten,
};
