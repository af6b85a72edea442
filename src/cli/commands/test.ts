/**
 * `klachtregie test <definities> <scenario's...>`: runs every scenario (files or folders of suites)
 * on the virtual clock against the regime that applies to its intake and checks what it expects after
 * each step. Prints ✓/✗ per scenario and, for each failed expectation, `file:line:column`, what was
 * expected and what happened. Exit 0 when every expectation holds, 1 otherwise (CI).
 */
import { isAbsolute, relative, resolve } from 'node:path';
import type { CliCommand, CliIo } from '../main';
import { formatError } from '../../machines/definition/loader';
import { laadRegimes } from '../../machines/engine/laad-regimes';
import { beoordeelScenario, kiesRegime, leesScenarioPad, scenarioBestanden, tijdlijnRegels } from '../scenario';

const USAGE = [
  'Gebruik: klachtregie test <definities> <scenario-bestand-of-map>... [--stil]',
  '',
  'Speelt elk scenario af op een virtuele klok en controleert wat het na elke stap verwacht',
  '(verwacht: stap, termijnen, intents, geweigerd, verlopen, ...). Alleen wat er staat, wordt gecontroleerd.',
  '  <definities>   de map definitions (of één gemeentemap): per scenario geldt de versie op de ontvangstdatum',
  '  <scenario>     een scenariobestand of een map; in een map telt elk *.yaml-bestand',
  '  --stil         bij een mislukt scenario niet de hele tijdlijn tonen',
  '',
  'Exitcode 0 als alles klopt, 1 bij een afwijking of een fout in een scenario, 2 bij verkeerd gebruik.',
  '',
  'Voorbeeld: klachtregie test definitions scenarios',
].join('\n');

export const command: CliCommand = {
  name: 'test',
  summary: "controleer scenario's met verwachtingen tegen de definities (voor CI)",
  usage: USAGE,
  async run(args, io: CliIo) {
    const stil = args.includes('--stil');
    const pos = args.filter((a) => !a.startsWith('-'));
    if (pos.length < 2) {
      io.err('klachtregie test: geef de definities en minstens één scenario of map, bijvoorbeeld: klachtregie test definitions scenarios');
      return 2;
    }
    const [defPad, ...scenPaden] = pos.map((p) => (isAbsolute(p) ? p : resolve(io.cwd, p)));
    const rel = (f: string) => relative(io.cwd, f) || f;
    const { bestanden, ontbreekt } = scenarioBestanden(scenPaden);
    if (ontbreekt.length) {
      for (const p of ontbreekt) io.err(`klachtregie test: '${rel(p)}' bestaat niet`);
      return 2;
    }
    if (bestanden.length === 0) {
      io.err(`klachtregie test: geen scenario's (*.yaml) gevonden in ${scenPaden.map(rel).join(', ')}`);
      return 2;
    }
    const { regimes, errors } = laadRegimes([defPad]);
    if (errors.length) {
      for (const e of errors)
        formatError({ ...e, file: rel(e.file) })
          .split('\n')
          .forEach((l) => io.err(l));
      io.err(`\n${errors.length} fout${errors.length === 1 ? '' : 'en'} in de definities; los die eerst op (klachtregie validate).`);
      return 1;
    }

    let geslaagd = 0;
    let mislukt = 0;
    let foutBestanden = 0;
    for (const file of bestanden) {
      const { bestand, errors: fouten } = leesScenarioPad(file);
      if (!bestand) {
        foutBestanden += 1;
        io.out(`${rel(file)}`);
        io.out(`  ✗ het bestand is geen geldig scenario:`);
        for (const e of fouten)
          formatError({ ...e, file: rel(e.file) })
            .split('\n')
            .forEach((l) => io.out(`      ${l}`));
        continue;
      }
      io.out(`${rel(file)}${bestand.suite ? ` — ${bestand.suite}` : ''}`);
      for (const scenario of bestand.scenarios) {
        const regime = kiesRegime(regimes, scenario.intake);
        const oordeel = beoordeelScenario(bestand, scenario, regime);
        if (oordeel.geslaagd) {
          geslaagd += 1;
          io.out(`  ✓ ${oordeel.naam}`);
          continue;
        }
        mislukt += 1;
        io.out(
          `  ✗ ${oordeel.naam}${oordeel.uitslag && regime ? `  (${regime.summary.gemeente.naam}, versie ${regime.summary.versie})` : ''}`,
        );
        for (const m of oordeel.meldingen) {
          io.out(`      ${rel(file)}:${m.line}:${m.column}: ${m.melding}`);
          for (const t of m.toelichting ?? []) io.out(`          ${t}`);
        }
        if (!stil && oordeel.uitslag) {
          io.out('      wat er gebeurde:');
          for (const r of oordeel.uitslag.uitkomst.tijdlijn) tijdlijnRegels(r).forEach((l) => io.out(`        ${l}`));
          const eind = oordeel.uitslag.uitkomst.eind;
          io.out(
            `        eindstand: ${eind.state}${eind.done ? ', afgesloten' : ''}${eind.termijnen.length ? `; lopend: ${eind.termijnen.map((t) => `${t.naam} ${t.vervaldatum}`).join(', ')}` : ''}`,
          );
        }
      }
    }
    const totaal = geslaagd + mislukt;
    io.out('');
    io.out(
      `${totaal} scenario${totaal === 1 ? '' : "'s"}: ${geslaagd} geslaagd, ${mislukt} mislukt` +
        (foutBestanden ? `; ${foutBestanden} bestand${foutBestanden === 1 ? '' : 'en'} met fouten` : ''),
    );
    return mislukt || foutBestanden ? 1 : 0;
  },
};
