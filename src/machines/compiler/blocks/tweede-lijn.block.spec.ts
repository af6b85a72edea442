/**
 * The second line (tweede-lijn.block.ts), rule by rule, on small Testdam definitions (the BASIS fixture, with a second
 * body of the regeling where a test needs one) compiled inside each test: the klager's year for the request (Awb 9:24
 * lid 1), the request (9:18), the ombudsman's investigation and report (9:27–9:36), the klacht he sends back (9:20), his
 * questions and interventions (9:31), as a klacht of its own or not, and his investigation on his own initiative (9:26).
 * The same rules on the seed definitions: regels.spec.ts, tijd.spec.ts. Compiled per test, never at file load, so a
 * mutant of the block fails the tests that state its rule (docs/adr/0005-mutation-testing.md).
 */
import type { IntakeInput, StepResult } from '../../contract';
import { BASIS } from '../../definition/test-fixture';
import { regimeDiagramGraph } from '../../diagram/diagram-graph';
import type { Regime } from '../../regime';
import { compileerSamen } from '../../registry';
import { definities, geweigerd, neem, op, termijnen } from './blok.spec-hulp';

/** BASIS without the informal phase and without horen: a klacht goes from receipt to the afdoening in three steps. */
const KORT = BASIS.map((l) => (l === '  informeleFase: true' ? '  informeleFase: false' : l === '  horen: true' ? '  horen: false' : l));
/** KORT with the Nationale ombudsman to 31 December 2024 and the Ombudsman Testdam from 2025 (GemW 81p). */
const WISSEL = KORT.flatMap((l) =>
  l === '    geldigVanaf: 2024-01-01'
    ? [l, '    geldigTot: 2024-12-31']
    : l === '    bevoegdOverAanbieders: false'
      ? [
          l,
          '  - soort: lokaleOmbudsman',
          '    naam: Ombudsman Testdam',
          '    geldigVanaf: 2025-01-01',
          '    bevoegdOverAanbieders: false',
          '    nationaleOmbudsmanGeinformeerdOp: 2024-06-14',
        ]
      : [l],
);

const regime = (lines: readonly string[] = KORT): Regime => compileerSamen(definities(lines))[0];

const LOKET = 'KCC';
const NO = 'Nationale ombudsman';

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

const intentTypes = (s: StepResult) => s.intents.map((i) => i.type);

/** The klacht afgedaan by the gemeente on `dag` (Awb 9:12): in the tweedeLijnVenster. */
function afgedaan(r: Regime, dag = '2024-05-20'): StepResult {
  const s = neem(r, r.start(KLACHT), 'IN_BEHANDELING_NEMEN', op('2024-05-02'));
  const oordeel = neem(r, s, 'ONDERZOEK_AFGEROND', op('2024-05-03'));
  return neem(r, oordeel, 'AFDOENEN', op(dag), { oordeel: 'gegrond' });
}
/** The klacht's request with the second line on 3 June 2024 (Awb 9:18). */
const bijOmbudsman = (r: Regime) => neem(r, afgedaan(r), 'VERZOEK_OMBUDSMAN', op('2024-06-03'));

const diagram = (r: Regime) => regimeDiagramGraph(r);
const knoop = (r: Regime, id: string) => diagram(r).nodes.find((n) => n.id === id);
const pijlen = (r: Regime, van: string, event: string) =>
  diagram(r)
    .edges.filter((e) => e.source === van && e.event === event)
    .map((e) => ({ naar: e.target, label: e.label, grondslag: e.grondslag }));

describe('Awb 9:24 lid 1: the klager’s year for the second line', () => {
  test('Awb 9:18, 9:24 lid 1: after the afdoening the klager files his request within the year; the year ends with it', () => {
    const r = regime();
    const af = afgedaan(r);
    expect([af.state, termijnen(af)]).toEqual(['tweedeLijnVenster', [['tweedeLijnVerzoek', '2025-05-20']]]);
    const verzoek = neem(r, af, 'VERZOEK_OMBUDSMAN', op('2024-06-03'));
    expect([verzoek.state, verzoek.termijnen]).toEqual(['bijOmbudsman.onderzoek', []]);
    expect(verzoek.intents).toEqual([
      {
        type: 'VERZOEK_TWEEDE_LIJN_REGISTREREN',
        naar: NO,
        grondslag: 'Awb 9:18, 9:24',
        data: expect.objectContaining({ instantie: NO, binnenTermijn: true }),
      },
    ]);
    expect(pijlen(r, 'tweedeLijnVenster', 'VERZOEK_OMBUDSMAN')).toEqual([
      { naar: 'bijOmbudsman', label: 'verzoekschrift bij de tweede lijn ingediend', grondslag: 'Awb 9:18, 9:24' },
    ]);
  });

  test('Awb 9:24 lid 1: when the year passes without a request the klacht is closed; not on its last day', () => {
    const r = regime();
    const af = afgedaan(r);
    expect(geweigerd(r, af, 'TERMIJN_VERLOPEN', op('2025-05-20'), { termijn: 'tweedeLijnVerzoek' })).toBe(true);
    expect(geweigerd(r, af, 'TERMIJN_VERLOPEN', '2025-05-21T00:00:00+02:00', { termijn: 'afhandeling' })).toBe(true);
    const dicht = neem(r, af, 'TERMIJN_VERLOPEN', '2025-05-21T00:00:00+02:00', { termijn: 'tweedeLijnVerzoek' });
    expect([dicht.state, dicht.done, dicht.termijnen]).toEqual(['afgesloten', true, []]);
    expect(intentTypes(dicht)).toEqual(['TERMIJN_OVERSCHREDEN']);
    expect(pijlen(r, 'tweedeLijnVenster', 'TERMIJN_VERLOPEN')).toEqual([
      { naar: 'afgesloten', label: 'het jaar voor een verzoek aan de tweede lijn is verstreken', grondslag: 'Awb 9:24 lid 1' },
    ]);
  });

  test('GemW 81p: the venster names every body of the regeling, and for one klacht the body competent today', () => {
    const r = regime(WISSEL);
    expect(knoop(r, 'tweedeLijnVenster')).toEqual(
      expect.objectContaining({
        label: `Afgedaan; de klager kan binnen een jaar naar de tweede lijn (${NO} / Ombudsman Testdam)`,
        grondslag: 'Awb 9:24 lid 1',
        fase: 'tweedeLijn',
        termijnen: ['tweedeLijnVerzoek'],
      }),
    );
    expect(r.beschrijfKlacht('tweedeLijnVenster', { vandaag: '2024-06-03', sinds: '2024-05-20' })).toBe(
      `Afgedaan; de klager kan binnen een jaar naar de tweede lijn (${NO})`,
    );
    expect(r.beschrijfKlacht('tweedeLijnVenster', { vandaag: '2025-01-06', sinds: '2024-05-20' })).toBe(
      'Afgedaan; de klager kan binnen een jaar naar de tweede lijn (Ombudsman Testdam)',
    );
    // One body: named once.
    expect(knoop(regime(), 'tweedeLijnVenster')?.label).toBe(`Afgedaan; de klager kan binnen een jaar naar de tweede lijn (${NO})`);
  });
});

describe('Awb 9:27–9:36: the investigation of the second line', () => {
  test('Awb 9:23, 9:25: the ombudsman does not (further) investigate: the klacht is closed', () => {
    const r = regime();
    const s = bijOmbudsman(r);
    const dicht = neem(r, s, 'OMBUDSMAN_NIET_IN_BEHANDELING', op('2024-06-10'));
    expect([dicht.state, dicht.done]).toEqual(['afgesloten', true]);
    expect(pijlen(r, 'bijOmbudsman.onderzoek', 'OMBUDSMAN_NIET_IN_BEHANDELING').map((p) => [p.naar, p.grondslag])).toEqual([
      ['afgesloten', 'Awb 9:23, 9:25'],
    ]);
  });

  test('Awb 9:36: a report with recommendations reaches the loket and waits for the reaction; without them the klacht is closed', () => {
    const r = regime();
    const s = bijOmbudsman(r);
    expect(geweigerd(r, s, 'RAPPORT_OMBUDSMAN', op('2024-09-02'))).toBe(true);
    const met = neem(r, s, 'RAPPORT_OMBUDSMAN', op('2024-09-02'), { aanbevelingen: true });
    expect([met.state, met.intents]).toEqual([
      'bijOmbudsman.reactieOpRapport',
      [{ type: 'RAPPORT_ONTVANGEN', naar: LOKET, grondslag: 'Awb 9:36 lid 2' }],
    ]);
    const zonder = neem(r, s, 'RAPPORT_OMBUDSMAN', op('2024-09-02'), { aanbevelingen: false });
    expect([zonder.state, zonder.done, zonder.intents]).toEqual([
      'afgesloten',
      true,
      [{ type: 'RAPPORT_ONTVANGEN', naar: LOKET, grondslag: 'Awb 9:36 lid 2' }],
    ]);
    expect(pijlen(r, 'bijOmbudsman.onderzoek', 'RAPPORT_OMBUDSMAN').map((p) => [p.naar, p.grondslag])).toEqual([
      ['bijOmbudsman.reactieOpRapport', 'Awb 9:36 lid 1'],
      ['afgesloten', 'Awb 9:36 lid 1'],
    ]);
  });

  test('Awb 9:36 lid 3: the reaction says how the recommendations are followed, with reasons where they are not', () => {
    const r = regime();
    const rapport = neem(r, bijOmbudsman(r), 'RAPPORT_OMBUDSMAN', op('2024-09-02'), { aanbevelingen: true });
    expect(geweigerd(r, rapport, 'REACTIE_OP_AANBEVELINGEN', op('2024-09-20'), { volgen: false })).toBe(true);
    const gevolgd = neem(r, rapport, 'REACTIE_OP_AANBEVELINGEN', op('2024-09-20'), { volgen: true });
    expect([gevolgd.state, gevolgd.done, gevolgd.intents]).toEqual([
      'afgesloten',
      true,
      [{ type: 'REACTIE_AAN_OMBUDSMAN', naar: 'tweede lijn', grondslag: 'Awb 9:36 lid 3', data: { volgen: true } }],
    ]);
    const niet = neem(r, rapport, 'REACTIE_OP_AANBEVELINGEN', op('2024-09-20'), { volgen: false, motivering: 'te duur' });
    expect(niet.intents).toEqual([
      { type: 'REACTIE_AAN_OMBUDSMAN', naar: 'tweede lijn', grondslag: 'Awb 9:36 lid 3', data: { volgen: false, motivering: 'te duur' } },
    ]);
    expect(knoop(r, 'bijOmbudsman.reactieOpRapport')).toEqual(expect.objectContaining({ grondslag: 'Awb 9:36 lid 3', fase: 'tweedeLijn' }));
  });

  test('the second line as the process owner reads it: the body of the request named where the klacht is, Awb titel 9.2', () => {
    const r = regime(WISSEL);
    expect(knoop(r, 'bijOmbudsman')).toEqual(
      expect.objectContaining({ label: `Bij de tweede lijn (${NO} / Ombudsman Testdam)`, grondslag: 'Awb titel 9.2', fase: 'tweedeLijn' }),
    );
    expect(knoop(r, 'bijOmbudsman.onderzoek')).toEqual(expect.objectContaining({ grondslag: 'Awb 9:27–9:35', fase: 'tweedeLijn' }));
    // The body the request went to (Awb 9:18), also after a change of body.
    expect(r.beschrijfKlacht('bijOmbudsman.onderzoek', { vandaag: '2025-02-03', sinds: '2024-06-03' })).toBe(
      `Onderzoek door de tweede lijn (${NO})`,
    );
  });
});

describe('Awb 9:20: the ombudsman sends the klacht back for internal handling', () => {
  test('Jeugdwet 4.2.1 lid 6 with Wet Nationale ombudsman art. 11c, 11d: only a regeling with a Jeugdwet klachtencommissie has the Kinderombudsman’s state and the aanbieder’s part at the second line', () => {
    const r = regime();
    expect(knoop(r, 'bijOmbudsman.kinderombudsman')).toBeUndefined();
    expect(knoop(r, 'bijOmbudsman')?.label).toBe(`Bij de tweede lijn (${NO})`);
    for (const event of ['OMBUDSMAN_INFORMATIEVRAAG', 'OMBUDSMAN_INTERVENTIEVERZOEK'])
      expect(pijlen(r, 'bijOmbudsman', event).map((p) => p.grondslag)).toEqual(['Awb 9:31', 'Awb 9:31']);
  });

  test('Awb 9:20: without a klacht of its own the gemeente handles the same klacht again, and its loket is told', () => {
    const r = regime();
    const terug = neem(r, bijOmbudsman(r), 'OMBUDSMAN_DOORGEZONDEN', op('2024-06-10'));
    expect(terug.state).toMatch(/^gemeente\./);
    expect(terug.intents).toContainEqual({ type: 'ONTVANGST_DOORGEZONDEN_KLACHT', naar: LOKET, grondslag: 'Awb 9:20' });
  });

  test('Awb 9:20: filed as a klacht of its own, that klacht is the internal handling; here the second line ends', () => {
    const r = regime();
    const dicht = neem(r, bijOmbudsman(r), 'OMBUDSMAN_DOORGEZONDEN', op('2024-06-10'), { verzoekKlacht: 'K-2' });
    expect([dicht.state, dicht.done, dicht.intents]).toEqual(['afgesloten', true, []]);
    expect(pijlen(r, 'bijOmbudsman.onderzoek', 'OMBUDSMAN_DOORGEZONDEN').map((p) => [p.naar, p.grondslag])).toEqual([
      ['afgesloten', 'Awb 9:20'],
      ['gemeente', 'Awb 9:20'],
    ]);
  });

  test('Awb 9:20 lid 1 with 9:36: the ombudsman forwards at intake, as soon as the request is in, and while he investigates; not after his report', () => {
    const r = regime();
    // The request puts the klacht in onderzoek, the state of the ombudsman's intake too: forwarded there, the same day.
    const verzoek = bijOmbudsman(r);
    expect(verzoek.state).toBe('bijOmbudsman.onderzoek');
    expect(neem(r, verzoek, 'OMBUDSMAN_DOORGEZONDEN', op('2024-06-03')).state).toMatch(/^gemeente\./);
    // After asking the gemeente for the dossier (Awb 9:31) he may still decide it goes to internal handling first.
    const vraag = neem(r, verzoek, 'OMBUDSMAN_INFORMATIEVRAAG', op('2024-06-05'), { termijn: '2024-06-19', vraag: 'het dossier' });
    expect(neem(r, vraag, 'OMBUDSMAN_DOORGEZONDEN', op('2024-06-20'), { verzoekKlacht: 'K-2' }).state).toBe('afgesloten');
    // His report (Awb 9:36 lid 1) judged the conduct: nothing is left to send back; the gemeente reacts to it.
    const rapport = neem(r, verzoek, 'RAPPORT_OMBUDSMAN', op('2024-09-02'), { aanbevelingen: true });
    expect(geweigerd(r, rapport, 'OMBUDSMAN_DOORGEZONDEN', op('2024-09-10'))).toBe(true);
    expect(geweigerd(r, rapport, 'OMBUDSMAN_DOORGEZONDEN', op('2024-09-10'), { verzoekKlacht: 'K-2' })).toBe(true);
    expect(pijlen(r, 'bijOmbudsman.reactieOpRapport', 'OMBUDSMAN_DOORGEZONDEN')).toEqual([]);
    expect(pijlen(r, 'bijOmbudsman', 'OMBUDSMAN_DOORGEZONDEN')).toEqual([]);
  });
});

describe('Awb 9:31: the ombudsman asks the gemeente to cooperate while he investigates', () => {
  test('Awb 9:31: an informatievraag sent on the klacht itself gives the loket the task, with the ombudsman’s date and question', () => {
    const r = regime();
    const s = bijOmbudsman(r);
    const vraag = neem(r, s, 'OMBUDSMAN_INFORMATIEVRAAG', op('2024-06-10'), { termijn: '2024-06-24', vraag: 'het dossier' });
    expect([vraag.state, vraag.intents]).toEqual([
      'bijOmbudsman.onderzoek',
      [{ type: 'INFORMATIE_AAN_OMBUDSMAN', naar: LOKET, grondslag: 'Awb 9:31', data: { termijn: '2024-06-24', vraag: 'het dossier' } }],
    ]);
    const interventie = neem(r, s, 'OMBUDSMAN_INTERVENTIEVERZOEK', op('2024-06-10'));
    expect([interventie.state, interventie.intents]).toEqual([
      'bijOmbudsman.onderzoek',
      [{ type: 'INTERVENTIE_OPPAKKEN', naar: LOKET, grondslag: 'Awb 9:31' }],
    ]);
    const eigen = neem(r, s, 'OMBUDSMAN_EIGEN_ONDERZOEK', op('2024-06-10'));
    expect(eigen.intents).toEqual([{ type: 'MEDEWERKING_ONDERZOEK', naar: LOKET, grondslag: 'Awb 9:26, 9:31' }]);
  });

  test('Awb 9:31: a request filed as a klacht of its own is only recorded here; its own klacht gives the loket the task', () => {
    const r = regime();
    const s = bijOmbudsman(r);
    for (const e of ['OMBUDSMAN_INFORMATIEVRAAG', 'OMBUDSMAN_INTERVENTIEVERZOEK', 'OMBUDSMAN_EIGEN_ONDERZOEK']) {
      const vastgelegd = neem(r, s, e, op('2024-06-10'), { verzoekKlacht: 'K-2' });
      expect([e, vastgelegd.state, vastgelegd.intents]).toEqual([e, 'bijOmbudsman.onderzoek', []]);
      expect([e, pijlen(r, 'bijOmbudsman', e).map((p) => p.grondslag)]).toEqual([
        e,
        ['Awb 9:31', e === 'OMBUDSMAN_EIGEN_ONDERZOEK' ? 'Awb 9:26, 9:31' : 'Awb 9:31'],
      ]);
    }
    expect(pijlen(r, 'bijOmbudsman', 'OMBUDSMAN_INFORMATIEVRAAG')[0].label).toBe(
      'informatievraag van de ombudsman vastgelegd; de opdracht staat in de eigen klacht van het verzoek',
    );
  });
});

describe('Awb 9:31: the ombudsman’s informatievraag or interventieverzoek as a case of its own (no klaagschrift)', () => {
  const verzoek = (soort: 'informatievraag' | 'interventieverzoek', termijn?: string): IntakeInput => ({
    ...KLACHT,
    ingediendBij: 'ombudsman',
    feiten: { ombudsmanVerzoek: soort, ...(termijn ? { ombudsmanTermijn: termijn } : {}) },
  });

  test('Awb 9:31 lid 1: the loket answers the informatievraag by the ombudsman’s date, which he may change; the answer closes the case', () => {
    const r = regime();
    const s = r.start(verzoek('informatievraag', '2024-05-15'));
    expect([s.state, termijnen(s)]).toEqual(['verzoekOmbudsman.informatievraag', [['ombudsmanTermijn', '2024-05-15']]]);
    const later = neem(r, s, 'OMBUDSMAN_TERMIJN_GEWIJZIGD', op('2024-05-10'), { tot: '2024-05-22', reden: 'meer stukken' });
    expect([later.state, termijnen(later)]).toEqual(['verzoekOmbudsman.informatievraag', [['ombudsmanTermijn', '2024-05-22']]]);
    expect(geweigerd(r, s, 'OMBUDSMAN_TERMIJN_GEWIJZIGD', op('2024-05-10'), { tot: '31 mei' })).toBe(true);
    expect(geweigerd(r, s, 'INTERVENTIE_AFGEROND', op('2024-05-10'))).toBe(true);
    const klaar = neem(r, s, 'INFORMATIE_VERSTREKT', op('2024-05-14'));
    expect([klaar.state, klaar.done, klaar.termijnen]).toEqual(['afgesloten', true, []]);
    expect(knoop(r, 'verzoekOmbudsman')).toEqual(
      expect.objectContaining({
        label: `Verzoek om medewerking van de tweede lijn (${NO}): geen klacht`,
        grondslag: 'Awb 9:31',
        termijnen: ['ombudsmanTermijn'],
      }),
    );
    expect(knoop(r, 'verzoekOmbudsman.informatievraag')?.label).toContain(`Informatievraag van de tweede lijn (${NO}): ${LOKET} verstrekt`);
    expect(r.beschrijfKlacht('verzoekOmbudsman.informatievraag', { vandaag: '2024-05-10', sinds: '2024-05-01' })).toMatch(
      new RegExp(`^Informatievraag van ${NO}: ${LOKET} verstrekt`),
    );
    expect(pijlen(r, 'verzoekOmbudsman', 'OMBUDSMAN_TERMIJN_GEWIJZIGD').map((p) => p.grondslag)).toEqual(['Awb 9:31 lid 1']);
    expect(pijlen(r, 'verzoekOmbudsman.informatievraag', 'INFORMATIE_VERSTREKT').map((p) => [p.naar, p.grondslag])).toEqual([
      ['afgesloten', 'Awb 9:31'],
    ]);
  });

  test('Awb 9:31: the loket takes up the interventieverzoek; its report closes the case; without a date no termijn runs', () => {
    const r = regime();
    const s = r.start(verzoek('interventieverzoek'));
    expect([s.state, s.termijnen]).toEqual(['verzoekOmbudsman.interventieverzoek', []]);
    expect(geweigerd(r, s, 'INFORMATIE_VERSTREKT', op('2024-05-10'))).toBe(true);
    const klaar = neem(r, s, 'INTERVENTIE_AFGEROND', op('2024-05-14'));
    expect([klaar.state, klaar.done]).toEqual(['afgesloten', true]);
    expect(knoop(r, 'verzoekOmbudsman.interventieverzoek')?.label).toContain(
      `Interventieverzoek van de tweede lijn (${NO}): ${LOKET} pakt`,
    );
    expect(r.beschrijfKlacht('verzoekOmbudsman.interventieverzoek', { vandaag: '2024-05-10', sinds: '2024-05-01' })).toMatch(
      new RegExp(`^Interventieverzoek van ${NO}: ${LOKET} pakt`),
    );
    expect(pijlen(r, 'verzoekOmbudsman.interventieverzoek', 'INTERVENTIE_AFGEROND').map((p) => [p.naar, p.grondslag])).toEqual([
      ['afgesloten', 'Awb 9:31'],
    ]);
  });
});

describe('Awb 9:26: the ombudsman’s investigation on his own initiative', () => {
  const EIGEN: IntakeInput = { ...KLACHT, soort: 'eigenOnderzoek', ingediendBij: 'ombudsman', feiten: {} };

  test('Awb 9:26, 9:31: the gemeente cooperates from the start, answers his questions and reacts to his recommendations (9:36)', () => {
    const r = regime();
    const s = r.start(EIGEN);
    expect([s.state, s.termijnen]).toEqual(['eigenOnderzoek.onderzoek', []]);
    expect(s.intents).toContainEqual({ type: 'MEDEWERKING_ONDERZOEK', naar: LOKET, grondslag: 'Awb 9:26, 9:31' });
    expect(neem(r, s, 'OMBUDSMAN_INFORMATIEVRAAG', op('2024-05-10')).intents).toEqual([
      { type: 'INFORMATIE_AAN_OMBUDSMAN', naar: LOKET, grondslag: 'Awb 9:31', data: {} },
    ]);
    // No klacht: nothing to send back for internal handling, no intervention on a klacht.
    expect(geweigerd(r, s, 'OMBUDSMAN_DOORGEZONDEN', op('2024-05-10'))).toBe(true);
    expect(geweigerd(r, s, 'OMBUDSMAN_INTERVENTIEVERZOEK', op('2024-05-10'))).toBe(true);
    const rapport = neem(r, s, 'RAPPORT_OMBUDSMAN', op('2024-09-02'), { aanbevelingen: true });
    expect(rapport.state).toBe('eigenOnderzoek.reactieOpRapport');
    expect(neem(r, rapport, 'REACTIE_OP_AANBEVELINGEN', op('2024-09-20'), { volgen: true }).state).toBe('afgesloten');
    expect(knoop(r, 'eigenOnderzoek')).toEqual(
      expect.objectContaining({ label: `Onderzoek uit eigen beweging door de tweede lijn (${NO})`, grondslag: 'Awb 9:26' }),
    );
  });
});
