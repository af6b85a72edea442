/**
 * Validation stage 3 (design.md §3): every state reachable, a final state reachable from every state,
 * no dead ends — found by exploring the compiled machine with generated sample events. Errors point at
 * the definition position that causes them (`file:line:column`), with what to write instead.
 */
import type { DefinitionError } from '../contract';
import { alleFeiten, beschrijfVoorwaarde, evalueer } from '../compiler/voorwaarde';
import type { ToestandConfig } from '../compiler/blocks/bouw';
import type { StateMeta } from '../compiler/types';
import type { GeladenDefinitie } from '../definition/types';
import type { ValidatieStap } from '../definition/validate';
import { maakRegime, statePad, type Regime } from '../regime';
import { intakeVoorbeelden, serialiseer, verkenGraaf } from './verkenning';

export { verkenGraaf, type GraafVerkenning } from './verkenning';

interface Knoop {
  pad: string;
  ouder?: string;
  config: ToestandConfig;
}

export function alleKnopen(states: Record<string, ToestandConfig>, ouder?: string, out: Knoop[] = []): Knoop[] {
  for (const [k, v] of Object.entries(states)) {
    const pad = ouder ? `${ouder}.${k}` : k;
    out.push({ pad, ouder, config: v });
    if (v.states) alleKnopen(v.states, pad, out);
  }
  return out;
}

function definitiePadVan(knopen: Map<string, Knoop>, pad: string): StateMeta['definitiePad'] {
  let k = knopen.get(pad);
  while (k) {
    if (k.config.meta.definitiePad) return k.config.meta.definitiePad;
    k = k.ouder ? knopen.get(k.ouder) : undefined;
  }
  return undefined;
}

/** Why `doorgestuurdNaarAanbieder` cannot be reached, in the words of the definition. */
function doorsturenHint(regime: Regime): string | undefined {
  const el = regime.definitie.eersteLijn;
  if (!el.doorsturenNaarAanbieder) return undefined;
  const voorbeelden = intakeVoorbeelden(regime.definitie).filter((i) => i.soort === 'klacht' && i.aanbieders.length > 0);
  const waar = voorbeelden.filter((i) => evalueer(el.doorsturenNaarAanbieder!, alleFeiten(i)));
  if (waar.length === 0) return `deze voorwaarde kan nooit waar zijn: ${beschrijfVoorwaarde(el.doorsturenNaarAanbieder)}; controleer of de toetsen elkaar niet uitsluiten`;
  if (el.behandelingDoorGemeente) {
    return `deze voorwaarde is alleen waar als ook eersteLijn.behandelingDoorGemeente waar is, en die gaat voor: ${beschrijfVoorwaarde(el.behandelingDoorGemeente)}`;
  }
  return undefined;
}

export function checkRegime(regime: Regime, geladen: GeladenDefinitie): DefinitionError[] {
  const fout = (pad: StateMeta['definitiePad'], message: string, hint?: string): DefinitionError => {
    const p = geladen.positie(pad ?? []);
    return { file: geladen.file, line: p.line, column: p.column, message, ...(hint ? { hint } : {}) };
  };
  const { adjacency } = verkenGraaf(regime);
  const knopen = new Map(alleKnopen(regime.gecompileerd.config.states).map((k) => [k.pad, k]));

  // 1. Reachability (a compound state counts as reached when one of its children is).
  const bereikt = new Set<string>();
  for (const key of Object.keys(adjacency)) {
    const delen = statePad(adjacency[key as keyof typeof adjacency].state.value).split('.');
    for (let i = 1; i <= delen.length; i++) bereikt.add(delen.slice(0, i).join('.'));
  }
  const errors: DefinitionError[] = [];
  for (const k of knopen.values()) {
    if (bereikt.has(k.pad) || (k.ouder && !bereikt.has(k.ouder))) continue;
    const pad = definitiePadVan(knopen, k.pad);
    const hint =
      k.pad === 'doorgestuurdNaarAanbieder'
        ? doorsturenHint(regime)
        : 'controleer de voorwaarden en stappen die naar deze stap leiden; een stap die nooit bereikt wordt, kan weg';
    errors.push(fout(pad, `de stap '${k.config.description}' (${k.pad}) is nooit bereikbaar`, hint));
  }

  // 2. A final state reachable from every state; no dead ends.
  const uit = new Map<string, Set<string>>();
  const terug = new Map<string, Set<string>>();
  const klaar: string[] = [];
  for (const [key, v] of Object.entries(adjacency)) {
    if (v.state.status === 'done') klaar.push(key);
    for (const t of Object.values(v.transitions) as Array<{ state: (typeof v)["state"]; event?: { type?: string } }>) {
      // Withdrawal (Selectielijst 13.2) leaves every open state; it must not hide a dead end in the werkproces.
      if (t.event?.type === 'KLACHT_INGETROKKEN') continue;
      const naar = serialiseer(t.state);
      if (naar === key) continue;
      (uit.get(key) ?? uit.set(key, new Set()).get(key)!).add(naar);
      (terug.get(naar) ?? terug.set(naar, new Set()).get(naar)!).add(key);
    }
  }
  const kanAfronden = new Set(klaar);
  const rij = [...klaar];
  while (rij.length) {
    const k = rij.pop()!;
    for (const v of terug.get(k) ?? []) {
      if (kanAfronden.has(v)) continue;
      kanAfronden.add(v);
      rij.push(v);
    }
  }
  // A step "loopt dood" when no explored event leads to another step (expiries inside it do not count).
  const padVan = (key: string) => statePad(adjacency[key as keyof typeof adjacency].state.value);
  const verlaatbaar = new Set<string>();
  for (const [key, naar] of uit) for (const n of naar) if (padVan(n) !== padVan(key)) verlaatbaar.add(padVan(key));
  const gemeld = new Set<string>();
  for (const [key, v] of Object.entries(adjacency)) {
    if (kanAfronden.has(key)) continue;
    const pad = statePad(v.state.value);
    if (gemeld.has(pad)) continue;
    gemeld.add(pad);
    const beschrijving = regime.beschrijfState(pad);
    const defPad = definitiePadVan(knopen, pad);
    if (!verlaatbaar.has(pad)) {
      errors.push(fout(defPad, `de stap '${beschrijving}' (${pad}) loopt dood: geen gebeurtenis leidt eruit`, 'voeg een vervolgstap toe of laat de stap weg'));
    } else {
      errors.push(fout(defPad, `vanuit de stap '${beschrijving}' (${pad}) is geen afronding bereikbaar`, 'zorg dat elke route eindigt in een afdoening of afsluiting'));
    }
  }
  return errors;
}

/** The graph stage for `validateDefinities` / `klachtregie validate`. */
export function checkGraph(geladen: GeladenDefinitie): DefinitionError[] {
  let regime: Regime;
  try {
    regime = maakRegime(geladen.definitie, geladen.id);
  } catch (e) {
    const p = geladen.positie([]);
    return [{ file: geladen.file, line: p.line, column: p.column, message: `de definitie is niet om te zetten in een machine: ${e instanceof Error ? e.message : String(e)}` }];
  }
  return checkRegime(regime, geladen);
}

export const graafStap: ValidatieStap = {
  naam: 'graaf',
  volgorde: 30,
  blokkerend: false,
  run: (defs) => defs.flatMap(checkGraph),
};
