/**
 * Intake and routing (intake.block.ts), rule by rule, on small Testdam definitions (the BASIS fixture with a fact for
 * bestuurlijke impact and the keys of each route set per test) compiled inside each test: where a klacht starts (Awb 9:1,
 * 9:2 at the gemeente; "klaag daar waar het is misgegaan" at the aanbieder, Klachtenprotocol Wmo keten Amsterdam §5A;
 * the forwarding, Awb 2:3; the special regimes, Jeugdwet 4.2.1 lid 6 and Wkkgz 13, 15), what is no klacht (signaal and
 * melding, the ombudsman's questions and own investigation, Awb 9:26 and 9:31, stoppen met leveren), the termijnen that
 * run from receipt, and the college told at once of bestuurlijke impact on every route (Uitgangspunten
 * klachtenmanagement Sociaal Domein §11-VI). The same rules on the seed definitions: regels.spec.ts, routering.spec.ts.
 * Compiled per test, never at file load, so a mutant of the block fails the tests that state its rule
 * (docs/adr/0005-mutation-testing.md).
 */
import type { IntakeInput, StepResult } from '../../contract';
import { BASIS } from '../../definition/test-fixture';
import { regimeDiagramGraph } from '../../diagram/diagram-graph';
import type { Regime } from '../../regime';
import { compileerSamen } from '../../registry';
import { definities, termijnen } from './blok.spec-hulp';

/** The keys of the routes a test sets on the BASIS fixture (Testdam, GM0355). */
interface Routes {
  /** eersteLijn.standaard; default gemeente (as BASIS). */
  standaard?: 'aanbieder' | 'gemeente';
  /** eersteLijn.doorsturenNaarAanbieder, as written. */
  doorsturen?: string;
  /** BASIS's behandelingDoorGemeente left out. */
  zonderBehandeling?: boolean;
  /** A contact termijn of three werkdagen: for the aanbieder (no geldtVoor) or for the gemeente only. */
  contact?: 'aanbieder' | 'gemeente';
  /** termijnen.aanbiederAfhandeling, six weeks; default present. */
  aanbiederTermijn?: boolean;
  terugkoppeling?: string[];
  jeugdhulp?: boolean;
  zorg?: boolean;
  /** The protocol stoppen met leveren (Klachtenprotocol Wmo keten Amsterdam §8). */
  stoppen?: boolean;
}

function regels(k: Routes = {}): string[] {
  const uit: string[] = [];
  for (let i = 0; i < BASIS.length; i++) {
    const l = BASIS[i];
    if (l === '  standaard: gemeente') uit.push(`  standaard: ${k.standaard ?? 'gemeente'}`);
    else if (l === '  behandelingDoorGemeente:' && k.zonderBehandeling) i += 3;
    else if (l === '  gemeenteLoket: KCC') {
      if (k.doorsturen) uit.push(`  doorsturenNaarAanbieder: ${k.doorsturen}`);
      uit.push(l);
    } else if (l === '  klachtOverAfhandelingAanbiederBijGemeente: true') {
      uit.push(l);
      if (k.terugkoppeling) uit.push(`  terugkoppelingAanbieder: [${k.terugkoppeling.join(', ')}]`);
    } else if (l === 'eersteLijn:') {
      uit.push('  bestuurlijkeImpact:', '    type: boolean', '    omschrijving: De klacht heeft bestuurlijke impact', l);
    } else if (l === 'termijnen:') {
      uit.push(l);
      if (k.contact)
        uit.push(
          '  contact:',
          '    label: Contact met de klager',
          '    duur: P3D',
          '    rekenwijze: werkdagen',
          '    atw: false',
          "    grondslag: 'contract: contact binnen 3 werkdagen'",
          ...(k.contact === 'gemeente' ? ['    geldtVoor: [gemeente]'] : []),
        );
      if (k.aanbiederTermijn ?? true)
        uit.push(
          '  aanbiederAfhandeling:',
          '    label: Afhandeling door de aanbieder',
          '    duur: P6W',
          '    rekenwijze: kalenderdagen',
          '    atw: false',
          "    grondslag: 'contract'",
        );
    } else if (l === 'rapportage:') {
      if (k.jeugdhulp || k.zorg) uit.push('bijzondereRegimes:');
      if (k.jeugdhulp)
        uit.push('  jeugdhulp:', '    regime: jeugdwetKlachtencommissie', '    oordeelTermijn: P6W', '    reactieTermijn: P1M');
      if (k.zorg)
        uit.push(
          '  zorg:',
          '    regime: wkkgz',
          '    afhandelTermijn: P6W',
          '    verdagingMax: P4W',
          '    geschilTermijn: P6M',
          '    geschilleninstantie: Geschilleninstantie Zorg Testdam',
        );
      uit.push('signalen:', '  naarCollegeOnverwijld: { feit: bestuurlijkeImpact }', '  behandelaar: beleidsafdeling');
      if (k.stoppen) uit.push('stoppenMetLeveren:', '  beslistermijn: P2W', '  besluitDoor: klachtenteam');
      uit.push(l);
    } else uit.push(l);
  }
  return uit;
}

/** The Testdam regime with these keys, compiled now (in the test). */
const regime = (k: Routes = {}): Regime => compileerSamen(definities(regels(k)))[0];

const LOKET = 'KCC';
const JEUGD = { id: 'jh-1', naam: 'Jeugdhulp Testdam', type: 'jeugdhulp' as const };
const ZORG = { id: 'zorg-1', naam: 'Zorg Testdam', type: 'zorg' as const };
const WMO = { id: 'wmo-1', naam: 'Thuishulp Testdam', type: 'wmo' as const };

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
const BIJ_AANBIEDER: IntakeInput = { ...KLACHT, ingediendBij: 'aanbieder', aanbieders: [WMO], feiten: { complex: false } };
/** Filed at the gemeente, simple and about the aanbieder. */
const OVER_AANBIEDER: IntakeInput = { ...KLACHT, aanbieders: [WMO], feiten: { complex: false, gerichtAan: 'aanbieder' } };

const intentTypes = (s: StepResult) => s.intents.map((i) => i.type);
/** The intake the klacht recorded (registreerIntake). */
const vastgelegd = (s: StepResult) => (s.snapshot as { context: { intake?: IntakeInput } }).context.intake;
const metImpact = (i: IntakeInput): IntakeInput => ({ ...i, feiten: { ...i.feiten, bestuurlijkeImpact: true } });
const COLLEGE = {
  type: 'COLLEGE_INFORMEREN',
  naar: 'college',
  grondslag: 'Klachtenregeling Testdam 2024: signalen met bestuurlijke impact onverwijld aan het college',
};

/** The edges out of `nieuw` on KLACHT_ONTVANGEN, in order: where each route goes and on what ground. */
const routes = (r: Regime) =>
  regimeDiagramGraph(r)
    .edges.filter((e) => e.source === 'nieuw' && e.event === 'KLACHT_ONTVANGEN')
    .map((e) => ({ naar: e.target, label: e.label, grondslag: e.grondslag }));
const route = (r: Regime, naar: string) => routes(r).find((e) => e.naar === naar);

describe('Awb 9:1, 9:2: where a klacht starts', () => {
  test('Awb 9:1, 9:2: a klacht the gemeente handles is registered with its intake and enters the gemeente’s handling, its termijnen running from receipt', () => {
    const r = regime();
    const s = r.start(KLACHT);
    expect(s.state).toMatch(/^gemeente\./);
    expect(vastgelegd(s)).toEqual(KLACHT);
    // Awb 9:11 lid 1: six weeks from receipt on 1 May.
    expect(termijnen(s)).toEqual([['afhandeling', '2024-06-12']]);
    expect(intentTypes(s)).not.toContain('ONTVANGST_DOORGEZONDEN_KLACHT');
    expect(route(r, 'gemeente')).toEqual({
      naar: 'gemeente',
      label: `de gemeente behandelt (${LOKET}) als (complex of gerichtAan is "gemeente"), of als doorsturen niet past`,
      grondslag: 'Awb 9:1, 9:2',
    });
    expect(regimeDiagramGraph(r).nodes.find((n) => n.id === 'nieuw')).toEqual(
      expect.objectContaining({ label: 'Nieuw: nog niet ontvangen', fase: 'intake' }),
    );
  });

  test('Awb 9:1, 9:2: without criteria of its own the gemeente’s route names only its loket', () => {
    const r = regime({ zonderBehandeling: true });
    expect(route(r, 'gemeente')).toEqual({ naar: 'gemeente', label: `de gemeente behandelt (${LOKET})`, grondslag: 'Awb 9:1, 9:2' });
    expect(r.start(KLACHT).state).toMatch(/^gemeente\./);
  });

  test('Awb 9:20: a klacht the ombudsman sends on is received by the gemeente’s loket, with the ombudsman named', () => {
    const s = regime().start({ ...KLACHT, ingediendBij: 'ombudsman' });
    expect(s.state).toMatch(/^gemeente\./);
    expect(s.intents).toContainEqual({
      type: 'ONTVANGST_DOORGEZONDEN_KLACHT',
      naar: LOKET,
      grondslag: 'Awb 9:20; Klachtenprotocol Wmo keten Amsterdam §4',
      data: { doorgezondenDoor: 'Nationale ombudsman' },
    });
  });

  test('Awb 9:1: an intake without the data to route it is refused with the reason, and nothing starts', () => {
    const r = regime();
    const [s0] = [r.start(KLACHT)];
    expect(s0.accepted).toBe(true);
    const leeg = regime().start({ ...KLACHT, soort: 'onbekend' as IntakeInput['soort'] });
    expect([leeg.accepted, leeg.state, leeg.termijnen]).toEqual([false, 'nieuw', []]);
    expect(leeg.reason).toContain("onbekende soort 'onbekend'");
  });

  test('Klachtenprotocol Wmo keten Amsterdam §5A: filed at the aanbieder, the aanbieder handles it, its termijn from receipt, and tells the gemeente it registered it', () => {
    const r = regime({ terugkoppeling: ['registratie'], contact: 'aanbieder' });
    const s = r.start(BIJ_AANBIEDER);
    expect(s.state).toBe('bijAanbieder.inBehandeling');
    expect(vastgelegd(s)).toEqual(BIJ_AANBIEDER);
    // Contact within three werkdagen (Monday 6 May), the aanbieder's six weeks (12 June).
    expect(termijnen(s)).toEqual([
      ['contact', '2024-05-06'],
      ['aanbiederAfhandeling', '2024-06-12'],
    ]);
    expect(s.intents).toEqual([expect.objectContaining({ type: 'TERUGKOPPELING_AAN_GEMEENTE', data: { over: 'registratie' } })]);
    expect(route(r, 'bijAanbieder')).toEqual(
      expect.objectContaining({
        grondslag: 'Klachtenprotocol Wmo keten Amsterdam §5A; Uitgangspunten klachtenmanagement Sociaal Domein §5A',
      }),
    );
  });

  test('Klachtenprotocol Wmo keten Amsterdam §6: a contact termijn for the gemeente only does not bind the aanbieder; without terugkoppeling none is owed', () => {
    const s = regime({ contact: 'gemeente' }).start(BIJ_AANBIEDER);
    expect([s.state, termijnen(s), s.intents]).toEqual(['bijAanbieder.inBehandeling', [['aanbiederAfhandeling', '2024-06-12']], []]);
  });

  test('Awb 2:3: the gemeente forwards a klacht about the aanbieder only where the regeling lets it, and the route says on what condition', () => {
    // BASIS: the gemeente handles every klacht itself: no forwarding step.
    const zelf = regime();
    expect(route(zelf, 'doorgestuurdNaarAanbieder')).toBeUndefined();
    expect(zelf.start(OVER_AANBIEDER).state).toMatch(/^gemeente\./);
    const standaard = regime({ standaard: 'aanbieder' });
    expect(standaard.start(OVER_AANBIEDER).state).toBe('doorgestuurdNaarAanbieder');
    expect(route(standaard, 'doorgestuurdNaarAanbieder')).toEqual({
      naar: 'doorgestuurdNaarAanbieder',
      label: 'doorsturen naar de aanbieder (warme doorverwijzing): de aanbieder is de eerste lijn',
      grondslag: 'Awb 2:3; eersteLijn.doorsturenNaarAanbieder',
    });
    const voorwaarde = regime({ doorsturen: '{ feit: gerichtAan, is: aanbieder }' });
    expect(voorwaarde.start(OVER_AANBIEDER).state).toBe('doorgestuurdNaarAanbieder');
    expect(route(voorwaarde, 'doorgestuurdNaarAanbieder')?.label).toBe(
      'doorsturen naar de aanbieder (warme doorverwijzing) als gerichtAan is "aanbieder"',
    );
  });
});

describe('Jeugdwet 4.2.1 lid 6, Wkkgz 13, 15: the special regimes take the klacht about their aanbieder', () => {
  test('Jeugdwet 4.2.1 lid 6: a klacht about a jeugdhulpaanbieder filed at the gemeente is forwarded to its klachtencommissie and the klager told (Awb 2:3)', () => {
    const r = regime({ jeugdhulp: true });
    const s = r.start({ ...OVER_AANBIEDER, aanbieders: [JEUGD] });
    expect([s.state, termijnen(s)]).toEqual(['jeugdwetKlachtencommissie.oordeelCommissie', [['jeugdwetOordeel', '2024-06-12']]]);
    expect(vastgelegd(s)?.aanbieders).toEqual([JEUGD]);
    expect(s.intents).toEqual([
      {
        type: 'DOORZENDEN',
        naar: 'klachtencommissie',
        grondslag: 'Awb 2:3 lid 1',
        data: { termijn: 'onverwijld', aanbieder: 'jh-1', aanbiederNaam: 'Jeugdhulp Testdam' },
      },
      {
        type: 'KENNISGEVING_DOORZENDING',
        naar: 'klager',
        grondslag: 'Awb 2:3 lid 1',
        data: { doorgezondenAan: 'klachtencommissie', aanbieder: 'Jeugdhulp Testdam' },
      },
    ]);
    // Filed at the aanbieder itself: nothing to forward.
    const daar = r.start({ ...BIJ_AANBIEDER, aanbieders: [JEUGD] });
    expect([daar.state, daar.intents]).toEqual(['jeugdwetKlachtencommissie.oordeelCommissie', []]);
    expect(route(r, 'jeugdwetKlachtencommissie')).toEqual(expect.objectContaining({ grondslag: 'Jeugdwet 4.2.1 lid 6' }));
  });

  test('Wkkgz 13, 15: a klacht about zorg filed at the gemeente is forwarded to the klachtenfunctionaris of the zorgaanbieder and the klager told (Awb 2:3)', () => {
    const r = regime({ zorg: true });
    const s = r.start({ ...OVER_AANBIEDER, aanbieders: [ZORG] });
    expect([s.state, termijnen(s)]).toEqual(['wkkgz.bijKlachtenfunctionaris', [['wkkgzAfhandeling', '2024-06-12']]]);
    expect(vastgelegd(s)?.aanbieders).toEqual([ZORG]);
    expect(s.intents.map((i) => [i.type, i.naar, i.data?.doorgezondenAan])).toEqual([
      ['DOORZENDEN', 'klachtenfunctionaris', undefined],
      ['KENNISGEVING_DOORZENDING', 'klager', 'klachtenfunctionaris'],
    ]);
    const daar = r.start({ ...BIJ_AANBIEDER, aanbieders: [ZORG] });
    expect([daar.state, daar.intents]).toEqual(['wkkgz.bijKlachtenfunctionaris', []]);
    expect(route(r, 'wkkgz')).toEqual(expect.objectContaining({ grondslag: 'Wkkgz 13, 15' }));
  });

  test('Awb titel 9.1: without a special regime in the regeling a klacht about a jeugdhulp- or zorgaanbieder is handled as any other', () => {
    const r = regime();
    expect(route(r, 'jeugdwetKlachtencommissie')).toBeUndefined();
    expect(route(r, 'wkkgz')).toBeUndefined();
    expect(r.start({ ...KLACHT, aanbieders: [JEUGD] }).state).toMatch(/^gemeente\./);
    expect(r.start({ ...BIJ_AANBIEDER, aanbieders: [ZORG] }).state).toBe('bijAanbieder.inBehandeling');
  });
});

describe('Uitgangspunten klachtenmanagement Sociaal Domein §2B, Awb 9:26, 9:31: what is no klacht', () => {
  test('Uitgangspunten klachtenmanagement Sociaal Domein §2B: a signaal goes to the behandelaar of signalen, a melding to the toezichthouder’s route (Wmo 2015 art. 3.4)', () => {
    const r = regime();
    const signaal = r.start({ ...KLACHT, soort: 'signaal' });
    expect([signaal.state, signaal.termijnen, vastgelegd(signaal)?.soort]).toEqual(['signaal', [], 'signaal']);
    const melding = r.start({ ...KLACHT, soort: 'melding' });
    expect([melding.state, melding.termijnen, vastgelegd(melding)?.soort]).toEqual(['melding', [], 'melding']);
    expect(route(r, 'signaal')?.grondslag).toBe('Uitgangspunten klachtenmanagement Sociaal Domein §2B');
    expect(route(r, 'melding')?.grondslag).toBe('Wmo 2015 art. 3.4');
  });

  test('Awb 9:26: the ombudsman’s investigation on his own initiative is a case of its own, without Awb 9:11 termijnen', () => {
    const r = regime();
    const s = r.start({ ...KLACHT, ingediendBij: 'ombudsman', soort: 'eigenOnderzoek' });
    expect([s.state, s.termijnen, vastgelegd(s)?.soort]).toEqual(['eigenOnderzoek.onderzoek', [], 'eigenOnderzoek']);
    expect(route(r, 'eigenOnderzoek')?.grondslag).toBe('Awb 9:26');
  });

  test('Awb 9:31: the ombudsman’s informatievraag and interventieverzoek are no klaagschrift: the loket answers by his date, no Awb 9:11 termijn', () => {
    const r = regime();
    const verzoek = (soort: string, tot?: string): IntakeInput => ({
      ...KLACHT,
      ingediendBij: 'ombudsman',
      feiten: { ombudsmanVerzoek: soort, ...(tot ? { ombudsmanTermijn: tot } : {}) },
    });
    const vraag = r.start(verzoek('informatievraag', '2024-05-15'));
    expect([vraag.state, termijnen(vraag)]).toEqual(['verzoekOmbudsman.informatievraag', [['ombudsmanTermijn', '2024-05-15']]]);
    expect(vraag.intents).toEqual([
      {
        type: 'INFORMATIE_AAN_OMBUDSMAN',
        naar: LOKET,
        grondslag: 'Awb 9:31',
        data: { ombudsman: 'Nationale ombudsman', termijn: '2024-05-15' },
      },
    ]);
    expect(vastgelegd(vraag)?.feiten.ombudsmanVerzoek).toBe('informatievraag');
    const interventie = r.start(verzoek('interventieverzoek'));
    expect([interventie.state, interventie.termijnen, intentTypes(interventie)]).toEqual([
      'verzoekOmbudsman.interventieverzoek',
      [],
      ['INTERVENTIE_OPPAKKEN'],
    ]);
    expect([route(r, 'verzoekOmbudsman.informatievraag')?.grondslag, route(r, 'verzoekOmbudsman.interventieverzoek')?.grondslag]).toEqual([
      'Awb 9:31',
      'Awb 9:31',
    ]);
  });

  test('Wet Nationale ombudsman art. 11d with Awb 9:31 (by analogy): the Kinderombudsman’s request about a Jeugdwet klacht goes to the jeugdhulpaanbieder; about any other klacht to the loket', () => {
    // The request's klacht as the service files it: the hoofdklacht's aanbieders and facts, with the request's facts.
    const verzoek = (soort: string, aanbieders: IntakeInput['aanbieders'], tot?: string): IntakeInput => ({
      ...KLACHT,
      ingediendBij: 'ombudsman',
      aanbieders,
      feiten: { complex: false, ombudsmanVerzoek: soort, ...(tot ? { ombudsmanTermijn: tot } : {}) },
    });
    const r = regime({ jeugdhulp: true });
    const vraag = r.start(verzoek('informatievraag', [JEUGD], '2024-05-15'));
    expect([vraag.state, termijnen(vraag)]).toEqual(['verzoekOmbudsman.informatievraag', [['ombudsmanTermijn', '2024-05-15']]]);
    expect(vraag.intents).toEqual([
      {
        type: 'INFORMATIE_AAN_OMBUDSMAN',
        naar: 'aanbieder',
        grondslag: 'Wet Nationale ombudsman art. 11d; Awb 9:31 (naar analogie)',
        data: { ombudsman: 'Kinderombudsman', termijn: '2024-05-15' },
      },
    ]);
    const interventie = r.start(verzoek('interventieverzoek', [JEUGD]));
    expect([interventie.state, interventie.intents.map((i) => [i.type, i.naar, i.data?.ombudsman])]).toEqual([
      'verzoekOmbudsman.interventieverzoek',
      [['INTERVENTIE_OPPAKKEN', 'aanbieder', 'Kinderombudsman']],
    ]);
    // The klacht's route decides, not the aanbieder's type: two aanbieders (no special regime), or a regeling without the
    // Jeugdwet route, and the loket answers the gemeente's ombudsman.
    for (const [rr, aanbieders] of [
      [r, [JEUGD, WMO]],
      [r, [WMO]],
      [regime(), [JEUGD]],
    ] as const) {
      const s = rr.start(verzoek('informatievraag', [...aanbieders]));
      expect([s.state, s.intents.map((i) => [i.type, i.naar, i.grondslag, i.data?.ombudsman])]).toEqual([
        'verzoekOmbudsman.informatievraag',
        [['INFORMATIE_AAN_OMBUDSMAN', LOKET, 'Awb 9:31', 'Nationale ombudsman']],
      ]);
    }
    expect(route(r, 'verzoekOmbudsman.informatievraag')?.label).toContain('jeugdhulpaanbieder: de aanbieder');
  });

  test('Klachtenprotocol Wmo keten Amsterdam §8: a request to stop delivering is taken only where the regeling has the protocol', () => {
    const stoppen: IntakeInput = { ...KLACHT, ingediendBij: 'aanbieder', soort: 'stoppenMetLeveren', aanbieders: [WMO] };
    const zonder = regime().start(stoppen);
    expect([zonder.accepted, zonder.state]).toEqual([false, 'nieuw']);
    expect(zonder.reason).toContain('geen protocol stoppen met leveren');
    const r = regime({ stoppen: true });
    const met = r.start(stoppen);
    expect([met.state, termijnen(met), vastgelegd(met)?.soort]).toEqual([
      'stoppenMetLeveren',
      [['stoppenBesluit', '2024-05-15']],
      'stoppenMetLeveren',
    ]);
    expect(route(r, 'stoppenMetLeveren')?.grondslag).toBe('Klachtenprotocol Wmo keten Amsterdam §8');
    expect(route(regime(), 'stoppenMetLeveren')).toBeUndefined();
  });
});

describe('Uitgangspunten klachtenmanagement Sociaal Domein §11-VI: bestuurlijke impact goes to the college onverwijld, on every route', () => {
  test('Uitgangspunten klachtenmanagement Sociaal Domein §11-VI: whatever route the intake takes, bestuurlijke impact is told to the college at once; without it, not', () => {
    const r = regime({ standaard: 'aanbieder', jeugdhulp: true, zorg: true, stoppen: true });
    const gevallen: Array<[string, IntakeInput]> = [
      ['gemeente', { ...KLACHT, ingediendBij: 'ombudsman' }],
      ['bijAanbieder.inBehandeling', BIJ_AANBIEDER],
      ['doorgestuurdNaarAanbieder', OVER_AANBIEDER],
      ['jeugdwetKlachtencommissie.oordeelCommissie', { ...OVER_AANBIEDER, aanbieders: [JEUGD] }],
      ['wkkgz.bijKlachtenfunctionaris', { ...OVER_AANBIEDER, aanbieders: [ZORG] }],
      ['signaal', { ...KLACHT, soort: 'signaal' }],
      ['melding', { ...KLACHT, soort: 'melding' }],
      ['eigenOnderzoek', { ...KLACHT, ingediendBij: 'ombudsman', soort: 'eigenOnderzoek' }],
      ['verzoekOmbudsman.informatievraag', { ...KLACHT, ingediendBij: 'ombudsman', feiten: { ombudsmanVerzoek: 'informatievraag' } }],
      ['verzoekOmbudsman.interventieverzoek', { ...KLACHT, ingediendBij: 'ombudsman', feiten: { ombudsmanVerzoek: 'interventieverzoek' } }],
      ['stoppenMetLeveren', { ...BIJ_AANBIEDER, soort: 'stoppenMetLeveren' }],
    ];
    for (const [state, intake] of gevallen) {
      const met = r.start(metImpact(intake));
      expect([state, met.state.startsWith(state), met.intents]).toEqual([
        state,
        true,
        expect.arrayContaining([expect.objectContaining(COLLEGE)]),
      ]);
      expect(vastgelegd(met)).toEqual(metImpact(intake));
      const zonder = r.start(intake);
      expect([state, intentTypes(zonder)]).toEqual([state, expect.not.arrayContaining(['COLLEGE_INFORMEREN'])]);
    }
    // Every route of this regeling, each once, all guarded by the intake.
    expect(routes(r).map((e) => e.naar)).toEqual([
      'signaal',
      'melding',
      'eigenOnderzoek',
      'verzoekOmbudsman.informatievraag',
      'verzoekOmbudsman.interventieverzoek',
      'stoppenMetLeveren',
      'jeugdwetKlachtencommissie',
      'wkkgz',
      'bijAanbieder',
      'doorgestuurdNaarAanbieder',
      'gemeente',
    ]);
  });
});
