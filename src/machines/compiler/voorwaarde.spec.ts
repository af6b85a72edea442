/** The routing condition language (design.md §3): all / any / not over named facts. */
import type { Voorwaarde } from '../definition/types';
import { afgeleideFeiten, alleFeiten, beschrijfVoorwaarde, evalueer, genoemdeFeiten, vergelekenWaarden } from './voorwaarde';

// Amsterdam seed 003 §5A as a definition writes it.
const DOORSTUREN: Voorwaarde = {
  alle: [{ feit: 'aantalAanbieders', is: 1 }, { niet: { feit: 'complex' } }, { een: [{ niet: { feit: 'eerderBijAanbieder' } }, { feit: 'overBejegening' }] }],
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
    const intake = { aanbieders: [{ id: 'a', type: 'wmo' as const }, { id: 'b', type: 'wmo' as const }], kanaal: 'telefoon' as const, ingediendBij: 'gemeente' as const };
    expect(afgeleideFeiten(intake)).toEqual({ aantalAanbieders: 2, aanbiederType: 'wmo', kanaal: 'telefoon', ingediendBij: 'gemeente', soort: 'klacht' });
    expect(alleFeiten({ ...intake, feiten: { aantalAanbieders: 1 } }).aantalAanbieders).toBe(1);
  });

  test('named facts, compared values around thresholds, and a Dutch rendering for hints', () => {
    expect([...genoemdeFeiten(DOORSTUREN)].sort()).toEqual(['aantalAanbieders', 'complex', 'eerderBijAanbieder', 'overBejegening']);
    expect([...(vergelekenWaarden({ feit: 'n', minimaal: 2 }).get('n') ?? [])]).toEqual([1, 2, 3]);
    expect(beschrijfVoorwaarde(DOORSTUREN)).toBe('(aantalAanbieders is 1 en niet complex en (niet eerderBijAanbieder of overBejegening))');
  });
});
