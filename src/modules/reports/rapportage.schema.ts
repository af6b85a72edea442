import { datum, getal, jaNee, lijst, moment, object, tekst, tekstOfNull, type Schema } from '../../common/openapi-schema';

/** OpenAPI schemas of the report responses (rapportage.service.ts, rapportage.repository.ts). */
const telling = object({ waarde: tekst(), aantal: getal() });
/** An aanbieder is gemeente + id (Wet arhi art. 40 e.v.): each per-aanbieder figure names the gemeente that chose the id. */
const aanbiederGemeente = tekst({
  example: 'GM0363',
  description: 'De gemeente (CBS-code) wier klachten dit telt en die de aanbieder-id koos; na een herindeling is dezelfde id van de opgeheven gemeente een andere aanbieder.',
});

export const RAPPORTAGE_SCHEMA: Schema = object({
  gemeente: tekst({ example: 'GM0363' }),
  gemeenten: lijst(tekst(), { description: 'De gemeenten wier klachten de rapportage telt: de gemeente en elke gemeente die uiterlijk op de laatste dag van de periode in haar opging.' }),
  periode: object({ van: datum(), tot: datum() }),
  filters: object({ 'aanbieder?': tekst(), 'aanbiederGemeente?': tekst(), 'aard?': tekst(), 'oorzaak?': tekst(), 'kanaal?': tekst() }),
  drempel: getal(),
  gegenereerdOp: moment(),
  peildatum: moment({ description: 'Het moment waarop de cijfers staan (te laat, open of afgerond, oordeel, registratie): bij een rapportage op verzoek het moment waarop zij is gemaakt.' }),
  cijfers: object({
    totaal: getal(),
    perAanbieder: lijst(object({ gemeente: aanbiederGemeente, waarde: tekst(), aantal: getal(), naam: tekst() })),
    perAard: lijst(telling),
    perOorzaak: lijst(telling),
    perKanaal: lijst(telling),
    perAfdoening: lijst(telling),
    perOordeel: lijst(telling),
    perTermijn: lijst(telling),
    perTevredenheid: lijst(telling),
    maatregelen: lijst(telling),
    regels: lijst(
      object({
        gemeente: aanbiederGemeente,
        aanbiederId: tekst(),
        aanbiederNaam: tekst(),
        aard: tekst(),
        oorzaak: tekst(),
        aantal: getal(),
        gegrond: getal(),
        deelsGegrond: getal(),
        ongegrond: getal(),
        zonderOordeel: getal(),
        opTijd: getal(),
        naVerdaging: getal(),
        teLaat: getal(),
        teLaatAfgehandeld: getal(),
        lopend: getal(),
        tevreden: getal(),
        nietTevreden: getal(),
        maatregelen: lijst(tekst()),
        terugkerend: jaNee(),
      }),
    ),
    terugkerend: lijst(object({ gemeente: aanbiederGemeente, aanbiederId: tekst(), aanbiederNaam: tekst(), aard: tekst(), aantal: getal() })),
  }),
});

export const JAAROVERZICHT_SCHEMA: Schema = object({
  gemeente: tekst(),
  jaar: getal(),
  schriftelijk: getal({ description: 'Geregistreerde schriftelijke klachten (Awb 9:12a).' }),
  perAard: lijst(telling),
  perOordeel: lijst(telling),
  perAfdoening: lijst(telling),
});

export const RAPPORTAGE_MOMENT_SCHEMA: Schema = object({
  soort: tekst(),
  cadans: tekst(),
  periodeVan: datum(),
  periodeTot: datum(),
  deadline: datum(),
  herinnering: datum({ nullable: true }),
  naar: tekst(),
  label: tekst(),
  herinneringVerzondenOp: moment({ nullable: true }),
  verwerktOp: moment({ nullable: true }),
});

const opgeslagenLeden = {
  id: tekst({ format: 'uuid' }),
  gemeente: tekst({
    example: 'GM0363',
    description:
      'De gemeente van het rapportagemoment (haar planning), ook bij de rapportage van één aanbieder. Na een herindeling ziet de gemeente die blijft ook die van de opgeheven gemeente (Wet arhi art. 40 e.v.).',
  }),
  soort: tekst(),
  aanbiederId: tekst({ description: 'De aanbieder over wie de rapportage gaat, of * voor de rapportage van de hele gemeente (en het jaaroverzicht).' }),
  aanbiederGemeente: tekstOfNull({
    example: 'GM0457',
    description:
      'De gemeente (CBS-code) die de aanbieder-id koos: een aanbieder is gemeente + id. Na de herindeling rapporteren de aanbieders van Weesp (GM0457) ook op de momenten van Amsterdam (gemeente GM0363), elk naast de aanbieder van Amsterdam met dezelfde id (Wet samenvoeging Amsterdam en Weesp; Wet arhi art. 40). Leeg (null) bij de rapportage van de hele gemeente.',
  }),
  periodeVan: datum(),
  periodeTot: datum(),
  deadline: datum(),
  label: tekst(),
  gegenereerdOp: moment({ description: 'Wanneer de rapportage is gemaakt (de taak van de deadline kan later lopen).' }),
  peildatum: moment({
    nullable: true,
    description:
      'Het moment waarop de cijfers staan: 00:00 op de deadline, ook als de rapportage later is gemaakt (termijnen, afgerond, oordeel en registratie zoals ze toen waren). Leeg (onbekend) voor rapportages die zijn bewaard voordat Klachtregie dit vastlegde.',
  }),
};
export const OPGESLAGEN_RAPPORTAGE_SCHEMA: Schema = object(opgeslagenLeden);
export const OPGESLAGEN_RAPPORTAGE_MET_INHOUD_SCHEMA: Schema = object({
  ...opgeslagenLeden,
  inhoud: { type: 'object', additionalProperties: true, description: 'De rapportage zoals op de deadline gemaakt.' },
});

export const AANBIEDER_RAPPORTAGE_ONTVANGEN_SCHEMA: Schema = object({
  id: tekst({ format: 'uuid' }),
  deadline: datum(),
  aanbiederGemeente: tekst({ example: 'GM0363', description: 'De gemeente die de aanbieder-id koos: de inlevering telt voor de rapportage van die gemeente (gemeente + id).' }),
  ingediendOp: moment({
    description: 'De eerste inzending voor deze deadline: op tijd als Klachtregie haar vóór 00:00 op de deadline ontving (contract art. 11.1, "vóór 1 juli"). Een vervanging houdt dit moment.',
  }),
  laatstIngediendOp: moment({
    description: 'Wanneer de inhoud die nu geldt is ontvangen: deze inzending. Gelijk aan ingediendOp bij een eerste inzending; ligt het na de deadline, dan is de inhoud die nu geldt niet op tijd ingediend.',
  }),
});
