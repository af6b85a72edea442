import { DiagramEdge, guardName, isState, stateNodes, toDiagramGraph } from './diagram-graph';
import { AWB_VOORBEELD_STATE_PATHS, awbVoorbeeldMachine } from './fixtures/awb-voorbeeld.machine';
import { walkConfig } from './testing/config-walk';

const graph = toDiagramGraph(awbVoorbeeldMachine);

function trigger(e: DiagramEdge): string {
  return e.kind === 'always' ? 'always' : e.kind === 'done' ? 'done' : e.event;
}

describe('toDiagramGraph', () => {
  it('every state of the machine appears exactly once as a node, by full path', () => {
    const ids = stateNodes(graph).map((n) => n.id);
    expect(ids).toEqual(AWB_VOORBEELD_STATE_PATHS);
    expect(new Set(ids).size).toBe(ids.length);
    // And the same list read straight from the raw config.
    expect(ids).toEqual(walkConfig(awbVoorbeeldMachine.config).states);
  });

  it('every state carries its Dutch label, fase, grondslag, termijnen and parent from the machine', () => {
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    expect(byId.get('gemeente.ontvangstBevestigen')).toMatchObject({
      label: 'Ontvangst bevestigen',
      parent: 'gemeente',
      type: 'atomic',
      fase: 'gemeente',
      grondslag: 'Awb 9:6',
      termijnen: ['afhandeling'],
      initial: true,
      depth: 2,
    });
    expect(byId.get('gemeente.inBehandeling.adviescommissie')).toMatchObject({
      type: 'compound',
      parent: 'gemeente.inBehandeling',
      depth: 3,
      children: ['gemeente.inBehandeling.adviescommissie.horen', 'gemeente.inBehandeling.adviescommissie.advies'],
    });
    expect(byId.get('tweedeLijn')).toMatchObject({ fase: 'tweedeLijn', termijnen: ['tweedeLijnVerzoek'] });
    expect(byId.get('afgerond.ingetrokken')).toMatchObject({ type: 'final', fase: 'afgerond' });
    expect(byId.get('ontvangen')?.parent).toBeUndefined();
  });

  it('every transition (on, always, onDone, machine-level, targetless) appears as an edge with its Dutch label and grondslag', () => {
    const expected = walkConfig(awbVoorbeeldMachine.config).edges.map((e) => [e.source, e.trigger, e.target, e.description, e.grondslag]);
    const actual = graph.edges.filter((e) => e.kind !== 'initial').map((e) => [e.source, trigger(e), e.target, e.label, e.grondslag]);
    expect(actual).toEqual(expected);
    expect(actual).toHaveLength(20);
  });

  it('cross-branch (#id) and nested targets resolve to full state paths', () => {
    const edge = (source: string, event: string) => graph.edges.find((e) => e.source === source && e.event === event);
    expect(edge('gemeente', 'KLAGER_TEVREDEN')?.target).toBe('afgerond.informeelAfgedaan');
    expect(edge('gemeente.inBehandeling', 'TERMIJN_VERLOPEN')?.target).toBe('tweedeLijn');
    expect(edge('aanbieder', 'AANBIEDER_AFGEHANDELD')?.target).toBe('afgerond.afgedaan');
    // Awb 9:5: withdrawal holds in every state; drawn from one "vanuit elke stap" node.
    expect(edge('*', 'KLACHT_INGETROKKEN')?.target).toBe('afgerond.ingetrokken');
    expect(graph.nodes.find((n) => n.id === '*')).toMatchObject({ type: 'elkeStap', label: 'vanuit elke stap' });
  });

  it('a transition without target is an internal self-loop (Awb 9:11 lid 2 verdaging keeps the state)', () => {
    const verdagen = graph.edges.find((e) => e.event === 'VERDAGEN');
    expect(verdagen).toMatchObject({
      source: 'gemeente.inBehandeling',
      target: 'gemeente.inBehandeling',
      internal: true,
      grondslag: 'Awb 9:11 lid 2',
    });
  });

  it('guards are named: plain, composed (and/not) and inline', () => {
    const guards = graph.edges.filter((e) => e.guard).map((e) => [e.source, e.guard]);
    expect(guards).toEqual([
      ['ontvangen', 'doorsturenNaarAanbieder'],
      ['aanbieder', 'and(isAanbiederTermijn, not(klagerTevreden))'],
      ['gemeente.inBehandeling', 'isAfhandelTermijn'],
      ['gemeente.inBehandeling.onderzoek', 'metAdviescommissie'],
      ['tweedeLijn', 'inline'],
    ]);
  });

  it('parameterised guards show their params', () => {
    expect(guardName({ type: 'termijnVerlopen', params: { termijn: 'afhandeling', max: 4 } })).toBe(
      'termijnVerlopen(termijn=afhandeling, max=4)',
    );
    expect(guardName({ type: 'klagerTevreden', params: {} })).toBe('klagerTevreden');
    expect(guardName(undefined)).toBeUndefined();
  });

  it('each compound state (and the machine) has one initial marker pointing at its initial child', () => {
    const markers = graph.nodes.filter((n) => n.type === 'initial');
    expect(markers.map((m) => m.id)).toEqual([
      '[*]',
      'gemeente.[*]',
      'gemeente.inBehandeling.[*]',
      'gemeente.inBehandeling.adviescommissie.[*]',
      'afgerond.[*]',
    ]);
    const initialEdges = graph.edges.filter((e) => e.kind === 'initial').map((e) => [e.source, e.target]);
    expect(initialEdges).toEqual([
      ['[*]', 'ontvangen'],
      ['gemeente.[*]', 'gemeente.ontvangstBevestigen'],
      ['gemeente.inBehandeling.[*]', 'gemeente.inBehandeling.onderzoek'],
      ['gemeente.inBehandeling.adviescommissie.[*]', 'gemeente.inBehandeling.adviescommissie.horen'],
      ['afgerond.[*]', 'afgerond.afgedaan'],
    ]);
    for (const m of markers) expect(isState(m)).toBe(false);
  });

  it('edge termijnen are the termijnen the target state starts', () => {
    const naarAanbieder = graph.edges.find((e) => e.source === 'ontvangen' && e.target === 'aanbieder');
    expect(naarAanbieder?.termijnen).toEqual(['aanbiederAfhandeling']);
    const naarCommissie = graph.edges.find((e) => e.target === 'gemeente.inBehandeling.adviescommissie');
    expect(naarCommissie?.termijnen).toEqual(['afhandelingMetCommissie']);
    expect(graph.edges.find((e) => e.event === 'UITSPRAAK_GEDAAN')?.termijnen).toEqual([]);
    // afhandeling already runs in ontvangstBevestigen: entering inBehandeling does not start it again.
    expect(graph.nodes.find((n) => n.id === 'gemeente.inBehandeling')?.termijnen).toEqual(['afhandeling']);
    expect(graph.edges.find((e) => e.event === 'ONTVANGST_BEVESTIGD')?.termijnen).toEqual([]);
  });

  it('every edge connects nodes of the graph, and ids are unique', () => {
    const ids = new Set(graph.nodes.map((n) => n.id));
    expect(ids.size).toBe(graph.nodes.length);
    for (const e of graph.edges) {
      expect(ids.has(e.source)).toBe(true);
      expect(ids.has(e.target)).toBe(true);
    }
    expect(new Set(graph.edges.map((e) => e.id)).size).toBe(graph.edges.length);
  });

  it('is deterministic: the same machine gives the same JSON, with the title from the machine or the options', () => {
    expect(JSON.stringify(toDiagramGraph(awbVoorbeeldMachine))).toBe(JSON.stringify(graph));
    expect(graph.label).toBe('Voorbeeldregime Awb 9.1 (test)');
    expect(toDiagramGraph(awbVoorbeeldMachine, { title: 'Amsterdam 2026-1' }).label).toBe('Amsterdam 2026-1');
  });
});
