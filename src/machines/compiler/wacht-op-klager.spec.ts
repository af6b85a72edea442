/**
 * The spec of the klager's year from the aanbieder's afdoening (wacht-op-klager.ts): the definition's own
 * tweedeLijnVerzoek under a name of its own, so its passing closes exactly the wait in `bijAanbieder.afgedaan`.
 * Pure: definitions as objects with only the termijnen these functions read. The machine's behaviour on the seed
 * definitions is proven in afgedaan-wacht.spec.ts.
 */
import type { Definitie, TermijnDefinitie } from '../definition/types';
import { termijnSpecs } from './termijnen';
import { JAAR_NA_AFDOENING_AANBIEDER, jaarNaAfdoeningSpec } from './wacht-op-klager';

const JAAR: TermijnDefinitie = {
  label: 'Termijn verzoek ombudsman',
  duur: 'P1Y',
  rekenwijze: 'kalenderdagen',
  atw: false,
  grondslag: 'Awb 9:24 lid 1',
};

/** A definition with only these termijnen (the functions here read nothing else). */
const definitie = (termijnen: Record<string, TermijnDefinitie>): Definitie => ({ termijnen }) as unknown as Definitie;

describe('the klager’s year after the aanbieder’s afdoening (Awb 9:24 lid 1 sub a naar analogie)', () => {
  it('Awb 9:24 lid 1 sub a: the year from the aanbieder’s afdoening is the definition’s tweedeLijnVerzoek, counted the same way, under its own name and ground', () => {
    expect(jaarNaAfdoeningSpec(definitie({ tweedeLijnVerzoek: JAAR }))).toEqual({
      naam: JAAR_NA_AFDOENING_AANBIEDER,
      label: 'Termijn verzoek ombudsman (na de afdoening door de aanbieder)',
      duur: 'P1Y',
      rekenwijze: 'kalenderdagen',
      atw: false,
      grondslag: 'Awb 9:24 lid 1 sub a (naar analogie): een jaar na de afdoening door de aanbieder',
    });
  });

  it('the year keeps the reminders and the escalation the regeling gives its tweedeLijnVerzoek', () => {
    const t: TermijnDefinitie = { ...JAAR, herinneringen: [{ voor: 'P1M', naar: 'klachtbehandelaar' }], escalatieNaar: 'loket' };
    expect(jaarNaAfdoeningSpec(definitie({ tweedeLijnVerzoek: t }))).toEqual(
      expect.objectContaining({ herinneringen: [{ voor: 'P1M', naar: 'klachtbehandelaar' }], escalatieNaar: 'loket' }),
    );
  });

  it('a regeling without a term for the second line has no such year: the wait is bounded by reactieKlager only, if it sets one', () => {
    expect(jaarNaAfdoeningSpec(definitie({}))).toBeUndefined();
    expect(termijnSpecs(definitie({}))).not.toHaveProperty(JAAR_NA_AFDOENING_AANBIEDER);
    expect(jaarNaAfdoeningSpec(definitie({ reactieKlager: { ...JAAR, label: 'Reactie klager', duur: 'P4W' } }))).toBeUndefined();
  });

  it('the machine may start the year: it is among the termijnen of a definition with a tweedeLijnVerzoek, next to that one', () => {
    const specs = termijnSpecs(definitie({ tweedeLijnVerzoek: JAAR }));
    expect(specs[JAAR_NA_AFDOENING_AANBIEDER]).toEqual(jaarNaAfdoeningSpec(definitie({ tweedeLijnVerzoek: JAAR })));
    expect(specs.tweedeLijnVerzoek).toEqual(
      expect.objectContaining({ naam: 'tweedeLijnVerzoek', duur: 'P1Y', grondslag: 'Awb 9:24 lid 1' }),
    );
  });
});
