/**
 * A diagram of a compiled regime, read from the XState machine itself and never drawn by hand
 * (docs/beheer-en-rapportages.md: process owners get a diagram of every definition, generated from the machine).
 *
 * The graph is plain JSON so that Mermaid, SVG and the web view render the same thing. Ordering is
 * document order (state nodes depth-first as defined, transitions in definition order), so the same
 * machine always gives the same graph.
 */
import type { AnyStateMachine, AnyStateNode } from 'xstate';
import { omschrijvingVan } from '../compiler/gebeurtenissen';
import type { CompiledRegime } from '../contract';

/** Where in the klachtroute a state belongs; set by the compiler in each state's `meta.fase`. */
export type { Fase } from '../contract';
import type { Fase } from '../contract';

export const FASEN: readonly Fase[] = ['intake', 'aanbieder', 'gemeente', 'tweedeLijn', 'bijzonder', 'signaal', 'afgerond'];

/** Dutch names for the legend. */
export const FASE_LABELS: Readonly<Record<Fase, string>> = {
  intake: 'Intake',
  aanbieder: 'Aanbieder (eerste lijn)',
  gemeente: 'Gemeente (interne klachtbehandeling)',
  tweedeLijn: 'Tweede lijn (ombudsman)',
  bijzonder: 'Bijzonder regime (Jeugdwet, Wkkgz)',
  signaal: 'Signaal of melding',
  afgerond: 'Afgerond',
};

/**
 * `initial` is the start marker of a compound state; `elkeStap` stands for "from any state" and only
 * exists when the machine itself has transitions (e.g. a klacht withdrawn at any moment, Awb 9:5).
 */
export type DiagramNodeType = 'atomic' | 'compound' | 'parallel' | 'final' | 'history' | 'initial' | 'elkeStap';

export interface DiagramNode {
  /**
   * Full state path, e.g. `gemeente.inBehandeling` (the same dotted path as `StepResult.state`).
   * Initial markers are `<parent path>.[*]`, or `[*]` for the machine's own initial state.
   */
  id: string;
  /** Last path segment (the state key); `[*]` for an initial marker. */
  key: string;
  /** Dutch label: the state's `description`, or its key when it has none. */
  label: string;
  /** Path of the enclosing compound/parallel state; absent at the top level. */
  parent?: string;
  type: DiagramNodeType;
  /** Nesting depth: 1 for top-level states. */
  depth: number;
  /** Whether this state is the initial child of its parent. */
  initial: boolean;
  fase?: Fase;
  grondslag?: string;
  /** Termijnen that run while a klacht is in this state (`meta.termijnen`). */
  termijnen: string[];
  /** Paths of the direct children, for compound and parallel states. */
  children: string[];
}

export type DiagramEdgeKind = 'event' | 'always' | 'done' | 'after' | 'actor' | 'initial';

export interface DiagramEdge {
  /** Stable within the graph: `e<n>` in document order. */
  id: string;
  source: string;
  target: string;
  /** Event type as the machine knows it (`TERMIJN_VERLOPEN`); empty for `always` and initial edges. */
  event: string;
  kind: DiagramEdgeKind;
  /**
   * Dutch label: the transition's `description`, else the event's Dutch description (KLACHT_ONTVANGEN: "klacht,
   * signaal of melding ontvangen"), else the event type in words. Never a guard expression: what the process owner
   * reads is what happens, not the machine's condition.
   */
  label: string;
  /** Guard name, `and(a, not(b))` for composed guards, `inline` for an anonymous predicate. */
  guard?: string;
  grondslag?: string;
  /** Termijnen the target state starts: those it runs that do not already run in the source (or its ancestors). */
  termijnen: string[];
  /** A transition without target: stays in the state (actions only, e.g. VERDAGEN), drawn as a self-loop. */
  internal: boolean;
}

export interface DiagramGraph {
  /** Machine id. */
  id: string;
  /** Dutch title: the machine's description, or its id. */
  label: string;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

export interface DiagramGraphOptions {
  /** Title to use instead of the machine's description (e.g. `Amsterdam, versie 2026-1`). */
  title?: string;
}

interface StateMeta {
  fase?: unknown;
  grondslag?: unknown;
  termijnen?: unknown;
}

const INITIAL_KEY = '[*]';
/** Id of the pseudo node for transitions the machine accepts in every state. */
export const ELKE_STAP_ID = '*';

/** The path of a state node as a dotted string; `''` for the root. */
export function statePath(node: AnyStateNode): string {
  return node.path.join('.');
}

export function initialMarkerId(parentPath: string): string {
  return parentPath ? `${parentPath}.${INITIAL_KEY}` : INITIAL_KEY;
}

function readMeta(node: AnyStateNode): StateMeta {
  const meta = node.meta as unknown;
  return meta && typeof meta === 'object' ? (meta as StateMeta) : {};
}

function isFase(v: unknown): v is Fase {
  return typeof v === 'string' && (FASEN as readonly string[]).includes(v);
}

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * A readable name for a guard as XState keeps it: a string, `{ type, params }`, a higher-order
 * guard (`and`/`or`/`not` are functions carrying `.guards`), or an inline predicate.
 */
export function guardName(guard: unknown): string | undefined {
  if (guard === undefined || guard === null) return undefined;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') {
    const fn = guard as { name?: string; guards?: unknown[]; stateValue?: unknown };
    if (Array.isArray(fn.guards) && fn.name && ['and', 'or', 'not'].includes(fn.name)) {
      return `${fn.name}(${fn.guards.map((g) => guardName(g) ?? 'inline').join(', ')})`;
    }
    if (fn.name === 'stateIn' && fn.stateValue !== undefined) {
      return `stateIn(${typeof fn.stateValue === 'string' ? fn.stateValue : JSON.stringify(fn.stateValue)})`;
    }
    return fn.name && fn.name !== 'guard' ? fn.name : 'inline';
  }
  if (typeof guard === 'object' && typeof (guard as { type?: unknown }).type === 'string') {
    const { type, params } = guard as { type: string; params?: unknown };
    // Parameterised guards (e.g. `{ type: 'termijnVerlopen', params: { termijn: 'afhandeling' } }`) show their params.
    if (params && typeof params === 'object' && Object.keys(params).length) {
      const args = Object.entries(params as Record<string, unknown>).map(
        ([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`,
      );
      return `${type}(${args.join(', ')})`;
    }
    return type;
  }
  return 'inline';
}

/** An event without a description of its own, in Dutch words: the catalogue's description, else `TERMIJN_VERLOPEN` → "termijn verlopen". */
export function gebeurtenisInWoorden(eventType: string): string {
  const omschrijving = omschrijvingVan(eventType);
  if (omschrijving !== eventType) return omschrijving;
  if (eventType.startsWith('xstate.')) return eventType;
  return eventType.toLowerCase().replace(/_+/g, ' ').trim();
}

function edgeKind(eventType: string): DiagramEdgeKind {
  if (eventType.startsWith('xstate.done.state.')) return 'done';
  if (eventType.startsWith('xstate.after.')) return 'after';
  if (eventType.startsWith('xstate.done.actor.') || eventType.startsWith('xstate.error.actor.') || eventType.startsWith('xstate.snapshot.'))
    return 'actor';
  return 'event';
}

function childNodes(node: AnyStateNode): AnyStateNode[] {
  return Object.values(node.states ?? {}) as AnyStateNode[];
}

/** Build the diagram graph of a machine: every state node once, every transition as an edge. */
export function toDiagramGraph(machine: AnyStateMachine, opts: DiagramGraphOptions = {}): DiagramGraph {
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  const root = machine.root as AnyStateNode;

  const pushEdge = (e: Omit<DiagramEdge, 'id'>): void => {
    edges.push({ id: `e${edges.length}`, ...e });
  };

  const termijnenOf = (n: AnyStateNode): string[] => stringList(readMeta(n).termijnen);
  const ancestorsRun = (n: AnyStateNode | undefined): Set<string> => {
    const set = new Set<string>();
    for (let cur = n; cur; cur = cur.parent) termijnenOf(cur).forEach((t) => set.add(t));
    return set;
  };

  const visit = (node: AnyStateNode, depth: number): void => {
    const path = statePath(node);
    const children = childNodes(node);
    // A compound state (and the machine itself) has exactly one initial child: draw it as a marker.
    if (node.type === 'compound' && children.length > 0) {
      const target = node.initial?.target?.[0] as AnyStateNode | undefined;
      if (target) {
        const markerId = initialMarkerId(path);
        nodes.push({
          id: markerId,
          key: INITIAL_KEY,
          label: 'start',
          ...(path ? { parent: path } : {}),
          type: 'initial',
          depth: depth + 1,
          initial: false,
          termijnen: [],
          children: [],
        });
        pushEdge({
          source: markerId,
          target: statePath(target),
          event: '',
          kind: 'initial',
          label: 'start',
          termijnen: termijnenOf(target).filter((t) => !ancestorsRun(node).has(t)),
          internal: false,
        });
      }
    }
    for (const child of children) {
      const meta = readMeta(child);
      const childPath = statePath(child);
      const initialTarget = node.type === 'compound' ? (node.initial?.target?.[0] as AnyStateNode | undefined) : undefined;
      nodes.push({
        id: childPath,
        key: child.key,
        label: child.description?.trim() || child.key,
        ...(path ? { parent: path } : {}),
        type: child.type,
        depth: depth + 1,
        initial: initialTarget === child,
        ...(isFase(meta.fase) ? { fase: meta.fase } : {}),
        ...(typeof meta.grondslag === 'string' && meta.grondslag ? { grondslag: meta.grondslag } : {}),
        termijnen: termijnenOf(child),
        children: childNodes(child).map(statePath),
      });
      visit(child, depth + 1);
    }
  };

  // Nodes first (document order), then edges by source in the same order: stable output.
  visit(root, 0);

  const all: AnyStateNode[] = [];
  const collect = (n: AnyStateNode): void => {
    all.push(n);
    childNodes(n).forEach(collect);
  };
  collect(root);

  // Termijnen running in a state include those of its ancestors (a compound's termijn runs in all its children).
  const starts = (source: AnyStateNode, target: AnyStateNode): string[] => {
    const already = ancestorsRun(source);
    return termijnenOf(target).filter((t) => !already.has(t));
  };

  for (const source of all) {
    const sourcePath = statePath(source);
    const groups: Array<[string, unknown[]]> = [...(source.transitions?.entries() ?? [])];
    if (source.always?.length) groups.push(['', source.always]);
    for (const [eventType, transitions] of groups) {
      for (const t of transitions as Array<{
        target?: ReadonlyArray<AnyStateNode>;
        guard?: unknown;
        description?: string;
        meta?: { grondslag?: unknown };
      }>) {
        const kind: DiagramEdgeKind = eventType === '' ? 'always' : edgeKind(eventType);
        const guard = guardName(t.guard);
        const grondslag = typeof t.meta?.grondslag === 'string' && t.meta.grondslag ? t.meta.grondslag : undefined;
        const label = t.description?.trim() || (kind === 'always' ? 'direct' : kind === 'done' ? 'klaar' : gebeurtenisInWoorden(eventType));
        const base = {
          event: eventType,
          kind,
          label,
          ...(guard ? { guard } : {}),
          ...(grondslag ? { grondslag } : {}),
        };
        // The root is no diagram node: a machine-level transition holds in every state, drawn from one
        // "elke stap" node rather than from every top-level state.
        const from = sourcePath === '' ? ELKE_STAP_ID : sourcePath;
        if (from === ELKE_STAP_ID && !nodes.some((n) => n.id === ELKE_STAP_ID)) {
          nodes.push({
            id: ELKE_STAP_ID,
            key: ELKE_STAP_ID,
            label: 'vanuit elke stap',
            type: 'elkeStap',
            depth: 1,
            initial: false,
            termijnen: [],
            children: [],
          });
        }
        const targets = t.target ?? [];
        if (targets.length === 0) {
          pushEdge({ ...base, source: from, target: from, termijnen: [], internal: true });
        }
        for (const target of targets) {
          pushEdge({ ...base, source: from, target: statePath(target), termijnen: starts(source, target), internal: false });
        }
      }
    }
  }

  const title = opts.title ?? (root.description?.trim() || machine.id);
  return { id: machine.id, label: title, nodes, edges };
}

/** Whether a node is a state of the machine (not an initial marker or the "elke stap" node). */
export function isState(node: DiagramNode): boolean {
  return node.type !== 'initial' && node.type !== 'elkeStap';
}

/** The real states of a graph, in document order. */
export function stateNodes(graph: DiagramGraph): DiagramNode[] {
  return graph.nodes.filter(isState);
}

/** Dutch title of a compiled regime, e.g. `Amsterdam: klachtregeling versie 2015-01 (geldig vanaf 2015-01-01)`. */
export function regimeTitel(regime: Pick<CompiledRegime, 'summary'>): string {
  const s = regime.summary;
  return `${s.gemeente.naam}: klachtregeling versie ${s.versie} (geldig vanaf ${s.geldigVanaf}${s.geldigTot ? ` tot ${s.geldigTot}` : ''})`;
}

/** The diagram graph of a compiled regime (`CompiledRegime.machine` is an XState machine), titled after it. */
export function regimeDiagramGraph(regime: CompiledRegime): DiagramGraph {
  return toDiagramGraph(regime.machine as AnyStateMachine, { title: regimeTitel(regime) });
}
