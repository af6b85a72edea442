/**
 * Validation stage 3 (docs/definities.md): every state reachable, a final state reachable from every state,
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
import { maakTweedeLijnZoeker } from '../definition/tweede-lijn-tijdlijn';
import type { AnyMachineSnapshot } from 'xstate';
import { GEBEURTENISSEN } from '../compiler/gebeurtenissen';
import { isVerplichting, kalenderVan, vervaldatumVan } from '../compiler/termijnen';
import type { KlachtContext } from '../compiler/types';
import { addDays } from '../termijnen';
import { intakeVoorbeelden, tijdstip, verkenGraaf, verkenningsDagen } from './verkenning';
import { ongestarteTermijnFouten, termijnDekkingFouten } from '../definition/juridische-lint';
import { ongestarteTermijnen, termijnDekking } from './termijn-routes';

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
  if (waar.length === 0)
    return `deze voorwaarde kan nooit waar zijn: ${beschrijfVoorwaarde(el.doorsturenNaarAanbieder)}; controleer of de toetsen elkaar niet uitsluiten`;
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
  // Intakes on every day the answering body changes (GemW 81p, Wet arhi), not only at the version's start.
  const verkenning = verkenGraaf(regime, verkenningsDagen(regime.definitie));
  const { adjacency, sleutel } = verkenning;
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
    for (const t of Object.values(v.transitions) as Array<{ state: (typeof v)['state']; event?: { type?: string } }>) {
      // Withdrawal (Selectielijst 13.2) leaves every open state; it must not hide a dead end in the werkproces.
      if (t.event?.type === 'KLACHT_INGETROKKEN') continue;
      const naar = sleutel(t.state);
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
      errors.push(
        fout(
          defPad,
          `de stap '${beschrijving}' (${pad}) loopt dood: geen gebeurtenis leidt eruit`,
          'voeg een vervolgstap toe of laat de stap weg',
        ),
      );
    } else {
      errors.push(
        fout(
          defPad,
          `vanuit de stap '${beschrijving}' (${pad}) is geen afronding bereikbaar`,
          'zorg dat elke route eindigt in een afdoening of afsluiting',
        ),
      );
    }
  }
  // 3a. A termijn that a step expects runs on every route that reaches that step (juridische-lint.ts, the message).
  errors.push(...ongestarteTermijnFouten(geladen, ongestarteTermijnen(regime, verkenning)));
  // 3b. Every declared termijn runs somewhere; one that only some first-line routes start is a warning (`geldtVoor`).
  errors.push(...termijnDekkingFouten(geladen, termijnDekking(regime, verkenning)));
  // 3. No klager stuck after a termijn of the handler passed.
  for (const v of vastgelopenKlagers(regime, adjacency)) {
    const beschrijving = regime.beschrijfState(v.pad);
    errors.push(
      fout(
        definitiePadVan(knopen, v.pad) ?? ['eersteLijn'],
        `een klager kan vastlopen in '${beschrijving}' (${v.pad}): als ${v.verlopen.join(', ')} verstreken ${v.verlopen.length === 1 ? 'is' : 'zijn'}, kan hij niet naar de gemeente en niet naar de tweede lijn`,
        'laat de klager daarna bij de gemeente klagen (eersteLijn.klachtOverAfhandelingAanbiederBijGemeente: true) of kies een tweede lijn die over aanbieders oordeelt (bevoegdOverAanbieders: true)',
      ),
    );
  }
  return errors;
}

/** Events by which a klager goes on when the handler lets a termijn pass (to the gemeente or a further line). */
export const WEGEN_VOOR_KLAGER = ['KLACHT_BIJ_GEMEENTE', 'VERZOEK_OMBUDSMAN', 'GESCHIL_VOORGELEGD'] as const;

export interface VastgelopenKlager {
  pad: string;
  /** The obligations that passed, in due order. */
  verlopen: string[];
}

/**
 * No klager is ever stuck: from every open state of a klacht where the handler has an obligation
 * running, once each running termijn has passed (in due order), the klager has a way on (Awb 9:24 lid 1
 * sub b; Wkkgz 21 lid 1 sub b; the gemeente's own responsibility under Wmo 2015 art. 2.1.1). States at
 * the last instance (ombudsman, geschilleninstantie) are exempt: after them only the court remains.
 */
export function vastgelopenKlagers(regime: Regime, adjacency = verkenGraaf(regime).adjacency): VastgelopenKlager[] {
  const specs = regime.gecompileerd.ctx.specs;
  const kalender = kalenderVan(regime.definitie);
  const knopen = new Map(alleKnopen(regime.gecompileerd.config.states).map((k) => [k.pad, k]));
  const laatsteLijn = (pad: string): boolean => {
    for (let k = knopen.get(pad); k; k = k.ouder ? knopen.get(k.ouder) : undefined) if (k.config.meta.laatsteLijn) return true;
    return false;
  };
  const gevonden = new Map<string, VastgelopenKlager>();
  for (const v of Object.values(adjacency) as Array<{ state: AnyMachineSnapshot }>) {
    const s = v.state;
    if (s.status === 'done') continue;
    const c = s.context as KlachtContext;
    if (c.intake?.soort !== 'klacht') continue;
    const pad = statePad(s.value);
    if (gevonden.has(pad) || laatsteLijn(pad)) continue;
    const plichten = Object.values(c.termijnen)
      .filter((l) => specs[l.naam] && isVerplichting(l.naam))
      .map((l) => ({ naam: l.naam, vervaldatum: vervaldatumVan(specs[l.naam], l, kalender) }))
      .sort((a, b) => a.vervaldatum.localeCompare(b.vervaldatum) || a.naam.localeCompare(b.naam));
    if (plichten.length === 0) continue;
    let huidig: AnyMachineSnapshot = s;
    let dag = (c.nu ?? c.intake.ontvangenOp).slice(0, 10);
    for (const p of plichten) {
      const na = addDays(p.vervaldatum, 1);
      if (na > dag) dag = na;
      const r = regime.stepSnapshot(huidig, { type: 'TERMIJN_VERLOPEN', at: tijdstip(dag), data: { termijn: p.naam } });
      if (r.accepted) huidig = r.next;
    }
    if (huidig.status === 'done') continue;
    const later = tijdstip(addDays(dag, 1));
    const kan = WEGEN_VOOR_KLAGER.some((type) =>
      (GEBEURTENISSEN[type]?.varianten ?? [{}]).some(
        (data) => regime.stepSnapshot(huidig, { type, at: later, ...(Object.keys(data).length ? { data } : {}) }).accepted,
      ),
    );
    if (!kan) gevonden.set(pad, { pad, verlopen: plichten.map((p) => p.naam) });
  }
  return [...gevonden.values()];
}

/** The regime the graph stage checks: compiled with the set, as the registry does (registry.ts compileerSamen). */
export function graafRegime(geladen: GeladenDefinitie, samen: readonly GeladenDefinitie[]): Regime {
  const alle = samen.map((g) => g.definitie);
  return maakRegime(geladen.definitie, geladen.id, { tweedeLijn: maakTweedeLijnZoeker(() => alle), definities: () => alle });
}

/**
 * The graph stage for `validateDefinities` / `klachtregie validate`. `samen`: the definitions it is validated with, so
 * the checked machine is the one the registry runs (compileerSamen): a second line after the version's end is its next
 * version's or, after a herindeling, the successor's.
 */
export function checkGraph(geladen: GeladenDefinitie, samen: readonly GeladenDefinitie[] = [geladen]): DefinitionError[] {
  let regime: Regime;
  try {
    regime = graafRegime(geladen, samen);
  } catch (e) {
    const p = geladen.positie([]);
    return [
      {
        file: geladen.file,
        line: p.line,
        column: p.column,
        message: `de definitie is niet om te zetten in een machine: ${e instanceof Error ? e.message : String(e)}`,
      },
    ];
  }
  return checkRegime(regime, geladen);
}

export const graafStap: ValidatieStap = {
  naam: 'graaf',
  volgorde: 30,
  blokkerend: false,
  run: (defs) => defs.flatMap((g) => checkGraph(g, defs)),
};
