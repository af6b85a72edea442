/**
 * Termijnen that a step expects but some route never starts (issue: a contact termijn only the aanbieder route
 * starts, while the step that stops it can be reached on another route too, where the event is then refused or
 * stops nothing). Found on the explored machine: for each termijn of the definition, every state a klacht can reach
 * from intake without that termijn ever having run, against the steps that stop it or whose condition reads it.
 * The lint message itself is in definition/juridische-lint.ts (`ongestarteTermijnFouten`).
 */
import type { AnyMachineSnapshot } from 'xstate';
import type { ActieRef, GuardRef } from '../compiler/blocks/bouw';
import type { KlachtContext } from '../compiler/types';
import type { OngestarteTermijn, TermijnDekkingBevinding } from '../definition/juridische-lint';
import { statePad, type Regime } from '../regime';
import { alleKnopen } from './graph-check';
import { verkenGraaf, type GraafVerkenning } from './verkenning';

/** Conditions that read a termijn only when it has passed: no route without the termijn can trigger them. */
const ALLEEN_NA_VERLOOP = new Set(['termijnVerstreken']);

function termijnUitGuard(g: GuardRef | undefined): string | undefined {
  if (!g || typeof g === 'string' || ALLEEN_NA_VERLOOP.has(g.type)) return undefined;
  const t = g.params?.termijn;
  return typeof t === 'string' ? t : undefined;
}

function gestopt(acties: ActieRef[]): string[] {
  return acties.flatMap((a) =>
    typeof a === 'object' && a.type === 'stopTermijn' && typeof a.params?.naam === 'string' ? [a.params.naam] : [],
  );
}

interface Verwachting {
  termijn: string;
  /** The state (or compound state) whose transition expects the termijn. */
  state: string;
  event: string;
  omschrijving: string;
  hoe: 'stopt' | 'leest';
}

/** Steps (transitions of the states, not the machine-wide ones such as withdrawal) that stop a termijn or read it in their condition. */
function verwachtingen(regime: Regime): Verwachting[] {
  const uit: Verwachting[] = [];
  for (const k of alleKnopen(regime.gecompileerd.config.states)) {
    for (const [event, overgangen] of Object.entries(k.config.on ?? {})) {
      for (const o of overgangen) {
        // An unguarded step that stops a termijn is there to end it (CONTACT_OPGENOMEN ends contact). A guarded one is
        // justified by its own condition and only closes the termijn if it happens to run (VERZOEK_OMBUDSMAN after
        // tweedeLijnOpen, Awb 9:24 lid 1 sub b, also closes the year of tweedeLijnVerzoek): no expectation.
        if (!o.guard)
          for (const t of gestopt(o.actions)) uit.push({ termijn: t, state: k.pad, event, omschrijving: o.description, hoe: 'stopt' });
        const gelezen = termijnUitGuard(o.guard);
        if (gelezen) uit.push({ termijn: gelezen, state: k.pad, event, omschrijving: o.description, hoe: 'leest' });
      }
    }
  }
  return uit;
}

const loopt = (s: AnyMachineSnapshot, t: string): string | undefined => (s.context as KlachtContext).termijnen[t]?.vanaf;

/**
 * For every termijn that a step expects (an unguarded step that stops it, or a condition that reads it): the routes
 * from intake on which a klacht reaches that step without the termijn ever having run.
 */
export function ongestarteTermijnen(regime: Regime, verkenning: GraafVerkenning = verkenGraaf(regime)): OngestarteTermijn[] {
  const { adjacency, sleutel } = verkenning;
  const specs = regime.gecompileerd.ctx.specs;
  type Knoop = { state: AnyMachineSnapshot; transitions: Record<string, { state: AnyMachineSnapshot }> };
  const knoop = (key: string) => adjacency[key as keyof typeof adjacency] as unknown as Knoop;
  const start = Object.keys(adjacency).filter((k) => statePad(knoop(k).state.value) === 'nieuw');
  const perTermijn = new Map<string, Verwachting[]>();
  for (const v of verwachtingen(regime)) if (specs[v.termijn]) perTermijn.set(v.termijn, [...(perTermijn.get(v.termijn) ?? []), v]);
  const bevindingen: OngestarteTermijn[] = [];
  for (const [termijn, verwacht] of perTermijn) {
    const bij = (pad: string) => verwacht.find((v) => pad === v.state || pad.startsWith(`${v.state}.`));
    // Breadth-first over the snapshots reachable from intake without the termijn ever having run, with their intake route.
    const zonder = new Map<string, string>(start.map((k) => [k, '']));
    const gestartOp = new Set<string>();
    const rij = [...start];
    while (rij.length) {
      const key = rij.shift()!;
      const v = knoop(key);
      for (const t of Object.values(v.transitions)) {
        const naar = sleutel(t.state);
        const route = zonder.get(key) || statePad(t.state.value).split('.')[0];
        if (loopt(t.state, termijn) !== undefined) {
          gestartOp.add(route);
          continue;
        }
        if (zonder.has(naar)) continue;
        zonder.set(naar, route);
        rij.push(naar);
      }
    }
    const gemeld = new Set<string>();
    for (const [key, route] of zonder) {
      const w = bij(statePad(knoop(key).state.value));
      if (!w || !route || gemeld.has(`${w.state}|${w.event}|${route}`)) continue;
      gemeld.add(`${w.state}|${w.event}|${route}`);
      bevindingen.push({
        termijn,
        label: specs[termijn].label,
        event: w.event,
        stap: w.omschrijving,
        state: regime.beschrijfState(w.state),
        hoe: w.hoe,
        route: regime.beschrijfState(route),
        gestartOp: [...gestartOp].map((r) => regime.beschrijfState(r)),
      });
    }
  }
  return bevindingen;
}

/**
 * Termijnen whose route follows from the law or the design, not from the author's intent: the Awb 9:11 and 9:8 terms
 * run where the gemeente handles the klacht, the aanbieder's term where the aanbieder does, and the klager's year for the
 * second line (Awb 9:24 lid 1) once a first line is done. No coverage warning for these.
 */
// reactieKlager: the klager's answer to the aanbieder's afdoening, so only where an aanbieder handles (wacht-op-klager.ts).
const ROUTEGEBONDEN = new Set(['afhandeling', 'nietBehandelenKennisgeving', 'aanbiederAfhandeling', 'tweedeLijnVerzoek', 'reactieKlager']);

/**
 * For every termijn of the definition's `termijnen`: on which intake routes it ever runs. A termijn no route starts is a
 * promise nobody keeps; one that only some klacht routes start is often meant for every klacht (a contact termijn that
 * only the aanbieder routes start, while the klager who went to the gemeente is never called).
 */
export function termijnDekking(regime: Regime, verkenning: GraafVerkenning = verkenGraaf(regime)): TermijnDekkingBevinding[] {
  const { adjacency, sleutel } = verkenning;
  type Knoop = { state: AnyMachineSnapshot; transitions: Record<string, { state: AnyMachineSnapshot }> };
  const knoop = (key: string) => adjacency[key as keyof typeof adjacency] as unknown as Knoop;
  const fase = (pad: string) => regime.faseVan(pad);
  // Intake routes: the top-level state each KLACHT_ONTVANGEN leads to, with the snapshots it starts from.
  const routes = new Map<string, string[]>();
  for (const key of Object.keys(adjacency)) {
    if (statePad(knoop(key).state.value) !== 'nieuw') continue;
    for (const t of Object.values(knoop(key).transitions)) {
      const route = statePad(t.state.value).split('.')[0];
      if (route === 'nieuw') continue;
      routes.set(route, [...(routes.get(route) ?? []), sleutel(t.state)]);
    }
  }
  const termijnen = regime.definitie.termijnen;
  const lopendOp = new Map<string, Set<string>>(Object.keys(termijnen).map((t) => [t, new Set<string>()]));
  for (const [route, begin] of routes) {
    const gezien = new Set(begin);
    const rij = [...begin];
    while (rij.length) {
      const v = knoop(rij.shift()!);
      if (!v) continue;
      for (const t of Object.keys(termijnen)) if (loopt(v.state, t) !== undefined) lopendOp.get(t)!.add(route);
      for (const t of Object.values(v.transitions)) {
        const k = sleutel(t.state);
        if (!gezien.has(k)) {
          gezien.add(k);
          rij.push(k);
        }
      }
    }
  }
  // Klacht routes of the first line, where `geldtVoor` chooses: the gemeente's handling and the aanbieder's. Not a signaal,
  // a melding, or a special law's own procedure (Jeugdwet 4.2.1, Wkkgz 13), whose terms that law sets.
  const klachtRoutes = [...routes.keys()].filter((r) => ['gemeente', 'aanbieder'].includes(fase(r) ?? ''));
  return Object.entries(termijnen).map(([termijn, t]) => ({
    termijn,
    label: t.label,
    gestartOp: [...lopendOp.get(termijn)!].map((r) => regime.beschrijfState(r)),
    nooitOp: klachtRoutes.filter((r) => !lopendOp.get(termijn)!.has(r)).map((r) => regime.beschrijfState(r)),
    bedoeld: t.geldtVoor !== undefined,
    routegebonden: ROUTEGEBONDEN.has(termijn),
  }));
}
