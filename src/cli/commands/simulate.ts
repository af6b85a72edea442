/**
 * `klachtregie simulate <definitie> <scenario.yaml>`: runs a scenario (intake plus events at dates) on
 * a virtual clock and prints the timeline: date, event, from -> to, termijnen set or moved, reminders,
 * escalations and intents. Expired termijnen fire TERMIJN_VERLOPEN before the next event, as the
 * service's jobs would. A suite file (scenarios: [...]) prints every scenario's timeline; `test`
 * checks the expectations written in it.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import type { CliCommand } from '../main';
import { formatError } from '../../machines/definition/loader';
import { laadRegimes } from '../../machines/engine/laad-regimes';
import { simuleer } from '../../machines/engine/simulatie';
import { kiesRegime, leesScenarioPad, tijdlijnRegels } from '../scenario';

const VOORBEELD = 'klachtregie simulate definitions/gm0363-amsterdam scenarios/gm0363-amsterdam/levensloop.yaml';

const USAGE = [
  'Gebruik: klachtregie simulate <definitie> <scenario.yaml>',
  '',
  'Speelt een scenario af op een virtuele klok en toont de tijdlijn.',
  '  <definitie>    een definitiebestand of gemeentemap (de versie die geldt op de ontvangstdatum)',
  '  <scenario>     YAML met intake: {...} en gebeurtenissen: [ { op: 2026-04-02, event: VERDAGEN, data: {...} } ],',
  '                 of een suite (suite:, scenarios: [...]); dan volgt de tijdlijn van elk scenario',
  '',
  `Voorbeeld: ${VOORBEELD}`,
  'Verwachtingen in het scenario controleren: klachtregie test (zie klachtregie test --help).',
].join('\n');

export const command: CliCommand = {
  name: 'simulate',
  summary: 'speel een scenario af op een virtuele klok en toon de tijdlijn',
  usage: USAGE,
  async run(args, io) {
    const pos = args.filter((a) => !a.startsWith('-'));
    if (pos.length !== 2) {
      io.err(`klachtregie simulate: geef een definitie en een scenario, bijvoorbeeld: ${VOORBEELD}`);
      return 2;
    }
    const [defPad, scenPad] = pos.map((p) => (isAbsolute(p) ? p : resolve(io.cwd, p)));
    const { bestand, errors: scenFouten } = leesScenarioPad(scenPad);
    if (!bestand) {
      for (const e of scenFouten)
        formatError({ ...e, file: relative(io.cwd, e.file) || e.file })
          .split('\n')
          .forEach((l) => io.err(l));
      return 2;
    }
    const { regimes, errors } = laadRegimes([defPad]);
    if (errors.length) {
      for (const e of errors)
        formatError({ ...e, file: relative(io.cwd, e.file) || e.file })
          .split('\n')
          .forEach((l) => io.err(l));
      io.err(`\n${errors.length} fout${errors.length === 1 ? '' : 'en'} in de definitie; los die eerst op (klachtregie validate).`);
      return 1;
    }
    let geweigerd = 0;
    for (const [n, scenario] of bestand.scenarios.entries()) {
      if (n > 0) io.out('');
      const regime = kiesRegime(regimes, scenario.intake);
      if (!regime) {
        io.err(
          `geen definitie voor gemeente ${scenario.intake.gemeente} geldt op ${scenario.intake.ontvangenOp} (controleer intake.gemeente en de geldigheid van de definitie)`,
        );
        return 1;
      }
      const feitenFouten = regime.controles.controleerFeiten(scenario.intake.feiten);
      if (feitenFouten.length) {
        for (const f of feitenFouten) io.err(`intake.${f.name}: ${f.reason}`);
        return 1;
      }
      const s = regime.summary;
      const naam = scenario.naam ? `${scenario.naam}\n` : '';
      io.out(`${naam}${s.gemeente.naam} (${s.gemeente.cbsCode}), versie ${s.versie}`);
      const uitkomst = simuleer(regime, scenario);
      for (const r of uitkomst.tijdlijn) tijdlijnRegels(r).forEach((l) => io.out(l));
      const eind = uitkomst.eind;
      io.out('');
      io.out(`Eindstand: ${eind.state} (${regime.beschrijfState(eind.state)})${eind.done ? ', afgesloten' : ''}`);
      for (const t of eind.termijnen) io.out(`  lopende termijn: ${t.label} (${t.naam}) vervalt ${t.vervaldatum}`);
      if (eind.volgendeEvents.length) io.out(`  mogelijk nu: ${eind.volgendeEvents.join(', ')}`);
      geweigerd += uitkomst.geweigerd;
    }
    if (geweigerd) {
      io.err(`${geweigerd} gebeurtenis${geweigerd === 1 ? '' : 'sen'} geweigerd.`);
      return 1;
    }
    return 0;
  },
};
