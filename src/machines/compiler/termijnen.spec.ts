/**
 * The compiler's termijnen (termijnen.ts): which termijnen a definition lets its machine start, with which rules of
 * counting, and what the engine shows of a running one (due date, uitleg, reminders, mutations). Pure: definitions as
 * objects with only the parts these functions read; the counting itself is proven in src/machines/termijnen.
 */
import type { Definitie, TermijnDefinitie } from '../definition/types';
import { herbereken } from '../termijnen';
import {
  berekenLopend,
  contactVoor,
  jeugdwetRegime,
  kalenderVan,
  ledgerVan,
  termijnSpecs,
  termijnView,
  vervaldatumVan,
  vervaldatumZonderVerlenging,
  wkkgzRegime,
} from './termijnen';
import type { LopendeTermijn, TermijnSpec } from './types';

const AFHANDELING: TermijnDefinitie = {
  label: 'Afhandeltermijn',
  duur: 'P6W',
  rekenwijze: 'kalenderdagen',
  atw: true,
  verdagingMax: 'P4W',
  grondslag: 'Awb 9:11 lid 1',
};

/** A definition with only the parts termijnen.ts reads. */
const definitie = (d: Partial<Definitie> = {}): Definitie => ({ termijnen: { afhandeling: AFHANDELING }, ...d }) as Definitie;

const JEUGDWET = { regime: 'jeugdwetKlachtencommissie', oordeelTermijn: 'P6W', reactieTermijn: 'P1M' } as const;
const WKKGZ = {
  regime: 'wkkgz',
  afhandelTermijn: 'P6W',
  verdagingMax: 'P4W',
  geschilTermijn: 'P6M',
  geschilleninstantie: 'Geschilleninstantie Zorg',
} as const;

describe('whose handling the contact termijn binds (Klachtenprotocol Wmo keten Amsterdam §6; the klachtenregeling)', () => {
  const contact: TermijnDefinitie = {
    label: 'Contact',
    duur: 'P5D',
    rekenwijze: 'werkdagen',
    atw: false,
    grondslag: 'Klachtenprotocol Wmo keten §6',
  };

  it('no contact termijn binds nobody', () => {
    expect([contactVoor(definitie(), 'aanbieder'), contactVoor(definitie(), 'gemeente')]).toEqual([false, false]);
  });

  it('Klachtenprotocol Wmo keten Amsterdam §6: without geldtVoor the contact termijn binds the aanbieder only, the contract term it was written for', () => {
    const def = definitie({ termijnen: { contact } });
    expect([contactVoor(def, 'aanbieder'), contactVoor(def, 'gemeente')]).toEqual([true, false]);
  });

  it('a gemeente whose own regeling promises contact says geldtVoor: [gemeente], and then only its handling starts it (or both say both)', () => {
    const gemeente = definitie({ termijnen: { contact: { ...contact, geldtVoor: ['gemeente'] } } });
    expect([contactVoor(gemeente, 'aanbieder'), contactVoor(gemeente, 'gemeente')]).toEqual([false, true]);
    const beide = definitie({ termijnen: { contact: { ...contact, geldtVoor: ['aanbieder', 'gemeente'] } } });
    expect([contactVoor(beide, 'aanbieder'), contactVoor(beide, 'gemeente')]).toEqual([true, true]);
  });
});

describe('the special regimes a definition names (Jeugdwet 4.2.1, Wkkgz)', () => {
  it('each regime is found by what it is, under whatever aanbiedertype the definition lists it; a type without one is skipped', () => {
    const def = definitie({ bijzondereRegimes: { wmo: undefined, zorg: WKKGZ, jeugdhulp: JEUGDWET } });
    expect(jeugdwetRegime(def)).toBe(def.bijzondereRegimes!.jeugdhulp);
    expect(wkkgzRegime(def)).toBe(def.bijzondereRegimes!.zorg);
    const omgekeerd = definitie({ bijzondereRegimes: { wmo: undefined, jeugdhulp: JEUGDWET, zorg: WKKGZ } });
    expect(wkkgzRegime(omgekeerd)).toBe(omgekeerd.bijzondereRegimes!.zorg);
    expect(jeugdwetRegime(omgekeerd)).toBe(omgekeerd.bijzondereRegimes!.jeugdhulp);
  });

  it('a definition without special regimes, or with one only, has no other', () => {
    expect([jeugdwetRegime(definitie()), wkkgzRegime(definitie())]).toEqual([undefined, undefined]);
    expect(wkkgzRegime(definitie({ bijzondereRegimes: { jeugdhulp: JEUGDWET } }))).toBeUndefined();
    expect(jeugdwetRegime(definitie({ bijzondereRegimes: { zorg: WKKGZ } }))).toBeUndefined();
  });
});

describe('the termijnen a definition lets its machine start (termijnSpecs)', () => {
  it('the definition’s own termijnen, each under its name with what the definition says of it', () => {
    const specs = termijnSpecs(definitie());
    expect(specs.afhandeling).toEqual({ naam: 'afhandeling', ...AFHANDELING });
  });

  it('Klachtenprotocol Wmo keten Amsterdam §6 with Awb 9:11 lid 2: a termijn of a contract or regeling that allows verdaging follows the Awb by analogy and says so; the Awb’s own afhandeltermijn and a termijn without verdaging cite nothing extra', () => {
    const aanbieder: TermijnDefinitie = { ...AFHANDELING, grondslag: 'Klachtenprotocol Wmo keten §6 (contractueel)', atw: false };
    const specs = termijnSpecs(
      definitie({
        termijnen: {
          afhandeling: AFHANDELING,
          aanbiederAfhandeling: aanbieder,
          contact: { ...aanbieder, verdagingMax: undefined, duur: 'P5D' },
        },
      }),
    );
    expect(specs.aanbiederAfhandeling.verdagingGrondslag).toBe('Awb 9:11 lid 2 naar analogie');
    expect(specs.afhandeling.verdagingGrondslag).toBeUndefined();
    expect(specs.contact.verdagingGrondslag).toBeUndefined();
    // The uitleg of a verdaging of the ketenpartner's termijn names the analogy.
    const view = termijnView(
      specs.aanbiederAfhandeling,
      {
        naam: 'aanbiederAfhandeling',
        vanaf: '2026-03-02T10:00:00+01:00',
        mutaties: [{ soort: 'verdaging', at: '2026-04-01T10:00:00+02:00', duur: 'P2W' }],
      } as LopendeTermijn,
      kalenderVan(definitie()),
    );
    expect(view.uitleg.join('\n')).toContain('(Awb 9:11 lid 2 naar analogie)');
  });

  it('Jeugdwet 4.2.1 lid 2 sub c and lid 5: the committee’s oordeel in the regeling’s own term without Atw, the aanbieder’s reaction in one month with the Atw', () => {
    const specs = termijnSpecs(definitie({ bijzondereRegimes: { jeugdhulp: JEUGDWET } }));
    expect(specs.jeugdwetOordeel).toEqual({
      naam: 'jeugdwetOordeel',
      label: 'Oordeel klachtencommissie (Jeugdwet 4.2.1)',
      duur: 'P6W',
      rekenwijze: 'kalenderdagen',
      atw: false,
      grondslag: 'Jeugdwet 4.2.1 lid 2 sub c',
      escalatieNaar: 'klachtencommissie',
    });
    expect(specs.jeugdwetReactie).toEqual({
      naam: 'jeugdwetReactie',
      label: 'Reactie aanbieder op het oordeel (Jeugdwet 4.2.1 lid 5)',
      duur: 'P1M',
      rekenwijze: 'kalenderdagen',
      atw: true,
      grondslag: 'Jeugdwet 4.2.1 lid 5',
      escalatieNaar: 'contractmanager',
    });
    expect(specs).not.toHaveProperty('wkkgzAfhandeling');
  });

  it('Wkkgz 17 and 22: the written outcome in six weeks with the Atw, extended only by notice before it expires; the geschilleninstantie’s six months without the Atw', () => {
    const specs = termijnSpecs(definitie({ bijzondereRegimes: { zorg: WKKGZ } }));
    expect(specs.wkkgzAfhandeling).toEqual({
      naam: 'wkkgzAfhandeling',
      label: 'Schriftelijke uitkomst zorgaanbieder (Wkkgz 17)',
      duur: 'P6W',
      rekenwijze: 'kalenderdagen',
      atw: true,
      verdagingMax: 'P4W',
      verdagingKennisgevingVoorVerloop: true,
      verdagingGrondslag: 'Wkkgz 17 lid 2',
      grondslag: 'Wkkgz 17 lid 1',
      escalatieNaar: 'contractmanager',
    });
    expect(specs.wkkgzGeschil).toEqual({
      naam: 'wkkgzGeschil',
      label: 'Uitspraak Geschilleninstantie Zorg (Wkkgz 22)',
      duur: 'P6M',
      rekenwijze: 'kalenderdagen',
      atw: false,
      grondslag: 'Wkkgz 22 lid 1',
    });
    expect(specs).not.toHaveProperty('jeugdwetOordeel');
  });

  it('Awb 9:31: every definition may answer the ombudsman by the date he set, a set date without Atw, reminded and escalated as its own afhandeltermijn', () => {
    const def = definitie({
      termijnen: {
        afhandeling: { ...AFHANDELING, herinneringen: [{ voor: 'P1W', naar: 'behandelaar' }], escalatieNaar: 'teamleider' },
      },
    });
    expect(termijnSpecs(def).ombudsmanTermijn).toEqual({
      naam: 'ombudsmanTermijn',
      label: 'Antwoord aan de ombudsman (datum gesteld door de ombudsman)',
      duur: 'datum gesteld door de ombudsman',
      rekenwijze: 'kalenderdagen',
      atw: false,
      herinneringen: [{ voor: 'P1W', naar: 'behandelaar' }],
      escalatieNaar: 'teamleider',
      grondslag: 'Awb 9:31',
      gesteld: { feit: 'ombudsmanTermijn' },
    });
  });

  it('Awb 9:31: without reminders or escalation of the afhandeltermijn (or without one) the ombudsman’s date has no reminders and escalates to the leidinggevende', () => {
    const zonder: Array<Record<string, TermijnDefinitie>> = [
      { afhandeling: AFHANDELING },
      { afhandeling: { ...AFHANDELING, herinneringen: [] } },
      {},
    ];
    for (const termijnen of zonder) {
      const o = termijnSpecs(definitie({ termijnen })).ombudsmanTermijn;
      expect(o).toEqual(expect.objectContaining({ escalatieNaar: 'leidinggevende', gesteld: { feit: 'ombudsmanTermijn' } }));
      expect(o).not.toHaveProperty('herinneringen');
    }
  });

  it('Klachtenprotocol Wmo keten §8: the gemeente’s decision on stopping delivery only where the definition has that protocol, in its term, escalated to who decides', () => {
    expect(termijnSpecs(definitie())).not.toHaveProperty('stoppenBesluit');
    const specs = termijnSpecs(definitie({ stoppenMetLeveren: { beslistermijn: 'P2W', besluitDoor: 'contractmanager' } }));
    expect(specs.stoppenBesluit).toEqual({
      naam: 'stoppenBesluit',
      label: 'Besluit op verzoek stoppen met leveren',
      duur: 'P2W',
      rekenwijze: 'kalenderdagen',
      atw: false,
      grondslag: 'Klachtenprotocol Wmo keten §8 (protocol stoppen met leveren)',
      escalatieNaar: 'contractmanager',
    });
  });

  it('a definition without special regimes, second-line term or protocol starts only its own termijnen and the ombudsman’s date', () => {
    expect(Object.keys(termijnSpecs(definitie())).sort()).toEqual(['afhandeling', 'ombudsmanTermijn']);
    // Closure days change how termijnen count, not which there are.
    expect(Object.keys(termijnSpecs(definitie({ kalender: { sluitingsdagen: ['2026-12-24'] } }))).sort()).toEqual([
      'afhandeling',
      'ombudsmanTermijn',
    ]);
  });
});

describe('the gemeente’s closure days (kalenderVan)', () => {
  it('closure days the definition lists stop a day being a werkdag; a definition without them counts with the plain calendar', () => {
    expect(kalenderVan(definitie({ kalender: { sluitingsdagen: ['2026-12-24'] } }))).toEqual({ sluitingsdagen: ['2026-12-24'] });
    expect(kalenderVan(definitie())).toBeUndefined();
    expect(kalenderVan(definitie({ kalender: {} }))).toBeUndefined();
  });
});

/** Awb 9:11 afhandeltermijn as the engine holds it; received Monday 2 March 2026, so six weeks end Monday 13 April. */
const SPEC: TermijnSpec = {
  naam: 'afhandeling',
  ...AFHANDELING,
  herinneringen: [{ voor: 'P1W', naar: 'behandelaar' }],
  escalatieNaar: 'leidinggevende',
};
const lopend = (l: Partial<LopendeTermijn> = {}): LopendeTermijn => ({
  naam: 'afhandeling',
  vanaf: '2026-03-02T10:00:00+01:00',
  mutaties: [],
  ...l,
});

describe('a running termijn as the engine shows it (berekenLopend, termijnView)', () => {
  it('Awb 9:11 lid 1: the due date, reminders by their distance before it, escalation and ground', () => {
    const v = termijnView(SPEC, lopend(), undefined);
    expect(v).toEqual({
      naam: 'afhandeling',
      label: 'Afhandeltermijn',
      vervaldatum: '2026-04-13',
      uitleg: herbereken(ledgerVan(SPEC, lopend(), undefined)).uitleg,
      herinneringen: [{ naam: 'P1W-voor', datum: '2026-04-06', naar: 'behandelaar' }],
      escalatieNaar: 'leidinggevende',
      grondslag: 'Awb 9:11 lid 1',
      mutaties: [],
    });
    expect(vervaldatumVan(SPEC, lopend(), undefined)).toBe('2026-04-13');
  });

  it('a termijn without reminders or escalation shows none', () => {
    const v = termijnView({ ...SPEC, herinneringen: undefined, escalatieNaar: undefined }, lopend(), undefined);
    expect(v.herinneringen).toEqual([]);
    expect(v).not.toHaveProperty('escalatieNaar');
  });

  it('a werkdagen termijn counts past the gemeente’s closure days', () => {
    const spec: TermijnSpec = { ...SPEC, duur: 'P5D', rekenwijze: 'werkdagen', atw: false };
    // Monday 2 March + 5 werkdagen: Monday 9 March; with Tuesday 3 March closed, Tuesday 10 March.
    expect(vervaldatumVan(spec, lopend(), undefined)).toBe('2026-03-09');
    expect(vervaldatumVan(spec, lopend(), kalenderVan(definitie({ kalender: { sluitingsdagen: ['2026-03-03'] } })))).toBe('2026-03-10');
  });

  it('Awb 9:11 lid 2: each mutation shows its kind, moment, due date after it, the extension’s length and a reason only when given', () => {
    const l = lopend({
      mutaties: [
        { soort: 'verdaging', at: '2026-04-01T09:00:00+02:00', duur: 'P4W', reden: 'advies nodig' },
        { soort: 'opschorting', at: '2026-04-02T09:00:00+02:00' },
        { soort: 'hervatting', at: '2026-04-09T09:00:00+02:00', reden: 'stukken binnen' },
      ],
    });
    const v = termijnView(SPEC, l, undefined);
    const u = herbereken(ledgerVan(SPEC, l, undefined));
    expect(v.mutaties).toEqual([
      // Each also says the due date just before it (the report's original last day: rapportage.repository.ts verlengdSql).
      {
        soort: 'verdaging',
        at: '2026-04-01T09:00:00+02:00',
        duur: 'P4W',
        reden: 'advies nodig',
        vervaldatumNa: u.vervaldatumNaMutatie[0],
        vervaldatumVoor: '2026-04-13',
        // Without the verdaging: 13 April, then 13 April + the seven days it stood still (verlengdSql judges against this).
        vervaldatumZonderVerlenging: '2026-04-13',
      },
      {
        soort: 'opschorting',
        at: '2026-04-02T09:00:00+02:00',
        vervaldatumNa: u.vervaldatumNaMutatie[1],
        vervaldatumVoor: u.vervaldatumNaMutatie[0],
        vervaldatumZonderVerlenging: '2026-04-13',
      },
      {
        soort: 'hervatting',
        at: '2026-04-09T09:00:00+02:00',
        reden: 'stukken binnen',
        vervaldatumNa: u.vervaldatumNaMutatie[2],
        vervaldatumVoor: u.vervaldatumNaMutatie[1],
        vervaldatumZonderVerlenging: '2026-04-20',
      },
    ]);
    // Four weeks on from 13 April, then the seven days it stood still.
    expect(u.vervaldatumNaMutatie[0]).toBe('2026-05-11');
    expect(v.vervaldatum).toBe('2026-05-18');
    expect(v.mutaties.map((m) => Object.keys(m).includes('duur'))).toEqual([true, false, false]);
    expect(v.mutaties.map((m) => Object.keys(m).includes('reden'))).toEqual([true, false, true]);
    expect(v).not.toHaveProperty('opgeschortSinds');
  });

  it('a suspended termijn shows since when it stands still, and no longer once resumed', () => {
    const opgeschort = lopend({ mutaties: [{ soort: 'opschorting', at: '2026-04-02T09:00:00+02:00' }] });
    expect(termijnView(SPEC, opgeschort, undefined).opgeschortSinds).toBe('2026-04-02');
    const hervat = lopend({ mutaties: [...opgeschort.mutaties, { soort: 'hervatting', at: '2026-04-09T09:00:00+02:00' }] });
    expect(termijnView(SPEC, hervat, undefined)).not.toHaveProperty('opgeschortSinds');
  });

  it('Jeugdwet 4.2.1 lid 2 sub d: a new term set with reasons replaces the due date; the uitleg keeps the count and names the original date, the new term and its reason', () => {
    const n = { at: '2026-04-10T12:00:00+02:00', tot: '2026-05-29', reden: 'deskundige gehoord', grondslag: 'Jeugdwet 4.2.1 lid 2 sub d' };
    const l = lopend({ nieuweTermijn: n });
    const basis = herbereken(ledgerVan(SPEC, lopend(), undefined));
    const u = berekenLopend(SPEC, l, undefined);
    expect(u.vervaldatum).toBe('2026-05-29');
    expect(u.uitleg).toEqual([
      ...basis.uitleg.slice(0, -1),
      'Oorspronkelijke vervaldatum: 2026-04-13',
      'Op 2026-04-10 met redenen een nieuwe termijn gesteld tot 2026-05-29 (Jeugdwet 4.2.1 lid 2 sub d): deskundige gehoord',
      'Vervaldatum: 2026-05-29',
    ]);
    expect(basis.uitleg.at(-1)).toContain('Vervaldatum');
    const v = termijnView(SPEC, l, undefined);
    expect([v.vervaldatum, v.mutaties]).toEqual([
      '2026-05-29',
      [
        {
          soort: 'verdaging',
          at: n.at,
          reden: 'deskundige gehoord (Jeugdwet 4.2.1 lid 2 sub d)',
          vervaldatumNa: '2026-05-29',
          vervaldatumVoor: '2026-04-13',
          vervaldatumZonderVerlenging: '2026-04-13',
        },
      ],
    ]);
    expect(v.herinneringen).toEqual([{ naam: 'P1W-voor', datum: '2026-05-22', naar: 'behandelaar' }]);
  });

  describe('Awb 9:11 lid 2, 3: the last day without any extension, after each mutation (vervaldatumZonderVerlenging)', () => {
    const v = (at: string, duur = 'P4W') => ({ soort: 'verdaging' as const, at: `${at}T09:00:00+02:00`, duur });
    const o = (at: string) => ({ soort: 'opschorting' as const, at: `${at}T09:00:00+02:00` });
    const h = (at: string) => ({ soort: 'hervatting' as const, at: `${at}T09:00:00+02:00` });
    const zonder = (l: LopendeTermijn, spec: TermijnSpec = SPEC) =>
      termijnView(spec, l, undefined).mutaties.map((m) => [m.soort, m.vervaldatumVoor, m.vervaldatumZonderVerlenging]);

    it('suspended, then verdaagd: the suspension moves it, the verdaging does not (vervaldatumVoor is that day too)', () => {
      expect(zonder(lopend({ mutaties: [o('2026-04-02'), h('2026-04-09'), v('2026-04-15')] }))).toEqual([
        ['opschorting', '2026-04-13', '2026-04-13'],
        ['hervatting', '2026-04-13', '2026-04-20'],
        ['verdaging', '2026-04-20', '2026-04-20'],
      ]);
    });

    it('verdaagd twice around a suspension, and an uitstel with instemming (Awb 9:11 lid 3): only the days it stood still count', () => {
      const mutaties = [
        v('2026-04-01', 'P1W'),
        o('2026-04-02'),
        h('2026-04-09'),
        v('2026-04-15', 'P1W'),
        { soort: 'instemming' as const, at: '2026-04-16T09:00:00+02:00', tot: '2026-06-30', schriftelijk: true },
      ];
      expect(zonder(lopend({ mutaties }))).toEqual([
        ['verdaging', '2026-04-13', '2026-04-13'],
        ['opschorting', '2026-04-20', '2026-04-13'],
        ['hervatting', '2026-04-20', '2026-04-20'],
        ['verdaging', '2026-04-28', '2026-04-20'],
        ['instemming', '2026-05-04', '2026-04-20'],
      ]);
    });

    it('suspended after the original last day, within the verdaging: without it the termijn had passed, so neither that suspension nor a later one moves the day', () => {
      const mutaties = [v('2026-04-01'), o('2026-04-15'), h('2026-04-22'), o('2026-04-23'), h('2026-04-24')];
      expect(zonder(lopend({ mutaties })).map((m) => m[2])).toEqual(Array(5).fill('2026-04-13'));
    });

    it('Algemene termijnenwet art. 1 lid 1: suspended in the days the Atw added to the unextended termijn, it gets the days up to that last day', () => {
      // Received 2 April: six weeks end on Hemelvaartsdag 14 May, the Atw gives Monday 18 May. Verdaagd on 12 May (11 June),
      // suspended Saturday 16 May to Wednesday 20 May: without the verdaging 18 May + 4 = Friday 22 May.
      const l = lopend({ vanaf: '2026-04-02T10:00:00+02:00', mutaties: [v('2026-05-12'), o('2026-05-16'), h('2026-05-20')] });
      expect(zonder(l)).toEqual([
        ['verdaging', '2026-05-18', '2026-05-18'],
        ['opschorting', '2026-06-11', '2026-05-18'],
        ['hervatting', '2026-06-11', '2026-05-22'],
      ]);
      expect(termijnView(SPEC, l, undefined).vervaldatum).toBe('2026-06-15');
    });

    it('a termijn in werkdagen gets back the werkdagen it stood still', () => {
      // Five werkdagen from Monday 2 March: Monday 9 March. Verdaagd by five werkdagen on 3 March, suspended Thursday 5 March
      // to Tuesday 10 March (Thursday, Friday, Monday: three werkdagen): 9 March + 3 werkdagen = Thursday 12 March.
      const spec: TermijnSpec = { ...SPEC, duur: 'P5D', rekenwijze: 'werkdagen', atw: false, verdagingMax: 'P2W' };
      const l = lopend({ mutaties: [v('2026-03-03', 'P5D'), o('2026-03-05'), h('2026-03-10')] });
      expect(zonder(l, spec).map((m) => m[2])).toEqual(['2026-03-09', '2026-03-09', '2026-03-12']);
    });

    it('the ledger alone: no mutations, no days', () => {
      expect(vervaldatumZonderVerlenging(ledgerVan(SPEC, lopend(), undefined), '2026-04-13')).toEqual([]);
    });
  });

  it('a termijn without a new term keeps the due date of its count', () => {
    expect(berekenLopend(SPEC, lopend(), undefined)).toEqual(herbereken(ledgerVan(SPEC, lopend(), undefined)));
  });
});

describe('Awb 9:31: the date the ombudsman set (a gesteld termijn)', () => {
  // Made in each test, never when the file loads: code run at load is static to Stryker (docs/adr/0005-mutation-testing.md).
  const ombudsman = () => termijnSpecs(definitie()).ombudsmanTermijn;
  const gesteld = (g: Partial<NonNullable<LopendeTermijn['gesteld']>> = {}): LopendeTermijn =>
    lopend({
      naam: 'ombudsmanTermijn',
      vanaf: '2026-04-02T10:00:00+02:00',
      gesteld: { tot: '2026-05-03', door: 'Nationale ombudsman', grondslag: 'Awb 9:31 lid 1', ...g },
    });
  const ATW =
    'Een gestelde datum, geen in een wet gestelde termijn: de Algemene termijnenwet verschuift hem niet, ook niet naar een werkdag (Algemene termijnenwet art. 1 lid 1)';

  it('Awb 9:31 lid 1: the due date is the day he set, also a Sunday: no Atw; the uitleg says who set it on what ground', () => {
    const u = berekenLopend(ombudsman(), gesteld(), undefined);
    expect(u).toEqual({
      vervaldatum: '2026-05-03',
      uitleg: [
        'Ontvangen op donderdag 2 april 2026',
        'Nationale ombudsman stelde de datum zondag 3 mei 2026 (Awb 9:31 lid 1)',
        ATW,
        'Vervaldatum: zondag 3 mei 2026',
      ],
      vervaldatumNaMutatie: [],
      oorspronkelijkeVervaldatum: '2026-05-03',
    });
    const v = termijnView(ombudsman(), gesteld(), undefined);
    expect([v.vervaldatum, v.mutaties, v.escalatieNaar]).toEqual(['2026-05-03', [], 'leidinggevende']);
  });

  it('Awb 9:31 lid 1: a later date he sets replaces the first; the uitleg names the first date and every change with its day and reason', () => {
    const u = berekenLopend(
      ombudsman(),
      gesteld({
        tot: '2026-05-20',
        wijzigingen: [
          { at: '2026-04-20T09:00:00+02:00', van: '2026-05-03', tot: '2026-05-13', reden: 'op verzoek van de gemeente' },
          { at: '2026-05-06T09:00:00+02:00', van: '2026-05-13', tot: '2026-05-20' },
        ],
      }),
      undefined,
    );
    expect(u.vervaldatum).toBe('2026-05-20');
    expect(u.uitleg).toEqual([
      'Ontvangen op donderdag 2 april 2026',
      'Nationale ombudsman stelde de datum zondag 3 mei 2026 (Awb 9:31 lid 1)',
      'Op maandag 20 april 2026 stelde Nationale ombudsman een andere datum: woensdag 13 mei 2026 in plaats van zondag 3 mei 2026 (Awb 9:31 lid 1): op verzoek van de gemeente',
      'Op woensdag 6 mei 2026 stelde Nationale ombudsman een andere datum: woensdag 20 mei 2026 in plaats van woensdag 13 mei 2026 (Awb 9:31 lid 1)',
      ATW,
      'Vervaldatum: woensdag 20 mei 2026',
    ]);
  });

  it('Awb 9:31 lid 1: a date he sets later where he had set none is his first date, named once', () => {
    const u = berekenLopend(
      ombudsman(),
      gesteld({ tot: '2026-05-13', wijzigingen: [{ at: '2026-04-20T09:00:00+02:00', tot: '2026-05-13' }] }),
      undefined,
    );
    expect(u.uitleg).toEqual([
      'Ontvangen op donderdag 2 april 2026',
      'Op maandag 20 april 2026 stelde Nationale ombudsman de datum woensdag 13 mei 2026 (Awb 9:31 lid 1)',
      ATW,
      'Vervaldatum: woensdag 13 mei 2026',
    ]);
  });
});
