/**
 * The legal lint beyond validate.spec.ts: the rules whose faults mutation testing showed no spec would
 * notice (docs/adr/0005-mutation-testing.md). Each case is a Testdam file with one rule broken.
 */
import { join } from 'node:path';
import type { DefinitionError } from '../contract';
import {
  BASIS,
  basisVersie,
  foutenInTestdam,
  invoegen,
  metAanbiederTermijn,
  metContactTermijn,
  metRegels,
  ruimTijdelijkeMappenOp,
  schrijfBestanden,
  TESTDAM,
} from './test-fixture';
import { loadAndValidate } from './validate';
import { ongestarteTermijnFouten, termijnDekkingFouten, type TermijnDekkingBevinding } from './juridische-lint';
import { loadDefinitionFiles } from './loader';
import { herbereken, voegMutatieToe, type TermijnLedger } from '../termijnen';

afterEach(ruimTijdelijkeMappenOp);

/**
 * The per-version lint of one file. A version with a geldigTot and no successor in the set also gets the
 * set-level error that klachten running past it have no second line (tweede-lijn-tijdlijn.ts, tested in
 * src/machines/compiler/tijd.spec.ts); these cases are about the version itself, so that one is left out.
 */
function fouten(lines: readonly string[]): Array<Omit<DefinitionError, 'file'>> {
  return foutenInTestdam(lines).filter((e) => !e.message.startsWith('GemW 81p, Awb 9:12 lid 2:'));
}

/** BASIS with a special regime for one aanbieder type (lines 56 and on). */
const metRegime = (type: string, ...regels: string[]) => [...BASIS, 'bijzondereRegimes:', `  ${type}:`, ...regels.map((r) => `    ${r}`)];
const wkkgz = (geschil = 'P6M') => [
  'regime: wkkgz',
  'afhandelTermijn: P6W',
  'verdagingMax: P4W',
  `geschilTermijn: ${geschil}`,
  'geschilleninstantie: Geschilleninstantie Zorg',
];
const jeugdwet = ['regime: jeugdwetKlachtencommissie', 'oordeelTermijn: P6W', 'reactieTermijn: P1M'];

/** BASIS with the tweedeLijn entries (lines 47–51) replaced. */
function metTweedeLijn(...entries: Array<{ soort: string; naam: string; van: string; tot?: string }>): string[] {
  const lines = [...BASIS];
  // GemW 81p lid 2 and 3: an own body records when its decisions reached the Nationale ombudsman (in time).
  const eigen = (e: { soort: string }) => e.soort !== 'nationaleOmbudsman';
  lines.splice(
    47,
    4,
    ...entries.flatMap((e) => [
      `  - soort: ${e.soort}`,
      `    naam: ${e.naam}`,
      `    geldigVanaf: ${e.van}`,
      ...(e.tot ? [`    geldigTot: ${e.tot}`] : []),
      '    bevoegdOverAanbieders: false',
      ...(eigen(e) ? [`    nationaleOmbudsmanGeinformeerdOp: ${Number(e.van.slice(0, 4)) - 1}-06-01`] : []),
      ...(eigen(e) && e.tot ? [`    opheffingNationaleOmbudsmanGeinformeerdOp: ${e.tot.slice(0, 4)}-06-01`] : []),
    ]),
  );
  return lines;
}

describe('legal lint: special regimes', () => {
  test('Wkkgz 22 lid 1: the geschilleninstantie decides within six months; seven is refused', () => {
    expect(fouten(metRegime('zorg', ...wkkgz('P6M')))).toEqual([]);
    expect(fouten(metRegime('zorg', ...wkkgz('P7M')))).toEqual([
      {
        line: 61,
        column: 21,
        message: 'Wkkgz 22 lid 1: de geschilleninstantie beslist uiterlijk binnen 6 maanden (hier 7 maanden)',
        hint: 'zet geschilTermijn op P6M',
      },
    ]);
  });

  test('Jeugdwet 4.2.1 and Wkkgz: the fitting regime is named for zorg, and a Wmo aanbieder keeps the ordinary klachtregeling', () => {
    expect(fouten(metRegime('jeugdhulp', ...jeugdwet))).toEqual([]);
    expect(fouten(metRegime('zorg', ...jeugdwet))).toEqual([
      expect.objectContaining({
        line: 58,
        message: expect.stringMatching(
          /^regime jeugdwetKlachtencommissie past niet bij aanbieders van het type zorg: Jeugdwet 4\.2\.1 geldt voor/,
        ),
        hint: 'schrijf regime: wkkgz',
      }),
    ]);
    expect(fouten(metRegime('overig', ...wkkgz()))).toEqual([]);
    expect(fouten(metRegime('wmo', ...wkkgz()))).toEqual([
      expect.objectContaining({
        line: 58,
        message: expect.stringMatching(/^regime wkkgz past niet bij aanbieders van het type wmo: de Wkkgz geldt voor zorg/),
        hint: 'haal wmo weg uit bijzondereRegimes; dan geldt de gewone klachtregeling',
      }),
    ]);
  });
});

describe('legal lint: retention (Selectielijst gemeenten 2020)', () => {
  test('13.1.2: a klacht that went to the ombudsman is kept ten years; five is refused', () => {
    expect(fouten([...BASIS, '  viaOmbudsman: P10Y'])).toEqual([]);
    expect(fouten([...BASIS, '  viaOmbudsman: P5Y'])).toEqual([
      {
        line: 56,
        column: 17,
        message: 'Selectielijst gemeenten 2020, 13.1.2: een klacht via de ombudsman wordt 10 jaar bewaard (hier 5 jaar)',
        hint: 'zet viaOmbudsman op P10Y',
      },
    ]);
  });

  test('13.1: five years is enough, longer is allowed', () => {
    expect(fouten(metRegels([55, '  gemeente: P5Y']))).toEqual([]);
    expect(fouten(metRegels([55, '  gemeente: P7Y']))).toEqual([]);
  });

  test('Archiefwet 1995 art. 5: a version without bewaartermijnen is refused at its first key, with the fix (a klacht of it would never be destroyable, nor kept by the Selectielijst)', () => {
    // BASIS without its last two lines (54-55: bewaartermijnen and gemeente).
    expect(fouten(BASIS.slice(0, 53))).toEqual([
      {
        line: 2,
        column: 1,
        message: "verplichte sleutel 'bewaartermijnen' ontbreekt",
        hint: "voeg 'bewaartermijnen:' toe (Hoe lang dossiers bewaard worden.)",
      },
    ]);
  });
});

describe('across versions: Awb 9:12a, the yearly overview of registered written klachten', () => {
  function bevindingen(bestanden: Record<string, readonly string[]>) {
    const root = schrijfBestanden(bestanden);
    const { errors, waarschuwingen } = loadAndValidate([join(root, 'definitions')]);
    const zonderMap = (e: DefinitionError): DefinitionError => ({ ...e, file: e.file.slice(root.length + 1) });
    return { errors: errors.map(zonderMap), waarschuwingen: waarschuwingen.map(zonderMap) };
  }
  const JAARVERSLAG = /jaarverslag/;
  const ELDERS = "  jaarverslagElders: 'Jaarverslag gemeente Zeist, hoofdstuk Klachten (zeist.nl/jaarverslag)'";
  const UIT = ['  jaarverslag: true', '  jaarverslag: false'] as [string, string];

  test('Awb 9:12a: a version that turns off the jaarverslag its predecessor had is warned at its jaarverslag line, with the fix', () => {
    const nieuw = basisVersie('2026-01', '2026-01-01', undefined, ['  jaarverslag: true', '  jaarverslag: false']);
    const uit = bevindingen({
      'definitions/gm0355-zeist/2024-01.yaml': basisVersie('2024-01', '2024-01-01', undefined),
      'definitions/gm0355-zeist/2026-01.yaml': nieuw,
    });
    expect(uit.errors).toEqual([]);
    expect(uit.waarschuwingen.filter((w) => JAARVERSLAG.test(w.message))).toEqual([
      {
        file: 'definitions/gm0355-zeist/2026-01.yaml',
        line: nieuw.indexOf('  jaarverslag: false') + 1,
        column: 16,
        ernst: 'waarschuwing',
        message: expect.stringMatching(
          /^versie '2026-01' zet het jaarverslag uit dat versie '2024-01' \(.*2024-01\.yaml\) had: vanaf 1 januari 2026 maakt Klachtregie geen jaaroverzicht meer .* Awb 9:12a/,
        ),
        hint: expect.stringMatching(/^zet jaarverslag: true/),
      },
    ]);
  });

  test('Awb 9:12a: keeping the jaarverslag, or turning it on, is no such warning', () => {
    const uit = bevindingen({
      'definitions/gm0355-zeist/2024-01.yaml': basisVersie('2024-01', '2024-01-01', undefined, [
        '  jaarverslag: true',
        `  jaarverslag: false\n${ELDERS}`,
      ]),
      'definitions/gm0355-zeist/2026-01.yaml': basisVersie('2026-01', '2026-01-01', undefined),
      'definitions/gm0355-zeist/2027-01.yaml': basisVersie('2027-01', '2027-01-01', undefined),
    });
    expect(uit.errors).toEqual([]);
    expect(uit.waarschuwingen.filter((w) => JAARVERSLAG.test(w.message))).toEqual([]);
  });

  test('Awb 9:12a: a first (and only) version with jaarverslag false and no jaarverslagElders is warned at its jaarverslag line, with the key that says where it is published', () => {
    const enige = basisVersie('2024-01', '2024-01-01', undefined, UIT);
    const uit = bevindingen({ 'definitions/gm0355-zeist/2024-01.yaml': enige });
    expect(uit.errors).toEqual([]);
    expect(uit.waarschuwingen.filter((w) => JAARVERSLAG.test(w.message))).toEqual([
      {
        file: 'definitions/gm0355-zeist/2024-01.yaml',
        line: enige.indexOf('  jaarverslag: false') + 1,
        column: 16,
        ernst: 'waarschuwing',
        message: expect.stringMatching(
          /^versie '2024-01' heeft jaarverslag: false: Klachtregie maakt geen jaaroverzicht .* zegt niet waar de gemeente het publiceert, .*Awb 9:12a/,
        ),
        hint: expect.stringMatching(/^zet jaarverslag: true; .*jaarverslagElders: "Jaarverslag gemeente Zeist/),
      },
    ]);
  });

  test('Awb 9:12a: every version that leaves the jaarverslag off without saying where it is published is warned, not only the one that turned it off', () => {
    const uit = bevindingen({
      'definitions/gm0355-zeist/2024-01.yaml': basisVersie('2024-01', '2024-01-01', undefined),
      'definitions/gm0355-zeist/2026-01.yaml': basisVersie('2026-01', '2026-01-01', undefined, UIT),
      'definitions/gm0355-zeist/2027-01.yaml': basisVersie('2027-01', '2027-01-01', undefined, UIT),
    });
    expect(uit.waarschuwingen.filter((w) => JAARVERSLAG.test(w.message)).map((w) => [w.file, w.message])).toEqual([
      ['definitions/gm0355-zeist/2026-01.yaml', expect.stringMatching(/^versie '2026-01' zet het jaarverslag uit /)],
      ['definitions/gm0355-zeist/2027-01.yaml', expect.stringMatching(/^versie '2027-01' heeft jaarverslag: false: /)],
    ]);
  });

  test('Awb 9:12a: jaarverslagElders (where the gemeente publishes the overview itself) silences the warning on a first version and on one that turns the jaarverslag off', () => {
    const utrecht = (regels: string[]) =>
      regels.map((l) => (l === '  cbsCode: GM0355' ? '  cbsCode: GM0344' : l === '  naam: Zeist' ? '  naam: Utrecht' : l));
    const metElders = (naam: string, vanaf: string) =>
      basisVersie(naam, vanaf, undefined, ['  jaarverslag: true', `  jaarverslag: false\n${ELDERS}`]);
    const uit = bevindingen({
      'definitions/gm0355-zeist/2024-01.yaml': metElders('2024-01', '2024-01-01'),
      // Another gemeente whose second version turns the jaarverslag off, saying where it is published.
      'definitions/gm0344-utrecht/2024-01.yaml': utrecht(basisVersie('2024-01', '2024-01-01', undefined)),
      'definitions/gm0344-utrecht/2026-01.yaml': utrecht(metElders('2026-01', '2026-01-01')),
    });
    expect(uit.errors).toEqual([]);
    expect(uit.waarschuwingen.filter((w) => JAARVERSLAG.test(w.message))).toEqual([]);
  });

  test('Awb 9:12a: a jaarverslagElders that names no publication is refused at its value, with an example of one', () => {
    const regels = invoegen(metRegels([53, '  jaarverslag: false']), 54, '  jaarverslagElders: elders');
    expect(fouten(regels)).toEqual([
      {
        line: 54,
        column: 22,
        message: expect.stringMatching(
          /^rapportage\.jaarverslagElders: 'elders' zegt niet waar de gemeente het jaaroverzicht .* publiceert \(Awb 9:12a\); noem de publicatie, minstens 20 tekens$/,
        ),
        hint: 'noem titel en vindplaats, bijvoorbeeld jaarverslagElders: "Jaarverslag gemeente Zeist, hoofdstuk Klachten (zeist.nl/jaarverslag)"',
      },
    ]);
    // Twenty characters name a publication; blanks around it do not count.
    expect(fouten(invoegen(metRegels([53, '  jaarverslag: false']), 54, "  jaarverslagElders: '   Jaarverslag 2025   '"))).toEqual([
      expect.objectContaining({ line: 54, message: expect.stringContaining("'Jaarverslag 2025' zegt niet waar") }),
    ]);
    expect(fouten(invoegen(metRegels([53, '  jaarverslag: false']), 54, "  jaarverslagElders: 'Jaarverslag 2025, p. 4'"))).toEqual([]);
  });

  test('Awb 9:12a: an empty jaarverslagElders is refused by the schema at its value, with what the key means', () => {
    expect(fouten(invoegen(metRegels([53, '  jaarverslag: false']), 54, "  jaarverslagElders: '  '"))).toEqual([
      {
        line: 54,
        column: 22,
        message: 'rapportage.jaarverslagElders: mag niet leeg zijn',
        hint: expect.stringMatching(/^Alleen bij jaarverslag: false: waar de gemeente/),
      },
    ]);
  });

  test('Awb 9:12a: jaarverslagElders with jaarverslag true is refused at the key (the definition would say both that Klachtregie makes the overview and that the gemeente does)', () => {
    expect(fouten(invoegen(BASIS, 54, ELDERS))).toEqual([
      {
        line: 54,
        column: 3,
        message: expect.stringMatching(/^rapportage: jaarverslagElders zegt .* maar jaarverslag: true laat Klachtregie het ook maken$/),
        hint: 'laat jaarverslagElders weg als Klachtregie het jaaroverzicht maakt, of zet jaarverslag: false als de gemeente het elders publiceert',
      },
    ]);
  });
});

describe('legal lint: GemW 81p, one second-line body at every date', () => {
  const nationaal = (van: string, tot?: string) => ({ soort: 'nationaleOmbudsman', naam: 'Nationale ombudsman', van, tot });
  const lokaal = (van: string, tot?: string) => ({ soort: 'lokaleOmbudsman', naam: 'Ombudsman Testdam', van, tot });

  test('a body that ends before it starts is reported once, without gap or overlap errors that follow from it', () => {
    expect(fouten(metTweedeLijn(nationaal('2024-01-01', '2023-12-31')))).toEqual([
      {
        line: 51,
        column: 16,
        message: "'Nationale ombudsman': geldigTot 2023-12-31 ligt vóór geldigVanaf 2024-01-01",
        hint: 'zet geldigTot op of na 2024-01-01',
      },
    ]);
  });

  test('a body that ends on the day it starts is fine as to its form (one day), and the day after is a gap', () => {
    expect(fouten(metTweedeLijn(nationaal('2024-01-01', '2024-01-01'), lokaal('2025-01-01')))).toEqual([
      expect.objectContaining({
        message:
          "GemW 81p: op 2024-01-02 is er geen tweedelijnsvoorziening ('Nationale ombudsman' eindigt op 2024-01-01, 'Ombudsman Testdam' begint pas op 2025-01-01)",
      }),
    ]);
  });

  test('no body within the version at all', () => {
    expect(fouten(metTweedeLijn(nationaal('2020-01-01', '2023-12-31')))).toEqual([
      expect.objectContaining({
        message: 'GemW 81p: op 2024-01-01 is er geen tweedelijnsvoorziening (geen enkele geldt binnen deze versie)',
        hint: 'laat een voorziening gelden vanaf 2024-01-01, bijvoorbeeld de Nationale ombudsman',
      }),
    ]);
  });

  test('a body that ended before the version started does not count, its successor does', () => {
    expect(fouten(metTweedeLijn(nationaal('2020-01-01', '2023-12-31'), lokaal('2024-01-01')))).toEqual([]);
  });

  test('the last body ends while the version still runs: the day after is reported', () => {
    expect(fouten(metTweedeLijn(nationaal('2024-01-01', '2026-12-31')))).toEqual([
      expect.objectContaining({
        line: 51,
        message:
          "GemW 81p: op 2027-01-01 is er geen tweedelijnsvoorziening ('Nationale ombudsman' eindigt op 2026-12-31, de versie geldt zonder einddatum)",
        hint: "voeg de opvolger toe vanaf 2027-01-01, of laat geldigTot van 'Nationale ombudsman' weg",
      }),
    ]);
    // Ending on the version's own last day is complete.
    expect(fouten(invoegen(metTweedeLijn(nationaal('2024-01-01', '2026-12-31')), 7, 'geldigTot: 2026-12-31'))).toEqual([]);
    expect(fouten(invoegen(metTweedeLijn(nationaal('2024-01-01', '2026-06-30')), 7, 'geldigTot: 2026-12-31'))).toEqual([
      expect.objectContaining({
        message:
          "GemW 81p: op 2026-07-01 is er geen tweedelijnsvoorziening ('Nationale ombudsman' eindigt op 2026-06-30, de versie geldt tot en met 2026-12-31)",
      }),
    ]);
  });

  test("an open-ended body and a later one overlap from the later one's first day", () => {
    const errors = fouten(metTweedeLijn(nationaal('2024-01-01'), lokaal('2025-01-01', '2025-12-31')));
    expect(errors).toEqual([
      expect.objectContaining({
        message:
          "GemW 81p: op 2025-01-01 zijn er twee tweedelijnsvoorzieningen, 'Nationale ombudsman' en 'Ombudsman Testdam'; er kan er maar één zijn",
      }),
    ]);
  });

  test('the bodies may be listed in any order: the sweep goes by date', () => {
    expect(fouten(metTweedeLijn(lokaal('2025-01-01'), nationaal('2024-01-01', '2024-12-31')))).toEqual([]);
    expect(
      fouten(
        metTweedeLijn(lokaal('2026-01-01'), nationaal('2024-01-01', '2024-12-31'), {
          soort: 'ombudscommissie',
          naam: 'Ombudscommissie Testdam',
          van: '2025-01-01',
          tot: '2025-12-31',
        }),
      ),
    ).toEqual([]);
  });

  test('a body that starts on the day the previous one ends overlaps it for that day', () => {
    expect(fouten(metTweedeLijn(nationaal('2024-01-01', '2025-01-01'), lokaal('2025-01-01')))).toEqual([
      expect.objectContaining({
        message:
          "GemW 81p: op 2025-01-01 zijn er twee tweedelijnsvoorzieningen, 'Nationale ombudsman' en 'Ombudsman Testdam'; er kan er maar één zijn",
      }),
    ]);
  });

  test('a short body inside a longer one is one overlap; the longer one still covers up to its own end', () => {
    const errors = fouten(
      metTweedeLijn(nationaal('2024-01-01', '2026-12-31'), lokaal('2025-01-01', '2025-12-31'), {
        soort: 'ombudscommissie',
        naam: 'Ombudscommissie Testdam',
        van: '2027-01-01',
      }),
    );
    expect(errors).toEqual([
      expect.objectContaining({
        message:
          "GemW 81p: op 2025-01-01 zijn er twee tweedelijnsvoorzieningen, 'Nationale ombudsman' en 'Ombudsman Testdam'; er kan er maar één zijn",
      }),
    ]);
  });

  test('a version of one day, and a body that starts on the last day of the version, count', () => {
    expect(fouten(invoegen(BASIS, 7, 'geldigTot: 2024-01-01'))).toEqual([]);
    expect(
      fouten(
        invoegen(
          metTweedeLijn(nationaal('2024-01-01', '2024-12-30'), {
            soort: 'nationaleOmbudsman',
            naam: 'Nationale ombudsman (opvolger)',
            van: '2024-12-31',
          }),
          7,
          'geldigTot: 2024-12-31',
        ),
      ),
    ).toEqual([]);
  });
});

describe('a termijn some route never starts while a later step expects it (graph/termijn-routes.ts finds it)', () => {
  test('the message is at the termijn (file:line:column), names the route, the step and the routes where it runs, with a fix', () => {
    const { definities } = loadDefinitionFiles([join(__dirname, '..', '..', '..', 'definitions', 'gm0363-amsterdam', '2015-01.yaml')]);
    const [fout] = ongestarteTermijnFouten(definities[0], [
      {
        termijn: 'contact',
        label: 'Contact met de klager',
        event: 'CONTACT_OPGENOMEN',
        stap: 'contact met de klager opgenomen',
        state: 'Klachtbehandeling door de gemeente',
        hoe: 'stopt',
        route: 'Klachtbehandeling door de gemeente',
        gestartOp: ['Klachtbehandeling bij de aanbieder'],
      },
    ]);
    expect(fout).toEqual({
      file: expect.stringMatching(/gm0363-amsterdam[\\/]2015-01\.yaml$/),
      line: 87,
      column: 3,
      message:
        "de termijn 'Contact met de klager' (contact) gaat op de route 'Klachtbehandeling door de gemeente' nooit lopen; hij loopt alleen op de route " +
        "'Klachtbehandeling bij de aanbieder'. De stap 'contact met de klager opgenomen' (CONTACT_OPGENOMEN in 'Klachtbehandeling door de gemeente') stopt daar een termijn die nooit liep",
      hint: expect.stringContaining('zet dan bij de termijn geldtVoor: [aanbieder, gemeente]'),
    });
  });
});

describe('no internal references in what a gemeente reads', () => {
  test('a text citing an internal working note is refused at its position, with the title to write instead', () => {
    const regels = BASIS.map((l) => (l.startsWith('bron:') ? "bron: 'Klachtenregeling Testdam 2024, zie seed 000 §2B'" : l));
    expect(regels).not.toEqual(BASIS);
    const f = fouten(regels).filter((e) => e.message.includes('interne verwijzing'));
    expect(f).toEqual([
      expect.objectContaining({
        line: regels.findIndex((l) => l.startsWith('bron:')) + 1,
        message: expect.stringContaining("'seed 000' is een interne verwijzing"),
        hint: expect.stringContaining('noem de regeling of de wet met haar eigen titel'),
      }),
    ]);
  });

  test('the seed definitions cite only real titles', () => {
    const { errors } = loadAndValidate([join(__dirname, '..', '..', '..', 'definitions')]);
    expect(errors.filter((e) => e.message.includes('interne verwijzing'))).toEqual([]);
  });
});

/** Awb 9:11 lid 2 and 3: the line a wrong opschorting is reported at, and why. */
const OPSCHORTING = '    opschorting: { grondslag: contract }';
const wettelijkeOpschorting = (naam: string, grondslag: string, line: number) => ({
  line,
  column: 18,
  message: `termijn '${naam}' (${grondslag}) is een wettelijke termijn en kan niet worden opgeschort: Awb 9:11 kent alleen verdaging (lid 2, hooguit 4 weken) en verder uitstel met schriftelijke instemming van de klager (lid 3)`,
  hint: 'laat opschorting weg; gebruik verdagingMax, of vraag de klager om instemming met een latere datum (UITSTEL_MET_INSTEMMING)',
});

describe('legal lint: opschorting only for contractual termijnen (Awb 9:11 lid 2 and 3)', () => {
  test('Awb 9:11: the afhandeltermijn cannot be opgeschort, only verdaagd or moved with consent', () => {
    expect(fouten(invoegen(BASIS, 32, OPSCHORTING))).toEqual([wettelijkeOpschorting('afhandeling', 'Awb 9:11', 32)]);
  });

  test('Awb 9:11: the afhandeltermijn stays statutory whatever its grondslag says', () => {
    // The name decides, not the text: a gemeente cannot contract its way out of Awb 9:11 by citing its own regeling.
    const lines = invoegen(metRegels([31, "    grondslag: 'Klachtenregeling Testdam art. 5'"]), 32, OPSCHORTING);
    expect(fouten(lines)).toEqual([wettelijkeOpschorting('afhandeling', 'Klachtenregeling Testdam art. 5', 32)]);
  });

  test('Awb 9:8 lid 3: the kennisgeving of niet-behandelen cannot be opgeschort', () => {
    expect(fouten(invoegen(BASIS, 38, OPSCHORTING))).toEqual([wettelijkeOpschorting('nietBehandelenKennisgeving', 'Awb 9:8 lid 3', 38)]);
  });

  test('Awb 9:8 lid 3 and 9:24 lid 1: these termijnen stay statutory whatever their grondslag says', () => {
    const nbk = invoegen(metRegels([37, "    grondslag: 'Klachtenregeling Testdam art. 6'"]), 38, OPSCHORTING);
    expect(fouten(nbk)).toEqual([wettelijkeOpschorting('nietBehandelenKennisgeving', 'Klachtenregeling Testdam art. 6', 38)]);
    const tlv = invoegen(metRegels([43, "    grondslag: 'Klachtenregeling Testdam art. 7'"]), 44, OPSCHORTING);
    expect(fouten(tlv)).toEqual([wettelijkeOpschorting('tweedeLijnVerzoek', 'Klachtenregeling Testdam art. 7', 44)]);
  });

  test('Awb 9:24 lid 1: the year to go to the ombudsman cannot be opgeschort', () => {
    expect(fouten(invoegen(BASIS, 44, OPSCHORTING))).toEqual([wettelijkeOpschorting('tweedeLijnVerzoek', 'Awb 9:24', 44)]);
  });

  test('a contractual termijn may be opgeschort; the same termijn on a statutory grondslag (Wkkgz 17) may not', () => {
    // metAanbiederTermijn puts aanbiederAfhandeling (grondslag 'contract') on lines 44-49; opschorting goes on line 50.
    expect(fouten(invoegen(metAanbiederTermijn(BASIS), 50, OPSCHORTING))).toEqual([]);
    const wkkgz = metAanbiederTermijn(BASIS).map((l) => (l === "    grondslag: 'contract'" ? "    grondslag: 'Wkkgz art. 17'" : l));
    expect(fouten(invoegen(wkkgz, 50, OPSCHORTING))).toEqual([wettelijkeOpschorting('aanbiederAfhandeling', 'Wkkgz art. 17', 50)]);
  });
});

describe('legal lint: geldtVoor only at contact', () => {
  test('Awb 9:11: whose term the afhandeltermijn is follows from the law, so geldtVoor there is refused at the key', () => {
    expect(fouten(invoegen(BASIS, 32, '    geldtVoor: [gemeente]'))).toEqual([
      {
        line: 32,
        column: 5,
        message: 'geldtVoor kan alleen bij de termijn contact; voor afhandeling volgt uit de regeling zelf wie hem moet halen',
        hint: 'laat geldtVoor hier weg',
      },
    ]);
  });

  test('contact may say whose handling it binds', () => {
    const { yaml } = metContactTermijn(BASIS.join('\n'), '[aanbieder, gemeente]');
    expect(fouten(yaml.split('\n'))).toEqual([]);
  });
});

describe('a ongestarte termijn: the wording follows the finding', () => {
  test('a step whose condition reads a termijn that never ran on several routes: plural, "geweigerd", and the generic fix', () => {
    const root = schrijfBestanden({ [TESTDAM]: BASIS });
    const { definities } = loadDefinitionFiles([join(root, TESTDAM)]);
    const [fout] = ongestarteTermijnFouten(definities[0], [
      {
        termijn: 'nietBehandelenKennisgeving',
        label: 'Kennisgeving niet-behandelen',
        event: 'NIET_BEHANDELEN',
        stap: 'niet behandelen',
        state: 'Intake',
        hoe: 'leest',
        route: 'Klachtbehandeling bij de aanbieder',
        gestartOp: ['Klachtbehandeling door de gemeente', 'Informele fase'],
      },
    ]);
    expect(fout).toEqual({
      file: expect.stringMatching(/gm0355-zeist[\\/]2024-01\.yaml$/),
      line: 32,
      column: 3,
      message:
        "de termijn 'Kennisgeving niet-behandelen' (nietBehandelenKennisgeving) gaat op de route 'Klachtbehandeling bij de aanbieder' nooit lopen; " +
        "hij loopt alleen op de routes 'Klachtbehandeling door de gemeente', 'Informele fase'. De stap 'niet behandelen' (NIET_BEHANDELEN in 'Intake') " +
        'wordt daar geweigerd: zijn voorwaarde rekent met een termijn die nooit liep',
      hint: "laat de termijn ook op de route 'Klachtbehandeling bij de aanbieder' lopen, of gebruik daar een termijn die op die route loopt",
    });
  });
});

describe('a declared termijn must run somewhere (graph/termijn-routes.ts termijnDekking)', () => {
  /** Testdam (with a contact termijn on line 25) as loaded, for the positions. */
  function testdam() {
    const { yaml } = metContactTermijn(BASIS.join('\n'));
    const root = schrijfBestanden({ [TESTDAM]: yaml });
    return loadDefinitionFiles([join(root, TESTDAM)]).definities[0];
  }
  const bevinding = (b: Partial<TermijnDekkingBevinding>): TermijnDekkingBevinding => ({
    termijn: 'contact',
    label: 'Contact met de klager',
    gestartOp: ['Klachtbehandeling bij de aanbieder'],
    nooitOp: ['Klachtbehandeling door de gemeente'],
    bedoeld: false,
    routegebonden: false,
    ...b,
  });

  test('a termijn no step starts promises the klager a term nobody keeps: an error at the termijn key', () => {
    expect(
      termijnDekkingFouten(testdam(), [bevinding({ termijn: 'afhandeling', label: 'Afhandeltermijn', gestartOp: [], nooitOp: [] })]),
    ).toEqual([
      {
        file: expect.stringMatching(/2024-01\.yaml$/),
        // The key (afhandeling: on line 31 after the 6 contact lines, column 3), not its first value.
        line: 31,
        column: 3,
        message:
          "de termijn 'Afhandeltermijn' (afhandeling) gaat nooit lopen: geen stap van deze regeling start hem, dus niemand bewaakt hem",
        hint: expect.stringMatching(
          /^Klachtregie start afhandeling en nietBehandelenKennisgeving \(Awb 9:11, 9:8\) bij de gemeente, .*of laat hem weg$/,
        ),
      },
    ]);
  });

  test('a contact termijn only the aanbieder starts, without geldtVoor: a warning that CONTACT_OPGENOMEN is refused at the gemeente', () => {
    expect(termijnDekkingFouten(testdam(), [bevinding({})])).toEqual([
      {
        file: expect.stringMatching(/2024-01\.yaml$/),
        line: 25,
        column: 3,
        message:
          "de termijn 'Contact met de klager' (contact) loopt alleen op de route 'Klachtbehandeling bij de aanbieder'; " +
          "op 'Klachtbehandeling door de gemeente' loopt hij nooit en wordt CONTACT_OPGENOMEN daar geweigerd",
        hint:
          'zeg voor wie de termijn geldt: geldtVoor: [aanbieder] als alleen de aanbieder binnen deze termijn contact opneemt ' +
          '(zoals nu), geldtVoor: [aanbieder, gemeente] als ook de gemeente dat moet doen, of geldtVoor: [gemeente]',
        ernst: 'waarschuwing',
      },
    ]);
  });

  test('another termijn on some routes only (several): a warning to check it is meant', () => {
    const b = bevinding({
      termijn: 'nietBehandelenKennisgeving',
      label: 'Kennisgeving niet-behandelen',
      gestartOp: ['Klachtbehandeling door de gemeente', 'Informele fase'],
      nooitOp: ['Klachtbehandeling bij de aanbieder'],
    });
    expect(termijnDekkingFouten(testdam(), [b])).toEqual([
      {
        file: expect.stringMatching(/2024-01\.yaml$/),
        line: 38,
        column: 3,
        message:
          "de termijn 'Kennisgeving niet-behandelen' (nietBehandelenKennisgeving) loopt alleen op de routes 'Klachtbehandeling door de gemeente', 'Informele fase'; " +
          "op 'Klachtbehandeling bij de aanbieder' loopt hij nooit",
        hint: 'controleer of dat zo bedoeld is',
        ernst: 'waarschuwing',
      },
    ]);
  });

  test('no warning when geldtVoor says so, when the route follows from the law, or when it runs on every route', () => {
    const def = testdam();
    expect(termijnDekkingFouten(def, [bevinding({ bedoeld: true })])).toEqual([]);
    expect(termijnDekkingFouten(def, [bevinding({ routegebonden: true })])).toEqual([]);
    expect(termijnDekkingFouten(def, [bevinding({ nooitOp: [] })])).toEqual([]);
  });
});

/** BASIS with a geldigTot (line 7; the tweedeLijn block then starts on line 49) and the given tweedeLijn lines. */
function versieMetTweedeLijn(tot: string | undefined, ...regels: string[]): string[] {
  const lines = tot ? invoegen(BASIS, 7, `geldigTot: ${tot}`) : [...BASIS];
  lines.splice(tot ? 48 : 47, 4, ...regels);
  return lines;
}
const instantie = (soort: string, naam: string, van: string, tot?: string, ...extra: string[]) => [
  `  - soort: ${soort}`,
  `    naam: ${naam}`,
  `    geldigVanaf: ${van}`,
  ...(tot ? [`    geldigTot: ${tot}`] : []),
  '    bevoegdOverAanbieders: false',
  ...extra.map((r) => `    ${r}`),
];

describe('legal lint: GemW 81p lid 2 and 3, a switch per 1 January needs the decision at the Nationale ombudsman before 1 July', () => {
  const TESTDAM_2024 = (tot: string, ...extra: string[]) =>
    instantie('lokaleOmbudsman', 'Ombudsman Testdam', '2024-01-01', tot, 'nationaleOmbudsmanGeinformeerdOp: 2023-06-01', ...extra);

  test('GemW 81p lid 3: an own body that ends within the version must say when its opheffing reached the Nationale ombudsman', () => {
    const lines = versieMetTweedeLijn(
      '2025-12-31',
      ...TESTDAM_2024('2024-12-31'),
      ...instantie('nationaleOmbudsman', 'Nationale ombudsman', '2025-01-01'),
    );
    expect(fouten(lines)).toEqual([
      {
        line: 52,
        column: 16,
        message:
          "GemW 81p lid 3: 'Ombudsman Testdam' wordt per 1 januari 2025 opgeheven, maar er staat niet wanneer het opheffingsbesluit de Nationale ombudsman bereikte (dat moet vóór 1 juli 2024)",
        hint: "voeg bij 'Ombudsman Testdam' toe: opheffingNationaleOmbudsmanGeinformeerdOp: <datum> (uiterlijk 2024-06-30); bereikte het besluit de Nationale ombudsman later, dan eindigt 'Ombudsman Testdam' pas een jaar later",
      },
    ]);
  });

  test('GemW 81p lid 3: a body that ends with the version is no switch of this version, so no opheffing date is asked', () => {
    expect(fouten(versieMetTweedeLijn('2024-12-31', ...TESTDAM_2024('2024-12-31')))).toEqual([]);
  });

  test('GemW 81p lid 3: an opheffing that reached the Nationale ombudsman on 1 July itself is too late for 1 January', () => {
    const lines = versieMetTweedeLijn(
      '2025-12-31',
      ...TESTDAM_2024('2024-12-31', 'opheffingNationaleOmbudsmanGeinformeerdOp: 2024-07-01'),
      ...instantie('nationaleOmbudsman', 'Nationale ombudsman', '2025-01-01'),
    );
    expect(fouten(lines)).toEqual([
      {
        line: 55,
        column: 48,
        message:
          "GemW 81p lid 3: het opheffingsbesluit van 'Ombudsman Testdam' bereikte de Nationale ombudsman op 1 juli 2024, niet vóór 1 juli 2024; 'Ombudsman Testdam' kan daarom niet per 1 januari 2025 worden opgeheven",
        // Received on 1 July 2024, so 1 January 2026 is the first date (not 2025).
        hint: "zet geldigTot van 'Ombudsman Testdam' op 2025-12-31 (de opvolger begint op 2026-01-01), of corrigeer de datum als het besluit eerder verzonden is",
      },
    ]);
  });

  test('GemW 81p lid 2: an instellingsbesluit received in March 2024 is too late for 1 January 2024; the first possible start is 1 January 2025', () => {
    const lines = versieMetTweedeLijn(
      undefined,
      ...instantie('lokaleOmbudsman', 'Ombudsman Testdam', '2024-01-01', undefined, 'nationaleOmbudsmanGeinformeerdOp: 2024-03-01'),
    );
    expect(fouten(lines)).toEqual([
      {
        line: 52,
        column: 39,
        message:
          "GemW 81p lid 2: het instellingsbesluit van 'Ombudsman Testdam' bereikte de Nationale ombudsman op 1 maart 2024, niet vóór 1 juli 2023; 'Ombudsman Testdam' kan daarom niet per 1 januari 2024 beginnen",
        hint: "zet geldigVanaf van 'Ombudsman Testdam' op 2025-01-01 (en laat de vorige voorziening tot en met 2024-12-31 gelden), of corrigeer de datum als het besluit eerder verzonden is",
      },
    ]);
  });
});

describe('legal lint: GemW 81p lid 1, the sweep over the version', () => {
  test('a version of one day still needs a body on that day; one that starts the next day does not count', () => {
    const lines = versieMetTweedeLijn('2024-01-01', ...instantie('nationaleOmbudsman', 'Nationale ombudsman', '2024-01-02'));
    expect(fouten(lines)).toEqual([
      {
        line: 48,
        column: 1,
        message: 'GemW 81p: op 2024-01-01 is er geen tweedelijnsvoorziening (geen enkele geldt binnen deze versie)',
        hint: 'laat een voorziening gelden vanaf 2024-01-01, bijvoorbeeld de Nationale ombudsman',
      },
    ]);
  });

  test('an open-ended body keeps covering after a shorter one inside it ends: one overlap, no gap', () => {
    const lines = versieMetTweedeLijn(
      undefined,
      ...instantie('nationaleOmbudsman', 'Nationale ombudsman', '2024-01-01'),
      ...instantie('nationaleOmbudsman', 'Ombudsman B', '2024-06-01', '2024-12-31'),
    );
    expect(fouten(lines)).toEqual([
      {
        line: 54,
        column: 18,
        message:
          "GemW 81p: op 2024-06-01 zijn er twee tweedelijnsvoorzieningen, 'Nationale ombudsman' en 'Ombudsman B'; er kan er maar één zijn",
        hint: "laat 'Nationale ombudsman' eindigen op 2024-05-31 (geldigTot: 2024-05-31), of laat 'Ombudsman B' later beginnen",
      },
    ]);
  });

  test('two bodies that start on the same day: the one listed first covers, the second overlaps it', () => {
    const lines = versieMetTweedeLijn(
      undefined,
      ...instantie('nationaleOmbudsman', 'Ombudsman A', '2024-01-01'),
      ...instantie('nationaleOmbudsman', 'Ombudsman B', '2024-01-01'),
    );
    expect(fouten(lines)).toEqual([
      {
        line: 54,
        column: 18,
        message: "GemW 81p: op 2024-01-01 zijn er twee tweedelijnsvoorzieningen, 'Ombudsman A' en 'Ombudsman B'; er kan er maar één zijn",
        hint: "laat 'Ombudsman A' eindigen op 2023-12-31 (geldigTot: 2023-12-31), of laat 'Ombudsman B' later beginnen",
      },
    ]);
  });

  test('of two bodies that end on the same day the first stays the one that covers: the gap after it names it', () => {
    const lines = versieMetTweedeLijn(
      undefined,
      ...instantie('nationaleOmbudsman', 'Ombudsman A', '2024-01-01', '2024-12-31'),
      ...instantie('nationaleOmbudsman', 'Ombudsman B', '2024-06-01', '2024-12-31'),
      ...instantie('nationaleOmbudsman', 'Ombudsman C', '2025-03-01'),
    );
    expect(fouten(lines)).toEqual([
      {
        line: 51,
        column: 16,
        message:
          "GemW 81p: op 2025-01-01 is er geen tweedelijnsvoorziening ('Ombudsman A' eindigt op 2024-12-31, 'Ombudsman C' begint pas op 2025-03-01)",
        hint: "laat 'Ombudsman C' beginnen op 2025-01-01, of 'Ombudsman A' eindigen op 2025-02-28",
      },
      {
        line: 55,
        column: 18,
        message: "GemW 81p: op 2024-06-01 zijn er twee tweedelijnsvoorzieningen, 'Ombudsman A' en 'Ombudsman B'; er kan er maar één zijn",
        hint: "laat 'Ombudsman A' eindigen op 2024-05-31 (geldigTot: 2024-05-31), of laat 'Ombudsman B' later beginnen",
      },
    ]);
  });
});

describe('legal lint: a herindeling (gemeente.neemtOver) belongs to the version that holds its date', () => {
  const AMSTERDAM = 'definitions/gm0363-amsterdam/2021-01.yaml';
  /** Amsterdam 2021 (BASIS renamed), taking over Weesp per 2022-03-24 (lines 5-8), with the given geldigTot. */
  function amsterdam(tot?: string): Array<Omit<DefinitionError, 'file'>> {
    const basis = metRegels(
      [3, '  cbsCode: GM0363'],
      [4, '  naam: Amsterdam'],
      [5, "versie: '2021-01'"],
      [6, 'geldigVanaf: 2021-01-01'],
      [50, '    geldigVanaf: 2021-01-01'],
    );
    const lines = invoegen(
      tot ? invoegen(basis, 7, `geldigTot: ${tot}`) : basis,
      5,
      '  neemtOver:',
      '    - cbsCode: GM0457',
      '      naam: Weesp',
      '      vanaf: 2022-03-24',
    );
    const root = schrijfBestanden({ [AMSTERDAM]: lines });
    return loadAndValidate([join(root, 'definitions')])
      .errors.filter((e) => !e.message.startsWith('GemW 81p, Awb 9:12 lid 2:'))
      .map(({ file: _file, ...rest }) => rest);
  }

  test('a take-over after the version ended is refused at its vanaf', () => {
    expect(amsterdam('2021-12-31')).toEqual([
      {
        line: 8,
        column: 14,
        message: 'de overname van Weesp per 2022-03-24 valt buiten de geldigheid van deze versie (2021-01-01 t/m 2021-12-31)',
        hint: 'zet de overname in de versie die op die datum geldt',
      },
    ]);
  });

  test('a take-over on the last day of the version, or in an open-ended version, is fine', () => {
    expect(amsterdam('2022-03-24')).toEqual([]);
    expect(amsterdam()).toEqual([]);
  });
});

describe('legal lint: aanbieder reports wait no longer than their own period (contract, e.g. Klachtenprotocol Wmo keten Amsterdam §10)', () => {
  const halfjaren = (tweede: string) =>
    invoegen(
      BASIS,
      53,
      '  aanbieders:',
      '    cadans: halfjaar',
      '    naar: contractmanager',
      '    inhoud: [aard]',
      '    perioden:',
      "      - { periodeTot: '06-30', deadline: '08-01' }",
      `      - ${tweede}`,
    );

  test('a deadline in the next year, a month after the period ended, is fine', () => {
    expect(fouten(halfjaren("{ periodeTot: '12-31', deadline: '02-01' }"))).toEqual([]);
  });

  test('a deadline later in the same year is taken as written, however long it waits: only one read as next year may be a slip of the pen', () => {
    const laat = invoegen(
      BASIS,
      53,
      '  aanbieders:',
      '    cadans: halfjaar',
      '    naar: contractmanager',
      '    inhoud: [aard]',
      '    perioden:',
      // January-June (181 days), reported before 31 December: 184 days after the period, in the same year.
      "      - { periodeTot: '06-30', deadline: '12-31' }",
      "      - { periodeTot: '12-31', deadline: '02-01' }",
    );
    expect(fouten(laat)).toEqual([]);
  });

  test('a deadline in the next year that waits as long as the period (184 days for July-December) is refused; a day less is not', () => {
    expect(fouten(halfjaren("{ periodeTot: '12-31', deadline: '07-03' }"))).toEqual([]);
    expect(fouten(halfjaren("{ periodeTot: '12-31', deadline: '07-04' }"))).toEqual([
      {
        line: 59,
        column: 42,
        message:
          'rapportage: de deadline vóór 4 juli ligt vóór het einde van de periode tot en met 31 december; gelezen als 4 juli van het jaar erna wacht de rapportage 184 dagen, langer dan de periode zelf',
        hint: "zet de deadline na het einde van de periode, bijvoorbeeld deadline: '02-01' (een maand de tijd)",
      },
    ]);
  });
});

describe('no internal references in what a gemeente reads: every text is searched', () => {
  test('Awb 3:46: a reference inside a list (tweedeLijn[0].naam) is found, at its own position', () => {
    const regels = metRegels([49, '    naam: Nationale ombudsman (zie seed 12)']);
    expect(fouten(regels)).toEqual([
      {
        line: 49,
        column: 11,
        message:
          "'seed 12' is een interne verwijzing, geen bron die de gemeente of de klager kan nalezen (in 'Nationale ombudsman (zie seed 12)')",
        hint: 'noem de regeling of de wet met haar eigen titel en artikel, bijvoorbeeld "Klachtenprotocol Wmo keten Amsterdam §6" of "Awb 9:11 lid 1"',
      },
    ]);
  });

  test('a text of 80 characters is quoted whole', () => {
    const bron = 'Klachtenregeling Testdam 2024, vastgesteld door de raad; uitgewerkt in seed 7'.padStart(80, '.');
    expect(bron.length).toBe(80);
    expect(fouten(metRegels([7, `bron: '${bron}'`]))).toEqual([
      expect.objectContaining({
        message: `'seed 7' is een interne verwijzing, geen bron die de gemeente of de klager kan nalezen (in '${bron}')`,
      }),
    ]);
  });

  test('a longer text is quoted up to 79 characters and an ellipsis', () => {
    const bron = `Klachtenregeling Testdam 2024, vastgesteld door de raad en gepubliceerd; uitgewerkt in seed 7`;
    expect(bron.length).toBeGreaterThan(80);
    expect(fouten(metRegels([7, `bron: ${bron}`]))).toEqual([
      expect.objectContaining({
        line: 7,
        column: 7,
        message: `'seed 7' is een interne verwijzing, geen bron die de gemeente of de klager kan nalezen (in '${bron.slice(0, 79)}…')`,
      }),
    ]);
  });
});

describe('legal lint: the law counts calendar weeks, also against a termijn in werkdagen (Awb 9:8 lid 3, 9:11 lid 1 and 2)', () => {
  // Testdam (geldig vanaf 2024-01-01, open): the afhandeltermijn in werkdagen (lines 27-28), its verdagingMax (line 30).
  const inWerkdagen = (duur: string, ...meer: Array<[number, string]>) =>
    metRegels([27, `    duur: ${duur}`], [28, '    rekenwijze: werkdagen'], ...meer);
  const verdagingMax = (max: string) => inWerkdagen('P20D', [30, `    verdagingMax: ${max}`]);
  const P4W_HINT = 'zet verdagingMax op P4W: dan toetst Klachtregie elke verdaging, ook een in werkdagen, aan 4 kalenderweken (28 dagen)';
  const LID3 = 'verder uitstel kan alleen met schriftelijke instemming van de klager (Awb 9:11 lid 3)';

  test('Awb 9:11 lid 2: a verdagingMax above 20 werkdagen is always more than four weeks', () => {
    expect(fouten(verdagingMax('P21D'))).toEqual([
      {
        line: 30,
        column: 19,
        message:
          'Awb 9:11 lid 2: verdaging is hooguit 4 weken; op deze termijn in werkdagen telt verdagingMax P21D als 21 werkdagen, en die ' +
          'zijn altijd meer dan 4 weken: ze schuiven de vervaldatum minstens 29 dagen op (21 werkdagen na dinsdag 2 januari 2024 is ' +
          'woensdag 31 januari 2024, 29 dagen later)',
        hint:
          `${P4W_HINT}; of, als de regeling een kortere verdaging in werkdagen noemt, hooguit P15D (zoveel werkdagen blijven vanaf ` +
          `elke werkdag binnen 4 weken); ${LID3}`,
      },
    ]);
  });

  test('Awb 9:11 lid 2: 20 werkdagen pass four calendar weeks around Easter, where the engine would accept them; P4W caps any verdaging at 28 days', () => {
    expect(fouten(verdagingMax('P20D'))).toEqual([
      {
        line: 30,
        column: 19,
        message:
          'Awb 9:11 lid 2: verdaging is hooguit 4 weken; op deze termijn in werkdagen telt verdagingMax P20D als 20 werkdagen, en ' +
          'Klachtregie laat dan een verdaging van 20 werkdagen toe, ook waar feestdagen of sluitingsdagen die langer maken dan 4 weken: ' +
          '20 werkdagen na vrijdag 1 maart 2024 is dinsdag 2 april 2024, 32 dagen later',
        hint:
          `${P4W_HINT}; of, als de regeling een kortere verdaging in werkdagen noemt, hooguit P15D (zoveel werkdagen blijven vanaf ` +
          `elke werkdag binnen 4 weken); ${LID3}`,
      },
    ]);
    // Why an error and not a warning: the ledger caps a maximum in days on this termijn in werkdagen, so it accepts the
    // verdaging of the example (a termijn whose last day is vrijdag 1 maart 2024) and moves that day 32 days; with P4W it
    // weighs the same verdaging in calendar days and refuses it.
    const ledger = (max: string): TermijnLedger => ({
      basis: { vanaf: '2024-02-02', duur: 'P20D', rekenwijze: 'werkdagen', atw: false },
      verdagingMax: max,
      mutaties: [],
    });
    expect(herbereken(ledger('P20D')).vervaldatum).toBe('2024-03-01');
    expect(voegMutatieToe(ledger('P20D'), { soort: 'verdaging', at: '2024-02-20', duur: 'P20D' }).uitkomst.vervaldatum).toBe('2024-04-02');
    expect(() => voegMutatieToe(ledger('P4W'), { soort: 'verdaging', at: '2024-02-20', duur: 'P20D' })).toThrow(/meer dan 4 weken/);
    // What the hint offers: four weeks; 15 werkdagen, which no holidays of 2024-2053 stretch past them (16 they do).
    expect(fouten(verdagingMax('P4W'))).toEqual([]);
    expect(fouten(verdagingMax('P15D'))).toEqual([]);
    expect(fouten(verdagingMax('P16D'))).toEqual([
      expect.objectContaining({
        line: 30,
        message: expect.stringContaining('16 werkdagen na maandag 19 april 2027 is dinsdag 18 mei 2027, 29 dagen later'),
      }),
    ]);
    // On a termijn in kalenderdagen P20D are 20 days.
    expect(fouten(metRegels([30, '    verdagingMax: P20D']))).toEqual([]);
  });

  test("Awb 9:11 lid 2: the gemeente's sluitingsdagen count as the engine counts them: 15 werkdagen over a closed Christmas week are more than four weeks", () => {
    const sluiting = ['kalender:', '  sluitingsdagen: [2024-12-27, 2024-12-30, 2024-12-31]'];
    expect(fouten([...verdagingMax('P15D'), ...sluiting])).toEqual([
      {
        line: 30,
        column: 19,
        message:
          'Awb 9:11 lid 2: verdaging is hooguit 4 weken; op deze termijn in werkdagen telt verdagingMax P15D als 15 werkdagen, en ' +
          'Klachtregie laat dan een verdaging van 15 werkdagen toe, ook waar feestdagen of sluitingsdagen die langer maken dan 4 weken: ' +
          '15 werkdagen na woensdag 4 december 2024 is donderdag 2 januari 2025, 29 dagen later',
        hint:
          `${P4W_HINT}; of, als de regeling een kortere verdaging in werkdagen noemt, hooguit P14D (zoveel werkdagen blijven vanaf ` +
          `elke werkdag binnen 4 weken); ${LID3}`,
      },
    ]);
  });

  test('Awb 9:11 lid 1: an afhandeltermijn in werkdagen is weighed against six calendar weeks from the receipt, extended by the Atw; 40 werkdagen are not "40 dagen"', () => {
    const HINT =
      'zet de termijn op P6W met rekenwijze: kalenderdagen, of in werkdagen hooguit P24D (zoveel werkdagen blijven vanaf elke dag binnen de 6 weken)';
    expect(fouten(inWerkdagen('P40D'))).toEqual([
      {
        line: 27,
        column: 11,
        message:
          'Awb 9:11 lid 1: de afhandeltermijn is hooguit 6 weken zonder klachtadviescommissie (hier 40 werkdagen: een klacht ontvangen ' +
          'op maandag 1 januari 2024 krijgt dan maandag 26 februari 2024, terwijl de 6 weken lopen tot en met maandag 12 februari 2024; ' +
          'weekenden, feestdagen en sluitingsdagen tellen niet als werkdag)',
        hint: HINT,
      },
    ]);
    // 30 werkdagen: six weeks from maandag 19 februari 2024 end on Tweede Paasdag, which the Atw moves to dinsdag 2 april;
    // Goede Vrijdag and Tweede Paasdag are no werkdagen, so the 30th is woensdag 3 april.
    expect(fouten(inWerkdagen('P30D'))).toEqual([
      expect.objectContaining({
        line: 27,
        message: expect.stringContaining(
          '(hier 30 werkdagen: een klacht ontvangen op maandag 19 februari 2024 krijgt dan woensdag 3 april 2024, terwijl de 6 weken lopen tot en met dinsdag 2 april 2024;',
        ),
        hint: HINT,
      }),
    ]);
    expect(fouten(inWerkdagen('P24D'))).toEqual([]);
  });

  test('Awb 9:8 lid 3: a kennisgeving of niet-behandelen in werkdagen is weighed against four calendar weeks from the receipt', () => {
    const nbk = (duur: string) => metRegels([34, `    duur: ${duur}`], [35, '    rekenwijze: werkdagen']);
    expect(fouten(nbk('P16D'))).toEqual([
      {
        line: 34,
        column: 11,
        message:
          'Awb 9:8 lid 3: de kennisgeving van niet-behandelen gaat uiterlijk binnen 4 weken na ontvangst (hier 16 werkdagen: een ' +
          'klacht ontvangen op dinsdag 20 april 2027 krijgt dan woensdag 19 mei 2027, terwijl de 4 weken lopen tot en met dinsdag ' +
          '18 mei 2027; weekenden, feestdagen en sluitingsdagen tellen niet als werkdag)',
        hint: 'zet de termijn op P4W met rekenwijze: kalenderdagen, of in werkdagen hooguit P15D (zoveel werkdagen blijven vanaf elke dag binnen de 4 weken)',
      },
    ]);
    expect(fouten(nbk('P15D'))).toEqual([]);
  });
});
