import { join } from 'node:path';
import { BASIS, ruimTijdelijkeMappenOp, schrijfBestanden, TESTDAM } from './definition/test-fixture';
import { loadAndValidate } from './definition/validate';
import { controleerFeiten, intakeVragen, isKalenderdag } from './feiten';

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

  it('Awb 9:20, 9:26 and 9:31: an ombudsman request is of one kind; a list of kinds is refused, also a list of one', () => {
    for (const lijst of [['informatievraag', 'interventieverzoek'], ['interventieverzoek'], ['doorgezondenKlacht', 'eigenOnderzoek']]) {
      expect({ lijst, fouten: controleerFeiten(definitie(), { ombudsmanVerzoek: lijst }) }).toEqual({
        lijst,
        fouten: [
          {
            name: 'feiten.ombudsmanVerzoek',
            reason: 'is één soort verzoek: een van informatievraag, interventieverzoek, doorgezondenKlacht, eigenOnderzoek',
          },
        ],
      });
    }
    expect(controleerFeiten(definitie(), { ombudsmanVerzoek: 'informatievraag' })).toEqual([]);
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

  it('Awb 9:31: the date the ombudsman set must be a day that exists (no 31 February, no month 13, 29 February only in a leap year)', () => {
    for (const geen of ['2026-02-31', '2026-13-01', '2026-02-29', '2026-04-31', '2026-00-10']) {
      expect({ geen, fouten: controleerFeiten(definitie(), { ombudsmanTermijn: geen }) }).toEqual({
        geen,
        fouten: [{ name: 'feiten.ombudsmanTermijn', reason: 'moet een bestaande datum JJJJ-MM-DD zijn' }],
      });
      expect(isKalenderdag(geen)).toBe(false);
    }
    expect(isKalenderdag('2028-02-29')).toBe(true);
    expect(isKalenderdag('2026-12-31')).toBe(true);
    expect(controleerFeiten(definitie(), { ombudsmanTermijn: '2028-02-29' })).toEqual([]);
  });

  it('a fact the engine derives from the intake may be given, but only of the kind the engine derives it in', () => {
    expect(
      controleerFeiten(definitie(), { aantalAanbieders: 'twee', kanaal: 3, ingediendBij: true, soort: 'klacht', aanbiederType: 'wmo' }),
    ).toEqual([
      { name: 'feiten.aantalAanbieders', reason: 'moet een getal zijn' },
      { name: 'feiten.kanaal', reason: 'moet tekst zijn' },
      { name: 'feiten.ingediendBij', reason: 'moet tekst zijn' },
    ]);
  });

  it('a list of choices is accepted only when every choice in it is one of the values', () => {
    expect(controleerFeiten(definitie(), { gerichtAan: ['gemeente', 'ombudsman'] })).toEqual([
      { name: 'feiten.gerichtAan', reason: 'moet een van gemeente, aanbieder zijn (of een lijst daarvan)' },
    ]);
  });

  it('a choice fact holds at least one of its values: an empty list is refused naming the fact, not stored as an answer that routes like no answer (AVG art. 5 lid 1 sub c)', () => {
    expect(controleerFeiten(definitie(), { complex: false, gerichtAan: [] })).toEqual([
      { name: 'feiten.gerichtAan', reason: 'kies minstens een van gemeente, aanbieder; laat het feit weg als er geen keuze is' },
    ]);
    // The engine's own choice fact too (Awb 9:18 e.v.: the kind of the ombudsman's request).
    expect(controleerFeiten(definitie(), { ombudsmanVerzoek: [] }, 'intake.feiten')).toEqual([
      {
        name: 'intake.feiten.ombudsmanVerzoek',
        reason:
          'kies minstens een van informatievraag, interventieverzoek, doorgezondenKlacht, eigenOnderzoek; laat het feit weg als er geen keuze is',
      },
    ]);
    // One choice in a list is a choice.
    expect(controleerFeiten(definitie(), { gerichtAan: ['aanbieder'] })).toEqual([]);
  });

  it('Wmo 2015 art. 3.4: a regeling that declares calamiteit itself has it asked once, where the regeling puts it', () => {
    const def = definitie();
    const eigen = {
      ...def,
      feiten: { calamiteit: { type: 'boolean' as const, omschrijving: 'Calamiteit volgens de regeling' }, ...def.feiten },
    };
    expect(intakeVragen(eigen).map((v) => [v.naam, v.omschrijving])).toEqual([
      ['calamiteit', 'Calamiteit volgens de regeling'],
      ['complex', def.feiten.complex.omschrijving],
      ['gerichtAan', def.feiten.gerichtAan.omschrijving],
      ['geweld', expect.stringContaining('geweld')],
    ]);
  });

  it('AVG art. 5 lid 1 sub c: a fact named like a property of every object (toString, constructor) is refused like any unknown fact; a regeling that asks none says so', () => {
    expect(controleerFeiten(definitie(), { toString: true, constructor: 'x' }).map((f) => f.name)).toEqual([
      'feiten.toString',
      'feiten.constructor',
    ]);
    expect(controleerFeiten({ ...definitie(), feiten: {} }, { complex: true })).toEqual([
      { name: 'feiten.complex', reason: 'de klachtregeling vraagt niet naar dit feit; de feiten zijn (geen)' },
    ]);
  });

  it("only the ombudsman's date must be a date: other text facts are free text, and a fact left undefined is not given", () => {
    expect(controleerFeiten(definitie(), { aard: 'geweld bij de thuiszorg', complex: undefined })).toEqual([]);
  });

  it('facts given as null are none given; facts given as text, a number or true are refused as a whole, naming the field', () => {
    expect(controleerFeiten(definitie(), null)).toEqual([]);
    for (const geen of ['complex', 42, true]) {
      expect(controleerFeiten(definitie(), geen, 'intake.feiten')).toEqual([
        { name: 'intake.feiten', reason: 'geef een object met feiten, bijvoorbeeld { "complex": false }' },
      ]);
    }
  });
});
