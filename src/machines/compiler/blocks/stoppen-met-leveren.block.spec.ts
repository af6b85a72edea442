/**
 * The protocol stoppen met leveren (stoppen-met-leveren.block.ts), rule by rule, on small Testdam definitions (the BASIS
 * fixture with or without a `stoppenMetLeveren` section) compiled inside each test: the aanbieder asks to stop
 * delivering, the gemeente decides within the beslistermijn of the regeling and tells aanbieder and cliënt
 * (Klachtenprotocol Wmo keten Amsterdam §8). Where the request starts: intake.block.spec.ts. Compiled per test, never
 * at file load, so a mutant of the block fails the tests that state its rule (docs/adr/0005-mutation-testing.md).
 */
import type { IntakeInput, StepResult } from '../../contract';
import { BASIS } from '../../definition/test-fixture';
import { regimeDiagramGraph } from '../../diagram/diagram-graph';
import type { Regime } from '../../regime';
import { compileerSamen } from '../../registry';
import { definities, neem, op, stap, termijnen } from './blok.spec-hulp';

/** BASIS with the protocol: a beslistermijn of two weeks, the besluit by the contractmanager. */
const MET_PROTOCOL = BASIS.flatMap((l) =>
  l === 'rapportage:' ? ['stoppenMetLeveren:', '  beslistermijn: P2W', '  besluitDoor: contractmanager', l] : [l],
);

/** The Testdam regime, compiled now (in the test). */
const regime = (lines: readonly string[] = MET_PROTOCOL): Regime => compileerSamen(definities(lines))[0];

const GROND = 'Klachtenprotocol Wmo keten Amsterdam §8';
const WMO = { id: 'wmo-1', naam: 'Thuishulp Testdam', type: 'wmo' as const };

/** The aanbieder's request, received on Wednesday 1 May 2024. */
const VERZOEK: IntakeInput = {
  gemeente: 'GM0355',
  kanaal: 'brief',
  ontvangenOp: '2024-05-01T10:00:00+02:00',
  ingediendBij: 'aanbieder',
  soort: 'stoppenMetLeveren',
  aanbieders: [WMO],
  feiten: {},
};
/** Two weeks (kalenderdagen) from 1 May. */
const BESLISTERMIJN = '2024-05-15';

const knoop = (r: Regime, id: string) => regimeDiagramGraph(r).nodes.find((n) => n.id === id);
const pijlen = (r: Regime, van: string, event: string) =>
  regimeDiagramGraph(r)
    .edges.filter((e) => e.source === van && e.event === event)
    .map((e) => ({ naar: e.target, label: e.label, grondslag: e.grondslag }));
const besluitAan = (naar: string, besluit: string) => ({ type: 'BESLUIT_STOPPEN_MET_LEVEREN', naar, grondslag: GROND, data: { besluit } });

describe('Klachtenprotocol Wmo keten Amsterdam §8: the gemeente decides on a request to stop delivering', () => {
  test('Klachtenprotocol Wmo keten Amsterdam §8: the request goes to the one the regeling names to decide, within its beslistermijn from receipt', () => {
    const r = regime();
    const s = r.start(VERZOEK);
    expect([s.state, termijnen(s)]).toEqual(['stoppenMetLeveren', [['stoppenBesluit', BESLISTERMIJN]]]);
    expect(s.intents).toEqual([{ type: 'VERZOEK_BEOORDELEN', naar: 'contractmanager', grondslag: GROND }]);
    expect(knoop(r, 'stoppenMetLeveren')).toEqual(
      expect.objectContaining({
        label: 'Verzoek stoppen met leveren: besluit door contractmanager',
        fase: 'bijzonder',
        grondslag: GROND,
        termijnen: ['stoppenBesluit'],
      }),
    );
    // The graph check places a fault of this step at the regeling's protocol.
    expect(r.gecompileerd.config.states.stoppenMetLeveren?.meta.definitiePad).toEqual(['stoppenMetLeveren']);
  });

  test('Klachtenprotocol Wmo keten Amsterdam §8: the besluit, toegestaan or afgewezen, goes to the aanbieder and to the cliënt and closes the request', () => {
    const r = regime();
    const s = r.start(VERZOEK);
    for (const besluit of ['toegestaan', 'afgewezen']) {
      const klaar = neem(r, s, 'BESLUIT_STOPPEN_MET_LEVEREN', op('2024-05-10'), { besluit, toelichting: 'niet in het besluit' });
      expect([besluit, klaar.state, klaar.done, klaar.termijnen]).toEqual([besluit, 'afgesloten', true, []]);
      expect(klaar.intents).toEqual([besluitAan('aanbieder', besluit), besluitAan('cliënt', besluit)]);
    }
    expect(pijlen(r, 'stoppenMetLeveren', 'BESLUIT_STOPPEN_MET_LEVEREN')).toEqual([
      { naar: 'afgesloten', label: 'de gemeente beslist op het verzoek', grondslag: GROND },
    ]);
  });

  test('Klachtenprotocol Wmo keten Amsterdam §8: without a besluit that is toegestaan or afgewezen nothing is decided, and the beslistermijn runs on', () => {
    const r = regime();
    const s = r.start(VERZOEK);
    for (const data of [undefined, {}, { besluit: 'misschien' }]) {
      const v: StepResult = stap(r, s, 'BESLUIT_STOPPEN_MET_LEVEREN', op('2024-05-10'), data);
      expect([data, v.accepted, v.reason]).toEqual([data, false, 'geef het besluit: data.besluit is toegestaan of afgewezen']);
    }
  });

  test('Klachtenprotocol Wmo keten Amsterdam §8: a beslistermijn passed without besluit is escalated to the one who decides; the besluit can still follow', () => {
    const r = regime();
    const laat = neem(r, r.start(VERZOEK), 'TERMIJN_VERLOPEN', op('2024-05-16'), { termijn: 'stoppenBesluit' });
    expect([laat.state, laat.termijnen]).toEqual(['stoppenMetLeveren', []]);
    expect(laat.intents).toContainEqual(
      expect.objectContaining({
        type: 'ESCALATIE',
        naar: 'contractmanager',
        data: { termijn: 'stoppenBesluit', vervaldatum: BESLISTERMIJN },
      }),
    );
    const klaar = neem(r, laat, 'BESLUIT_STOPPEN_MET_LEVEREN', op('2024-05-20'), { besluit: 'afgewezen' });
    expect([klaar.state, klaar.intents]).toEqual(['afgesloten', [besluitAan('aanbieder', 'afgewezen'), besluitAan('cliënt', 'afgewezen')]]);
  });

  test('Klachtenprotocol Wmo keten Amsterdam §8: a regeling without the protocol has no such step and no beslistermijn', () => {
    const r = regime(BASIS);
    expect(r.faseVan('stoppenMetLeveren')).toBeUndefined();
    expect(r.gecompileerd.config.states.stoppenMetLeveren).toBeUndefined();
    expect(r.gecompileerd.ctx.specs.stoppenBesluit).toBeUndefined();
  });
});
