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
import { controleerKoppelingen, leesCatalogus, type CatalogusExport } from '../../zgw-mapping';

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
    '',
    'Staat naast een definitie een zgw-koppeling (<gemeentemap>/zgw/<versie>.yaml), dan wordt die ook',
    'gecontroleerd: stappen en termijnen tegen de definitie, en met --zgw-catalogus <export.json> de',
    'namen van zaaktype, statustypen, resultaattypen, roltypen en informatieobjecttype tegen de catalogus',
    'van de gemeente (een export van de Catalogi API, te maken met: klachtregie zgw catalogus).',
  ].join('\n'),
  async run(args, io) {
    const optie = args.indexOf('--zgw-catalogus');
    const catalogusBestand = optie >= 0 ? args[optie + 1] : undefined;
    if (optie >= 0 && (!catalogusBestand || catalogusBestand.startsWith('-'))) {
      io.err('klachtregie validate: --zgw-catalogus verwacht een bestand, bijvoorbeeld: --zgw-catalogus catalogus.json');
      return 2;
    }
    const paden = args.filter((a, i) => !a.startsWith('-') && !(optie >= 0 && i === optie + 1));
    let catalogus: CatalogusExport | undefined;
    if (catalogusBestand) {
      try {
        catalogus = leesCatalogus(isAbsolute(catalogusBestand) ? catalogusBestand : resolve(io.cwd, catalogusBestand));
      } catch (e) {
        io.err(`klachtregie validate: de catalogus kon niet worden gelezen: ${e instanceof Error ? e.message : String(e)}`);
        return 1;
      }
    }
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
    const { definities } = resultaat;
    // The ZGW koppeling of every valid definition (src/zgw-mapping), against the catalogus when given.
    const zgw = controleerKoppelingen(definities, catalogus);
    const errors = [...resultaat.errors, ...zgw.errors];
    // Warnings do not refuse a definition (the service loads it too), but the author should read them.
    for (const w of resultaat.waarschuwingen)
      formatError({ ...w, file: relative(io.cwd, w.file) || w.file })
        .split('\n')
        .forEach((l) => io.err(l));
    if (errors.length > 0) {
      for (const e of errors)
        formatError({ ...e, file: relative(io.cwd, e.file) || e.file })
          .split('\n')
          .forEach((l) => io.err(l));
      io.err(`\n${errors.length} fout${errors.length === 1 ? '' : 'en'} gevonden.`);
      return 1;
    }
    const gemeenten = new Set(definities.map((d) => d.definitie.gemeente.cbsCode));
    const stappen = [...standaardStappen, ...COMPILER_STAPPEN].sort((a, b) => a.volgorde - b.volgorde).map((s) => s.naam);
    if (zgw.aantal) stappen.push(`zgw-koppeling${catalogus ? ' tegen de catalogus' : ''} (${zgw.aantal})`);
    io.out(
      `OK: ${definities.length} definitie${definities.length === 1 ? '' : 's'} van ${gemeenten.size} gemeente${gemeenten.size === 1 ? '' : 'n'} ` +
        `${definities.length === 1 ? 'is' : 'zijn'} geldig (gecontroleerd: ${stappen.join(', ')})` +
        (resultaat.waarschuwingen.length
          ? `, met ${resultaat.waarschuwingen.length} waarschuwing${resultaat.waarschuwingen.length === 1 ? '' : 'en'} (hierboven).`
          : '.'),
    );
    for (const d of definities) {
      const def = d.definitie;
      io.out(
        `  ${relative(io.cwd, d.file)}  ${def.gemeente.cbsCode} ${def.gemeente.naam}, versie ${def.versie}, geldig ${def.geldigVanaf} t/m ${def.geldigTot ?? '(open)'}`,
      );
    }
    return 0;
  },
};
