import { join } from 'node:path';
import { loadDefinitionFiles } from './definition/loader';
import type { Definitie } from './definition/types';
import { termijnLengte, toestandenVan, vergelijkDefinities, type VerschilKant } from './definitie-verschil';
import { maakRegime } from './regime';

// Loaded and compiled in the first test that needs them, not when the file loads: code a spec runs at load makes Stryker
// run every spec for each mutant in it (docs/adr/0005-mutation-testing.md).
let amsterdam: Definitie | undefined;
const AMSTERDAM = () =>
  (amsterdam ??= loadDefinitionFiles([join(__dirname, '..', '..', 'definitions', 'gm0363-amsterdam')]).definities[0].definitie);

function kant(d: Definitie): VerschilKant {
  return { definitie: d, toestanden: toestandenVan(maakRegime(d, 'gm0363-amsterdam').machine) };
}

/** A deep copy of Amsterdam as a new version, changed by `wijzig`. */
function nieuw(wijzig: (d: Definitie) => void = () => undefined): Definitie {
  const d = structuredClone(AMSTERDAM());
  d.versie = '2026-10';
  d.geldigVanaf = '2026-10-01';
  wijzig(d);
  return d;
}

let oud: VerschilKant | undefined;
const OUD = () => (oud ??= kant(AMSTERDAM()));

describe('the readable diff of a new definition version against the published one', () => {
  it('the same regeling under a new version number has no changes', () => {
    const v = vergelijkDefinities(OUD(), kant(nieuw()));
    expect(v).toEqual(
      expect.objectContaining({ van: '2015-01', naar: '2026-10', aantal: 0, termijnen: [], routering: [], tweedeLijn: [] }),
    );
    expect(v.toestanden).toEqual({ toegevoegd: [], verwijderd: [] });
  });

  it('a termijn whose duur changes is listed with old and new length in werkdagen', () => {
    const v = vergelijkDefinities(OUD(), kant(nieuw((d) => void (d.termijnen.contact.duur = 'P4D'))));
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
      OUD(),
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
      OUD(),
    );
    expect(terug.termijnen).toEqual([expect.objectContaining({ naam: 'extraTermijn', soort: 'verwijderd', oud: '2 weken' })]);
  });

  it('states added and removed come from the compiled machine (a klachtadviescommissie adds its advice step)', () => {
    const met = kant(nieuw((d) => void (d.stappen.klachtadviescommissie = { naam: 'Commissie Bezwaar en Klachten' })));
    const v = vergelijkDefinities(OUD(), met);
    expect(v.toestanden.toegevoegd.length).toBeGreaterThan(0);
    expect(v.toestanden.verwijderd).toEqual([]);
    // And back: the same states are removed.
    expect(vergelijkDefinities(met, OUD()).toestanden.verwijderd.map((t) => t.id)).toEqual(v.toestanden.toegevoegd.map((t) => t.id));
    for (const t of v.toestanden.toegevoegd) expect(t.label).not.toBe('');
  });

  it('the second line: another body, or a changed bevoegdheid, is listed', () => {
    const v = vergelijkDefinities(
      OUD(),
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
      OUD(),
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
      OUD(),
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

  // The same states as the published version: these specs are about the definition's own text, not the machine.
  const zelfdeStaten = (d: Definitie): VerschilKant => ({ definitie: d, toestanden: OUD().toestanden });

  it('a calendar-day termijn reads in days, only a working-day one in werkdagen (14 dagen are not 14 werkdagen)', () => {
    expect(termijnLengte({ duur: 'P14D', rekenwijze: 'kalenderdagen' })).toBe('14 dagen');
    expect(termijnLengte({ duur: 'P1D', rekenwijze: 'kalenderdagen' })).toBe('1 dag');
  });

  it('every property of a termijn that moves its due date or says who hears of it is named: rekenwijze, Atw, escalatie, grondslag and naam, both ways', () => {
    const gewijzigd = zelfdeStaten(
      nieuw((d) => {
        const { escalatieNaar: _weg, ...contact } = d.termijnen.contact;
        d.termijnen.contact = {
          ...contact,
          rekenwijze: 'kalenderdagen',
          atw: true,
          grondslag: 'Amsterdamse Klachtenregeling',
          label: 'Contactmoment',
        };
      }),
    );
    expect(vergelijkDefinities(OUD(), gewijzigd).termijnen).toEqual([
      {
        naam: 'contact',
        label: 'Contactmoment',
        soort: 'gewijzigd',
        oud: '5 werkdagen',
        nieuw: '5 dagen',
        regels: [
          'duur 5 werkdagen → 5 dagen',
          'de Algemene termijnenwet is nu van toepassing',
          'escalatie naar klachtenfunctionaris → niemand',
          'grondslag Klachtenprotocol Wmo keten §6 (contractueel) → Amsterdamse Klachtenregeling',
          "naam 'Contact met de klager' → 'Contactmoment'",
        ],
      },
    ]);
    expect(vergelijkDefinities(gewijzigd, OUD()).termijnen[0].regels).toEqual([
      'duur 5 dagen → 5 werkdagen',
      'de Algemene termijnenwet is niet meer van toepassing',
      'escalatie naar niemand → klachtenfunctionaris',
      'grondslag Amsterdamse Klachtenregeling → Klachtenprotocol Wmo keten §6 (contractueel)',
      "naam 'Contactmoment' → 'Contact met de klager'",
    ]);
  });

  it('a termijn added is named with its length and ground, one removed with its length', () => {
    const extra = zelfdeStaten(
      nieuw(
        (d) =>
          void (d.termijnen.extraTermijn = {
            label: 'Extra',
            duur: 'P2W',
            rekenwijze: 'kalenderdagen',
            atw: false,
            grondslag: 'eigen beleid',
          }),
      ),
    );
    expect(vergelijkDefinities(OUD(), extra).termijnen.map((t) => t.regels)).toEqual([["nieuwe termijn 'Extra': 2 weken (eigen beleid)"]]);
    expect(vergelijkDefinities(extra, OUD()).termijnen.map((t) => t.regels)).toEqual([["termijn 'Extra' (2 weken) vervalt"]]);
  });

  it("GemW 81p: the second line's soort and period are named when they change, and a body added or removed with its period", () => {
    const ander = zelfdeStaten(
      nieuw(
        (d) =>
          void (d.tweedeLijn = [{ ...d.tweedeLijn[0], soort: 'nationaleOmbudsman', geldigVanaf: '2016-01-01', geldigTot: '2026-12-31' }]),
      ),
    );
    expect(vergelijkDefinities(OUD(), ander).tweedeLijn).toEqual([
      {
        naam: 'Ombudsman Metropool Amsterdam',
        soort: 'gewijzigd',
        regels: [
          'soort gezamenlijkeOmbudsman → nationaleOmbudsman',
          'geldig vanaf 2015-01-01 → 2016-01-01',
          'geldig tot open → 2026-12-31',
        ],
      },
    ]);
    expect(vergelijkDefinities(ander, OUD()).tweedeLijn[0].regels).toContain('geldig tot 2026-12-31 → open');
    const nationaal = zelfdeStaten(
      nieuw(
        (d) =>
          void (d.tweedeLijn = [
            {
              soort: 'nationaleOmbudsman',
              naam: 'Nationale ombudsman',
              geldigVanaf: '2015-01-01',
              geldigTot: '2026-12-31',
              bevoegdOverAanbieders: false,
            },
          ]),
      ),
    );
    expect(vergelijkDefinities(OUD(), nationaal).tweedeLijn.map((t) => t.regels)).toEqual([
      ['Ombudsman Metropool Amsterdam (gezamenlijkeOmbudsman, vanaf 2015-01-01) vervalt als tweede lijn'],
      ['nieuwe tweede lijn: Nationale ombudsman (nationaleOmbudsman, vanaf 2015-01-01 t/m 2026-12-31)'],
    ]);
  });

  it('a routing criterion no longer set, or newly set, shows (niet gezet) on that side and has no value there', () => {
    const zonder = zelfdeStaten(nieuw((d) => void delete d.eersteLijn.klachtOverGemeente));
    expect(vergelijkDefinities(OUD(), zonder).routering).toStrictEqual([
      {
        criterium: 'eersteLijn.klachtOverGemeente',
        oud: expect.stringContaining('gerichtAan'),
        regel: expect.stringMatching(/^klacht over de gemeente zelf als: .+ → \(niet gezet\)$/),
      },
    ]);
    expect(vergelijkDefinities(zonder, OUD()).routering).toStrictEqual([
      {
        criterium: 'eersteLijn.klachtOverGemeente',
        nieuw: expect.stringContaining('gerichtAan'),
        regel: expect.stringMatching(/^klacht over de gemeente zelf als: \(niet gezet\) → .+/),
      },
    ]);
  });

  it('the number of changes counts every state, termijn, second line and routing change listed', () => {
    const [weg, ...rest] = OUD().toestanden;
    const v = vergelijkDefinities(OUD(), {
      definitie: nieuw((d) => {
        d.termijnen.contact.duur = 'P4D';
        d.tweedeLijn = [{ ...d.tweedeLijn[0], bevoegdOverAanbieders: false }];
        d.eersteLijn.standaard = 'gemeente';
      }),
      toestanden: [...rest, { id: 'gemeente.nieuw', label: 'Nieuw' }],
    });
    expect(v.toestanden).toEqual({ toegevoegd: [{ id: 'gemeente.nieuw', label: 'Nieuw' }], verwijderd: [weg] });
    expect([v.termijnen.length, v.tweedeLijn.length, v.routering.length]).toEqual([1, 1, 1]);
    expect(v.aantal).toBe(5);
  });
});
