import { join } from 'node:path';
import { BASIS, ruimTijdelijkeMappenOp, schrijfBestanden, TESTDAM } from './definition/test-fixture';
import { loadAndValidate } from './definition/validate';
import { controleerFeiten, intakeVragen } from './feiten';

afterEach(ruimTijdelijkeMappenOp);

function definitie() {
  const r = loadAndValidate([join(schrijfBestanden({ [TESTDAM]: [...BASIS] }), 'definitions')]);
  expect(r.errors).toEqual([]);
  return r.definities[0].definitie;
}

describe('intake facts against the definition (AVG art. 5 lid 1 sub c; the regeling decides what is asked)', () => {
  it('AVG art. 5 lid 1 sub c: a fact the regeling does not ask about is refused, naming it and the facts there are', () => {
    expect(controleerFeiten(definitie(), { complex: true, toelichting: 'mijn hele verhaal' })).toEqual([
      { name: 'feiten.toelichting', reason: 'de klachtregeling vraagt niet naar dit feit; de feiten zijn complex, gerichtAan' },
    ]);
  });

  it('a typo in a fact name is refused with a suggestion instead of routing as if the fact were false', () => {
    expect(controleerFeiten(definitie(), { compelx: true })).toEqual([
      {
        name: 'feiten.compelx',
        reason: "bedoelde u 'complex'? de klachtregeling vraagt niet naar dit feit; de feiten zijn complex, gerichtAan",
      },
    ]);
  });

  it('each fact has the kind the definition declares: boolean, a choice from its values', () => {
    expect(controleerFeiten(definitie(), { complex: 'ja', gerichtAan: 'ombudsman' })).toEqual([
      { name: 'feiten.complex', reason: 'moet true of false zijn' },
      { name: 'feiten.gerichtAan', reason: 'moet een van gemeente, aanbieder zijn (of een lijst daarvan)' },
    ]);
    expect(controleerFeiten(definitie(), { complex: false, gerichtAan: 'aanbieder' })).toEqual([]);
    expect(controleerFeiten(definitie(), { gerichtAan: ['gemeente', 'aanbieder'] })).toEqual([]);
  });

  it('Wmo 2015 art. 3.4 and Awb 9:18: the facts the engine itself reads (calamiteit, geweld, an ombudsman request) are always allowed, with their kind', () => {
    expect(
      controleerFeiten(definitie(), {
        calamiteit: true,
        geweld: false,
        ombudsmanVerzoek: 'interventieverzoek',
        ombudsmanTermijn: '2026-05-25',
        aantalAanbieders: 2,
      }),
    ).toEqual([]);
    expect(controleerFeiten(definitie(), { calamiteit: 'ja', ombudsmanVerzoek: 'klacht' }).map((f) => f.name)).toEqual([
      'feiten.calamiteit',
      'feiten.ombudsmanVerzoek',
    ]);
  });

  it('no facts at all is fine; facts that are not an object are refused', () => {
    expect(controleerFeiten(definitie(), undefined)).toEqual([]);
    expect(controleerFeiten(definitie(), {})).toEqual([]);
    expect(controleerFeiten(definitie(), ['complex'])).toEqual([
      { name: 'feiten', reason: 'geef een object met feiten, bijvoorbeeld { "complex": false }' },
    ]);
  });

  it('the intake form asks what the regeling declares, in its order, then calamiteit and geweld (Wmo 2015 art. 3.4); never derived or ombudsman facts', () => {
    const def = definitie();
    const vragen = intakeVragen(def);
    expect(vragen.map((v) => v.naam)).toEqual([...Object.keys(def.feiten), 'calamiteit', 'geweld']);
    expect(vragen.find((v) => v.naam === 'gerichtAan')).toEqual({
      naam: 'gerichtAan',
      type: 'keuze',
      omschrijving: def.feiten.gerichtAan.omschrijving,
      waarden: ['gemeente', 'aanbieder'],
    });
    expect(vragen.find((v) => v.naam === 'complex')).not.toHaveProperty('waarden');
    // Every question asked is one the intake check accepts (one meaning: the form never asks what is then refused).
    for (const v of vragen) {
      const w = v.type === 'boolean' ? true : v.type === 'getal' ? 1 : v.type === 'keuze' ? v.waarden![0] : 'x';
      expect(controleerFeiten(def, { [v.naam]: w })).toEqual([]);
    }
  });
});
