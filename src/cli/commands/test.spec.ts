import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, type CliIo } from '../main';
import { ruimTijdelijkeMappenOp, tijdelijkeMap } from '../../machines/definition/test-fixture';

const ROOT = join(__dirname, '..', '..', '..');

async function toets(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), cwd: ROOT };
  const code = await runCli(['test', ...args], cli);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Writes a scenario file (lines joined) in a fresh temp folder; returns its path. */
function scenario(regels: string[], naam = 'suite.yaml'): string {
  const file = join(tijdelijkeMap('klachtregie-test-'), naam);
  writeFileSync(file, regels.join('\n') + '\n');
  return file;
}

// Stichtse Vecht, received Monday 2 March 2026: Awb 9:11 lid 1 ends Monday 13 April (no Atw shift).
const KOP = [
  /*  1 */ 'suite: Stichtse Vecht — proef',
  /*  2 */ 'intake:',
  /*  3 */ '  gemeente: GM1904',
  /*  4 */ '  kanaal: brief',
  /*  5 */ '  ontvangenOp: 2026-03-02',
  /*  6 */ '  ingediendBij: gemeente',
  /*  7 */ '  aanbieders: []',
  /*  8 */ '  feiten: { betreftGemeentelijkeFunctionaris: true }',
  /*  9 */ 'scenarios:',
];

afterEach(ruimTijdelijkeMappenOp);

describe('klachtregie test', () => {
  test('a wrong expectation fails: exit 1, ✗ with file:line:column, what was expected and what happened', async () => {
    const file = scenario([
      ...KOP,
      /* 10 */ '  - naam: "Awb 9:11 lid 1: zes weken"',
      /* 11 */ '    verwacht:',
      /* 12 */ '      termijnen: { afhandeling: 2026-04-13 }',
      /* 13 */ '  - naam: "Awb 9:11 lid 1: verkeerd gerekend"',
      /* 14 */ '    verwacht:',
      /* 15 */ '      termijnen:',
      /* 16 */ '        afhandeling: 2026-04-14',
    ]);
    const r = await toets('definitions', file);
    expect(r.code).toBe(1);
    expect(r.out).toContain('✓ Awb 9:11 lid 1: zes weken');
    expect(r.out).toContain('✗ Awb 9:11 lid 1: verkeerd gerekend');
    expect(r.out).toMatch(
      /suite\.yaml:16:22: na ontvangst op 2026-03-02: termijn afhandeling: verwacht vervaldatum 2026-04-14, maar die is 2026-04-13/,
    );
    // What happened: the timeline of the failed scenario.
    expect(r.out).toContain('wat er gebeurde:');
    expect(r.out).toContain("2 scenario's: 1 geslaagd, 1 mislukt");
  });

  test('every expectation right: exit 0', async () => {
    const file = scenario([
      ...KOP,
      '  - naam: "Awb 9:12: afdoening noemt de Nationale ombudsman"',
      '    gebeurtenissen:',
      '      - { op: 2026-03-03, event: FORMELE_BEHANDELING, verwacht: { stap: gemeente.beoordelen, intents: [{ type: ONTVANGSTBEVESTIGING }] } }',
      '      - { op: 2026-03-05, event: IN_BEHANDELING_NEMEN }',
      '      - { op: 2026-03-06, event: HOREN_OVERSLAAN, data: { reden: afgezien } }',
      '      - op: 2026-03-30',
      '        event: AFDOENEN',
      '        data: { oordeel: gegrond }',
      '        verwacht:',
      '          stap: tweedeLijnVenster',
      '          termijnen: { afhandeling: loopt niet, tweedeLijnVerzoek: 2027-03-30 }',
      '          intents: [{ type: AFDOENINGSBRIEF, naar: klager, data: { tweedeLijn: Nationale ombudsman } }]',
    ]);
    const r = await toets('definitions', file);
    expect(r.out).toContain('✓ Awb 9:12: afdoening noemt de Nationale ombudsman');
    expect(r.code).toBe(0);
  });

  test('Awb 9:12 lid 2: a wrong second line in the afdoeningsbrief fails and shows the intent that was raised', async () => {
    const file = scenario([
      ...KOP,
      '  - naam: "Awb 9:12 lid 2: tweede lijn"',
      '    gebeurtenissen:',
      '      - { op: 2026-03-03, event: FORMELE_BEHANDELING }',
      '      - { op: 2026-03-05, event: IN_BEHANDELING_NEMEN }',
      '      - { op: 2026-03-06, event: HOREN_OVERSLAAN, data: { reden: afgezien } }',
      '      - op: 2026-03-30',
      '        event: AFDOENEN',
      '        data: { oordeel: gegrond }',
      '        verwacht:',
      '          intents:',
      '            - { type: AFDOENINGSBRIEF, data: { tweedeLijn: Ombudsman Metropool Amsterdam } }',
    ]);
    const r = await toets('definitions', file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /suite\.yaml:20:15: na AFDOENEN op 2026-03-30: verwacht intent AFDOENINGSBRIEF \{"tweedeLijn":"Ombudsman Metropool Amsterdam"\}, maar die werd niet gegeven; wel gegeven: AFDOENINGSBRIEF aan klager \[Awb 9:12\] \{[^}]*"tweedeLijn":"Nationale ombudsman"/,
    );
  });

  test('Awb 9:11 lid 2: an unexpected refusal fails; geweigerd with a text of the reason passes; a wrong text fails', async () => {
    const basis = [
      ...KOP,
      '  - naam: "Awb 9:11 lid 2: hooguit vier weken"',
      '    gebeurtenissen:',
      '      - { op: 2026-03-03, event: FORMELE_BEHANDELING }',
      '      - { op: 2026-03-05, event: IN_BEHANDELING_NEMEN }',
      '      - op: 2026-04-01',
      '        event: VERDAGEN',
      '        data: { termijn: afhandeling, duur: P6W }',
    ];
    const zonder = await toets('definitions', scenario(basis));
    expect(zonder.code).toBe(1);
    expect(zonder.out).toMatch(
      /suite\.yaml:14:9: na VERDAGEN op 2026-04-01: VERDAGEN werd geweigerd \(in stap 'gemeente.inBehandeling'\): Verdaging met 6 weken/,
    );

    const goed = await toets(
      'definitions',
      scenario([...basis, '        verwacht: { geweigerd: Awb 9:11 lid 2, termijnen: { afhandeling: 2026-04-13 } }']),
    );
    expect(goed.code).toBe(0);

    const fout = await toets('definitions', scenario([...basis, '        verwacht: { geweigerd: Awb 9:8 }']));
    expect(fout.code).toBe(1);
    expect(fout.out).toMatch(
      /suite\.yaml:17:32: .*verwacht een weigering met 'Awb 9:8' in de reden, maar de reden is: Verdaging met 6 weken/,
    );

    const geaccepteerd = await toets(
      'definitions',
      scenario([...basis.slice(0, -1), '        data: { termijn: afhandeling, duur: P4W }', '        verwacht: { geweigerd: true }']),
    );
    expect(geaccepteerd.code).toBe(1);
    expect(geaccepteerd.out).toContain('verwacht dat VERDAGEN wordt geweigerd, maar het werd geaccepteerd');
  });

  test('Awb 9:11: the expiry fired by the virtual clock is checked with its date and escalation', async () => {
    const regels = (op: string) => [
      ...KOP,
      '  - naam: "Awb 9:11: overschreden"',
      '    gebeurtenissen:',
      '      - { op: 2026-03-03, event: FORMELE_BEHANDELING }',
      '      - { op: 2026-03-05, event: IN_BEHANDELING_NEMEN }',
      '      - op: 2026-04-20',
      '        event: HOREN_UITNODIGEN',
      '        verwacht:',
      `          verlopen: [{ termijn: afhandeling, op: ${op}, intents: [{ type: ESCALATIE, naar: leidinggevende }] }]`,
    ];
    expect((await toets('definitions', scenario(regels('2026-04-14')))).code).toBe(0);
    const fout = await toets('definitions', scenario(regels('2026-04-13')));
    expect(fout.code).toBe(1);
    expect(fout.out).toContain('verwacht dat termijn afhandeling verloopt op 2026-04-13, maar die verliep op 2026-04-14');
  });

  test('a misspelt stap or termijn is reported with a suggestion, not passed as "loopt niet"', async () => {
    const file = scenario([
      ...KOP,
      '  - naam: tikfouten',
      '    verwacht:',
      '      stap: gemeente.informelefase',
      '      termijnen: { afhandelng: loopt niet }',
    ]);
    const r = await toets('definitions', file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /suite\.yaml:12:13: .*stap 'gemeente.informelefase' bestaat niet in de regeling van Stichtse Vecht; bedoelde u 'gemeente.informeleFase'\?/,
    );
    expect(r.out).toMatch(/suite\.yaml:13:20: .*termijn 'afhandelng' bestaat niet .*bedoelde u 'afhandeling'\?/);
  });

  test('a malformed scenario gives file:line:column errors with a fix, and exit 1', async () => {
    const file = scenario([
      ...KOP,
      /* 10 */ '  - naam: fouten',
      /* 11 */ '    gebeurtenissen:',
      /* 12 */ '      - op: 2026-03-03',
      /* 13 */ '        event: FORMELE_BEHANDELNG',
      /* 14 */ '        verwacht:',
      /* 15 */ '          stapp: gemeente.beoordelen',
      /* 16 */ '      - op: 03-04-2026',
      /* 17 */ '        event: IN_BEHANDELING_NEMEN',
    ]);
    const r = await toets('definitions', file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/suite\.yaml:13:16: .*'FORMELE_BEHANDELNG' is hier niet toegestaan\n\s+-> bedoelde u 'FORMELE_BEHANDELING'\?/);
    expect(r.out).toMatch(/suite\.yaml:15:11: onbekende sleutel 'stapp' .*\n\s+-> bedoelde u 'stap'\?/);
    expect(r.out).toMatch(/suite\.yaml:16:13: .*'03-04-2026' heeft niet de juiste vorm/);
    expect(r.out).toContain('1 bestand met fouten');
  });

  test('folders: every *.yaml below them runs; a path that does not exist is a usage error', async () => {
    const dir = tijdelijkeMap('klachtregie-test-');
    mkdirSync(join(dir, 'gm1904-stichtse-vecht'));
    writeFileSync(
      join(dir, 'gm1904-stichtse-vecht', 'a.yaml'),
      [...KOP, '  - naam: eerste', '    verwacht: { stap: gemeente.informeleFase }'].join('\n'),
    );
    writeFileSync(
      join(dir, 'gm1904-stichtse-vecht', 'b.yaml'),
      [...KOP, '  - naam: tweede', '    verwacht: { afgesloten: false }'].join('\n'),
    );
    const r = await toets('definitions', dir);
    expect(r.out).toContain('✓ eerste');
    expect(r.out).toContain('✓ tweede');
    expect(r.code).toBe(0);
    expect((await toets('definitions', join(dir, 'bestaat-niet'))).code).toBe(2);
    expect((await toets('definitions')).code).toBe(2);
  });
});
