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

/** The line a route reaches (Awb 9:1–9:12 eerste lijn, 9:17–9:36 tweede lijn; Jeugdwet 4.2.1 and Wkkgz 13–18). */
export type Lijn = 'eersteLijn' | 'tweedeLijn' | 'bijzondereRoute';

export const LIJN_OMSCHRIJVING: Record<Lijn, string> = {
  eersteLijn: 'eerste lijn',
  tweedeLijn: 'tweede lijn (ombudsman)',
  bijzondereRoute: 'bijzondere wettelijke route',
};

/** The intake routes (compiler/routering.ts) by the compiler's top-level state they start in, in Dutch. */
const ONTVANGSTROUTES: Record<string, string> = {
  gemeente: 'Behandeling door de gemeente (Awb titel 9.1)',
  doorgestuurdNaarAanbieder: 'Ingediend bij de gemeente, doorgestuurd naar de aanbieder',
  bijAanbieder: 'Ingediend bij de aanbieder, behandeld door de aanbieder',
  jeugdwetKlachtencommissie: 'Jeugdwet: klachtencommissie van de jeugdhulpaanbieder',
  wkkgz: 'Wkkgz: klachtenfunctionaris van de zorgaanbieder',
  signaal: 'Signaal (geen klacht)',
  melding: 'Melding: calamiteit of geweld',
  stoppenMetLeveren: 'Verzoek van de aanbieder om te stoppen met leveren',
  eigenOnderzoek: 'Onderzoek van de ombudsman uit eigen beweging',
  verzoekOmbudsman: 'Informatievraag of interventieverzoek van de ombudsman (geen klacht)',
};

/** Top-level states of the second line (tweede-lijn.block.ts) and of the special regimes (bijzondere-regimes.block.ts). */
const TWEEDE_LIJN = new Set(['bijOmbudsman', 'eigenOnderzoek', 'verzoekOmbudsman']);
const BIJZONDER = new Set(['jeugdwetKlachtencommissie', 'wkkgz']);

export interface PadGroep {
  /** The compiler's top-level state the route starts in after intake, e.g. `gemeente`. */
  route: string;
  routeOmschrijving: string;
  lijn: Lijn;
  lijnOmschrijving: string;
  /** The final state, e.g. `afgesloten`. */
  uitkomst: string;
  uitkomstOmschrijving: string;
  aantal: number;
  /** The routes in this group: 1-based numbers in the order of `allePaden`. */
  paden: number[];
}

const topNiveau = (state: string): string => state.split('.')[0];

/** The line a route reaches: the ombudsman (or its own investigation), else a special law route, else the first line. */
export function lijnVan(pad: Pad): Lijn {
  const states = pad.stappen.map((s) => topNiveau(s.naar));
  if (states.some((s) => TWEEDE_LIJN.has(s))) return 'tweedeLijn';
  if (states.some((s) => BIJZONDER.has(s))) return 'bijzondereRoute';
  return 'eersteLijn';
}

/**
 * The routes grouped by intake route, line and outcome, with counts: what a process owner can walk through
 * (`klachtregie paths --samenvatting` and the /beheer routes page use this one grouping). Groups keep the order
 * in which `allePaden` first meets them (routes, outcomes), lines in the order eerste lijn, bijzondere route, tweede lijn.
 */
export function groepeerPaden(paden: Pad[], beschrijfState: (state: string) => string): PadGroep[] {
  const groepen = new Map<string, PadGroep>();
  const routeVolgorde: string[] = [];
  const uitkomstVolgorde: string[] = [];
  paden.forEach((pad, i) => {
    if (!uitkomstVolgorde.includes(pad.eind)) uitkomstVolgorde.push(pad.eind);
    const route = topNiveau(pad.stappen[0]?.naar ?? pad.eind);
    if (!routeVolgorde.includes(route)) routeVolgorde.push(route);
    const lijn = lijnVan(pad);
    const sleutel = `${route}|${lijn}|${pad.eind}`;
    const g =
      groepen.get(sleutel) ??
      groepen
        .set(sleutel, {
          route,
          routeOmschrijving: ONTVANGSTROUTES[route] ?? beschrijfState(pad.stappen[0]?.naar ?? pad.eind),
          lijn,
          lijnOmschrijving: LIJN_OMSCHRIJVING[lijn],
          uitkomst: pad.eind,
          uitkomstOmschrijving: beschrijfState(pad.eind),
          aantal: 0,
          paden: [],
        })
        .get(sleutel)!;
    g.aantal++;
    g.paden.push(i + 1);
  });
  const lijnen: Lijn[] = ['eersteLijn', 'bijzondereRoute', 'tweedeLijn'];
  return [...groepen.values()].sort(
    (a, b) =>
      routeVolgorde.indexOf(a.route) - routeVolgorde.indexOf(b.route) ||
      lijnen.indexOf(a.lijn) - lijnen.indexOf(b.lijn) ||
      uitkomstVolgorde.indexOf(a.uitkomst) - uitkomstVolgorde.indexOf(b.uitkomst),
  );
}
