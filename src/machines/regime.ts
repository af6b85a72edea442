/**
 * CompiledRegime (contract.ts) over the pure XState API only (docs/adr/0004-durable-klacht-engine.md): `initialTransition`,
 * `transition`, `machine.resolveState` for persisted snapshots. Nothing runs long; the service stores
 * the JSON snapshot and hands it back with the next event.
 */
import {
  createActor,
  getNextTransitions,
  initialTransition,
  type AnyActorScope,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type StateValue,
} from 'xstate';
import type {
  CompiledRegime,
  Fase,
  DefinitionSummary,
  Intent,
  RegimeControles,
  IntakeInput,
  IsoDate,
  KlachtEvent,
  Opgetekend,
  StepResult,
  TermijnView,
} from './contract';
import { compileDefinitie, type CompileOpties, type Gecompileerd } from './compiler/compile-definitie';
import { omschrijvingVan } from './compiler/gebeurtenissen';
import { kalenderVan, termijnView } from './compiler/termijnen';
import type { KlachtContext, KlachtMachineEvent } from './compiler/types';
import type { Definitie } from './definition/types';
import { maakControles } from './controles';
import { kalenderdag, leesbareDatum } from './termijnen';
import { namensOrgaan, verantwoordelijkeOp, type Bestuursorgaan } from './verantwoordelijke';
import { voorDeWekkers } from './voor-wekkers';

export interface Regime extends CompiledRegime {
  controles: RegimeControles;
  definitie: Definitie;
  gecompileerd: Gecompileerd;
  /** Restores a snapshot persisted by `step`/`start` (JSON) to a live machine snapshot. */
  herstel(snapshot: unknown): AnyMachineSnapshot;
  /** The events the klacht takes at moment `op` (ISO 8601), as stepping at `op` decides them where no data is needed. */
  volgendeEventsOp(snapshot: unknown, op: string): string[];
  /** The state the klacht was in at moment `op` (CompiledRegime.stateOp). */
  stateOp(snapshot: unknown, op: string): string;
  /** Both at moment `op` (CompiledRegime.stateEnEventsOp). */
  stateEnEventsOp(snapshot: unknown, op: string): { state: string; volgendeEvents: string[] };
  /** Steps a live snapshot (used by the graph check and the simulator); `opgetekend` as CompiledRegime.step. */
  stepSnapshot(snapshot: AnyMachineSnapshot, event: KlachtEvent, opgetekend?: Opgetekend): StepResult & { next: AnyMachineSnapshot };
  /** Dutch description of a state path (`gemeente.inBehandeling`). */
  beschrijfState(pad: string): string;
  /**
   * The description of one klacht's state: where it names the second line, the body competent on the day that
   * matters for it (today, or the day the klacht entered the state), instead of every body of the regeling.
   */
  beschrijfKlacht(pad: string, dagen: { vandaag: IsoDate; sinds: IsoDate }): string;
  /** Where in the klachtroute a state path lies (`meta.fase` of its deepest state that has one); undefined for an unknown path. */
  faseVan(pad: string): Fase | undefined;
  /**
   * The college that answers for this regime's klachten on `dag` when it is not the gemeente's own: the successor after a
   * herindeling (Wet arhi art. 40), by `verantwoordelijkeOp` over the definitions the regime was compiled with.
   */
  opvolgerOp(dag: IsoDate): Bestuursorgaan | undefined;
  /**
   * The second line competent for this regime's klachten on `dag` (Awb 9:12 lid 2, 9:18): the body every afdoening and
   * kennisgeving names, by the same function the steps' intents are given it; after a herindeling the successor's.
   */
  tweedeLijnOp(dag: IsoDate): { naam: string; soort?: string } | undefined;
}

export interface RegimeOpties extends CompileOpties {
  /** The definitions that know each other (every version and herindeling, registry.ts compileerSamen); default: this one. */
  definities?: () => readonly Definitie[];
}

export function statePad(value: StateValue): string {
  if (typeof value === 'string') return value;
  const [k, v] = Object.entries(value)[0] ?? [];
  if (k === undefined) return '';
  return v === undefined || (typeof v === 'object' && Object.keys(v).length === 0) ? k : `${k}.${statePad(v as StateValue)}`;
}

/**
 * The klacht's virtual clock: the `at` of its last accepted event (the `begin` action sets `nu`).
 * The machine refuses an event earlier than this; works on a live or a persisted (JSON) snapshot,
 * so the service can choose event times that keep the clock monotonic (termijn catch-up).
 */
export function klokVan(snapshot: unknown): string | undefined {
  const nu = (snapshot as { context?: Partial<KlachtContext> } | null | undefined)?.context?.nu;
  return typeof nu === 'string' ? nu : undefined;
}

/** The later of two moments (ISO 8601); an invalid `b` gives `a`. */
function later(a: string | undefined, b: string | undefined): string | undefined {
  if (b === undefined || Number.isNaN(Date.parse(b))) return a;
  return a === undefined || Date.parse(b) > Date.parse(a) ? b : a;
}

const TERMIJN_EVENTS = new Set(['VERDAGEN', 'UITSTEL_MET_INSTEMMING', 'OPSCHORTEN', 'HERVATTEN', 'TERMIJN_VERLOPEN', 'NIEUWE_TERMIJN']);

export function maakRegime(def: Definitie, id: string, opties: RegimeOpties = {}): Regime {
  const gecompileerd = compileDefinitie(def, opties);
  const { ctx, weigering, zonderData } = gecompileerd;
  const machine = gecompileerd.machine as unknown as AnyStateMachine;
  const kalender = kalenderVan(def);
  const summary: DefinitionSummary = {
    id,
    gemeente: { cbsCode: def.gemeente.cbsCode, naam: def.gemeente.naam },
    versie: def.versie,
    geldigVanaf: def.geldigVanaf,
    ...(def.geldigTot ? { geldigTot: def.geldigTot } : {}),
  };

  const beschrijfState = (pad: string): string => {
    if (!pad) return '';
    try {
      const node = machine.getStateNodeById(`klacht.${pad}`);
      return node.description ?? pad;
    } catch {
      return pad;
    }
  };

  const beschrijfKlacht = (pad: string, dagen: { vandaag: IsoDate; sinds: IsoDate }): string => {
    let perKlacht: { tekst: string; op: 'vandaag' | 'sinds' } | undefined;
    try {
      perKlacht = (machine.getStateNodeById(`klacht.${pad}`).meta as { perKlacht?: typeof perKlacht } | undefined)?.perKlacht;
    } catch {
      return pad;
    }
    // The second line on a day: the one function every letter and intent uses too (tweede-lijn-tijdlijn.ts).
    const instantie = perKlacht ? ctx.tweedeLijnOp(dagen[perKlacht.op])?.instantie : undefined;
    return perKlacht && instantie ? perKlacht.tekst.replace('{instantie}', instantie.naam) : beschrijfState(pad);
  };

  const faseVan = (pad: string): Fase | undefined => {
    type Knoop = { states?: Record<string, Knoop>; meta?: { fase?: Fase } };
    let k: Knoop | undefined = gecompileerd.config as unknown as Knoop;
    let fase: Fase | undefined;
    for (const deel of pad ? pad.split('.') : []) {
      k = k?.states?.[deel];
      if (!k) return undefined;
      fase = k.meta?.fase ?? fase;
    }
    return fase;
  };

  const termijnen = (c: KlachtContext): TermijnView[] =>
    Object.values(c.termijnen)
      .filter((l) => ctx.specs[l.naam])
      .map((l) => termijnView(ctx.specs[l.naam], l, kalender))
      .sort((a, b) => a.vervaldatum.localeCompare(b.vervaldatum) || a.naam.localeCompare(b.naam));

  const guardNaam = (g: unknown): { type: string; params: Record<string, unknown> } | undefined => {
    if (!g) return undefined;
    if (typeof g === 'string') return { type: g, params: {} };
    const o = g as { type?: string; params?: Record<string, unknown> };
    return o.type ? { type: o.type, params: o.params ?? {} } : undefined;
  };

  /**
   * The events the klacht takes at moment `op` (never before its clock: an earlier act is stepped in its place, see
   * `mogelijkeEvents`). A guard that needs no event data is asked as stepping at `op` would ask it (acties.ts
   * `zonderData`): whether the aanbieder's termijn has passed and the second line judges aanbieders on that day (Awb
   * 9:18, 9:24 lid 1), whether the klager may still answer. A guard that needs data leaves the event offered.
   */
  const volgendeEvents = (s: AnyMachineSnapshot, op?: string): string[] => {
    if (s.status === 'done') return [];
    const c = s.context as KlachtContext;
    const at = later(c.nu, op) ?? '';
    const lopend = Object.keys(c.termijnen);
    const types = new Set<string>();
    for (const t of getNextTransitions(s)) {
      const type = t.eventType;
      if (!type || type.startsWith('xstate.') || type === '*') continue;
      if (TERMIJN_EVENTS.has(type)) {
        if (lopend.length === 0) continue;
        if (type !== 'TERMIJN_VERLOPEN' && type !== 'NIEUWE_TERMIJN' && !lopend.some((n) => ctx.specs[n]?.verdagingMax)) continue;
      }
      const g = guardNaam(t.guard);
      const vraag = g ? zonderData[g.type] : undefined;
      if (g && vraag && at && !vraag({ context: c, event: { type, at } }, g.params)) continue;
      types.add(type);
    }
    return [...types].sort();
  };

  /**
   * What can be registered now: the events of the current state and, while wake-ups have come since the last act, those
   * of the klacht as it was before them. An act of the last day registered the next morning (a verdaging sent on the
   * last day, Awb 9:11 lid 2) is stepped in its place (`inhalen`) and must be offered, also by the pages and checks that
   * read this list, though the wake-up has moved the klacht on; with a later `at` the regime refuses it, saying why. A
   * klacht a wake-up closed offers nothing: the request to the ombudsman of the year's last day (Awb 9:24) still steps
   * through the API with its `at`, but a closed klacht shows no steps.
   * `op`: the moment the list is about (default: the klacht's clock, its last step); the events of now are those at
   * `op`. Those of before the wake-ups are done before the first of them: as at the last act.
   */
  const mogelijkeEvents = (s: AnyMachineSnapshot, op?: string): string[] => {
    const nu = volgendeEvents(s, op);
    const voor = voorDeWekkers(s, herstel)?.klacht;
    return voor ? [...new Set([...nu, ...volgendeEvents(voor)])].sort() : nu;
  };

  // XState's transition() builds an inert actor scope for every call: an Actor (with the machine's initial snapshot)
  // and an actor system, 3 % of the engine's time per event. The scope's parts do nothing (defer, emit, stopChild; the
  // actions are handed back, not run) and its system only keeps actors that have a systemId, which a compiled machine
  // never spawns: one scope serves every step of this regime. The actions are not needed (intents are in the context).
  const zelf = createActor(machine);
  const niets = () => undefined;
  const scope = {
    self: zelf,
    defer: niets,
    id: '',
    logger: niets,
    sessionId: '',
    stopChild: niets,
    system: zelf.system,
    emit: niets,
    actionExecutor: niets,
  } as unknown as AnyActorScope;

  // XState's persisted form, without its walk through the whole context (persistContext) in search of actors to
  // replace by references: a compiled machine spawns and invokes nothing, so the walk finds none, at every event
  // (3 % of the engine's time in the bench). The context is the live snapshot's own, as XState's would be when it
  // finds no actor: the compiled actions assign new objects and never change one in place.
  const bewaarbaar = (s: AnyMachineSnapshot): unknown => ({
    ...(machine.getPersistedSnapshot({ ...s, context: {} } as AnyMachineSnapshot) as object),
    context: s.context,
  });

  /** A refusal: nothing changes; the list is the one at the refused event's moment (`op`) when it has a valid one. */
  const geweigerd = (s: AnyMachineSnapshot, reason: string, op?: string): StepResult & { next: AnyMachineSnapshot } => ({
    accepted: false,
    reason,
    snapshot: bewaarbaar(s),
    state: statePad(s.value),
    done: s.status === 'done',
    termijnen: termijnen(s.context as KlachtContext),
    intents: [],
    volgendeEvents: mogelijkeEvents(s, op),
    next: s,
  });

  const waaromNiet = (s: AnyMachineSnapshot, e: KlachtMachineEvent): string => {
    const c = s.context as KlachtContext;
    const pad = statePad(s.value);
    const kandidaten = getNextTransitions(s).filter((t) => t.eventType === e.type);
    if (kandidaten.length === 0) {
      const mogelijk = volgendeEvents(s, e.at);
      return (
        `${e.type} (${omschrijvingVan(e.type)}) past niet bij de huidige stap '${beschrijfState(pad)}' (${pad})` +
        (mogelijk.length ? `; mogelijk nu: ${mogelijk.join(', ')}` : '')
      );
    }
    const redenen = new Set<string>();
    for (const t of kandidaten) {
      const g = guardNaam(t.guard);
      if (!g) continue;
      const r = weigering[g.type]?.({ context: c, event: e }, g.params);
      if (r) redenen.add(r);
    }
    return redenen.size ? [...redenen].join('; ') : `${e.type} wordt nu niet geaccepteerd`;
  };

  /**
   * Why a klacht a wake-up closed is closed: the termijn whose passing ended it (the klager's year or the wait for his
   * answer after the aanbieder's afdoening), so a late answer hears which last day it missed.
   */
  const doorVerloop = (s: AnyMachineSnapshot): string => {
    const c = s.context as KlachtContext;
    const v = c.verlopen.at(-1);
    if (!v || v.verlopenOp !== c.nu) return '';
    return ` omdat de termijn '${ctx.specs[v.naam]?.label ?? v.naam}' op ${leesbareDatum(v.vervaldatum)} verstreek`;
  };

  const stepSnapshot = (s: AnyMachineSnapshot, event: KlachtEvent, opgetekend?: Opgetekend): StepResult & { next: AnyMachineSnapshot } => {
    if (!event || typeof event.type !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(event.type)) {
      return geweigerd(s, 'een gebeurtenis heeft een type in HOOFDLETTERS_MET_UNDERSCORES, bijvoorbeeld KLACHT_ONTVANGEN');
    }
    try {
      kalenderdag(event.at);
    } catch {
      return geweigerd(
        s,
        `geef het tijdstip van de gebeurtenis als ISO 8601 (at), bijvoorbeeld 2026-04-02T10:00:00+02:00 (nu: '${String(event.at)}')`,
      );
    }
    const klok = klokVan(s);
    const teVroeg = klok !== undefined && Date.parse(event.at) < Date.parse(klok);
    // An act before the wake-ups since the last act is stepped in their place, also when a wake-up closed the klacht
    // (the klager's year passed at midnight).
    const ingehaald = teVroeg && event.type !== 'TERMIJN_VERLOPEN' ? inhalen(s, event, opgetekend) : undefined;
    if (ingehaald) return ingehaald;
    if (s.status === 'done')
      return geweigerd(s, `de klacht is afgesloten (${beschrijfState(statePad(s.value))})${doorVerloop(s)}; er kan niets meer gebeuren`);
    if (teVroeg) {
      return geweigerd(s, `het tijdstip ${event.at} ligt vóór de vorige gebeurtenis (${klok}); gebeurtenissen komen in volgorde van tijd`);
    }
    const r = overgang(s, event, opgetekend);
    if (!r.accepted) return r;
    const oud = (s.context as KlachtContext).voorWekkers;
    if (event.type === 'TERMIJN_VERLOPEN') {
      // One more wake-up since the last act: keep what the klacht was before the first of them (inhalen).
      // The step's intents as `overgang` made them (`namens`), not as the context holds them. A replayed wake-up keeps its
      // record (`opgetekend`), so stepped again after an earlier act it is judged as it was recorded.
      return resultaat(
        metKeten(
          r.next,
          { snapshot: oud?.snapshot ?? bewaarbaar(metKeten(s, undefined)), wekkers: [...(oud?.wekkers ?? []), kaal(event, opgetekend)] },
          r.intents,
        ),
      );
    }
    return (r.next.context as KlachtContext).voorWekkers ? resultaat(metKeten(r.next, undefined, r.intents)) : r;
  };

  /**
   * The event as the machine receives it: its own fields only, so a caller's event cannot carry `opgetekend`; that comes
   * only from the replay of a stored history (`step`'s own argument).
   */
  const kaal = (event: KlachtEvent, opgetekend?: Opgetekend): KlachtMachineEvent => ({
    type: event.type,
    at: event.at,
    ...(event.actor ? { actor: event.actor } : {}),
    ...(event.data ? { data: event.data } : {}),
    ...(opgetekend ? { opgetekend: { naarState: opgetekend.naarState } } : {}),
  });

  /** The transition itself, on a snapshot whose clock the caller has checked. */
  const overgang = (s: AnyMachineSnapshot, event: KlachtEvent, opgetekend?: Opgetekend): StepResult & { next: AnyMachineSnapshot } => {
    const e = kaal(event, opgetekend);
    if (!s.can(e)) return geweigerd(s, waaromNiet(s, e), event.at);
    let next: AnyMachineSnapshot;
    try {
      next = machine.transition(s, e, scope);
    } catch (err) {
      return geweigerd(s, err instanceof Error ? err.message : String(err));
    }
    const r = resultaat(next);
    return { ...r, intents: namens(r.intents, event.at) };
  };

  const eigenGemeente = def.gemeente.cbsCode.toUpperCase();
  // Compiled alone, a regime knows no successor: its own definition cannot take its own gemeente over.
  const definities = opties.definities ?? (() => []);
  const opvolgerOp = (dag: IsoDate): Bestuursorgaan | undefined => {
    const orgaan = verantwoordelijkeOp(definities(), eigenGemeente, dag);
    return orgaan && orgaan.cbsCode.toUpperCase() !== eigenGemeente ? orgaan : undefined;
  };
  /**
   * After a herindeling the successor's college answers for a running klacht (Wet arhi; docs/juridisch-kader.md §14):
   * every intent of a step on or after that day names it, so each letter (ontvangstbevestiging, verdaging,
   * doorzending, afdoening, kennisgeving) is sent on its behalf (brieven.ts reads `verantwoordelijkeGemeente`). A letter
   * made on a later day asks `opvolgerOp` of its own day (brieven.service.ts).
   */
  const namens = (intents: Intent[], at: string): Intent[] => {
    if (intents.length === 0) return intents;
    const orgaan = opvolgerOp(kalenderdag(at));
    return orgaan ? intents.map((i) => namensOrgaan(i, orgaan)) : intents;
  };

  const resultaat = (next: AnyMachineSnapshot): StepResult & { next: AnyMachineSnapshot } => {
    const nc = next.context as KlachtContext;
    return {
      accepted: true,
      snapshot: bewaarbaar(next),
      state: statePad(next.value),
      done: next.status === 'done',
      termijnen: termijnen(nc),
      intents: nc.intents,
      volgendeEvents: mogelijkeEvents(next),
      ...(nc.vervallen?.length ? { vervallen: nc.vervallen } : {}),
      next,
    };
  };

  /** The snapshot with this chain of wake-ups (or none), and optionally other intents of the step. */
  const metKeten = (s: AnyMachineSnapshot, keten: KlachtContext['voorWekkers'], intents?: KlachtContext['intents']): AnyMachineSnapshot => {
    const { voorWekkers: _weg, ...rest } = s.context as KlachtContext;
    const context: KlachtContext = { ...rest, ...(keten ? { voorWekkers: keten } : {}), ...(intents ? { intents } : {}) };
    return machine.resolveState({ value: s.value, context });
  };

  /**
   * An act whose `at` lies before the wake-ups (TERMIJN_VERLOPEN) that came after the klacht's last act: the
   * afdoening sent on the last day of the termijn and recorded the next morning, after the wake-up at midnight. It
   * is stepped where it belongs in time: from the klacht as it was before the wake-ups, then those wake-ups again
   * that still apply. A termijn the act met or moved did not pass (Awb 9:11 lid 1 and 2: the last day counts), so
   * its wake-up no longer applies and its name is in `herroepen`. A termijn such an undone wake-up started (the
   * klager's year once the afhandeltermijn passed, Awb 9:24 lid 1 sub b) never ran: in `herroepenGestart` when it runs
   * no more. What those wake-ups already set in motion (their letters, escalations) stays done; the step's intents are
   * the act's own. Not before the last act itself: acts come in order of time. Undefined when the act cannot be stepped
   * so (the caller refuses it as too early).
   */
  const inhalen = (
    s: AnyMachineSnapshot,
    event: KlachtEvent,
    opgetekend?: Opgetekend,
  ): (StepResult & { next: AnyMachineSnapshot }) | undefined => {
    const stand = standOp(s, event.at);
    if (!stand) return undefined;
    const huidig = stand.klacht;
    // What ran when the act was done: a termijn the later wake-ups started is not in it.
    const voorDaad = (huidig.context as KlachtContext).termijnen;
    const daad = overgang(huidig, event, opgetekend);
    if (!daad.accepted) return geweigerd(s, daad.reason ?? `${event.type} wordt nu niet geaccepteerd`);
    let eind = daad.next;
    const blijven: KlachtMachineEvent[] = [];
    const herroepen: string[] = [];
    // The moment the klacht entered the state it ends in: the act's, or a wake-up's stepped again after it that moved it
    // on (the klager's year closing the klacht at midnight after an act of its last day that kept it open).
    let sinds = statePad(daad.next.value) !== statePad(huidig.value) ? event.at : undefined;
    for (const wekker of stand.na) {
      const w = overgang(eind, wekker, wekker.opgetekend);
      if (w.accepted) {
        if (statePad(w.next.value) !== statePad(eind.value)) sinds = wekker.at;
        eind = w.next;
        blijven.push(wekker);
      } else herroepen.push(String(wekker.data?.termijn ?? ''));
    }
    const nieuweKeten = blijven.length ? { snapshot: bewaarbaar(daad.next), wekkers: blijven } : undefined;
    const erna = (eind.context as KlachtContext).termijnen;
    const gestart = herroepen.length
      ? Object.keys((s.context as KlachtContext).termijnen).filter((n) => !(n in voorDaad) && !(n in erna))
      : [];
    // The termijnen the act itself let lapse (the wake-ups stepped again after it reset the step's list, as its intents).
    const vervallen = (daad.next.context as KlachtContext).vervallen;
    return {
      ...resultaat(metKeten(eind, nieuweKeten, daad.intents)),
      ...(vervallen?.length ? { vervallen } : {}),
      vanState: statePad(huidig.value),
      ...(sinds ? { stateSinds: sinds } : {}),
      ...(herroepen.length ? { herroepen } : {}),
      ...(gestart.length ? { herroepenGestart: gestart } : {}),
    };
  };

  /**
   * Where the klacht stood at moment `at` when that lies before wake-ups since its last act but not before that act: the
   * klacht before them, with those at or before `at` stepped again (a wake-up at that moment or before it: the termijn
   * had passed by then), and the wake-ups after `at` (`na`). Undefined otherwise. One rule for stepping an act of that
   * moment (`inhalen`) and for the list and state it is judged on (`klachtOp`).
   */
  const standOp = (s: AnyMachineSnapshot, at: string): { klacht: AnyMachineSnapshot; na: readonly KlachtMachineEvent[] } | undefined => {
    const keten = voorDeWekkers(s, herstel, { at });
    if (!keten) return undefined;
    const t = Date.parse(at);
    const laatsteDaad = klokVan(keten.klacht);
    if (Number.isNaN(t) || (laatsteDaad && t < Date.parse(laatsteDaad))) return undefined;
    let klacht = keten.klacht;
    let i = 0;
    for (; i < keten.wekkers.length && Date.parse(keten.wekkers[i].at) <= t; i++) {
      const w = overgang(klacht, keten.wekkers[i], keten.wekkers[i].opgetekend);
      if (w.accepted) klacht = w.next;
    }
    return { klacht, na: keten.wekkers.slice(i) };
  };

  /**
   * The klacht as it was at `op`, for the list and state an act of that moment is judged on (the aanbieder's report, the
   * next morning, of the klager's answer on the last day of his wait, Awb 9:11 lid 1): standOp, else the klacht as it stands.
   */
  const klachtOp = (s: AnyMachineSnapshot, op: string): AnyMachineSnapshot => standOp(s, op)?.klacht ?? s;

  // The engine checks an event's data and then steps it, both on the snapshot it read: restored once.
  // Safe to share: XState's transition is pure and the compiled actions assign new objects.
  const hersteld = new WeakMap<object, AnyMachineSnapshot>();
  const herstel = (snapshot: unknown): AnyMachineSnapshot => {
    const bekend = snapshot !== null && typeof snapshot === 'object' ? hersteld.get(snapshot) : undefined;
    if (bekend) return bekend;
    const s = herstelNieuw(snapshot);
    if (snapshot !== null && typeof snapshot === 'object') hersteld.set(snapshot, s);
    return s;
  };

  const herstelNieuw = (snapshot: unknown): AnyMachineSnapshot => {
    const p = (typeof snapshot === 'string' ? JSON.parse(snapshot) : snapshot) as {
      value?: StateValue;
      context?: KlachtContext;
      status?: string;
      output?: unknown;
    };
    if (!p || p.value === undefined || !p.context)
      throw new Error('ongeldige snapshot: verwacht { value, context, status } zoals step() die teruggaf');
    return machine.resolveState({ value: p.value, context: JSON.parse(JSON.stringify(p.context)) as KlachtContext });
  };

  const zonderNext = (r: StepResult & { next?: AnyMachineSnapshot }): StepResult => {
    const { next: _n, ...rest } = r;
    return rest;
  };

  return {
    summary,
    machine,
    definitie: def,
    gecompileerd,
    herstel,
    stepSnapshot,
    beschrijfState,
    beschrijfKlacht,
    faseVan,
    opvolgerOp,
    tweedeLijnOp: (dag: IsoDate) => {
      const t = ctx.tweedeLijnOp(dag)?.instantie;
      return t ? { naam: t.naam, ...(t.soort ? { soort: t.soort } : {}) } : undefined;
    },
    controles: maakControles(def, gecompileerd, herstel),
    start(intake: IntakeInput): StepResult {
      const [s0] = initialTransition(machine);
      return zonderNext(stepSnapshot(s0, { type: 'KLACHT_ONTVANGEN', at: intake.ontvangenOp, data: { intake } }));
    },
    step(snapshot: unknown, event: KlachtEvent, opgetekend?: Opgetekend): StepResult {
      return zonderNext(stepSnapshot(herstel(snapshot), event, opgetekend));
    },
    volgendeEventsOp(snapshot: unknown, op: string): string[] {
      return mogelijkeEvents(klachtOp(herstel(snapshot), op), op);
    },
    stateOp(snapshot: unknown, op: string): string {
      return statePad(klachtOp(herstel(snapshot), op).value);
    },
    stateEnEventsOp(snapshot: unknown, op: string): { state: string; volgendeEvents: string[] } {
      const k = klachtOp(herstel(snapshot), op);
      return { state: statePad(k.value), volgendeEvents: mogelijkeEvents(k, op) };
    },
  };
}
