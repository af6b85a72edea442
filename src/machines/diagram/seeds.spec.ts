/**
 * The diagrams of every seed definition (definitions/), compiled by the real compiler: every state
 * and every transition of each machine is drawn, in the graph, the Mermaid text and the SVG.
 */
import { resolve } from 'node:path';
import type { AnyStateMachine } from 'xstate';
import { loadRegistry } from '../index';
import { DiagramOverlay, FASEN, layoutDiagram, stateNodes, toDiagramGraph, toMermaid, toSvg } from './index';
import { walkConfig } from './testing/config-walk';
import { readMermaid } from './testing/mermaid-check';
import { allElements, parseXml, textContent } from './testing/xml-check';

const registry = loadRegistry(resolve(__dirname, '../../../definitions'));

describe('diagrams of the seed definitions', () => {
  it('the seeds load without errors', () => {
    expect(registry.errors).toEqual([]);
    expect(registry.regimes.map((r) => r.summary.id).sort()).toEqual([
      'gm0363-amsterdam',
      'gm0457-weesp',
      'gm1696-wijdemeren',
      'gm1904-stichtse-vecht',
    ]);
  });

  describe.each(registry.regimes.map((r) => [r.summary.id, r] as const))('%s', (_id, regime) => {
    const machine = regime.machine as AnyStateMachine;
    const graph = toDiagramGraph(machine);
    const raw = walkConfig(machine.config);
    const mermaidId = (p: string) => (p === '*' ? 'elkeStap' : p.replace(/\./g, '_'));

    it('every state appears exactly once as a node, with a Dutch label and a known fase', () => {
      const ids = stateNodes(graph).map((n) => n.id);
      expect(ids).toEqual(raw.states);
      for (const n of stateNodes(graph)) {
        expect(n.label).not.toBe(n.key); // the compiler gives every state a description
        expect(FASEN).toContain(n.fase);
      }
    });

    it('every transition appears as an edge with its Dutch label', () => {
      const edges = graph.edges.filter((e) => e.kind !== 'initial');
      const trigger = (k: string, ev: string) => (k === 'always' ? 'always' : k === 'done' ? 'done' : ev);
      expect(edges.map((e) => [e.source, trigger(e.kind, e.event), e.target])).toEqual(
        raw.edges.map((e) => [e.source, e.trigger, e.target]),
      );
      edges.forEach((e, i) => {
        expect(e.label).toBe(raw.edges[i].description ?? e.event);
        expect(e.label).not.toBe('');
      });
    });

    it('the Mermaid declares every state once, balances its blocks and draws every transition', () => {
      const read = readMermaid(toMermaid(graph));
      expect([...read.declared.keys()].filter((k) => k !== 'elkeStap')).toEqual(raw.states.map(mermaidId));
      const drawn = read.transitions.filter((t) => t.from !== '[*]' && t.to !== '[*]');
      expect(drawn.map((t) => [t.from, t.to])).toEqual(raw.edges.map((e) => [mermaidId(e.source), mermaidId(e.target)]));
    });

    it('the SVG parses as XML, has one group per state, and overlay badges show the given counts', async () => {
      const overlay: DiagramOverlay = {};
      stateNodes(graph).forEach((n, i) => {
        overlay[n.id] = { count: i + 1, overdue: i % 2, nearlyDue: i % 3 === 0 ? 1 : 0 };
      });
      const tree = parseXml(await toSvg(graph, { overlay }));
      const groups = allElements(tree).filter((e) => e.attrs['data-state'] !== undefined);
      expect(groups.map((g) => g.attrs['data-state']).sort()).toEqual([...raw.states].sort());
      for (const g of groups) {
        expect(g.attrs.class.split(' ')).toContain('state');
        const badge = allElements(g).find((e) => e.attrs.class === 'overlay-badge');
        expect(badge && textContent(badge)).toBe(String(overlay[g.attrs['data-state']].count));
      }
      const edgeIds = allElements(tree)
        .filter((e) => e.name === 'g' && (e.attrs.class ?? '').split(' ')[0] === 'edge')
        .map((e) => e.attrs['data-edge']);
      expect(edgeIds.sort()).toEqual(graph.edges.map((e) => e.id).sort());
    });

    it('the overview (only the steps) is at most half as wide as the drawing with the steps at the arrows, every state in it', async () => {
      // The process owner reads the overview at 9 px letters with a fraction of the full drawing's sideways scrolling
      // (the web view's 'Overzicht: alleen de stappen'); a wider overview means the layout spread it, not its content.
      const overzicht = await layoutDiagram(graph, { edgeLabels: 'none' });
      const volledig = await layoutDiagram(graph, { edgeLabels: 'short' });
      expect(overzicht.width).toBeLessThanOrEqual(volledig.width / 2);
      expect(stateNodes(graph).filter((n) => !overzicht.pos.has(n.id))).toEqual([]);
    });
  });
});
