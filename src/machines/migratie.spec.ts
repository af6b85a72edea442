import { join } from 'node:path';
import { BASIS, ruimTijdelijkeMappenOp, schrijfBestanden, TESTDAM } from './definition/test-fixture';
import { loadAndValidate } from './definition/validate';
import { proefMigratie, type HistorieStap } from './migratie';
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
