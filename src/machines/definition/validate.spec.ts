import { join } from 'node:path';
import { loadAndValidate } from './validate';
import { BASIS, foutenInTestdam, invoegen, metRegels, ruimTijdelijkeMappenOp, schrijfBestanden, TESTDAM } from './test-fixture';

// Remove the temp dirs the fixture writes (they piled up in /tmp).
afterEach(ruimTijdelijkeMappenOp);

/** Validates one fixture file (Zeist) and returns its errors, with the file name stripped. */
const fouten = foutenInTestdam;

const TWEEDE_LIJN_VANAF = 47; // the tweedeLijn: line of BASIS

function metTweedeLijn(...entries: string[][]): string[] {
  const lines = [...BASIS];
  lines.splice(TWEEDE_LIJN_VANAF, 4, ...entries.flat());
  return lines;
}

const entry = (soort: string, naam: string, van: string, tot?: string, ...extra: string[]) => [
  `  - soort: ${soort}`,
  `    naam: ${naam}`,
  `    geldigVanaf: ${van}`,
  ...(tot ? [`    geldigTot: ${tot}`] : []),
  '    bevoegdOverAanbieders: false',
  ...extra.map((r) => `    ${r}`),
];
/** GemW 81p lid 2: the instellingsbesluit reached the Nationale ombudsman in time for 1 January 2025. */
const TIJDIG_2025 = 'nationaleOmbudsmanGeinformeerdOp: 2024-06-14';

describe('validateDefinities', () => {
  it('accepts the base fixture', () => {
    expect(fouten(BASIS)).toEqual([]);
  });

  describe('schema', () => {
    it('an unknown key is reported at the key, with a did-you-mean hint and the allowed keys', () => {
      const errors = fouten(invoegen(BASIS, 8, 'afhandeltermijn: P8W'));
      expect(errors).toEqual([
        {
          line: 8,
          column: 1,
          message: "onbekende sleutel 'afhandeltermijn'",
          hint: expect.stringMatching(
            /^bedoelde u 'termijnen'\? Toegestaan op het hoogste niveau: gemeente, versie, geldigVanaf, geldigTot, bron, /,
          ),
        },
      ]);
    });

    it('an unknown key in a termijn suggests the right one', () => {
      expect(fouten(metRegels([30, '    verdaging: P4W']))).toEqual([
        {
          line: 30,
          column: 5,
          message: "onbekende sleutel 'verdaging' in termijnen.afhandeling",
          hint: expect.stringMatching(
            /^bedoelde u 'verdagingMax'\? Toegestaan in termijnen.afhandeling: label, duur, rekenwijze, atw, verdagingMax, /,
          ),
        },
      ]);
    });

    it('an unknown key in a condition is reported against the fact test the author meant', () => {
      expect(fouten(metRegels([20, '      - { feit: complex, gelijk: true }']))).toEqual([
        {
          line: 20,
          column: 26,
          message: "onbekende sleutel 'gelijk' in eersteLijn.behandelingDoorGemeente.een[0]",
          hint: 'Toegestaan in eersteLijn.behandelingDoorGemeente.een[0]: feit, is, in, minimaal, maximaal',
        },
      ]);
    });

    it('a missing required key is reported at its parent', () => {
      const lines = [...BASIS];
      lines.splice(45, 1); // drop '  horen: true'
      expect(fouten(lines)).toEqual([
        {
          line: 44,
          column: 1,
          message: "verplichte sleutel 'horen' ontbreekt in stappen",
          hint: "voeg 'horen:' toe onder stappen (Hoorzitting (Awb 9:10), met de uitzonderingen van 9:10 lid 2.)",
        },
      ]);
    });

    it('a wrong type names what is expected and what is there', () => {
      expect(fouten(metRegels([46, '  horen: ja']))).toEqual([
        {
          line: 46,
          column: 10,
          message: "stappen.horen: verwacht true of false, maar hier staat de tekst 'ja'",
          hint: 'schrijf true (ja) of false (nee), zonder aanhalingstekens',
        },
      ]);
    });

    it('a duration in words gets the ISO 8601 form to write instead', () => {
      expect(fouten(metRegels([27, '    duur: 6 weken']))).toEqual([
        {
          line: 27,
          column: 11,
          message: "termijnen.afhandeling.duur: '6 weken' is geen ISO 8601-duur",
          hint: 'schrijf P6W; schrijf een ISO 8601-duur zoals P6W (6 weken), P5D (5 dagen), P1M (1 maand) of P1Y (1 jaar), met één eenheid',
        },
      ]);
    });

    it('a Dutch-order date gets the YYYY-MM-DD form to write instead', () => {
      expect(fouten(metRegels([6, 'geldigVanaf: 01-02-2024']))).toEqual([
        {
          line: 6,
          column: 14,
          message: "geldigVanaf: '01-02-2024' is geen geldige datum",
          hint: 'schrijf 2024-02-01; schrijf een bestaande datum als JJJJ-MM-DD, bijvoorbeeld 2024-01-01',
        },
      ]);
    });

    it('a role outside the known list is refused with a suggestion', () => {
      expect(fouten(invoegen(BASIS, 31, '    escalatieNaar: leidinggevde'))).toEqual([
        {
          line: 31,
          column: 20,
          message: "termijnen.afhandeling.escalatieNaar: de tekst 'leidinggevde' is hier niet toegestaan",
          hint: expect.stringMatching(/^bedoelde u 'leidinggevende'\? kies uit: behandelaar, leidinggevende, /),
        },
      ]);
    });

    it('a real key in the wrong block is told where it belongs', () => {
      expect(fouten(invoegen(BASIS, 47, '  verdagingMax: P4W'))).toEqual([
        {
          line: 47,
          column: 3,
          message: "onbekende sleutel 'verdagingMax' in stappen",
          hint: "'verdagingMax' hoort in termijnen.<naam> of bijzondereRegimes.<wmo|jeugdhulp|zorg|overig>; toegestaan in stappen: informeleFase, mediation, klachtadviescommissie, vierOgen, tevredenheidscheck, horen",
        },
      ]);
    });

    it('text where a condition belongs names the forms a condition can take', () => {
      expect(fouten(metRegels([18, '  behandelingDoorGemeente: complex'], [19, '#'], [20, '#'], [21, '#']))).toEqual([
        {
          line: 18,
          column: 28,
          message: "eersteLijn.behandelingDoorGemeente: de tekst 'complex' is hier niet toegestaan",
          hint: 'schrijf { alle: ... } of { een: ... } of { niet: ... } of { feit: ... } (Wanneer de gemeente de klacht zelf behandelt; gaat vóór doorsturen.)',
        },
      ]);
    });

    it('klachtadviescommissie: true names both allowed forms', () => {
      expect(fouten(invoegen(BASIS, 47, '  klachtadviescommissie: true'))).toEqual([
        {
          line: 47,
          column: 26,
          message: 'stappen.klachtadviescommissie: true is hier niet toegestaan',
          hint: expect.stringMatching(/^schrijf false of \{ naam: \.\.\. \} \(Klachtadviesprocedure/),
        },
      ]);
    });

    it('a fact name must be one camelCase word', () => {
      expect(fouten(metRegels([9, '  is complex:'], [20, '      - { feit: gerichtAan, is: aanbieder }']))).toEqual([
        {
          line: 9,
          column: 3,
          message: "feiten: 'is complex' is geen geldige naam",
          hint: 'gebruik één woord in camelCase, beginnend met een kleine letter, zonder spaties of streepjes, bijvoorbeeld eerderBijAanbieder',
        },
      ]);
    });

    it('an unknown aanbieder type in bijzondereRegimes is refused with a suggestion', () => {
      const lines = [
        ...BASIS,
        'bijzondereRegimes:',
        '  jeugdzorg:',
        '    regime: jeugdwetKlachtencommissie',
        '    oordeelTermijn: P6W',
        '    reactieTermijn: P1M',
      ];
      expect(fouten(lines)).toEqual([
        {
          line: 57,
          column: 3,
          message: "onbekende sleutel 'jeugdzorg' in bijzondereRegimes",
          hint: "bedoelde u 'jeugdhulp'? Toegestaan in bijzondereRegimes: wmo, jeugdhulp, zorg, overig",
        },
      ]);
    });
  });

  describe('references', () => {
    it('an unknown fact in a condition is reported at the reference', () => {
      expect(fouten(metRegels([20, '      - { feit: complexx }']))).toEqual([
        {
          line: 20,
          column: 17,
          message: "onbekend feit 'complexx'",
          hint: "bedoelde u 'complex'? Of declareer het onder feiten, bijvoorbeeld: complexx: { type: boolean, omschrijving: '...' }",
        },
      ]);
    });

    it('a keuze fact is compared with one of its declared values', () => {
      expect(fouten(metRegels([21, '      - { feit: gerichtAan, is: gemeent }']))).toEqual([
        {
          line: 21,
          column: 33,
          message: 'feit \'gerichtAan\' is een keuze uit gemeente, aanbieder; "gemeent" past daar niet bij',
          hint: "bedoelde u 'gemeente'? schrijf bijvoorbeeld { feit: gerichtAan, in: [gemeente, aanbieder] }",
        },
      ]);
    });

    it('a bare keuze fact (no comparison) is refused', () => {
      expect(fouten(metRegels([21, '      - { feit: gerichtAan }']))).toEqual([
        expect.objectContaining({
          line: 21,
          column: 17,
          message: "feit 'gerichtAan' is een keuze, geen ja/nee: zeg waarmee het vergeleken wordt",
        }),
      ]);
    });

    it('the afhandeling termijn must exist (Awb 9:11)', () => {
      expect(fouten(metRegels([25, '  afhandelingg:']))).toEqual([
        {
          line: 24,
          column: 1,
          message: "termijn 'afhandeling' ontbreekt (Awb 9:11 lid 1: elke klacht bij de gemeente wordt binnen 6 weken afgehandeld)",
          hint: expect.stringMatching(
            /^heet 'afhandelingg' eigenlijk 'afhandeling'\? voeg onder termijnen toe: afhandeling: \{ label: Afhandeltermijn, duur: P6W/,
          ),
        },
      ]);
    });

    it('a first line at the aanbieder needs the aanbiederAfhandeling termijn', () => {
      expect(fouten(metRegels([17, '  standaard: aanbieder']))).toEqual([
        expect.objectContaining({ line: 24, column: 1, message: expect.stringContaining("termijn 'aanbiederAfhandeling' ontbreekt") }),
      ]);
    });

    it('a notice of verdaging without verdaging is refused', () => {
      expect(fouten(metRegels([30, '    verdagingKennisgevingVoorVerloop: true']))).toEqual([
        {
          line: 30,
          column: 5,
          message: "termijn 'afhandeling' kent geen verdaging (geen verdagingMax), dus ook geen kennisgeving van verdaging",
          hint: 'voeg verdagingMax toe (Awb 9:11 lid 2: P4W) of haal verdagingKennisgevingVoorVerloop weg',
        },
      ]);
    });

    it('a werkdagen termijn is written in days', () => {
      expect(fouten(metRegels([28, '    rekenwijze: werkdagen']))).toEqual([
        expect.objectContaining({ line: 27, column: 11, message: "termijn 'afhandeling' telt in werkdagen maar is 6 weken" }),
      ]);
    });

    it('the version is the file name', () => {
      expect(fouten(metRegels([5, "versie: '2024-02'"]))).toEqual([
        {
          line: 5,
          column: 9,
          message: "versie '2024-02' wijkt af van de bestandsnaam 2024-01.yaml",
          hint: "schrijf versie: '2024-01', of hernoem het bestand naar 2024-02.yaml",
        },
      ]);
    });

    it('the CBS code matches the folder', () => {
      expect(fouten(metRegels([3, '  cbsCode: GM0363']))).toEqual([
        expect.objectContaining({ line: 3, column: 12, message: "CBS-code GM0363 hoort niet bij map 'gm0355-zeist'" }),
        expect.objectContaining({ line: 4, column: 9, message: 'GM0363 is de CBS-code van Amsterdam, niet van Zeist (dat is GM0355)' }),
      ]);
    });

    it('CBS gemeentelijke indeling: a code that is not a CBS gemeentecode is refused, with the right code when the name is known', () => {
      expect(fouten(metRegels([3, '  cbsCode: GM0354']))).toEqual([
        expect.objectContaining({ line: 3, column: 12, message: "CBS-code GM0354 hoort niet bij map 'gm0355-zeist'" }),
        {
          line: 3,
          column: 12,
          message: 'CBS-code GM0354 staat niet in de lijst van CBS-gemeentecodes',
          hint: 'de CBS-code van Zeist is GM0355: schrijf cbsCode: GM0355',
        },
      ]);
    });

    it('CBS gemeentelijke indeling: the name is the official CBS name of the code', () => {
      expect(fouten(metRegels([4, '  naam: Zeyst']))).toEqual([
        {
          line: 4,
          column: 9,
          message: "de officiële naam van GM0355 is 'Zeist', niet 'Zeyst'",
          hint: 'schrijf naam: Zeist (zoals het CBS de gemeente schrijft)',
        },
      ]);
    });

    it('CBS gemeentelijke indeling: a herindeling names the opgeheven gemeente by its real code, name and date', () => {
      const overname = (regel: string) => fouten(invoegen(BASIS, 5, '  neemtOver:', regel));
      // Zeist took over nobody; Weesp went into Amsterdam, on 24 March 2022.
      expect(overname('    - { cbsCode: GM0457, naam: Weesp, vanaf: 2024-03-24 }')).toEqual([
        expect.objectContaining({
          line: 6,
          column: 18,
          message: 'Weesp is opgegaan in Amsterdam (GM0363), niet in Zeist',
          hint: 'zet deze overname in de definitie van Amsterdam',
        }),
      ]);
      expect(overname('    - { cbsCode: GM0457, naam: Wesp, vanaf: 2024-03-24 }')).toEqual([
        expect.objectContaining({ line: 6, column: 18, message: 'Weesp is opgegaan in Amsterdam (GM0363), niet in Zeist' }),
        {
          line: 6,
          column: 32,
          message: "de officiële naam van GM0457 is 'Weesp', niet 'Wesp'",
          hint: 'schrijf naam: Weesp (zoals het CBS de gemeente schrijft)',
        },
      ]);
      expect(overname('    - { cbsCode: GM0344, naam: Utrecht, vanaf: 2024-03-24 }')).toEqual([
        expect.objectContaining({
          line: 6,
          column: 18,
          message: 'Utrecht (GM0344) is volgens het CBS niet opgeheven; Zeist kan haar klachten niet overnemen',
        }),
      ]);
      expect(overname('    - { cbsCode: GM9999, naam: Testdam, vanaf: 2024-03-24 }')).toEqual([
        expect.objectContaining({
          line: 6,
          column: 18,
          message: 'CBS-code GM9999 staat niet in de lijst van CBS-gemeentecodes',
          hint: expect.stringContaining('src/machines/definition/gemeentecodes.data.ts'),
        }),
      ]);
    });

    it('CBS gemeentelijke indeling: a take-over starts on the day of the herindeling (Weesp into Amsterdam: 24 March 2022)', () => {
      const amsterdam = (datum: string) =>
        invoegen(
          metRegels(
            [3, '  cbsCode: GM0363'],
            [4, '  naam: Amsterdam'],
            [6, 'geldigVanaf: 2022-01-01'],
            [50, '    geldigVanaf: 2022-01-01'],
          ),
          5,
          '  neemtOver:',
          `    - { cbsCode: GM0457, naam: Weesp, vanaf: ${datum} }`,
        );
      const run = (datum: string) => {
        const root = schrijfBestanden({ 'definitions/gm0363-amsterdam/2024-01.yaml': amsterdam(datum) });
        return loadAndValidate([join(root, 'definitions')]).errors.map(({ file: _f, ...e }) => e);
      };
      expect(run('2022-04-01')).toEqual([
        { line: 6, column: 46, message: 'Weesp is per 24 maart 2022 opgeheven, niet per 1 april 2022', hint: 'schrijf vanaf: 2022-03-24' },
      ]);
      expect(run('2022-03-24')).toEqual([]);
    });

    it('CBS gemeentelijke indeling: the regime of an opgeheven gemeente ends the day before the herindeling', () => {
      const weesp = metRegels(
        [3, '  cbsCode: GM0457'],
        [4, '  naam: Weesp'],
        [6, 'geldigVanaf: 2022-01-01'],
        [50, '    geldigVanaf: 2022-01-01'],
      );
      const root = schrijfBestanden({ 'definitions/gm0457-weesp/2024-01.yaml': weesp });
      expect(loadAndValidate([join(root, 'definitions')]).errors.map(({ file: _f, ...e }) => e)).toEqual([
        expect.objectContaining({
          line: 6,
          column: 14,
          message: 'Weesp (GM0457) is per 24 maart 2022 opgeheven en opgegaan in Amsterdam; deze versie geldt zonder einddatum',
          hint: 'zet geldigTot: 2022-03-23 en neem de klachten daarna over in de definitie van Amsterdam (gemeente.neemtOver)',
        }),
      ]);
    });
  });

  describe('legal lint', () => {
    it('Awb 9:11 lid 1: an 8-week afhandeltermijn without klachtadviescommissie is refused', () => {
      expect(fouten(metRegels([27, '    duur: P8W']))).toEqual([
        {
          line: 27,
          column: 11,
          message: 'Awb 9:11 lid 1: de afhandeltermijn is hooguit 6 weken zonder klachtadviescommissie (hier 8 weken)',
          hint: 'zet de termijn op P6W of voeg stappen.klachtadviescommissie toe (dan mag P10W)',
        },
      ]);
    });

    it('Awb 9:11 lid 1: 10 weeks with klachtadviescommissie is accepted, 11 is not', () => {
      const met = (duur: string) =>
        invoegen(metRegels([27, `    duur: ${duur}`]), 47, '  klachtadviescommissie: { naam: Klachtadviescommissie Testdam }');
      expect(fouten(met('P10W'))).toEqual([]);
      expect(fouten(met('P11W'))).toEqual([
        expect.objectContaining({
          line: 27,
          column: 11,
          message: expect.stringMatching(/^Awb 9:11 lid 1: de afhandeltermijn is hooguit 10 weken/),
        }),
      ]);
    });

    it('Awb 9:11 lid 2: verdaging of more than four weeks is refused (also one month)', () => {
      expect(fouten(metRegels([30, '    verdagingMax: P5W']))).toEqual([
        {
          line: 30,
          column: 19,
          message: 'Awb 9:11 lid 2: verdaging is hooguit 4 weken (hier 5 weken)',
          hint: 'zet verdagingMax op P4W; verder uitstel kan alleen met schriftelijke instemming van de klager (Awb 9:11 lid 3)',
        },
      ]);
      expect(fouten(metRegels([30, '    verdagingMax: P1M']))).toEqual([
        expect.objectContaining({ line: 30, column: 19, message: 'Awb 9:11 lid 2: verdaging is hooguit 4 weken (hier 1 maand)' }),
      ]);
      expect(fouten(metRegels([30, '    verdagingMax: P28D']))).toEqual([]);
    });

    it('Awb 9:8 lid 3: the notice of non-handling is due within four weeks', () => {
      expect(fouten(metRegels([34, '    duur: P5W']))).toEqual([
        expect.objectContaining({
          line: 34,
          column: 11,
          message: expect.stringMatching(/^Awb 9:8 lid 3: /),
          hint: 'zet de termijn op P4W',
        }),
      ]);
    });

    it('Awb 9:24: the klager has a year to go to the ombudsman', () => {
      expect(fouten(metRegels([40, '    duur: P6M']))).toEqual([
        expect.objectContaining({
          line: 40,
          column: 11,
          message: 'Awb 9:24 lid 1: de klager heeft 1 jaar om naar de ombudsman te gaan (hier 6 maanden)',
        }),
      ]);
    });

    it('Atw art. 4: atw: true on a term in years or over twelve weeks is refused', () => {
      expect(fouten(metRegels([42, '    atw: true']))).toEqual([
        {
          line: 42,
          column: 10,
          message: expect.stringMatching(
            /^Atw art\. 4: de Algemene termijnenwet geldt niet voor termijn 'tweedeLijnVerzoek': de termijn van 1 jaar is in jaren uitgedrukt/,
          ),
          hint: 'zet atw: false',
        },
      ]);
      const extra = (duur: string) =>
        invoegen(
          BASIS,
          44,
          '  wachttijd:',
          '    label: Wachttijd',
          `    duur: ${duur}`,
          '    rekenwijze: kalenderdagen',
          '    atw: true',
          '    grondslag: test',
        );
      expect(fouten(extra('P13W'))).toEqual([
        expect.objectContaining({
          line: 48,
          column: 10,
          message: expect.stringMatching(/^Atw art\. 4: .*13 weken is langer dan 12 weken/),
        }),
      ]);
      expect(fouten(extra('P12W'))).toEqual([]);
    });

    it('GemW 81p: exactly one second-line body at any date (a gap is reported with its date)', () => {
      const errors = fouten(
        metTweedeLijn(
          entry('nationaleOmbudsman', 'Nationale ombudsman', '2024-01-01', '2024-06-30'),
          entry('lokaleOmbudsman', 'Ombudsman Testdam', '2025-01-01', undefined, TIJDIG_2025),
        ),
      );
      expect(errors).toEqual([
        {
          line: 51,
          column: 16,
          message:
            "GemW 81p: op 2024-07-01 is er geen tweedelijnsvoorziening ('Nationale ombudsman' eindigt op 2024-06-30, 'Ombudsman Testdam' begint pas op 2025-01-01)",
          hint: "laat 'Ombudsman Testdam' beginnen op 2024-07-01, of 'Nationale ombudsman' eindigen op 2024-12-31",
        },
      ]);
    });

    it('GemW 81p: exactly one second-line body at any date (an overlap is reported with its date)', () => {
      const errors = fouten(
        metTweedeLijn(
          entry('nationaleOmbudsman', 'Nationale ombudsman', '2024-01-01'),
          entry('lokaleOmbudsman', 'Ombudsman Testdam', '2025-01-01', undefined, TIJDIG_2025),
        ),
      );
      expect(errors).toEqual([
        {
          line: 54,
          column: 18,
          message:
            "GemW 81p: op 2025-01-01 zijn er twee tweedelijnsvoorzieningen, 'Nationale ombudsman' en 'Ombudsman Testdam'; er kan er maar één zijn",
          hint: "laat 'Nationale ombudsman' eindigen op 2024-12-31 (geldigTot: 2024-12-31), of laat 'Ombudsman Testdam' later beginnen",
        },
      ]);
    });

    it('GemW 81p: a switch per 1 January without gap or overlap is accepted', () => {
      expect(
        fouten(
          metTweedeLijn(
            entry('nationaleOmbudsman', 'Nationale ombudsman', '2024-01-01', '2024-12-31'),
            entry('lokaleOmbudsman', 'Ombudsman Testdam', '2025-01-01', undefined, TIJDIG_2025),
          ),
        ),
      ).toEqual([]);
    });

    it('GemW 81p: two bodies overlapping for a year are refused at the first day of the overlap', () => {
      const errors = fouten(
        metTweedeLijn(
          entry('nationaleOmbudsman', 'Nationale ombudsman', '2024-01-01', '2025-12-31'),
          entry('lokaleOmbudsman', 'Ombudsman Testdam', '2025-01-01', undefined, TIJDIG_2025),
        ),
      );
      expect(errors).toEqual([
        {
          line: 55,
          column: 18,
          message:
            "GemW 81p: op 2025-01-01 zijn er twee tweedelijnsvoorzieningen, 'Nationale ombudsman' en 'Ombudsman Testdam'; er kan er maar één zijn",
          hint: "laat 'Nationale ombudsman' eindigen op 2024-12-31 (geldigTot: 2024-12-31), of laat 'Ombudsman Testdam' later beginnen",
        },
      ]);
    });

    it('GemW 81p: an overlap of a single day (the old body ends on the day the new one starts) is refused', () => {
      const errors = fouten(
        metTweedeLijn(
          entry('nationaleOmbudsman', 'Nationale ombudsman', '2024-01-01', '2025-01-01'),
          entry('lokaleOmbudsman', 'Ombudsman Testdam', '2025-01-01', undefined, TIJDIG_2025),
        ),
      );
      expect(errors).toEqual([
        expect.objectContaining({
          line: 55,
          column: 18,
          message: expect.stringMatching(/^GemW 81p: op 2025-01-01 zijn er twee tweedelijnsvoorzieningen/),
        }),
      ]);
    });

    it('GemW 81p lid 2: an own ombudsman replacing the Nationale ombudsman needs the date its decision reached the Nationale ombudsman', () => {
      const wissel = (...extra: string[]) =>
        fouten(
          metTweedeLijn(
            entry('nationaleOmbudsman', 'Nationale ombudsman', '2024-01-01', '2024-12-31'),
            entry('ombudscommissie', 'Ombudscommissie Testdam', '2025-01-01', undefined, ...extra),
          ),
        );
      expect(wissel()).toEqual([
        {
          line: 55,
          column: 18,
          message:
            "GemW 81p lid 2: 'Ombudscommissie Testdam' vervangt per 1 januari 2025 de vorige tweedelijnsvoorziening, maar er staat niet wanneer het instellingsbesluit de Nationale ombudsman bereikte (dat moet vóór 1 juli 2024)",
          hint: "voeg bij 'Ombudscommissie Testdam' toe: nationaleOmbudsmanGeinformeerdOp: <datum> (uiterlijk 2024-06-30); bereikte het besluit de Nationale ombudsman later, dan begint 'Ombudscommissie Testdam' pas een jaar later",
        },
      ]);
      expect(wissel('nationaleOmbudsmanGeinformeerdOp: 2024-06-30')).toEqual([]);
      expect(wissel('nationaleOmbudsmanGeinformeerdOp: 2024-07-01')).toEqual([
        {
          line: 57,
          column: 39,
          message:
            "GemW 81p lid 2: het instellingsbesluit van 'Ombudscommissie Testdam' bereikte de Nationale ombudsman op 1 juli 2024, niet vóór 1 juli 2024; 'Ombudscommissie Testdam' kan daarom niet per 1 januari 2025 beginnen",
          hint: "zet geldigVanaf van 'Ombudscommissie Testdam' op 2026-01-01 (en laat de vorige voorziening tot en met 2025-12-31 gelden), of corrigeer de datum als het besluit eerder verzonden is",
        },
      ]);
    });

    it('GemW 81p lid 3: ending an own ombudsman (back to the Nationale ombudsman) needs its decision at the Nationale ombudsman before 1 July', () => {
      const terug = (...extra: string[]) =>
        fouten(
          metTweedeLijn(
            entry('ombudscommissie', 'Ombudscommissie Testdam', '2024-01-01', '2025-12-31', ...extra),
            entry('nationaleOmbudsman', 'Nationale ombudsman', '2026-01-01'),
          ),
        );
      expect(terug()).toEqual([
        expect.objectContaining({
          line: 51,
          column: 16,
          message:
            "GemW 81p lid 3: 'Ombudscommissie Testdam' wordt per 1 januari 2026 opgeheven, maar er staat niet wanneer het opheffingsbesluit de Nationale ombudsman bereikte (dat moet vóór 1 juli 2025)",
        }),
      ]);
      expect(terug('opheffingNationaleOmbudsmanGeinformeerdOp: 2025-03-01')).toEqual([]);
      expect(terug('opheffingNationaleOmbudsmanGeinformeerdOp: 2025-09-01')).toEqual([
        {
          line: 53,
          column: 48,
          message:
            "GemW 81p lid 3: het opheffingsbesluit van 'Ombudscommissie Testdam' bereikte de Nationale ombudsman op 1 september 2025, niet vóór 1 juli 2025; 'Ombudscommissie Testdam' kan daarom niet per 1 januari 2026 worden opgeheven",
          hint: "zet geldigTot van 'Ombudscommissie Testdam' op 2026-12-31 (de opvolger begint op 2027-01-01), of corrigeer de datum als het besluit eerder verzonden is",
        },
      ]);
    });

    describe('GemW 81p across versions: a new version that starts with another body is a switch too', () => {
      /** Zeist 2024-01 with `oud` as its body, and 2025-01 (from 1 January 2025) with `nieuw`; the errors of 2025-01. */
      const versies = (oud: string[][], nieuw: string[][]) => {
        const tweede = metRegels([5, "versie: '2025-01'"], [6, 'geldigVanaf: 2025-01-01']);
        const root = schrijfBestanden({
          [TESTDAM]: invoegen(metTweedeLijn(...oud), 7, 'geldigTot: 2024-12-31'),
          'definitions/gm0355-zeist/2025-01.yaml': (() => {
            const regels = [...tweede];
            regels.splice(TWEEDE_LIJN_VANAF, 4, ...nieuw.flat());
            return regels;
          })(),
        });
        return loadAndValidate([join(root, 'definitions')]).errors.map((e) => ({ ...e, file: e.file.slice(root.length + 1) }));
      };

      it('lid 2: an own ombudscommissie from the first day of the new version needs the date its decision reached the Nationale ombudsman', () => {
        const nationaal = [entry('nationaleOmbudsman', 'Nationale ombudsman', '2024-01-01')];
        expect(versies(nationaal, [entry('ombudscommissie', 'Ombudscommissie Zeist', '2025-01-01')])).toEqual([
          {
            file: 'definitions/gm0355-zeist/2025-01.yaml',
            line: 50,
            column: 18,
            message:
              "GemW 81p lid 2: 'Ombudscommissie Zeist' vervangt per 1 januari 2025 'Nationale ombudsman' (versie '2024-01'), maar er staat niet wanneer het instellingsbesluit de Nationale ombudsman bereikte (dat moet vóór 1 juli 2024)",
            hint: "voeg bij 'Ombudscommissie Zeist' toe: nationaleOmbudsmanGeinformeerdOp: <datum> (uiterlijk 2024-06-30); bereikte het besluit de Nationale ombudsman later, dan blijft 'Nationale ombudsman' tot en met 2025-12-31 bevoegd",
          },
        ]);
        expect(versies(nationaal, [entry('ombudscommissie', 'Ombudscommissie Zeist', '2025-01-01', undefined, TIJDIG_2025)])).toEqual([]);
        // A date given too late is the per-version lint's error, as inside one version.
        expect(
          versies(nationaal, [
            entry('ombudscommissie', 'Ombudscommissie Zeist', '2025-01-01', undefined, 'nationaleOmbudsmanGeinformeerdOp: 2024-09-01'),
          ]),
        ).toEqual([expect.objectContaining({ message: expect.stringContaining('niet vóór 1 juli 2024') })]);
      });

      it('lid 3: an own ombudscommissie that ends with the old version needs the date its opheffing reached the Nationale ombudsman', () => {
        const commissie = entry('ombudscommissie', 'Ombudscommissie Zeist', '2006-01-01');
        const nationaal = entry('nationaleOmbudsman', 'Nationale ombudsman', '2025-01-01');
        expect(versies([commissie], [nationaal])).toEqual([
          expect.objectContaining({
            file: 'definitions/gm0355-zeist/2025-01.yaml',
            line: 50,
            message:
              "GemW 81p lid 3: 'Ombudscommissie Zeist' (versie '2024-01') wordt per 1 januari 2025 opgeheven, maar er staat niet wanneer het opheffingsbesluit de Nationale ombudsman bereikte (dat moet vóór 1 juli 2024)",
          }),
        ]);
        // The new version lists the old body up to its last day, with the date.
        const gemeld = entry(
          'ombudscommissie',
          'Ombudscommissie Zeist',
          '2006-01-01',
          '2024-12-31',
          'opheffingNationaleOmbudsmanGeinformeerdOp: 2024-05-01',
        );
        expect(versies([commissie], [gemeld, nationaal])).toEqual([]);
      });

      it('the same body in both versions is no switch', () => {
        const commissie = [entry('ombudscommissie', 'Ombudscommissie Zeist', '2006-01-01')];
        expect(versies(commissie, commissie)).toEqual([]);
      });
    });

    it('GemW 81p: the notification date belongs to the own body, not to the Nationale ombudsman', () => {
      expect(
        fouten(
          metTweedeLijn(
            entry('nationaleOmbudsman', 'Nationale ombudsman', '2024-01-01', undefined, 'nationaleOmbudsmanGeinformeerdOp: 2023-06-01'),
          ),
        ),
      ).toEqual([
        expect.objectContaining({
          line: 52,
          column: 5,
          message:
            'GemW 81p: nationaleOmbudsmanGeinformeerdOp hoort bij een eigen ombudsman of ombudscommissie, niet bij de Nationale ombudsman',
        }),
      ]);
    });

    it('GemW 81p: an own body that already existed when the definition begins is not a switch of this definition', () => {
      expect(fouten(metTweedeLijn(entry('ombudscommissie', 'Ombudscommissie Testdam', '2006-01-01')))).toEqual([]);
    });

    it('GemW 81p: a body must cover the first day of the definition', () => {
      expect(fouten(metRegels([50, '    geldigVanaf: 2024-02-01']))).toEqual([
        expect.objectContaining({
          line: 50,
          column: 18,
          message: "GemW 81p: op 2024-01-01 is er geen tweedelijnsvoorziening (de eerste, 'Nationale ombudsman', begint pas op 2024-02-01)",
        }),
      ]);
    });

    it('GemW 81p lid 2: a local ombudsman starts on 1 January (and lid 3: ends on 31 December)', () => {
      const errors = fouten(
        metTweedeLijn(
          entry('nationaleOmbudsman', 'Nationale ombudsman', '2024-01-01', '2024-02-29'),
          entry('ombudscommissie', 'Ombudscommissie Testdam', '2024-03-01', '2025-06-30'),
          entry('nationaleOmbudsman', 'Nationale ombudsman', '2025-07-01'),
        ),
      );
      expect(errors).toEqual([
        {
          line: 55,
          column: 18,
          message:
            "GemW 81p lid 2: een eigen ombudsman of ombudscommissie kan alleen per 1 januari worden ingesteld; 'Ombudscommissie Testdam' begint op 1 maart 2024",
          hint: 'zet geldigVanaf op 2025-01-01 (het besluit gaat vóór 1 juli 2024 naar de Nationale ombudsman) of op 2024-01-01 als het besluit tijdig was',
        },
        {
          line: 56,
          column: 16,
          message:
            "GemW 81p lid 3: een eigen ombudsman of ombudscommissie kan alleen per 1 januari worden opgeheven; 'Ombudscommissie Testdam' eindigt op 30 juni 2025",
          hint: 'zet geldigTot op 2025-12-31 (opheffing per 1 januari 2026, besluit vóór 1 juli 2025 naar de Nationale ombudsman)',
        },
      ]);
    });

    it('geldigVanaf must not lie after geldigTot', () => {
      expect(fouten(invoegen(BASIS, 7, 'geldigTot: 2023-12-31'))).toEqual([
        expect.objectContaining({ line: 7, column: 12, message: 'geldigTot 2023-12-31 ligt vóór geldigVanaf 2024-01-01' }),
      ]);
    });

    it('versions of one gemeente do not overlap, and leave no gap', () => {
      const tweede = metRegels([5, "versie: '2025-01'"], [6, 'geldigVanaf: 2025-01-01']);
      const run = (eerste: readonly string[]) => {
        const root = schrijfBestanden({ [TESTDAM]: eerste, 'definitions/gm0355-zeist/2025-01.yaml': tweede });
        return loadAndValidate([join(root, 'definitions')]).errors.map((e) => ({ ...e, file: e.file.slice(root.length + 1) }));
      };
      // Without geldigTot the version holds until the next one begins (docs/definities.md).
      expect(run(BASIS)).toEqual([]);
      expect(run(invoegen(BASIS, 7, 'geldigTot: 2025-01-01'))).toEqual([
        {
          file: 'definitions/gm0355-zeist/2025-01.yaml',
          line: 6,
          column: 14,
          message: expect.stringMatching(
            /^versie '2025-01' begint op 2025-01-01, maar versie '2024-01' \(.*2024-01\.yaml\) geldt dan nog; versies mogen niet overlappen$/,
          ),
          hint: "zet in versie '2024-01' geldigTot: 2024-12-31 (een nieuw bestand; een gepubliceerde versie wijzigt verder niet)",
        },
      ]);
      expect(run(invoegen(BASIS, 7, 'geldigTot: 2024-12-31'))).toEqual([]);
      expect(run(invoegen(BASIS, 7, 'geldigTot: 2024-11-30'))).toEqual([
        expect.objectContaining({
          file: 'definitions/gm0355-zeist/2025-01.yaml',
          line: 6,
          column: 14,
          message: "tussen versie '2024-01' (t/m 2024-11-30) en versie '2025-01' (vanaf 2025-01-01) geldt geen regeling",
        }),
      ]);
    });

    it('versions of one gemeente do not overlap: one regeling per day, so two versions never begin on the same day', () => {
      // A correction published with the start day of the version it corrects: which one served was load order.
      const correctie = metRegels([5, "versie: '2024-02'"]);
      const run = (eerste: readonly string[], tweede: readonly string[]) => {
        const root = schrijfBestanden({ [TESTDAM]: eerste, 'definitions/gm0355-zeist/2024-02.yaml': tweede });
        const { definities, errors } = loadAndValidate([join(root, 'definitions')]);
        return {
          geldig: definities.map((d) => d.definitie.versie),
          errors: errors.map((e) => ({ ...e, file: e.file.slice(root.length + 1) })),
        };
      };
      const fout = {
        file: 'definitions/gm0355-zeist/2024-02.yaml',
        line: 6,
        column: 14,
        message: expect.stringMatching(
          /^versie '2024-02' begint op 2024-01-01, dezelfde dag als versie '2024-01' \(.*2024-01\.yaml\); op elke dag geldt één regeling$/,
        ),
        hint: expect.stringMatching(/^laat de nieuwe van de twee versies later beginnen, op de dag waarop zij ingaat; /),
      };
      // Neither has a geldigTot (the rule that checks geldigTot skipped this).
      expect(run(BASIS, correctie)).toEqual({ geldig: ['2024-01'], errors: [fout] });
      // With a geldigTot the same start day is this error, not an overlap whose fix would end a version before it begins.
      expect(run(invoegen(BASIS, 7, 'geldigTot: 2024-12-31'), correctie)).toEqual({
        geldig: ['2024-01'],
        errors: [
          {
            ...fout,
            hint: expect.stringMatching(
              /^laat de nieuwe van de twee versies beginnen op de dag na de geldigTot van de andere \(versie '2024-01' geldt tot en met 2024-12-31\)\. /,
            ),
          },
        ],
      });
    });

    it('a gemeente taken over (herindeling) ends the day before the take-over', () => {
      const vanaf = (regels: string[], datum: string) => regels.map((r) => r.replace('2024-01-01', datum));
      const weesp = invoegen(
        vanaf(metRegels([3, '  cbsCode: GM0457'], [4, '  naam: Weesp'], [5, "versie: '2022-01'"]), '2022-01-01'),
        7,
        'geldigTot: 2022-02-28',
      );
      const amsterdam = invoegen(
        vanaf(metRegels([3, '  cbsCode: GM0363'], [4, '  naam: Amsterdam'], [5, "versie: '2022-01'"]), '2022-01-01'),
        5,
        '  neemtOver:',
        '    - { cbsCode: GM0457, naam: Weesp, vanaf: 2022-03-24 }',
      );
      const root = schrijfBestanden({
        'definitions/gm0457-weesp/2022-01.yaml': weesp,
        'definitions/gm0363-amsterdam/2022-01.yaml': amsterdam,
      });
      const errors = loadAndValidate([join(root, 'definitions')]).errors;
      expect(errors).toEqual([
        expect.objectContaining({
          file: join(root, 'definitions/gm0363-amsterdam/2022-01.yaml'),
          line: 6,
          column: 46,
          message: expect.stringMatching(
            /^Amsterdam neemt Weesp over per 2022-03-24, maar de laatste versie van Weesp \(.*\) geldt tot en met 2022-02-28$/,
          ),
          hint: 'de regeling van Weesp eindigt op 2022-03-23: geldigTot: 2022-03-23',
        }),
      ]);

      // With an older Weesp version before it, the check reads the last one (the one in force up to the take-over).
      const ouder = invoegen(
        vanaf(metRegels([3, '  cbsCode: GM0457'], [4, '  naam: Weesp'], [5, "versie: '2015-01'"]), '2015-01-01'),
        7,
        'geldigTot: 2021-12-31',
      );
      const goed = invoegen(
        vanaf(metRegels([3, '  cbsCode: GM0457'], [4, '  naam: Weesp'], [5, "versie: '2022-01'"]), '2022-01-01'),
        7,
        'geldigTot: 2022-03-23',
      );
      for (const volgorde of [
        { 'definitions/gm0457-weesp/2015-01.yaml': ouder, 'definitions/gm0457-weesp/2022-01.yaml': goed },
        { 'definitions/gm0457-weesp/2022-01.yaml': goed, 'definitions/gm0457-weesp/2015-01.yaml': ouder },
      ]) {
        const r = schrijfBestanden({ ...volgorde, 'definitions/gm0363-amsterdam/2022-01.yaml': amsterdam });
        expect(loadAndValidate([join(r, 'definitions')]).errors).toEqual([]);
      }
      const fout = schrijfBestanden({
        'definitions/gm0457-weesp/2015-01.yaml': invoegen(
          vanaf(metRegels([3, '  cbsCode: GM0457'], [4, '  naam: Weesp'], [5, "versie: '2015-01'"]), '2015-01-01'),
          7,
          'geldigTot: 2021-12-31',
        ),
        'definitions/gm0457-weesp/2022-01.yaml': weesp,
        'definitions/gm0363-amsterdam/2022-01.yaml': amsterdam,
      });
      expect(loadAndValidate([join(fout, 'definitions')]).errors).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(/laatste versie van Weesp \(.*2022-01\.yaml\) geldt tot en met 2022-02-28$/),
        }),
      ]);
    });

    it('every version of a gemeente has its own name, also across the folders that are read (repository and published)', () => {
      const eerste = schrijfBestanden({ [TESTDAM]: BASIS });
      const tweede = schrijfBestanden({ [TESTDAM]: metRegels([6, 'geldigVanaf: 2025-01-01']) });
      const errors = loadAndValidate([join(eerste, 'definitions'), join(tweede, 'definitions')]).errors.map((e) => ({
        ...e,
        file: e.file.slice(tweede.length + 1),
      }));
      expect(errors).toContainEqual(
        expect.objectContaining({
          file: TESTDAM,
          line: 5,
          message: expect.stringMatching(/^versie '2024-01' van .* bestaat al \(.*2024-01\.yaml\)$/),
          hint: 'geef elke versie een eigen naam, gelijk aan de bestandsnaam',
        }),
      );
    });

    it('Wkkgz 17: a zorg regime handles within six weeks, extends at most four; Wkkgz does not fit jeugdhulp', () => {
      const regime = (type: string, afh: string, verd: string) => [
        ...BASIS,
        'bijzondereRegimes:',
        `  ${type}:`,
        '    regime: wkkgz',
        `    afhandelTermijn: ${afh}`,
        `    verdagingMax: ${verd}`,
        '    geschilTermijn: P6M',
        '    geschilleninstantie: Geschilleninstantie Zorg',
      ];
      expect(fouten(regime('zorg', 'P6W', 'P4W'))).toEqual([]);
      expect(fouten(regime('zorg', 'P8W', 'P6W'))).toEqual([
        expect.objectContaining({
          line: 59,
          column: 22,
          message: 'Wkkgz 17 lid 1: de zorgaanbieder deelt de uitkomst uiterlijk binnen 6 weken mee (hier 8 weken)',
        }),
        expect.objectContaining({ line: 60, column: 19, message: 'Wkkgz 17 lid 2: verlenging is hooguit 4 weken (hier 6 weken)' }),
      ]);
      expect(fouten(regime('jeugdhulp', 'P6W', 'P4W'))).toEqual([
        expect.objectContaining({
          line: 58,
          column: 13,
          message: expect.stringMatching(/^regime wkkgz past niet bij aanbieders van het type jeugdhulp/),
          hint: 'schrijf regime: jeugdwetKlachtencommissie',
        }),
      ]);
    });

    it('Jeugdwet 4.2.1 lid 5: the aanbieder responds within one month', () => {
      const lines = [
        ...BASIS,
        'bijzondereRegimes:',
        '  jeugdhulp:',
        '    regime: jeugdwetKlachtencommissie',
        '    oordeelTermijn: P6W',
        '    reactieTermijn: P6W',
      ];
      expect(fouten(lines)).toEqual([
        expect.objectContaining({
          line: 60,
          column: 21,
          message: 'Jeugdwet 4.2.1 lid 5: de aanbieder reageert binnen één maand op het oordeel (hier 6 weken)',
        }),
      ]);
    });

    describe('aanbieder reports: a deadline lies after the end of its period', () => {
      const rapportage = (...perioden: string[]) =>
        invoegen(BASIS, 53, '  aanbieders:', '    cadans: halfjaar', '    naar: contractmanager', '    inhoud: [aard]', ...perioden);
      const halfjaren = (eerste: string) =>
        rapportage('    perioden:', `      - ${eerste}`, "      - { periodeTot: '10-31', deadline: '12-01' }");

      it('two half years, each due a month or more after it ends, are accepted', () => {
        expect(fouten(halfjaren("{ periodeTot: '04-30', deadline: '07-01' }"))).toEqual([]);
      });

      it('a period ending the day before its deadline ("vóór 1 juli" over up to 30 June) is refused: overdue at 00:00', () => {
        expect(fouten(halfjaren("{ periodeTot: '06-30', deadline: '07-01' }"))).toEqual([
          {
            line: 58,
            column: 42,
            message:
              'rapportage: de periode tot en met 30 juni moet vóór 1 juli gerapporteerd zijn, maar dan eindigt de periode pas: de aanbieder heeft na afloop geen tijd en elke rapportage is om 00:00 te laat',
            hint: "laat de periode eerder eindigen (bijvoorbeeld periodeTot: '05-31') of zet de deadline later (bijvoorbeeld deadline: '08-01')",
          },
        ]);
      });

      it('a deadline before the end of its period is refused', () => {
        expect(fouten(halfjaren("{ periodeTot: '07-15', deadline: '07-01' }"))).toEqual([
          {
            line: 58,
            column: 42,
            message:
              'rapportage: de deadline vóór 1 juli ligt vóór het einde van de periode tot en met 15 juli; gelezen als 1 juli van het jaar erna wacht de rapportage 350 dagen, langer dan de periode zelf',
            hint: "zet de deadline na het einde van de periode, bijvoorbeeld deadline: '08-16' (een maand de tijd)",
          },
        ]);
      });

      it('only deadlines (the older form) is refused, with the periods to write instead', () => {
        expect(fouten(rapportage("    deadlines: ['07-01', '12-01']"))).toEqual([
          {
            line: 57,
            column: 16,
            message:
              'rapportage: met alleen deadlines eindigt elke periode de dag vóór haar deadline (de rapportage vóór 1 december gaat tot en met 30 november); de aanbieder heeft na afloop geen tijd en elke rapportage is om 00:00 te laat',
            hint: "noem de perioden, met tijd na afloop, bijvoorbeeld perioden: [{ periodeTot: '05-31', deadline: '07-01' }, { periodeTot: '10-31', deadline: '12-01' }], en haal deadlines weg",
          },
        ]);
      });

      it('neither periods nor deadlines is refused, with calendar periods due a month later', () => {
        expect(fouten(rapportage())).toEqual([
          expect.objectContaining({
            line: 53,
            column: 3,
            hint: "noem de perioden, met tijd na afloop, bijvoorbeeld perioden: [{ periodeTot: '06-30', deadline: '08-01' }, { periodeTot: '12-31', deadline: '02-01' }]",
          }),
        ]);
      });

      it('perioden and the older deadlines together are refused (perioden already names the deadlines)', () => {
        expect(
          fouten(
            rapportage(
              "    deadlines: ['07-01', '12-01']",
              '    perioden:',
              "      - { periodeTot: '04-30', deadline: '07-01' }",
              "      - { periodeTot: '10-31', deadline: '12-01' }",
            ),
          ),
        ).toEqual([
          {
            line: 57,
            column: 5,
            message: 'deadlines en perioden staan er allebei; perioden noemt de deadlines al',
            hint: 'haal deadlines weg',
          },
        ]);
      });

      it('as many periods as the cadans says, each ending on its own day', () => {
        expect(fouten(rapportage('    perioden:', "      - { periodeTot: '04-30', deadline: '07-01' }"))).toEqual([
          expect.objectContaining({
            line: 57,
            column: 5,
            message: 'cadans halfjaar vraagt 2 rapportages per jaar, er staan er 1 in perioden',
          }),
        ]);
        expect(
          fouten(
            rapportage(
              '    perioden:',
              "      - { periodeTot: '04-30', deadline: '07-01' }",
              "      - { periodeTot: '04-30', deadline: '12-01' }",
            ),
          ),
        ).toEqual([
          {
            line: 59,
            column: 23,
            message: 'twee perioden eindigen op 04-30 (ook perioden[0])',
            hint: 'laat elke periode op een eigen dag eindigen',
          },
        ]);
      });
    });

    it('Selectielijst 13.1: a handled klacht is kept five years', () => {
      expect(fouten(metRegels([55, '  gemeente: P1Y']))).toEqual([
        expect.objectContaining({
          line: 55,
          column: 13,
          message: 'Selectielijst gemeenten 2020, 13.1: een afgehandelde klacht wordt 5 jaar bewaard (hier 1 jaar)',
        }),
      ]);
    });
  });
});
