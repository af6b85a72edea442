/**
 * For the specs: the states and transitions of a machine read straight from its raw config
 * (`machine.config`), independently of the StateNode walk in diagram-graph.ts, so the two can be compared.
 */
interface RawTransition {
  target?: string | string[];
  description?: string;
  meta?: { grondslag?: string };
}
interface RawState {
  id?: string;
  type?: string;
  initial?: string;
  description?: string;
  states?: Record<string, RawState>;
  on?: Record<string, RawTransition | RawTransition[] | string | string[]>;
  always?: RawTransition | RawTransition[] | string;
  onDone?: RawTransition | RawTransition[] | string;
}

export interface RawEdge {
  source: string;
  /** Event type, `always`, or `done` (onDone). */
  trigger: string;
  /** Resolved full path; the source itself for a targetless transition. */
  target: string;
  description?: string;
  grondslag?: string;
}

function toArray<T>(v: T | T[] | undefined): T[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function norm(t: RawTransition | string): RawTransition {
  return typeof t === 'string' ? { target: t } : t;
}

export function walkConfig(config: unknown): { states: string[]; edges: RawEdge[] } {
  const rootCfg = config as RawState & { id?: string };
  const states: string[] = [];
  const byId = new Map<string, string>();
  const collect = (cfg: RawState, path: string[]): void => {
    if (cfg.id) byId.set(cfg.id, path.join('.'));
    for (const [key, child] of Object.entries(cfg.states ?? {})) {
      states.push([...path, key].join('.'));
      collect(child, [...path, key]);
    }
  };
  byId.set(rootCfg.id ?? '(machine)', '');
  collect(rootCfg, []);

  const resolve = (source: string[], target: string): string => {
    if (target.startsWith('#')) {
      const [id, ...rest] = target.slice(1).split('.');
      const base = byId.get(id);
      if (base === undefined) throw new Error(`walkConfig: unknown id #${id}`);
      return [base, ...rest].filter(Boolean).join('.');
    }
    if (target.startsWith('.')) return [...source, ...target.slice(1).split('.')].join('.');
    return [...source.slice(0, -1), ...target.split('.')].join('.');
  };

  const edges: RawEdge[] = [];
  const visit = (cfg: RawState, path: string[]): void => {
    const add = (trigger: string, raw: RawTransition | string): void => {
      const t = norm(raw);
      const source = path.join('.') || '*';
      const targets = toArray(t.target);
      const base = { source, trigger, description: t.description, grondslag: t.meta?.grondslag };
      if (!targets.length) edges.push({ ...base, target: source });
      for (const target of targets) edges.push({ ...base, target: resolve(path, target) });
    };
    for (const [event, ts] of Object.entries(cfg.on ?? {})) for (const t of toArray(ts as RawTransition | RawTransition[])) add(event, t);
    for (const t of toArray(cfg.always as RawTransition | RawTransition[] | undefined)) add('always', t);
    for (const t of toArray(cfg.onDone as RawTransition | RawTransition[] | undefined)) add('done', t);
    for (const [key, child] of Object.entries(cfg.states ?? {})) visit(child, [...path, key]);
  };
  visit(rootCfg, []);
  return { states, edges };
}
