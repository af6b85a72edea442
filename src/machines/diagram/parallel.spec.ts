import { stateNodes, toDiagramGraph } from './diagram-graph';
import { parallelVoorbeeldMachine } from './fixtures/parallel-voorbeeld.machine';
import { toMermaid } from './mermaid';
import { toSvg } from './svg';
import { walkConfig } from './testing/config-walk';
import { readMermaid } from './testing/mermaid-check';
import { allElements, parseXml } from './testing/xml-check';

const graph = toDiagramGraph(parallelVoorbeeldMachine);
const raw = walkConfig(parallelVoorbeeldMachine.config);

describe('diagrams of a parallel state (signaal and college side by side)', () => {
  it('the parallel state is a node of type parallel; its regions start at their own initial marker, it has none itself', () => {
    expect(stateNodes(graph).map((n) => [n.id, n.type])).toEqual([
      ['lopend', 'parallel'],
      ['lopend.signaal', 'compound'],
      ['lopend.signaal.gemeld', 'atomic'],
      ['lopend.signaal.afgehandeld', 'final'],
      ['lopend.college', 'compound'],
      ['lopend.college.teInformeren', 'atomic'],
      ['lopend.college.geinformeerd', 'final'],
      ['klaar', 'final'],
    ]);
    expect(stateNodes(graph).map((n) => n.id)).toEqual(raw.states);
    expect(graph.nodes.filter((n) => n.type === 'initial').map((n) => n.id)).toEqual(['[*]', 'lopend.signaal.[*]', 'lopend.college.[*]']);
    expect(graph.edges.filter((e) => e.kind !== 'initial').map((e) => [e.source, e.target, e.label])).toEqual(
      raw.edges.map((e) => [e.source, e.target, e.description]),
    );
  });

  it('Mermaid separates the regions with -- inside the parallel block', () => {
    const m = toMermaid(graph);
    const read = readMermaid(m);
    expect(read.composites.map((c) => c.id)).toEqual(['lopend', 'lopend_signaal', 'lopend_college']);
    const lines = m.split('\n').map((l) => l.trim());
    const divider = lines.indexOf('--');
    expect(divider).toBeGreaterThan(lines.indexOf('state lopend_signaal {'));
    expect(divider).toBeLessThan(lines.indexOf('state lopend_college {'));
    expect(lines.filter((l) => l === '--')).toHaveLength(1);
  });

  it('the SVG draws every state once, regions inside the parallel state', async () => {
    const tree = parseXml(await toSvg(graph));
    const groups = allElements(tree).filter((e) => e.attrs['data-state'] !== undefined);
    expect(groups.map((g) => g.attrs['data-state']).sort()).toEqual([...raw.states].sort());
    expect(groups.find((g) => g.attrs['data-state'] === 'lopend')?.attrs.class).toBe('state parallel fase-signaal');
  });
});
