/**
 * The actions and guards every compiled regime shares (acties.ts), rule by rule, for how a running termijn may move: the
 * verdaging of Awb 9:11 lid 2 with its notice, the further delay with the klager's written consent of lid 3 (a handling
 * term only), no opschorting of a statutory term (only a contractual one that says so), and a date the ombudsman set
 * (Awb 9:31) that the gemeente cannot move. On small Testdam definitions (the BASIS fixture, with the aanbieder's
 * contract term where a test needs it) compiled inside each test, never at file load, so a mutant fails the tests that
 * state its rule (docs/adr/0005-mutation-testing.md). The same rules on the seed definitions: regels.spec.ts.
 */
import type { IntakeInput, StepResult } from '../contract';
import { BASIS } from '../definition/test-fixture';
import type { Regime } from '../regime';
import { compileerSamen } from '../registry';
import { definities, neem, op, stap, termijnen } from './blocks/blok.spec-hulp';

/** BASIS with the aanbieder's contract term of six weeks, which the contract lets suspend (or not). */
function metContract(opschorting: boolean): string[] {
  return BASIS.flatMap((l) =>
    l === 'stappen:'
      ? [
          '  aanbiederAfhandeling:',
          '    label: Afhandeling door de aanbieder',
          '    duur: P6W',
          '    rekenwijze: kalenderdagen',
          '    atw: false',
          "    grondslag: 'contract'",
          ...(opschorting ? ['    opschorting:', "      grondslag: 'contract: opgeschort zolang de klager onbereikbaar is'"] : []),
          l,
        ]
      : [l],
  );
}

const regime = (lines: readonly string[] = BASIS): Regime => compileerSamen(definities(lines))[0];

/** Filed at the gemeente on Wednesday 1 May 2024, complex: the gemeente handles it itself. */
const KLACHT: IntakeInput = {
  gemeente: 'GM0355',
  kanaal: 'brief',
  ontvangenOp: '2024-05-01T10:00:00+02:00',
  ingediendBij: 'gemeente',
  soort: 'klacht',
  aanbieders: [],
  feiten: { complex: true },
};
/** Filed at the aanbieder the same day ("klaag daar waar het is misgegaan"). */
const BIJ_AANBIEDER: IntakeInput = {
  ...KLACHT,
  ingediendBij: 'aanbieder',
  aanbieders: [{ id: 'wmo-1', naam: 'Thuishulp Testdam', type: 'wmo' }],
  feiten: { complex: false },
};

/** Six weeks from 1 May (Awb 9:11 lid 1); 9:8 lid 3 four weeks. */
const AFHANDELING = '2024-06-12';

/** In the formal procedure: both the afhandeltermijn and the four weeks of Awb 9:8 lid 3 run. */
function beoordelen(r: Regime): StepResult {
  const s = neem(r, r.start(KLACHT), 'FORMELE_BEHANDELING', op('2024-05-02'));
  expect(termijnen(s)).toEqual([
    ['nietBehandelenKennisgeving', '2024-05-29'],
    ['afhandeling', AFHANDELING],
  ]);
  return s;
}
const weigering = (r: Regime, s: StepResult, type: string, at: string, data?: Record<string, unknown>) => {
  const v = stap(r, s, type, at, data);
  expect([type, v.accepted, v.state, v.termijnen]).toEqual([type, false, s.state, s.termijnen]);
  return v.reason;
};

describe('Awb 9:11 lid 2: verdaging', () => {
  test('Awb 9:11 lid 2: the afhandeltermijn is verdaagd by at most four weeks, with written notice to klager and beklaagde', () => {
    const r = regime();
    const s = beoordelen(r);
    const verdaagd = neem(r, s, 'VERDAGEN', op('2024-06-05'), { termijn: 'afhandeling', duur: 'P4W', reden: 'advies nodig' });
    expect(termijnen(verdaagd)).toEqual([
      ['nietBehandelenKennisgeving', '2024-05-29'],
      ['afhandeling', '2024-07-10'],
    ]);
    const kennisgeving = (naar: string) => ({
      type: 'KENNISGEVING_VERDAGING',
      naar,
      grondslag: 'Awb 9:11 lid 2',
      data: { termijn: 'afhandeling', duur: 'P4W', nieuweVervaldatum: '2024-07-10' },
    });
    expect(verdaagd.intents).toEqual([kennisgeving('klager'), kennisgeving('beklaagde')]);
    // The reason goes with the mutation (the termijn's uitleg); a blank one is none.
    const mutaties = (v: StepResult) =>
      (v.snapshot as { context: { termijnen: Record<string, { mutaties: unknown[] }> } }).context.termijnen.afhandeling.mutaties;
    expect(mutaties(verdaagd)).toEqual([{ soort: 'verdaging', at: op('2024-06-05'), duur: 'P4W', reden: 'advies nodig' }]);
    const zonderReden = neem(r, s, 'VERDAGEN', op('2024-06-05'), { termijn: 'afhandeling', duur: 'P2W', reden: ' ' });
    expect(mutaties(zonderReden)).toEqual([{ soort: 'verdaging', at: op('2024-06-05'), duur: 'P2W' }]);
  });

  test('Awb 9:11 lid 2: a verdaging beyond four weeks or of a termijn that does not run is refused with the reason, and nothing moves', () => {
    const r = regime();
    const s = beoordelen(r);
    expect(weigering(r, s, 'VERDAGEN', op('2024-06-05'), { termijn: 'afhandeling', duur: 'P5W' })).toBeTruthy();
    expect(weigering(r, s, 'VERDAGEN', op('2024-06-05'), { termijn: 'tweedeLijnVerzoek', duur: 'P1W' })).toBe(
      "termijn 'tweedeLijnVerzoek' loopt niet; lopende termijnen: afhandeling, nietBehandelenKennisgeving",
    );
    expect(weigering(r, s, 'VERDAGEN', op('2024-06-05'), { duur: 'P1W' })).toBe(
      "termijn '' loopt niet; lopende termijnen: afhandeling, nietBehandelenKennisgeving",
    );
  });
});

describe('Awb 9:11 lid 3: further delay with the klager’s written consent', () => {
  test('Awb 9:11 lid 3: with the klager’s written consent the afhandeltermijn runs to the agreed date, recorded in the dossier', () => {
    const r = regime();
    const s = beoordelen(r);
    const later = neem(r, s, 'UITSTEL_MET_INSTEMMING', op('2024-06-05'), { termijn: 'afhandeling', tot: '2024-08-01', reden: 'vakantie' });
    expect(termijnen(later)).toContainEqual(['afhandeling', '2024-08-01']);
    // The agreement and its reason go with the mutation (the termijn's uitleg).
    expect(
      (later.snapshot as { context: { termijnen: Record<string, { mutaties: unknown[] }> } }).context.termijnen.afhandeling.mutaties,
    ).toEqual([{ soort: 'instemming', at: op('2024-06-05'), tot: '2024-08-01', schriftelijk: true, reden: 'vakantie' }]);
    expect(later.intents).toEqual([
      { type: 'INSTEMMING_VASTLEGGEN', naar: 'dossier', grondslag: 'Awb 9:11 lid 3', data: { termijn: 'afhandeling', tot: '2024-08-01' } },
    ]);
  });

  test('Awb 9:11 lid 3: consent moves only a handling term, to a date written as one; the four weeks of Awb 9:8 lid 3 do not move', () => {
    const r = regime();
    const s = beoordelen(r);
    expect(weigering(r, s, 'UITSTEL_MET_INSTEMMING', op('2024-05-10'), { termijn: 'afhandeling', tot: '1 augustus' })).toBe(
      'geef de met de klager afgesproken datum als data.tot (JJJJ-MM-DD) (Awb 9:11 lid 3)',
    );
    expect(weigering(r, s, 'UITSTEL_MET_INSTEMMING', op('2024-05-10'), { termijn: 'afhandeling' })).toBe(
      'geef de met de klager afgesproken datum als data.tot (JJJJ-MM-DD) (Awb 9:11 lid 3)',
    );
    expect(weigering(r, s, 'UITSTEL_MET_INSTEMMING', op('2024-05-10'), { termijn: 'nietBehandelenKennisgeving', tot: '2024-06-30' })).toBe(
      "termijn 'nietBehandelenKennisgeving' (Kennisgeving niet-behandelen) kan niet met instemming worden verlengd; dat kan alleen bij een afhandeltermijn (Awb 9:11 lid 3)",
    );
  });
});

describe('Awb 9:11: no opschorting of a statutory term; a contractual one only where the contract says so', () => {
  test('Awb 9:11: the afhandeltermijn is not suspended: it moves by verdaging or consent only; a term without verdaging not at all', () => {
    const r = regime();
    const s = beoordelen(r);
    expect(weigering(r, s, 'OPSCHORTEN', op('2024-05-10'), { termijn: 'afhandeling' })).toBe(
      "termijn 'afhandeling' (Afhandeltermijn, Awb 9:11) kan niet worden opgeschort: verschuiven kan alleen met verdaging (Awb 9:11 lid 2, VERDAGEN) of met schriftelijke instemming van de klager (Awb 9:11 lid 3, UITSTEL_MET_INSTEMMING)",
    );
    expect(weigering(r, s, 'HERVATTEN', op('2024-05-10'), { termijn: 'afhandeling' })).toContain('kan niet worden opgeschort');
    expect(weigering(r, s, 'OPSCHORTEN', op('2024-05-10'), { termijn: 'nietBehandelenKennisgeving' })).toBe(
      "termijn 'nietBehandelenKennisgeving' (Kennisgeving niet-behandelen, Awb 9:8 lid 3) kan niet worden opgeschort: de regeling kent voor deze termijn geen opschorting",
    );
  });

  test('Klachtenprotocol Wmo keten Amsterdam §6: the aanbieder’s contract term, where the contract lets it be suspended, does not pass while suspended and runs on from the hervatting by the days it stood still', () => {
    const r = regime(metContract(true));
    const s = r.start(BIJ_AANBIEDER);
    expect([s.state, termijnen(s)]).toEqual(['bijAanbieder.inBehandeling', [['aanbiederAfhandeling', AFHANDELING]]]);
    const stil = neem(r, s, 'OPSCHORTEN', op('2024-05-10'), { termijn: 'aanbiederAfhandeling', reden: 'klager onbereikbaar' });
    const mutaties = (v: StepResult) =>
      (v.snapshot as { context: { termijnen: Record<string, { mutaties: unknown[] }> } }).context.termijnen.aanbiederAfhandeling.mutaties;
    expect(mutaties(stil)).toEqual([{ soort: 'opschorting', at: op('2024-05-10'), reden: 'klager onbereikbaar' }]);
    expect(weigering(r, stil, 'TERMIJN_VERLOPEN', op('2024-06-13'), { termijn: 'aanbiederAfhandeling' })).toBe(
      "termijn 'aanbiederAfhandeling' is opgeschort sinds vrijdag 10 mei 2024: hij verstrijkt pas na de hervatting",
    );
    const weer = neem(r, stil, 'HERVATTEN', op('2024-05-20'), { termijn: 'aanbiederAfhandeling' });
    expect(mutaties(weer)).toEqual([
      { soort: 'opschorting', at: op('2024-05-10'), reden: 'klager onbereikbaar' },
      { soort: 'hervatting', at: op('2024-05-20') },
    ]);
    // Ten days stood still (10 to 20 May): due ten days later.
    expect(termijnen(weer)).toEqual([['aanbiederAfhandeling', '2024-06-22']]);
    // The same term, where the contract does not let it be suspended.
    const vast = regime(metContract(false));
    expect(weigering(vast, vast.start(BIJ_AANBIEDER), 'OPSCHORTEN', op('2024-05-10'), { termijn: 'aanbiederAfhandeling' })).toBe(
      "termijn 'aanbiederAfhandeling' (Afhandeling door de aanbieder, contract) kan niet worden opgeschort: de regeling kent voor deze termijn geen opschorting",
    );
  });
});

describe('Awb 9:31: a date the ombudsman set', () => {
  test('Awb 9:31: the gemeente can neither verdagen nor suspend the date the ombudsman set for its answer', () => {
    const r = regime();
    const s = r.start({
      ...KLACHT,
      ingediendBij: 'ombudsman',
      feiten: { ombudsmanVerzoek: 'informatievraag', ombudsmanTermijn: '2024-05-15' },
    });
    expect([s.state, termijnen(s)]).toEqual(['verzoekOmbudsman.informatievraag', [['ombudsmanTermijn', '2024-05-15']]]);
    for (const [type, data] of [
      ['VERDAGEN', { termijn: 'ombudsmanTermijn', duur: 'P1W' }],
      ['OPSCHORTEN', { termijn: 'ombudsmanTermijn' }],
      ['UITSTEL_MET_INSTEMMING', { termijn: 'ombudsmanTermijn', tot: '2024-05-30' }],
    ] as const) {
      expect([type, weigering(r, s, type, op('2024-05-08'), data)]).toEqual([
        type,
        expect.stringContaining('is een datum die de ombudsman stelde (Awb 9:31): alleen de ombudsman kan hem verschuiven'),
      ]);
    }
  });
});

/** BASIS with the klachtencommissie of jeugdhulpaanbieders (Jeugdwet 4.2.1), six weeks for its oordeel. */
const MET_JEUGDHULP = BASIS.flatMap((l) =>
  l === 'rapportage:'
    ? [
        'bijzondereRegimes:',
        '  jeugdhulp:',
        '    regime: jeugdwetKlachtencommissie',
        '    oordeelTermijn: P6W',
        '    reactieTermijn: P1M',
        l,
      ]
    : [l],
);

describe('Jeugdwet 4.2.1 lid 2 sub d: a new term set with a reasoned notice', () => {
  test('Jeugdwet 4.2.1 lid 2 sub d: the new term is a calendar day not before the notice (the same day is allowed), with reasons, and the notice names term, date and reasons', () => {
    const r = regime(MET_JEUGDHULP);
    const s = r.start({
      ...KLACHT,
      aanbieders: [{ id: 'jh-1', naam: 'Jeugdhulp Testdam', type: 'jeugdhulp' }],
      feiten: { complex: false, gerichtAan: 'aanbieder' },
    });
    expect([s.state, termijnen(s)]).toEqual(['jeugdwetKlachtencommissie.oordeelCommissie', [['jeugdwetOordeel', AFHANDELING]]]);
    const reden = 'een tweede hoorzitting is nodig';
    const uitleg = `geef data.termijn 'jeugdwetOordeel', de nieuwe datum (data.tot, JJJJ-MM-DD, niet in het verleden) en de redenen (data.reden)`;
    for (const tot of ['2024-06-04', '2024-06-30T12:00', 'uiterlijk 2024-06-30']) {
      expect([tot, weigering(r, s, 'NIEUWE_TERMIJN', op('2024-06-05'), { termijn: 'jeugdwetOordeel', tot, reden })]).toEqual([tot, uitleg]);
    }
    const vandaag = neem(r, s, 'NIEUWE_TERMIJN', op('2024-06-05'), { termijn: 'jeugdwetOordeel', tot: '2024-06-05', reden });
    expect(termijnen(vandaag)).toEqual([['jeugdwetOordeel', '2024-06-05']]);
    expect(vandaag.intents[0]).toEqual({
      type: 'KENNISGEVING_NIEUWE_TERMIJN',
      naar: 'klager',
      grondslag: 'Jeugdwet 4.2.1 lid 2 sub d',
      data: { termijn: 'jeugdwetOordeel', tot: '2024-06-05', reden },
    });
  });
});
