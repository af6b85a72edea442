/**
 * Paths through a compiled regime, in Dutch, for `klachtregie paths` and the path test suite: the
 * state graph (state paths, with the transitions the sample events took) and every simple path from
 * intake to a final state, with the termijnen set on the way and their legal ground.
 */
import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import { omschrijvingVan } from '../compiler/gebeurtenissen';
import type { KlachtContext, KlachtMachineEvent } from '../compiler/types';
import { statePad, type Regime } from '../regime';
import { verkenGraaf } from './verkenning';

export interface Kant {
  van: string;
  naar: string;
  event: string;
  /** The transition's Dutch description and legal ground. */
  omschrijving: string;
  grondslag?: string;
  /** Termijnen started on this transition: name, label and ground. */
  termijnenGezet: Array<{ naam: string; label: string; duur: string; grondslag: string }>;
  termijnenGestopt: string[];
}

export interface StateGraaf {
  knopen: Map<string, { omschrijving: string; final: boolean }>;
  kanten: Kant[];
  start: string;
}

export interface PadStap extends Kant {
  vanOmschrijving: string;
  naarOmschrijving: string;
}

export interface Pad {
  stappen: PadStap[];
  eind: string;
}

export function stateGraaf(regime: Regime): StateGraaf {
  const { adjacency } = verkenGraaf(regime);
  const machine = regime.machine as AnyStateMachine;
  const specs = regime.gecompileerd.ctx.specs;
  const knopen = new Map<string, { omschrijving: string; final: boolean }>();
  const kanten = new Map<string, Kant>();
  for (const v of Object.values(adjacency)) {
    const bron = v.state as AnyMachineSnapshot;
    const van = statePad(bron.value);
    knopen.set(van, { omschrijving: regime.beschrijfState(van), final: bron.status === 'done' });
    for (const t of Object.values(v.transitions) as Array<{ event: KlachtMachineEvent; state: AnyMachineSnapshot }>) {
      const naar = statePad(t.state.value);
      if (naar === van) continue;
      const taken = machine.getTransitionData(bron, t.event)[0];
      const voor = (bron.context as KlachtContext).termijnen;
      const na = (t.state.context as KlachtContext).termijnen;
      const gezet = Object.keys(na)
        .filter((n) => !voor[n] || voor[n].vanaf !== na[n].vanaf)
        .filter((n) => specs[n])
        .map((n) => ({ naam: n, label: specs[n].label, duur: specs[n].duur, grondslag: specs[n].grondslag }));
      const gestopt = Object.keys(voor).filter((n) => !na[n]);
      const omschrijving = taken?.description ?? omschrijvingVan(t.event.type);
      const sleutel = `${van}|${naar}|${t.event.type}|${omschrijving}`;
      const bestaand = kanten.get(sleutel);
      if (bestaand) {
        for (const g of gezet) if (!bestaand.termijnenGezet.some((x) => x.naam === g.naam)) bestaand.termijnenGezet.push(g);
        continue;
      }
      kanten.set(sleutel, {
        van,
        naar,
        event: t.event.type,
        omschrijving,
        ...((taken?.meta as { grondslag?: string } | undefined)?.grondslag
          ? { grondslag: (taken!.meta as { grondslag: string }).grondslag }
          : {}),
        termijnenGezet: gezet,
        termijnenGestopt: gestopt,
      });
    }
  }
  for (const v of Object.values(adjacency)) {
    const s = v.state as AnyMachineSnapshot;
    const p = statePad(s.value);
    if (s.status === 'done') knopen.set(p, { omschrijving: regime.beschrijfState(p), final: true });
  }
  return { knopen, kanten: [...kanten.values()], start: 'nieuw' };
}

/** Every simple path (no state twice) from intake to a final state; stops at `max` paths. */
export function allePaden(regime: Regime, max = 20000): { paden: Pad[]; afgekapt: boolean; graaf: StateGraaf } {
  const graaf = stateGraaf(regime);
  const uit = new Map<string, Kant[]>();
  for (const k of graaf.kanten) (uit.get(k.van) ?? uit.set(k.van, []).get(k.van)!).push(k);
  const paden: Pad[] = [];
  let afgekapt = false;
  const bezocht = new Set<string>([graaf.start]);
  const stappen: PadStap[] = [];
  const dfs = (knoop: string): void => {
    if (afgekapt) return;
    if (graaf.knopen.get(knoop)?.final) {
      paden.push({ stappen: [...stappen], eind: knoop });
      if (paden.length >= max) afgekapt = true;
      return;
    }
    for (const k of uit.get(knoop) ?? []) {
      if (bezocht.has(k.naar)) continue;
      bezocht.add(k.naar);
      stappen.push({
        ...k,
        vanOmschrijving: graaf.knopen.get(k.van)?.omschrijving ?? k.van,
        naarOmschrijving: graaf.knopen.get(k.naar)?.omschrijving ?? k.naar,
      });
      dfs(k.naar);
      stappen.pop();
      bezocht.delete(k.naar);
    }
  };
  dfs(graaf.start);
  return { paden, afgekapt, graaf };
}
