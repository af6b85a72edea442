/**
 * `klachtregie diagram <definitie>`: draw a definition's regime from its compiled machine
 * (docs/definities.md §5: a diagram of every definition, generated from the machine, not drawn by hand).
 * Mermaid for wiki pages, SVG for documents and the web view, JSON for tools.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadRegistry, type CompiledRegime } from '../../machines';
import { formatError } from '../../machines/definition/loader';
import { regimeDiagramGraph, toMermaid, toSvg } from '../../machines/diagram';
import type { CliCommand, CliIo } from '../main';

const FORMATEN = ['mermaid', 'svg', 'json'] as const;
type Formaat = (typeof FORMATEN)[number];

const USAGE = [
  'Gebruik: klachtregie diagram <definitie> [--format mermaid|svg|json] [--out bestand] [--versie V] [--richting omlaag|rechts] [--labels volledig|kort|geen]',
  '',
  'Tekent het klachtregime van een definitie, gemaakt uit de gecompileerde machine.',
  '<definitie> is een gemeentemap (definitions/gm0363-amsterdam) of één definitiebestand (.yaml).',
  '',
  '  --format mermaid   Mermaid stateDiagram-v2 (standaard), voor wiki en Markdown',
  '  --format svg       SVG-afbeelding met fasekleuren en legenda',
  '  --format json      de diagramgraaf (toestanden en overgangen) als JSON',
  '  --out bestand      schrijf naar een bestand in plaats van naar de uitvoer',
  '  --versie V         welke versie, als de map er meer heeft (standaard de laatst geldende)',
  '  --richting rechts  SVG van links naar rechts in plaats van van boven naar beneden',
  '  --labels kort      SVG met twee regels van de omschrijving van de stap bij de pijlen (de rest staat in de tooltip);',
  '                     --labels geen laat ze weg, --labels volledig (standaard) toont ook grondslag en termijnen',
  '',
  'Voorbeelden:',
  '  klachtregie diagram definitions/gm0363-amsterdam',
  '  klachtregie diagram definitions/gm0363-amsterdam --format svg --out amsterdam.svg',
].join('\n');

function gebruiksfout(io: CliIo, melding: string): number {
  io.err(`klachtregie diagram: ${melding}`);
  io.err('Zie: klachtregie diagram --help');
  return 2;
}

export const command: CliCommand = {
  name: 'diagram',
  summary: 'teken het klachtregime van een definitie (Mermaid, SVG of JSON)',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    let values: { format?: string; out?: string; versie?: string; richting?: string; labels?: string };
    let positionals: string[];
    try {
      ({ values, positionals } = parseArgs({
        args,
        strict: true,
        allowPositionals: true,
        options: {
          format: { type: 'string', short: 'f' },
          out: { type: 'string', short: 'o' },
          versie: { type: 'string' },
          richting: { type: 'string' },
          labels: { type: 'string' },
        },
      }));
    } catch (e) {
      return gebruiksfout(
        io,
        `${e instanceof Error ? e.message : String(e)}. Bekende opties: --format, --out, --versie, --richting, --labels.`,
      );
    }
    const formaat = (values.format ?? 'mermaid') as Formaat;
    if (!FORMATEN.includes(formaat)) {
      return gebruiksfout(io, `onbekend formaat '${values.format}': kies --format mermaid, --format svg of --format json.`);
    }
    const richting = values.richting ?? 'omlaag';
    if (richting !== 'omlaag' && richting !== 'rechts') {
      return gebruiksfout(io, `onbekende richting '${richting}': kies --richting omlaag of --richting rechts.`);
    }
    const labels = { volledig: 'full', kort: 'short', geen: 'none' } as const;
    const labelKeuze = values.labels ?? 'volledig';
    if (!(labelKeuze in labels)) {
      return gebruiksfout(io, `onbekende keuze '${labelKeuze}' voor --labels: kies volledig, kort of geen.`);
    }
    if (positionals.length !== 1) {
      return gebruiksfout(
        io,
        positionals.length === 0
          ? 'geef één definitie op: een gemeentemap (definitions/gm0363-amsterdam) of een .yaml-bestand.'
          : `geef één definitie op, niet ${positionals.length}: ${positionals.join(', ')}.`,
      );
    }
    const pad = isAbsolute(positionals[0]) ? positionals[0] : resolve(io.cwd, positionals[0]);

    const registry = loadRegistry(pad);
    if (registry.errors.length > 0) {
      for (const e of registry.errors)
        formatError({ ...e, file: relative(io.cwd, e.file) || e.file })
          .split('\n')
          .forEach((l) => io.err(l));
      io.err(`\n${registry.errors.length} fout${registry.errors.length === 1 ? '' : 'en'} gevonden; er is geen diagram gemaakt.`);
      return 1;
    }
    let regimes = registry.regimes;
    if (values.versie !== undefined) {
      regimes = regimes.filter((r) => r.summary.versie === values.versie);
      if (regimes.length === 0) {
        const bekend = registry.regimes.map((r) => r.summary.versie).join(', ') || 'geen';
        io.err(`klachtregie diagram: versie '${values.versie}' staat niet in ${positionals[0]} (wel: ${bekend}).`);
        return 1;
      }
    }
    if (regimes.length === 0) {
      io.err(`klachtregie diagram: geen definitie gevonden in ${positionals[0]}.`);
      return 1;
    }
    if (new Set(regimes.map((r) => r.summary.gemeente.cbsCode)).size > 1) {
      io.err(`klachtregie diagram: ${positionals[0]} bevat definities van meer gemeenten; geef één gemeentemap of één bestand op.`);
      return 2;
    }
    // The version in force last: latest geldigVanaf (ISO dates sort as text).
    const regime = [...regimes]
      .sort((a, b) => a.summary.geldigVanaf.localeCompare(b.summary.geldigVanaf) || a.summary.versie.localeCompare(b.summary.versie))
      .at(-1) as CompiledRegime;
    if (regimes.length > 1) {
      io.err(
        `Let op: ${regimes.length} versies (${regimes.map((r) => r.summary.versie).join(', ')}); getekend: ${regime.summary.versie}. Kies een andere met --versie.`,
      );
    }

    const graph = regimeDiagramGraph(regime);
    let tekst: string;
    if (formaat === 'mermaid') tekst = toMermaid(graph);
    else if (formaat === 'svg')
      tekst = await toSvg(graph, {
        direction: richting === 'rechts' ? 'RIGHT' : 'DOWN',
        edgeLabels: labels[labelKeuze as keyof typeof labels],
      });
    else tekst = JSON.stringify(graph, null, 2) + '\n';

    if (values.out !== undefined) {
      const doel = isAbsolute(values.out) ? values.out : resolve(io.cwd, values.out);
      mkdirSync(dirname(doel), { recursive: true });
      writeFileSync(doel, tekst, 'utf8');
      const getoond = relative(io.cwd, doel);
      io.err(
        `Diagram (${formaat}) geschreven naar ${getoond && !getoond.startsWith('..') ? getoond : doel}: ${graph.nodes.filter((n) => n.type !== 'initial' && n.type !== 'elkeStap').length} toestanden, ${graph.edges.filter((e) => e.kind !== 'initial').length} overgangen.`,
      );
    } else {
      io.out(tekst.replace(/\n$/, ''));
    }
    return 0;
  },
};
