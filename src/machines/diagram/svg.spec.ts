import { stateNodes, toDiagramGraph } from './diagram-graph';
import { AWB_VOORBEELD_STATE_PATHS, awbVoorbeeldMachine } from './fixtures/awb-voorbeeld.machine';
import { DiagramOverlay, layoutDiagram, renderSvg, toSvg } from './svg';
import { walkConfig } from './testing/config-walk';
import { allElements, parseXml, textContent, XmlElement } from './testing/xml-check';

const graph = toDiagramGraph(awbVoorbeeldMachine);
const overlay: DiagramOverlay = {
  'gemeente.inBehandeling.onderzoek': { count: 12, overdue: 2, nearlyDue: 3, medianDays: 14 },
  aanbieder: { count: 4, overdue: 0, nearlyDue: 0 },
  gemeente: { count: 20, overdue: 2, nearlyDue: 5 },
  tweedeLijn: { count: 0, overdue: 0, nearlyDue: 0 },
};

let svg: string;
let svgOverlay: string;
let tree: XmlElement;
beforeAll(async () => {
  svg = await toSvg(graph);
  svgOverlay = await toSvg(graph, { overlay });
  tree = parseXml(svg);
});

const num = (el: XmlElement, a: string): number => Number(el.attrs[a]);
const stateGroups = (root: XmlElement): XmlElement[] =>
  allElements(root).filter((e) => e.name === 'g' && e.attrs['data-state'] !== undefined);

describe('toSvg', () => {
  it('the SVG is well-formed XML with width, height and a matching viewBox', () => {
    expect(tree.name).toBe('svg');
    expect(tree.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
    const w = num(tree, 'width');
    const h = num(tree, 'height');
    expect(w).toBeGreaterThan(200);
    expect(h).toBeGreaterThan(200);
    expect(tree.attrs.viewBox).toBe(`0 0 ${w} ${h}`);
    expect(() => parseXml(svgOverlay)).not.toThrow();
  });

  it('the XML check itself refuses unbalanced tags, bare ampersands and unquoted attributes', () => {
    expect(() => parseXml('<svg><g></svg>')).toThrow(/does not close/);
    expect(() => parseXml('<svg><text>a & b</text></svg>')).toThrow(/bare '&'/);
    expect(() => parseXml('<svg width=10></svg>')).toThrow(/unquoted/);
    expect(() => parseXml('<svg><g>')).toThrow(/never closed/);
  });

  it('every state appears exactly once as a group with class "state", data-state and a title; every data-state is a state path', () => {
    const groups = stateGroups(tree);
    expect(groups.map((g) => g.attrs['data-state'])).toEqual(
      // Containers are drawn first (outer to inner), then the other states in document order.
      [
        ...stateNodes(graph)
          .filter((n) => n.type === 'compound')
          .sort((a, b) => a.depth - b.depth)
          .map((n) => n.id),
        ...stateNodes(graph)
          .filter((n) => n.type !== 'compound')
          .map((n) => n.id),
      ],
    );
    expect(groups.map((g) => g.attrs['data-state']).sort()).toEqual([...AWB_VOORBEELD_STATE_PATHS].sort());
    for (const g of groups) {
      expect(g.attrs.class.split(' ')).toContain('state');
      const title = g.children.find((c) => c.name === 'title');
      const node = graph.nodes.find((n) => n.id === g.attrs['data-state']);
      expect(title && textContent(title).split('\n')[0]).toBe(node?.label);
    }
  });

  it('each state shows its Dutch label, and special characters survive escaping', () => {
    const hoor = stateGroups(tree).find((g) => g.attrs['data-state'] === 'gemeente.inBehandeling.hoorzitting') as XmlElement;
    expect(
      hoor.children
        .filter((c) => c.name === 'text')
        .map(textContent)
        .join(' '),
    ).toBe('Hoorzitting <verslag volgt> Awb 9:10 lid 3');
    expect(svg).toContain('Hoorzitting &lt;verslag');
    const onderzoek = stateGroups(tree).find((g) => g.attrs['data-state'] === 'gemeente.inBehandeling.onderzoek') as XmlElement;
    expect(textContent(onderzoek)).toContain('Onderzoek & hoor');
  });

  it('final states have a double border; compound states contain their children', () => {
    const rects = (g: XmlElement) => g.children.filter((c) => c.name === 'rect');
    const boxOf = (path: string) => rects(stateGroups(tree).find((g) => g.attrs['data-state'] === path) as XmlElement)[0];
    for (const n of stateNodes(graph)) {
      const g = stateGroups(tree).find((x) => x.attrs['data-state'] === n.id) as XmlElement;
      expect(rects(g).length).toBe(n.type === 'final' ? 2 : 1);
      if (!n.parent) continue;
      const inner = boxOf(n.id);
      const outer = boxOf(n.parent);
      expect(num(inner, 'x')).toBeGreaterThanOrEqual(num(outer, 'x'));
      expect(num(inner, 'y')).toBeGreaterThanOrEqual(num(outer, 'y'));
      expect(num(inner, 'x') + num(inner, 'width')).toBeLessThanOrEqual(num(outer, 'x') + num(outer, 'width'));
      expect(num(inner, 'y') + num(inner, 'height')).toBeLessThanOrEqual(num(outer, 'y') + num(outer, 'height'));
    }
    // One filled start dot per compound state and one for the machine.
    const dots = allElements(tree).filter((e) => e.name === 'circle' && e.attrs.class === 'initial');
    expect(dots.map((d) => d.attrs['data-initial'])).toEqual([
      '',
      'gemeente',
      'gemeente.inBehandeling',
      'gemeente.inBehandeling.adviescommissie',
      'afgerond',
    ]);
  });

  it('every transition is drawn as a path with an arrowhead and its label; one that stays in its state is listed inside it', () => {
    const edgeGroups = allElements(tree).filter((e) => e.name === 'g' && (e.attrs.class ?? '').split(' ')[0] === 'edge');
    expect(edgeGroups.map((g) => g.attrs['data-edge']).sort()).toEqual(graph.edges.map((e) => e.id).sort());
    const raw = walkConfig(awbVoorbeeldMachine.config).edges;
    const labelGroups = allElements(tree).filter((e) => e.name === 'g' && e.attrs.class === 'edge-label');
    const labelOf = (id: string) => textContent(labelGroups.find((l) => l.attrs['data-edge'] === id) as XmlElement);
    for (const e of graph.edges) {
      const g = edgeGroups.find((x) => x.attrs['data-edge'] === e.id) as XmlElement;
      expect([g.attrs['data-source'], g.attrs['data-target']]).toEqual([e.source, e.target]);
      if (e.internal) {
        // UML internal transition: a line `↻ description` inside the state's own group.
        const owner = stateGroups(tree).find((s) => s.attrs['data-state'] === e.source) as XmlElement;
        expect(allElements(owner)).toContain(g);
        expect(textContent(g)).toContain(`↻ ${e.label.split(' ')[0]}`);
        expect(textContent(g)).not.toContain(e.event);
        continue;
      }
      const path = g.children.find((c) => c.name === 'path') as XmlElement;
      expect(path.attrs.d).toMatch(/^M[\d.-]+,[\d.-]+( L[\d.-]+,[\d.-]+)+$/);
      expect(path.attrs['marker-end']).toMatch(/^url\(#pijl/);
      if (e.kind === 'initial') continue;
      const label = labelOf(e.id);
      // The step's Dutch description, never the event type or a guard expression (what a gemeente reads).
      if (e.kind === 'event') expect(label).not.toContain(e.event);
      if (e.guard) expect(label).not.toContain(e.guard);
      expect(label.replace(/\s+/g, ' ')).toContain(e.label.split(' ')[0]);
      if (e.grondslag) expect(label).toContain(e.grondslag);
    }
    expect(raw.length).toBe(graph.edges.filter((e) => e.kind !== 'initial').length);
  });

  it('overlay badges render the given counts, and the band splits op tijd / bijna verlopen / te laat', () => {
    const t = parseXml(svgOverlay);
    const groups = stateGroups(t);
    const g = (path: string) => groups.find((x) => x.attrs['data-state'] === path) as XmlElement;
    const badge = (path: string) => allElements(g(path)).find((e) => e.attrs.class === 'overlay-badge');
    const band = (path: string) => allElements(g(path)).filter((e) => (e.attrs.class ?? '').startsWith('band-'));

    const onderzoek = g('gemeente.inBehandeling.onderzoek');
    expect(onderzoek.attrs).toMatchObject({ 'data-count': '12', 'data-overdue': '2', 'data-nearly-due': '3', 'data-median-days': '14' });
    expect(badge('gemeente.inBehandeling.onderzoek')?.attrs['data-count']).toBe('12');
    expect(textContent(badge('gemeente.inBehandeling.onderzoek') as XmlElement)).toBe('14 d12');
    expect(band('gemeente.inBehandeling.onderzoek').map((b) => [b.attrs.class, b.attrs['data-n']])).toEqual([
      ['band-op-tijd', '7'],
      ['band-bijna-verlopen', '3'],
      ['band-te-laat', '2'],
    ]);
    // Segment widths are proportional to the counts.
    const widths = band('gemeente.inBehandeling.onderzoek').map((b) => num(b, 'width'));
    expect(widths[0] / widths[2]).toBeCloseTo(7 / 2, 0);
    expect(textContent(onderzoek.children.find((c) => c.name === 'title') as XmlElement)).toContain(
      '12 klachten: 7 op tijd, 3 bijna verlopen, 2 te laat; mediaan 14 dagen',
    );

    expect(textContent(badge('aanbieder') as XmlElement)).toBe('4');
    expect(band('aanbieder').map((b) => b.attrs.class)).toEqual(['band-op-tijd']);
    expect(textContent(badge('gemeente') as XmlElement)).toBe('20');
    expect(textContent(badge('tweedeLijn') as XmlElement)).toBe('0');
    expect(band('tweedeLijn').map((b) => b.attrs.class)).toEqual(['band-leeg']);
    // States without figures get no badge; the plain SVG has none at all.
    expect(badge('jeugdwet')).toBeUndefined();
    expect(svg).not.toContain('overlay-badge');
  });

  it('fase colours come with a legend; second line and special regimes are dashed', () => {
    const legend = allElements(tree)
      .filter((e) => e.attrs.class === 'legend-fase')
      .map((e) => e.attrs['data-fase']);
    expect(legend).toEqual(['intake', 'aanbieder', 'gemeente', 'tweedeLijn', 'bijzonder', 'afgerond']);
    const rectOf = (path: string) =>
      stateGroups(tree)
        .find((x) => x.attrs['data-state'] === path)
        ?.children.find((c) => c.name === 'rect') as XmlElement;
    expect(rectOf('tweedeLijn').attrs['stroke-dasharray']).toBeDefined();
    expect(rectOf('jeugdwet').attrs['stroke-dasharray']).toBeDefined();
    expect(rectOf('gemeente.ontvangstBevestigen').attrs['stroke-dasharray']).toBeUndefined();
    expect(rectOf('tweedeLijn').attrs.stroke).not.toBe(rectOf('jeugdwet').attrs.stroke);
  });

  it('live counts never move the layout: a new overlay redraws every state in the same place', async () => {
    const positions = (svgText: string) =>
      stateGroups(parseXml(svgText)).map((g) => {
        const rect = g.children.find((c) => c.name === 'rect') as XmlElement;
        return [g.attrs['data-state'], rect.attrs.x, rect.attrs.y, rect.attrs.width, rect.attrs.height];
      });
    const anders = await toSvg(graph, { overlay: { aanbieder: { count: 99, overdue: 50, nearlyDue: 10, medianDays: 200 } } });
    expect(positions(anders)).toEqual(positions(svg));
    expect(positions(svgOverlay)).toEqual(positions(svg));
    // toSvg is layoutDiagram + renderSvg (the layout is computed once per graph and reused).
    const layout = await layoutDiagram(graph);
    expect(renderSvg(layout, { overlay })).toBe(svgOverlay);
    expect(renderSvg(layout)).toBe(svg);
  });

  it('is deterministic: the same graph gives byte-identical SVG, also laid out left to right', async () => {
    expect(await toSvg(toDiagramGraph(awbVoorbeeldMachine))).toBe(svg);
    const right = await toSvg(graph, { direction: 'RIGHT' });
    expect(right).not.toBe(svg);
    expect(stateGroups(parseXml(right))).toHaveLength(AWB_VOORBEELD_STATE_PATHS.length);
  });
});
