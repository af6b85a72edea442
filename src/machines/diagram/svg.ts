/**
 * An SVG drawing of a diagram graph: layered layout by ELK (compound states as containers), the
 * drawing itself written here so it is deterministic and needs no browser. The process-owner web view
 * passes an `overlay` with live counts per state (docs/beheer-en-rapportages.md: live counts per state and overdue bands).
 *
 * Pure: elkjs is plain JavaScript (the bundled build runs in-process, no worker, no I/O).
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkLabel, ElkNode, ElkPoint } from 'elkjs/lib/elk-api';
import { DiagramEdge, DiagramGraph, DiagramNode, Fase, FASE_LABELS, FASEN } from './diagram-graph';

/** Live figures for one state, from the klacht table. */
export interface StateOverlay {
  /** Klachten in this state now. */
  count: number;
  /** Of which past their termijn. */
  overdue: number;
  /** Of which close to their termijn (the reminder has gone out). */
  nearlyDue: number;
  /** Median days the klachten have been in this state. */
  medianDays?: number;
}

/** Keyed by state path, e.g. `gemeente.inBehandeling`. */
export type DiagramOverlay = Record<string, StateOverlay>;

export interface SvgOptions {
  /** Layout direction of the flow (default DOWN). */
  direction?: 'DOWN' | 'RIGHT';
  overlay?: DiagramOverlay;
  /** Title drawn above the diagram; default the graph's label. */
  title?: string;
  /** Draw the legend (default true). */
  legend?: boolean;
  /**
   * Edge labels: `full` (event, guard, description, grondslag, termijnen), `short` (event and guard, or
   * the description for a transition without event) or `none`. The full text is always in the edge's title.
   */
  edgeLabels?: 'full' | 'short' | 'none';
  /** Extra ELK layout options, e.g. `{ 'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX' }`. */
  layoutOptions?: Record<string, string>;
}

interface FaseStyle {
  fill: string;
  stroke: string;
  /** Container fill for compound states. */
  container: string;
  dash?: string;
  strokeWidth: number;
}

/** Second line and special regimes get a dashed, heavier border so they stand out also in greyscale. */
export const FASE_STYLES: Readonly<Record<Fase, FaseStyle>> = {
  intake: { fill: '#eef2f7', stroke: '#5b6b82', container: '#f7f9fb', strokeWidth: 1.4 },
  aanbieder: { fill: '#e3f4f0', stroke: '#1f7a6d', container: '#f3faf8', strokeWidth: 1.4 },
  gemeente: { fill: '#e6effb', stroke: '#2458a6', container: '#f5f8fd', strokeWidth: 1.4 },
  tweedeLijn: { fill: '#f1e9fb', stroke: '#6b3fa0', container: '#faf6fd', strokeWidth: 2.2, dash: '7 3' },
  bijzonder: { fill: '#fdf0e1', stroke: '#b3621b', container: '#fef9f3', strokeWidth: 2.2, dash: '2 3' },
  signaal: { fill: '#fdecea', stroke: '#b3261e', container: '#fef7f6', strokeWidth: 1.8 },
  afgerond: { fill: '#f0f0f0', stroke: '#666666', container: '#fafafa', strokeWidth: 1.4 },
};
const GEEN_FASE: FaseStyle = { fill: '#ffffff', stroke: '#444444', container: '#fcfcfc', strokeWidth: 1.2 };

const BAND_KLEUREN = { opTijd: '#2e7d32', bijnaVerlopen: '#e09b00', teLaat: '#c62828', leeg: '#d0d0d0' };

// Text metrics estimated by character count (no font access in pure code).
const LABEL_FONT = 13;
// Bold 13px DejaVu Sans (the widest common fallback) averages about 7.7px per character.
const LABEL_CHAR = 7.7;
const SMALL_FONT = 10.5;
const SMALL_CHAR = 5.9;
const EDGE_FONT = 10.5;
const EDGE_CHAR = 6.1;
const LINE = 16;
const SMALL_LINE = 13;
/**
 * The smallest font size in the drawing (badges, median days). The web view never shrinks the diagram below the
 * scale at which this is 9 px on screen (`data-kleinste-letter` on the root element).
 */
export const KLEINSTE_LETTER = 10;
const BAND = 6;
const MARGIN = 20;
/** Clock sign for termijnen: U+25F7 is in common fonts (DejaVu, Segoe UI Symbol); ⏱ often is not. */
const KLOK = '\u25F7';

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

/** Round for compact, stable output. */
function r(n: number): string {
  const v = Math.round(n * 10) / 10;
  return Object.is(v, -0) ? '0' : String(v);
}

/** Greedy word wrap at `max` characters, at most `maxLines` lines (the last one cut with an ellipsis). */
export function wrap(text: string, max: number, maxLines = 3): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (!line) line = w;
    else if ((line + ' ' + w).length <= max) line += ' ' + w;
    else {
      lines.push(line);
      line = w;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = kept[maxLines - 1].slice(0, Math.max(1, max - 1)) + '…';
    return kept;
  }
  return lines.map((l) => (l.length > max + 8 ? l.slice(0, max + 7) + '…' : l));
}

interface NodeBox {
  node: DiagramNode;
  labelLines: string[];
  sub: string[];
  /** Transitions that stay in this state, listed inside it (UML internal transitions), one line each. */
  internals: Array<{ edge: DiagramEdge; text: string }>;
  width: number;
  height: number;
  /** Header height of a container. */
  header: number;
}

function isContainer(n: DiagramNode): boolean {
  return (n.type === 'compound' || n.type === 'parallel') && n.children.length > 0;
}

const INTERN = '\u21BB';
/** Height of the internal-transition compartment: a separator and one small line per transition. */
function internalsHeight(box: { internals: unknown[] }): number {
  return box.internals.length ? 6 + box.internals.length * SMALL_LINE : 0;
}

function measure(n: DiagramNode, internalEdges: DiagramEdge[]): NodeBox {
  if (n.type === 'initial') return { node: n, labelLines: [], sub: [], internals: [], width: 16, height: 16, header: 0 };
  const labelLines = wrap(n.label, isContainer(n) ? 40 : 24);
  const sub: string[] = [];
  if (n.grondslag) sub.push(n.grondslag);
  if (n.termijnen.length) sub.push(`${KLOK} ${n.termijnen.join(', ')}`);
  const internals = internalEdges.map((edge) => ({ edge, text: wrap(`${INTERN} ${edge.label}`, 44, 1)[0] }));
  const textW = Math.max(
    ...labelLines.map((l) => l.length * LABEL_CHAR),
    ...sub.map((x) => x.length * SMALL_CHAR),
    ...internals.map((i) => i.text.length * SMALL_CHAR),
    0,
  );
  const box = { node: n, labelLines, sub, internals };
  if (isContainer(n)) {
    const header = 10 + labelLines.length * LINE + sub.length * SMALL_LINE + internalsHeight(box) + 6;
    return { ...box, width: textW + 60, height: header + 20, header };
  }
  const width = Math.max(n.type === 'elkeStap' ? 110 : 130, textW + 28);
  const height = 12 + labelLines.length * LINE + sub.length * SMALL_LINE + internalsHeight(box) + BAND + 8;
  return { ...box, width, height, header: 0 };
}

/**
 * The lines of an edge label: the step's Dutch description (`short`: two lines of it), and in `full` also its
 * grondslag and the termijnen it starts. Never the event type or a guard expression: a gemeente reads what happens.
 */
export function edgeLabelLines(e: DiagramEdge, mode: 'full' | 'short' | 'none' = 'full'): string[] {
  if (e.kind === 'initial' || mode === 'none') return [];
  const lines: string[] = [];
  if (mode === 'short') return wrap(e.label, 28, 2);
  lines.push(...wrap(e.label, 34, 3));
  const tail = [e.grondslag ?? '', e.termijnen.length ? `${KLOK} ${e.termijnen.join(', ')}` : ''].filter(Boolean).join('  ');
  if (tail) lines.push(tail);
  return lines;
}

function faseStyle(n: DiagramNode): FaseStyle {
  return n.fase ? FASE_STYLES[n.fase] : GEEN_FASE;
}

interface Laid {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface LaidEdge {
  edge: DiagramEdge;
  points: ElkPoint[];
  label?: Laid & { lines: string[]; full: boolean };
}

function overlayTitle(o: StateOverlay): string {
  const opTijd = Math.max(0, o.count - o.overdue - o.nearlyDue);
  const parts = [
    `${o.count} ${o.count === 1 ? 'klacht' : 'klachten'}: ${opTijd} op tijd, ${o.nearlyDue} bijna verlopen, ${o.overdue} te laat`,
  ];
  if (o.medianDays !== undefined) parts.push(`mediaan ${o.medianDays} ${o.medianDays === 1 ? 'dag' : 'dagen'} in deze stap`);
  return parts.join('; ');
}

/** Options that change the layout; the others (overlay, title, legend) only change the drawing. */
export type LayoutOptions = Pick<SvgOptions, 'direction' | 'edgeLabels' | 'layoutOptions'>;

/** A laid-out diagram: positions from ELK, ready to be drawn with any overlay. Treat as immutable. */
export interface DiagramLayout {
  graph: DiagramGraph;
  width: number;
  height: number;
  /** @internal */
  boxes: Map<string, NodeBox>;
  /** @internal */
  pos: Map<string, Laid>;
  /** @internal */
  edges: LaidEdge[];
}

/**
 * Node sizes do not depend on the overlay, so live counts never move the layout; the layout is kept per
 * graph object (and layout options) and reused, so redrawing with fresh counts costs no ELK run.
 * Graphs are treated as immutable.
 */
const layoutCache = new WeakMap<DiagramGraph, Map<string, Promise<DiagramLayout>>>();

/** Lay out the graph with ELK and draw it as a standalone SVG document. */
export async function toSvg(graph: DiagramGraph, opts: SvgOptions = {}): Promise<string> {
  const key = JSON.stringify([opts.direction ?? 'DOWN', opts.edgeLabels ?? 'full', opts.layoutOptions ?? {}]);
  let perGraph = layoutCache.get(graph);
  if (!perGraph) layoutCache.set(graph, (perGraph = new Map()));
  let layout = perGraph.get(key);
  if (!layout) {
    layout = layoutDiagram(graph, opts);
    perGraph.set(key, layout);
    // A failed layout is not kept: the next call tries again.
    layout.catch(() => perGraph?.delete(key));
  }
  return renderSvg(await layout, opts);
}

/** Lay out a diagram graph with ELK (layered, compound states as containers). */
export async function layoutDiagram(graph: DiagramGraph, opts: LayoutOptions = {}): Promise<DiagramLayout> {
  const direction = opts.direction ?? 'DOWN';
  // Internal transitions (no target) are listed inside their state rather than drawn as self-loops.
  const internalsOf = new Map<string, DiagramEdge[]>();
  for (const e of graph.edges) if (e.internal) internalsOf.set(e.source, [...(internalsOf.get(e.source) ?? []), e]);
  const boxes = new Map<string, NodeBox>(graph.nodes.map((n) => [n.id, measure(n, internalsOf.get(n.id) ?? [])]));
  const drawnEdges = graph.edges.filter((e) => !e.internal);
  const byParent = new Map<string, DiagramNode[]>();
  for (const n of graph.nodes) byParent.set(n.parent ?? '', [...(byParent.get(n.parent ?? '') ?? []), n]);

  const elkNode = (n: DiagramNode): ElkNode => {
    const box = boxes.get(n.id) as NodeBox;
    if (isContainer(n)) {
      return {
        id: n.id,
        layoutOptions: {
          'elk.padding': `[top=${box.header + 8},left=16,bottom=16,right=16]`,
          'elk.nodeSize.constraints': 'MINIMUM_SIZE',
          'elk.nodeSize.minimum': `(${r(box.width)},${r(box.height)})`,
        },
        children: (byParent.get(n.id) ?? []).map(elkNode),
      };
    }
    return { id: n.id, width: box.width, height: box.height };
  };

  const edgeLabels = new Map<string, string[]>(graph.edges.map((e) => [e.id, edgeLabelLines(e, opts.edgeLabels)]));
  const elkEdges: ElkExtendedEdge[] = drawnEdges.map((e) => {
    const lines = edgeLabels.get(e.id) ?? [];
    const labels: ElkLabel[] = lines.length
      ? [
          {
            id: `${e.id}.label`,
            text: lines.join('\n'),
            width: Math.max(...lines.map((l) => l.length * EDGE_CHAR)) + 10,
            height: lines.length * 13 + 4,
          },
        ]
      : [];
    return { id: e.id, sources: [e.source], targets: [e.target], labels };
  });

  const root: ElkNode = {
    id: '__diagram',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': direction,
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.json.edgeCoords': 'ROOT',
      'elk.json.shapeCoords': 'ROOT',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      // Network simplex gives straighter, more compact layouts for these state graphs than Brandes-Köpf.
      'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
      'elk.layered.spacing.nodeNodeBetweenLayers': '36',
      'elk.layered.spacing.edgeNodeBetweenLayers': '16',
      'elk.layered.spacing.edgeEdgeBetweenLayers': '10',
      'elk.spacing.nodeNode': '28',
      'elk.spacing.edgeNode': '16',
      'elk.spacing.edgeEdge': '10',
      'elk.spacing.edgeLabel': '4',
      'elk.edgeLabels.placement': 'CENTER',
      'elk.padding': '[top=0,left=0,bottom=0,right=0]',
      'elk.randomSeed': '1',
      // The overview (no edge labels) must stay narrow enough to read at 9 px letters with little sideways scrolling.
      // Network simplex straightens edges at any cost in width: one more compound state with edges back up (e.g.
      // bijOmbudsman.kinderombudsman back to jeugdwetKlachtencommissie) shifted whole branches sideways and widened
      // Amsterdam's overview by a fifth. Centred layers bound the width by the widest layer instead.
      ...((opts.edgeLabels ?? 'full') === 'none' ? { 'elk.layered.nodePlacement.strategy': 'SIMPLE' } : {}),
      ...opts.layoutOptions,
    },
    children: (byParent.get('') ?? []).map(elkNode),
    edges: elkEdges,
  };

  const laidOut = await new ELK().layout(root);

  const pos = new Map<string, Laid>();
  const collect = (n: ElkNode): void => {
    for (const c of n.children ?? []) {
      pos.set(c.id, { x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 });
      collect(c);
    }
  };
  collect(laidOut);

  const laidEdges: LaidEdge[] = [];
  const elkEdgeById = new Map<string, ElkExtendedEdge>();
  const collectEdges = (n: ElkNode): void => {
    for (const e of n.edges ?? []) elkEdgeById.set(e.id, e);
    for (const c of n.children ?? []) collectEdges(c);
  };
  collectEdges(laidOut);
  for (const edge of drawnEdges) {
    const le = elkEdgeById.get(edge.id);
    const points: ElkPoint[] = [];
    for (const s of le?.sections ?? []) {
      if (!points.length) points.push(s.startPoint);
      points.push(...(s.bendPoints ?? []), s.endPoint);
    }
    const lab = le?.labels?.[0];
    const lines = edgeLabels.get(edge.id) ?? [];
    laidEdges.push({
      edge,
      points,
      ...(lab && lines.length
        ? {
            label: {
              x: lab.x ?? 0,
              y: lab.y ?? 0,
              width: lab.width ?? 0,
              height: lab.height ?? 0,
              lines,
              full: (opts.edgeLabels ?? 'full') === 'full',
            },
          }
        : {}),
    });
  }

  return { graph, width: laidOut.width ?? 0, height: laidOut.height ?? 0, boxes, pos, edges: laidEdges };
}

/** Draw a laid-out diagram as a standalone SVG document, with the overlay, title and legend given. */
export function renderSvg(layout: DiagramLayout, opts: Pick<SvgOptions, 'overlay' | 'title' | 'legend'> = {}): string {
  const { graph, boxes, pos, edges: laidEdges } = layout;
  // Canvas: diagram, with a title above and the legend below.
  const title = opts.title ?? graph.label;
  const titleH = title ? 34 : 0;
  const diagramW = layout.width;
  const diagramH = layout.height;
  const legend = opts.legend === false ? { svg: '', width: 0, height: 0 } : drawLegend(graph, !!opts.overlay, Math.max(diagramW, 420));
  const width = Math.ceil(Math.max(diagramW, legend.width, title.length * 9) + 2 * MARGIN);
  const height = Math.ceil(MARGIN + titleH + diagramH + (legend.height ? 24 + legend.height : 0) + MARGIN);

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="diagram-titel" data-kleinste-letter="${KLEINSTE_LETTER}" font-family="'Segoe UI', 'DejaVu Sans', Arial, sans-serif" data-machine="${escapeXml(graph.id)}">`,
  );
  out.push(`<title id="diagram-titel">${escapeXml(title || graph.id)}</title>`);
  out.push('<defs>');
  out.push(
    '<marker id="pijl" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#37474f"/></marker>',
  );
  out.push(
    '<marker id="pijl-zacht" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#8a96a3"/></marker>',
  );
  out.push('</defs>');
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  if (title) out.push(`<text x="${MARGIN}" y="${MARGIN + 16}" font-size="17" font-weight="600" fill="#1d2b3a">${escapeXml(title)}</text>`);
  out.push(`<g class="diagram" transform="translate(${MARGIN},${MARGIN + titleH})">`);

  // Containers outermost first, so inner ones are drawn on top; then edges; then the leaf states.
  const containers = graph.nodes.filter(isContainer).sort((a, b) => a.depth - b.depth);
  for (const n of containers) out.push(drawState(n, boxes.get(n.id) as NodeBox, pos.get(n.id), opts.overlay?.[n.id]));
  out.push('<g class="edges">');
  for (const le of laidEdges) out.push(drawEdge(le));
  out.push('</g>');
  for (const n of graph.nodes) {
    if (isContainer(n)) continue;
    out.push(
      n.type === 'initial' ? drawInitial(n, pos.get(n.id)) : drawState(n, boxes.get(n.id) as NodeBox, pos.get(n.id), opts.overlay?.[n.id]),
    );
  }
  // Edge labels last: readable over lines that cross them.
  out.push('<g class="edge-labels">');
  for (const le of laidEdges) if (le.label) out.push(drawEdgeLabel(le));
  out.push('</g>');
  out.push('</g>');
  if (legend.svg) out.push(`<g class="legend" transform="translate(${MARGIN},${r(MARGIN + titleH + diagramH + 24)})">${legend.svg}</g>`);
  out.push('</svg>');
  return out.join('\n') + '\n';
}

function drawInitial(n: DiagramNode, p: Laid | undefined): string {
  if (!p) return '';
  const cx = p.x + p.width / 2;
  const cy = p.y + p.height / 2;
  return `<circle class="initial" data-initial="${escapeXml(n.parent ?? '')}" cx="${r(cx)}" cy="${r(cy)}" r="7" fill="#1d2b3a"><title>start</title></circle>`;
}

function textLines(lines: string[], x: number, y: number, size: number, lh: number, attrs: string): string {
  return lines.map((l, i) => `<text x="${r(x)}" y="${r(y + i * lh)}" font-size="${size}" ${attrs}>${escapeXml(l)}</text>`).join('');
}

function drawState(n: DiagramNode, box: NodeBox, p: Laid | undefined, overlay: StateOverlay | undefined): string {
  if (!p) return '';
  const st = faseStyle(n);
  const container = isContainer(n);
  // Only real states carry class "state" and data-state (the web view keys its overlay on them).
  const pseudo = n.type === 'elkeStap';
  const classes = pseudo ? 'elke-stap' : ['state', n.type, n.fase ? `fase-${n.fase}` : 'fase-geen'].join(' ');
  const titleText = [
    n.label,
    n.grondslag ? `grondslag: ${n.grondslag}` : '',
    n.termijnen.length ? `termijn: ${n.termijnen.join(', ')}` : '',
    overlay ? overlayTitle(overlay) : '',
    n.id,
  ]
    .filter(Boolean)
    .join('\n');
  const attrs = [
    `class="${classes}"`,
    pseudo ? 'data-pseudo="elkeStap"' : `data-state="${escapeXml(n.id)}"`,
    n.fase ? `data-fase="${n.fase}"` : '',
    overlay ? `data-count="${overlay.count}" data-overdue="${overlay.overdue}" data-nearly-due="${overlay.nearlyDue}"` : '',
    overlay?.medianDays !== undefined ? `data-median-days="${overlay.medianDays}"` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const parts: string[] = [`<g ${attrs}>`, `<title>${escapeXml(titleText)}</title>`];
  const dash = st.dash ? ` stroke-dasharray="${st.dash}"` : '';
  const rx = n.type === 'elkeStap' ? Math.min(18, p.height / 2) : container ? 10 : 8;
  const fill = container ? st.container : n.type === 'elkeStap' ? '#ffffff' : st.fill;
  const elkeDash = n.type === 'elkeStap' ? ' stroke-dasharray="4 3"' : dash;
  parts.push(
    `<rect x="${r(p.x)}" y="${r(p.y)}" width="${r(p.width)}" height="${r(p.height)}" rx="${r(rx)}" fill="${fill}" stroke="${st.stroke}" stroke-width="${st.strokeWidth}"${elkeDash}/>`,
  );
  if (n.type === 'final') {
    // Final state: double border.
    parts.push(
      `<rect x="${r(p.x + 4)}" y="${r(p.y + 4)}" width="${r(p.width - 8)}" height="${r(p.height - 8)}" rx="${r(rx - 3)}" fill="none" stroke="${st.stroke}" stroke-width="1.2"/>`,
    );
  }
  if (container) {
    const headerLine = p.y + box.header;
    parts.push(
      `<line x1="${r(p.x)}" y1="${r(headerLine)}" x2="${r(p.x + p.width)}" y2="${r(headerLine)}" stroke="${st.stroke}" stroke-width="0.6" stroke-opacity="0.5"/>`,
    );
    parts.push(textLines(box.labelLines, p.x + 12, p.y + 8 + LABEL_FONT, LABEL_FONT, LINE, `font-weight="600" fill="#1d2b3a"`));
    parts.push(
      textLines(box.sub, p.x + 12, p.y + 8 + box.labelLines.length * LINE + SMALL_FONT + 2, SMALL_FONT, SMALL_LINE, `fill="#4a5866"`),
    );
    parts.push(
      drawInternals(box, p.x + 12, p.y + 8 + box.labelLines.length * LINE + box.sub.length * SMALL_LINE + 4, p.width - 24, 'start', st),
    );
  } else {
    const cx = p.x + p.width / 2;
    const top = p.y + (p.height - BAND - (box.labelLines.length * LINE + box.sub.length * SMALL_LINE + internalsHeight(box))) / 2;
    parts.push(textLines(box.labelLines, cx, top + LABEL_FONT, LABEL_FONT, LINE, `text-anchor="middle" font-weight="600" fill="#1d2b3a"`));
    parts.push(
      textLines(
        box.sub,
        cx,
        top + box.labelLines.length * LINE + SMALL_FONT + 1,
        SMALL_FONT,
        SMALL_LINE,
        `text-anchor="middle" fill="#4a5866"`,
      ),
    );
    parts.push(
      drawInternals(box, p.x + 10, top + box.labelLines.length * LINE + box.sub.length * SMALL_LINE + 4, p.width - 20, 'middle', st),
    );
  }
  if (overlay) parts.push(drawOverlay(overlay, p, container ? box.header : 0));
  parts.push('</g>');
  return parts.join('');
}

/** The internal-transition compartment: a separator, then `↻ EVENT [guard]` per transition, each an edge group. */
function drawInternals(box: NodeBox, x: number, y: number, width: number, anchor: 'start' | 'middle', st: FaseStyle): string {
  if (!box.internals.length) return '';
  const parts: string[] = [
    `<line x1="${r(x)}" y1="${r(y)}" x2="${r(x + width)}" y2="${r(y)}" stroke="${st.stroke}" stroke-width="0.5" stroke-opacity="0.4"/>`,
  ];
  box.internals.forEach(({ edge, text }, i) => {
    const tx = anchor === 'middle' ? x + width / 2 : x;
    parts.push(
      `<g ${edgeAttrs(edge)}><title>${escapeXml(edgeTitle(edge))}</title>` +
        `<text x="${r(tx)}" y="${r(y + 4 + SMALL_FONT + i * SMALL_LINE)}" font-size="${SMALL_FONT}" text-anchor="${anchor}" fill="#263238">${escapeXml(text)}</text></g>`,
    );
  });
  return parts.join('');
}

/** Count badge at the top-right corner and a band op tijd / bijna verlopen / te laat along the bottom (or under a container's header). */
function drawOverlay(o: StateOverlay, p: Laid, header: number): string {
  const parts: string[] = [];
  const count = Math.max(0, o.count);
  const overdue = Math.min(Math.max(0, o.overdue), count);
  const nearly = Math.min(Math.max(0, o.nearlyDue), count - overdue);
  const opTijd = count - overdue - nearly;
  const bandX = p.x + (header ? 1 : 6);
  const bandW = p.width - (header ? 2 : 12);
  const bandY = header ? p.y + header - BAND / 2 : p.y + p.height - BAND - 4;
  parts.push(`<g class="overlay-band">`);
  if (count === 0) {
    parts.push(
      `<rect class="band-leeg" x="${r(bandX)}" y="${r(bandY)}" width="${r(bandW)}" height="${BAND}" rx="2" fill="${BAND_KLEUREN.leeg}"/>`,
    );
  } else {
    let x = bandX;
    const segs: Array<[string, number, string]> = [
      ['band-op-tijd', opTijd, BAND_KLEUREN.opTijd],
      ['band-bijna-verlopen', nearly, BAND_KLEUREN.bijnaVerlopen],
      ['band-te-laat', overdue, BAND_KLEUREN.teLaat],
    ];
    for (const [cls, n, colour] of segs) {
      if (n <= 0) continue;
      const w = (bandW * n) / count;
      parts.push(`<rect class="${cls}" data-n="${n}" x="${r(x)}" y="${r(bandY)}" width="${r(w)}" height="${BAND}" fill="${colour}"/>`);
      x += w;
    }
  }
  parts.push('</g>');
  // Badge: count in a pill on the top-right corner; the median days, if given, in a white segment before it.
  const text = String(count);
  const bw = Math.max(22, text.length * 7.5 + 12);
  const mediaan = o.medianDays !== undefined ? `${o.medianDays} d` : '';
  const mw = mediaan ? mediaan.length * 6.2 + 14 : 0;
  const bx = p.x + p.width - bw + 8;
  const by = p.y - 9;
  const badgeFill = overdue > 0 ? BAND_KLEUREN.teLaat : nearly > 0 ? BAND_KLEUREN.bijnaVerlopen : '#1d2b3a';
  parts.push(`<g class="overlay-badge" data-count="${count}">`);
  if (mediaan) {
    parts.push(
      `<g class="overlay-mediaan"><rect x="${r(bx - mw + 9)}" y="${r(by)}" width="${r(mw)}" height="18" rx="9" fill="#ffffff" stroke="${badgeFill}" stroke-width="1.2"/>`,
    );
    parts.push(
      `<text x="${r(bx - mw / 2 + 6)}" y="${r(by + 13)}" font-size="10" text-anchor="middle" fill="#1d2b3a">${escapeXml(mediaan)}</text></g>`,
    );
  }
  parts.push(
    `<rect x="${r(bx)}" y="${r(by)}" width="${r(bw)}" height="18" rx="9" fill="${badgeFill}" stroke="#ffffff" stroke-width="1.5"/>`,
  );
  parts.push(
    `<text x="${r(bx + bw / 2)}" y="${r(by + 13)}" font-size="11" font-weight="700" text-anchor="middle" fill="#ffffff">${text}</text></g>`,
  );
  return parts.join('');
}

function edgeAttrs(e: DiagramEdge): string {
  return [
    `class="edge ${e.kind}${e.internal ? ' internal' : ''}"`,
    `data-edge="${e.id}"`,
    `data-source="${escapeXml(e.source)}"`,
    `data-target="${escapeXml(e.target)}"`,
    e.event && e.kind === 'event' ? `data-event="${escapeXml(e.event)}"` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function edgeTitle(e: DiagramEdge): string {
  return [
    e.label,
    e.grondslag ? `grondslag: ${e.grondslag}` : '',
    e.termijnen.length ? `start termijn: ${e.termijnen.join(', ')}` : '',
    e.internal ? 'blijft in deze stap' : '',
  ]
    .filter(Boolean)
    .join('\n');
}

function drawEdge(le: LaidEdge): string {
  const e = le.edge;
  if (le.points.length < 2) return '';
  const d = le.points.map((pt, i) => `${i ? 'L' : 'M'}${r(pt.x)},${r(pt.y)}`).join(' ');
  const soft = e.kind === 'always' || e.kind === 'initial' || e.source === '*';
  const dash = e.kind === 'always' ? ' stroke-dasharray="5 3"' : e.source === '*' ? ' stroke-dasharray="2 3"' : '';
  return `<g ${edgeAttrs(e)}><title>${escapeXml(edgeTitle(e))}</title><path d="${d}" fill="none" stroke="${soft ? '#8a96a3' : '#37474f'}" stroke-width="1.3"${dash} marker-end="url(#${soft ? 'pijl-zacht' : 'pijl'})"/></g>`;
}

function drawEdgeLabel(le: LaidEdge): string {
  const l = le.label;
  if (!l) return '';
  const e = le.edge;
  const parts: string[] = [`<g class="edge-label" data-edge="${e.id}">`];
  parts.push(`<rect x="${r(l.x)}" y="${r(l.y)}" width="${r(l.width)}" height="${r(l.height)}" rx="3" fill="#ffffff" fill-opacity="0.92"/>`);
  l.lines.forEach((line, i) => {
    const isTail = l.full && i === l.lines.length - 1 && (!!e.grondslag || e.termijnen.length > 0);
    const attrs = isTail ? 'fill="#6b3fa0" font-style="italic"' : 'fill="#263238"';
    parts.push(
      `<text x="${r(l.x + 4)}" y="${r(l.y + 2 + EDGE_FONT + i * 13)}" font-size="${EDGE_FONT}" ${attrs}>${escapeXml(line)}</text>`,
    );
  });
  parts.push('</g>');
  return parts.join('');
}

function drawLegend(graph: DiagramGraph, overlay: boolean, maxWidth: number): { svg: string; width: number; height: number } {
  const present = new Set(graph.nodes.map((n) => n.fase).filter(Boolean));
  const items: Array<{ width: number; svg: (x: number, y: number) => string }> = [];
  for (const f of FASEN) {
    if (!present.has(f)) continue;
    const st = FASE_STYLES[f];
    const text = FASE_LABELS[f];
    items.push({
      width: 30 + text.length * 6.3 + 18,
      svg: (x, y) =>
        `<g class="legend-fase" data-fase="${f}"><rect x="${r(x)}" y="${r(y)}" width="22" height="14" rx="3" fill="${st.fill}" stroke="${st.stroke}" stroke-width="${st.strokeWidth}"${st.dash ? ` stroke-dasharray="${st.dash}"` : ''}/>` +
        `<text x="${r(x + 30)}" y="${r(y + 11)}" font-size="11" fill="#1d2b3a">${escapeXml(text)}</text></g>`,
    });
  }
  items.push({
    width: 30 + 5 * 6.3 + 18,
    svg: (x, y) =>
      `<g class="legend-start"><circle cx="${r(x + 11)}" cy="${r(y + 7)}" r="6" fill="#1d2b3a"/><text x="${r(x + 30)}" y="${r(y + 11)}" font-size="11" fill="#1d2b3a">start</text></g>`,
  });
  items.push({
    width: 30 + 10 * 6.3 + 18,
    svg: (x, y) =>
      `<g class="legend-eind"><rect x="${r(x)}" y="${r(y)}" width="22" height="14" rx="3" fill="#ffffff" stroke="#444444"/><rect x="${r(x + 3)}" y="${r(y + 3)}" width="16" height="8" rx="2" fill="none" stroke="#444444"/>` +
      `<text x="${r(x + 30)}" y="${r(y + 11)}" font-size="11" fill="#1d2b3a">eindtoestand</text></g>`,
  });
  items.push({
    width: 30 + 22 * 6.3 + 18,
    svg: (x, y) =>
      `<g class="legend-direct"><line x1="${r(x)}" y1="${r(y + 7)}" x2="${r(x + 22)}" y2="${r(y + 7)}" stroke="#8a96a3" stroke-width="1.3" stroke-dasharray="5 3"/>` +
      `<text x="${r(x + 30)}" y="${r(y + 11)}" font-size="11" fill="#1d2b3a">direct (zonder gebeurtenis)</text></g>`,
  });
  if (graph.edges.some((e) => e.internal)) {
    items.push({
      width: 30 + 30 * 6.3 + 18,
      svg: (x, y) =>
        `<g class="legend-intern"><text x="${r(x + 11)}" y="${r(y + 11)}" font-size="12" text-anchor="middle" fill="#263238">${INTERN}</text><text x="${r(x + 30)}" y="${r(y + 11)}" font-size="11" fill="#1d2b3a">gebeurtenis zonder stapwissel</text></g>`,
    });
  }
  if (overlay) {
    const band: Array<[string, string, string]> = [
      ['op-tijd', 'op tijd', BAND_KLEUREN.opTijd],
      ['bijna-verlopen', 'bijna verlopen', BAND_KLEUREN.bijnaVerlopen],
      ['te-laat', 'termijn verstreken', BAND_KLEUREN.teLaat],
    ];
    items.push({
      width: 30 + 'klachten in deze stap (met mediaan dagen)'.length * 6.3 + 18,
      svg: (x, y) =>
        `<g class="legend-badge"><rect x="${r(x)}" y="${r(y - 2)}" width="22" height="18" rx="9" fill="#1d2b3a"/><text x="${r(x + 11)}" y="${r(y + 11)}" font-size="10" font-weight="700" text-anchor="middle" fill="#ffffff">n</text>` +
        `<text x="${r(x + 30)}" y="${r(y + 11)}" font-size="11" fill="#1d2b3a">klachten in deze stap (met mediaan dagen)</text></g>`,
    });
    for (const [cls, text, colour] of band) {
      items.push({
        width: 30 + text.length * 6.3 + 18,
        svg: (x, y) =>
          `<g class="legend-band legend-${cls}"><rect x="${r(x)}" y="${r(y + 4)}" width="22" height="6" fill="${colour}"/><text x="${r(x + 30)}" y="${r(y + 11)}" font-size="11" fill="#1d2b3a">${text}</text></g>`,
      });
    }
  }
  const rowH = 22;
  let x = 0;
  let y = 22;
  let width = 0;
  const svg: string[] = ['<text x="0" y="11" font-size="12" font-weight="600" fill="#1d2b3a">Legenda</text>'];
  for (const it of items) {
    if (x > 0 && x + it.width > maxWidth) {
      x = 0;
      y += rowH;
    }
    svg.push(it.svg(x, y));
    x += it.width;
    width = Math.max(width, x);
  }
  return { svg: svg.join(''), width, height: y + 16 };
}
