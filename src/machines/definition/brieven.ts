/**
 * The letters the law requires, as templates per gemeente (docs/brieven-en-dossier.md). A template is a
 * Handlebars file in `definitions/<gemeente>/brieven/<versie>/<soort>.hbs`, versioned with the
 * definition it belongs to. This file is pure: which letters exist, which intent asks for which letter,
 * what each letter must say by law, the check of a template source, the data a letter is filled with,
 * and rendering to HTML. Reading the files is brief-sjablonen.ts; PDF is the service's (src/modules/brieven).
 */
import Handlebars from 'handlebars';
import type { NIET_BEHANDELGRONDEN, Oordeel } from '../compiler/gebeurtenissen';
import type { DefinitionError, Intent, IsoDate } from '../contract';
import { leesbareDatum } from '../termijnen/kalenderdag';
import { beschrijfDuur } from './lint-hulp';
import { didYouMean } from './suggest';

export type BriefSoort = 'ontvangstbevestiging' | 'niet-behandelen' | 'verdaging' | 'afdoening' | 'doorzending';

/** A field a template may use: text, a list of texts, a record, or a list of records. */
type Veld = 'tekst' | 'teksten' | { [naam: string]: Veld } | { lijstVan: { [naam: string]: Veld } };

const TERMIJN: { [naam: string]: Veld } = { label: 'tekst', vervaldatum: 'tekst', uitleg: 'teksten', grondslag: 'tekst' };

/** Everything a letter is filled with (`briefGegevens`); a template using anything else is refused. */
export const BRIEF_VELDEN: { [naam: string]: Veld } = {
  datum: 'tekst',
  aan: 'tekst',
  grondslag: 'tekst',
  gemeente: { naam: 'tekst' },
  klacht: { kenmerk: 'tekst', ontvangenOp: 'tekst', onderwerp: 'tekst', aanbieder: 'tekst' },
  termijnen: { lijstVan: TERMIJN },
  afhandeltermijn: TERMIJN,
  tweedeLijn: { naam: 'tekst', soort: 'tekst', termijn: 'tekst' },
  oordeel: 'tekst',
  bevindingen: 'tekst',
  conclusies: 'teksten',
  maatregelen: 'teksten',
  advies: 'tekst',
  redenAfwijking: 'tekst',
  adviescommissie: 'tekst',
  verdaging: { termijn: 'tekst', duur: 'tekst', nieuweVervaldatum: 'tekst', reden: 'tekst', besloten: 'tekst' },
  nietBehandelen: { grond: 'tekst', artikel: 'tekst', omschrijving: 'tekst' },
  doorzending: { aan: 'tekst', aanbieder: 'tekst' },
};

export interface VerplichtVeld {
  /** Field path as the template writes it, e.g. `tweedeLijn.naam`. */
  pad: string;
  /** The rule and what it requires, in Dutch, for the error message. */
  regel: string;
  /** A sentence to put in the template. */
  voorbeeld: string;
}

export interface BriefSoortInfo {
  soort: BriefSoort;
  /** Heading of the letter (its title in the dossier). */
  titel: string;
  /** What the letter is called in messages. */
  naam: string;
  /** Outbox intents (Intent.type) that ask for this letter. */
  intents: readonly string[];
  grondslag: string;
  verplicht: readonly VerplichtVeld[];
}

const TWEEDE_LIJN_NAAM = (art: string): VerplichtVeld => ({
  pad: 'tweedeLijn.naam',
  regel: `${art}: de brief noemt de ombudsman of ombudscommissie waar de klager daarna terecht kan`,
  voorbeeld: 'Bent u het niet eens met deze afhandeling? Dan kunt u een verzoekschrift indienen bij de {{tweedeLijn.naam}}.',
});
const TWEEDE_LIJN_TERMIJN = (art: string): VerplichtVeld => ({
  pad: 'tweedeLijn.termijn',
  regel: `${art}, 9:24 lid 1: de brief noemt de termijn van één jaar voor dat verzoekschrift`,
  voorbeeld: 'Dat moet binnen {{tweedeLijn.termijn}}.',
});

/** The letters and what the law requires each to say. */
export const BRIEF_SOORTEN: Record<BriefSoort, BriefSoortInfo> = {
  ontvangstbevestiging: {
    soort: 'ontvangstbevestiging',
    naam: 'ontvangstbevestiging',
    titel: 'Ontvangstbevestiging',
    intents: ['ONTVANGSTBEVESTIGING'],
    grondslag: 'Awb 9:6',
    verplicht: [
      {
        pad: 'klacht.ontvangenOp',
        regel: 'Awb 9:6: de brief bevestigt de ontvangst van het klaagschrift',
        voorbeeld: 'Wij hebben uw klacht op {{klacht.ontvangenOp}} ontvangen.',
      },
    ],
  },
  'niet-behandelen': {
    soort: 'niet-behandelen',
    naam: 'kennisgeving van niet-behandelen',
    titel: 'Kennisgeving niet-behandelen',
    intents: ['KENNISGEVING_NIET_BEHANDELEN'],
    grondslag: 'Awb 9:8 lid 3',
    verplicht: [
      {
        pad: 'nietBehandelen.artikel',
        regel: 'Awb 9:8 lid 3: de brief zegt op welke grond de klacht niet wordt behandeld',
        voorbeeld: 'Wij behandelen uw klacht niet ({{nietBehandelen.artikel}}).',
      },
      {
        pad: 'nietBehandelen.omschrijving',
        regel: 'Awb 9:8 lid 3: de kennisgeving is met redenen omkleed; de brief zegt de grond in woorden, niet alleen het artikel',
        voorbeeld: 'De reden: {{nietBehandelen.omschrijving}} (Algemene wet bestuursrecht, {{nietBehandelen.artikel}}).',
      },
      TWEEDE_LIJN_NAAM('Awb 9:8 lid 3 met 9:12 lid 2'),
      TWEEDE_LIJN_TERMIJN('Awb 9:8 lid 3 met 9:12 lid 2'),
    ],
  },
  verdaging: {
    soort: 'verdaging',
    naam: 'verdagingsbrief',
    titel: 'Verdaging van de afhandeling',
    intents: ['KENNISGEVING_VERDAGING'],
    grondslag: 'Awb 9:11 lid 2',
    verplicht: [
      {
        pad: 'verdaging.nieuweVervaldatum',
        regel: 'Awb 9:11 lid 2: de schriftelijke mededeling noemt tot wanneer de afhandeling wordt verdaagd',
        voorbeeld: 'Wij handelen uw klacht uiterlijk {{verdaging.nieuweVervaldatum}} af.',
      },
      {
        pad: 'verdaging.besloten',
        regel:
          'Awb 9:11 lid 2: de verdaging wordt besloten voordat de termijn eindigt; de brief noemt de dag van dat besluit, ook als hij zelf later is opgemaakt',
        voorbeeld: 'Dat hebben wij besloten op {{verdaging.besloten}}.',
      },
    ],
  },
  afdoening: {
    soort: 'afdoening',
    naam: 'afdoeningsbrief',
    titel: 'Afhandeling van uw klacht',
    intents: ['AFDOENINGSBRIEF'],
    grondslag: 'Awb 9:12',
    verplicht: [
      { pad: 'bevindingen', regel: 'Awb 9:12 lid 1: de brief noemt de bevindingen van het onderzoek', voorbeeld: '<p>{{bevindingen}}</p>' },
      {
        pad: 'oordeel',
        regel: 'Awb 9:12 lid 1: de brief noemt het oordeel over de klacht',
        voorbeeld: '<p>{{oordeel}}</p>',
      },
      {
        pad: 'conclusies',
        regel: 'Awb 9:12 lid 1: de brief noemt de conclusies die aan het oordeel worden verbonden',
        voorbeeld: '{{#each conclusies}}<li>{{this}}</li>{{/each}}',
      },
      TWEEDE_LIJN_NAAM('Awb 9:12 lid 2'),
      TWEEDE_LIJN_TERMIJN('Awb 9:12 lid 2'),
    ],
  },
  doorzending: {
    soort: 'doorzending',
    naam: 'kennisgeving van doorzending',
    titel: 'Doorzending van uw klacht',
    intents: ['KENNISGEVING_DOORZENDING'],
    grondslag: 'Awb 2:3 lid 1',
    verplicht: [
      {
        pad: 'doorzending.aan',
        regel: 'Awb 2:3 lid 1: de afzender hoort aan wie zijn bericht is doorgezonden',
        voorbeeld: 'Wij hebben uw klacht doorgezonden aan {{doorzending.aan}}.',
      },
    ],
  },
};

export const BRIEF_SOORT_NAMEN = Object.keys(BRIEF_SOORTEN) as BriefSoort[];

/**
 * Every ground to decline handling (NIET_BEHANDELGRONDEN, Awb 9:8 lid 1 sub a-f and lid 2) in the words the klager
 * reads in the kennisgeving of niet-behandelen (`nietBehandelen.omschrijving`), next to the article
 * (`nietBehandelen.artikel`). Awb 9:8 lid 3: the klager is told 'schriftelijk en met redenen omkleed'; an article
 * number alone tells him nothing. Typed by the engine's grounds, so a ground added there without words here does not
 * compile. Each reads after 'De reden: ' and before the article in brackets.
 */
export const NIET_BEHANDELGROND_OMSCHRIJVING: { readonly [grond in keyof typeof NIET_BEHANDELGRONDEN]: string } = {
  eerderBehandeld: 'over deze gedraging is al eerder een klacht ingediend en volgens de klachtregeling behandeld',
  ouderDanEenJaar: 'de gedraging waarover u klaagt, vond meer dan een jaar voordat u uw klacht indiende plaats',
  bezwaarMogelijk: 'u had tegen deze gedraging bezwaar kunnen maken',
  beroepMogelijk: 'u kunt of kon tegen deze gedraging beroep instellen',
  rechterlijkeProcedure: 'de gedraging ligt of lag ter beoordeling voor bij een rechter',
  strafrechtelijkOnderzoek: 'naar de gedraging loopt een opsporingsonderzoek op bevel van de officier van justitie, of een strafvervolging',
  onvoldoendeBelang: 'uw belang bij de klacht of het gewicht van de gedraging is kennelijk onvoldoende',
};

/**
 * The oordeel of AFDOENEN (Awb 9:12 lid 1) as the afdoeningsbrief states it (`oordeel`, a whole sentence), and the
 * klachtadviescommissie's advies on the same scale (`advies`, Awb 9:15, 9:16: 'De klachtadviescommissie adviseerde: …').
 * The engine's codes (deelsGegrond, geenOordeel) are no Dutch the klager can read ('Wij vinden uw klacht deelsGegrond.').
 * Typed by the engine's OORDELEN, so an oordeel added there without words here does not compile.
 */
export const OORDEEL_IN_WOORDEN: { readonly [oordeel in Oordeel]: { oordeel: string; advies: string } } = {
  gegrond: { oordeel: 'Wij vinden uw klacht gegrond.', advies: 'uw klacht gegrond' },
  ongegrond: { oordeel: 'Wij vinden uw klacht ongegrond.', advies: 'uw klacht ongegrond' },
  deelsGegrond: { oordeel: 'Wij vinden uw klacht gedeeltelijk gegrond.', advies: 'uw klacht gedeeltelijk gegrond' },
  geenOordeel: { oordeel: 'Wij geven geen oordeel over uw klacht.', advies: 'geen oordeel over uw klacht' },
};

function oordeelInWoorden(code: unknown, als: 'oordeel' | 'advies'): string | undefined {
  const t = tekst(code);
  if (!t) return undefined;
  if (Object.prototype.hasOwnProperty.call(OORDEEL_IN_WOORDEN, t)) return OORDEEL_IN_WOORDEN[t as Oordeel][als];
  return als === 'oordeel' ? `Ons oordeel over uw klacht: ${t}.` : t;
}

/**
 * To whom a klacht is forwarded, as the kennisgeving of doorzending tells the klager (`doorzending.aan`; Awb 2:3 lid 1:
 * the sender hears to whom his writing went), from the engine's code of the recipient (the intent's `doorgezondenAan`)
 * and the aanbieder's name: the aanbieder itself (Klachtenprotocol Wmo keten Amsterdam §5A, warme doorverwijzing), the
 * klachtencommissie of the jeugdhulpaanbieder (Jeugdwet 4.2.1 lid 6), the klachtenfunctionaris of the zorgaanbieder
 * (Wkkgz 15). A code the table does not know is printed as it is.
 */
export const DOORZENDING_AAN: { readonly [naar: string]: (aanbieder: string | undefined) => string } = {
  aanbieder: (a) => a ?? 'de aanbieder',
  klachtencommissie: (a) => (a ? `de klachtencommissie van ${a}` : 'de klachtencommissie van de jeugdhulpaanbieder'),
  klachtenfunctionaris: (a) => (a ? `de klachtenfunctionaris van ${a}` : 'de klachtenfunctionaris van de zorgaanbieder'),
};

/** `doorzending.aan` in words (DOORZENDING_AAN). */
export function doorzendingAan(naar: string, aanbieder: string | undefined): string {
  return Object.prototype.hasOwnProperty.call(DOORZENDING_AAN, naar) ? DOORZENDING_AAN[naar](aanbieder) : naar;
}

/** The klager's words for a ground (NIET_BEHANDELGROND_OMSCHRIJVING), or undefined for a ground the table does not know. */
export function nietBehandelgrondOmschrijving(grond: unknown): string | undefined {
  return typeof grond === 'string' && Object.prototype.hasOwnProperty.call(NIET_BEHANDELGROND_OMSCHRIJVING, grond)
    ? NIET_BEHANDELGROND_OMSCHRIJVING[grond as keyof typeof NIET_BEHANDELGRONDEN]
    : undefined;
}

/** The letter an outbox intent asks for, if any. */
export function briefSoortVoorIntent(intentType: string): BriefSoort | undefined {
  return BRIEF_SOORT_NAMEN.find((s) => BRIEF_SOORTEN[s].intents.includes(intentType));
}

export function isBriefSoort(naam: string): naam is BriefSoort {
  return (BRIEF_SOORT_NAMEN as string[]).includes(naam);
}

/** The HTML a letter may use: what the PDF reproduces (src/modules/brieven/brief-pdf.ts). */
export const TOEGESTANE_TAGS = ['h1', 'h2', 'h3', 'p', 'ul', 'ol', 'li', 'strong', 'em', 'br'] as const;

const HELPERS = new Set(['if', 'unless', 'each', 'with']);

// -- Checking a template ---------------------------------------------------------------------------

/* eslint-disable @typescript-eslint/no-explicit-any -- the Handlebars AST is loosely typed */
type Node = any;

interface Bereik {
  velden: { [naam: string]: Veld };
  /** `this` inside `#each` over a list of texts. */
  tekstItem?: boolean;
}

function veldOp(velden: { [naam: string]: Veld }, delen: readonly string[]): Veld | undefined {
  let huidig: Veld = velden;
  for (const deel of delen) {
    if (typeof huidig !== 'object' || 'lijstVan' in huidig) return undefined;
    const volgende: Veld | undefined = (huidig as { [naam: string]: Veld })[deel];
    if (volgende === undefined) return undefined;
    huidig = volgende;
  }
  return huidig;
}

function allePaden(velden: { [naam: string]: Veld }, voor = ''): string[] {
  return Object.entries(velden).flatMap(([k, v]) =>
    typeof v === 'object' && !('lijstVan' in v) ? [`${voor}${k}`, ...allePaden(v, `${voor}${k}.`)] : [`${voor}${k}`],
  );
}

/**
 * Errors in one template source: syntax, unknown fields (with a suggestion), unescaped output, HTML the
 * PDF cannot reproduce, and every field the law requires of this letter that the template does not print.
 */
export function sjabloonFouten(file: string, bron: string, soort: BriefSoort): DefinitionError[] {
  const fouten: DefinitionError[] = [];
  const info = BRIEF_SOORTEN[soort];
  let ast: Node;
  try {
    ast = Handlebars.parse(bron);
  } catch (e) {
    const m = /line (\d+)/.exec((e as Error).message);
    return [
      {
        file,
        line: m ? Number(m[1]) : 1,
        column: 1,
        message: `het sjabloon is geen geldige Handlebars: ${(e as Error).message.split('\n')[0]}`,
        hint: 'sluit elk {{#if}}, {{#each}} en {{#with}} met {{/if}}, {{/each}} of {{/with}}; velden staan tussen {{ en }}',
      },
    ];
  }
  const gedrukt = new Set<string>();
  const fout = (loc: Node, message: string, hint?: string) =>
    fouten.push({ file, line: loc?.start?.line ?? 1, column: (loc?.start?.column ?? 0) + 1, message, ...(hint ? { hint } : {}) });

  // Resolves a path in the scope stack; returns the field and its full name from the letter's root.
  const los = (pad: Node, stapel: Bereik[], naamStapel: string[]): { veld: Veld | undefined; naam: string } => {
    const diepte = Math.min(pad.depth ?? 0, stapel.length - 1);
    const bereik = stapel[stapel.length - 1 - diepte];
    const voor = naamStapel[naamStapel.length - 1 - diepte];
    const delen: string[] = pad.parts;
    if (pad.this === true || delen.length === 0) {
      return { veld: bereik.tekstItem ? 'tekst' : bereik.velden, naam: voor || 'this' };
    }
    return { veld: veldOp(bereik.velden, delen), naam: `${voor}${delen.join('.')}` };
  };

  const controleerPad = (pad: Node, stapel: Bereik[], naamStapel: string[]): Veld | undefined => {
    if (pad.type !== 'PathExpression') {
      fout(
        pad.loc,
        'alleen velden van de brief zijn toegestaan, geen vaste waarden of subexpressies',
        'gebruik een veld zoals {{oordeel}}',
      );
      return undefined;
    }
    if (pad.data) return 'tekst'; // @index, @first, @last
    const { veld, naam } = los(pad, stapel, naamStapel);
    if (veld === undefined) {
      const kandidaat = didYouMean(naam, allePaden(BRIEF_VELDEN));
      fout(
        pad.loc,
        `onbekend veld '${pad.original}' in de ${info.naam}`,
        kandidaat
          ? `bedoelt u {{${kandidaat}}}? (velden: docs/brieven-en-dossier.md)`
          : 'zie docs/brieven-en-dossier.md voor de velden van een brief',
      );
    }
    return veld;
  };

  const loop = (stmts: Node[], stapel: Bereik[], naamStapel: string[]): void => {
    for (const s of stmts) {
      if (s.type === 'ContentStatement') {
        const re = /<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g;
        for (let m = re.exec(s.value); m; m = re.exec(s.value)) {
          const tag = m[1].toLowerCase();
          if (!(TOEGESTANE_TAGS as readonly string[]).includes(tag)) {
            const voor = s.value.slice(0, m.index);
            const regels = voor.split('\n');
            const line = s.loc.start.line + regels.length - 1;
            const column = regels.length === 1 ? s.loc.start.column + voor.length + 1 : regels[regels.length - 1].length + 1;
            fouten.push({
              file,
              line,
              column,
              message: `de tag <${tag}> komt niet in de PDF van de brief`,
              hint: `gebruik alleen ${TOEGESTANE_TAGS.map((t) => `<${t}>`).join(', ')}`,
            });
          }
        }
      } else if (s.type === 'MustacheStatement') {
        if (s.escaped === false) {
          fout(
            s.loc,
            'onveilige uitvoer {{{ }}}: tekst van de klager zou als HTML in de brief komen',
            `schrijf {{${s.path?.original ?? 'veld'}}} met twee accolades`,
          );
        }
        if (s.params?.length || (s.path?.type === 'PathExpression' && HELPERS.has(s.path.original))) {
          fout(s.loc, `'${s.path?.original}' is geen veld`, 'gebruik {{#if veld}}…{{/if}} of {{#each lijst}}…{{/each}} voor een blok');
          continue;
        }
        const veld = controleerPad(s.path, stapel, naamStapel);
        if (veld !== undefined) {
          if (typeof veld === 'object') {
            fout(
              s.loc,
              `'${s.path.original}' is een groep of lijst, geen tekst`,
              'print een onderdeel, bijvoorbeeld {{tweedeLijn.naam}}, of loop erover met {{#each}}',
            );
          } else {
            gedrukt.add(los(s.path, stapel, naamStapel).naam);
          }
        }
      } else if (s.type === 'BlockStatement') {
        const helper = s.path?.original;
        if (!HELPERS.has(helper)) {
          fout(s.loc, `onbekend blok '{{#${helper}}}'`, 'gebruik {{#if}}, {{#unless}}, {{#each}} of {{#with}}');
          continue;
        }
        const param = s.params?.[0];
        if (!param || s.params.length !== 1) {
          fout(s.loc, `{{#${helper}}} heeft precies één veld nodig`, `bijvoorbeeld {{#${helper} maatregelen}}`);
          continue;
        }
        const veld = controleerPad(param, stapel, naamStapel);
        const naam = param.type === 'PathExpression' ? los(param, stapel, naamStapel).naam : '';
        if (helper === 'each' && veld !== undefined) {
          if (veld === 'teksten') {
            // The list itself counts as printed when its items are: `{{#each conclusies}}{{this}}{{/each}}`.
            const voor = gedrukt.size;
            loop(s.program.body, [...stapel, { velden: {}, tekstItem: true }], [...naamStapel, naam]);
            if (gedrukt.size > voor || gedrukt.has(naam)) gedrukt.add(naam);
          } else if (typeof veld === 'object' && 'lijstVan' in veld) {
            loop(
              s.program.body,
              [...stapel, { velden: (veld as { lijstVan: { [naam: string]: Veld } }).lijstVan }],
              [...naamStapel, `${naam}.`],
            );
          } else {
            fout(
              param.loc,
              `{{#each}} gaat over een lijst; '${param.original}' is geen lijst`,
              'lijsten zijn termijnen, conclusies, maatregelen en uitleg van een termijn',
            );
          }
        } else if (helper === 'with' && veld !== undefined && typeof veld === 'object' && !('lijstVan' in veld)) {
          loop(s.program.body, [...stapel, { velden: veld }], [...naamStapel, `${naam}.`]);
        } else {
          loop(s.program?.body ?? [], stapel, naamStapel);
        }
        if (s.inverse) loop(s.inverse.body, stapel, naamStapel);
      } else if (
        s.type === 'PartialStatement' ||
        s.type === 'PartialBlockStatement' ||
        s.type === 'DecoratorBlock' ||
        s.type === 'Decorator'
      ) {
        fout(s.loc, 'partials en decorators zijn in een brief niet toegestaan', 'schrijf de tekst in het sjabloon zelf');
      }
    }
  };
  loop(ast.body, [{ velden: BRIEF_VELDEN }], ['']);

  const regels = bron.split('\n');
  const laatste = regels.length - (regels[regels.length - 1] === '' ? 1 : 0);
  for (const v of info.verplicht) {
    if (gedrukt.has(v.pad)) continue;
    fouten.push({
      file,
      line: Math.max(1, laatste),
      column: 1,
      message: `${v.regel}: {{${v.pad}}} ontbreekt in de ${info.naam}`,
      hint: `zet bijvoorbeeld '${v.voorbeeld}' in de brief`,
    });
  }
  return fouten;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

// -- Filling and rendering -------------------------------------------------------------------------

export interface BriefTermijn {
  naam: string;
  label: string;
  vervaldatum: IsoDate;
  uitleg: string[];
  grondslag?: string | null;
}

export interface BriefInvoer {
  intent: Intent;
  /**
   * The moment the letter is made: its date (docs/brieven-en-dossier.md; a step registered on a later day than it was
   * done gets no letter at all). Awb 9:12 lid 2: the second line it names is the one of the act's day.
   */
  at: string;
  /**
   * The moment of the step that asked for the letter (the history row's `at`): the day the act was decided. A letter
   * made later (the store was down) still names it, e.g. the day of a verdaging (Awb 9:11 lid 2).
   */
  stapOp: string;
  /** The gemeente of the klacht's definition (the successor's name comes with the intent after a merger). */
  gemeenteNaam: string;
  klacht: { id: string; ontvangenOp: string; onderwerp?: string | null; aanbieder?: string | null };
  /** The klacht's termijnen as the engine explained them (TermijnView.uitleg). */
  termijnen: BriefTermijn[];
}

export type BriefGegevens = Record<string, unknown>;

const tekst = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);
const teksten = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : tekst(v) ? [v as string] : [];
const datum = (v: unknown): string | undefined =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? leesbareDatum(v.slice(0, 10)) : undefined;

const TERMIJN_ALS_TEKST = (t: BriefTermijn) => ({
  label: t.label,
  vervaldatum: leesbareDatum(t.vervaldatum),
  uitleg: t.uitleg,
  grondslag: t.grondslag ?? undefined,
});

/**
 * The data a letter is filled with. The second line and the responsible gemeente come from the intent as
 * the engine wrote it on the letter's date (tweede-lijn-tijdlijn.ts, via the compiler): never looked up again.
 */
export function briefGegevens(invoer: BriefInvoer, kalenderdagVan: (at: string) => IsoDate): BriefGegevens {
  const d = invoer.intent.data ?? {};
  const dag = kalenderdagVan(invoer.at);
  const afhandeling =
    invoer.termijnen.find((t) => t.naam === 'afhandeling') ?? invoer.termijnen.find((t) => t.naam === 'aanbiederAfhandeling');
  const conclusies = teksten(d.conclusies);
  return {
    datum: leesbareDatum(dag),
    aan: invoer.intent.naar ?? 'klager',
    grondslag: invoer.intent.grondslag,
    gemeente: { naam: tekst(d.verantwoordelijkeGemeente) ?? invoer.gemeenteNaam },
    klacht: {
      kenmerk: invoer.klacht.id,
      ontvangenOp: leesbareDatum(kalenderdagVan(invoer.klacht.ontvangenOp)),
      onderwerp: invoer.klacht.onderwerp ?? undefined,
      aanbieder: invoer.klacht.aanbieder ?? undefined,
    },
    termijnen: invoer.termijnen.map(TERMIJN_ALS_TEKST),
    afhandeltermijn: afhandeling ? TERMIJN_ALS_TEKST(afhandeling) : undefined,
    tweedeLijn: tekst(d.tweedeLijn)
      ? { naam: d.tweedeLijn, soort: tekst(d.tweedeLijnSoort), termijn: tekst(d.tweedeLijnTermijn) }
      : undefined,
    oordeel: oordeelInWoorden(d.oordeel, 'oordeel'),
    bevindingen: tekst(d.bevindingen),
    // Without stated conclusions the measures are the conclusions drawn (Awb 9:12 lid 1).
    conclusies: conclusies.length ? conclusies : teksten(d.maatregelen),
    maatregelen: teksten(d.maatregelen),
    advies: oordeelInWoorden(d.advies, 'advies'),
    redenAfwijking: tekst(d.redenAfwijking),
    adviescommissie: tekst(d.adviescommissie),
    verdaging:
      invoer.intent.type === 'KENNISGEVING_VERDAGING'
        ? {
            termijn: invoer.termijnen.find((t) => t.naam === d.termijn)?.label ?? tekst(d.termijn),
            duur: tekst(d.duur) ? beschrijfDuur(d.duur as string) : undefined,
            nieuweVervaldatum: datum(d.nieuweVervaldatum),
            reden: tekst(d.reden),
            // Awb 9:11 lid 2: the day of the decision, before the termijn ended, even in a letter made after it.
            besloten: leesbareDatum(kalenderdagVan(invoer.stapOp)),
          }
        : undefined,
    nietBehandelen: tekst(d.grond)
      ? { grond: d.grond, artikel: tekst(d.artikel), omschrijving: nietBehandelgrondOmschrijving(d.grond) }
      : undefined,
    doorzending: tekst(d.doorgezondenAan)
      ? { aan: doorzendingAan(d.doorgezondenAan as string, tekst(d.aanbieder)), aanbieder: tekst(d.aanbieder) }
      : undefined,
  };
}

/** Renders a checked template to the letter's HTML body (escaped: klager text never becomes markup). */
export function renderBriefHtml(bron: string, gegevens: BriefGegevens): string {
  const sjabloon = Handlebars.compile(bron, {
    knownHelpers: { if: true, unless: true, each: true, with: true },
    knownHelpersOnly: true,
    noEscape: false,
    strict: false,
  });
  return sjabloon(gegevens, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
}

/** A whole HTML document around a rendered body. */
export function briefDocument(titel: string, body: string): string {
  const esc = Handlebars.Utils.escapeExpression;
  return (
    '<!doctype html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n' +
    `<title>${esc(titel)}</title>\n` +
    '<style>body{font-family:Helvetica,Arial,sans-serif;max-width:42em;margin:2em auto;line-height:1.45}h1{font-size:1.4em}h2{font-size:1.15em}</style>\n' +
    `</head>\n<body>\n${body}\n</body>\n</html>\n`
  );
}

/** The fields the law requires of this letter that the data leaves empty (e.g. AFDOENEN without bevindingen). */
export function ontbrekendeGegevens(soort: BriefSoort, gegevens: BriefGegevens): string[] {
  return BRIEF_SOORTEN[soort].verplicht
    .map((v) => v.pad)
    .filter((pad) => {
      const w = pad
        .split('.')
        .reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), gegevens);
      return w === undefined || w === null || w === '' || (Array.isArray(w) && w.length === 0);
    });
}
