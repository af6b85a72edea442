/**
 * `klachtregie validate <bestand-of-map>...`: checks definitions before anything runs (docs/definities.md).
 * Exit 0 with a short summary when valid; exit 1 with every error as `file:line:column: message`
 * and a `-> hint` line (paths relative to the working directory).
 */
import { isAbsolute, relative, resolve } from 'node:path';
import type { CliCommand } from '../main';
import { formatError } from '../../machines/definition/loader';
import { loadAndValidate, standaardStappen, type ValidatieStap } from '../../machines/definition/validate';
import { graafStap } from '../../machines';

/** The graph stage (every state reachable, a final state reachable) comes from the compiler. */
const COMPILER_STAPPEN: ValidatieStap[] = [graafStap];

export const command: CliCommand = {
  name: 'validate',
  summary: 'controleer definities (schema, verwijzingen, graaf, wettelijke regels)',
  usage: [
    'Gebruik: klachtregie validate <bestand-of-map>...',
    '',
    'Controleert definitiebestanden: een bestand (definitions/gm0363-amsterdam/2015-01.yaml),',
    'een gemeentemap (definitions/gm0363-amsterdam) of de hele map (definitions).',
    'Elke fout staat als bestand:regel:kolom: melding, met eronder wat u in plaats daarvan schrijft.',
  ].join('\n'),
  async run(args, io) {
    const paden = args.filter((a) => !a.startsWith('-'));
    if (paden.length === 0) {
      io.err('klachtregie validate: geef een bestand of map op, bijvoorbeeld: klachtregie validate definitions');
      return 2;
    }
    const absoluut = paden.map((p) => (isAbsolute(p) ? p : resolve(io.cwd, p)));
    let resultaat: ReturnType<typeof loadAndValidate>;
    try {
      resultaat = loadAndValidate(absoluut, COMPILER_STAPPEN);
    } catch (e) {
      // Bad input must never end in a stack trace; the loader reports known problems as file:line:column.
      io.err(`klachtregie validate: de definities konden niet worden gelezen: ${e instanceof Error ? e.message : String(e)}`);
      io.err('Controleer het bestand met een YAML-editor en probeer het opnieuw; blijft dit gebeuren, meld het dan met dit bestand.');
      return 1;
    }
    const { definities, errors } = resultaat;
    if (errors.length > 0) {
      for (const e of errors) formatError({ ...e, file: relative(io.cwd, e.file) || e.file }).split('\n').forEach((l) => io.err(l));
      io.err(`\n${errors.length} fout${errors.length === 1 ? '' : 'en'} gevonden.`);
      return 1;
    }
    const gemeenten = new Set(definities.map((d) => d.definitie.gemeente.cbsCode));
    const stappen = [...standaardStappen, ...COMPILER_STAPPEN].sort((a, b) => a.volgorde - b.volgorde).map((s) => s.naam);
    io.out(
      `OK: ${definities.length} definitie${definities.length === 1 ? '' : 's'} van ${gemeenten.size} gemeente${gemeenten.size === 1 ? '' : 'n'} ` +
        `zijn geldig (gecontroleerd: ${stappen.join(', ')}).`,
    );
    for (const d of definities) {
      const def = d.definitie;
      io.out(`  ${relative(io.cwd, d.file)}  ${def.gemeente.cbsCode} ${def.gemeente.naam}, versie ${def.versie}, geldig ${def.geldigVanaf} t/m ${def.geldigTot ?? '(open)'}`);
    }
    return 0;
  },
};
