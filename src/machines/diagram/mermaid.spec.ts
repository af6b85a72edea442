import { stateNodes, toDiagramGraph } from './diagram-graph';
import { AWB_VOORBEELD_STATE_PATHS, awbVoorbeeldMachine } from './fixtures/awb-voorbeeld.machine';
import { edgeLabelText, mermaidText, toMermaid } from './mermaid';
import { walkConfig } from './testing/config-walk';
import { readMermaid } from './testing/mermaid-check';

const graph = toDiagramGraph(awbVoorbeeldMachine);
const mermaid = toMermaid(graph);
const lines = mermaid.trimEnd().split('\n');

/**
 * Reads the Mermaid text back the way Mermaid's stateDiagram grammar does for the constructs we emit,
 * failing on anything its lexer would split differently (see the rules quoted per check).
 */
describe('toMermaid', () => {
  const read = readMermaid(mermaid);

  it('the Mermaid has balanced composite blocks, nested as the machine nests its states', () => {
    const opens = lines.filter((l) => /\{$/.test(l)).length;
    const closes = lines.filter((l) => l.trim() === '}').length;
    expect(opens).toBe(closes);
    expect(read.composites).toEqual([
      { id: 'gemeente', parent: '' },
      { id: 'gemeente_inBehandeling', parent: 'gemeente' },
      { id: 'gemeente_inBehandeling_adviescommissie', parent: 'gemeente_inBehandeling' },
      { id: 'afgerond', parent: '' },
    ]);
  });

  it('every state is declared exactly once, inside its parent block, with its Dutch label and grondslag', () => {
    const states = [...read.declared.entries()].filter(([id]) => id !== 'elkeStap');
    expect(states.map(([id]) => id)).toEqual(AWB_VOORBEELD_STATE_PATHS.map((p) => p.replace(/\./g, '_')));
    for (const n of stateNodes(graph)) {
      const d = read.declared.get(n.id.replace(/\./g, '_'));
      expect(d?.parent).toBe(n.parent ? n.parent.replace(/\./g, '_') : '');
      expect(d?.label).toBe(n.grondslag ? `${n.label} (${n.grondslag})` : n.label);
    }
  });

  it('every transition appears with its Dutch description [grondslag] and the termijnen it starts, without event type or guard', () => {
    const raw = walkConfig(awbVoorbeeldMachine.config).edges;
    const drawn = read.transitions.filter((t) => t.from !== '[*]' && t.to !== '[*]');
    expect(drawn).toHaveLength(raw.length);
    const id = (p: string) => (p === '*' ? 'elkeStap' : p.replace(/\./g, '_'));
    raw.forEach((e, i) => {
      expect([drawn[i].from, drawn[i].to]).toEqual([id(e.source), id(e.target)]);
      if (e.trigger !== 'always' && e.trigger !== 'done') expect(drawn[i].label).not.toContain(`${e.trigger}`);
      expect(drawn[i].label).toContain(e.description ?? '');
      expect(drawn[i].label).toContain(`[${e.grondslag}]`);
    });
    expect(mermaid).toContain(
      'ontvangen --> aanbieder : Doorsturen naar de aanbieder#58; één aanbieder, niet complex [Klachtenprotocol Wmo §4] ⏱ aanbiederAfhandeling',
    );
    expect(mermaid).toContain(
      'gemeente_inBehandeling --> gemeente_inBehandeling : Afhandeling verdagen, ten hoogste 4 weken [Awb 9#58;11 lid 2]',
    );
  });

  it('termijnen are also shown as notes next to the state they run in', () => {
    expect(mermaid).toContain('note right of gemeente_ontvangstBevestigen : ⏱ termijn afhandeling');
    expect(toMermaid(graph, { notes: false })).not.toContain('note right of');
    // A termijn that runs in the parent is noted once, at the parent, not at each child.
    const ouder = { ...graph, nodes: graph.nodes.map((n) => (n.id === 'gemeente' ? { ...n, termijnen: ['afhandeling'] } : n)) };
    const m = toMermaid(ouder);
    expect(m).toContain('note right of gemeente : ⏱ termijn afhandeling');
    expect(m).not.toContain('note right of gemeente_ontvangstBevestigen');
    expect(m).not.toContain('note right of gemeente_inBehandeling :');
  });

  it('initial and final markers are [*] inside the composite they belong to', () => {
    const initials = read.transitions.filter((t) => t.from === '[*]').map((t) => [t.block, t.to]);
    expect(initials).toEqual([
      ['gemeente_inBehandeling_adviescommissie', 'gemeente_inBehandeling_adviescommissie_horen'],
      ['gemeente_inBehandeling', 'gemeente_inBehandeling_onderzoek'],
      ['gemeente', 'gemeente_ontvangstBevestigen'],
      ['afgerond', 'afgerond_afgedaan'],
      ['', 'ontvangen'],
    ]);
    const finals = read.transitions.filter((t) => t.to === '[*]').map((t) => t.from);
    expect(finals.sort()).toEqual(
      stateNodes(graph)
        .filter((n) => n.type === 'final')
        .map((n) => n.id.replace(/\./g, '_'))
        .sort(),
    );
  });

  it('characters that would end a Mermaid label are written as entity codes', () => {
    expect(mermaidText('Awb 9:11; "niet" #1 <b> 100% {x}')).toBe('Awb 9#58;11#59; #quot;niet#quot; #35;1 #lt;b#gt; 100#37; #123;x#125;');
    expect(mermaid).toContain('state "Hoorzitting #lt;verslag volgt#gt; (Awb 9#58;10 lid 3)" as gemeente_inBehandeling_hoorzitting');
    expect(mermaid).toContain('Verslag #35;1 opgesteld#59; naar beslissing');
  });

  it('edge labels leave out what is not there: an always transition has no event', () => {
    const always = graph.edges.find((e) => e.kind === 'always' && !e.guard);
    expect(always && edgeLabelText(always)).toBe('Behandelen door de gemeente [Awb 9:1 lid 1]');
  });

  it('the Mermaid check itself refuses what Mermaid would misread', () => {
    expect(() => readMermaid('stateDiagram-v2\n    state a {\n')).toThrow(/unclosed blocks/);
    expect(() => readMermaid('stateDiagram-v2\n    a --> b : Awb 9:11\n')).toThrow(/unexpected Mermaid line/);
    expect(() => readMermaid('stateDiagram-v2\n    state "x" as a\n    state "y" as a\n')).toThrow(/declared twice/);
    expect(() => readMermaid('stateDiagram-v2\n    a --> b : verslag #1\n')).toThrow(/comment/);
  });

  it('is deterministic', () => {
    expect(toMermaid(toDiagramGraph(awbVoorbeeldMachine))).toBe(mermaid);
  });
});
