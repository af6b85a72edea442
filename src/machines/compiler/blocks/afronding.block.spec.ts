/**
 * The final states (afronding.block.ts), rule by rule, on the BASIS Testdam definition compiled inside each test: a
 * klacht resolved to the klager's satisfaction is closed without an afdoeningsbrief and still registered (Awb 9:5,
 * 9:12a); a withdrawn klacht is confirmed to the klager and kept as "afgebroken" (Selectielijst 2020 categorie 13.2); and
 * nothing runs after a klacht is closed, whichever final state it reaches. The same rules on the seed definitions:
 * regels.spec.ts. Compiled per test, never at file load, so a mutant of the block fails the tests that state its rule
 * (docs/adr/0005-mutation-testing.md).
 */
import type { IntakeInput, StepResult } from '../../contract';
import { BASIS } from '../../definition/test-fixture';
import { regimeDiagramGraph } from '../../diagram/diagram-graph';
import type { Regime } from '../../regime';
import { compileerSamen } from '../../registry';
import { definities, geweigerd, neem, op, termijnen } from './blok.spec-hulp';

/** The Testdam regime (BASIS), compiled now (in the test). */
const regime = (): Regime => compileerSamen(definities(BASIS))[0];

const LOKET = 'KCC';

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

const knoop = (r: Regime, id: string) => regimeDiagramGraph(r).nodes.find((n) => n.id === id);

/** Afgedaan by the gemeente on Monday 20 May 2024: the klager's year for the second line runs (Awb 9:24 lid 1). */
function afgedaan(r: Regime): StepResult {
  const s = neem(r, r.start(KLACHT), 'FORMELE_BEHANDELING', op('2024-05-02'));
  const b = neem(r, s, 'IN_BEHANDELING_NEMEN', op('2024-05-03'), { beklaagde: 'consulent' });
  const h = neem(r, b, 'HOREN_OVERSLAAN', op('2024-05-10'), { reden: 'afgezien' });
  const af = neem(r, h, 'AFDOENEN', op('2024-05-20'), { oordeel: 'gegrond' });
  expect([af.state, termijnen(af)]).toEqual(['tweedeLijnVenster', [['tweedeLijnVerzoek', '2025-05-20']]]);
  return af;
}

describe('Awb 9:5, 9:12a: afgedaan naar tevredenheid', () => {
  test('Awb 9:5, 9:12a: a klacht resolved to the klager’s satisfaction is closed without afdoeningsbrief, registered at the loket as satisfied, its termijnen stopped', () => {
    const r = regime();
    const s = r.start(KLACHT);
    expect(termijnen(s)).toEqual([['afhandeling', '2024-06-12']]);
    const klaar = neem(r, s, 'KLAGER_TEVREDEN', op('2024-05-02'));
    expect([klaar.state, klaar.done, klaar.termijnen, klaar.volgendeEvents]).toEqual(['afgedaanInformeel', true, [], []]);
    // Awb 9:12a: registered anyway, at the gemeente's loket, as resolved to the klager's satisfaction.
    expect(klaar.intents).toEqual([
      { type: 'TEVREDENHEID_REGISTREREN', naar: LOKET, grondslag: 'Awb 9:5, 9:12a', data: { tevreden: true } },
    ]);
    expect(r.faseVan('afgedaanInformeel')).toBe('afgerond');
    expect(knoop(r, 'afgedaanInformeel')).toEqual(expect.objectContaining({ fase: 'afgerond', grondslag: 'Awb 9:5' }));
    // Closed: nothing is taken after it, not even a withdrawal.
    expect(geweigerd(r, klaar, 'KLACHT_INGETROKKEN', op('2024-05-03'))).toBe(true);
  });
});

describe('Selectielijst 2020 13.2: ingetrokken', () => {
  test('Selectielijst 2020 13.2: a klacht withdrawn during the gemeente’s handling is confirmed to the klager and closed as afgebroken, its afhandeltermijn stopped', () => {
    const r = regime();
    const s = r.start(KLACHT);
    const weg = neem(r, s, 'KLACHT_INGETROKKEN', op('2024-05-06'));
    expect([weg.state, weg.done, weg.termijnen, weg.volgendeEvents]).toEqual(['ingetrokken', true, [], []]);
    expect(weg.intents).toEqual([{ type: 'INTREKKING_BEVESTIGEN', naar: 'klager', grondslag: 'Selectielijst 2020 13.2' }]);
    expect(r.faseVan('ingetrokken')).toBe('afgerond');
    expect(knoop(r, 'ingetrokken')).toEqual(
      expect.objectContaining({ fase: 'afgerond', grondslag: 'Selectielijst 2020 13.2 (afgebroken)' }),
    );
  });

  test('Selectielijst 2020 13.2: withdrawn while the klager’s year for the second line runs (Awb 9:24 lid 1), that year runs no more', () => {
    const r = regime();
    const weg = neem(r, afgedaan(r), 'KLACHT_INGETROKKEN', op('2024-06-03'));
    expect([weg.state, weg.done, weg.termijnen]).toEqual(['ingetrokken', true, []]);
    expect(weg.intents.map((i) => i.type)).toEqual(['INTREKKING_BEVESTIGEN']);
  });
});

describe('afgesloten: nothing runs after a klacht is closed', () => {
  test('Awb 9:24 lid 1: when the klager’s year passes unused the klacht is afgesloten, final, with no termijn running', () => {
    const r = regime();
    const dicht = neem(r, afgedaan(r), 'TERMIJN_VERLOPEN', op('2025-05-21'), { termijn: 'tweedeLijnVerzoek' });
    expect([dicht.state, dicht.done, dicht.termijnen, dicht.volgendeEvents]).toEqual(['afgesloten', true, [], []]);
    expect(r.faseVan('afgesloten')).toBe('afgerond');
    expect(knoop(r, 'afgesloten')).toEqual(expect.objectContaining({ label: 'Afgesloten', fase: 'afgerond' }));
    expect(geweigerd(r, dicht, 'VERZOEK_OMBUDSMAN', op('2025-05-22'))).toBe(true);
  });
});
