/**
 * Explores a compiled regime with `xstate/graph`: a generated set of sample events (routing facts
 * enumerated — booleans true/false, keuze values, numbers around the thresholds — and termijn
 * expiries on a virtual clock) drives `getAdjacencyMap` / `getShortestPaths` (docs/adr/0004-durable-klacht-engine.md).
 */
import { getNextTransitions, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import { getAdjacencyMap, getShortestPaths, type AdjacencyMap, type StatePath } from 'xstate/graph';
import type { AanbiederRef, AanbiederType, IntakeInput, Soort } from '../contract';
import { GEBEURTENISSEN } from '../compiler/gebeurtenissen';
import { kalenderVan, vervaldatumVan } from '../compiler/termijnen';
import type { KlachtContext, KlachtMachineEvent } from '../compiler/types';
import { AFGELEIDE_FEITEN, genoemdeFeiten, vergelekenWaarden } from '../compiler/voorwaarde';
import type { Definitie } from '../definition/types';
import type { Regime } from '../regime';
import { addDays } from '../termijnen';

type Snap = AnyMachineSnapshot;
type Ev = KlachtMachineEvent;

/** Termijn events that only change context data, not the state (they would only add self-loops). */
const ALLEEN_DATA = new Set(['VERDAGEN', 'UITSTEL_MET_INSTEMMING', 'OPSCHORTEN', 'HERVATTEN', 'NIEUWE_TERMIJN']);
const MAX_COMBINATIES = 4096;

export function startDatum(def: Definitie): string {
  // Two weeks into the version's validity: every body and termijn of that version applies.
  return addDays(def.geldigVanaf, 14);
}

/** How long before a change of the answering body the explorer files a klacht that runs across it. */
const VOOR_WISSEL_DAGEN = 7;

/**
 * The days the graph check files its sample intakes on: two weeks into the version, and a week before every day on
 * which the body that answers for a klacht changes while it runs: a switch of the second line inside the version
 * (GemW 81p: per 1 January) and the day after the version ends, when its next version or, after a herindeling, the
 * successor answers (Wet arhi art. 40: a Weesp klacht received on 17 March 2022 is decided by the college of
 * Amsterdam, whose second line judges aanbieders). Guards ask the second line of the event's day, so routes that open
 * or close across such a day are only reached by klachten that run across it.
 */
export function verkenningsDagen(def: Definitie): string[] {
  const wissels = new Set<string>();
  for (const t of def.tweedeLijn) {
    if (t.geldigVanaf > def.geldigVanaf) wissels.add(t.geldigVanaf);
    if (t.geldigTot) wissels.add(addDays(t.geldigTot, 1));
  }
  if (def.geldigTot) wissels.add(addDays(def.geldigTot, 1));
  const dagen = new Set([startDatum(def)]);
  for (const w of [...wissels].sort()) {
    const dag = addDays(w, -VOOR_WISSEL_DAGEN);
    if (dag >= def.geldigVanaf && (!def.geldigTot || dag <= def.geldigTot)) dagen.add(dag);
  }
  return [...dagen].sort();
}

/** The instant the explorer gives an event on a day (10:00 UTC, within the day in Amsterdam). */
export function tijdstip(dag: string): string {
  return `${dag}T10:00:00Z`;
}

/** Sample values per routing fact. */
function feitWaarden(def: Definitie): Array<[string, unknown[]]> {
  const el = def.eersteLijn;
  const namen = new Set<string>();
  genoemdeFeiten(el.doorsturenNaarAanbieder, namen);
  genoemdeFeiten(el.behandelingDoorGemeente, namen);
  genoemdeFeiten(el.klachtOverGemeente, namen);
  const vergeleken = new Map<string, Set<string | number | boolean>>();
  vergelekenWaarden(el.doorsturenNaarAanbieder, vergeleken);
  vergelekenWaarden(el.behandelingDoorGemeente, vergeleken);
  vergelekenWaarden(el.klachtOverGemeente, vergeleken);
  const out: Array<[string, unknown[]]> = [];
  for (const naam of [...namen].sort()) {
    if ((AFGELEIDE_FEITEN as readonly string[]).includes(naam)) continue;
    const decl = def.feiten[naam];
    const extra = [...(vergeleken.get(naam) ?? [])];
    switch (decl?.type) {
      case 'boolean':
        out.push([naam, [true, false]]);
        break;
      case 'keuze':
        out.push([naam, [...(decl.waarden ?? []), undefined]]);
        break;
      case 'getal':
        out.push([naam, [...new Set([0, 1, 2, ...extra.filter((x) => typeof x === 'number')])]]);
        break;
      default:
        out.push([naam, [...new Set([...extra, 'anders'])]]);
    }
  }
  return out;
}

function combinaties(waarden: Array<[string, unknown[]]>): Array<Record<string, unknown>> {
  const totaal = waarden.reduce((n, [, w]) => n * w.length, 1);
  if (totaal <= MAX_COMBINATIES) {
    let out: Array<Record<string, unknown>> = [{}];
    for (const [naam, ws] of waarden) out = out.flatMap((c) => ws.map((w) => ({ ...c, [naam]: w })));
    return out;
  }
  // Too many: every value of every fact once against a first-value base, plus all-first and all-last.
  const basis = Object.fromEntries(waarden.map(([n, w]) => [n, w[0]]));
  const out: Array<Record<string, unknown>> = [basis, Object.fromEntries(waarden.map(([n, w]) => [n, w[w.length - 1]]))];
  for (const [naam, ws] of waarden) for (const w of ws) out.push({ ...basis, [naam]: w });
  return out;
}

export function intakeVoorbeelden(def: Definitie, dag: string = startDatum(def)): IntakeInput[] {
  const ontvangenOp = tijdstip(dag);
  const gemeente = def.gemeente.cbsCode;
  const aanbieder = (id: string, type: AanbiederType): AanbiederRef => ({ id, naam: `Aanbieder ${id}`, type });
  // aantalAanbieders is derived from the list: sample the sizes the conditions compare with too.
  const el = def.eersteLijn;
  const vergeleken = new Map<string, Set<string | number | boolean>>();
  vergelekenWaarden(el.doorsturenNaarAanbieder, vergeleken);
  vergelekenWaarden(el.behandelingDoorGemeente, vergeleken);
  vergelekenWaarden(el.klachtOverGemeente, vergeleken);
  const aantallen = [...(vergeleken.get('aantalAanbieders') ?? [])].filter((n): n is number => typeof n === 'number' && n > 2 && n <= 10);
  const aanbiederSets: AanbiederRef[][] = [
    [],
    [aanbieder('a1', 'wmo')],
    [aanbieder('a1', 'jeugdhulp')],
    [aanbieder('a1', 'zorg')],
    [aanbieder('a1', 'overig')],
    [aanbieder('a1', 'wmo'), aanbieder('a2', 'wmo')],
    ...[...new Set(aantallen)].map((n) => Array.from({ length: n }, (_, i) => aanbieder(`a${i + 1}`, 'wmo'))),
  ];
  // Vary the channel only when a condition tests it (it multiplies the samples).
  const namen = genoemdeFeiten(
    el.klachtOverGemeente,
    genoemdeFeiten(el.behandelingDoorGemeente, genoemdeFeiten(el.doorsturenNaarAanbieder)),
  );
  const kanalen: IntakeInput['kanaal'][] = namen.has('kanaal') ? ['telefoon', 'balie', 'brief', 'webformulier', 'email'] : ['email'];
  const basis = (
    soort: Soort,
    ingediendBij: IntakeInput['ingediendBij'],
    aanbieders: AanbiederRef[],
    feiten: Record<string, unknown>,
    kanaal: IntakeInput['kanaal'] = 'email',
  ): IntakeInput => ({
    gemeente,
    kanaal,
    ontvangenOp,
    ingediendBij,
    soort,
    aanbieders,
    feiten: Object.fromEntries(Object.entries(feiten).filter(([, v]) => v !== undefined)) as IntakeInput['feiten'],
  });
  const out: IntakeInput[] = [];
  for (const feiten of combinaties(feitWaarden(def))) {
    for (const ingediendBij of ['gemeente', 'aanbieder', 'ombudsman'] as const) {
      for (const aanbieders of aanbiederSets)
        for (const kanaal of kanalen) out.push(basis('klacht', ingediendBij, aanbieders, feiten, kanaal));
    }
  }
  for (const soort of ['signaal', 'melding', 'stoppenMetLeveren'] as const) out.push(basis(soort, 'gemeente', aanbiederSets[1], {}));
  out.push(basis('eigenOnderzoek', 'ombudsman', [], {}));
  // Awb 9:31: the ombudsman's informatievraag and interventieverzoek (the fact the service sets), with and without his date.
  for (const ombudsmanVerzoek of ['informatievraag', 'interventieverzoek']) {
    out.push(basis('klacht', 'ombudsman', aanbiederSets[1], { ombudsmanVerzoek }));
    out.push(basis('klacht', 'ombudsman', aanbiederSets[1], { ombudsmanVerzoek, ombudsmanTermijn: addDays(dag, 14) }));
  }
  out.push(basis('melding', 'gemeente', aanbiederSets[1], { calamiteit: true }));
  return out;
}

/** A state of the exploration; with `metDag`, klachten received on different days are explored apart (verkenningsDagen). */
export function serialiseer(s: Snap, metDag = false): string {
  const c = s.context as KlachtContext;
  const d = metDag ? c.intake?.ontvangenOp.slice(0, 10) : undefined;
  return JSON.stringify({ v: s.value, t: Object.keys(c.termijnen).sort(), o: !!c.tweedeLijnOpen, s: s.status, ...(d ? { d } : {}) });
}

/** Sample events for one snapshot: the variants of every event the state handles, on a virtual clock. */
export function voorbeeldEvents(regime: Regime, intakes: IntakeInput[]) {
  const def = regime.definitie;
  const specs = regime.gecompileerd.ctx.specs;
  const kalender = kalenderVan(def);
  return (s: Snap): Ev[] => {
    if (s.status === 'done') return [];
    const c = s.context as KlachtContext;
    if (!c.intake) return intakes.map((intake) => ({ type: 'KLACHT_ONTVANGEN', at: intake.ontvangenOp, data: { intake } }));
    const nu = c.nu ?? c.intake.ontvangenOp;
    const dag = nu.slice(0, 10);
    const straks = tijdstip(addDays(dag, 1));
    const out: Ev[] = [];
    const types = new Set(
      getNextTransitions(s)
        .map((t) => t.eventType)
        .filter((t) => t && !t.startsWith('xstate.')),
    );
    for (const type of types) {
      if (ALLEEN_DATA.has(type) || type === 'KLACHT_ONTVANGEN') continue;
      if (type === 'TERMIJN_VERLOPEN') {
        for (const l of Object.values(c.termijnen)) {
          if (!specs[l.naam]) continue;
          const v = vervaldatumVan(specs[l.naam], l, kalender);
          const at = tijdstip(addDays(v > dag ? v : dag, 1));
          out.push({ type, at, data: { termijn: l.naam } });
        }
        continue;
      }
      for (const data of GEBEURTENISSEN[type]?.varianten ?? [{}])
        out.push({ type, at: straks, ...(Object.keys(data).length ? { data } : {}) });
    }
    return out;
  };
}

export interface GraafVerkenning {
  adjacency: AdjacencyMap<Snap, Ev>;
  initieel: string;
  /** The key of a snapshot in `adjacency` (serialiseer, with the intake's day when the exploration spans several). */
  sleutel: (s: Snap) => string;
}

function opties(regime: Regime, dagen: readonly string[] = [startDatum(regime.definitie)]) {
  const intakes = dagen.flatMap((dag) => intakeVoorbeelden(regime.definitie, dag));
  const metDag = dagen.length > 1;
  return {
    events: voorbeeldEvents(regime, intakes),
    serializeState: (s: Snap) => serialiseer(s, metDag),
    metDag,
    serializeEvent: (e: Ev) => JSON.stringify(e),
  };
}

/**
 * Explores the regime from sample intakes on `dagen` (default: the start day only; the graph check passes
 * verkenningsDagen). States are keyed by `serialiseer`, with the intake's day when there are several days.
 */
export function verkenGraaf(regime: Regime, dagen?: readonly string[]): GraafVerkenning {
  const machine = regime.machine as AnyStateMachine;
  const o = opties(regime, dagen);
  const adjacency = getAdjacencyMap(machine, o as never) as unknown as AdjacencyMap<Snap, Ev>;
  const initieel = Object.keys(adjacency)[0];
  return { adjacency, initieel, sleutel: o.serializeState };
}

/** Shortest path (by events) to every explored state, for the generated path suite. */
export function kortsteStatePaden(regime: Regime): Array<StatePath<Snap, Ev>> {
  const machine = regime.machine as AnyStateMachine;
  return getShortestPaths(machine, opties(regime) as never) as unknown as Array<StatePath<Snap, Ev>>;
}
