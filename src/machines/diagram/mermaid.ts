/**
 * Mermaid `stateDiagram-v2` text for a diagram graph: beleidsmedewerkers paste it into a wiki or
 * Markdown page. States are declared with aliases (`state "label" as id`) inside their composite
 * blocks, so every state sits in its parent; transitions follow at the top level.
 *
 * Mermaid's state grammar ends a transition label at `:` `;` or a newline, ends a quoted state label
 * at `"`, starts a comment at `#` and `%%`: all such characters are written as Mermaid entity codes
 * (`#58;`), which Mermaid decodes before rendering.
 */
import { DiagramEdge, DiagramGraph, DiagramNode, FASE_LABELS } from './diagram-graph';

const ENTITIES: Record<string, string> = {
  '#': '#35;',
  ':': '#58;',
  ';': '#59;',
  '"': '#quot;',
  '%': '#37;',
  '<': '#lt;',
  '>': '#gt;',
  '{': '#123;',
  '}': '#125;',
};

/** Text safe inside a Mermaid label (quoted state label, transition label or note). */
export function mermaidText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[#:;"%<>{}]/g, (c) => ENTITIES[c]);
}

/** The edge label: `Dutch description [grondslag] ⏱ termijn` (never the event type or a guard expression). */
export function edgeLabelText(edge: DiagramEdge): string {
  const parts: string[] = [edge.label];
  if (edge.grondslag) parts.push(`[${edge.grondslag}]`);
  if (edge.termijnen.length) parts.push(`⏱ ${edge.termijnen.join(', ')}`);
  return parts.filter(Boolean).join(' ');
}

/**
 * Mermaid ids may not contain `-`, `:`, spaces or `{`; dots and brackets are risky. Ids are the state
 * path with `_` for each dot, made unique with a suffix if two paths would collide.
 */
function makeIds(graph: DiagramGraph): Map<string, string> {
  const ids = new Map<string, string>();
  const used = new Set<string>(['state', 'note', 'end', 'default', 'direction', 'class', 'classDef']);
  for (const n of graph.nodes) {
    if (n.type === 'initial') continue;
    let base = n.type === 'elkeStap' ? 'elkeStap' : n.id.replace(/[^A-Za-z0-9_]/g, '_');
    if (!/^[A-Za-z_]/.test(base)) base = `s_${base}`;
    let id = base;
    for (let i = 2; used.has(id); i++) id = `${base}_${i}`;
    used.add(id);
    ids.set(n.id, id);
  }
  return ids;
}

export interface MermaidOptions {
  /** Layout direction of the top level; Mermaid's default is top-to-bottom. */
  direction?: 'TB' | 'LR';
  /** Show the termijnen running in a state as notes next to it (default true). */
  notes?: boolean;
}

export function toMermaid(graph: DiagramGraph, opts: MermaidOptions = {}): string {
  const ids = makeIds(graph);
  const idOf = (path: string): string => {
    const id = ids.get(path);
    if (!id) throw new Error(`toMermaid: unknown state '${path}' in an edge`);
    return id;
  };
  const byParent = new Map<string, DiagramNode[]>();
  for (const n of graph.nodes) {
    const key = n.parent ?? '';
    byParent.set(key, [...(byParent.get(key) ?? []), n]);
  }
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const parentTermijnen = (n: DiagramNode): Set<string> => {
    const set = new Set<string>();
    for (let p = n.parent ? byId.get(n.parent) : undefined; p; p = p.parent ? byId.get(p.parent) : undefined)
      p.termijnen.forEach((t) => set.add(t));
    return set;
  };
  const lines: string[] = ['stateDiagram-v2'];
  if (graph.label) lines.push(`    %% ${graph.label.replace(/\s+/g, ' ')}`);
  if (opts.direction) lines.push(`    direction ${opts.direction}`);

  const emitBlock = (parentPath: string, indent: string): void => {
    const children = byParent.get(parentPath) ?? [];
    // Regions of a parallel state are separated by `--` (Mermaid's concurrency divider).
    const parallel = byId.get(parentPath)?.type === 'parallel';
    let first = true;
    for (const n of children) {
      if (n.type === 'initial') continue;
      if (parallel && !first) lines.push(`${indent}--`);
      first = false;
      const id = idOf(n.id);
      const label = n.grondslag ? `${n.label} (${n.grondslag})` : n.label;
      lines.push(`${indent}state "${mermaidText(label)}" as ${id}`);
      if (n.type === 'compound' || n.type === 'parallel') {
        lines.push(`${indent}state ${id} {`);
        emitBlock(n.id, indent + '    ');
        lines.push(`${indent}}`);
      }
      // A termijn running in the parent runs in every child too: note it once, at the parent.
      const eigen = n.termijnen.filter((t) => !parentTermijnen(n).has(t));
      if (opts.notes !== false && eigen.length) {
        lines.push(`${indent}note right of ${id} : ${mermaidText(`⏱ termijn ${eigen.join(', ')}`)}`);
      }
    }
    // Initial marker and final markers belong to the block they are in: Mermaid scopes `[*]` per composite.
    const initialEdge = graph.edges.find(
      (e) => e.kind === 'initial' && graph.nodes.some((m) => m.id === e.source && (m.parent ?? '') === parentPath),
    );
    if (initialEdge) lines.push(`${indent}[*] --> ${idOf(initialEdge.target)}`);
    for (const n of children) {
      if (n.type === 'final') lines.push(`${indent}${idOf(n.id)} --> [*]`);
    }
  };
  emitBlock('', '    ');

  for (const e of graph.edges) {
    if (e.kind === 'initial') continue;
    lines.push(`    ${idOf(e.source)} --> ${idOf(e.target)} : ${mermaidText(edgeLabelText(e))}`);
  }

  // Classes per fase, so a Mermaid renderer colours them as the SVG does.
  const fasen = [...new Set(graph.nodes.map((n) => n.fase).filter((f): f is NonNullable<typeof f> => !!f))];
  for (const f of fasen) {
    const members = graph.nodes.filter((n) => n.fase === f && n.type !== 'compound' && n.type !== 'parallel').map((n) => idOf(n.id));
    if (!members.length) continue;
    lines.push(`    classDef fase_${f} ${MERMAID_FASE_STYLE[f]}`);
    lines.push(`    class ${members.join(',')} fase_${f}`);
  }
  lines.push(`    %% fasen: ${fasen.map((f) => `${f} = ${FASE_LABELS[f]}`).join('; ')}`.replace(/;/g, ','));
  return lines.join('\n') + '\n';
}

const MERMAID_FASE_STYLE: Record<string, string> = {
  intake: 'fill:#eef2f7,stroke:#5b6b82',
  aanbieder: 'fill:#e3f4f0,stroke:#1f7a6d',
  gemeente: 'fill:#e6effb,stroke:#2458a6',
  tweedeLijn: 'fill:#f1e9fb,stroke:#6b3fa0,stroke-width:2px,stroke-dasharray:6 3',
  bijzonder: 'fill:#fdf0e1,stroke:#b3621b,stroke-width:2px,stroke-dasharray:2 3',
  signaal: 'fill:#fdecea,stroke:#b3261e',
  afgerond: 'fill:#f0f0f0,stroke:#666666',
};
