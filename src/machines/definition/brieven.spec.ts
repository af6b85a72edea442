import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CompiledRegime, IntakeInput, Intent, KlachtEvent } from '../contract';
import { loadRegistry } from '../index';
import { kalenderdag, leesbareDatum } from '../termijnen';
import { brievenFouten, sjablonenVoor } from './brief-sjablonen';
import { NIET_BEHANDELGRONDEN, OORDELEN } from '../compiler/gebeurtenissen';
import {
  BRIEF_SOORTEN,
  briefGegevens,
  briefSoortVoorIntent,
  NIET_BEHANDELGROND_OMSCHRIJVING,
  OORDEEL_IN_WOORDEN,
  renderBriefHtml,
  sjabloonFouten,
} from './brieven';
import { loadAndValidate } from './validate';

const DEFINITIES = join(__dirname, '..', '..', '..', 'definitions');
const registry = loadRegistry(DEFINITIES);

/** The way to AFDOENEN in a gemeente's own Awb 9.1 handling (each seed's formal route). */
const VOORKEUR = ['FORMELE_BEHANDELING', 'IN_BEHANDELING_NEMEN', 'HOREN_OVERSLAAN', 'AFDOENEN'];

function intakeVoor(gemeente: string, ontvangenOp: string): IntakeInput {
  const feiten = gemeente === 'GM0363' ? { aantalAanbieders: 1, gerichtAan: 'wethouder' } : { betreftGemeentelijkeFunctionaris: true };
  return {
    gemeente,
    kanaal: 'brief',
    ontvangenOp,
    ingediendBij: 'gemeente',
    soort: 'klacht',
    onderwerp: 'te laat geholpen',
    aanbieders: [],
    feiten,
  } as IntakeInput;
}

/** Steps a seed regime from intake to AFDOENEN on `afdoenOp`; returns the regime and the letter intents. */
function totAfdoening(
  gemeente: string,
  ontvangenOp: string,
  afdoenOp: string,
  oordeel = 'gegrond',
): { regime: CompiledRegime; intents: Intent[]; at: string } {
  const regime = registry.forGemeente(gemeente, ontvangenOp.slice(0, 10))!;
  let r = regime.start(intakeVoor(gemeente, ontvangenOp));
  for (let i = 0; i < 10; i++) {
    const volgende = VOORKEUR.find((e) => r.volgendeEvents.includes(e));
    if (!volgende) throw new Error(`${gemeente}: no way to AFDOENEN from ${r.state} (${r.volgendeEvents.join(', ')})`);
    const event: KlachtEvent =
      volgende === 'AFDOENEN'
        ? {
            type: 'AFDOENEN',
            at: afdoenOp,
            data: { oordeel, bevindingen: 'De hulp kwam twee weken te laat.', conclusies: ['Wij bieden excuses aan.'] },
          }
        : { type: volgende, at: ontvangenOp, data: volgende === 'HOREN_OVERSLAAN' ? { reden: 'afgezien' } : {} };
    r = regime.step(r.snapshot, event);
    if (volgende === 'AFDOENEN') return { regime, intents: r.intents, at: afdoenOp };
  }
  throw new Error(`${gemeente}: AFDOENEN not reached`);
}

function afdoeningsbrief(gemeente: string, ontvangenOp: string, afdoenOp: string, oordeel = 'gegrond'): string {
  const { regime, intents, at } = totAfdoening(gemeente, ontvangenOp, afdoenOp, oordeel);
  const intent = intents.find((i) => briefSoortVoorIntent(i.type) === 'afdoening')!;
  expect(intent).toBeDefined();
  const map = join(DEFINITIES, regime.summary.id);
  const sjabloon = sjablonenVoor(map, regime.summary.versie)!.sjablonen.get('afdoening')!;
  const gegevens = briefGegevens(
    {
      intent,
      at,
      stapOp: at,
      gemeenteNaam: regime.summary.gemeente.naam,
      klacht: { id: 'k-1', ontvangenOp, onderwerp: 'te laat geholpen' },
      termijnen: [],
    },
    kalenderdag,
  );
  return renderBriefHtml(sjabloon.bron, gegevens);
}

describe('letters per gemeente (Awb 9:6, 9:8 lid 3, 9:11 lid 2, 9:12, 2:3)', () => {
  it.each([
    ['GM0363', 'Ombudsman Metropool Amsterdam'],
    ['GM1696', 'Ombudscommissie Wijdemeren'],
    ['GM1904', 'Nationale ombudsman'],
    ['GM0457', 'Nationale ombudsman'],
  ])('Awb 9:12 lid 2: the afdoeningsbrief of %s names its second line (%s) and the one-year term', (gemeente, tweedeLijn) => {
    const html = afdoeningsbrief(gemeente, '2021-09-01T10:00:00+02:00', '2021-09-20T10:00:00+02:00');
    expect(html).toContain(`een verzoekschrift indienen bij de ${tweedeLijn}`);
    expect(html).toContain('binnen één jaar na deze mededeling (Awb 9:24 lid 1)');
    // Awb 9:12 lid 1: findings, oordeel and conclusions.
    expect(html).toContain('De hulp kwam twee weken te laat.');
    expect(html).toContain('Wij vinden uw klacht gegrond.');
    expect(html).toContain('<li>Wij bieden excuses aan.</li>');
  });

  it.each([
    ['GM0363', '2021-09-01T10:00:00+02:00', '2021-09-20T10:00:00+02:00'],
    ['GM1696', '2021-09-01T10:00:00+02:00', '2021-09-20T10:00:00+02:00'],
    ['GM1904', '2021-09-01T10:00:00+02:00', '2021-09-20T10:00:00+02:00'],
    ['GM0457', '2021-09-01T10:00:00+02:00', '2021-09-20T10:00:00+02:00'],
  ])(
    'Awb 9:12 lid 1: the afdoeningsbrief of %s states every oordeel in words, never the engine code',
    (gemeente, ontvangenOp, afdoenOp) => {
      expect(Object.keys(OORDEEL_IN_WOORDEN).sort()).toEqual([...OORDELEN].sort());
      for (const oordeel of OORDELEN) {
        const html = afdoeningsbrief(gemeente, ontvangenOp, afdoenOp, oordeel);
        expect(html).toContain(`<p>${OORDEEL_IN_WOORDEN[oordeel].oordeel}</p>`);
        expect(html).not.toMatch(/deelsGegrond|geenOordeel/);
      }
      expect(afdoeningsbrief(gemeente, ontvangenOp, afdoenOp, 'deelsGegrond')).toContain('Wij vinden uw klacht gedeeltelijk gegrond.');
      expect(afdoeningsbrief(gemeente, ontvangenOp, afdoenOp, 'geenOordeel')).toContain('Wij geven geen oordeel over uw klacht.');
    },
  );

  it('Awb 9:16: an oordeel that departs from the klachtadviescommissie names its advies in words', () => {
    const bron = sjablonenVoor(join(DEFINITIES, 'gm0363-amsterdam'), '2015-01')!.sjablonen.get('afdoening')!.bron;
    const html = renderBriefHtml(
      bron,
      briefGegevens(
        {
          intent: {
            type: 'AFDOENINGSBRIEF',
            naar: 'klager',
            grondslag: 'Awb 9:12, 9:16',
            data: {
              oordeel: 'ongegrond',
              advies: 'deelsGegrond',
              redenAfwijking: 'de hulp kwam op tijd',
              bevindingen: 'B.',
              conclusies: ['C.'],
            },
          },
          at: '2026-04-08T10:00:00+02:00',
          stapOp: '2026-04-08T10:00:00+02:00',
          gemeenteNaam: 'Amsterdam',
          klacht: { id: 'k-6', ontvangenOp: '2026-04-01T10:00:00+02:00' },
          termijnen: [],
        },
        kalenderdag,
      ),
    );
    expect(html).toContain('De klachtadviescommissie adviseerde: uw klacht gedeeltelijk gegrond. Wij wijken daarvan af.');
    expect(html).toContain('<p>Wij vinden uw klacht ongegrond.</p>');
  });

  it('Awb 9:12 lid 2 after a merger (Wet arhi art. 40): a Weesp klacht of 23 March 2022 decided in April names the successor and its Ombudsman Metropool Amsterdam', () => {
    const html = afdoeningsbrief('GM0457', '2022-03-23T10:00:00+01:00', '2022-04-20T10:00:00+02:00');
    expect(html).toContain('een verzoekschrift indienen bij de Ombudsman Metropool Amsterdam');
    expect(html).toContain('college van burgemeester en wethouders van Amsterdam');
    expect(html).not.toContain('Nationale ombudsman');
  });

  it.each([
    ['GM0363', 'Ombudsman Metropool Amsterdam'],
    ['GM1696', 'Ombudscommissie Wijdemeren'],
    ['GM1904', 'Nationale ombudsman'],
  ])('Awb 9:8 lid 3 with 9:12 lid 2: the kennisgeving niet-behandelen of %s names the ground, %s and its term', (gemeente, tweedeLijn) => {
    const regime = registry.forGemeente(gemeente, '2026-04-01')!;
    let r = regime.start(intakeVoor(gemeente, '2026-04-01T10:00:00+02:00'));
    if (r.volgendeEvents.includes('FORMELE_BEHANDELING'))
      r = regime.step(r.snapshot, { type: 'FORMELE_BEHANDELING', at: '2026-04-02T10:00:00+02:00' });
    r = regime.step(r.snapshot, { type: 'NIET_BEHANDELEN', at: '2026-04-08T10:00:00+02:00', data: { grond: 'ouderDanEenJaar' } });
    const intent = r.intents.find((i) => briefSoortVoorIntent(i.type) === 'niet-behandelen')!;
    expect(intent).toBeDefined();
    const bron = sjablonenVoor(join(DEFINITIES, regime.summary.id), regime.summary.versie)!.sjablonen.get('niet-behandelen')!.bron;
    const gegevens = briefGegevens(
      {
        intent,
        at: '2026-04-08T10:00:00+02:00',
        stapOp: '2026-04-08T10:00:00+02:00',
        gemeenteNaam: regime.summary.gemeente.naam,
        klacht: { id: 'k-2', ontvangenOp: '2026-04-01T10:00:00+02:00' },
        termijnen: [],
      },
      kalenderdag,
    );
    const html = renderBriefHtml(bron, gegevens);
    expect(html).toContain('Awb 9:8 lid 1 sub b');
    expect(html).toContain(`een verzoekschrift indienen bij de ${tweedeLijn}`);
    expect(html).toContain('binnen één jaar na deze mededeling (Awb 9:24 lid 1)');
    expect(html).toContain('woensdag 8 april 2026');
  });

  /** The kennisgeving niet-behandelen a seed gemeente sends for `grond`, decided on `op`. */
  function nietBehandelenBrief(gemeente: string, ontvangenOp: string, op: string, grond: string): string {
    const regime = registry.forGemeente(gemeente, ontvangenOp.slice(0, 10))!;
    let r = regime.start(intakeVoor(gemeente, ontvangenOp));
    if (r.volgendeEvents.includes('FORMELE_BEHANDELING')) r = regime.step(r.snapshot, { type: 'FORMELE_BEHANDELING', at: ontvangenOp });
    r = regime.step(r.snapshot, { type: 'NIET_BEHANDELEN', at: op, data: { grond } });
    const intent = r.intents.find((i) => briefSoortVoorIntent(i.type) === 'niet-behandelen');
    if (!intent) throw new Error(`${gemeente}: NIET_BEHANDELEN (${grond}) asked for no letter from ${r.state}`);
    const bron = sjablonenVoor(join(DEFINITIES, regime.summary.id), regime.summary.versie)!.sjablonen.get('niet-behandelen')!.bron;
    const gegevens = briefGegevens(
      {
        intent,
        at: op,
        stapOp: op,
        gemeenteNaam: regime.summary.gemeente.naam,
        klacht: { id: 'k-3', ontvangenOp },
        termijnen: [],
      },
      kalenderdag,
    );
    return renderBriefHtml(bron, gegevens);
  }

  it('Awb 9:8 lid 3 (schriftelijk en met redenen omkleed): one table gives every ground the engine allows (lid 1 sub a-f, lid 2) its own words', () => {
    expect(Object.keys(NIET_BEHANDELGROND_OMSCHRIJVING).sort()).toEqual(Object.keys(NIET_BEHANDELGRONDEN).sort());
    const woorden = Object.values(NIET_BEHANDELGROND_OMSCHRIJVING);
    expect(new Set(woorden).size).toBe(woorden.length);
    for (const w of woorden) expect(w).toMatch(/^[a-z].{20,}[a-z]$/);
  });

  it('Awb 9:8 lid 3: docs/brieven-en-dossier.md shows the table of grounds as the letters print it (one meaning, one place)', () => {
    const doc = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'brieven-en-dossier.md'), 'utf8');
    const rijen = [...doc.matchAll(/^\| `(\w+)` \| (Awb 9:8 [^|]+?) \| ([^|]+?) \|$/gm)].map((m) => [m[1], m[2], m[3]]);
    expect(rijen).toEqual(
      Object.entries(NIET_BEHANDELGRONDEN).map(([grond, artikel]) => [
        grond,
        artikel,
        NIET_BEHANDELGROND_OMSCHRIJVING[grond as keyof typeof NIET_BEHANDELGRONDEN],
      ]),
    );
  });

  it.each([
    ['GM0363', '2026-04-01T10:00:00+02:00', '2026-04-08T10:00:00+02:00'],
    ['GM1696', '2026-04-01T10:00:00+02:00', '2026-04-08T10:00:00+02:00'],
    ['GM1904', '2026-04-01T10:00:00+02:00', '2026-04-08T10:00:00+02:00'],
    ['GM0457', '2021-09-01T10:00:00+02:00', '2021-09-08T10:00:00+02:00'],
  ])(
    'Awb 9:8 lid 3: the kennisgeving niet-behandelen of %s gives the klager every ground in words, next to its article',
    (gemeente, ontvangenOp, op) => {
      for (const [grond, artikel] of Object.entries(NIET_BEHANDELGRONDEN)) {
        const html = nietBehandelenBrief(gemeente, ontvangenOp, op, grond);
        const woorden = NIET_BEHANDELGROND_OMSCHRIJVING[grond as keyof typeof NIET_BEHANDELGRONDEN];
        expect(html).toContain(`De reden: ${woorden} (Algemene wet bestuursrecht, ${artikel}).`);
      }
    },
  );

  it.each([
    ['GM0363', '2026-05-06'],
    ['GM1696', '2026-05-06'],
    ['GM1904', '2026-05-06'],
    ['GM0457', '2021-05-06'],
  ])(
    'Awb 2:3 lid 1: the kennisgeving of doorzending of %s tells the klager in words to whom his klacht went (the aanbieder, the klachtencommissie of the jeugdhulpaanbieder, the klachtenfunctionaris of the zorgaanbieder)',
    (gemeente, dag) => {
      const regime = registry.forGemeente(gemeente, dag)!;
      const bron = sjablonenVoor(join(DEFINITIES, regime.summary.id), regime.summary.versie)!.sjablonen.get('doorzending')!.bron;
      const at = `${dag}T10:00:00+02:00`;
      for (const [type, naam, zin] of [
        ['wmo', 'Zorg Noord', 'doorgestuurd aan Zorg Noord (Algemene wet bestuursrecht, artikel 2:3).'],
        [
          'jeugdhulp',
          'Jeugdhulp West',
          'doorgestuurd aan de klachtencommissie van Jeugdhulp West (Algemene wet bestuursrecht, artikel 2:3).',
        ],
        ['zorg', 'Zorg Oost', 'doorgestuurd aan de klachtenfunctionaris van Zorg Oost (Algemene wet bestuursrecht, artikel 2:3).'],
      ]) {
        const r = regime.start({
          ...intakeVoor(gemeente, at),
          feiten: { aantalAanbieders: 1 },
          aanbieders: [{ id: 'a-1', naam, type }],
        } as IntakeInput);
        const intent = r.intents.find((i) => briefSoortVoorIntent(i.type) === 'doorzending');
        if (!intent) throw new Error(`${gemeente} ${type}: no doorzending from ${r.state}`);
        const html = renderBriefHtml(
          bron,
          briefGegevens(
            { intent, at, stapOp: at, gemeenteNaam: regime.summary.gemeente.naam, klacht: { id: 'k-5', ontvangenOp: at }, termijnen: [] },
            kalenderdag,
          ),
        );
        expect(html).toContain(zin);
        expect(html).not.toMatch(/aan (aanbieder|klachtencommissie|klachtenfunctionaris)\b/);
      }
    },
  );

  it('Awb 9:11 lid 2: a verdagingsbrief made the day after the old last day names the day the verdaging was decided, and bears the day it is made', () => {
    const regime = registry.forGemeente('GM0363', '2026-04-02')!;
    let r = regime.start(intakeVoor('GM0363', '2026-04-02T10:00:00+02:00'));
    for (const type of ['FORMELE_BEHANDELING', 'IN_BEHANDELING_NEMEN'])
      if (r.volgendeEvents.includes(type)) r = regime.step(r.snapshot, { type, at: '2026-04-03T10:00:00+02:00' });
    const laatsteDag = r.termijnen.find((t) => t.naam === 'afhandeling')!.vervaldatum;
    expect(laatsteDag).toBe('2026-05-18');
    r = regime.step(r.snapshot, {
      type: 'VERDAGEN',
      at: '2026-05-18T16:00:00+02:00',
      data: { termijn: 'afhandeling', duur: 'P4W', reden: 'wij wachten op de ketenpartner' },
    });
    const intent = r.intents.find((i) => briefSoortVoorIntent(i.type) === 'verdaging' && i.naar === 'klager')!;
    expect(intent).toBeDefined();
    const bron = sjablonenVoor(join(DEFINITIES, regime.summary.id), regime.summary.versie)!.sjablonen.get('verdaging')!.bron;
    const html = renderBriefHtml(
      bron,
      briefGegevens(
        {
          intent,
          at: '2026-05-19T08:30:00+02:00',
          stapOp: '2026-05-18T16:00:00+02:00',
          gemeenteNaam: regime.summary.gemeente.naam,
          klacht: { id: 'k-4', ontvangenOp: '2026-04-02T10:00:00+02:00' },
          termijnen: [],
        },
        kalenderdag,
      ),
    );
    expect(html).toContain('<p>dinsdag 19 mei 2026<br>');
    expect(html).toContain(
      'Wij stellen de afhandeling met 4 weken uit (Algemene wet bestuursrecht, artikel 9:11 lid 2). Dat hebben wij besloten op maandag 18 mei 2026.',
    );
    expect(html).toContain(`uiterlijk op ${leesbareDatum(String(intent.data?.nieuweVervaldatum))} afgehandeld`);
    expect(html).not.toContain('besloten op dinsdag 19 mei 2026');
  });

  it('AVG art. 32: text from the dossier is escaped in the letter, never markup', () => {
    const html = renderBriefHtml('<p>{{bevindingen}}</p>', { bevindingen: '<script>alert(1)</script>' });
    expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });

  it('every seed gemeente has every letter, and each passes the legal check', () => {
    const { definities, errors } = loadAndValidate([DEFINITIES]);
    expect(errors).toEqual([]);
    expect(brievenFouten(definities)).toEqual([]);
    for (const d of definities)
      expect([...sjablonenVoor(join(DEFINITIES, d.id), d.definitie.versie)!.sjablonen.keys()].sort()).toEqual(
        Object.keys(BRIEF_SOORTEN).sort(),
      );
  });
});

describe('validate refuses a letter that lacks what the law requires', () => {
  let map: string;
  beforeEach(() => {
    map = mkdtempSync(join(tmpdir(), 'klachtregie-brieven-'));
    cpSync(join(DEFINITIES, 'gm0363-amsterdam'), join(map, 'gm0363-amsterdam'), { recursive: true });
  });
  afterEach(() => rmSync(map, { recursive: true, force: true }));
  const brief = (soort: string) => join(map, 'gm0363-amsterdam', 'brieven', '2015-01', `${soort}.hbs`);

  it('Awb 9:12 lid 2: an afdoeningsbrief without the second line and its term is refused at file:line:column with a fix', () => {
    const bron = readFileSync(brief('afdoening'), 'utf8')
      .split('\n')
      .filter((r) => !r.includes('tweedeLijn'))
      .join('\n');
    writeFileSync(brief('afdoening'), bron);
    const { errors } = loadAndValidate([map]);
    const laatste = bron.split('\n').filter((r, i, a) => i < a.length - 1 || r !== '').length;
    expect(errors).toEqual([
      expect.objectContaining({
        file: brief('afdoening'),
        line: laatste,
        column: 1,
        message: expect.stringContaining('Awb 9:12 lid 2: de brief noemt de ombudsman'),
        hint: expect.stringContaining('{{tweedeLijn.naam}}'),
      }),
      expect.objectContaining({
        file: brief('afdoening'),
        line: laatste,
        column: 1,
        message: expect.stringContaining('{{tweedeLijn.termijn}} ontbreekt in de afdoeningsbrief'),
      }),
    ]);
  });

  it('Awb 9:12 lid 1: a second-line name only inside a condition counts, but the oordeel must be printed', () => {
    expect(
      sjabloonFouten(
        'a.hbs',
        '{{bevindingen}} {{#each conclusies}}{{this}}{{/each}} {{#if tweedeLijn}}{{tweedeLijn.naam}} {{tweedeLijn.termijn}}{{/if}}',
        'afdoening',
      ),
    ).toEqual([
      expect.objectContaining({
        line: 1,
        column: 1,
        message: expect.stringContaining('Awb 9:12 lid 1: de brief noemt het oordeel'),
        hint: "zet bijvoorbeeld '<p>{{oordeel}}</p>' in de brief",
      }),
    ]);
  });

  it('Awb 9:8 lid 3, 9:11 lid 2, 9:6, 2:3: each letter is refused without its own required field', () => {
    expect(sjabloonFouten('n.hbs', '{{tweedeLijn.naam}} {{tweedeLijn.termijn}}', 'niet-behandelen').map((f) => f.message)).toEqual([
      expect.stringContaining('Awb 9:8 lid 3: de brief zegt op welke grond'),
      expect.stringContaining('Awb 9:8 lid 3: de kennisgeving is met redenen omkleed'),
    ]);
    expect(sjabloonFouten('v.hbs', 'verdaagd', 'verdaging').map((f) => f.message)).toEqual([
      expect.stringContaining('Awb 9:11 lid 2: de schriftelijke mededeling noemt tot wanneer'),
      expect.stringContaining('Awb 9:11 lid 2: de verdaging wordt besloten voordat de termijn eindigt'),
    ]);
    expect(sjabloonFouten('o.hbs', 'ontvangen', 'ontvangstbevestiging').map((f) => f.message)).toEqual([
      expect.stringContaining('Awb 9:6'),
    ]);
    expect(sjabloonFouten('d.hbs', 'doorgezonden', 'doorzending').map((f) => f.message)).toEqual([
      expect.stringContaining('Awb 2:3 lid 1'),
    ]);
  });

  it('an unknown field, unescaped output, markup the PDF cannot show and a syntax error are refused where they stand', () => {
    const fouten = sjabloonFouten('x.hbs', '<p>{{klacht.kenmerk}}</p>\n<table>{{oordel}}{{{klacht.onderwerp}}}', 'verdaging');
    expect(fouten.slice(0, 3)).toEqual([
      expect.objectContaining({ line: 2, column: 1, message: 'de tag <table> komt niet in de PDF van de brief' }),
      expect.objectContaining({
        line: 2,
        column: 10,
        message: "onbekend veld 'oordel' in de verdagingsbrief",
        hint: expect.stringContaining('{{oordeel}}'),
      }),
      expect.objectContaining({ line: 2, column: 18, message: expect.stringContaining('onveilige uitvoer') }),
    ]);
    expect(sjabloonFouten('y.hbs', '<p>\n{{#if oordeel}}open', 'verdaging')).toEqual([
      expect.objectContaining({ line: 2, message: expect.stringContaining('geen geldige Handlebars') }),
    ]);
  });

  it('a missing letter is refused at the definition, a misnamed one gets its right name', () => {
    renameSync(brief('doorzending'), brief('doorzendng'));
    const { errors } = loadAndValidate([map]);
    expect(errors).toEqual([
      expect.objectContaining({
        file: join(map, 'gm0363-amsterdam', '2015-01.yaml'),
        message: 'Awb 2:3 lid 1: geen sjabloon voor de kennisgeving van doorzending bij versie 2015-01',
      }),
      expect.objectContaining({ file: brief('doorzendng'), line: 1, column: 1, hint: 'hernoem naar doorzending.hbs' }),
    ]);
  });
});
