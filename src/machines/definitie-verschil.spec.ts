import { join } from 'node:path';
import { loadDefinitionFiles } from './definition/loader';
import type { Definitie } from './definition/types';
import { termijnLengte, toestandenVan, vergelijkDefinities, type VerschilKant } from './definitie-verschil';
import { maakRegime } from './regime';

const AMSTERDAM = loadDefinitionFiles([join(__dirname, '..', '..', 'definitions', 'gm0363-amsterdam')]).definities[0].definitie;

function kant(d: Definitie): VerschilKant {
  return { definitie: d, toestanden: toestandenVan(maakRegime(d, 'gm0363-amsterdam').machine) };
}

/** A deep copy of Amsterdam as a new version, changed by `wijzig`. */
function nieuw(wijzig: (d: Definitie) => void = () => undefined): Definitie {
  const d = structuredClone(AMSTERDAM);
  d.versie = '2026-10';
  d.geldigVanaf = '2026-10-01';
  wijzig(d);
  return d;
}

const OUD = kant(AMSTERDAM);

describe('the readable diff of a new definition version against the published one', () => {
  it('the same regeling under a new version number has no changes', () => {
    const v = vergelijkDefinities(OUD, kant(nieuw()));
    expect(v).toEqual(
      expect.objectContaining({ van: '2015-01', naar: '2026-10', aantal: 0, termijnen: [], routering: [], tweedeLijn: [] }),
    );
    expect(v.toestanden).toEqual({ toegevoegd: [], verwijderd: [] });
  });

  it('a termijn whose duur changes is listed with old and new length in werkdagen', () => {
    const v = vergelijkDefinities(OUD, kant(nieuw((d) => void (d.termijnen.contact.duur = 'P4D'))));
    expect(v.termijnen).toEqual([
      {
        naam: 'contact',
        label: 'Contact met de klager',
        soort: 'gewijzigd',
        oud: '5 werkdagen',
        nieuw: '4 werkdagen',
        regels: ['duur 5 werkdagen → 4 werkdagen'],
      },
    ]);
    expect(v.aantal).toBe(1);
  });

  it('a termijn added or removed, and Atw and verdaging changes, are named', () => {
    const v = vergelijkDefinities(
      OUD,
      kant(
        nieuw((d) => {
          d.termijnen.afhandeling = { ...d.termijnen.afhandeling, verdagingMax: 'P2W' };
          d.termijnen.extraTermijn = { label: 'Extra', duur: 'P2W', rekenwijze: 'kalenderdagen', atw: true, grondslag: 'eigen beleid' };
        }),
      ),
    );
    expect(v.termijnen).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          naam: 'afhandeling',
          soort: 'gewijzigd',
          regels: ['verdaging met ten hoogste 4 weken → met ten hoogste 2 weken'],
        }),
        expect.objectContaining({ naam: 'extraTermijn', soort: 'toegevoegd', nieuw: '2 weken' }),
      ]),
    );
    const terug = vergelijkDefinities(
      kant(
        nieuw(
          (d) => void (d.termijnen.extraTermijn = { label: 'Extra', duur: 'P2W', rekenwijze: 'kalenderdagen', atw: true, grondslag: 'x' }),
        ),
      ),
      OUD,
    );
    expect(terug.termijnen).toEqual([expect.objectContaining({ naam: 'extraTermijn', soort: 'verwijderd', oud: '2 weken' })]);
  });

  it('states added and removed come from the compiled machine (a klachtadviescommissie adds its advice step)', () => {
    const met = kant(nieuw((d) => void (d.stappen.klachtadviescommissie = { naam: 'Commissie Bezwaar en Klachten' })));
    const v = vergelijkDefinities(OUD, met);
    expect(v.toestanden.toegevoegd.length).toBeGreaterThan(0);
    expect(v.toestanden.verwijderd).toEqual([]);
    // And back: the same states are removed.
    expect(vergelijkDefinities(met, OUD).toestanden.verwijderd.map((t) => t.id)).toEqual(v.toestanden.toegevoegd.map((t) => t.id));
    for (const t of v.toestanden.toegevoegd) expect(t.label).not.toBe('');
  });

  it('the second line: another body, or a changed bevoegdheid, is listed', () => {
    const v = vergelijkDefinities(
      OUD,
      kant(
        nieuw((d) => {
          d.tweedeLijn = [{ ...d.tweedeLijn[0], bevoegdOverAanbieders: false }];
        }),
      ),
    );
    expect(v.tweedeLijn).toEqual([
      { naam: 'Ombudsman Metropool Amsterdam', soort: 'gewijzigd', regels: ['niet meer bevoegd over aanbieders'] },
    ]);
    const ander = vergelijkDefinities(
      OUD,
      kant(
        nieuw(
          (d) =>
            void (d.tweedeLijn = [
              { soort: 'nationaleOmbudsman', naam: 'Nationale ombudsman', geldigVanaf: '2015-01-01', bevoegdOverAanbieders: false },
            ]),
        ),
      ),
    );
    expect(ander.tweedeLijn.map((t) => [t.naam, t.soort])).toEqual([
      ['Ombudsman Metropool Amsterdam', 'verwijderd'],
      ['Nationale ombudsman', 'toegevoegd'],
    ]);
  });

  it('routing criteria changed are shown as the conditions in words, old and new', () => {
    const v = vergelijkDefinities(
      OUD,
      kant(
        nieuw((d) => {
          d.eersteLijn.doorsturenNaarAanbieder = { feit: 'aantalAanbieders', is: 1 };
        }),
      ),
    );
    expect(v.routering).toEqual([
      expect.objectContaining({
        criterium: 'eersteLijn.doorsturenNaarAanbieder',
        nieuw: 'aantalAanbieders is 1',
        oud: expect.stringContaining('complex'),
      }),
    ]);
    expect(v.routering[0].regel).toMatch(/^doorsturen naar de aanbieder als: .* → aantalAanbieders is 1$/);
  });

  it('a termijn length reads as the law writes it', () => {
    expect(termijnLengte({ duur: 'P1D', rekenwijze: 'werkdagen' })).toBe('1 werkdag');
    expect(termijnLengte({ duur: 'P6W', rekenwijze: 'kalenderdagen' })).toBe('6 weken');
  });
});
