import { join } from 'node:path';
import { controleerGebeurtenisData } from './compiler/gebeurtenissen';
import { BASIS, invoegen, ruimTijdelijkeMappenOp, schrijfBestanden, TESTDAM } from './definition/test-fixture';
import { loadAndValidate } from './definition/validate';
import type { Definitie } from './definition/types';
import { simuleer } from './engine/simulatie';
import { maakRegime } from './regime';
import { controleerRegistratie, registratieVanGebeurtenis } from './registratie';

afterEach(ruimTijdelijkeMappenOp);

const BEWAARTERMIJNEN = 54; // the bewaartermijnen: line of BASIS

function valideer(...registratie: string[]) {
  const root = schrijfBestanden({ [TESTDAM]: invoegen(BASIS, BEWAARTERMIJNEN, 'registratie:', ...registratie) });
  return loadAndValidate([join(root, 'definitions')]);
}

describe('registratie in the definition (Uitgangspunten klachtenmanagement Sociaal Domein Stichtse Vecht art. 11.1)', () => {
  it('a definition with value lists loads, and its lists are what the engine checks against', () => {
    const r = valideer('  aard: [bejegening, bereikbaarheid]', '  oorzaak: [planning]');
    expect(r.errors).toEqual([]);
    expect(r.definities[0].definitie.registratie).toEqual({ aard: ['bejegening', 'bereikbaarheid'], oorzaak: ['planning'] });
  });

  it('a value twice in one list is an error at that value, so a report never splits one aard over two rows', () => {
    const r = valideer('  aard: [bejegening, bereikbaarheid, bejegening]');
    expect(r.errors.map(({ file: _f, ...e }) => e)).toEqual([
      { line: 55, column: 38, message: "registratie.aard noemt 'bejegening' twee keer", hint: 'haal de dubbele waarde weg' },
    ]);
  });

  it('Klachtenprotocol Wmo keten Amsterdam §6: a tevredenheid list without ontevreden is an error (KLAGER_ONTEVREDEN writes it)', () => {
    const r = valideer('  tevredenheid: [tevreden, niet bereikt]');
    expect(r.errors).toEqual([expect.objectContaining({ line: 55, message: expect.stringContaining("mist 'ontevreden'") })]);
  });

  it('an unknown key under registratie is a schema error (strict), not silently dropped', () => {
    const r = valideer('  oorzaken: [planning]');
    expect(r.errors).toEqual([expect.objectContaining({ line: 55, message: expect.stringContaining('oorzaken') })]);
  });
});

describe('checking registration values against the lists of the pinned version', () => {
  const def = {
    gemeente: { cbsCode: 'GM9999', naam: 'Testdam' },
    versie: '2024-01',
    registratie: { aard: ['bejegening', 'bereikbaarheid'], maatregelen: ['scholing', 'geen maatregel'] },
  } as unknown as Definitie;

  it('accepts values from the lists and names every wrong field with the allowed values', () => {
    expect(controleerRegistratie(def, { aard: 'bejegening', maatregelen: ['scholing'] })).toEqual({
      waarden: { aard: 'bejegening', maatregelen: ['scholing'] },
      fouten: [],
    });
    const fout = controleerRegistratie(def, {
      aard: 'vriendelijkheid',
      maatregelen: ['scholing', 'ontslag'],
      oorzaak: 'planning',
      soort: 'x',
    });
    expect(fout.waarden).toEqual({});
    expect(fout.fouten).toEqual([
      { name: 'registratie.aard', reason: expect.stringContaining('kies een van: bejegening, bereikbaarheid') },
      { name: 'registratie.maatregelen[1]', reason: expect.stringContaining('scholing, geen maatregel') },
      // No oorzaak list in this version: the field cannot be registered, and the reason says how to add it.
      { name: 'registratie.oorzaak', reason: expect.stringContaining('registreert geen oorzaak') },
      { name: 'registratie.soort', reason: expect.stringContaining('onbekend registratieveld') },
    ]);
  });

  it('KLAGER_TEVREDEN and KLAGER_ONTEVREDEN register tevredenheid; a contradicting explicit value is refused', () => {
    expect(registratieVanGebeurtenis(def, 'KLAGER_TEVREDEN', undefined)).toEqual({ waarden: { tevredenheid: 'tevreden' }, fouten: [] });
    expect(registratieVanGebeurtenis(def, 'KLAGER_ONTEVREDEN', { registratie: { aard: 'bejegening' } })).toEqual({
      waarden: { aard: 'bejegening', tevredenheid: 'ontevreden' },
      fouten: [],
    });
    expect(registratieVanGebeurtenis(def, 'KLAGER_TEVREDEN', { registratie: { tevredenheid: 'ontevreden' } }).fouten).toEqual([
      { name: 'data.registratie.tevredenheid', reason: expect.stringContaining("registreert tevredenheid 'tevreden'") },
    ]);
    expect(registratieVanGebeurtenis(def, 'CONTACT_OPGENOMEN', undefined)).toEqual({ waarden: {}, fouten: [] });
  });
});

describe('checking event data per type before the regime steps', () => {
  const omgeving = { termijnen: ['afhandeling', 'nietBehandelenKennisgeving'] };

  it('names each missing or wrong field; complete data passes', () => {
    expect(controleerGebeurtenisData('VERDAGEN', { termijn: 'afhandeling', duur: 'P4W' }, omgeving)).toEqual([]);
    expect(controleerGebeurtenisData('VERDAGEN', { termijn: 'afhandelling', duur: 'P4W2D' }, omgeving)).toEqual([
      { name: 'data.termijn', reason: expect.stringContaining('afhandeling, nietBehandelenKennisgeving') },
      { name: 'data.duur', reason: expect.stringContaining('ISO 8601-duur') },
    ]);
    expect(controleerGebeurtenisData('NIEUWE_TERMIJN', { termijn: 'afhandeling', tot: '2026-02-30' }, omgeving).map((f) => f.name)).toEqual(
      ['data.tot', 'data.reden'],
    );
    expect(controleerGebeurtenisData('MEDIATION_STARTEN', { instemmingKlager: false }, omgeving).map((f) => f.name)).toEqual([
      'data.instemmingKlager',
    ]);
  });

  it('Awb 9:16: departing from the advice without a reason is a data error on redenAfwijking', () => {
    expect(controleerGebeurtenisData('AFDOENEN', { oordeel: 'ongegrond' }, { ...omgeving, advies: 'gegrond' })).toEqual([
      { name: 'data.redenAfwijking', reason: expect.stringContaining('Awb 9:16') },
    ]);
    expect(controleerGebeurtenisData('AFDOENEN', { oordeel: 'gegrond' }, { ...omgeving, advies: 'gegrond' })).toEqual([]);
  });
});

describe('the simulator refuses wrong event data as the service does', () => {
  it('Awb 9:11 lid 2: a verdaging of "4 weken" is refused naming data.duur, and the afhandeltermijn stays', () => {
    const { definities } = loadAndValidate([join(__dirname, '..', '..', 'definitions', 'gm1904-stichtse-vecht')]);
    const regime = maakRegime(definities[0].definitie, definities[0].id);
    const uit = simuleer(regime, {
      intake: {
        gemeente: 'GM1904',
        kanaal: 'brief',
        ontvangenOp: '2026-04-02',
        ingediendBij: 'gemeente',
        soort: 'klacht',
        aanbieders: [],
        feiten: { betreftGemeentelijkeFunctionaris: true },
      },
      gebeurtenissen: [{ op: '2026-04-07', event: 'VERDAGEN', data: { termijn: 'afhandeling', duur: '4 weken' } }],
    });
    const regel = uit.tijdlijn.find((r) => r.event === 'VERDAGEN')!;
    expect(regel).toEqual(
      expect.objectContaining({ accepted: false, reason: expect.stringContaining('data.duur'), termijnenVerschoven: [] }),
    );
    expect(uit.geweigerd).toBe(1);
  });
});

describe('event data from forms and the aanbieder', () => {
  it('an empty optional text counts as not given, an empty required one as missing; an empty list of maatregelen is allowed', () => {
    const omgeving = { termijnen: ['afhandeling'] };
    expect(controleerGebeurtenisData('KLACHT_INGETROKKEN', { reden: '' }, omgeving)).toEqual([]);
    expect(controleerGebeurtenisData('NIEUWE_TERMIJN', { termijn: 'afhandeling', tot: '2026-06-01', reden: ' ' }, omgeving)).toEqual([
      { name: 'data.reden', reason: expect.stringContaining('vraagt data.reden') },
    ]);
    expect(controleerGebeurtenisData('REACTIE_AANBIEDER', { maatregelen: [] }, omgeving)).toEqual([]);
  });
});

describe('registration input as the service receives it (a wrong value is a 422 naming the field; nothing is partially accepted)', () => {
  const def = {
    gemeente: { cbsCode: 'GM9999', naam: 'Testdam' },
    versie: '2024-01',
    registratie: { aard: ['bejegening', 'bereikbaarheid'], maatregelen: ['scholing', 'geen maatregel', 'gesprek'] },
  } as unknown as Definitie;
  const zonderLijsten = { gemeente: { cbsCode: 'GM9999', naam: 'Testdam' }, versie: '2024-01' } as unknown as Definitie;

  it('Stichtse Vecht art. 11.1: a version without registration lists registers no aard, oorzaak, afwikkeling or maatregelen, only tevredenheid (Amsterdam §6)', () => {
    const r = controleerRegistratie(zonderLijsten, {
      aard: 'bejegening',
      oorzaak: 'planning',
      afwikkeling: 'excuses',
      maatregelen: ['scholing'],
      tevredenheid: 'tevreden',
    });
    expect(r.fouten).toEqual([
      { name: 'registratie.aard', reason: expect.stringContaining('registreert geen aard') },
      { name: 'registratie.oorzaak', reason: expect.stringContaining('registreert geen oorzaak') },
      { name: 'registratie.afwikkeling', reason: expect.stringContaining('registreert geen afwikkeling') },
      { name: 'registratie.maatregelen[0]', reason: expect.stringContaining('registreert geen maatregelen') },
    ]);
    expect(controleerRegistratie(zonderLijsten, { tevredenheid: 'ontevreden' })).toEqual({
      waarden: { tevredenheid: 'ontevreden' },
      fouten: [],
    });
  });

  it('no registration (absent or null) changes nothing and is no error; an absent field is not given', () => {
    expect(controleerRegistratie(def, undefined)).toEqual({ waarden: {}, fouten: [] });
    expect(controleerRegistratie(def, null)).toEqual({ waarden: {}, fouten: [] });
    expect(controleerRegistratie(def, { aard: undefined, maatregelen: undefined })).toStrictEqual({ waarden: {}, fouten: [] });
  });

  it('a registration that is no object is one error at its path, naming the fields', () => {
    for (const invoer of ['bejegening', ['bejegening'], 3]) {
      expect(controleerRegistratie(def, invoer, 'data.registratie')).toEqual({
        waarden: {},
        fouten: [{ name: 'data.registratie', reason: expect.stringContaining('geef een object met aard, oorzaak') }],
      });
    }
  });

  it('maatregelen is a list: one value is an error naming the field; a wrong first entry is named by its index', () => {
    expect(controleerRegistratie(def, { maatregelen: 'scholing' }).fouten).toEqual([
      // The example names two values of the list, not the whole list.
      { name: 'registratie.maatregelen', reason: 'geef een lijst waarden, bijvoorbeeld [scholing, geen maatregel]' },
    ]);
    expect(controleerRegistratie(def, { maatregelen: ['ontslag', 'scholing'] })).toEqual({
      waarden: {},
      fouten: [{ name: 'registratie.maatregelen[0]', reason: expect.stringContaining('"ontslag" staat niet in de lijst') }],
    });
    // The same measure twice is one measure in the report.
    expect(controleerRegistratie(def, { maatregelen: ['scholing', 'scholing'] }).waarden).toEqual({ maatregelen: ['scholing'] });
  });

  it('Amsterdam §6: the event type records tevredenheid; the same value given explicitly is accepted, and an error in the registration is not swallowed', () => {
    expect(registratieVanGebeurtenis(def, 'KLAGER_TEVREDEN', { registratie: { tevredenheid: 'tevreden' } })).toEqual({
      waarden: { tevredenheid: 'tevreden' },
      fouten: [],
    });
    expect(registratieVanGebeurtenis(def, 'MEDIATION_GESLAAGD', undefined)).toEqual({ waarden: { tevredenheid: 'tevreden' }, fouten: [] });
    expect(registratieVanGebeurtenis(def, 'KLAGER_TEVREDEN', { registratie: { aard: 'vriendelijkheid' } })).toEqual({
      waarden: {},
      fouten: [{ name: 'data.registratie.aard', reason: expect.stringContaining('kies een van') }],
    });
  });

  it('an event type that records no tevredenheid takes an explicit one as given, and adds none of its own', () => {
    expect(registratieVanGebeurtenis(def, 'CONTACT_OPGENOMEN', { registratie: { tevredenheid: 'ontevreden' } })).toStrictEqual({
      waarden: { tevredenheid: 'ontevreden' },
      fouten: [],
    });
    expect(registratieVanGebeurtenis(def, 'CONTACT_OPGENOMEN', { registratie: { aard: 'bejegening' } })).toStrictEqual({
      waarden: { aard: 'bejegening' },
      fouten: [],
    });
  });
});

describe('tevredenheid when the klager’s own window passes without a word from him (Klachtenprotocol Wmo keten Amsterdam §5A, §6)', () => {
  const gemeente = { cbsCode: 'GM9999', naam: 'Testdam' };
  const metNietBereikt = {
    gemeente,
    versie: '2024-01',
    registratie: { tevredenheid: ['tevreden', 'ontevreden', 'niet bereikt'] },
  } as unknown as Definitie;
  const zonder = { gemeente, versie: '2024-01' } as unknown as Definitie;
  const verlopen = (def: Definitie, termijn: string, registratie?: Record<string, unknown>) =>
    registratieVanGebeurtenis(def, 'TERMIJN_VERLOPEN', { termijn, ...(registratie ? { registratie } : {}) });

  it('Wkkgz 21 lid 1 sub b: the window after the written outcome passing registers niet bereikt, as the wait after the aanbieder’s afdoening does; another termijn’s passing registers nothing', () => {
    // He neither said he was satisfied nor took the geschil to the geschilleninstantie: whether he is satisfied was not learnt.
    for (const termijn of ['wkkgzGeschilVoorleggen', 'tweedeLijnVerzoekNaAanbieder', 'reactieKlager'])
      expect([termijn, verlopen(metNietBereikt, termijn)]).toEqual([termijn, { waarden: { tevredenheid: 'niet bereikt' }, fouten: [] }]);
    // Terms of the zorgaanbieder (Wkkgz 17) or the geschilleninstantie (Wkkgz 22) say nothing about the klager.
    for (const termijn of ['wkkgzAfhandeling', 'wkkgzGeschil', 'afhandeltermijn'])
      expect([termijn, verlopen(metNietBereikt, termijn)]).toEqual([termijn, { waarden: {}, fouten: [] }]);
    expect(registratieVanGebeurtenis(metNietBereikt, 'GESCHIL_VOORGELEGD', { termijn: 'wkkgzGeschilVoorleggen' })).toEqual({
      waarden: {},
      fouten: [],
    });
  });

  it('Wkkgz 21 lid 1 sub b: a gemeente whose list has no niet bereikt registers nothing when the window passes; a contradicting explicit value is refused naming the field', () => {
    expect(verlopen(zonder, 'wkkgzGeschilVoorleggen')).toEqual({ waarden: {}, fouten: [] });
    expect(verlopen(metNietBereikt, 'wkkgzGeschilVoorleggen', { tevredenheid: 'tevreden' })).toEqual({
      waarden: {},
      fouten: [{ name: 'data.registratie.tevredenheid', reason: expect.stringContaining("registreert tevredenheid 'niet bereikt'") }],
    });
  });
});
