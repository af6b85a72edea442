import { getal, getalOfNull, jaNee, lijst, moment, object, ref, tekst, tekstOfNull, datum, type Schema } from '../../common/openapi-schema';
import { TERMIJN_STATUSSEN } from '../termijnen/termijn.entity';
import { DEFINITIE_SAMENVATTING_SCHEMA } from '../definities/definitie.schema';

/** OpenAPI schemas of the process-owner API responses of this module (tijdlijn, procesoverzichten, voorbeelden). */

const band = tekst({ nullable: true, enum: ['overdue', 'nearlyDue', 'onTime', null] });

/** Tijdlijn (tijdlijn.controller.ts). */
export const TIJDLIJN_SCHEMA: Schema = object({
  klacht: object({
    id: tekst({ format: 'uuid' }),
    gemeente: tekst(),
    gemeenteNaam: tekst({ example: 'Amsterdam' }),
    onderwerp: tekstOfNull(),
    definitieId: tekst(),
    definitieVersie: tekst(),
    state: tekst(),
    stateOmschrijving: tekst(),
    done: jaNee(),
    soort: tekst(),
    kanaal: tekst(),
    ontvangenOp: moment(),
    aanbieders: lijst(ref('AanbiederDto')),
    categorie: tekstOfNull(),
    oorzaak: tekstOfNull(),
    afdoening: tekstOfNull(),
    oordeel: tekstOfNull(),
    teLaat: jaNee({ description: 'Een verplichting is over haar termijn en nog niet nagekomen (docs/te-laat.md).' }),
  }),
  gebeurtenissen: lijst(
    object({
      type: tekst(),
      omschrijving: tekst(),
      at: moment(),
      van: tekstOfNull(),
      vanOmschrijving: tekstOfNull(),
      naar: tekst(),
      naarOmschrijving: tekst(),
      actor: tekst(),
      actorNaam: tekst({ description: 'De naam van de sleutel, of de medewerker achter een OIDC-token.' }),
    }),
  ),
  termijnen: lijst(
    object({
      naam: tekst(),
      label: tekst(),
      vervaldatum: datum(),
      status: tekst({ enum: [...TERMIJN_STATUSSEN] }),
      uitleg: lijst(tekst()),
      grondslag: tekstOfNull(),
      escalatieNaar: tekstOfNull(),
      mutaties: lijst(ref('MutatieDto')),
      beeindigdOp: moment({ nullable: true }),
      teLaat: jaNee(),
      voor: tekstOfNull({
        enum: ['aanbieder', 'gemeente', null],
        description: 'Van wie een contact-termijn is (aanbieder of gemeente; TermijnViewDto.voor); null bij elke andere termijn.',
      }),
    }),
  ),
  op: moment({ description: 'Het moment waarover volgendeEvents gaan: op uit het verzoek, anders nu volgens Klachtregie.' }),
  volgendeEvents: lijst(
    object({
      type: tekst(),
      omschrijving: tekst(),
      'termijnKeuze?': object(
        {
          veld: tekst({ description: 'Het dataveld dat de termijn noemt.', example: 'termijn' }),
          termijnen: lijst(tekst(), {
            description:
              'De termijnen die de gebeurtenis op het moment op kan noemen: die waarmee de klachtregeling haar op dat moment aanneemt ' +
              '(niet een termijn die pas later ging lopen of toen al verstreken was; geen verdaging na de laatste dag, Awb 9:11 lid 2). ' +
              'Leeg: op dat moment geen.',
          }),
        },
        {
          description:
            'Alleen bij een gebeurtenis die een termijn noemt (VERDAGEN, UITSTEL_MET_INSTEMMING, OPSCHORTEN, HERVATTEN, NIEUWE_TERMIJN).',
        },
      ),
    }),
    { description: 'Wat er op het moment op kan gebeuren.' },
  ),
});

export const PROCESOVERZICHTEN_SCHEMA: Schema = lijst(DEFINITIE_SAMENVATTING_SCHEMA);

const stateTelling = {
  state: tekst(),
  count: getal(),
  overdue: getal(),
  nearlyDue: getal(),
  onTime: getal(),
  medianDays: getalOfNull(),
};

/** Procesoverzicht (procesoverzicht.service.ts). */
export const PROCESOVERZICHT_SCHEMA: Schema = object({
  definitie: DEFINITIE_SAMENVATTING_SCHEMA,
  titel: tekst(),
  peildatum: moment(),
  bijnaDagen: getal(),
  totaal: getal(),
  states: lijst(object({ ...stateTelling, label: tekst(), 'fase?': tekst(), 'faseLabel?': tekst(), type: tekst(), 'parent?': tekst() })),
  onbekend: lijst(object(stateTelling)),
});

/** The klachten in one state (queryKlachtenInState). */
export const KLACHTEN_IN_TOESTAND_SCHEMA: Schema = object({
  state: tekst(),
  label: tekst(),
  klachten: lijst(
    object({
      id: tekst({ format: 'uuid' }),
      state: tekst(),
      ontvangenOp: moment(),
      soort: tekst(),
      kanaal: tekst(),
      aanbieders: tekst({ description: 'Namen van de aanbieders, met komma gescheiden.' }),
      categorie: tekstOfNull(),
      termijn: tekstOfNull(),
      vervaldatum: datum({ nullable: true }),
      band,
      sinds: moment({ nullable: true }),
    }),
  ),
});

const padZin = object({ van: tekst(), naar: tekst(), event: tekst(), zin: tekst(), 'grondslag?': tekst(), termijnen: lijst(tekst()) });

/** PadenOverzicht (paden.service.ts). */
export const PADEN_SCHEMA: Schema = object({
  definitie: object({ id: tekst(), versie: tekst(), gemeente: tekst() }),
  aantal: getal(),
  afgekapt: jaNee(),
  groepen: lijst(
    object({
      route: tekst({ example: 'gemeente' }),
      routeOmschrijving: tekst({ example: 'Behandeling door de gemeente (Awb titel 9.1)' }),
      lijn: tekst({ enum: ['eersteLijn', 'tweedeLijn', 'bijzondereRoute'] }),
      lijnOmschrijving: tekst({ example: 'eerste lijn' }),
      uitkomst: tekst({ example: 'afgesloten' }),
      uitkomstOmschrijving: tekst({ example: 'Afgesloten' }),
      aantal: getal(),
      paden: lijst(getal(), { description: 'De nummers van de routes in deze groep (zie paden[].nummer).' }),
    }),
    { description: 'De routes per ontvangstroute, lijn en uitkomst, met aantallen.' },
  ),
  paden: lijst(object({ nummer: getal(), eind: tekst(), eindOmschrijving: tekst(), stappen: lijst(padZin) })),
});

/** Voorbeeld (voorbeeld.service.ts). */
export const VOORBEELD_SCHEMA: Schema = object({
  geldig: jaNee(),
  bestand: tekst({ example: 'definitions/gm0363-amsterdam/2026-01.yaml' }),
  fouten: lijst(ref('DefinitieFoutDto')),
  waarschuwingen: lijst(ref('DefinitieFoutDto'), {
    description: 'Bevindingen die de definitie niet ongeldig maken, maar waarschijnlijk niet bedoeld zijn (ernst: waarschuwing).',
  }),
  'svg?': tekst(),
  'states?': lijst(tekst()),
});

const gemeenteMetNaam: Schema = object({ code: tekst({ example: 'GM0363' }), naam: tekst({ example: 'Amsterdam' }) });

/** GET /ik (werkvoorraad.controller.ts). */
export const IK_SCHEMA: Schema = object({
  rol: tekst(),
  gemeente: gemeenteMetNaam,
  aanbiederId: tekstOfNull(),
  aanbiederGemeente: object(
    { code: tekst({ example: 'GM0457' }), naam: tekst({ example: 'Weesp' }) },
    {
      nullable: true,
      description:
        'Bij een aanbieder: de gemeente die zijn id koos (een aanbieder is gemeente + id). Na een herindeling kan een sleutel van de opvolger voor een aanbieder van de opgeheven gemeente spreken (Wet arhi art. 40): gemeente GM0363, aanbiederGemeente GM0457; de klachten, rapportages en registraties van de sleutel zijn die van die gemeente. Anders null.',
    },
  ),
  naam: tekst({ description: 'De naam van de sleutel, of de medewerker achter een OIDC-token.' }),
  nu: moment({
    description:
      'Het moment van nu volgens Klachtregie; de pagina’s stellen dit voor als tijdstip van een stap en als einde van een rapportage.',
  }),
});

/** GET /intake-vragen (werkvoorraad.service.ts). */
export const INTAKE_VRAGEN_SCHEMA: Schema = object({
  gemeente: object(
    { code: tekst({ example: 'GM0363' }), naam: tekst({ example: 'Amsterdam' }) },
    {
      description:
        'De gemeente waarvoor de klacht wordt geregistreerd (gemeente in POST /klachten): de eigen, of bij een aanbieder de gemeente die zijn id koos (aanbiederGemeente van GET /ik).',
    },
  ),
  nu: moment({ description: 'Het moment van nu volgens Klachtregie; een formulier stelt dit voor als moment van ontvangst.' }),
  op: datum({ description: 'De ontvangstdag waarvoor de vragen gelden.' }),
  definitie: object({ id: tekst({ example: 'gm0363-amsterdam' }), versie: tekst() }),
  kanalen: lijst(tekst(), { description: 'De waarden van kanaal in POST /klachten.' }),
  ingediendBij: lijst(tekst(), { description: 'De waarden van ingediendBij in POST /klachten.' }),
  soorten: lijst(tekst(), { description: 'De waarden van soort in POST /klachten.' }),
  aanbiederTypes: lijst(tekst(), { description: 'De waarden van aanbieders[].type in POST /klachten.' }),
  feiten: lijst(
    object({
      naam: tekst({ example: 'eerderBijAanbieder' }),
      type: tekst({ enum: ['boolean', 'getal', 'tekst', 'keuze'] }),
      omschrijving: tekst(),
      'waarden?': lijst(tekst(), { description: 'Bij type keuze: de toegestane waarden.' }),
    }),
  ),
});

/** GET /werkvoorraad (werkvoorraad.service.ts). */
export const WERKVOORRAAD_SCHEMA: Schema = object({
  gemeente: gemeenteMetNaam,
  peildatum: moment(),
  bijnaDagen: getal(),
  resultaten: lijst(
    object({
      id: tekst({ format: 'uuid' }),
      gemeente: gemeenteMetNaam,
      onderwerp: tekstOfNull(),
      state: tekst(),
      stateOmschrijving: tekst(),
      soort: tekst(),
      ontvangenOp: moment(),
      aanbieders: lijst(ref('AanbiederDto')),
      teLaat: jaNee(),
      band,
      eersteTermijn: object({ label: tekst(), vervaldatum: datum(), vervaltOp: moment() }, { nullable: true }),
    }),
  ),
  keuzes: object({
    toestanden: lijst(object({ state: tekst(), omschrijving: tekst() })),
    aanbieders: lijst(object({ id: tekst(), naam: tekst() })),
  }),
});

/** POST /klachten/{id}/gebeurtenis-gevolgen (werkvoorraad.service.ts). */
export const GEBEURTENIS_GEVOLGEN_SCHEMA: Schema = object({
  type: tekst(),
  omschrijving: tekst(),
  van: object({ state: tekst(), omschrijving: tekst() }),
  naar: object({ state: tekst(), omschrijving: tekst() }),
  afgerond: jaNee(),
  termijnen: lijst(
    object({
      naam: tekst(),
      label: tekst(),
      // verloopt: passes before the act (an expiry the registration runs first, Awb 9:11 lid 1); `van` is the stand after it.
      gevolg: tekst({
        enum: ['verloopt', 'nieuw', 'verschoven', 'stopt', 'blijft'],
        description:
          'verloopt: de termijn verstrijkt vóór de gebeurtenis (een verloop dat de registratie eerst uitvoert); de andere: wat de gebeurtenis doet met de termijnen in van.',
      }),
      voor: tekstOfNull({
        enum: ['aanbieder', 'gemeente', null],
        description:
          'Van wie een contact-termijn is (aanbieder of gemeente); null bij elke andere termijn. Zelfde naam, andere partij: een andere termijn.',
      }),
      vervaldatumNu: datum({ nullable: true }),
      vervaldatum: datum({ nullable: true }),
      uitleg: lijst(tekst()),
      grondslag: tekstOfNull(),
    }),
  ),
});

/** GET /procesoverzichten/kerncijfers (procesoverzicht.service.ts). */
export const KERNCIJFERS_SCHEMA: Schema = object({
  gemeente: gemeenteMetNaam,
  peildatum: moment(),
  bijnaDagen: getal(),
  open: getal(),
  teLaat: getal(),
  bijnaVerlopen: getal(),
  ontvangenDezeMaand: getal(),
});
