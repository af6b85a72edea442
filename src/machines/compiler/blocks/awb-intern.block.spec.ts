/**
 * The gemeente's own handling under Awb titel 9.1 (awb-intern.block.ts), rule by rule, on small Testdam definitions (the
 * BASIS fixture with its `stappen` and termijnen set per test) compiled inside each test: the informal phase (Awb 9:5),
 * the ontvangstbevestiging (9:6), niet-behandelen (9:8), the afschrift (9:9), horen and its exceptions (9:10), the
 * klachtadviescommissie (9:13–9:16), mediation, 4-ogen, the afdoening (9:12), the tevredenheidscheck, the afhandeltermijn
 * and its passing (9:11, 9:24 lid 1 sub b), the ombudsman who handles a klacht himself (9:20 lid 1) and the gemeente's
 * own contact termijn. The same rules on the seed definitions: regels.spec.ts. Compiled per test, never at file load,
 * so a mutant of the block fails the tests that state its rule (docs/adr/0005-mutation-testing.md).
 */
import type { IntakeInput, StepResult } from '../../contract';
import { BASIS } from '../../definition/test-fixture';
import { regimeDiagramGraph } from '../../diagram/diagram-graph';
import type { Regime } from '../../regime';
import { compileerSamen } from '../../registry';
import { definities, geweigerd, neem, op, termijnen } from './blok.spec-hulp';

/** The `stappen` (and the gemeente's contact termijn) a test sets on the BASIS fixture (Testdam, GM0355). */
interface Stappen {
  /** Default true (BASIS). */
  informeleFase?: boolean;
  /** Default true (BASIS). */
  horen?: boolean;
  /** A klachtadviescommissie (Awb 9:13); the afhandeltermijn is then ten weeks (Awb 9:11 lid 1). */
  commissie?: boolean;
  vierOgen?: boolean;
  tevredenheidscheck?: boolean;
  /** stappen.mediation with this `toegestaan`. */
  mediation?: boolean;
  /** A contact termijn of three werkdagen for the gemeente (geldtVoor [gemeente]) or for the aanbieder only (none). */
  contact?: 'gemeente' | 'aanbieder';
}

const COMMISSIE = 'Klachtadviescommissie Testdam';

function regels(s: Stappen): string[] {
  const uit: string[] = [];
  for (const l of BASIS) {
    if (l === '  informeleFase: true' || l === '  horen: true') continue;
    if (l === 'stappen:') {
      uit.push(l, `  informeleFase: ${s.informeleFase ?? true}`, `  horen: ${s.horen ?? true}`);
      if (s.commissie) uit.push('  klachtadviescommissie:', `    naam: ${COMMISSIE}`);
      if (s.vierOgen) uit.push('  vierOgen: true');
      if (s.tevredenheidscheck) uit.push('  tevredenheidscheck: true');
      if (s.mediation !== undefined) uit.push('  mediation:', `    toegestaan: ${s.mediation}`, '    instemmingVereist: true');
    } else if (l === '    duur: P6W' && s.commissie) uit.push('    duur: P10W');
    else if (l === 'termijnen:') {
      uit.push(l);
      if (s.contact)
        uit.push(
          '  contact:',
          '    label: Contact met de klager',
          '    duur: P3D',
          '    rekenwijze: werkdagen',
          '    atw: false',
          "    grondslag: 'Klachtenregeling Testdam: contact binnen 3 werkdagen'",
          ...(s.contact === 'gemeente' ? ['    geldtVoor: [gemeente]'] : []),
        );
    } else uit.push(l);
  }
  return uit;
}

/** The Testdam regime with these stappen, compiled now (in the test). */
const regime = (s: Stappen = {}): Regime => compileerSamen(definities(regels(s)))[0];

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
/** The same klacht, filed with the Nationale ombudsman, who sent it on (Awb 9:20). */
const VIA_OMBUDSMAN: IntakeInput = { ...KLACHT, ingediendBij: 'ombudsman' };

/** Due dates from 1 May 2024: afhandeling six weeks (Wed 12 June), ten with a commissie (Wed 10 July); 9:8 four weeks (29 May). */
const AFHANDELING = '2024-06-12';
const AFHANDELING_COMMISSIE = '2024-07-10';
const NIET_BEHANDELEN = '2024-05-29';
const CONTACT = '2024-05-06';

const intentTypes = (s: StepResult) => s.intents.map((i) => i.type);

/** The formal procedure: informal phase left (FORMELE_BEHANDELING) where the regeling has one. */
const beoordelen = (r: Regime, intake: IntakeInput = KLACHT) => {
  const s = r.start(intake);
  return s.state === 'gemeente.informeleFase' ? neem(r, s, 'FORMELE_BEHANDELING', op('2024-05-02')) : s;
};
const inBehandeling = (r: Regime, intake: IntakeInput = KLACHT) =>
  neem(r, beoordelen(r, intake), 'IN_BEHANDELING_NEMEN', op('2024-05-03'), { beklaagde: 'consulent' });

const diagram = (r: Regime) => regimeDiagramGraph(r);
const knoop = (r: Regime, id: string) => diagram(r).nodes.find((n) => n.id === id);
const pijlen = (r: Regime, van: string, event: string) =>
  diagram(r)
    .edges.filter((e) => e.source === van && e.event === event)
    .map((e) => ({ naar: e.target, label: e.label, grondslag: e.grondslag }));

describe('Awb 9:12a, 9:11 lid 1: the gemeente receives the klacht', () => {
  test('Awb 9:12a, 9:11: the klacht is registered at the loket and the afhandeltermijn runs from the gemeente’s receipt', () => {
    const s = regime().start(KLACHT);
    expect(s.state).toBe('gemeente.informeleFase');
    expect(s.intents).toContainEqual({ type: 'KLACHT_REGISTREREN', naar: LOKET, grondslag: 'Awb 9:12a' });
    expect(termijnen(s)).toEqual([['afhandeling', AFHANDELING]]);
    expect(knoop(regime(), 'gemeente')).toEqual(
      expect.objectContaining({
        label: `Klachtbehandeling door de gemeente (${LOKET})`,
        grondslag: 'Awb titel 9.1',
        termijnen: ['afhandeling'],
      }),
    );
  });

  test('Awb 9:11 lid 1: ten weeks where a klachtadviescommissie advises', () => {
    expect(termijnen(regime({ commissie: true }).start(KLACHT))).toEqual([['afhandeling', AFHANDELING_COMMISSIE]]);
  });
});

describe('Awb 9:5, 9:4: the informal phase', () => {
  test('Awb 9:5: met the klager’s satisfaction the klacht is afgedaan informeel, without an afdoeningsbrief, its termijnen stopped', () => {
    const r = regime();
    const s = r.start(KLACHT);
    const klaar = neem(r, s, 'KLAGER_TEVREDEN', op('2024-05-02'));
    expect([klaar.state, klaar.done, klaar.termijnen]).toEqual(['afgedaanInformeel', true, []]);
    expect(intentTypes(klaar)).not.toContain('AFDOENINGSBRIEF');
    expect(knoop(r, 'gemeente.informeleFase')).toEqual(
      expect.objectContaining({ grondslag: 'Awb 9:5; Uitgangspunten klachtenmanagement Sociaal Domein §1D', termijnen: ['afhandeling'] }),
    );
    expect(pijlen(r, 'gemeente.informeleFase', 'KLAGER_TEVREDEN')).toEqual([
      { naar: 'afgedaanInformeel', label: 'klacht naar tevredenheid van de klager afgehandeld', grondslag: 'Awb 9:5' },
    ]);
  });

  test('Awb 9:4, 9:6: when the informal handling does not resolve it the formal procedure begins with the ontvangstbevestiging', () => {
    const r = regime();
    const formeel = neem(r, r.start(KLACHT), 'FORMELE_BEHANDELING', op('2024-05-02'));
    expect(formeel.state).toBe('gemeente.beoordelen');
    expect(formeel.intents).toEqual([{ type: 'ONTVANGSTBEVESTIGING', naar: 'klager', grondslag: 'Awb 9:6', data: {} }]);
    expect(pijlen(r, 'gemeente.informeleFase', 'FORMELE_BEHANDELING')).toEqual([
      { naar: 'gemeente.beoordelen', label: 'informele afhandeling lukt niet: formele klachtbehandeling', grondslag: 'Awb 9:4' },
    ]);
  });

  test('without an informal phase the formal procedure begins at once, with the ontvangstbevestiging (Awb 9:6)', () => {
    const r = regime({ informeleFase: false });
    const s = r.start(KLACHT);
    expect(s.state).toBe('gemeente.beoordelen');
    expect(intentTypes(s)).toContain('ONTVANGSTBEVESTIGING');
    expect(r.faseVan('gemeente.informeleFase')).toBeUndefined();
    expect(geweigerd(r, s, 'FORMELE_BEHANDELING', op('2024-05-02'))).toBe(true);
  });
});

describe('Awb 9:6, 9:8, 9:9: beoordelen whether the klacht is handled', () => {
  test('Awb 9:8 lid 3: the four weeks for the notice of niet-behandelen run beside the afhandeltermijn', () => {
    const r = regime();
    const s = beoordelen(r);
    expect(termijnen(s)).toEqual([
      ['nietBehandelenKennisgeving', NIET_BEHANDELEN],
      ['afhandeling', AFHANDELING],
    ]);
    expect(knoop(r, 'gemeente.beoordelen')).toEqual(
      expect.objectContaining({ grondslag: 'Awb 9:6, 9:8', termijnen: ['afhandeling', 'nietBehandelenKennisgeving'] }),
    );
  });

  test('Awb 9:9: taken into handling, the beklaagde gets a copy; the four weeks of 9:8 end, the afhandeltermijn runs on', () => {
    const r = regime();
    const s = inBehandeling(r);
    expect(s.state).toBe('gemeente.inBehandeling');
    expect(s.intents).toEqual([{ type: 'AFSCHRIFT_BEKLAAGDE', naar: 'beklaagde', grondslag: 'Awb 9:9', data: { beklaagde: 'consulent' } }]);
    expect(termijnen(s)).toEqual([['afhandeling', AFHANDELING]]);
    expect(knoop(r, 'gemeente.inBehandeling')).toEqual(expect.objectContaining({ grondslag: 'Awb 9:7, 9:9', termijnen: ['afhandeling'] }));
    expect(pijlen(r, 'gemeente.beoordelen', 'IN_BEHANDELING_NEMEN')).toEqual([
      { naar: 'gemeente.inBehandeling', label: 'klacht in behandeling genomen; afschrift aan de beklaagde', grondslag: 'Awb 9:9' },
    ]);
  });

  test('Awb 9:8 lid 3, 9:12 lid 2: niet-behandelen within four weeks, with notice naming the second line; the klager’s year runs from it', () => {
    const r = regime();
    const s = beoordelen(r);
    const niet = neem(r, s, 'NIET_BEHANDELEN', op(NIET_BEHANDELEN), { grond: 'ouderDanEenJaar' });
    expect(niet.state).toBe('tweedeLijnVenster');
    expect(termijnen(niet)).toEqual([['tweedeLijnVerzoek', '2025-05-29']]);
    expect(intentTypes(niet)).toEqual(['KENNISGEVING_NIET_BEHANDELEN']);
    expect(niet.intents[0]).toEqual(
      expect.objectContaining({
        naar: 'klager',
        grondslag: 'Awb 9:8 lid 3, 9:12 lid 2',
        data: expect.objectContaining({ grond: 'ouderDanEenJaar' }),
      }),
    );
    expect(geweigerd(r, s, 'NIET_BEHANDELEN', op('2024-05-30'), { grond: 'ouderDanEenJaar' })).toBe(true);
    expect(geweigerd(r, s, 'NIET_BEHANDELEN', op('2024-05-10'), { grond: 'geenZin' })).toBe(true);
    expect(pijlen(r, 'gemeente.beoordelen', 'NIET_BEHANDELEN')).toEqual([
      expect.objectContaining({ naar: 'tweedeLijnVenster', grondslag: 'Awb 9:8 lid 3, 9:12 lid 2' }),
    ]);
    // Once in handling the klacht is no longer declined.
    expect(geweigerd(r, inBehandeling(r), 'NIET_BEHANDELEN', op('2024-05-10'), { grond: 'ouderDanEenJaar' })).toBe(true);
  });

  test('Awb 9:5: the klager satisfied while the gemeente decides whether to handle it, or while it investigates: afgedaan informeel', () => {
    const r = regime();
    for (const voor of [beoordelen(r), inBehandeling(r)]) {
      const klaar = neem(r, voor, 'KLAGER_TEVREDEN', op('2024-05-10'));
      expect([voor.state, klaar.state, klaar.termijnen]).toEqual([voor.state, 'afgedaanInformeel', []]);
    }
    expect(pijlen(r, 'gemeente.inBehandeling', 'KLAGER_TEVREDEN')).toEqual([
      { naar: 'afgedaanInformeel', label: 'klacht naar tevredenheid van de klager afgehandeld', grondslag: 'Awb 9:5' },
    ]);
  });
});

describe('Awb 9:10: horen', () => {
  test('Awb 9:10 lid 1: klager and beklaagde are invited; the hearing gets a verslag (lid 3) before the afdoening', () => {
    const r = regime();
    const s = inBehandeling(r);
    expect(geweigerd(r, s, 'ONDERZOEK_AFGEROND', op('2024-05-10'))).toBe(true);
    const horen = neem(r, s, 'HOREN_UITNODIGEN', op('2024-05-10'));
    expect(horen.state).toBe('gemeente.horen');
    expect(horen.intents).toEqual([
      { type: 'UITNODIGING_HOREN', naar: 'klager', grondslag: 'Awb 9:10 lid 1' },
      { type: 'UITNODIGING_HOREN', naar: 'beklaagde', grondslag: 'Awb 9:10 lid 1' },
    ]);
    expect(termijnen(horen)).toEqual([['afhandeling', AFHANDELING]]);
    const verslag = neem(r, horen, 'HOORZITTING_GEHOUDEN', op('2024-05-20'));
    expect(verslag.state).toBe('gemeente.verslag');
    expect(geweigerd(r, verslag, 'AFDOENEN', op('2024-05-21'), { oordeel: 'gegrond' })).toBe(true);
    const vastgesteld = neem(r, verslag, 'VERSLAG_VASTGESTELD', op('2024-05-22'));
    expect(vastgesteld.state).toBe('gemeente.oordeelsvorming');
    expect(vastgesteld.intents).toEqual([{ type: 'VERSLAG_HOREN', naar: 'dossier', grondslag: 'Awb 9:10 lid 3' }]);
    // The klager satisfied before the hearing: afgedaan informeel (Awb 9:5).
    expect(neem(r, horen, 'KLAGER_TEVREDEN', op('2024-05-15')).state).toBe('afgedaanInformeel');
    // What the process owner reads: each step's ground and the termijn that runs.
    expect(knoop(r, 'gemeente.horen')).toEqual(
      expect.objectContaining({ label: 'Horen van klager en beklaagde', grondslag: 'Awb 9:10', termijnen: ['afhandeling'] }),
    );
    expect(knoop(r, 'gemeente.verslag')).toEqual(expect.objectContaining({ grondslag: 'Awb 9:10 lid 3', termijnen: ['afhandeling'] }));
    expect(pijlen(r, 'gemeente.inBehandeling', 'HOREN_UITNODIGEN')).toEqual([
      { naar: 'gemeente.horen', label: 'klager en beklaagde uitgenodigd om gehoord te worden', grondslag: 'Awb 9:10 lid 1' },
    ]);
    expect(pijlen(r, 'gemeente.horen', 'HOORZITTING_GEHOUDEN')).toEqual([
      { naar: 'gemeente.verslag', label: 'hoorzitting gehouden', grondslag: 'Awb 9:10 lid 1' },
    ]);
    expect(pijlen(r, 'gemeente.verslag', 'VERSLAG_VASTGESTELD')).toEqual([
      { naar: 'gemeente.oordeelsvorming', label: 'verslag van het horen vastgesteld', grondslag: 'Awb 9:10 lid 3' },
    ]);
  });

  test('Awb 9:10 lid 2 sub a–c: horen is left out only for a reason of lid 2, recorded in the dossier', () => {
    const r = regime();
    const s = inBehandeling(r);
    for (const [reden, sub] of [
      ['kennelijkOngegrond', 'sub a'],
      ['afgezien', 'sub b'],
      ['nietGereageerd', 'sub c'],
    ] as const) {
      const niet = neem(r, s, 'HOREN_OVERSLAAN', op('2024-05-10'), { reden });
      expect([niet.state, niet.intents]).toEqual([
        'gemeente.oordeelsvorming',
        [{ type: 'VASTLEGGEN_NIET_HOREN', naar: 'dossier', grondslag: `Awb 9:10 lid 2 ${sub}`, data: { reden } }],
      ]);
    }
    expect(geweigerd(r, s, 'HOREN_OVERSLAAN', op('2024-05-10'), { reden: 'geenTijd' })).toBe(true);
    expect(pijlen(r, 'gemeente.inBehandeling', 'HOREN_OVERSLAAN')).toEqual([
      { naar: 'gemeente.oordeelsvorming', label: 'niet horen: de klacht is kennelijk ongegrond', grondslag: 'Awb 9:10 lid 2 sub a' },
      expect.objectContaining({ naar: 'gemeente.oordeelsvorming', grondslag: 'Awb 9:10 lid 2 sub b' }),
      expect.objectContaining({ naar: 'gemeente.oordeelsvorming', grondslag: 'Awb 9:10 lid 2 sub c' }),
    ]);
  });

  test('Awb 9:10 lid 2: once invited, kennelijk ongegrond is no reason any more; afgezien and niet gereageerd still are', () => {
    const r = regime();
    const horen = neem(r, inBehandeling(r), 'HOREN_UITNODIGEN', op('2024-05-10'));
    expect(geweigerd(r, horen, 'HOREN_OVERSLAAN', op('2024-05-11'), { reden: 'kennelijkOngegrond' })).toBe(true);
    for (const reden of ['afgezien', 'nietGereageerd'])
      expect(neem(r, horen, 'HOREN_OVERSLAAN', op('2024-05-11'), { reden }).state).toBe('gemeente.oordeelsvorming');
    expect(pijlen(r, 'gemeente.horen', 'HOREN_OVERSLAAN').map((p) => p.grondslag)).toEqual([
      'Awb 9:10 lid 2 sub b',
      'Awb 9:10 lid 2 sub c',
    ]);
  });

  test('a regeling without hoorzitting: the investigation ends in the oordeelsvorming, no invitation and no hearing states', () => {
    const r = regime({ horen: false });
    const s = inBehandeling(r);
    expect(geweigerd(r, s, 'HOREN_UITNODIGEN', op('2024-05-10'))).toBe(true);
    expect(geweigerd(r, s, 'HOREN_OVERSLAAN', op('2024-05-10'), { reden: 'afgezien' })).toBe(true);
    const af = neem(r, s, 'ONDERZOEK_AFGEROND', op('2024-05-10'));
    expect([af.state, af.intents]).toEqual(['gemeente.oordeelsvorming', []]);
    expect(r.faseVan('gemeente.horen')).toBeUndefined();
    expect(r.faseVan('gemeente.verslag')).toBeUndefined();
  });
});

describe('Awb 9:13–9:16: the klachtadviescommissie', () => {
  test('Awb 9:6, 9:15 lid 1: the ontvangstbevestiging names the commissie', () => {
    const s = beoordelen(regime({ commissie: true }));
    expect(s.intents).toEqual([
      { type: 'ONTVANGSTBEVESTIGING', naar: 'klager', grondslag: 'Awb 9:6, 9:15 lid 1', data: { adviescommissie: COMMISSIE } },
    ]);
  });

  test('Awb 9:15 lid 2, lid 4: the commissie hears, then reports with its advice before the oordeel', () => {
    const r = regime({ commissie: true });
    const s = inBehandeling(r);
    const horen = neem(r, s, 'HOREN_UITNODIGEN', op('2024-05-10'));
    expect(horen.state).toBe('gemeente.horen');
    const advies = neem(r, neem(r, horen, 'HOORZITTING_GEHOUDEN', op('2024-05-15')), 'VERSLAG_VASTGESTELD', op('2024-05-16'));
    expect([advies.state, termijnen(advies)]).toEqual(['gemeente.advies', [['afhandeling', AFHANDELING_COMMISSIE]]]);
    expect(geweigerd(r, advies, 'AFDOENEN', op('2024-05-20'), { oordeel: 'gegrond' })).toBe(true);
    expect(geweigerd(r, advies, 'ADVIES_UITGEBRACHT', op('2024-05-20'), { advies: 'misschien' })).toBe(true);
    const oordeel = neem(r, advies, 'ADVIES_UITGEBRACHT', op('2024-05-20'), { advies: 'gegrond' });
    expect(oordeel.state).toBe('gemeente.oordeelsvorming');
    // Awb 9:16: departing from the advice needs the reason, and the letter cites it.
    expect(geweigerd(r, oordeel, 'AFDOENEN', op('2024-05-21'), { oordeel: 'ongegrond' })).toBe(true);
    const af = neem(r, oordeel, 'AFDOENEN', op('2024-05-21'), { oordeel: 'ongegrond', redenAfwijking: 'nieuwe feiten' });
    expect(af.intents.find((i) => i.type === 'AFDOENINGSBRIEF')?.grondslag).toBe('Awb 9:12, 9:16');
    // Skipping horen leads to the advice too.
    expect(neem(r, s, 'HOREN_OVERSLAAN', op('2024-05-10'), { reden: 'afgezien' }).state).toBe('gemeente.advies');
  });

  test('the commissie as the process owner reads it: named where it hears and advises, with Awb 9:15 and 9:16', () => {
    const r = regime({ commissie: true });
    expect(knoop(r, 'gemeente.horen')).toEqual(
      expect.objectContaining({ label: `Horen van klager en beklaagde door ${COMMISSIE}`, grondslag: 'Awb 9:10, 9:15 lid 2' }),
    );
    expect(knoop(r, 'gemeente.advies')).toEqual(
      expect.objectContaining({ label: `Advies van ${COMMISSIE}`, grondslag: 'Awb 9:14, 9:15', termijnen: ['afhandeling'] }),
    );
    expect(pijlen(r, 'gemeente.inBehandeling', 'HOREN_UITNODIGEN')).toEqual([
      {
        naar: 'gemeente.horen',
        label: `klager en beklaagde uitgenodigd om gehoord te worden door ${COMMISSIE}`,
        grondslag: 'Awb 9:10 lid 1, 9:15 lid 2',
      },
    ]);
    expect(pijlen(r, 'gemeente.advies', 'ADVIES_UITGEBRACHT')).toEqual([
      expect.objectContaining({ naar: 'gemeente.oordeelsvorming', grondslag: 'Awb 9:15 lid 4' }),
    ]);
    expect(pijlen(r, 'gemeente.oordeelsvorming', 'AFDOENEN')).toEqual([expect.objectContaining({ grondslag: 'Awb 9:12, 9:16' })]);
    expect(pijlen(regime(), 'gemeente.oordeelsvorming', 'AFDOENEN')).toEqual([expect.objectContaining({ grondslag: 'Awb 9:12' })]);
    expect(regime().faseVan('gemeente.advies')).toBeUndefined();
  });

  test('without hoorzitting the investigation goes to the commissie’s advice', () => {
    const r = regime({ commissie: true, horen: false });
    expect(neem(r, inBehandeling(r), 'ONDERZOEK_AFGEROND', op('2024-05-10')).state).toBe('gemeente.advies');
  });
});

describe('Uitgangspunten klachtenmanagement Sociaal Domein §1D: 4-ogen on the afdoening', () => {
  test('§1D: a second beoordelaar agrees before the oordeel is written, or sends the klacht back to the investigation', () => {
    const r = regime({ vierOgen: true });
    const s = inBehandeling(r);
    const vier = neem(r, s, 'HOREN_OVERSLAAN', op('2024-05-10'), { reden: 'afgezien' });
    expect([vier.state, termijnen(vier)]).toEqual(['gemeente.vierOgenToets', [['afhandeling', AFHANDELING]]]);
    expect(geweigerd(r, vier, 'AFDOENEN', op('2024-05-11'), { oordeel: 'gegrond' })).toBe(true);
    expect(neem(r, vier, 'VIER_OGEN_AKKOORD', op('2024-05-11')).state).toBe('gemeente.oordeelsvorming');
    expect(neem(r, vier, 'VIER_OGEN_NIET_AKKOORD', op('2024-05-11')).state).toBe('gemeente.inBehandeling');
    expect(knoop(r, 'gemeente.vierOgenToets')).toEqual(
      expect.objectContaining({ grondslag: 'Uitgangspunten klachtenmanagement Sociaal Domein §1D', termijnen: ['afhandeling'] }),
    );
    for (const e of ['VIER_OGEN_AKKOORD', 'VIER_OGEN_NIET_AKKOORD'])
      expect(pijlen(r, 'gemeente.vierOgenToets', e).map((p) => p.grondslag)).toEqual([
        'Uitgangspunten klachtenmanagement Sociaal Domein §1D',
      ]);
    // After the commissie's advice, too; and where the investigation ends without hoorzitting.
    const kac = regime({ vierOgen: true, commissie: true });
    const advies = neem(kac, inBehandeling(kac), 'HOREN_OVERSLAAN', op('2024-05-10'), { reden: 'afgezien' });
    expect(neem(kac, advies, 'ADVIES_UITGEBRACHT', op('2024-05-11'), { advies: 'gegrond' }).state).toBe('gemeente.vierOgenToets');
    const zonder = regime({ vierOgen: true, horen: false });
    expect(neem(zonder, inBehandeling(zonder), 'ONDERZOEK_AFGEROND', op('2024-05-10')).state).toBe('gemeente.vierOgenToets');
    expect(regime().faseVan('gemeente.vierOgenToets')).toBeUndefined();
  });
});

describe('Uitgangspunten klachtenmanagement Sociaal Domein §11-IV: mediation', () => {
  test('§11-IV: mediation only with the klager’s consent; geslaagd is afgedaan informeel (Awb 9:5), mislukt goes back to the formal handling', () => {
    const r = regime({ mediation: true });
    const s = inBehandeling(r);
    expect(geweigerd(r, s, 'MEDIATION_STARTEN', op('2024-05-10'))).toBe(true);
    expect(geweigerd(r, s, 'MEDIATION_STARTEN', op('2024-05-10'), { instemmingKlager: false })).toBe(true);
    const m = neem(r, s, 'MEDIATION_STARTEN', op('2024-05-10'), { instemmingKlager: true });
    expect([m.state, termijnen(m)]).toEqual(['gemeente.mediation', [['afhandeling', AFHANDELING]]]);
    const geslaagd = neem(r, m, 'MEDIATION_GESLAAGD', op('2024-05-20'));
    expect([geslaagd.state, geslaagd.done, geslaagd.termijnen]).toEqual(['afgedaanInformeel', true, []]);
    const mislukt = neem(r, m, 'MEDIATION_MISLUKT', op('2024-05-20'));
    expect([mislukt.state, termijnen(mislukt)]).toEqual(['gemeente.inBehandeling', [['afhandeling', AFHANDELING]]]);
    expect(knoop(r, 'gemeente.mediation')).toEqual(
      expect.objectContaining({ grondslag: 'Uitgangspunten klachtenmanagement Sociaal Domein §11-IV', termijnen: ['afhandeling'] }),
    );
    expect(pijlen(r, 'gemeente.inBehandeling', 'MEDIATION_STARTEN').map((p) => p.grondslag)).toEqual([
      'Uitgangspunten klachtenmanagement Sociaal Domein §11-IV',
    ]);
    expect(pijlen(r, 'gemeente.mediation', 'MEDIATION_GESLAAGD').map((p) => p.grondslag)).toEqual(['Awb 9:5']);
  });

  test('a regeling that does not allow mediation (or says nothing of it) has no mediation step', () => {
    for (const r of [regime({ mediation: false }), regime()]) {
      expect(geweigerd(r, inBehandeling(r), 'MEDIATION_STARTEN', op('2024-05-10'), { instemmingKlager: true })).toBe(true);
      expect(r.faseVan('gemeente.mediation')).toBeUndefined();
    }
  });
});

describe('Awb 9:12: the afdoening', () => {
  test('Awb 9:12: a written afdoening with a valid oordeel ends the afhandeltermijn and opens the second line; the klager’s year runs from it', () => {
    const r = regime();
    const oordeel = neem(r, inBehandeling(r), 'HOREN_OVERSLAAN', op('2024-05-10'), { reden: 'afgezien' });
    expect(geweigerd(r, oordeel, 'AFDOENEN', op('2024-05-20'), { oordeel: 'misschien' })).toBe(true);
    const af = neem(r, oordeel, 'AFDOENEN', op('2024-05-20'), { oordeel: 'gegrond' });
    expect([af.state, termijnen(af)]).toEqual(['tweedeLijnVenster', [['tweedeLijnVerzoek', '2025-05-20']]]);
    expect(af.intents).toEqual([expect.objectContaining({ type: 'AFDOENINGSBRIEF', naar: 'klager', grondslag: 'Awb 9:12' })]);
    // The second line is open at once: the request goes there.
    expect(neem(r, af, 'VERZOEK_OMBUDSMAN', op('2024-06-03')).state).toBe('bijOmbudsman.onderzoek');
    expect(knoop(r, 'gemeente.oordeelsvorming')).toEqual(expect.objectContaining({ grondslag: 'Awb 9:12', termijnen: ['afhandeling'] }));
    // Awb 9:5: satisfied before the letter, no letter.
    expect(neem(r, oordeel, 'KLAGER_TEVREDEN', op('2024-05-20')).state).toBe('afgedaanInformeel');
  });

  test('Klachtenprotocol Wmo keten Amsterdam §6: after the afdoening the gemeente asks whether the klager is satisfied; either answer is registered, the year for the second line runs on', () => {
    const r = regime({ tevredenheidscheck: true });
    const oordeel = neem(r, inBehandeling(r), 'HOREN_OVERSLAAN', op('2024-05-10'), { reden: 'afgezien' });
    const af = neem(r, oordeel, 'AFDOENEN', op('2024-05-20'), { oordeel: 'gegrond' });
    expect([af.state, termijnen(af)]).toEqual(['gemeente.tevredenheidscheck', [['tweedeLijnVerzoek', '2025-05-20']]]);
    for (const [e, tevreden] of [
      ['KLAGER_TEVREDEN', true],
      ['KLAGER_ONTEVREDEN', false],
    ] as const) {
      const antwoord = neem(r, af, e, op('2024-06-03'));
      expect([antwoord.state, termijnen(antwoord), antwoord.intents]).toEqual([
        'tweedeLijnVenster',
        [['tweedeLijnVerzoek', '2025-05-20']],
        [{ type: 'TEVREDENHEID_REGISTREREN', naar: 'dossier', data: { tevreden } }],
      ]);
    }
    // Awb 9:24 lid 1 sub a: the klager may go to the second line while the gemeente asks; his year ends with it.
    const verzoek = neem(r, af, 'VERZOEK_OMBUDSMAN', op('2024-06-03'));
    expect([verzoek.state, verzoek.termijnen]).toEqual(['bijOmbudsman.onderzoek', []]);
    expect(knoop(r, 'gemeente.tevredenheidscheck')).toEqual(
      expect.objectContaining({ grondslag: 'Klachtenprotocol Wmo keten Amsterdam §6', termijnen: ['tweedeLijnVerzoek'] }),
    );
    expect(pijlen(r, 'gemeente.tevredenheidscheck', 'KLAGER_TEVREDEN').map((p) => p.grondslag)).toEqual([
      'Klachtenprotocol Wmo keten Amsterdam §6',
    ]);
    expect(pijlen(r, 'gemeente.tevredenheidscheck', 'KLAGER_ONTEVREDEN').map((p) => p.grondslag)).toEqual(['Awb 9:12 lid 2']);
    expect(regime().faseVan('gemeente.tevredenheidscheck')).toBeUndefined();
  });
});

describe('Awb 9:11 lid 1, 9:24 lid 1 sub b: the afhandeltermijn passes', () => {
  test('Awb 9:24 lid 1 sub b: after the last day the klacht stays in handling, the klager is told of the second line and may go there, within a year of that day', () => {
    const r = regime();
    const s = inBehandeling(r);
    expect(geweigerd(r, s, 'VERZOEK_OMBUDSMAN', op(AFHANDELING))).toBe(true);
    expect(geweigerd(r, s, 'TERMIJN_VERLOPEN', '2024-06-13T00:00:00+02:00', { termijn: 'nietBehandelenKennisgeving' })).toBe(true);
    const verlopen = neem(r, s, 'TERMIJN_VERLOPEN', '2024-06-13T00:00:00+02:00', { termijn: 'afhandeling' });
    expect([verlopen.state, termijnen(verlopen)]).toEqual(['gemeente.inBehandeling', [['tweedeLijnVerzoek', '2025-06-12']]]);
    expect(intentTypes(verlopen)).toEqual(['TERMIJN_OVERSCHREDEN', 'KLAGER_INFORMEREN_TWEEDE_LIJN']);
    const verzoek = neem(r, verlopen, 'VERZOEK_OMBUDSMAN', op('2024-06-20'));
    expect([verzoek.state, verzoek.termijnen]).toEqual(['bijOmbudsman.onderzoek', []]);
    expect(intentTypes(verzoek)).toEqual(['VERZOEK_TWEEDE_LIJN_REGISTREREN']);
    expect(pijlen(r, 'gemeente', 'TERMIJN_VERLOPEN')).toEqual([
      expect.objectContaining({ naar: 'gemeente', grondslag: 'Awb 9:11, 9:24 lid 1 sub b' }),
    ]);
    expect(pijlen(r, 'gemeente', 'VERZOEK_OMBUDSMAN')).toEqual([
      expect.objectContaining({ naar: 'bijOmbudsman', grondslag: 'Awb 9:24 lid 1 sub b' }),
    ]);
  });
  test('Awb 9:24 lid 1 sub b: only the afhandeltermijn opens the second line; the four weeks of 9:8 or a contact termijn passing is escalated, no way to the ombudsman', () => {
    const r = regime({ contact: 'gemeente', informeleFase: false });
    const s = r.start(KLACHT);
    const contact = neem(r, s, 'TERMIJN_VERLOPEN', '2024-05-07T00:00:00+02:00', { termijn: 'contact' });
    const vier = neem(r, contact, 'TERMIJN_VERLOPEN', '2024-05-30T00:00:00+02:00', { termijn: 'nietBehandelenKennisgeving' });
    for (const [na, dag] of [
      [contact, '2024-05-08'],
      [vier, '2024-05-31'],
    ] as const) {
      expect([na.state, intentTypes(na)]).toEqual(['gemeente.beoordelen', ['TERMIJN_OVERSCHREDEN']]);
      expect(termijnen(na).map(([n]) => n)).not.toContain('tweedeLijnVerzoek');
      expect(geweigerd(r, na, 'VERZOEK_OMBUDSMAN', op(dag))).toBe(true);
    }
  });
});

describe('Awb 9:20 lid 1: the ombudsman handles a klacht filed with him himself', () => {
  test('Awb 9:20 lid 1: only a klacht the ombudsman sent on; the gemeente’s termijnen stop and its loket cooperates', () => {
    const r = regime();
    expect(geweigerd(r, beoordelen(r), 'OMBUDSMAN_NEEMT_ZELF_IN_BEHANDELING', op('2024-05-10'))).toBe(true);
    for (const voor of [r.start(VIA_OMBUDSMAN), beoordelen(r, VIA_OMBUDSMAN), inBehandeling(r, VIA_OMBUDSMAN)]) {
      const zelf = neem(r, voor, 'OMBUDSMAN_NEEMT_ZELF_IN_BEHANDELING', op('2024-05-10'));
      expect([zelf.state, zelf.termijnen]).toEqual(['bijOmbudsman.onderzoek', []]);
      expect(zelf.intents).toContainEqual({ type: 'MEDEWERKING_ONDERZOEK', naar: LOKET, grondslag: 'Awb 9:20 lid 1, 9:31' });
    }
    expect(pijlen(r, 'gemeente', 'OMBUDSMAN_NEEMT_ZELF_IN_BEHANDELING')).toEqual([
      expect.objectContaining({ naar: 'bijOmbudsman', grondslag: 'Awb 9:20 lid 1' }),
    ]);
  });
});

describe('the gemeente’s own contact termijn (TermijnDefinitie.geldtVoor: gemeente)', () => {
  test('the regeling’s contact termijn for the gemeente runs from its receipt; contact meets it and the klacht stays where it is', () => {
    const r = regime({ contact: 'gemeente' });
    const s = r.start(KLACHT);
    expect(termijnen(s)).toEqual([
      ['contact', CONTACT],
      ['afhandeling', AFHANDELING],
    ]);
    const contact = neem(r, s, 'CONTACT_OPGENOMEN', op('2024-05-02'));
    expect([contact.state, termijnen(contact), contact.intents]).toEqual(['gemeente.informeleFase', [['afhandeling', AFHANDELING]], []]);
    expect(knoop(r, 'gemeente')?.termijnen).toEqual(['afhandeling', 'contact']);
    expect(pijlen(r, 'gemeente', 'CONTACT_OPGENOMEN')).toEqual([
      {
        naar: 'gemeente',
        label: 'de gemeente heeft contact opgenomen met de klager',
        grondslag: 'Klachtenregeling Testdam: contact binnen 3 werkdagen',
      },
    ]);
  });

  test('the contact termijn ends whenever the klacht leaves the gemeente without contact: niet-behandelen, the afdoening, the ombudsman', () => {
    const r = regime({ contact: 'gemeente', informeleFase: false });
    const s = r.start(KLACHT);
    expect(termijnen(neem(r, s, 'NIET_BEHANDELEN', op('2024-05-02'), { grond: 'ouderDanEenJaar' }))).toEqual([
      ['tweedeLijnVerzoek', '2025-05-02'],
    ]);
    const oordeel = neem(r, s, 'IN_BEHANDELING_NEMEN', op('2024-05-02'));
    const ov = neem(r, oordeel, 'HOREN_OVERSLAAN', op('2024-05-03'), { reden: 'afgezien' });
    expect(termijnen(neem(r, ov, 'AFDOENEN', op('2024-05-03'), { oordeel: 'gegrond' }))).toEqual([['tweedeLijnVerzoek', '2025-05-03']]);
    const ombudsman = neem(r, r.start(VIA_OMBUDSMAN), 'OMBUDSMAN_NEEMT_ZELF_IN_BEHANDELING', op('2024-05-02'));
    expect(ombudsman.termijnen).toEqual([]);
  });

  test('a contact termijn that binds only the aanbieder does not run at the gemeente, and contact is no step there', () => {
    const r = regime({ contact: 'aanbieder' });
    const s = r.start(KLACHT);
    expect(termijnen(s)).toEqual([['afhandeling', AFHANDELING]]);
    expect(s.volgendeEvents).not.toContain('CONTACT_OPGENOMEN');
    expect(geweigerd(r, s, 'CONTACT_OPGENOMEN', op('2024-05-02'))).toBe(true);
    expect(knoop(r, 'gemeente')?.termijnen).toEqual(['afhandeling']);
  });
});
