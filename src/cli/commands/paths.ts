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
import { allePaden, groepeerPaden, type PadGroep } from '../../machines/graph/paden';
import { beschrijfDuur, parseDuur } from '../../machines/termijnen';

const USAGE = [
  'Gebruik: klachtregie paths <definitie> [--max N] [--samenvatting]',
  '',
  'Toont elke route (zonder herhaling van een stap) van ontvangst tot afronding, met per stap de',
  'gebeurtenis, de grondslag en de termijnen die onderweg gaan lopen.',
  '  <definitie>  een definitiebestand (definitions/gm0363-amsterdam/2015-01.yaml) of een gemeentemap',
  '  --max N      toon hooguit N paden per definitie (standaard 20000)',
  '  --samenvatting  alleen de aantallen routes per ontvangstroute, lijn (eerste lijn, tweede lijn, bijzondere',
  '               wettelijke route) en uitkomst: past op één scherm',
].join('\n');

function duur(d: string): string {
  try {
    return beschrijfDuur(parseDuur(d));
  } catch {
    return d;
  }
}

const BREEDTE = 120;

/** An outcome in a few words: the final state's description without its explanation in brackets. */
function kort(omschrijving: string): string {
  return omschrijving.replace(/\s*\(.*\)\s*$/, '').trim();
}

/**
 * The summary: one line per intake route with its count, then one line per line (eerste lijn, ...) with the
 * count per outcome; wrapped at 120 characters so it fits a terminal.
 */
export function samenvatting(groepen: PadGroep[]): string[] {
  const uit: string[] = [];
  const routes = [...new Set(groepen.map((g) => g.route))];
  for (const route of routes) {
    const vanRoute = groepen.filter((g) => g.route === route);
    const totaal = vanRoute.reduce((n, g) => n + g.aantal, 0);
    uit.push(`${vanRoute[0].routeOmschrijving}: ${totaal} route${totaal === 1 ? '' : 's'}`);
    for (const lijn of [...new Set(vanRoute.map((g) => g.lijn))]) {
      const rij = vanRoute.filter((g) => g.lijn === lijn);
      const n = rij.reduce((t, g) => t + g.aantal, 0);
      const kop = `  ${rij[0].lijnOmschrijving}: ${n} — `;
      let regel = kop;
      const delen = rij.map((g) => `${kort(g.uitkomstOmschrijving)} ${g.aantal}`);
      delen.forEach((d, i) => {
        const stuk = d + (i < delen.length - 1 ? ', ' : '');
        if (regel.length + stuk.length > BREEDTE && regel.trim().length > kop.trim().length) {
          uit.push(regel.trimEnd());
          regel = ' '.repeat(kop.length);
        }
        regel += stuk;
      });
      uit.push(regel.trimEnd());
    }
  }
  return uit;
}

export const command: CliCommand = {
  name: 'paths',
  summary: 'toon elke route van ontvangst tot afronding, met termijnen en grondslag',
  usage: USAGE,
  async run(args, io) {
    const paden = args.filter((a, i) => !a.startsWith('-') && args[i - 1] !== '--max');
    const samenvatten = args.includes('--samenvatting');
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
      if (samenvatten) {
        io.out('Per ontvangstroute, lijn en uitkomst (aantal routes); zonder --samenvatting staat elke route er stap voor stap.');
        io.out('');
        for (const regel of samenvatting(groepeerPaden(gevonden, (st) => regime.beschrijfState(st)))) io.out(regel);
        continue;
      }
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
