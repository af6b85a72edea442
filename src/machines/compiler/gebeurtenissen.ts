/**
 * The event vocabulary of every compiled regime: type, Dutch description, data fields, and the data
 * variants the graph check sends to explore guarded transitions (design.md §4: SCREAMING_SNAKE).
 */
export const OORDELEN = ['gegrond', 'ongegrond', 'deelsGegrond', 'geenOordeel'] as const;
export type Oordeel = (typeof OORDELEN)[number];

/** Awb 9:8 lid 1 sub a–f and lid 2: grounds to decline handling. */
export const NIET_BEHANDELGRONDEN = {
  eerderBehandeld: 'Awb 9:8 lid 1 sub a',
  ouderDanEenJaar: 'Awb 9:8 lid 1 sub b',
  bezwaarMogelijk: 'Awb 9:8 lid 1 sub c',
  beroepMogelijk: 'Awb 9:8 lid 1 sub d',
  rechterlijkeProcedure: 'Awb 9:8 lid 1 sub e',
  strafrechtelijkOnderzoek: 'Awb 9:8 lid 1 sub f',
  onvoldoendeBelang: 'Awb 9:8 lid 2',
} as const;

/** Awb 9:10 lid 2 sub a–c: hearing the klager may be skipped. */
export const HOREN_UITZONDERINGEN = {
  kennelijkOngegrond: { grondslag: 'Awb 9:10 lid 2 sub a', omschrijving: 'de klacht is kennelijk ongegrond' },
  afgezien: { grondslag: 'Awb 9:10 lid 2 sub b', omschrijving: 'de klager heeft verklaard geen gebruik te willen maken van het recht gehoord te worden' },
  nietGereageerd: { grondslag: 'Awb 9:10 lid 2 sub c', omschrijving: 'de klager heeft niet binnen de gestelde redelijke termijn verklaard gehoord te willen worden' },
} as const;

/** Wkkgz 21 lid 1 sub a and c: direct access to the geschilleninstantie. */
export const GESCHIL_GRONDEN = {
  klachtregelingNietNageleefd: 'Wkkgz 21 lid 1 sub a',
  nietRedelijk: 'Wkkgz 21 lid 1 sub c',
} as const;

export interface GebeurtenisInfo {
  omschrijving: string;
  /** Data fields: name -> Dutch explanation (`?` = optional). */
  data: Record<string, string>;
  /** Static data variants the graph check tries (dynamic ones, e.g. per running termijn, are added there). */
  varianten?: Array<Record<string, unknown>>;
}

export const GEBEURTENISSEN: Record<string, GebeurtenisInfo> = {
  KLACHT_ONTVANGEN: { omschrijving: 'klacht, signaal of melding ontvangen', data: { intake: 'IntakeInput (gemeente, kanaal, ontvangenOp, ingediendBij, soort, aanbieders, feiten)' } },
  AANBIEDER_NEEMT_IN_BEHANDELING: { omschrijving: 'de aanbieder neemt de doorgestuurde klacht in behandeling', data: {} },
  CONTACT_OPGENOMEN: { omschrijving: 'contact met de klager opgenomen', data: {} },
  FORMELE_BEHANDELING: { omschrijving: 'informele afhandeling lukt niet: formele behandeling', data: {} },
  IN_BEHANDELING_NEMEN: { omschrijving: 'klacht in behandeling genomen', data: { 'beklaagde?': 'de persoon op wiens gedraging de klacht betrekking heeft' } },
  NIET_BEHANDELEN: {
    omschrijving: 'besloten de klacht niet te behandelen',
    data: { grond: Object.keys(NIET_BEHANDELGRONDEN).join(' | ') },
    varianten: [{ grond: 'ouderDanEenJaar' }],
  },
  ONDERZOEK_AFGEROND: { omschrijving: 'onderzoek afgerond (definitie zonder hoorzitting)', data: {} },
  HOREN_UITNODIGEN: { omschrijving: 'klager en beklaagde uitgenodigd om gehoord te worden', data: {} },
  HOORZITTING_GEHOUDEN: { omschrijving: 'hoorzitting gehouden', data: {} },
  VERSLAG_VASTGESTELD: { omschrijving: 'verslag van het horen vastgesteld', data: {} },
  HOREN_OVERSLAAN: {
    omschrijving: 'afgezien van het horen van de klager',
    data: { reden: Object.keys(HOREN_UITZONDERINGEN).join(' | ') },
    varianten: Object.keys(HOREN_UITZONDERINGEN).map((reden) => ({ reden })),
  },
  ADVIES_UITGEBRACHT: { omschrijving: 'klachtadviescommissie heeft advies uitgebracht', data: { advies: OORDELEN.join(' | ') }, varianten: [{ advies: 'gegrond' }] },
  MEDIATION_STARTEN: { omschrijving: 'mediation gestart', data: { instemmingKlager: 'true: de klager stemt in' }, varianten: [{ instemmingKlager: true }] },
  MEDIATION_GESLAAGD: { omschrijving: 'mediation geslaagd, klager tevreden', data: {} },
  MEDIATION_MISLUKT: { omschrijving: 'mediation mislukt', data: {} },
  VIER_OGEN_AKKOORD: { omschrijving: 'tweede beoordelaar akkoord met de afdoening', data: {} },
  VIER_OGEN_NIET_AKKOORD: { omschrijving: 'tweede beoordelaar niet akkoord: opnieuw beoordelen', data: {} },
  AFDOENEN: {
    omschrijving: 'klacht afgedaan met een schriftelijk, gemotiveerd oordeel',
    data: { oordeel: OORDELEN.join(' | '), 'redenAfwijking?': 'reden als het oordeel afwijkt van het advies (Awb 9:16)', 'maatregelen?': 'getroffen of te treffen maatregelen' },
    varianten: [{ oordeel: 'gegrond' }],
  },
  KLAGER_TEVREDEN: { omschrijving: 'klager is tevreden', data: {} },
  KLAGER_ONTEVREDEN: { omschrijving: 'klager is niet tevreden', data: {} },
  KLACHT_BIJ_GEMEENTE: { omschrijving: 'klager, ontevreden over de afhandeling door de aanbieder, klaagt bij de gemeente', data: {} },
  KLACHT_INGETROKKEN: { omschrijving: 'klager trekt de klacht (of het verzoek bij de tweede lijn) in', data: { 'reden?': 'reden' } },
  VERDAGEN: { omschrijving: 'termijn verdaagd (schriftelijke mededeling)', data: { termijn: 'naam van de termijn', duur: 'ISO 8601-duur, bijv. P4W', 'reden?': 'reden' } },
  UITSTEL_MET_INSTEMMING: {
    omschrijving: 'verder uitstel met schriftelijke instemming van de klager',
    data: { termijn: 'naam van de termijn', tot: 'afgesproken datum JJJJ-MM-DD', 'reden?': 'reden' },
  },
  OPSCHORTEN: { omschrijving: 'termijn opgeschort', data: { termijn: 'naam van de termijn', 'reden?': 'reden' } },
  HERVATTEN: { omschrijving: 'termijn hervat', data: { termijn: 'naam van de termijn' } },
  NIEUWE_TERMIJN: { omschrijving: 'met redenen een nieuwe termijn gesteld', data: { termijn: 'naam van de termijn', tot: 'nieuwe datum JJJJ-MM-DD', reden: 'de redenen' } },
  TERMIJN_VERLOPEN: { omschrijving: 'termijn verstreken', data: { termijn: 'naam van de termijn' } },
  VERZOEK_OMBUDSMAN: { omschrijving: 'klager dient een verzoekschrift in bij de tweede lijn', data: {} },
  OMBUDSMAN_INFORMATIEVRAAG: { omschrijving: 'informatievraag van de ombudsman', data: { 'termijn?': 'door de ombudsman gestelde termijn JJJJ-MM-DD' } },
  OMBUDSMAN_INTERVENTIEVERZOEK: { omschrijving: 'interventieverzoek van de ombudsman', data: {} },
  OMBUDSMAN_EIGEN_ONDERZOEK: { omschrijving: 'de ombudsman stelt een onderzoek uit eigen beweging in', data: {} },
  OMBUDSMAN_DOORGEZONDEN: { omschrijving: 'de ombudsman zendt de klacht door voor interne behandeling', data: {} },
  OMBUDSMAN_NIET_IN_BEHANDELING: { omschrijving: 'de ombudsman neemt het verzoek niet in behandeling', data: { 'reden?': 'reden' } },
  RAPPORT_OMBUDSMAN: {
    omschrijving: 'rapport van de ombudsman met bevindingen en oordeel',
    data: { aanbevelingen: 'true als het rapport aanbevelingen doet', 'oordeel?': 'het oordeel' },
    varianten: [{ aanbevelingen: true }, { aanbevelingen: false }],
  },
  REACTIE_OP_AANBEVELINGEN: {
    omschrijving: 'de gemeente laat de ombudsman weten hoe zij de aanbevelingen opvolgt',
    data: { volgen: 'true | false', 'motivering?': 'verplicht als de aanbeveling niet wordt gevolgd' },
    varianten: [{ volgen: true }],
  },
  OORDEEL_KLACHTENCOMMISSIE: { omschrijving: 'klachtencommissie geeft haar oordeel', data: { oordeel: OORDELEN.join(' | '), 'aanbevelingen?': 'aanbevelingen' }, varianten: [{ oordeel: 'gegrond' }] },
  REACTIE_AANBIEDER: { omschrijving: 'aanbieder deelt mee of en welke maatregelen hij neemt', data: { 'maatregelen?': 'de maatregelen' } },
  STRUCTURELE_SITUATIE: { omschrijving: 'klacht betreft een ernstige situatie met een structureel karakter', data: {} },
  GESCHIL_VOORGELEGD: { omschrijving: 'geschil voorgelegd aan de geschilleninstantie', data: { 'grond?': Object.keys(GESCHIL_GRONDEN).join(' | ') + ' (nodig vóór de schriftelijke uitkomst)' } },
  UITSPRAAK_GESCHILLENINSTANTIE: { omschrijving: 'geschilleninstantie doet uitspraak', data: { 'uitspraak?': 'de uitspraak' } },
  SIGNAAL_AFGEHANDELD: { omschrijving: 'signaal afgehandeld', data: {} },
  MELDING_AFGEHANDELD: { omschrijving: 'melding afgehandeld', data: {} },
  BESTUURLIJKE_IMPACT_MELDEN: {
    omschrijving: 'de klacht blijkt tijdens de behandeling bestuurlijke impact te hebben: onverwijld aan het college',
    data: { reden: 'waarom de klacht bestuurlijke aandacht vraagt' },
    varianten: [{ reden: 'publiciteit verwacht' }],
  },
  OMBUDSMAN_CONTACT_AANBIEDER: {
    omschrijving: 'de ombudsman heeft zich rechtstreeks tot de aanbieder gewend; de aanbieder meldt het de gemeente',
    data: { 'aanbieder?': 'id of naam van de aanbieder', 'onderwerp?': 'waarover' },
  },
  OMBUDSMAN_NEEMT_ZELF_IN_BEHANDELING: {
    omschrijving: 'de ombudsman behandelt een bij hem ingediende klacht bij uitzondering zelf (Awb 9:20 lid 1)',
    data: { 'reden?': 'waarom interne klachtbehandeling niet van de klager kan worden gevergd' },
  },
  BESLUIT_STOPPEN_MET_LEVEREN: { omschrijving: 'de gemeente beslist op het verzoek om te stoppen met leveren', data: { besluit: 'toegestaan | afgewezen' }, varianten: [{ besluit: 'toegestaan' }, { besluit: 'afgewezen' }] },
};

export function omschrijvingVan(type: string): string {
  return GEBEURTENISSEN[type]?.omschrijving ?? type;
}
