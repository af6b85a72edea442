/**
 * Where a declared termijn runs (graph/termijn-routes.ts `termijnDekking`, message in definition/juridische-lint.ts) and
 * the `contact` termijn of a gemeente's own klachtenregeling (TermijnDefinitie.geldtVoor).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IntakeInput, KlachtEvent, StepResult } from '../contract';
import { metContactTermijn } from '../definition/test-fixture';
import { loadAndValidate } from '../definition/validate';
import type { Definitie } from '../definition/types';
import { loadRegistry } from '../index';
import { maakRegime, type Regime } from '../regime';
import { graafStap } from './graph-check';

const DEFINITIES = join(__dirname, '..', '..', '..', 'definitions');
const SV = readFileSync(join(DEFINITIES, 'gm1904-stichtse-vecht', '2015-01.yaml'), 'utf8');

/** Stichtse Vecht with a 3-werkdagen contact termijn (and optionally more) inserted at the top of `termijnen`. */
function metTermijnen(extra: string): { yaml: string; regel: (tekst: string) => number } {
  const yaml = SV.replace(/^termijnen:\n/m, `termijnen:\n${extra}`);
  return { yaml, regel: (tekst) => yaml.split('\n').findIndex((r) => r.startsWith(tekst)) + 1 };
}

function valideer(yaml: string) {
  const werk = mkdtempSync(join(tmpdir(), 'termijn-dekking-'));
  try {
    const map = join(werk, 'gm1904-stichtse-vecht');
    mkdirSync(map);
    const file = join(map, '2015-01.yaml');
    writeFileSync(file, yaml);
    const r = loadAndValidate([map], [graafStap]);
    return { ...r, file };
  } finally {
    rmSync(werk, { recursive: true, force: true });
  }
}

describe('a declared termijn runs where its definition says: the coverage check', () => {
  test('a contact termijn that only the aanbieder routes start, without geldtVoor: a warning at the termijn naming the gemeente route where CONTACT_OPGENOMEN is refused; the definition still loads', () => {
    const { yaml, regel } = metContactTermijn(SV);
    const r = valideer(yaml);
    expect(r.errors).toEqual([]);
    expect(r.definities).toHaveLength(1);
    expect(r.waarschuwingen).toEqual([
      expect.objectContaining({
        file: r.file,
        line: regel,
        column: 3,
        ernst: 'waarschuwing',
        message: expect.stringMatching(
          /'Contact met de klager' \(contact\) loopt alleen op de routes 'Klachtbehandeling bij de aanbieder', 'Doorgestuurd naar de aanbieder.*op 'Klachtbehandeling door de gemeente \(KCC\)' loopt hij nooit en wordt CONTACT_OPGENOMEN daar geweigerd/,
        ),
        hint: expect.stringContaining('geldtVoor: [aanbieder, gemeente]'),
      }),
    ]);
  });

  test('geldtVoor says whose handling the termijn binds: [aanbieder] as the author meant it, or [aanbieder, gemeente], gives no warning', () => {
    for (const g of ['[aanbieder]', '[aanbieder, gemeente]', '[gemeente]']) {
      const r = valideer(metContactTermijn(SV, g).yaml);
      expect({ g, errors: r.errors, waarschuwingen: r.waarschuwingen }).toEqual({ g, errors: [], waarschuwingen: [] });
    }
  });

  test('a termijn that no step starts is refused at its name: it promises the klager a term nobody keeps', () => {
    const { yaml, regel } = metTermijnen(
      [
        '  terugbellen:',
        '    label: Terugbellen',
        '    duur: P3D',
        '    rekenwijze: werkdagen',
        '    atw: false',
        '    grondslag: eigen afspraak',
        '',
      ].join('\n'),
    );
    const r = valideer(yaml);
    expect(r.definities).toEqual([]);
    expect(r.errors).toEqual([
      expect.objectContaining({
        line: regel('  terugbellen:'),
        column: 3,
        message: expect.stringContaining("de termijn 'Terugbellen' (terugbellen) gaat nooit lopen"),
        hint: expect.stringContaining('contact bij de aanbieder en/of de gemeente (geldtVoor)'),
      }),
    ]);
    expect(r.errors[0].ernst).toBeUndefined();
  });

  test('geldtVoor on another termijn than contact is refused at file:line:column', () => {
    const { yaml } = metTermijnen('');
    const metFout = yaml.replace(/( {2}afhandeling:\n(?: {4}.*\n)*? {4}grondslag: .*\n)/, '$1    geldtVoor: [gemeente]\n');
    expect(metFout).not.toBe(yaml);
    const r = valideer(metFout);
    const regel = metFout.split('\n').findIndex((l) => l === '    geldtVoor: [gemeente]') + 1;
    expect(r.errors).toEqual([
      expect.objectContaining({ line: regel, column: 5, message: expect.stringContaining('geldtVoor kan alleen bij de termijn contact') }),
    ]);
  });

  test('the seed definitions: every declared termijn runs somewhere and none gives a warning', () => {
    const r = loadAndValidate([DEFINITIES], [graafStap]);
    expect(r.errors).toEqual([]);
    expect(r.waarschuwingen).toEqual([]);
  });
});

describe('contact bij de gemeente (TermijnDefinitie.geldtVoor: gemeente)', () => {
  const sv = loadRegistry(DEFINITIES).regimes.find((r) => r.summary.id === 'gm1904-stichtse-vecht') as Regime;
  const metContact = (geldtVoor: Array<'aanbieder' | 'gemeente'>): Regime => {
    const d: Definitie = structuredClone(sv.definitie);
    d.termijnen.contact = {
      label: 'Contact met de klager',
      duur: 'P3D',
      rekenwijze: 'werkdagen',
      atw: false,
      escalatieNaar: 'leidinggevende',
      grondslag: 'Klachtenregeling Stichtse Vecht (contact binnen 3 werkdagen)',
      geldtVoor,
    };
    return maakRegime(d, 'gm1904-stichtse-vecht');
  };
  // Monday 14 September 2026; three werkdagen later is Thursday 17 September.
  const intake = (over: Partial<IntakeInput> = {}): IntakeInput => ({
    gemeente: 'GM1904',
    kanaal: 'brief',
    ontvangenOp: '2026-09-14T10:00:00+02:00',
    ingediendBij: 'gemeente',
    soort: 'klacht',
    aanbieders: [],
    feiten: { betreftGemeentelijkeFunctionaris: true },
    ...over,
  });
  const stap = (r: Regime, s: StepResult, e: KlachtEvent) => r.step(JSON.parse(JSON.stringify(s.snapshot)), e);
  const contact = (s: StepResult) => s.termijnen.find((t) => t.naam === 'contact');

  test('the gemeente’s klachtenregeling: contact runs from the gemeente’s receipt for three werkdagen, and CONTACT_OPGENOMEN stops it without moving the klacht', () => {
    const r = metContact(['aanbieder', 'gemeente']);
    const s0 = r.start(intake());
    expect(s0.state).toBe('gemeente.informeleFase');
    expect(contact(s0)?.vervaldatum).toBe('2026-09-17');
    const s1 = stap(r, s0, { type: 'CONTACT_OPGENOMEN', at: '2026-09-16T09:00:00+02:00' });
    expect(s1.accepted).toBe(true);
    expect(s1.state).toBe('gemeente.informeleFase');
    expect(contact(s1)).toBeUndefined();
    // The Awb 9:11 afhandeltermijn is not touched.
    expect(s1.termijnen.map((t) => t.naam)).toContain('afhandeling');
  });

  test('a missed gemeente contact termijn escalates to its escalatieNaar; the klacht stays in behandeling', () => {
    const r = metContact(['gemeente']);
    const s0 = r.start(intake());
    const s1 = stap(r, s0, { type: 'TERMIJN_VERLOPEN', at: '2026-09-18T00:00:00+02:00', data: { termijn: 'contact' } });
    expect(s1.accepted).toBe(true);
    expect(s1.state).toBe('gemeente.informeleFase');
    expect(s1.intents).toContainEqual(expect.objectContaining({ type: 'ESCALATIE', naar: 'leidinggevende' }));
  });

  test('the klacht leaving the gemeente stops its contact termijn: Awb 9:8 niet behandelen before any contact', () => {
    const r = metContact(['gemeente']);
    const s1 = stap(r, r.start(intake()), { type: 'FORMELE_BEHANDELING', at: '2026-09-15T09:00:00+02:00' });
    expect(s1.state).toBe('gemeente.beoordelen');
    expect(contact(s1)).toBeDefined();
    const s2 = stap(r, s1, { type: 'NIET_BEHANDELEN', at: '2026-09-15T10:00:00+02:00', data: { grond: 'ouderDanEenJaar' } });
    expect(s2.accepted).toBe(true);
    expect(s2.state).toBe('tweedeLijnVenster');
    // Only the klager's year for the second line (Awb 9:24 lid 1) runs on.
    expect(s2.termijnen.map((t) => t.naam)).toEqual(['tweedeLijnVerzoek']);
  });

  test('geldtVoor [gemeente] only: a klacht filed at the aanbieder starts no contact termijn there', () => {
    const r = metContact(['gemeente']);
    const s0 = r.start(intake({ ingediendBij: 'aanbieder', feiten: {}, aanbieders: [{ naam: 'Zorg BV' }] as IntakeInput['aanbieders'] }));
    expect(s0.state.startsWith('bijAanbieder')).toBe(true);
    expect(contact(s0)).toBeUndefined();
    expect(s0.termijnen.map((t) => t.naam)).toContain('aanbiederAfhandeling');
  });

  test('without geldtVoor contact binds the aanbieder only, as before: the gemeente route starts none and refuses CONTACT_OPGENOMEN', () => {
    const d: Definitie = structuredClone(sv.definitie);
    d.termijnen.contact = { label: 'Contact', duur: 'P3D', rekenwijze: 'werkdagen', atw: false, grondslag: 'contract' };
    const r = maakRegime(d, 'gm1904-stichtse-vecht');
    const s0 = r.start(intake());
    expect(contact(s0)).toBeUndefined();
    expect(stap(r, s0, { type: 'CONTACT_OPGENOMEN', at: '2026-09-16T09:00:00+02:00' }).accepted).toBe(false);
    const a0 = r.start(intake({ ingediendBij: 'aanbieder', feiten: {}, aanbieders: [{ naam: 'Zorg BV' }] as IntakeInput['aanbieders'] }));
    expect(contact(a0)?.vervaldatum).toBe('2026-09-17');
  });
});
