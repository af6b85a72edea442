import { join } from 'node:path';
import { BASIS, ruimTijdelijkeMappenOp, schrijfBestanden, TESTDAM } from './definition/test-fixture';
import { loadAndValidate } from './definition/validate';
import { proefMigratie, proefMigratieVanKlacht, speelAf, type HistorieStap } from './migratie';
import { maakRegime, type Regime } from './regime';

afterEach(ruimTijdelijkeMappenOp);

/** Version 2024-01 (BASIS, until 30 June) and a version 2024-07 with the given line changes. */
function versies(...wijzigingen: Array<[string, string]>): { oud: Regime; nieuw: Regime } {
  const oud = [...BASIS];
  oud.splice(6, 0, 'geldigTot: 2024-06-30');
  let nieuw = BASIS.map((l) =>
    l.replace("versie: '2024-01'", "versie: '2024-07'").replace('geldigVanaf: 2024-01-01', 'geldigVanaf: 2024-07-01'),
  );
  for (const [van, naar] of wijzigingen) nieuw = nieuw.map((l) => (l === van ? naar : l));
  const r = loadAndValidate([join(schrijfBestanden({ [TESTDAM]: oud, 'definitions/gm0355-zeist/2024-07.yaml': nieuw }), 'definitions')]);
  expect(r.errors).toEqual([]);
  const [a, b] = [...r.definities].sort((x, y) => x.definitie.versie.localeCompare(y.definitie.versie));
  return { oud: maakRegime(a.definitie, a.id), nieuw: maakRegime(b.definitie, b.id) };
}

const INTAKE: HistorieStap = {
  type: 'KLACHT_ONTVANGEN',
  at: '2024-05-01T10:00:00.000Z',
  data: {
    gemeente: 'GM0355',
    kanaal: 'brief',
    ontvangenOp: '2024-05-01T10:00:00.000Z',
    ingediendBij: 'gemeente',
    soort: 'klacht',
    aanbieders: [],
    feiten: { complex: true },
  },
};

/** Where the klacht stands on its own version after its history (what the service has stored). */
function nu(regime: Regime, historie: HistorieStap[]) {
  let r = regime.start(INTAKE.data as never);
  for (const s of historie.slice(1)) {
    const v = regime.step(r.snapshot, { type: s.type, at: s.at, ...(s.data ? { data: s.data } : {}) });
    expect(v).toEqual(expect.objectContaining({ accepted: true }));
    r = v;
  }
  return { vanVersie: regime.summary.versie, state: r.state, termijnen: r.termijnen };
}

describe('moving a running klacht to a new version: the dry run (a published version never changes)', () => {
  const historie: HistorieStap[] = [INTAKE, { type: 'FORMELE_BEHANDELING', at: '2024-05-02T09:00:00.000Z' }];

  it('a version that changes nothing this klacht depends on: same state, same termijnen with their explanation, no objections', () => {
    const { oud, nieuw } = versies(['  informeleFase: true', '  informeleFase: true']);
    const proef = proefMigratie(nieuw, historie, nu(oud, historie));
    expect(proef.bezwaren).toEqual([]);
    expect(proef).toEqual(
      expect.objectContaining({
        vanVersie: '2024-01',
        naarVersie: '2024-07',
        vanState: 'gemeente.beoordelen',
        naarState: 'gemeente.beoordelen',
      }),
    );
    const afhandeling = proef.termijnen.find((t) => t.naam === 'afhandeling')!;
    expect(afhandeling).toEqual(
      expect.objectContaining({
        oud: expect.objectContaining({ vervaldatum: '2024-06-12' }),
        nieuw: expect.objectContaining({ vervaldatum: '2024-06-12' }),
        verschilDagen: 0,
      }),
    );
    expect(afhandeling.nieuw!.uitleg.length).toBeGreaterThan(0);
    expect(proef.resultaat?.state).toBe('gemeente.beoordelen');
  });

  it('a new obligation (a contact termijn for the gemeente) that would already have passed on the day of the migration is refused: no lateness after the fact', () => {
    const contact = [
      'termijnen:',
      '  contact:',
      '    label: Contact met de klager',
      '    duur: P3D',
      '    rekenwijze: werkdagen',
      '    atw: false',
      '    grondslag: Klachtenregeling Zeist',
      '    geldtVoor: [gemeente]',
    ].join('\n');
    const { oud, nieuw } = versies(['termijnen:', contact]);
    // Received Wednesday 1 May 2024: three werkdagen later is Monday 6 May.
    const laat = proefMigratie(nieuw, historie, nu(oud, historie), '2024-07-01');
    expect(laat.termijnen.find((t) => t.naam === 'contact')).toEqual(
      expect.objectContaining({ nieuw: expect.objectContaining({ vervaldatum: '2024-05-06' }), verplichting: true }),
    );
    expect(laat.bezwaren).toEqual([
      'de nieuwe termijn Contact met de klager (contact) zou al op 2024-05-06 verstreken zijn: een nieuwe verplichting kan een lopende klacht niet met terugwerkende kracht te laat maken',
    ]);
    expect(laat.resultaat).toBeUndefined();
    // Migrated while the new term still runs (or on its last day): allowed, the new termijn shown with its date.
    for (const dag of ['2024-05-02', '2024-05-06']) {
      const op = proefMigratie(nieuw, historie, nu(oud, historie), dag);
      expect({ dag, bezwaren: op.bezwaren }).toEqual({ dag, bezwaren: [] });
      expect(op.resultaat?.termijnen.map((t) => t.naam)).toContain('contact');
    }
  });

  it("Awb 9:24 lid 1 sub a naar analogie: a new term of the klager's own (reactieKlager) that would have begun before the migration, passed or not, is refused: it cannot run against him before he had it", () => {
    // Testdam with the first line at the aanbieder; version 2024-07 adds eight weeks for the klager's answer to its afdoening.
    const regels = (versie: string, vanaf: string, tot: string | undefined, reactieKlager: boolean): string[] =>
      BASIS.flatMap((l) => {
        if (l === "versie: '2024-01'") return [`versie: '${versie}'`];
        if (l === 'geldigVanaf: 2024-01-01') return [`geldigVanaf: ${vanaf}`, ...(tot ? [`geldigTot: ${tot}`] : [])];
        if (l === '  standaard: gemeente') return ['  standaard: aanbieder'];
        if (l === '  klachtOverAfhandelingAanbiederBijGemeente: true') return ['  klachtOverAfhandelingAanbiederBijGemeente: false'];
        if (l !== 'termijnen:') return [l];
        return [
          l,
          ...['  aanbiederAfhandeling:', '    label: Afhandeling door de aanbieder', '    duur: P6W', '    rekenwijze: kalenderdagen'],
          ...['    atw: false', "    grondslag: 'contract'"],
          ...(reactieKlager
            ? ['  reactieKlager:', '    label: Reactie van de klager', '    duur: P8W', '    rekenwijze: kalenderdagen', '    atw: false']
            : []),
          ...(reactieKlager ? ["    grondslag: 'Klachtenregeling Testdam 2024-07: acht weken om te reageren'"] : []),
        ];
      });
    const r = loadAndValidate([
      join(
        schrijfBestanden({
          [TESTDAM]: regels('2024-01', '2024-01-01', '2024-06-30', false),
          'definitions/gm0355-zeist/2024-07.yaml': regels('2024-07', '2024-07-01', undefined, true),
        }),
        'definitions',
      ),
    ]);
    expect(r.errors).toEqual([]);
    const [a, b] = [...r.definities].sort((x, y) => x.definitie.versie.localeCompare(y.definitie.versie));
    const [oud, nieuw] = [maakRegime(a.definitie, a.id), maakRegime(b.definitie, b.id)];
    const bijAanbieder: HistorieStap = {
      ...INTAKE,
      data: { ...INTAKE.data, ingediendBij: 'aanbieder', aanbieders: [{ id: 'zorg-west', naam: 'Zorg West', type: 'wmo' }] },
    };
    // Afgedaan by the aanbieder on 20 May 2024: eight weeks later is 15 July.
    const historie: HistorieStap[] = [bijAanbieder, { type: 'AFDOENEN', at: '2024-05-20T08:00:00.000Z', data: { oordeel: 'gegrond' } }];
    let stand = oud.start(bijAanbieder.data as never);
    stand = oud.step(stand.snapshot, { type: 'AFDOENEN', at: historie[1].at, data: historie[1].data });
    expect(stand.state).toBe('bijAanbieder.afgedaan');
    const huidig = { vanVersie: '2024-01', state: stand.state, termijnen: stand.termijnen };
    const laat = proefMigratie(nieuw, historie, huidig, '2024-08-05');
    expect(laat.termijnen.find((t) => t.naam === 'reactieKlager')).toEqual(
      expect.objectContaining({ nieuw: expect.objectContaining({ vervaldatum: '2024-07-15' }), verplichting: false }),
    );
    expect(laat.bezwaren).toEqual([
      'de nieuwe termijn Reactie van de klager (reactieKlager) zou al op 2024-07-15 verstreken zijn: een termijn die de klager nooit kreeg, kan niet met terugwerkende kracht tegen hem verstrijken (bij het verstrijken zou de klacht meteen verder gaan of sluiten)',
    ]);
    expect(laat.resultaat).toBeUndefined();
    // Migrated while it would still run (or on its last day, or with weeks left): refused too, for it would have run since
    // the afdoening without the klager ever having been told of it (Awb 9:24 lid 1 sub a naar analogie).
    for (const dag of ['2024-05-21', '2024-07-01', '2024-07-15']) {
      expect({ dag, bezwaren: proefMigratie(nieuw, historie, huidig, dag).bezwaren }).toEqual({
        dag,
        bezwaren: [
          'de nieuwe termijn Reactie van de klager (reactieKlager) zou op 2024-05-20 al zijn begonnen en op 2024-07-15 aflopen: een termijn van de klager loopt niet tegen hem voordat hij hem kreeg (Awb 9:24 lid 1 sub a naar analogie)',
        ],
      });
    }
    // Without a day of migration (a comparison only) no such bezwaar.
    expect(proefMigratie(nieuw, historie, huidig).bezwaren).toEqual([]);
  });

  it('Awb 9:11: a version with a shorter afhandeltermijn would take a week from a running termijn: refused, naming the termijn and both dates', () => {
    const { oud, nieuw } = versies(['    duur: P6W', '    duur: P5W']);
    const proef = proefMigratie(nieuw, historie, nu(oud, historie));
    expect(proef.termijnen.find((t) => t.naam === 'afhandeling')).toEqual(
      expect.objectContaining({
        oud: expect.objectContaining({ vervaldatum: '2024-06-12' }),
        nieuw: expect.objectContaining({ vervaldatum: '2024-06-05' }),
        verschilDagen: -7,
        verplichting: true,
      }),
    );
    expect(proef.bezwaren).toEqual([
      'de lopende termijn Afhandeltermijn (afhandeling) zou 7 dag(en) korter worden: 2024-06-12 wordt 2024-06-05',
    ]);
    expect(proef.resultaat).toBeUndefined();
  });

  it('Awb 9:6, 9:11 lid 2 and 3, 9:24 lid 1 sub b: a version with a longer afhandeltermijn would move a running termijn the klager was told: refused, for only a verdaging (in writing, at most four weeks) or his consent moves it', () => {
    // The new version brings a klachtadviescommissie, and with it the ten weeks of Awb 9:11 lid 1.
    const { oud, nieuw } = versies(
      ['    duur: P6W', '    duur: P10W'],
      ['  horen: true', '  horen: true\n  klachtadviescommissie:\n    naam: Klachtadviescommissie Zeist'],
    );
    const proef = proefMigratie(nieuw, historie, nu(oud, historie), '2024-05-20');
    expect(proef.termijnen.find((t) => t.naam === 'afhandeling')).toEqual(
      expect.objectContaining({ verschilDagen: 28, verplichting: true, nieuw: expect.objectContaining({ vervaldatum: '2024-07-10' }) }),
    );
    expect(proef.bezwaren).toEqual([
      'de lopende termijn Afhandeltermijn (afhandeling) zou 28 dag(en) langer worden: 2024-06-12 wordt 2024-07-10: de klager kreeg de oude datum (Awb 9:6) en na een verstreken afhandeltermijn mag hij naar de tweede lijn (Awb 9:24 lid 1 sub b); uitstel alleen door verdaging, schriftelijk en hooguit vier weken (Awb 9:11 lid 2), of met instemming van de klager (lid 3)',
    ]);
    expect(proef.resultaat).toBeUndefined();
  });

  it('a version without the hoorzitting refuses a klacht that is being heard: its state no longer exists', () => {
    const { oud } = versies();
    const bijHoren: HistorieStap[] = [
      ...historie,
      { type: 'IN_BEHANDELING_NEMEN', at: '2024-05-03T09:00:00.000Z' },
      { type: 'HOREN_UITNODIGEN', at: '2024-05-06T09:00:00.000Z' },
    ];
    const huidig = nu(oud, bijHoren);
    const { nieuw } = versies(['  horen: true', '  horen: false']);
    const proef = proefMigratie(nieuw, bijHoren, huidig);
    expect(proef.bezwaren[0]).toBe(`de toestand ${huidig.state} (${huidig.state.split('.').at(-1)}) bestaat niet in versie 2024-07`);
    expect(proef.resultaat).toBeUndefined();
  });
});

describe('the dry run refuses what would change a running klacht (docs/definities.md, migratie)', () => {
  const historie: HistorieStap[] = [INTAKE, { type: 'FORMELE_BEHANDELING', at: '2024-05-02T09:00:00.000Z' }];
  const contact = [
    'termijnen:',
    '  contact:',
    '    label: Contact met de klager',
    '    duur: P3D',
    '    rekenwijze: werkdagen',
    '    atw: false',
    '    grondslag: Klachtenregeling Zeist',
    '    geldtVoor: [gemeente]',
  ].join('\n');

  it('a state the new version no longer has is named by its path and its own name, and the replay that stops there is named with its event, date and reason', () => {
    const { oud } = versies();
    const bijHoren: HistorieStap[] = [
      ...historie,
      { type: 'IN_BEHANDELING_NEMEN', at: '2024-05-03T09:00:00.000Z' },
      { type: 'HOREN_UITNODIGEN', at: '2024-05-06T09:00:00.000Z' },
    ];
    const huidig = nu(oud, bijHoren);
    const { nieuw } = versies(['  horen: true', '  horen: false']);
    const proef = proefMigratie(nieuw, bijHoren, huidig);
    expect(proef.bezwaren).toEqual([
      'de toestand gemeente.horen (horen) bestaat niet in versie 2024-07',
      expect.stringMatching(
        /^gebeurtenis 4 \(HOREN_UITNODIGEN op 2024-05-06\) past niet in versie 2024-07: HOREN_UITNODIGEN \(.*\) past niet bij de huidige stap/,
      ),
    ]);
    // The running termijnen are shown on the old side only: on the new version the replay did not get there.
    expect(proef.termijnen).toEqual(huidig.termijnen.map((t) => expect.objectContaining({ naam: t.naam, oud: expect.anything() })));
    expect(proef.termijnen.every((t) => t.nieuw === undefined)).toBe(true);
    expect(proef.naarState).toBeUndefined();
  });

  it('Awb 9:6 and 9:11: a running termijn the new version would not run is refused (the klager was told its date)', () => {
    const { oud: zonder, nieuw: met } = versies(['termijnen:', contact]);
    const proef = proefMigratie(zonder, historie, nu(met, historie));
    expect(proef.bezwaren).toEqual(['de lopende termijn Contact met de klager (contact, 2024-05-06) zou vervallen']);
    expect(proef.resultaat).toBeUndefined();
  });

  it('a klacht that would stand in another state on the new version is refused, naming both states', () => {
    const { oud, nieuw } = versies();
    const huidig = nu(oud, historie);
    const proef = proefMigratie(nieuw, historie, { ...huidig, state: 'gemeente.inBehandeling' });
    expect(proef.bezwaren).toEqual(['de klacht zou in versie 2024-07 in gemeente.beoordelen staan in plaats van gemeente.inBehandeling']);
    expect(proef.naarState).toBe('gemeente.beoordelen');
    expect(proef.resultaat).toBeUndefined();
  });

  it('a nested state the new version no longer has is named by its path and its own (last) name', () => {
    const { oud, nieuw } = versies();
    const proef = proefMigratie(nieuw, historie, { ...nu(oud, historie), state: 'gemeente.oud.beoordelen' });
    expect(proef.bezwaren[0]).toBe('de toestand gemeente.oud.beoordelen (beoordelen) bestaat niet in versie 2024-07');
  });
});

describe('replaying a klacht history on a version (speelAf)', () => {
  // Compiled before the tests, not at file load: a compile that throws (a mutant) then fails these tests one by one.
  let nieuw: Regime;
  beforeAll(() => {
    nieuw = versies().nieuw;
  });

  it('a history starts with the receipt of the klacht', () => {
    expect(speelAf(nieuw, [])).toEqual({ fout: 'de historie begint niet met de ontvangst van de klacht' });
    expect(speelAf(nieuw, [{ type: 'FORMELE_BEHANDELING', at: '2024-05-02T09:00:00.000Z' }])).toEqual({
      fout: 'de historie begint niet met de ontvangst van de klacht',
    });
  });

  it('an intake the version refuses stops the replay, with the reason', () => {
    const uit = speelAf(nieuw, [{ ...INTAKE, data: { ...INTAKE.data, ontvangenOp: 'gisteren' } }]);
    expect(uit).toEqual({ fout: expect.stringMatching(/^versie 2024-07 weigert de intake: geef het tijdstip/) });
  });

  it('a registration change in the history is no machine event: the replay passes over it', () => {
    const uit = speelAf(nieuw, [
      INTAKE,
      { type: 'REGISTRATIE_GEWIJZIGD', at: '2024-05-01T12:00:00.000Z', data: { aard: 'bejegening' } },
      { type: 'FORMELE_BEHANDELING', at: '2024-05-02T09:00:00.000Z' },
    ]);
    expect(uit.fout).toBeUndefined();
    expect(uit.resultaat?.state).toBe('gemeente.beoordelen');
  });

  it('the intake is replayed without the registration given with it, and an event with its data (Awb 9:11 lid 2: the verdaging of four weeks)', () => {
    const uit = speelAf(nieuw, [
      { ...INTAKE, data: { ...INTAKE.data, registratie: { aard: 'bejegening' } } },
      { type: 'FORMELE_BEHANDELING', at: '2024-05-02T09:00:00.000Z' },
      { type: 'IN_BEHANDELING_NEMEN', at: '2024-05-03T09:00:00.000Z' },
      { type: 'VERDAGEN', at: '2024-05-06T09:00:00.000Z', data: { termijn: 'afhandeling', duur: 'P4W' } },
    ]);
    expect(uit.fout).toBeUndefined();
    expect(uit.resultaat?.state).toBe('gemeente.inBehandeling');
    expect(uit.resultaat?.termijnen.find((t) => t.naam === 'afhandeling')?.vervaldatum).toBe('2024-07-10');
  });
});

describe('the dry run for a stored klacht (proefMigratieVanKlacht): its own version first', () => {
  const historie: HistorieStap[] = [INTAKE, { type: 'FORMELE_BEHANDELING', at: '2024-05-02T09:00:00.000Z' }];

  it('a history that gives the stored state is compared with the new version, with the termijnen of its own replay', () => {
    const { oud, nieuw } = versies(['    duur: P6W', '    duur: P5W']);
    const proef = proefMigratieVanKlacht(oud, nieuw, historie, 'gemeente.beoordelen', '2024-05-03');
    expect(proef).toEqual(proefMigratie(nieuw, historie, nu(oud, historie), '2024-05-03'));
    expect(proef.bezwaren).toEqual([
      'de lopende termijn Afhandeltermijn (afhandeling) zou 7 dag(en) korter worden: 2024-06-12 wordt 2024-06-05',
    ]);
  });

  it('a history that does not give the stored state moves nothing: the history is not the whole story', () => {
    const { oud, nieuw } = versies();
    expect(proefMigratieVanKlacht(oud, nieuw, historie, 'gemeente.inBehandeling')).toEqual({
      vanVersie: '2024-01',
      naarVersie: '2024-07',
      vanState: 'gemeente.inBehandeling',
      termijnen: [],
      bezwaren: ['de historie geeft op versie 2024-01 niet de huidige toestand gemeente.inBehandeling'],
    });
    expect(proefMigratieVanKlacht(oud, nieuw, [historie[1]], 'gemeente.beoordelen').bezwaren).toEqual([
      'de historie geeft op versie 2024-01 niet de huidige toestand gemeente.beoordelen (de historie begint niet met de ontvangst van de klacht)',
    ]);
  });
});
