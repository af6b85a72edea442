/**
 * `klachtregie paths <definitie>`: every simple path from intake to a final state, in Dutch: the steps
 * (state descriptions), the events and transitions with their legal ground, and the termijnen set on
 * the way (docs/adr/0004-durable-klacht-engine.md path coverage; a check for beleidsmedewerkers).
 */
import { isAbsolute, relative, resolve } from 'node:path';
import type { CliCommand } from '../main';
import { formatError } from '../../machines/definition/loader';
import { laadRegimes } from '../../machines/engine/laad-regimes';
import { omschrijvingVan } from '../../machines/compiler/gebeurtenissen';
import { allePaden } from '../../machines/graph/paden';
import { beschrijfDuur, parseDuur } from '../../machines/termijnen';

const USAGE = [
  'Gebruik: klachtregie paths <definitie> [--max N]',
  '',
  'Toont elke route (zonder herhaling van een stap) van ontvangst tot afronding, met per stap de',
  'gebeurtenis, de grondslag en de termijnen die onderweg gaan lopen.',
  '  <definitie>  een definitiebestand (definitions/gm0363-amsterdam/2015-01.yaml) of een gemeentemap',
  '  --max N      toon hooguit N paden per definitie (standaard 20000)',
].join('\n');

function duur(d: string): string {
  try {
    return beschrijfDuur(parseDuur(d));
  } catch {
    return d;
  }
}

export const command: CliCommand = {
  name: 'paths',
  summary: 'toon elke route van ontvangst tot afronding, met termijnen en grondslag',
  usage: USAGE,
  async run(args, io) {
    const paden = args.filter((a, i) => !a.startsWith('-') && args[i - 1] !== '--max');
    const maxArg = args.indexOf('--max');
    const max = maxArg >= 0 ? Number(args[maxArg + 1]) : 20000;
    if (paden.length !== 1 || !Number.isInteger(max) || max < 1) {
      io.err(
        'klachtregie paths: geef één definitiebestand of gemeentemap op, bijvoorbeeld: klachtregie paths definitions/gm0363-amsterdam',
      );
      return 2;
    }
    const pad = isAbsolute(paden[0]) ? paden[0] : resolve(io.cwd, paden[0]);
    const { regimes, errors } = laadRegimes([pad]);
    if (errors.length) {
      for (const e of errors)
        formatError({ ...e, file: relative(io.cwd, e.file) || e.file })
          .split('\n')
          .forEach((l) => io.err(l));
      io.err(`\n${errors.length} fout${errors.length === 1 ? '' : 'en'} gevonden; los die eerst op (klachtregie validate).`);
      return 1;
    }
    for (const regime of regimes) {
      const s = regime.summary;
      const { paden: gevonden, afgekapt } = allePaden(regime, max);
      io.out(
        `${s.gemeente.naam} (${s.gemeente.cbsCode}), versie ${s.versie}, geldig vanaf ${s.geldigVanaf}: ${gevonden.length} route${gevonden.length === 1 ? '' : 's'} van ontvangst tot afronding${afgekapt ? ` (afgekapt op ${max})` : ''}`,
      );
      gevonden.forEach((p, i) => {
        io.out('');
        io.out(
          `Route ${i + 1}: ${p.stappen.length} stap${p.stappen.length === 1 ? '' : 'pen'}, eindigt in '${regime.beschrijfState(p.eind)}'`,
        );
        p.stappen.forEach((st, j) => {
          io.out(`  ${j + 1}. ${st.event} — ${omschrijvingVan(st.event)}`);
          io.out(`     ${st.omschrijving}${st.grondslag ? ` [${st.grondslag}]` : ''}`);
          io.out(`     ${st.vanOmschrijving} -> ${st.naarOmschrijving}`);
          for (const t of st.termijnenGezet) io.out(`     termijn gaat lopen: ${t.label} (${duur(t.duur)}) [${t.grondslag}]`);
        });
      });
      io.out('');
    }
    return 0;
  },
};
