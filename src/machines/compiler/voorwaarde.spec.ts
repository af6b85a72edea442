/** The routing condition language (docs/definities.md): all / any / not over named facts. */
import type { Voorwaarde } from '../definition/types';
import { afgeleideFeiten, alleFeiten, beschrijfVoorwaarde, evalueer, genoemdeFeiten, vergelekenWaarden } from './voorwaarde';

// Klachtenprotocol Wmo keten Amsterdam §5A as a definition writes it.
const DOORSTUREN: Voorwaarde = {
  alle: [
    { feit: 'aantalAanbieders', is: 1 },
    { niet: { feit: 'complex' } },
    { een: [{ niet: { feit: 'eerderBijAanbieder' } }, { feit: 'overBejegening' }] },
  ],
};

describe('condition language', () => {
  test('alle / een / niet over named facts, a bare fact means "is true", a missing fact is not true', () => {
    expect(evalueer(DOORSTUREN, { aantalAanbieders: 1 })).toBe(true);
    expect(evalueer(DOORSTUREN, { aantalAanbieders: 1, complex: true })).toBe(false);
    expect(evalueer(DOORSTUREN, { aantalAanbieders: 1, eerderBijAanbieder: true })).toBe(false);
    expect(evalueer(DOORSTUREN, { aantalAanbieders: 1, eerderBijAanbieder: true, overBejegening: true })).toBe(true);
    expect(evalueer(DOORSTUREN, { aantalAanbieders: 2 })).toBe(false);
  });

  test('in / minimaal / maximaal, and lists of values', () => {
    expect(evalueer({ feit: 'gerichtAan', in: ['wethouder', 'burgemeester'] }, { gerichtAan: 'wethouder' })).toBe(true);
    expect(evalueer({ feit: 'gerichtAan', in: ['wethouder'] }, { gerichtAan: ['gemeente', 'wethouder'] })).toBe(true);
    expect(evalueer({ feit: 'gerichtAan', in: ['wethouder'] }, {})).toBe(false);
    expect(evalueer({ feit: 'aantalAanbieders', minimaal: 2 }, { aantalAanbieders: 2 })).toBe(true);
    expect(evalueer({ feit: 'aantalAanbieders', minimaal: 2 }, { aantalAanbieders: 1 })).toBe(false);
    expect(evalueer({ feit: 'aantalAanbieders', maximaal: 1 }, { aantalAanbieders: '1' })).toBe(false);
  });

  test('facts derived from the intake (aantalAanbieders, aanbiederType, kanaal, ingediendBij, soort); the intake facts win', () => {
    const intake = {
      aanbieders: [
        { id: 'a', type: 'wmo' as const },
        { id: 'b', type: 'wmo' as const },
      ],
      kanaal: 'telefoon' as const,
      ingediendBij: 'gemeente' as const,
    };
    expect(afgeleideFeiten(intake)).toEqual({
      aantalAanbieders: 2,
      aanbiederType: 'wmo',
      kanaal: 'telefoon',
      ingediendBij: 'gemeente',
      soort: 'klacht',
    });
    expect(alleFeiten({ ...intake, feiten: { aantalAanbieders: 1 } }).aantalAanbieders).toBe(1);
  });

  test('named facts, compared values around thresholds, and a Dutch rendering for hints', () => {
    expect([...genoemdeFeiten(DOORSTUREN)].sort()).toEqual(['aantalAanbieders', 'complex', 'eerderBijAanbieder', 'overBejegening']);
    expect([...(vergelekenWaarden({ feit: 'n', minimaal: 2 }).get('n') ?? [])]).toEqual([1, 2, 3]);
    expect(beschrijfVoorwaarde(DOORSTUREN)).toBe('(aantalAanbieders is 1 en niet complex en (niet eerderBijAanbieder of overBejegening))');
  });
});

describe('condition language at its edges', () => {
  test('is: equal to the value, or contained in a list fact; a bare fact is only true for true itself', () => {
    expect(evalueer({ feit: 'kanaal', is: 'brief' }, { kanaal: 'brief' })).toBe(true);
    expect(evalueer({ feit: 'kanaal', is: 'brief' }, { kanaal: 'email' })).toBe(false);
    expect(evalueer({ feit: 'gerichtAan', is: 'wethouder' }, { gerichtAan: ['gemeente', 'wethouder'] })).toBe(true);
    expect(evalueer({ feit: 'gerichtAan', is: 'wethouder' }, { gerichtAan: ['gemeente'] })).toBe(false);
    expect(evalueer({ feit: 'complex', is: false }, { complex: false })).toBe(true);
    expect(evalueer({ feit: 'complex' }, { complex: 'ja' })).toBe(false);
    expect(evalueer({ feit: 'complex' }, { complex: 1 })).toBe(false);
  });

  test('in: a boolean or missing fact is in no list; a list fact needs one shared value', () => {
    expect(evalueer({ feit: 'x', in: ['true'] }, { x: true })).toBe(false);
    expect(evalueer({ feit: 'x', in: [1, 2] }, { x: 2 })).toBe(true);
    expect(evalueer({ feit: 'x', in: [1, 2] }, { x: 3 })).toBe(false);
    expect(evalueer({ feit: 'x', in: ['a'] }, { x: ['b', 'c'] })).toBe(false);
  });

  test('minimaal and maximaal include the bound itself and need a number', () => {
    expect(evalueer({ feit: 'n', maximaal: 1 }, { n: 1 })).toBe(true);
    expect(evalueer({ feit: 'n', maximaal: 1 }, { n: 0 })).toBe(true);
    expect(evalueer({ feit: 'n', maximaal: 1 }, { n: 2 })).toBe(false);
    expect(evalueer({ feit: 'n', minimaal: 2 }, { n: 3 })).toBe(true);
    expect(evalueer({ feit: 'n', minimaal: 2 }, { n: '3' })).toBe(false);
    expect(evalueer({ feit: 'n', minimaal: 2 }, {})).toBe(false);
  });

  test('een is true when any is, alle only when all are; niet turns a condition round', () => {
    expect(evalueer({ een: [{ feit: 'a' }, { feit: 'b' }] }, { b: true })).toBe(true);
    expect(evalueer({ een: [{ feit: 'a' }, { feit: 'b' }] }, {})).toBe(false);
    expect(evalueer({ alle: [{ feit: 'a' }, { feit: 'b' }] }, { a: true })).toBe(false);
    expect(evalueer({ alle: [{ feit: 'a' }, { feit: 'b' }] }, { a: true, b: true })).toBe(true);
    expect(evalueer({ niet: { feit: 'a' } }, { a: true })).toBe(false);
  });

  test('derived facts: one aanbiederType only when all typed aanbieders share it; soort defaults to klacht; an undefined intake fact does not hide a derived one', () => {
    const aanbieders = [{ id: 'a', type: 'wmo' as const }, { id: 'b', type: 'jeugdhulp' as const }, { id: 'c' }];
    expect(afgeleideFeiten({ aanbieders, kanaal: 'brief', ingediendBij: 'aanbieder', soort: 'melding' })).toEqual({
      aantalAanbieders: 3,
      aanbiederType: undefined,
      kanaal: 'brief',
      ingediendBij: 'aanbieder',
      soort: 'melding',
    });
    expect(
      afgeleideFeiten({ aanbieders: [{ id: 'a', type: 'zorg' }, { id: 'c' }], kanaal: 'brief', ingediendBij: 'gemeente' }).aanbiederType,
    ).toBe('zorg');
    expect(
      alleFeiten({
        aanbieders: [{ id: 'a' }],
        kanaal: 'brief',
        ingediendBij: 'gemeente',
        feiten: { aantalAanbieders: undefined, complex: true },
      }),
    ).toEqual({
      aantalAanbieders: 1,
      aanbiederType: undefined,
      kanaal: 'brief',
      ingediendBij: 'gemeente',
      soort: 'klacht',
      complex: true,
    });
    expect(alleFeiten({ aanbieders: [], kanaal: 'brief', ingediendBij: 'gemeente', feiten: {} }).aantalAanbieders).toBe(0);
  });

  test('genoemdeFeiten and vergelekenWaarden walk alle, een and niet; no condition names nothing', () => {
    expect(genoemdeFeiten(undefined).size).toBe(0);
    expect(vergelekenWaarden(undefined).size).toBe(0);
    const v: Voorwaarde = {
      een: [
        { feit: 'kanaal', is: 'brief' },
        { niet: { feit: 'gerichtAan', in: ['wethouder', 'bestuur'] } },
        { alle: [{ feit: 'n', maximaal: 5 }] },
      ],
    };
    expect([...genoemdeFeiten(v)].sort()).toEqual(['gerichtAan', 'kanaal', 'n']);
    const w = vergelekenWaarden(v);
    expect([...w.keys()].sort()).toEqual(['gerichtAan', 'kanaal', 'n']);
    expect([...w.get('kanaal')!]).toEqual(['brief']);
    expect([...w.get('gerichtAan')!]).toEqual(['wethouder', 'bestuur']);
    expect([...w.get('n')!]).toEqual([4, 5, 6]);
    // Values of one fact from two places add up.
    expect([
      ...vergelekenWaarden({
        alle: [
          { feit: 'n', minimaal: 2 },
          { feit: 'n', is: 10 },
        ],
      }).get('n')!,
    ]).toEqual([1, 2, 3, 10]);
  });

  test('beschrijfVoorwaarde: every form in Dutch; a single-item alle or een needs no brackets', () => {
    expect(beschrijfVoorwaarde({ alle: [{ feit: 'a' }] })).toBe('a');
    expect(beschrijfVoorwaarde({ een: [{ feit: 'a' }] })).toBe('a');
    expect(beschrijfVoorwaarde({ een: [{ feit: 'a' }, { feit: 'b' }] })).toBe('(a of b)');
    expect(beschrijfVoorwaarde({ feit: 'g', in: ['x', 'y'] })).toBe('g is een van "x", "y"');
    expect(beschrijfVoorwaarde({ feit: 'n', minimaal: 2 })).toBe('n ≥ 2');
    expect(beschrijfVoorwaarde({ feit: 'n', maximaal: 3 })).toBe('n ≤ 3');
    expect(beschrijfVoorwaarde({ feit: 'c', is: true })).toBe('c is true');
  });
});
