/**
 * ZGW koppeling per definition (pure): the mapping file, its checks, and the zaak Klachtregie wants
 * in the register. The NestJS side (src/modules/zgw) delivers it; the validate command checks it.
 */
import type { DefinitionError } from '../machines/contract';
import { compileDefinitie } from '../machines/compiler/compile-definitie';
import type { Definitie } from '../machines/definition/types';
import { alleKnopen } from '../machines/graph/graph-check';
import { sortErrors } from '../machines/definition/validate';
import { controleerKoppeling, type CatalogusExport } from './controle';
import { koppelingBestand, laadKoppeling } from './koppeling';

export * from './koppeling';
export * from './controle';
export * from './gewenst';

/** Every step of a definition's regime, as dotted paths (`gemeente.horen`), and those that end a klacht. */
export function stappenVan(def: Definitie): string[] {
  return alleKnopen(compileDefinitie(def).config.states).map((k) => k.pad);
}

/** The steps that end a klacht: the regime's top-level final states (`afgesloten`, `ingetrokken`, ...). */
export function eindstappenVan(def: Definitie): string[] {
  return Object.entries(compileDefinitie(def).config.states)
    .filter(([, s]) => s.type === 'final')
    .map(([naam]) => naam);
}

/**
 * Checks the koppeling next to each definition (when there is one); with a catalogus export also the
 * names against the gemeente's catalogus. Returns the errors and how many koppelingen were checked.
 */
export function controleerKoppelingen(
  definities: readonly { file: string; definitie: Definitie }[],
  cat?: CatalogusExport,
): { errors: DefinitionError[]; aantal: number } {
  const errors: DefinitionError[] = [];
  let aantal = 0;
  for (const d of definities) {
    const g = laadKoppeling(koppelingBestand(d.file));
    if (!g) continue;
    aantal++;
    errors.push(
      ...controleerKoppeling(g, { states: stappenVan(d.definitie), eindstappen: eindstappenVan(d.definitie), definitie: d.definitie }, cat),
    );
  }
  return { errors: sortErrors(errors), aantal };
}
