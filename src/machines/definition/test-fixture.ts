/**
 * A small, valid definition as YAML lines, for specs that assert exact `line:column` positions.
 * Line numbers are stable: `metRegel(n, tekst)` replaces line n, `invoegen(n, ...)` inserts before it.
 * (Used by specs only; kept out of the spec glob so several specs can share it.)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DefinitionError } from '../contract';
import { loadAndValidate } from './validate';

export const BASIS: readonly string[] = [
  /*  1 */ '# yaml-language-server: $schema=../klachtregie-definitie.schema.json',
  /*  2 */ 'gemeente:',
  /*  3 */ '  cbsCode: GM0355',
  /*  4 */ '  naam: Zeist',
  /*  5 */ "versie: '2024-01'",
  /*  6 */ 'geldigVanaf: 2024-01-01',
  /*  7 */ 'bron: Klachtenregeling Testdam 2024',
  /*  8 */ 'feiten:',
  /*  9 */ '  complex:',
  /* 10 */ '    type: boolean',
  /* 11 */ '    omschrijving: De klacht is complex',
  /* 12 */ '  gerichtAan:',
  /* 13 */ '    type: keuze',
  /* 14 */ '    waarden: [gemeente, aanbieder]',
  /* 15 */ '    omschrijving: Tot wie de klager zich richt',
  /* 16 */ 'eersteLijn:',
  /* 17 */ '  standaard: gemeente',
  /* 18 */ '  behandelingDoorGemeente:',
  /* 19 */ '    een:',
  /* 20 */ '      - { feit: complex }',
  /* 21 */ '      - { feit: gerichtAan, is: gemeente }',
  /* 22 */ '  gemeenteLoket: KCC',
  /* 23 */ '  klachtOverAfhandelingAanbiederBijGemeente: true',
  /* 24 */ 'termijnen:',
  /* 25 */ '  afhandeling:',
  /* 26 */ '    label: Afhandeltermijn',
  /* 27 */ '    duur: P6W',
  /* 28 */ '    rekenwijze: kalenderdagen',
  /* 29 */ '    atw: true',
  /* 30 */ '    verdagingMax: P4W',
  /* 31 */ "    grondslag: 'Awb 9:11'",
  /* 32 */ '  nietBehandelenKennisgeving:',
  /* 33 */ '    label: Kennisgeving niet-behandelen',
  /* 34 */ '    duur: P4W',
  /* 35 */ '    rekenwijze: kalenderdagen',
  /* 36 */ '    atw: true',
  /* 37 */ "    grondslag: 'Awb 9:8 lid 3'",
  /* 38 */ '  tweedeLijnVerzoek:',
  /* 39 */ '    label: Verzoek ombudsman',
  /* 40 */ '    duur: P1Y',
  /* 41 */ '    rekenwijze: kalenderdagen',
  /* 42 */ '    atw: false',
  /* 43 */ "    grondslag: 'Awb 9:24'",
  /* 44 */ 'stappen:',
  /* 45 */ '  informeleFase: true',
  /* 46 */ '  horen: true',
  /* 47 */ 'tweedeLijn:',
  /* 48 */ '  - soort: nationaleOmbudsman',
  /* 49 */ '    naam: Nationale ombudsman',
  /* 50 */ '    geldigVanaf: 2024-01-01',
  /* 51 */ '    bevoegdOverAanbieders: false',
  /* 52 */ 'rapportage:',
  /* 53 */ '  jaarverslag: true',
  /* 54 */ 'bewaartermijnen:',
  /* 55 */ '  gemeente: P5Y',
];

/** Lines of BASIS with line `n` (1-based) replaced; several replacements as [n, tekst] pairs. */
export function metRegels(...vervangingen: Array<[number, string]>): string[] {
  const lines = [...BASIS];
  for (const [n, tekst] of vervangingen) lines[n - 1] = tekst;
  return lines;
}

/**
 * BASIS lines with the aanbieder's own handling term, after the other termijnen (line 44 on shifts by six): without
 * it a klacht filed at the aanbieder has no term (a warning). Lines before 44 keep their numbers.
 */
export function metAanbiederTermijn(lines: readonly string[]): string[] {
  return invoegen(
    lines,
    44,
    '  aanbiederAfhandeling:',
    '    label: Afhandeling door de aanbieder',
    '    duur: P6W',
    '    rekenwijze: kalenderdagen',
    '    atw: false',
    "    grondslag: 'contract'",
  );
}

/** Inserts lines before line `n` (1-based). */
export function invoegen(lines: readonly string[], n: number, ...nieuw: string[]): string[] {
  return [...lines.slice(0, n - 1), ...nieuw, ...lines.slice(n - 1)];
}

/** Temp dirs made in this spec file (jest gives each spec file its own module registry). */
const tijdelijk: string[] = [];

/** A fresh temp dir, removed again by `ruimTijdelijkeMappenOp` (call it from afterEach/afterAll). */
export function tijdelijkeMap(voorvoegsel = 'klachtregie-def-'): string {
  const dir = mkdtempSync(join(tmpdir(), voorvoegsel));
  tijdelijk.push(dir);
  return dir;
}

/** Removes every temp dir this spec file made: `afterEach(ruimTijdelijkeMappenOp)`. */
export function ruimTijdelijkeMappenOp(): void {
  for (const dir of tijdelijk.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Writes files (path relative to a fresh temp dir) and returns the temp dir (cleaned by `ruimTijdelijkeMappenOp`). */
export function schrijfBestanden(bestanden: Record<string, readonly string[] | string>): string {
  const root = tijdelijkeMap();
  for (const [rel, inhoud] of Object.entries(bestanden)) {
    const p = join(root, rel);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, typeof inhoud === 'string' ? inhoud : `${inhoud.join('\n')}\n`);
  }
  return root;
}

/**
 * The fixture's file. A real gemeente (Zeist, GM0355): the validation checks the code and name
 * against the CBS list. The test's own bodies keep fictional names ("Ombudsman Testdam").
 */
export const TESTDAM = 'definitions/gm0355-zeist/2024-01.yaml';

/**
 * A definition's YAML with a `contact` termijn put first under `termijnen:` (3 werkdagen, no geldtVoor unless given):
 * the issue-14 case of a contact termijn that only the aanbieder routes start. `regel` is the line of `  contact:`.
 */
export function metContactTermijn(yaml: string, geldtVoor?: string): { yaml: string; regel: number } {
  const regels = yaml.split('\n');
  const i = regels.indexOf('termijnen:') + 1;
  if (i === 0) throw new Error('metContactTermijn: geen regel "termijnen:"');
  const contact = [
    '  contact:',
    '    label: Contact met de klager',
    '    duur: P3D',
    '    rekenwijze: werkdagen',
    '    atw: false',
    '    grondslag: Klachtenregeling (contact binnen 3 werkdagen)',
    ...(geldtVoor ? [`    geldtVoor: ${geldtVoor}`] : []),
  ];
  return { yaml: [...regels.slice(0, i), ...contact, ...regels.slice(i)].join('\n'), regel: i + 1 };
}

/** Amsterdam's YAML without its `geldtVoor: [aanbieder]` (and the comment above it): contact then gives a warning. */
export function zonderGeldtVoor(yaml: string): string {
  const uit = yaml.replace(/^ {4}# Het protocol bindt de ketenpartner.*\n {4}geldtVoor: \[aanbieder\]\n/m, '');
  if (uit === yaml) throw new Error('zonderGeldtVoor: geen geldtVoor: [aanbieder] gevonden');
  return uit;
}

/**
 * BASIS as another version of the same gemeente: its own `versie` and `geldigVanaf`, an optional `geldigTot`, and
 * whole lines replaced ([van, naar]).
 */
export function basisVersie(naam: string, vanaf: string, tot: string | undefined, ...wijzigingen: Array<[string, string]>): string[] {
  let regels = BASIS.map((l) =>
    l.replace("versie: '2024-01'", `versie: '${naam}'`).replace('geldigVanaf: 2024-01-01', `geldigVanaf: ${vanaf}`),
  );
  if (tot) regels.splice(6, 0, `geldigTot: ${tot}`);
  for (const [van, naar] of wijzigingen) regels = regels.map((l) => (l === van ? naar : l));
  return regels;
}

/** The findings of one Testdam file (TESTDAM), without its file name: the specs assert line, column, message and hint. */
export function foutenInTestdam(lines: readonly string[]): Array<Omit<DefinitionError, 'file'>> {
  const root = schrijfBestanden({ [TESTDAM]: lines });
  return loadAndValidate([join(root, 'definitions')]).errors.map(({ file: _file, ...rest }) => rest);
}
