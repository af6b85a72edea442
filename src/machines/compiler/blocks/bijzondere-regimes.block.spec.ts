/**
 * The special regimes (bijzondere-regimes.block.ts), rule by rule, on small Testdam definitions (the BASIS fixture with a
 * `bijzondereRegimes` section) compiled inside each test: the klachtencommissie of a jeugdhulpaanbieder instead of Awb
 * titel 9.1 (Jeugdwet 4.2.1 lid 6), its oordeel and the term for it (lid 2 sub c, d), the aanbieder's reactie within a
 * month (lid 5), a structural situation (4.2.2) and the Kinderombudsman when a term passes (Wet Nationale ombudsman art.
 * 11a, 11c); and for zorg the klachtenfunctionaris (Wkkgz 15, 16), the written outcome within six weeks (17 lid 1) and
 * its extension (17 lid 2), the way to the geschilleninstantie (21 lid 1 sub a–c) and its binding advice within six
 * months (19, 22). The same rules on the seed definitions: regels.spec.ts. Compiled per test, never at file load, so a
 * mutant of the block fails the tests that state its rule (docs/adr/0005-mutation-testing.md).
 */
import type { IntakeInput, StepResult } from '../../contract';
import { BASIS } from '../../definition/test-fixture';
import { regimeDiagramGraph } from '../../diagram/diagram-graph';
import { checkGraph } from '../../graph/graph-check';
import type { Regime } from '../../regime';
import { compileerSamen } from '../../registry';
import type { ToestandConfig } from './bouw';
import { isVerplichting } from '../termijnen';
import { definities, geweigerd, neem, op, stap, termijnen } from './blok.spec-hulp';

const JEUGDHULP = ['  jeugdhulp:', '    regime: jeugdwetKlachtencommissie', '    oordeelTermijn: P6W', '    reactieTermijn: P1M'];
const ZORG = [
  '  zorg:',
  '    regime: wkkgz',
  '    afhandelTermijn: P6W',
  '    verdagingMax: P4W',
  '    geschilTermijn: P6M',
  '    geschilleninstantie: Geschilleninstantie Zorg Testdam',
];

/** BASIS with these regimes under `bijzondereRegimes` (none: the section left out). */
function metRegimes(...regimes: ReadonlyArray<readonly string[]>): string[] {
  return BASIS.flatMap((l) => (l === 'rapportage:' && regimes.length ? ['bijzondereRegimes:', ...regimes.flat(), l] : [l]));
}

const regime = (lines: readonly string[] = metRegimes(JEUGDHULP, ZORG)): Regime => compileerSamen(definities(lines))[0];

const GI = 'Geschilleninstantie Zorg Testdam';
const JEUGD = { id: 'jh-1', naam: 'Jeugdhulp Testdam', type: 'jeugdhulp' as const };
const ZORGAANBIEDER = { id: 'zorg-1', naam: 'Zorg Testdam', type: 'zorg' as const };

/** Filed at the gemeente on Wednesday 1 May 2024, about the conduct of one jeugdhulpaanbieder. */
const OVER_JEUGDHULP: IntakeInput = {
  gemeente: 'GM0355',
  kanaal: 'brief',
  ontvangenOp: '2024-05-01T10:00:00+02:00',
  ingediendBij: 'gemeente',
  soort: 'klacht',
  aanbieders: [JEUGD],
  feiten: { complex: false, gerichtAan: 'aanbieder' },
};
/** The same day, about the care of one zorgaanbieder. */
const OVER_ZORG: IntakeInput = { ...OVER_JEUGDHULP, aanbieders: [ZORGAANBIEDER] };

const termijn = (s: StepResult, naam: string) => s.termijnen.find((t) => t.naam === naam);

const knoop = (r: Regime, id: string) => regimeDiagramGraph(r).nodes.find((n) => n.id === id);
const pijlen = (r: Regime, van: string, event: string) =>
  regimeDiagramGraph(r)
    .edges.filter((e) => e.source === van && e.event === event)
    .map((e) => ({ naar: e.target, grondslag: e.grondslag }));
/** The compiled state config at a dotted path (what the graph check and the paths listing read). */
function config(r: Regime, pad: string): ToestandConfig | undefined {
  let states: Record<string, ToestandConfig> | undefined = r.gecompileerd.config.states;
  let c: ToestandConfig | undefined;
  for (const deel of pad.split('.')) {
    c = states?.[deel];
    states = c?.states;
  }
  return c;
}

/** The commissie's oordeel on Monday 10 June 2024 (within its six weeks, due 12 June). */
const OORDEEL = { oordeel: 'gegrond', aanbevelingen: 'scholing van het team' };
function oordeelGegeven(r: Regime, data: Record<string, unknown> = OORDEEL): StepResult {
  return neem(r, r.start(OVER_JEUGDHULP), 'OORDEEL_KLACHTENCOMMISSIE', op('2024-06-10'), data);
}

/** The Jeugdwet klacht at the Kinderombudsman: the commissie let its six weeks pass (due 12 June 2024), request on 13 June. */
function bijKinderombudsman(r: Regime): StepResult {
  const verlopen = neem(r, r.start(OVER_JEUGDHULP), 'TERMIJN_VERLOPEN', '2024-06-13T00:00:00+02:00', { termijn: 'jeugdwetOordeel' });
  return neem(r, verlopen, 'VERZOEK_OMBUDSMAN', op('2024-06-13'));
}
/** A klacht about the gemeente's own conduct in the same definition, at the Nationale ombudsman after its Awb 9:11 term. */
function bijNationaleOmbudsman(r: Regime): StepResult {
  const gemeente = r.start({ ...OVER_JEUGDHULP, aanbieders: [], feiten: { complex: false } });
  const verlopen = neem(r, gemeente, 'TERMIJN_VERLOPEN', '2024-06-13T00:00:00+02:00', { termijn: 'afhandeling' });
  return neem(r, verlopen, 'VERZOEK_OMBUDSMAN', op('2024-06-20'));
}

describe('Jeugdwet 4.2.1: the klachtencommissie of the jeugdhulpaanbieder', () => {
  test('Jeugdwet 4.2.1 lid 6, lid 2 sub c: the klachtencommissie judges instead of Awb titel 9.1, within the term of the regeling from the klacht', () => {
    const r = regime();
    const s = r.start(OVER_JEUGDHULP);
    expect([s.state, termijnen(s)]).toEqual(['jeugdwetKlachtencommissie.oordeelCommissie', [['jeugdwetOordeel', '2024-06-12']]]);
    expect(termijn(s, 'jeugdwetOordeel')?.grondslag).toBe('Jeugdwet 4.2.1 lid 2 sub c');
    expect(knoop(r, 'jeugdwetKlachtencommissie')).toEqual(
      expect.objectContaining({
        label: 'Klachtencommissie van de jeugdhulpaanbieder (Awb titel 9.1 geldt niet)',
        fase: 'bijzonder',
        grondslag: 'Jeugdwet 4.2.1',
        termijnen: ['jeugdwetOordeel', 'jeugdwetReactie', 'tweedeLijnVerzoek'],
      }),
    );
    expect(knoop(r, 'jeugdwetKlachtencommissie.oordeelCommissie')).toEqual(
      expect.objectContaining({
        label: 'Behandeling door de klachtencommissie',
        fase: 'bijzonder',
        grondslag: 'Jeugdwet 4.2.1 lid 2',
        termijnen: ['jeugdwetOordeel'],
      }),
    );
    expect(knoop(r, 'jeugdwetKlachtencommissie.reactieAanbieder')).toEqual(
      expect.objectContaining({
        label: 'Reactie van de aanbieder: welke maatregelen?',
        fase: 'bijzonder',
        grondslag: 'Jeugdwet 4.2.1 lid 5',
        termijnen: ['jeugdwetReactie'],
      }),
    );
  });

  test('Jeugdwet 4.2.1 lid 2 sub c: the reasoned oordeel goes to klager, beklaagde and aanbieder, ends the commissie’s term and starts the aanbieder’s month (lid 5, Atw)', () => {
    const r = regime();
    const s = r.start(OVER_JEUGDHULP);
    // Only a valid oordeel (gegrond, ongegrond, deels gegrond) is one.
    expect(geweigerd(r, s, 'OORDEEL_KLACHTENCOMMISSIE', op('2024-06-10'), { oordeel: 'misschien' })).toBe(true);
    expect(geweigerd(r, s, 'OORDEEL_KLACHTENCOMMISSIE', op('2024-06-10'))).toBe(true);
    const o = oordeelGegeven(r);
    // Monday 10 June + one month: Wednesday 10 July.
    expect([o.state, termijnen(o)]).toEqual(['jeugdwetKlachtencommissie.reactieAanbieder', [['jeugdwetReactie', '2024-07-10']]]);
    expect(termijn(o, 'jeugdwetReactie')?.grondslag).toBe('Jeugdwet 4.2.1 lid 5');
    expect(o.intents).toEqual(
      ['klager', 'beklaagde', 'aanbieder'].map((naar) => ({
        type: 'OORDEEL_KLACHTENCOMMISSIE',
        naar,
        grondslag: 'Jeugdwet 4.2.1 lid 2 sub c',
        data: OORDEEL,
      })),
    );
    // The reasons it reports travel with the oordeel, nothing else of the event's data.
    const zonder = oordeelGegeven(r, { oordeel: 'ongegrond', reden: 'intern' });
    expect(zonder.intents.map((i) => i.data)).toEqual([{ oordeel: 'ongegrond' }, { oordeel: 'ongegrond' }, { oordeel: 'ongegrond' }]);
    expect(pijlen(r, 'jeugdwetKlachtencommissie.oordeelCommissie', 'OORDEEL_KLACHTENCOMMISSIE')).toEqual([
      { naar: 'jeugdwetKlachtencommissie.reactieAanbieder', grondslag: 'Jeugdwet 4.2.1 lid 2 sub c' },
    ]);
  });

  test('Jeugdwet 4.2.1 lid 5: the aanbieder’s month runs from its receipt of the oordeel, never from before the oordeel', () => {
    const r = regime();
    // Received Thursday 13 June: 13 July is a Saturday, so Monday 15 July (Atw art. 1).
    const ontvangen = oordeelGegeven(r, { ...OORDEEL, ontvangenDoorAanbieder: '2024-06-13' });
    expect(termijnen(ontvangen)).toEqual([['jeugdwetReactie', '2024-07-15']]);
    // A receipt given before the oordeel: the month runs from the oordeel.
    const eerder = oordeelGegeven(r, { ...OORDEEL, ontvangenDoorAanbieder: '2024-06-03' });
    expect(termijnen(eerder)).toEqual([['jeugdwetReactie', '2024-07-10']]);
  });

  test('Jeugdwet 4.2.1 lid 2 sub d: the commissie sets a new term only with a reasoned notice of it to klager, beklaagde and aanbieder', () => {
    const r = regime();
    const s = r.start(OVER_JEUGDHULP);
    const nieuw = { termijn: 'jeugdwetOordeel', tot: '2024-07-01', reden: 'een tweede hoorzitting is nodig' };
    expect(geweigerd(r, s, 'NIEUWE_TERMIJN', op('2024-06-05'), { termijn: 'jeugdwetOordeel', tot: '2024-07-01' })).toBe(true);
    // The aanbieder's month does not run yet: the commissie cannot move it.
    expect(geweigerd(r, s, 'NIEUWE_TERMIJN', op('2024-06-05'), { ...nieuw, termijn: 'jeugdwetReactie' })).toBe(true);
    const v = neem(r, s, 'NIEUWE_TERMIJN', op('2024-06-05'), nieuw);
    expect([v.state, termijnen(v)]).toEqual(['jeugdwetKlachtencommissie.oordeelCommissie', [['jeugdwetOordeel', '2024-07-01']]]);
    expect(v.intents).toEqual(
      ['klager', 'beklaagde', 'aanbieder'].map((naar) =>
        expect.objectContaining({ type: 'KENNISGEVING_NIEUWE_TERMIJN', naar, grondslag: 'Jeugdwet 4.2.1 lid 2 sub d' }),
      ),
    );
    expect(pijlen(r, 'jeugdwetKlachtencommissie.oordeelCommissie', 'NIEUWE_TERMIJN')).toEqual([
      { naar: 'jeugdwetKlachtencommissie.oordeelCommissie', grondslag: 'Jeugdwet 4.2.1 lid 2 sub d' },
    ]);
  });

  test('Jeugdwet 4.2.1 lid 5: the aanbieder departs from its month only with a reasoned notice of the new term to klager and klachtencommissie', () => {
    const r = regime();
    const o = oordeelGegeven(r);
    const nieuw = { termijn: 'jeugdwetReactie', tot: '2024-08-01', reden: 'de maatregelen vragen overleg met de gemeente' };
    // The commissie's term has ended with its oordeel.
    expect(geweigerd(r, o, 'NIEUWE_TERMIJN', op('2024-07-01'), { ...nieuw, termijn: 'jeugdwetOordeel' })).toBe(true);
    expect(geweigerd(r, o, 'NIEUWE_TERMIJN', op('2024-07-01'), { termijn: 'jeugdwetReactie', tot: '2024-08-01' })).toBe(true);
    const v = neem(r, o, 'NIEUWE_TERMIJN', op('2024-07-01'), nieuw);
    expect([v.state, termijnen(v)]).toEqual(['jeugdwetKlachtencommissie.reactieAanbieder', [['jeugdwetReactie', '2024-08-01']]]);
    expect(v.intents).toEqual(
      ['klager', 'klachtencommissie'].map((naar) =>
        expect.objectContaining({ type: 'KENNISGEVING_NIEUWE_TERMIJN', naar, grondslag: 'Jeugdwet 4.2.1 lid 5' }),
      ),
    );
  });

  test('Jeugdwet 4.2.1 lid 5: the aanbieder tells klager and klachtencommissie in writing which measures it takes; that completes the internal handling and ends its month', () => {
    const r = regime();
    // Not before the oordeel.
    expect(geweigerd(r, r.start(OVER_JEUGDHULP), 'REACTIE_AANBIEDER', op('2024-06-01'), { maatregelen: 'scholing' })).toBe(true);
    const o = oordeelGegeven(r);
    const reactie = neem(r, o, 'REACTIE_AANBIEDER', op('2024-07-05'), { maatregelen: 'scholing', oordeel: 'gegrond' });
    // The aanbieder's month ends; what runs now is the klager's year for the Kinderombudsman (Wno 11d, Awb 9:24).
    expect([reactie.state, reactie.done, termijnen(reactie)]).toEqual([
      'jeugdwetKlachtencommissie.reactieGegeven',
      false,
      [['tweedeLijnVerzoek', '2025-07-05']],
    ]);
    expect(reactie.intents).toEqual(
      ['klager', 'klachtencommissie'].map((naar) => ({
        type: 'REACTIE_OP_OORDEEL',
        naar,
        grondslag: 'Jeugdwet 4.2.1 lid 5',
        data: { maatregelen: 'scholing' },
      })),
    );
    expect(pijlen(r, 'jeugdwetKlachtencommissie.reactieAanbieder', 'REACTIE_AANBIEDER')).toEqual([
      { naar: 'jeugdwetKlachtencommissie.reactieGegeven', grondslag: 'Jeugdwet 4.2.1 lid 5' },
    ]);
  });

  test('Wet Nationale ombudsman art. 11d with Awb 9:20, 9:24 lid 1: after the oordeel and the aanbieder’s reactie the klager goes to the Kinderombudsman within the year from the reactie, also when no termijn passed', () => {
    const r = regime();
    const o = oordeelGegeven(r);
    // Both the commissie and the aanbieder are within their termijnen: the internal handling is not complete (Awb 9:20).
    expect(stap(r, o, 'VERZOEK_OMBUDSMAN', op('2024-07-01')).reason).toBe(
      'de klachtencommissie (Jeugdwet 4.2.1 lid 2) en de aanbieder (lid 5) zijn nog binnen hun termijn; daarna kan de klager naar de Kinderombudsman',
    );
    const reactie = neem(r, o, 'REACTIE_AANBIEDER', op('2024-07-05'), { maatregelen: 'scholing' });
    // On the last day of the year (Friday 5 July 2025, no Atw).
    const ko = neem(r, reactie, 'VERZOEK_OMBUDSMAN', op('2025-07-05'));
    expect([ko.state, ko.termijnen, ko.vervallen]).toEqual(['bijOmbudsman.kinderombudsman.onderzoek', [], undefined]);
    expect(ko.intents).toEqual([
      {
        type: 'VERZOEK_TWEEDE_LIJN_REGISTREREN',
        naar: 'Kinderombudsman',
        grondslag: 'Awb 9:18, 9:24',
        data: { instantie: 'Kinderombudsman', soort: 'kinderombudsman', binnenTermijn: true },
      },
    ]);
    expect(pijlen(r, 'jeugdwetKlachtencommissie.reactieGegeven', 'VERZOEK_OMBUDSMAN')).toContainEqual({
      naar: 'bijOmbudsman.kinderombudsman',
      grondslag: 'Wet Nationale ombudsman art. 11c, 11d; Awb 9:20, 9:24 lid 1 (naar analogie)',
    });
    // The klager satisfied with oordeel and maatregelen closes it.
    const tevreden = neem(r, reactie, 'KLAGER_TEVREDEN', op('2024-07-10'));
    expect([tevreden.state, tevreden.done, tevreden.termijnen]).toEqual(['afgesloten', true, []]);
  });

  test('Wet Nationale ombudsman art. 11d with Awb 9:24 lid 1: no klager waits for ever after the reactie: when the year passes without a request the klacht is closed', () => {
    const r = regime();
    const reactie = neem(r, oordeelGegeven(r), 'REACTIE_AANBIEDER', op('2024-07-05'), { maatregelen: 'scholing' });
    expect(geweigerd(r, reactie, 'TERMIJN_VERLOPEN', '2025-07-05T23:00:00+02:00', { termijn: 'tweedeLijnVerzoek' })).toBe(true);
    const dicht = neem(r, reactie, 'TERMIJN_VERLOPEN', '2025-07-06T00:00:00+02:00', { termijn: 'tweedeLijnVerzoek' });
    expect([dicht.state, dicht.done, dicht.termijnen]).toEqual(['afgesloten', true, []]);
    expect(dicht.intents.map((i) => [i.type, i.data?.vervaldatum])).toEqual([['TERMIJN_OVERSCHREDEN', '2025-07-05']]);
  });

  test('Wet Nationale ombudsman art. 11a, 11c: when the commissie lets its term pass the klager goes to the Kinderombudsman, not before; the commissie’s term ends', () => {
    const r = regime();
    const s = r.start(OVER_JEUGDHULP);
    expect(geweigerd(r, s, 'VERZOEK_OMBUDSMAN', op('2024-06-12'))).toBe(true);
    // The day after the last day, also before the wake-up registered the passing.
    for (const v of [s, neem(r, s, 'TERMIJN_VERLOPEN', '2024-06-13T00:00:00+02:00', { termijn: 'jeugdwetOordeel' })]) {
      const ko = neem(r, v, 'VERZOEK_OMBUDSMAN', op('2024-06-13'));
      // The commissie did not meet its term: it ends as not met, never 'nagekomen'.
      expect([ko.state, ko.termijnen, ko.vervallen]).toEqual([
        'bijOmbudsman.kinderombudsman.onderzoek',
        [],
        ['jeugdwetOordeel', 'jeugdwetReactie'],
      ]);
      expect(ko.intents).toEqual([
        {
          type: 'VERZOEK_TWEEDE_LIJN_REGISTREREN',
          naar: 'Kinderombudsman',
          grondslag: 'Awb 9:18, 9:24',
          data: { instantie: 'Kinderombudsman', soort: 'kinderombudsman', binnenTermijn: true },
        },
      ]);
    }
    expect(pijlen(r, 'jeugdwetKlachtencommissie', 'VERZOEK_OMBUDSMAN')).toEqual([
      { naar: 'bijOmbudsman.kinderombudsman', grondslag: 'Wet Nationale ombudsman art. 11a, 11c' },
    ]);
  });

  test('Wet Nationale ombudsman art. 11c, 11d with Awb 9:36 lid 2, 3 (by analogy): the Kinderombudsman’s report on a jeugdhulpaanbieder’s own conduct goes to the aanbieder, who reacts to its recommendations; a gemeente klacht’s report still goes to the gemeente’s loket', () => {
    const r = regime();
    const o = oordeelGegeven(r);
    const naReactie = neem(
      r,
      neem(r, o, 'REACTIE_AANBIEDER', op('2024-07-05'), { maatregelen: 'scholing' }),
      'VERZOEK_OMBUDSMAN',
      op('2024-08-01'),
    );
    // The other way in: the aanbieder let its month pass (Jeugdwet 4.2.1 lid 5).
    const naTermijn = neem(r, o, 'VERZOEK_OMBUDSMAN', op('2024-07-11'));
    const aanAanbieder = [
      { type: 'RAPPORT_ONTVANGEN', naar: 'aanbieder', grondslag: 'Wet Nationale ombudsman art. 11d; Awb 9:36 lid 2 (naar analogie)' },
    ];
    for (const ko of [naReactie, naTermijn]) {
      const met = neem(r, ko, 'RAPPORT_OMBUDSMAN', op('2024-10-01'), { aanbevelingen: true });
      expect([met.state, met.intents]).toEqual(['bijOmbudsman.kinderombudsman.reactieOpRapport', aanAanbieder]);
      const zonder = neem(r, ko, 'RAPPORT_OMBUDSMAN', op('2024-10-01'), { aanbevelingen: false });
      expect([zonder.state, zonder.intents]).toEqual(['afgesloten', aanAanbieder]);
    }
    // The same definition's klacht about the gemeente's own conduct (no aanbieder) keeps the generic route (Awb 9:36 lid 2).
    const gemeente = r.start({ ...OVER_JEUGDHULP, aanbieders: [], feiten: { complex: false } });
    expect(gemeente.state).toMatch(/^gemeente\./);
    const bijNo = neem(
      r,
      neem(r, gemeente, 'TERMIJN_VERLOPEN', '2024-06-13T00:00:00+02:00', { termijn: 'afhandeling' }),
      'VERZOEK_OMBUDSMAN',
      op('2024-06-20'),
    );
    expect(bijNo.state).toBe('bijOmbudsman.onderzoek');
    expect(neem(r, bijNo, 'RAPPORT_OMBUDSMAN', op('2024-10-01'), { aanbevelingen: true }).intents).toEqual([
      { type: 'RAPPORT_ONTVANGEN', naar: 'KCC', grondslag: 'Awb 9:36 lid 2' },
    ]);
  });

  test('Wet Nationale ombudsman art. 11d with Awb 9:20 lid 1 (by analogy) and Jeugdwet 4.2.1 lid 6: a Jeugdwet klacht the Kinderombudsman sends back goes to the aanbieder’s klachtencommissie with its term from the forwarding, never to the gemeente under Awb titel 9.1', () => {
    const r = regime();
    const ko = bijKinderombudsman(r);
    // Sent back on Monday 1 July 2024: the commissie's six weeks (the regeling's oordeelTermijn) run from that day.
    const terug = neem(r, ko, 'OMBUDSMAN_DOORGEZONDEN', op('2024-07-01'));
    expect([terug.state, termijnen(terug), terug.done]).toEqual([
      'jeugdwetKlachtencommissie.oordeelCommissie',
      [['jeugdwetOordeel', '2024-08-12']],
      false,
    ]);
    expect(terug.intents).toEqual([
      {
        type: 'ONTVANGST_DOORGEZONDEN_KLACHT',
        naar: 'klachtencommissie',
        grondslag: 'Wet Nationale ombudsman art. 11d; Awb 9:20 lid 1 (naar analogie); Jeugdwet 4.2.1 lid 6',
        data: { doorgezondenDoor: 'Kinderombudsman' },
      },
    ]);
    // The new round's term decides: the first round's passed term no longer opens the way back to the Kinderombudsman.
    expect(stap(r, terug, 'VERZOEK_OMBUDSMAN', op('2024-07-02')).reason).toBe(
      'de klachtencommissie (Jeugdwet 4.2.1 lid 2) en de aanbieder (lid 5) zijn nog binnen hun termijn; daarna kan de klager naar de Kinderombudsman',
    );
    expect(neem(r, terug, 'VERZOEK_OMBUDSMAN', op('2024-08-13')).state).toBe('bijOmbudsman.kinderombudsman.onderzoek');
    // Filed as a klacht of its own (POST /klachten/{id}/ombudsman-verzoeken): that klacht is the new handling, this one closes.
    expect(neem(r, ko, 'OMBUDSMAN_DOORGEZONDEN', op('2024-07-01'), { verzoekKlacht: 'k-2' }).state).toBe('afgesloten');
    expect(pijlen(r, 'bijOmbudsman.kinderombudsman.onderzoek', 'OMBUDSMAN_DOORGEZONDEN').map((p) => p.naar)).toEqual([
      'afgesloten',
      'jeugdwetKlachtencommissie',
    ]);
  });

  test('Wet Nationale ombudsman art. 11c, 11d: a Jeugdwet klacht at the Kinderombudsman reads as being with the Kinderombudsman, not with the gemeente’s second line', () => {
    const r = regime();
    const dagen = { vandaag: '2024-07-01', sinds: '2024-06-13' };
    const ko = bijKinderombudsman(r);
    expect(r.beschrijfKlacht(ko.state, dagen)).toBe('Onderzoek door de Kinderombudsman naar de gedraging van de jeugdhulpaanbieder');
    const rapport = neem(r, ko, 'RAPPORT_OMBUDSMAN', op('2024-10-01'), { aanbevelingen: true });
    expect([rapport.state, r.beschrijfKlacht(rapport.state, dagen)]).toEqual([
      'bijOmbudsman.kinderombudsman.reactieOpRapport',
      'Reactie van de jeugdhulpaanbieder op de aanbevelingen van de Kinderombudsman',
    ]);
    // The gemeente's own klacht of the same definition still names the body it went to (Awb 9:18).
    expect(r.beschrijfKlacht(bijNationaleOmbudsman(r).state, dagen)).toBe('Onderzoek door de tweede lijn (Nationale ombudsman)');
    expect(knoop(r, 'bijOmbudsman')?.label).toContain('Kinderombudsman');
  });

  test('Wet Nationale ombudsman art. 11c lid 1 sub b, 11d with Awb 9:31 (by analogy): the Kinderombudsman’s informatievraag and interventieverzoek on a Jeugdwet klacht go to the jeugdhulpaanbieder, not to the gemeente’s loket', () => {
    const r = regime();
    const grondslag = 'Wet Nationale ombudsman art. 11d; Awb 9:31 (naar analogie)';
    const ko = bijKinderombudsman(r);
    const vraag = neem(r, ko, 'OMBUDSMAN_INFORMATIEVRAAG', op('2024-07-01'), { termijn: '2024-07-15', vraag: 'het dossier' });
    expect([vraag.state, vraag.intents]).toEqual([
      'bijOmbudsman.kinderombudsman.onderzoek',
      [{ type: 'INFORMATIE_AAN_OMBUDSMAN', naar: 'aanbieder', grondslag, data: { termijn: '2024-07-15', vraag: 'het dossier' } }],
    ]);
    expect(neem(r, ko, 'OMBUDSMAN_INTERVENTIEVERZOEK', op('2024-07-01')).intents).toEqual([
      { type: 'INTERVENTIE_OPPAKKEN', naar: 'aanbieder', grondslag },
    ]);
    // Filed as a klacht of its own: only recorded here, as for every request.
    expect(neem(r, ko, 'OMBUDSMAN_INFORMATIEVRAAG', op('2024-07-01'), { verzoekKlacht: 'k-3' }).intents).toEqual([]);
    // The gemeente's own klacht of the same definition: the loket answers (Awb 9:31).
    const no = bijNationaleOmbudsman(r);
    expect(neem(r, no, 'OMBUDSMAN_INFORMATIEVRAAG', op('2024-07-01'), { vraag: 'het dossier' }).intents).toEqual([
      { type: 'INFORMATIE_AAN_OMBUDSMAN', naar: 'KCC', grondslag: 'Awb 9:31', data: { vraag: 'het dossier' } },
    ]);
    expect(neem(r, no, 'OMBUDSMAN_INTERVENTIEVERZOEK', op('2024-07-01')).intents).toEqual([
      { type: 'INTERVENTIE_OPPAKKEN', naar: 'KCC', grondslag: 'Awb 9:31' },
    ]);
  });

  test('Jeugdwet 4.2.1 lid 6 with Wet Nationale ombudsman art. 11d: a Jeugdwet klacht already at bijOmbudsman.onderzoek when the Kinderombudsman got a state of its own keeps its state, and is sent back to the klachtencommissie and answered by the aanbieder', () => {
    const r = regime();
    const nu = bijKinderombudsman(r);
    // The snapshot as the machine stored it before: the same context, at the gemeente's second line.
    const oud: StepResult = {
      ...nu,
      state: 'bijOmbudsman.onderzoek',
      snapshot: { ...(nu.snapshot as object), value: { bijOmbudsman: 'onderzoek' } },
    };
    const informatie = neem(r, oud, 'OMBUDSMAN_INFORMATIEVRAAG', op('2024-07-01'), { vraag: 'het dossier' });
    expect([informatie.state, informatie.intents.map((i) => i.naar)]).toEqual(['bijOmbudsman.onderzoek', ['aanbieder']]);
    expect(neem(r, oud, 'OMBUDSMAN_INTERVENTIEVERZOEK', op('2024-07-01')).intents.map((i) => i.naar)).toEqual(['aanbieder']);
    const terug = neem(r, oud, 'OMBUDSMAN_DOORGEZONDEN', op('2024-07-01'));
    expect([terug.state, termijnen(terug), terug.intents.map((i) => [i.type, i.naar])]).toEqual([
      'jeugdwetKlachtencommissie.oordeelCommissie',
      [['jeugdwetOordeel', '2024-08-12']],
      [['ONTVANGST_DOORGEZONDEN_KLACHT', 'klachtencommissie']],
    ]);
    expect(neem(r, oud, 'RAPPORT_OMBUDSMAN', op('2024-10-01'), { aanbevelingen: true }).intents.map((i) => i.naar)).toEqual(['aanbieder']);
    // A gemeente klacht at the same state still goes back to the gemeente (Awb 9:20 lid 1, titel 9.1).
    const no = neem(r, bijNationaleOmbudsman(r), 'OMBUDSMAN_DOORGEZONDEN', op('2024-07-01'));
    expect([no.state.split('.')[0], no.intents.map((i) => [i.type, i.naar])]).toEqual([
      'gemeente',
      expect.arrayContaining([['ONTVANGST_DOORGEZONDEN_KLACHT', 'KCC']]),
    ]);
  });

  test('Wet Nationale ombudsman art. 11a, 11c: when the aanbieder lets its month pass (Jeugdwet 4.2.1 lid 5) the klager goes to the Kinderombudsman; the month ends', () => {
    const r = regime();
    const o = oordeelGegeven(r);
    expect(geweigerd(r, o, 'VERZOEK_OMBUDSMAN', op('2024-07-10'))).toBe(true);
    const ko = neem(r, o, 'VERZOEK_OMBUDSMAN', op('2024-07-11'));
    expect([ko.state, ko.termijnen, ko.vervallen]).toEqual([
      'bijOmbudsman.kinderombudsman.onderzoek',
      [],
      ['jeugdwetOordeel', 'jeugdwetReactie'],
    ]);
  });

  test('Jeugdwet 4.2.1 lid 5: a klager who goes to the Kinderombudsman after a late oordeel, while the aanbieder’s month runs, does not make that month met', () => {
    const r = regime();
    const laat = neem(r, r.start(OVER_JEUGDHULP), 'TERMIJN_VERLOPEN', '2024-06-13T00:00:00+02:00', { termijn: 'jeugdwetOordeel' });
    const o = neem(r, laat, 'OORDEEL_KLACHTENCOMMISSIE', op('2024-06-17'), OORDEEL);
    expect(termijnen(o)).toEqual([['jeugdwetReactie', '2024-07-17']]);
    // The commissie's term passed: the Kinderombudsman is open (Wet Nationale ombudsman art. 11a, 11c). The aanbieder gave
    // no reactie: its month ends 'vervallen' (not met, not missed: the klacht has left it), not 'nagekomen'.
    const ko = neem(r, o, 'VERZOEK_OMBUDSMAN', op('2024-06-20'));
    expect([ko.state, ko.termijnen, ko.vervallen]).toEqual([
      'bijOmbudsman.kinderombudsman.onderzoek',
      [],
      ['jeugdwetOordeel', 'jeugdwetReactie'],
    ]);
  });

  test('Jeugdwet 4.2.2: a serious structural situation is reported to the aanbieder and followed up with the toezichthouder, while the handling goes on', () => {
    const r = regime();
    const verwacht = [
      { type: 'MELDING_STRUCTURELE_SITUATIE', naar: 'aanbieder', grondslag: 'Jeugdwet 4.2.2' },
      { type: 'TOEZICHT_VOLGEN', naar: 'toezichthouder', grondslag: 'Jeugdwet 4.2.2', data: { alsGeenMaatregelen: true } },
    ];
    const s = r.start(OVER_JEUGDHULP);
    const tijdensOordeel = neem(r, s, 'STRUCTURELE_SITUATIE', op('2024-05-20'));
    expect([tijdensOordeel.state, termijnen(tijdensOordeel), tijdensOordeel.intents]).toEqual([
      'jeugdwetKlachtencommissie.oordeelCommissie',
      [['jeugdwetOordeel', '2024-06-12']],
      verwacht,
    ]);
    const tijdensReactie = neem(r, oordeelGegeven(r), 'STRUCTURELE_SITUATIE', op('2024-06-20'));
    expect([tijdensReactie.state, termijnen(tijdensReactie), tijdensReactie.intents]).toEqual([
      'jeugdwetKlachtencommissie.reactieAanbieder',
      [['jeugdwetReactie', '2024-07-10']],
      verwacht,
    ]);
  });

  test('Jeugdwet 4.2.1: only a regeling with a klachtencommissie has the step; the graph check places it at its key in the definition', () => {
    const zonder = regime(metRegimes(ZORG));
    expect(zonder.faseVan('jeugdwetKlachtencommissie')).toBeUndefined();
    expect(config(zonder, 'jeugdwetKlachtencommissie')).toBeUndefined();
    // The key of the regeling, whichever comes first.
    for (const [lines, sleutel] of [
      [metRegimes(JEUGDHULP, ZORG), 'jeugdhulp'],
      [metRegimes(ZORG, JEUGDHULP), 'jeugdhulp'],
    ] as const) {
      expect(config(regime(lines), 'jeugdwetKlachtencommissie')?.meta.definitiePad).toEqual(['bijzondereRegimes', sleutel]);
    }
  });
});

/** The klachtenfunctionaris's written outcome on Monday 10 June 2024 (within the six weeks, due 12 June). */
const UITKOMST = { oordeel: 'deelsGegrond', maatregelen: 'nieuwe planning van de zorg binnen vier weken' };
function uitkomstMeegedeeld(r: Regime): StepResult {
  return neem(r, r.start(OVER_ZORG), 'AFDOENEN', op('2024-06-10'), UITKOMST);
}

describe('Wkkgz 13–22: the klachtenregeling of the zorgaanbieder', () => {
  test('Wkkgz 13, 15, 17 lid 1: a klacht about zorg goes to the klachtenfunctionaris; the written outcome is due within six weeks, no Awb 9:11', () => {
    const r = regime();
    const s = r.start(OVER_ZORG);
    expect([s.state, termijnen(s)]).toEqual(['wkkgz.bijKlachtenfunctionaris', [['wkkgzAfhandeling', '2024-06-12']]]);
    expect(termijn(s, 'wkkgzAfhandeling')?.grondslag).toBe('Wkkgz 17 lid 1');
    expect(knoop(r, 'wkkgz')).toEqual(
      expect.objectContaining({
        label: 'Klacht over zorg: klachtenregeling van de zorgaanbieder (Wkkgz)',
        fase: 'bijzonder',
        grondslag: 'Wkkgz 13–22',
        termijnen: ['wkkgzAfhandeling', 'wkkgzGeschilVoorleggen', 'wkkgzGeschil'],
      }),
    );
    expect(knoop(r, 'wkkgz.bijKlachtenfunctionaris')).toEqual(
      expect.objectContaining({ fase: 'bijzonder', grondslag: 'Wkkgz 15, 16, 17', termijnen: ['wkkgzAfhandeling'] }),
    );
    expect(knoop(r, 'wkkgz.uitkomstMeegedeeld')).toEqual(
      expect.objectContaining({ fase: 'bijzonder', grondslag: 'Wkkgz 21 lid 1 sub b', termijnen: ['wkkgzGeschilVoorleggen'] }),
    );
    expect(knoop(r, 'wkkgz.bijGeschilleninstantie')).toEqual(
      expect.objectContaining({ label: `Bij ${GI}`, fase: 'bijzonder', grondslag: 'Wkkgz 19–22', termijnen: ['wkkgzGeschil'] }),
    );
  });

  test('Wkkgz 17 lid 1: the written, reasoned outcome with the oordeel and the measures goes to the klager and ends the six weeks', () => {
    const r = regime();
    const s = r.start(OVER_ZORG);
    expect(geweigerd(r, s, 'AFDOENEN', op('2024-06-10'), { maatregelen: 'geen' })).toBe(true);
    const u = uitkomstMeegedeeld(r);
    // The six weeks end; what runs now is the klager's own window (Wkkgz 21 lid 1 sub b), nobody's obligation.
    expect([u.state, termijnen(u)]).toEqual(['wkkgz.uitkomstMeegedeeld', [['wkkgzGeschilVoorleggen', '2025-06-10']]]);
    expect(u.intents).toEqual([{ type: 'SCHRIFTELIJKE_UITKOMST', naar: 'klager', grondslag: 'Wkkgz 17 lid 1', data: UITKOMST }]);
    expect(pijlen(r, 'wkkgz.bijKlachtenfunctionaris', 'AFDOENEN')).toEqual([
      { naar: 'wkkgz.uitkomstMeegedeeld', grondslag: 'Wkkgz 17 lid 1' },
    ]);
  });

  test('Wkkgz 17 lid 2: the zorgaanbieder extends the six weeks by at most four, notified to the klager before they expire', () => {
    const r = regime();
    const s = r.start(OVER_ZORG);
    const verdaagd = neem(r, s, 'VERDAGEN', op('2024-06-12'), { termijn: 'wkkgzAfhandeling', duur: 'P4W' });
    expect([verdaagd.state, termijnen(verdaagd)]).toEqual(['wkkgz.bijKlachtenfunctionaris', [['wkkgzAfhandeling', '2024-07-10']]]);
    expect(verdaagd.intents).toEqual([
      expect.objectContaining({ type: 'KENNISGEVING_VERDAGING', naar: 'klager', grondslag: 'Wkkgz 17 lid 2' }),
    ]);
    expect(geweigerd(r, s, 'VERDAGEN', op('2024-06-13'), { termijn: 'wkkgzAfhandeling', duur: 'P4W' })).toBe(true);
    expect(geweigerd(r, s, 'VERDAGEN', op('2024-06-01'), { termijn: 'wkkgzAfhandeling', duur: 'P5W' })).toBe(true);
  });

  test('Wkkgz 16: a klacht resolved to the satisfaction of klager and zorgaanbieder is closed, and the six weeks end', () => {
    const r = regime();
    const tevreden = neem(r, r.start(OVER_ZORG), 'KLAGER_TEVREDEN', op('2024-05-20'));
    expect([tevreden.state, tevreden.done, tevreden.termijnen]).toEqual(['afgesloten', true, []]);
    expect(pijlen(r, 'wkkgz.bijKlachtenfunctionaris', 'KLAGER_TEVREDEN')).toEqual([{ naar: 'afgesloten', grondslag: 'Wkkgz 16' }]);
  });

  test('Wkkgz 21 lid 1 sub a, c: before the outcome the geschil goes to the geschilleninstantie only on a ground, or once the six weeks have passed', () => {
    const r = regime();
    const s = r.start(OVER_ZORG);
    expect(geweigerd(r, s, 'GESCHIL_VOORGELEGD', op('2024-05-20'))).toBe(true);
    expect(geweigerd(r, s, 'GESCHIL_VOORGELEGD', op('2024-05-20'), { grond: 'ontevreden' })).toBe(true);
    for (const grond of ['klachtregelingNietNageleefd', 'nietRedelijk']) {
      const g = neem(r, s, 'GESCHIL_VOORGELEGD', op('2024-05-20'), { grond });
      // Six months from Monday 20 May 2024, no Atw (Wkkgz 22, more than three months: Atw art. 4). The zorgaanbieder's
      // six weeks end with it, not met (vervallen): the klacht has left its klachtenfunctionaris, no outcome of his can
      // meet them any more, and no later wake-up may escalate them or count the zorgaanbieder late.
      expect([g.state, termijnen(g), g.vervallen]).toEqual([
        'wkkgz.bijGeschilleninstantie',
        [['wkkgzGeschil', '2024-11-20']],
        ['wkkgzAfhandeling'],
      ]);
      expect(geweigerd(r, g, 'TERMIJN_VERLOPEN', '2024-06-13T00:00:00+02:00', { termijn: 'wkkgzAfhandeling' })).toBe(true);
    }
    // Sub a: the zorgaanbieder let the six weeks pass; the klacht stays with the klachtenfunctionaris until then.
    const verlopen = neem(r, s, 'TERMIJN_VERLOPEN', '2024-06-13T00:00:00+02:00', { termijn: 'wkkgzAfhandeling' });
    expect([verlopen.state, verlopen.termijnen]).toEqual(['wkkgz.bijKlachtenfunctionaris', []]);
    // Saturday 15 June + six months: Sunday 15 December, not moved (no Atw).
    const g = neem(r, verlopen, 'GESCHIL_VOORGELEGD', op('2024-06-15'));
    expect([g.state, termijnen(g)]).toEqual(['wkkgz.bijGeschilleninstantie', [['wkkgzGeschil', '2024-12-15']]]);
    expect(termijn(g, 'wkkgzGeschil')?.grondslag).toBe('Wkkgz 22 lid 1');
    expect(pijlen(r, 'wkkgz.bijKlachtenfunctionaris', 'GESCHIL_VOORGELEGD')).toEqual([
      { naar: 'wkkgz.bijGeschilleninstantie', grondslag: 'Wkkgz 21 lid 1' },
    ]);
  });

  test('Wkkgz 21 lid 1 sub a: on the day after the six weeks ended the geschil goes to the geschilleninstantie without a ground, also before their wake-up ran; on their last day it needs one', () => {
    const r = regime();
    const s = r.start(OVER_ZORG);
    // Received Wednesday 1 May 2024: six weeks to Wednesday 12 June inclusive.
    expect(geweigerd(r, s, 'GESCHIL_VOORGELEGD', op('2024-06-12'))).toBe(true);
    const g = neem(r, s, 'GESCHIL_VOORGELEGD', op('2024-06-14'));
    expect([g.state, termijnen(g)]).toEqual(['wkkgz.bijGeschilleninstantie', [['wkkgzGeschil', '2024-12-14']]]);
  });

  test('Wkkgz 21 lid 1 sub b: after the outcome the klager not satisfied with it takes the geschil to the geschilleninstantie without a further ground; the satisfied one closes', () => {
    const r = regime();
    const u = uitkomstMeegedeeld(r);
    const g = neem(r, u, 'GESCHIL_VOORGELEGD', op('2024-06-20'));
    expect([g.state, termijnen(g)]).toEqual(['wkkgz.bijGeschilleninstantie', [['wkkgzGeschil', '2024-12-20']]]);
    const tevreden = neem(r, u, 'KLAGER_TEVREDEN', op('2024-06-20'));
    expect([tevreden.state, tevreden.done]).toEqual(['afgesloten', true]);
    expect(pijlen(r, 'wkkgz.uitkomstMeegedeeld', 'GESCHIL_VOORGELEGD')).toEqual([
      { naar: 'wkkgz.bijGeschilleninstantie', grondslag: 'Wkkgz 21 lid 1' },
    ]);
    expect(pijlen(r, 'wkkgz.uitkomstMeegedeeld', 'KLAGER_TEVREDEN')).toEqual([{ naar: 'afgesloten', grondslag: 'Wkkgz 17' }]);
  });

  test('Wkkgz 21 lid 1 sub b: after the written outcome the klager’s window to take the geschil further runs, a year by default (the Wkkgz sets none: the reglement of the geschilleninstantie); its passing closes the klacht, nobody is late', () => {
    const r = regime();
    const u = uitkomstMeegedeeld(r);
    // From the outcome of Monday 10 June 2024: a year, no Atw (a reglement's window, not a term of a wet).
    expect(termijnen(u)).toEqual([['wkkgzGeschilVoorleggen', '2025-06-10']]);
    expect(termijn(u, 'wkkgzGeschilVoorleggen')?.grondslag).toBe(
      'Wkkgz 21 lid 1 sub b; geen wettelijke termijn: een jaar naar het reglement van de geschilleninstantie',
    );
    expect(termijn(u, 'wkkgzGeschilVoorleggen')?.escalatieNaar).toBeUndefined();
    expect(isVerplichting('wkkgzGeschilVoorleggen')).toBe(false);
    // The last day counts: its wake-up is refused until the day after.
    expect(geweigerd(r, u, 'TERMIJN_VERLOPEN', '2025-06-10T23:59:00+02:00', { termijn: 'wkkgzGeschilVoorleggen' })).toBe(true);
    const dicht = neem(r, u, 'TERMIJN_VERLOPEN', '2025-06-11T00:00:00+02:00', { termijn: 'wkkgzGeschilVoorleggen' });
    expect([dicht.state, dicht.done, dicht.termijnen]).toEqual(['afgesloten', true, []]);
    expect(dicht.intents.map((i) => [i.type, i.naar, i.data?.vervaldatum, i.data?.tevredenheid])).toEqual([
      ['TERMIJN_OVERSCHREDEN', undefined, '2025-06-10', undefined],
      // Testdam's list has no 'niet bereikt': the registration records nothing, and the dossier is not told it did
      // (with the value in the list both say it: aanbieder.block.spec.ts, test/wkkgz-uitkomst-bestaand.test.ts).
      ['AFGESLOTEN_ZONDER_GESCHIL', 'dossier', undefined, undefined],
    ]);
    // A later answer hears which last day it missed.
    expect(stap(r, dicht, 'GESCHIL_VOORGELEGD', op('2025-06-12')).reason).toContain('op dinsdag 10 juni 2025 verstreek');
    expect(pijlen(r, 'wkkgz.uitkomstMeegedeeld', 'TERMIJN_VERLOPEN')).toEqual([{ naar: 'afgesloten', grondslag: 'Wkkgz 21 lid 1 sub b' }]);
  });

  test('Wkkgz 21 lid 1 sub b: a definition sets the klager’s window itself (geschilVoorleggenTermijn); on its last day he still goes on, from the day after his answer is refused, also before the wake-up ran', () => {
    const r = regime(metRegimes(JEUGDHULP, [...ZORG, '    geschilVoorleggenTermijn: P3M']));
    const u = uitkomstMeegedeeld(r);
    expect(termijnen(u)).toEqual([['wkkgzGeschilVoorleggen', '2024-09-10']]);
    expect(termijn(u, 'wkkgzGeschilVoorleggen')?.grondslag).toBe(
      'Wkkgz 21 lid 1 sub b; termijn uit de regeling (geschilVoorleggenTermijn)',
    );
    // The last day: the geschil goes on and the window ends with it; so does a satisfied answer.
    const g = neem(r, u, 'GESCHIL_VOORGELEGD', op('2024-09-10'));
    expect([g.state, termijnen(g)]).toEqual(['wkkgz.bijGeschilleninstantie', [['wkkgzGeschil', '2025-03-10']]]);
    expect(neem(r, u, 'KLAGER_TEVREDEN', op('2024-09-10')).state).toBe('afgesloten');
    // The list of what the klacht can take offers the answers exactly through the last day (regime.ts volgendeEventsOp).
    const aangeboden = (dag: string) =>
      r
        .volgendeEventsOp(u.snapshot, op(dag))
        .filter((e) => ['GESCHIL_VOORGELEGD', 'KLAGER_TEVREDEN'].includes(e))
        .sort();
    expect([aangeboden('2024-09-10'), aangeboden('2024-09-11')]).toEqual([['GESCHIL_VOORGELEGD', 'KLAGER_TEVREDEN'], []]);
    // The day after: too late, with the last day in the reason, whether or not the wake-up closed the klacht yet.
    for (const type of ['GESCHIL_VOORGELEGD', 'KLAGER_TEVREDEN']) {
      const laat = stap(r, u, type, op('2024-09-11'));
      expect([laat.accepted, laat.reason]).toEqual([
        false,
        expect.stringContaining('de klager kon het geschil tot en met dinsdag 10 september 2024 voorleggen'),
      ]);
    }
  });

  test('Wkkgz 19, 22: the geschilleninstantie’s binding advice is registered in the dossier and closes the klacht; its six months end', () => {
    const r = regime();
    const g = neem(r, uitkomstMeegedeeld(r), 'GESCHIL_VOORGELEGD', op('2024-06-20'));
    const uitspraak = neem(r, g, 'UITSPRAAK_GESCHILLENINSTANTIE', op('2024-10-01'), { uitspraak: 'gegrond, schadevergoeding' });
    expect([uitspraak.state, uitspraak.done, uitspraak.termijnen]).toEqual(['afgesloten', true, []]);
    expect(uitspraak.intents).toEqual([
      { type: 'UITSPRAAK_REGISTREREN', naar: 'dossier', grondslag: 'Wkkgz 22', data: { uitspraak: 'gegrond, schadevergoeding' } },
    ]);
    // The geschilleninstantie is the last line: when its six months pass the klager has no further step, and the graph
    // check accepts that.
    const defs = definities(metRegimes(JEUGDHULP, ZORG));
    expect(checkGraph(defs[0], defs)).toEqual([]);
    expect(config(r, 'wkkgz.bijGeschilleninstantie')?.meta.laatsteLijn).toBe(true);
  });

  test('Wkkgz 13: only a regeling with a Wkkgz regime has the step; the graph check places it at its key in the definition', () => {
    const zonder = regime(metRegimes(JEUGDHULP));
    expect(zonder.faseVan('wkkgz')).toBeUndefined();
    expect(config(zonder, 'wkkgz')).toBeUndefined();
    for (const [lines, sleutel] of [
      [metRegimes(JEUGDHULP, ZORG), 'zorg'],
      [metRegimes(ZORG, JEUGDHULP), 'zorg'],
      [metRegimes(JEUGDHULP, ['  overig:', ...ZORG.slice(1)]), 'overig'],
    ] as const) {
      expect(config(regime(lines), 'wkkgz')?.meta.definitiePad).toEqual(['bijzondereRegimes', sleutel]);
    }
    // Without any special regime both steps are absent, and the klacht about zorg is the gemeente's.
    const geen = regime(metRegimes());
    expect([geen.faseVan('wkkgz'), geen.faseVan('jeugdwetKlachtencommissie')]).toEqual([undefined, undefined]);
  });
});
