/**
 * The zod schema of a definition (docs/definities.md, validation stage 1). It mirrors `types.ts` exactly
 * (checked at compile time at the bottom of this file) and is the single source of the JSON Schema
 * in `definitions/klachtregie-definitie.schema.json` that editors use, so every field carries a Dutch
 * description for the beleidsmedewerker. `strictObject` everywhere: an unknown key is an error,
 * never silently ignored (a typo like `afhandeltermijn` must not drop a legal term).
 */
import { z } from 'zod';
import type {
  Bewaartermijnen,
  BijzonderRegime,
  Definitie,
  EersteLijn,
  FeitDeclaratie,
  FeitTest,
  Herinnering,
  JeugdwetRegime,
  Rapportage,
  RapportagePeriode,
  Registratie,
  Signalen,
  Stappen,
  TermijnDefinitie,
  TweedeLijnInstantie,
  Voorwaarde,
  WkkgzRegime,
} from './types';

/** One unit, as the law writes a term: days, weeks, months or years (no hours: Atw art. 4). */
export const DUUR_PATROON = /^P[1-9][0-9]{0,4}[DWMY]$/;
export const CBS_CODE_PATROON = /^GM\d{4}$/;
export const MAAND_DAG_PATROON = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const FEIT_NAAM_PATROON = /^[a-z][A-Za-z0-9]*$/;

/**
 * Roles that receive reminders, escalations, reports and decisions. A closed list, so a typo
 * (`leidinggevde`) is caught before a reminder goes nowhere.
 */
export const BEKENDE_ROLLEN = [
  'behandelaar',
  'leidinggevende',
  'college',
  'contractmanager',
  'klachtenfunctionaris',
  'klachtencoordinator',
  'klachtenteam',
  'teamGeschilbeslechting',
  'beleidsafdeling',
  'kcc',
  'toezichthouder',
  'aanbieder',
] as const;
export type Rol = (typeof BEKENDE_ROLLEN)[number];

export const AANBIEDER_TYPES = ['wmo', 'jeugdhulp', 'zorg', 'overig'] as const;

const duur = (omschrijving: string) =>
  z.string().regex(DUUR_PATROON).describe(`${omschrijving} ISO 8601-duur met één eenheid: P5D, P6W, P1M of P1Y.`);
const datum = (omschrijving: string) => z.iso.date().describe(`${omschrijving} Datum als JJJJ-MM-DD.`);
const rol = (omschrijving: string) => z.enum(BEKENDE_ROLLEN).describe(omschrijving);

// -- Condition language -------------------------------------------------------------------------

export const feitTestSchema = z
  .strictObject({
    feit: z.string().describe('Naam van een feit uit `feiten`. Zonder vergelijking betekent het: dit feit is waar.'),
    is: z.union([z.string(), z.number(), z.boolean()]).optional().describe('Het feit heeft precies deze waarde.'),
    in: z
      .array(z.union([z.string(), z.number()]))
      .min(1)
      .optional()
      .describe('Het feit heeft een van deze waarden.'),
    minimaal: z.number().optional().describe('Het feit (een getal) is minstens zo groot.'),
    maximaal: z.number().optional().describe('Het feit (een getal) is hooguit zo groot.'),
  })
  .describe('Toets op één feit, met hooguit één vergelijking (is, in, minimaal of maximaal).');

export const voorwaardeSchema: z.ZodType<Voorwaarde> = z
  .lazy(() =>
    z
      .union([
        z.strictObject({ alle: z.array(voorwaardeSchema).min(1).describe('Alle voorwaarden moeten gelden (en).') }),
        z.strictObject({ een: z.array(voorwaardeSchema).min(1).describe('Minstens één voorwaarde moet gelden (of).') }),
        z.strictObject({ niet: voorwaardeSchema.describe('Deze voorwaarde mag niet gelden.') }),
        feitTestSchema,
      ])
      .meta({ id: 'VoorwaardeVorm', description: 'Voorwaarde: alle (en), een (of), niet, of een toets op één feit.' }),
  )
  .meta({ id: 'Voorwaarde' });

export const feitDeclaratieSchema = z.strictObject({
  type: z.enum(['boolean', 'getal', 'tekst', 'keuze']).describe('Soort waarde: boolean (ja/nee), getal, tekst of keuze.'),
  waarden: z.array(z.string()).min(1).optional().describe('Bij type keuze: de toegestane waarden.'),
  omschrijving: z.string().min(1).describe('Wat dit feit betekent, in de woorden van de regeling.'),
});

// -- Termijnen ----------------------------------------------------------------------------------

export const herinneringSchema = z.strictObject({
  voor: duur('Hoe lang vóór de vervaldatum de herinnering gaat, bijvoorbeeld P1W.'),
  naar: rol('Wie de herinnering krijgt.'),
});

export const termijnSchema = z.strictObject({
  label: z.string().min(1).describe('Naam van de termijn voor mensen, bijvoorbeeld Afhandeltermijn.'),
  duur: duur('Lengte van de termijn.'),
  rekenwijze: z.enum(['kalenderdagen', 'werkdagen']).describe('Tellen in kalenderdagen (weken, maanden) of in werkdagen.'),
  atw: z
    .boolean()
    .describe(
      'Verlengt de Algemene termijnenwet de termijn tot de eerstvolgende werkdag? Alleen wettelijke termijnen van hooguit 12 weken (Atw art. 1 en 4).',
    ),
  verdagingMax: duur('Hoeveel de termijn hooguit verdaagd mag worden (Awb 9:11 lid 2: P4W). Weglaten = geen verdaging.').optional(),
  verdagingKennisgevingVoorVerloop: z
    .boolean()
    .optional()
    .describe(
      'Verdaging vraagt een schriftelijke kennisgeving vóór het verlopen van de termijn (Wkkgz 17 lid 2; naar analogie Awb 9:11 lid 2).',
    ),
  herinneringen: z.array(herinneringSchema).optional().describe('Herinneringen vóór de vervaldatum.'),
  escalatieNaar: rol('Wie een melding krijgt als de termijn verstrijkt, bijvoorbeeld leidinggevende.').optional(),
  grondslag: z.string().min(1).describe('Wettelijke of contractuele bron, bijvoorbeeld "Awb 9:11 lid 1".'),
  opschorting: z
    .strictObject({
      grondslag: z.string().min(1).describe('Waarop de opschorting berust, bijvoorbeeld "Klachtenprotocol Wmo keten §6 (contractueel)".'),
    })
    .optional()
    .describe(
      'Mag deze termijn worden opgeschort (en hervat)? Alleen voor contractuele termijnen: een wettelijke termijn zoals Awb 9:11 kent alleen verdaging en uitstel met instemming van de klager.',
    ),
  geldtVoor: z
    .array(z.enum(['aanbieder', 'gemeente']))
    .min(1)
    .optional()
    .describe(
      'Alleen bij contact: voor wiens behandeling de termijn geldt: aanbieder (een contractafspraak, zoals Klachtenprotocol Wmo keten Amsterdam §6), gemeente (de eigen klachtenregeling: de klachtbehandelaar neemt contact op) of beide. Weglaten = aanbieder.',
    ),
});

// -- Steps, routing, second line ----------------------------------------------------------------

export const stappenSchema = z.strictObject({
  informeleFase: z.boolean().describe('Eerst informeel oplossen (Awb 9:5: naar tevredenheid opgelost = klaar).'),
  mediation: z
    .strictObject({
      toegestaan: z.boolean().describe('Mediation is mogelijk.'),
      instemmingVereist: z.literal(true).describe('Alleen met instemming van de klager (altijd true).'),
    })
    .optional()
    .describe('Mediation als de klager instemt (Uitgangspunten klachtenmanagement Sociaal Domein §11-IV).'),
  klachtadviescommissie: z
    .union([z.literal(false), z.strictObject({ naam: z.string().min(1).describe('Naam van de commissie of persoon.') })])
    .optional()
    .describe('Klachtadviesprocedure (Awb afdeling 9.1.3); maakt de afhandeltermijn 10 weken (Awb 9:11 lid 1).'),
  vierOgen: z
    .boolean()
    .optional()
    .describe('Een tweede medewerker kijkt naar de afdoening (4-ogen, Uitgangspunten klachtenmanagement Sociaal Domein §1D).'),
  tevredenheidscheck: z.boolean().optional().describe('Nagaan of de klager tevreden is met oplossing en behandeling.'),
  horen: z.boolean().describe('Hoorzitting (Awb 9:10), met de uitzonderingen van 9:10 lid 2.'),
});

export const eersteLijnSchema = z.strictObject({
  standaard: z
    .enum(['aanbieder', 'gemeente'])
    .describe('Waar een klacht standaard behandeld wordt ("klaag daar waar het is misgegaan": aanbieder).'),
  doorsturenNaarAanbieder: voorwaardeSchema
    .optional()
    .describe('Wanneer de gemeente een klacht doorstuurt naar de aanbieder (warme doorverwijzing).'),
  behandelingDoorGemeente: voorwaardeSchema.optional().describe('Wanneer de gemeente de klacht zelf behandelt; gaat vóór doorsturen.'),
  klachtOverGemeente: voorwaardeSchema
    .optional()
    .describe(
      'Wanneer de klacht over een gedraging van de gemeente zelf gaat (een gemeentelijke functionaris, beleid): dan behandelt de gemeente haar volgens Awb titel 9.1, ook als er een jeugdhulp- of zorgaanbieder genoemd wordt (Jeugdwet 4.2.1 en de Wkkgz gaan alleen over de aanbieder).',
    ),
  gemeenteLoket: z.string().min(1).describe('Wie bij de gemeente registreert en routeert: KCC, Klachtenteam, klachtencoördinator.'),
  klachtOverAfhandelingAanbiederBijGemeente: z
    .boolean()
    .describe('Wie ontevreden is over de afhandeling door de aanbieder, kan bij de gemeente klagen over het proces.'),
  terugkoppelingAanbieder: z
    .array(z.enum(['registratie', 'behandeling', 'afdoening', 'maatregelen', 'terugkoppelingKlager', 'tevredenheid']))
    .optional()
    .describe(
      'Wat de aanbieder per klacht aan de gemeente terugmeldt: de registratie, de behandeling, de afdoening, de (te nemen) maatregelen, de terugkoppeling aan de klager en of de klager tevreden is.',
    ),
});

export const tweedeLijnSchema = z.strictObject({
  soort: z
    .enum(['nationaleOmbudsman', 'lokaleOmbudsman', 'gezamenlijkeOmbudsman', 'ombudscommissie'])
    .describe('Soort tweedelijnsvoorziening (Awb 9:17, Gemeentewet 81p).'),
  naam: z.string().min(1).describe('Naam, bijvoorbeeld Nationale ombudsman.'),
  geldigVanaf: datum('Eerste dag waarop deze voorziening bevoegd is. Een eigen ombudsman begint op 1 januari (GemW 81p lid 2).'),
  geldigTot: datum('Laatste dag (inclusief). Een eigen ombudsman eindigt op 31 december (GemW 81p lid 3).').optional(),
  bevoegdOverAanbieders: z
    .boolean()
    .describe('Onderzoekt deze voorziening ook gedragingen van gecontracteerde aanbieders? (docs/juridisch-kader.md §10)'),
  nationaleOmbudsmanGeinformeerdOp: datum(
    'Eigen ombudsman of ombudscommissie: de dag waarop het instellingsbesluit de Nationale ombudsman bereikte; vóór 1 juli van het jaar vóór de instelling (GemW 81p lid 2). Verplicht als de voorziening binnen de geldigheid van deze versie begint.',
  ).optional(),
  opheffingNationaleOmbudsmanGeinformeerdOp: datum(
    'Eigen ombudsman of ombudscommissie: de dag waarop het opheffingsbesluit de Nationale ombudsman bereikte; vóór 1 juli van het jaar waarin de voorziening eindigt (GemW 81p lid 3). Verplicht als de voorziening binnen de geldigheid van deze versie eindigt.',
  ).optional(),
});

// -- Special regimes ----------------------------------------------------------------------------

export const jeugdwetRegimeSchema = z.strictObject({
  regime: z.literal('jeugdwetKlachtencommissie').describe('Klachtencommissie van de jeugdhulpaanbieder (Jeugdwet 4.2.1).'),
  oordeelTermijn: duur('Termijn voor het oordeel van de commissie, volgens de regeling van de aanbieder (Jeugdwet 4.2.1 lid 2 sub c).'),
  reactieTermijn: duur('Schriftelijke reactie van de aanbieder op het oordeel: één maand (Jeugdwet 4.2.1 lid 5).'),
});

export const wkkgzRegimeSchema = z.strictObject({
  regime: z.literal('wkkgz').describe('Klachtenregeling van de zorgaanbieder (Wkkgz).'),
  afhandelTermijn: duur('Schriftelijke uitkomst binnen 6 weken na indiening (Wkkgz 17 lid 1).'),
  verdagingMax: duur('Verlenging met hooguit 4 weken (Wkkgz 17 lid 2).'),
  geschilTermijn: duur('Uitspraak van de geschilleninstantie binnen 6 maanden (Wkkgz 22).'),
  geschilleninstantie: z.string().min(1).describe('Naam van de erkende geschilleninstantie (Wkkgz 18).'),
  geschilVoorleggenTermijn: duur(
    'Hoe lang de klager na de schriftelijke uitkomst (Wkkgz 17 lid 1) het geschil aan de geschilleninstantie kan voorleggen (Wkkgz 21 lid 1 sub b); daarna wordt de klacht afgesloten. De wet noemt geen termijn: zonder dit veld P1Y, naar het reglement van de geschilleninstantie (De Geschillencommissie Zorg: binnen een jaar na de klacht bij de zorgaanbieder), hier gerekend vanaf de uitkomst.',
  ).optional(),
});

export const bijzonderRegimeSchema = z.discriminatedUnion('regime', [jeugdwetRegimeSchema, wkkgzRegimeSchema]);

export const bijzondereRegimesSchema = z
  .strictObject({
    wmo: bijzonderRegimeSchema.optional().describe('Regime voor Wmo-aanbieders.'),
    jeugdhulp: bijzonderRegimeSchema.optional().describe('Regime voor jeugdhulpaanbieders: jeugdwetKlachtencommissie.'),
    zorg: bijzonderRegimeSchema.optional().describe('Regime voor zorgaanbieders (Zvw, Wlz, BIG-zorg): wkkgz.'),
    overig: bijzonderRegimeSchema.optional().describe('Regime voor overige aanbieders.'),
  })
  .describe('Wettelijke regimes per soort aanbieder die de Awb-behandeling vervangen.');

// -- Signalen, reporting, retention -------------------------------------------------------------

export const signalenSchema = z.strictObject({
  naarCollegeOnverwijld: voorwaardeSchema
    .optional()
    .describe('Wanneer een klacht of signaal onverwijld naar het college gaat (Uitgangspunten klachtenmanagement Sociaal Domein §11-VI).'),
  behandelaar: rol(
    'Wie signalen en meldingen behandelt die niet over een persoon gaan (Uitgangspunten klachtenmanagement Sociaal Domein §11-IV: beleidsafdeling).',
  ),
  meldingenNaar: rol('Calamiteiten en geweld gaan onverwijld naar de toezichthouder (Wmo 3.4, Jeugdwet 4.1.8, Wkkgz 11).').optional(),
});

export const rapportagePeriodeSchema = z.strictObject({
  periodeTot: z
    .string()
    .regex(MAAND_DAG_PATROON)
    .describe('Laatste dag van de periode (MM-DD), bijvoorbeeld 04-30 voor "tot en met 30 april".'),
  deadline: z
    .string()
    .regex(MAAND_DAG_PATROON)
    .describe(
      'De rapportage moet binnen zijn vóór deze dag (MM-DD), bijvoorbeeld 07-01 voor "vóór 1 juli". Valt de datum eerder in het jaar dan periodeTot, dan is het die dag in het jaar erna.',
    ),
});

/**
 * Awb 9:12a: a statement of where else the yearly overview is published must name the publication, not just say
 * "elders" (the lint refuses a shorter one, with a clear message; zod's own message would call it empty).
 */
export const JAARVERSLAG_ELDERS_MIN = 20;

export const rapportageSchema = z.strictObject({
  aanbieders: z
    .strictObject({
      cadans: z.enum(['kwartaal', 'halfjaar', 'jaar']).describe('Hoe vaak aanbieders rapporteren.'),
      perioden: z
        .array(rapportagePeriodeSchema)
        .min(1)
        .optional()
        .describe(
          'Per rapportage: de laatste dag van de periode en de dag waarvóór de rapportage binnen moet zijn. Een periode begint de dag na het einde van de vorige; tussen het einde van de periode en de deadline heeft de aanbieder tijd om te rapporteren.',
        ),
      deadlines: z
        .array(z.string().regex(MAAND_DAG_PATROON).describe('MM-DD, bijvoorbeeld 07-01 voor "vóór 1 juli".'))
        .optional()
        .describe(
          'Verouderd: alleen uiterste data (MM-DD), elke periode eindigt dan de dag vóór de deadline en de aanbieder heeft geen tijd. Gebruik perioden.',
        ),
      herinneringVoor: duur('Herinnering zo lang vóór een deadline.').optional(),
      naar: rol('Wie de rapportage ontvangt, bijvoorbeeld contractmanager.'),
      inhoud: z
        .array(z.enum(['aard', 'oorzaak', 'afwikkeling', 'maatregelen', 'termijnen', 'tevredenheid']))
        .min(1)
        .describe('Waarnaar de rapportage is uitgesplitst.'),
    })
    .optional()
    .describe('Rapportage van aanbieders aan de gemeente.'),
  jaarverslag: z.boolean().describe('Jaarlijkse publicatie van geregistreerde schriftelijke klachten (Awb 9:12a).'),
  jaarverslagElders: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe(
      `Alleen bij jaarverslag: false: waar de gemeente de geregistreerde schriftelijke klachten zelf jaarlijks publiceert (Awb 9:12a), met titel en vindplaats, minstens ${JAARVERSLAG_ELDERS_MIN} tekens; bijvoorbeeld "Jaarverslag gemeente Zeist, hoofdstuk Klachten (zeist.nl/jaarverslag)". Zonder deze zin geeft jaarverslag: false een waarschuwing.`,
    ),
});

/** A registration value: short, so it fits the klacht's column and a report's row label. */
export const REGISTRATIE_WAARDE_MAX = 100;
const registratieLijst = (omschrijving: string) =>
  z
    .array(
      z
        .string()
        .trim()
        .min(1)
        .max(REGISTRATIE_WAARDE_MAX)
        .describe('Eén waarde zoals hij in de rapportage verschijnt (hooguit 100 tekens).'),
    )
    .min(1)
    .optional()
    .describe(`${omschrijving} Weglaten = dit veld wordt niet geregistreerd.`);

export const registratieSchema = z
  .strictObject({
    aard: registratieLijst('Waarover de klacht gaat (aard of categorie), bijvoorbeeld bejegening, bereikbaarheid.'),
    oorzaak: registratieLijst('Waardoor het misging, bijvoorbeeld planning, personeelstekort.'),
    afwikkeling: registratieLijst('Hoe de klacht is afgewikkeld, bijvoorbeeld excuses, uitleg, herstel dienstverlening.'),
    maatregelen: registratieLijst('Maatregelen die naar aanleiding van de klacht zijn of worden getroffen.'),
    tevredenheid: z
      .array(z.string().trim().min(1).max(REGISTRATIE_WAARDE_MAX))
      .min(2)
      .optional()
      .describe(
        'Of de klager tevreden is. Moet tevreden en ontevreden bevatten (die vullen KLAGER_TEVREDEN en KLAGER_ONTEVREDEN); weglaten = alleen die twee.',
      ),
  })
  .describe(
    'Waardenlijsten voor de registratie per klacht, waarnaar de rapportages tellen (Stichtse Vecht art. 11.1: naar aard en oorzaak, met afwikkeling en maatregelen; Amsterdam §5A en §6: tevredenheid). Een waarde buiten de lijst wordt geweigerd.',
  );

export const bewaartermijnenSchema = z.strictObject({
  gemeente: duur('Bewaartermijn bij de gemeente na afsluiten (Selectielijst 13.1: P5Y).'),
  viaOmbudsman: duur('Bewaartermijn als de klacht via de ombudsman liep (Selectielijst 13.1.2: P10Y).').optional(),
  aanbieder: duur('Contractuele bewaartermijn bij de aanbieder (Amsterdam: P2Y).').optional(),
});

// -- The definition -----------------------------------------------------------------------------

export const definitieSchema = z
  .strictObject({
    gemeente: z
      .strictObject({
        cbsCode: z.string().regex(CBS_CODE_PATROON).describe('CBS-gemeentecode, bijvoorbeeld GM0363.'),
        naam: z.string().min(1).describe('Naam van de gemeente.'),
        neemtOver: z
          .array(
            z.strictObject({
              cbsCode: z.string().regex(CBS_CODE_PATROON).describe('CBS-code van de opgeheven gemeente.'),
              naam: z.string().min(1).describe('Naam van de opgeheven gemeente.'),
              vanaf: datum('Eerste dag waarop deze regeling haar klachten behandelt.'),
            }),
          )
          .optional()
          .describe('Gemeenten waarvan deze regeling de klachten overneemt (herindeling).'),
      })
      .describe('De gemeente waarvoor deze regeling geldt.'),
    versie: z.string().min(1).describe('Versie; gelijk aan de bestandsnaam zonder .yaml, bijvoorbeeld 2024-01.'),
    geldigVanaf: datum('Eerste dag waarop deze versie geldt.'),
    geldigTot: datum('Laatste dag waarop deze versie geldt (inclusief). Weglaten = tot een nieuwe versie.').optional(),
    bron: z.string().min(1).describe('De regeling die hier is vastgelegd, met datum.'),
    kalender: z
      .strictObject({
        sluitingsdagen: z.array(datum('Sluitingsdag.')).optional().describe('Dagen waarop de gemeente dicht is (geen werkdag).'),
      })
      .optional()
      .describe('Gemeentelijke kalender voor termijnen in werkdagen.'),
    feiten: z
      .record(z.string().regex(FEIT_NAAM_PATROON), feitDeclaratieSchema)
      .describe('De feiten waarop voorwaarden toetsen, met hun soort waarde.'),
    eersteLijn: eersteLijnSchema.describe('Eerstelijns klachtbehandeling: aanbieder of gemeente, en de routering.'),
    termijnen: z
      .record(z.string().regex(FEIT_NAAM_PATROON), termijnSchema)
      .describe(
        'Benoemde termijnen. Verplicht: afhandeling, nietBehandelenKennisgeving, tweedeLijnVerzoek. Optioneel onder meer reactieKlager: hoe lang de klager na de afdoening door de aanbieder kan reageren (tevreden, ontevreden, klacht bij de gemeente) waar de tweede lijn niet over aanbieders oordeelt; daarna wordt de klacht afgesloten (tevredenheid niet bereikt). Waar de tweede lijn wel over aanbieders oordeelt, begrenst het jaar na de afdoening (Awb 9:24 lid 1 sub a) dat wachten.',
      ),
    stappen: stappenSchema.describe('Welke stappen de behandeling kent.'),
    tweedeLijn: z
      .array(tweedeLijnSchema)
      .min(1)
      .describe('De tweedelijnsvoorziening(en) met hun geldigheid: op elke dag precies één (Gemeentewet 81p).'),
    bijzondereRegimes: bijzondereRegimesSchema.optional(),
    signalen: signalenSchema.optional().describe('Signalen en meldingen die niet over een persoon gaan.'),
    stoppenMetLeveren: z
      .strictObject({
        beslistermijn: duur('Termijn waarbinnen de gemeente beslist.'),
        besluitDoor: rol('Wie namens de gemeente beslist.'),
      })
      .optional()
      .describe('Protocol stoppen met leveren: de aanbieder vraagt, de gemeente beslist (Klachtenprotocol Wmo keten Amsterdam §8).'),
    rapportage: rapportageSchema.describe('Rapportage door aanbieders en het jaarverslag.'),
    registratie: registratieSchema.optional(),
    bewaartermijnen: bewaartermijnenSchema.describe('Hoe lang dossiers bewaard worden.'),
  })
  .meta({
    title: 'Klachtregie-definitie',
    description: 'De klachtenregeling van één gemeente, één versie (docs/definities.md).',
  });

// -- Compile-time proof that the schema matches types.ts ---------------------------------------
// Assignability catches wrong types; the key checks catch a field forgotten in the schema (an
// optional field missing from the schema would still be assignable).
type Assert<T extends true> = T;
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;
type Infer = z.infer<typeof definitieSchema>;
type NN<T> = NonNullable<T>;
export type _SchemaMatchesTypes = [
  Assert<Infer extends Definitie ? true : false>,
  Assert<SameKeys<Infer, Definitie>>,
  Assert<SameKeys<Infer['gemeente'], Definitie['gemeente']>>,
  Assert<SameKeys<z.infer<typeof feitTestSchema>, FeitTest>>,
  Assert<SameKeys<z.infer<typeof feitDeclaratieSchema>, FeitDeclaratie>>,
  Assert<SameKeys<z.infer<typeof termijnSchema>, TermijnDefinitie>>,
  Assert<SameKeys<z.infer<typeof herinneringSchema>, Herinnering>>,
  Assert<SameKeys<z.infer<typeof stappenSchema>, Stappen>>,
  Assert<SameKeys<z.infer<typeof eersteLijnSchema>, EersteLijn>>,
  Assert<SameKeys<z.infer<typeof tweedeLijnSchema>, TweedeLijnInstantie>>,
  Assert<SameKeys<z.infer<typeof jeugdwetRegimeSchema>, JeugdwetRegime>>,
  Assert<SameKeys<z.infer<typeof wkkgzRegimeSchema>, WkkgzRegime>>,
  Assert<z.infer<typeof bijzonderRegimeSchema> extends BijzonderRegime ? true : false>,
  Assert<SameKeys<z.infer<typeof signalenSchema>, Signalen>>,
  Assert<SameKeys<z.infer<typeof rapportageSchema>, Rapportage>>,
  Assert<SameKeys<NN<z.infer<typeof rapportageSchema>['aanbieders']>, NN<Rapportage['aanbieders']>>>,
  Assert<SameKeys<z.infer<typeof rapportagePeriodeSchema>, RapportagePeriode>>,
  Assert<SameKeys<z.infer<typeof bewaartermijnenSchema>, Bewaartermijnen>>,
  Assert<SameKeys<z.infer<typeof registratieSchema>, Registratie>>,
  Assert<SameKeys<NN<Infer['stoppenMetLeveren']>, NN<Definitie['stoppenMetLeveren']>>>,
  Assert<SameKeys<NN<Infer['kalender']>, NN<Definitie['kalender']>>>,
  Assert<SameKeys<NN<Infer['bijzondereRegimes']>, Record<(typeof AANBIEDER_TYPES)[number], unknown>>>,
];
