/**
 * Signalen and meldingen (signaal.block.ts), rule by rule, on small Testdam definitions (the BASIS fixture with or
 * without a `signalen` section) compiled inside each test: a signaal or a melding is about an aanbieder or the service,
 * not about a person's conduct, and is handled by the behandelaar of signalen, else by the gemeente's loket
 * (Uitgangspunten klachtenmanagement Sociaal Domein §2B, §11-IV); a calamiteit or geweld goes to the toezichthouder
 * onverwijld (Wmo 2015 art. 3.4, Jeugdwet 4.1.8, Wkkgz 11); each is closed when handled and registered (§11-I, §11-VI).
 * Where they start: intake.block.spec.ts. Compiled per test, never at file load, so a mutant of the block fails the
 * tests that state its rule (docs/adr/0005-mutation-testing.md).
 */
import type { IntakeInput, StepResult } from '../../contract';
import { BASIS } from '../../definition/test-fixture';
import { regimeDiagramGraph } from '../../diagram/diagram-graph';
import type { Regime } from '../../regime';
import { compileerSamen } from '../../registry';
import type { ToestandConfig } from './bouw';
import { definities, geweigerd, neem, op } from './blok.spec-hulp';

/** The `signalen` section a test sets on the BASIS fixture; none: left out. */
interface Signalen {
  behandelaar: string;
  meldingenNaar?: string;
}

function regels(s?: Signalen): string[] {
  if (!s) return [...BASIS];
  return BASIS.flatMap((l) =>
    l === 'rapportage:'
      ? ['signalen:', `  behandelaar: ${s.behandelaar}`, ...(s.meldingenNaar ? [`  meldingenNaar: ${s.meldingenNaar}`] : []), l]
      : [l],
  );
}

/** The Testdam regime with this `signalen` section, compiled now (in the test). */
const regime = (s?: Signalen): Regime => compileerSamen(definities(regels(s)))[0];

const LOKET = 'KCC';
/** A regeling whose klachtenteam passes meldingen on to the toezichthouder (meldingenNaar is one of the roles). */
const BELEID: Signalen = { behandelaar: 'beleidsafdeling', meldingenNaar: 'klachtenteam' };

/** Filed at the gemeente on Wednesday 1 May 2024. */
const SIGNAAL: IntakeInput = {
  gemeente: 'GM0355',
  kanaal: 'brief',
  ontvangenOp: '2024-05-01T10:00:00+02:00',
  ingediendBij: 'gemeente',
  soort: 'signaal',
  aanbieders: [],
  feiten: {},
};
const MELDING: IntakeInput = { ...SIGNAAL, soort: 'melding' };
const melding = (feiten: IntakeInput['feiten']): IntakeInput => ({ ...MELDING, feiten });

const SIGNAAL_GROND = 'Uitgangspunten klachtenmanagement Sociaal Domein §11-IV';
const MELDING_GROND = 'Uitgangspunten klachtenmanagement Sociaal Domein §2B';
const TOEZICHT_GROND = 'Wmo 2015 art. 3.4, Jeugdwet 4.1.8, Wkkgz 11';

const knoop = (r: Regime, id: string) => regimeDiagramGraph(r).nodes.find((n) => n.id === id);
const pijlen = (r: Regime, van: string, event: string) =>
  regimeDiagramGraph(r)
    .edges.filter((e) => e.source === van && e.event === event)
    .map((e) => ({ naar: e.target, label: e.label, grondslag: e.grondslag }));
/** The compiled state config (what the graph check reads to place an error in the definition). */
const config = (r: Regime, naam: string): ToestandConfig | undefined => r.gecompileerd.config.states[naam];
const toezicht = (s: StepResult) => s.intents.filter((i) => i.type === 'MELDING_TOEZICHTHOUDER');

describe('Uitgangspunten klachtenmanagement Sociaal Domein §2B, §11-IV: a signaal', () => {
  test('Uitgangspunten klachtenmanagement Sociaal Domein §11-IV: a signaal goes to the behandelaar of signalen the regeling names, and is closed when handled and registered (§11-VI)', () => {
    const r = regime(BELEID);
    const s = r.start(SIGNAAL);
    expect([s.state, s.termijnen]).toEqual(['signaal', []]);
    expect(s.intents).toEqual([{ type: 'SIGNAAL_TOEWIJZEN', naar: 'beleidsafdeling', grondslag: SIGNAAL_GROND }]);
    expect(knoop(r, 'signaal')).toEqual(
      expect.objectContaining({
        label: 'Signaal in behandeling (beleidsafdeling)',
        fase: 'signaal',
        grondslag: 'Uitgangspunten klachtenmanagement Sociaal Domein §2B, §11-IV',
      }),
    );
    expect(geweigerd(r, s, 'MELDING_AFGEHANDELD', op('2024-05-08'))).toBe(true);
    const klaar = neem(r, s, 'SIGNAAL_AFGEHANDELD', op('2024-05-08'));
    expect([klaar.state, klaar.done, klaar.intents]).toEqual(['afgesloten', true, []]);
    expect(pijlen(r, 'signaal', 'SIGNAAL_AFGEHANDELD')).toEqual([
      {
        naar: 'afgesloten',
        label: 'signaal afgehandeld en geregistreerd',
        grondslag: 'Uitgangspunten klachtenmanagement Sociaal Domein §11-VI',
      },
    ]);
  });

  test('Uitgangspunten klachtenmanagement Sociaal Domein §11-IV: a regeling without a behandelaar of signalen leaves the signaal with the gemeente’s loket', () => {
    const r = regime();
    const s = r.start(SIGNAAL);
    expect(s.state).toBe('signaal');
    expect(s.intents).toEqual([{ type: 'SIGNAAL_TOEWIJZEN', naar: LOKET, grondslag: SIGNAAL_GROND }]);
    expect(knoop(r, 'signaal')?.label).toBe(`Signaal in behandeling (${LOKET})`);
  });

  test('the graph check places a fault of the signaal and melding steps at the regeling’s signalen, else at the gemeente’s loket', () => {
    for (const naam of ['signaal', 'melding']) {
      expect([naam, config(regime(BELEID), naam)?.meta.definitiePad]).toEqual([naam, ['signalen']]);
      expect([naam, config(regime(), naam)?.meta.definitiePad]).toEqual([naam, ['eersteLijn', 'gemeenteLoket']]);
    }
  });
});

describe('Uitgangspunten klachtenmanagement Sociaal Domein §2B; Wmo 2015 art. 3.4: a melding', () => {
  test('Uitgangspunten klachtenmanagement Sociaal Domein §2B: a melding goes to the behandelaar of signalen, and is closed when handled and registered (§11-I)', () => {
    const r = regime(BELEID);
    const s = r.start(MELDING);
    expect([s.state, s.termijnen]).toEqual(['melding', []]);
    expect(s.intents).toEqual([{ type: 'MELDING_TOEWIJZEN', naar: 'beleidsafdeling', grondslag: MELDING_GROND }]);
    expect(knoop(r, 'melding')).toEqual(
      expect.objectContaining({
        label: 'Melding (calamiteit, geweld of dienstverlening in het algemeen)',
        fase: 'signaal',
        grondslag: 'Wmo 2015 art. 3.4; Jeugdwet 4.1.8; Wkkgz 11',
      }),
    );
    expect(geweigerd(r, s, 'SIGNAAL_AFGEHANDELD', op('2024-05-08'))).toBe(true);
    const klaar = neem(r, s, 'MELDING_AFGEHANDELD', op('2024-05-08'));
    expect([klaar.state, klaar.done, klaar.intents]).toEqual(['afgesloten', true, []]);
    expect(pijlen(r, 'melding', 'MELDING_AFGEHANDELD')).toEqual([
      {
        naar: 'afgesloten',
        label: 'melding afgehandeld en geregistreerd',
        grondslag: 'Uitgangspunten klachtenmanagement Sociaal Domein §11-I',
      },
    ]);
    // Without a behandelaar of signalen: the gemeente's loket.
    expect(regime().start(MELDING).intents).toEqual([{ type: 'MELDING_TOEWIJZEN', naar: LOKET, grondslag: MELDING_GROND }]);
  });

  test('Wmo 2015 art. 3.4, Jeugdwet 4.1.8, Wkkgz 11: a calamiteit or geweld goes to the toezichthouder onverwijld, first, to the one the regeling names', () => {
    const r = regime(BELEID);
    const verwacht = {
      type: 'MELDING_TOEZICHTHOUDER',
      naar: 'klachtenteam',
      grondslag: TOEZICHT_GROND,
      data: { termijn: 'onverwijld' },
    };
    for (const feiten of [{ calamiteit: true }, { geweld: true }, { aard: 'calamiteit' }, { aard: 'geweld' }]) {
      const s = r.start(melding(feiten));
      expect([feiten, s.state, s.intents]).toEqual([
        feiten,
        'melding',
        [verwacht, { type: 'MELDING_TOEWIJZEN', naar: 'beleidsafdeling', grondslag: MELDING_GROND }],
      ]);
    }
    // A regeling that names no toezichthouder: the toezichthouder all the same (the duty is the law's).
    expect(toezicht(regime().start(melding({ calamiteit: true })))).toEqual([{ ...verwacht, naar: 'toezichthouder' }]);
  });

  test('Wmo 2015 art. 3.4: a melding about the service in general, without calamiteit or geweld, is not sent to the toezichthouder', () => {
    const r = regime(BELEID);
    for (const feiten of [{}, { calamiteit: false, geweld: false }, { aard: 'dienstverlening' }, { calamiteit: 'ja' }]) {
      expect([feiten, toezicht(r.start(melding(feiten)))]).toEqual([feiten, []]);
    }
  });
});
