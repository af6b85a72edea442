import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DiagramGraph } from '../../machines/diagram';
import { parseXml, allElements } from '../../machines/diagram/testing/xml-check';
import { readMermaid } from '../../machines/diagram/testing/mermaid-check';
import { runCli, CliIo } from '../main';

const ROOT = resolve(__dirname, '../../..');
const AMSTERDAM = 'definitions/gm0363-amsterdam';

async function cli(cwd: string, ...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), cwd };
  const code = await runCli(['diagram', ...argv], io);
  return { code, out, err };
}

describe('klachtregie diagram', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'klachtregie-diagram-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('prints Mermaid to stdout by default for a gemeente folder', async () => {
    const r = await cli(ROOT, AMSTERDAM);
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(1);
    const text = r.out[0];
    expect(text.split('\n')[0]).toBe('stateDiagram-v2');
    const read = readMermaid(text + '\n');
    expect(read.declared.size).toBeGreaterThan(5);
    expect(text).toContain('Amsterdam');
  });

  it('writes each format to --out: Mermaid, SVG that parses as XML, and the JSON graph', async () => {
    const mmd = await cli(ROOT, AMSTERDAM, '--format', 'mermaid', '--out', join(tmp, 'a.mmd'));
    const svg = await cli(ROOT, AMSTERDAM, '--format', 'svg', '--out', join(tmp, 'uit', 'a.svg'));
    const json = await cli(ROOT, AMSTERDAM, '-f', 'json', '-o', join(tmp, 'a.json'));
    for (const r of [mmd, svg, json]) {
      expect(r.code).toBe(0);
      expect(r.out).toEqual([]);
      expect(r.err.join('\n')).toMatch(/geschreven naar .*: \d+ toestanden, \d+ overgangen/);
    }
    const graph = JSON.parse(readFileSync(join(tmp, 'a.json'), 'utf8')) as DiagramGraph;
    const states = graph.nodes.filter((n) => n.type !== 'initial' && n.type !== 'elkeStap').map((n) => n.id);
    expect(states.length).toBeGreaterThan(5);

    const tree = parseXml(readFileSync(join(tmp, 'uit', 'a.svg'), 'utf8'));
    const dataStates = allElements(tree)
      .filter((e) => e.attrs['data-state'] !== undefined)
      .map((e) => e.attrs['data-state']);
    expect(dataStates.sort()).toEqual([...states].sort());

    const mermaid = readFileSync(join(tmp, 'a.mmd'), 'utf8');
    expect(readMermaid(mermaid).declared.size).toBe(states.length + (graph.nodes.some((n) => n.type === 'elkeStap') ? 1 : 0));
  });

  it('accepts one YAML file as well as a folder', async () => {
    const file = readdirSync(join(ROOT, AMSTERDAM)).find((f) => f.endsWith('.yaml')) as string;
    const r = await cli(ROOT, join(AMSTERDAM, file), '--format', 'json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out[0]) as DiagramGraph).nodes.length).toBeGreaterThan(5);
  });

  it('an invalid definition exits 1 with file:line:column errors and draws nothing', async () => {
    const map = join(tmp, 'gm0363-amsterdam');
    cpSync(join(ROOT, AMSTERDAM), map, { recursive: true });
    const file = readdirSync(map).find((f) => f.endsWith('.yaml')) as string;
    const yaml = readFileSync(join(map, file), 'utf8');
    // An unknown top-level key is a schema error (docs/definities.md: unknown keys are refused).
    writeFileSync(join(map, file), `${yaml}\nonbekendeSleutel: 1\n`);
    const uit = join(tmp, 'mag-niet.svg');
    const r = await cli(tmp, 'gm0363-amsterdam', '--format', 'svg', '--out', uit);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([]);
    expect(r.err[0]).toMatch(new RegExp(`^gm0363-amsterdam/${file.replace('.', '\\.')}:\\d+:\\d+: `));
    expect(r.err.join('\n')).toMatch(/er is geen diagram gemaakt/);
    expect(existsSync(uit)).toBe(false);
  });

  it('an unknown format exits 2 with a hint naming the formats', async () => {
    const r = await cli(ROOT, AMSTERDAM, '--format', 'png');
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err[0]).toBe("klachtregie diagram: onbekend formaat 'png': kies --format mermaid, --format svg of --format json.");
  });

  it('usage errors exit 2: no definition, an unknown option, a bad direction', async () => {
    expect((await cli(ROOT)).code).toBe(2);
    expect((await cli(ROOT, AMSTERDAM, '--kleur', 'rood')).code).toBe(2);
    expect((await cli(ROOT, AMSTERDAM, '--richting', 'schuin')).err[0]).toMatch(/kies --richting omlaag of --richting rechts/);
    expect((await cli(ROOT, AMSTERDAM, '--labels', 'lang')).err[0]).toMatch(/kies volledig, kort of geen/);
  });

  it('--labels kort draws two lines of the Dutch description at the arrows, the rest stays in the tooltip', async () => {
    const vol = await cli(ROOT, AMSTERDAM, '--format', 'svg');
    const kort = await cli(ROOT, AMSTERDAM, '--format', 'svg', '--labels', 'kort');
    expect(kort.code).toBe(0);
    const labelText = (svg: string) =>
      allElements(parseXml(svg))
        .filter((e) => e.attrs.class === 'edge-label')
        .map((e) =>
          e.children
            .filter((c) => c.name === 'text')
            .map((c) => c.text)
            .join(' '),
        )
        .join('\n');
    expect(labelText(kort.out[0]).length).toBeLessThan(labelText(vol.out[0]).length * 0.75);
    expect(labelText(kort.out[0])).not.toMatch(/KLACHT_ONTVANGEN|intakeEnRoute/);
    // Titles (tooltips) keep the full text in both.
    const titles = (svg: string) =>
      allElements(parseXml(svg))
        .filter((e) => e.name === 'title')
        .map((e) => e.text);
    expect(titles(kort.out[0])).toEqual(titles(vol.out[0]));
  });

  it('a version that is not in the folder exits 1 and names the versions there', async () => {
    const r = await cli(ROOT, AMSTERDAM, '--versie', '1999-99');
    expect(r.code).toBe(1);
    expect(r.err[0]).toMatch(/versie '1999-99' staat niet in .*\(wel: .+\)/);
  });
});
