/**
 * The event vocabulary of every compiled regime: type, Dutch description, data fields, and the data
 * variants the graph check sends to explore guarded transitions (docs/adr/0004-durable-klacht-engine.md: SCREAMING_SNAKE).
 */
import type { OngeldigVeld } from '../contract';

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
  afgezien: {
    grondslag: 'Awb 9:10 lid 2 sub b',
    omschrijving: 'de klager heeft verklaard geen gebruik te willen maken van het recht gehoord te worden',
  },
  nietGereageerd: {
    grondslag: 'Awb 9:10 lid 2 sub c',
    omschrijving: 'de klager heeft niet binnen de gestelde redelijke termijn verklaard gehoord te willen worden',
  },
} as const;

/** Wkkgz 21 lid 1 sub a and c: direct access to the geschilleninstantie. */
export const GESCHIL_GRONDEN = {
  klachtregelingNietNageleefd: 'Wkkgz 21 lid 1 sub a',
  nietRedelijk: 'Wkkgz 21 lid 1 sub c',
} as const;

/**
 * How a data field of an event is checked before the regime steps (a wrong value is a validation
 * problem naming the field, never "this event does not fit now"):
 * - `tekst`: non-empty text; `teksten`: text or a list of texts;
 * - `keuze`: one of `waarden`; `jaNee`: true or false; `waar`: must be true;
 * - `duur`: ISO 8601 duration in one unit (P4W); `datum`: JJJJ-MM-DD;
 * - `termijn`: the name of a termijn of the definition (whether it runs now is the state's business);
 * - `intake`: the intake itself (system only); `registratie`: checked against the gemeente's lists.
 */
export const VELD_SOORTEN = ['tekst', 'teksten', 'keuze', 'jaNee', 'waar', 'duur', 'datum', 'termijn', 'intake', 'registratie'] as const;
export type VeldSoort = (typeof VELD_SOORTEN)[number];

export interface DataVeld {
  naam: string;
  verplicht: boolean;
  soort: VeldSoort;
  omschrijving: string;
  /** For `keuze`: the allowed values. */
  waarden?: readonly string[];
  /**
   * For `datum`: the day something happened (a receipt), not a day agreed for later. It cannot lie before the event
   * it comes with, nor after the day it is registered: a typing error there (2062 for 2026) would otherwise move a
   * termijn that runs from it decades ahead, and nothing would ever be late on it.
   */
  gebeurd?: true;
}

export interface GebeurtenisInfo {
  omschrijving: string;
  /** Data fields: name -> Dutch explanation (`?` = optional); derived from `velden`. */
  data: Record<string, string>;
  /** The data fields with how they are checked. */
  velden: DataVeld[];
  /** Static data variants the graph check tries (dynamic ones, e.g. per running termijn, are added there). */
  varianten?: Array<Record<string, unknown>>;
}

/** A data field (required unless `?` ends the name). */
function veld(naam: string, soort: VeldSoort, omschrijving: string, waarden?: readonly string[]): DataVeld {
  const verplicht = !naam.endsWith('?');
  return { naam: naam.replace(/\?$/, ''), verplicht, soort, omschrijving, ...(waarden ? { waarden } : {}) };
}

/**
 * Every event may carry `registratie` (aard, oorzaak, afwikkeling, maatregelen, tevredenheid),
 * checked against the lists of the klacht's definition version (src/machines/registratie.ts).
 */
export const REGISTRATIE_VELD: DataVeld = veld(
  'registratie?',
  'registratie',
  'registratie van de klacht: { aard, oorzaak, afwikkeling, maatregelen: [..], tevredenheid }, elk uit de lijsten van de gemeente',
);

function info(omschrijving: string, velden: DataVeld[] = [], varianten?: Array<Record<string, unknown>>): GebeurtenisInfo {
  const data: Record<string, string> = {};
  for (const v of velden)
    data[v.verplicht ? v.naam : `${v.naam}?`] = v.waarden
      ? `${v.waarden.join(' | ')}${v.omschrijving ? ` (${v.omschrijving})` : ''}`
      : v.omschrijving;
  return { omschrijving, data, velden, ...(varianten ? { varianten } : {}) };
}

const reden = veld('reden?', 'tekst', 'reden');
const termijnNaam = veld('termijn', 'termijn', 'naam van de termijn');
/**
 * On the hoofdklacht's event: the request was filed as a klacht of its own (POST /klachten/{id}/ombudsman-verzoeken), which
 * gives the loket the task; the hoofdklacht only records that the ombudsman asked (one task per request, Awb 9:31).
 */
const verzoekKlacht = veld(
  'verzoekKlacht?',
  'tekst',
  'id van de eigen klacht van het verzoek (POST /klachten/{id}/ombudsman-verzoeken zet het): die geeft het loket de opdracht',
);

export const GEBEURTENISSEN: Record<string, GebeurtenisInfo> = {
  KLACHT_ONTVANGEN: info('klacht, signaal of melding ontvangen', [
    veld('intake', 'intake', 'IntakeInput (gemeente, kanaal, ontvangenOp, ingediendBij, soort, aanbieders, feiten)'),
  ]),
  AANBIEDER_NEEMT_IN_BEHANDELING: info('de aanbieder neemt de doorgestuurde klacht in behandeling'),
  CONTACT_OPGENOMEN: info('contact met de klager opgenomen'),
  FORMELE_BEHANDELING: info('informele afhandeling lukt niet: formele behandeling'),
  IN_BEHANDELING_NEMEN: info('klacht in behandeling genomen', [
    veld('beklaagde?', 'tekst', 'de persoon op wiens gedraging de klacht betrekking heeft'),
  ]),
  NIET_BEHANDELEN: info(
    'besloten de klacht niet te behandelen',
    [veld('grond', 'keuze', 'Awb 9:8', Object.keys(NIET_BEHANDELGRONDEN))],
    [{ grond: 'ouderDanEenJaar' }],
  ),
  ONDERZOEK_AFGEROND: info('onderzoek afgerond (definitie zonder hoorzitting)'),
  HOREN_UITNODIGEN: info('klager en beklaagde uitgenodigd om gehoord te worden'),
  HOORZITTING_GEHOUDEN: info('hoorzitting gehouden'),
  VERSLAG_VASTGESTELD: info('verslag van het horen vastgesteld'),
  HOREN_OVERSLAAN: info(
    'afgezien van het horen van de klager',
    [veld('reden', 'keuze', 'Awb 9:10 lid 2', Object.keys(HOREN_UITZONDERINGEN))],
    Object.keys(HOREN_UITZONDERINGEN).map((r) => ({ reden: r })),
  ),
  ADVIES_UITGEBRACHT: info(
    'klachtadviescommissie heeft advies uitgebracht',
    [veld('advies', 'keuze', 'Awb 9:15 lid 4', OORDELEN)],
    [{ advies: 'gegrond' }],
  ),
  MEDIATION_STARTEN: info(
    'mediation gestart',
    [veld('instemmingKlager', 'waar', 'true: de klager stemt in')],
    [{ instemmingKlager: true }],
  ),
  MEDIATION_GESLAAGD: info('mediation geslaagd, klager tevreden'),
  MEDIATION_MISLUKT: info('mediation mislukt'),
  VIER_OGEN_AKKOORD: info('tweede beoordelaar akkoord met de afdoening'),
  VIER_OGEN_NIET_AKKOORD: info('tweede beoordelaar niet akkoord: opnieuw beoordelen'),
  AFDOENEN: info(
    'klacht afgedaan met een schriftelijk, gemotiveerd oordeel',
    [
      veld('oordeel', 'keuze', 'Awb 9:12 lid 1', OORDELEN),
      veld('redenAfwijking?', 'tekst', 'reden als het oordeel afwijkt van het advies (Awb 9:16)'),
      veld('maatregelen?', 'teksten', 'getroffen of te treffen maatregelen, voor de brief'),
      veld('bevindingen?', 'tekst', 'de bevindingen van het onderzoek, voor de brief (Awb 9:12 lid 1)'),
      veld('conclusies?', 'teksten', 'de conclusies die aan het oordeel worden verbonden, voor de brief (Awb 9:12 lid 1)'),
    ],
    [{ oordeel: 'gegrond' }],
  ),
  KLAGER_TEVREDEN: info('klager is tevreden'),
  KLAGER_ONTEVREDEN: info('klager is niet tevreden'),
  KLACHT_BIJ_GEMEENTE: info('klager, ontevreden over de afhandeling door de aanbieder, klaagt bij de gemeente'),
  AANBIEDER_CONTRACT_BEEINDIGD: info(
    'het contract met de aanbieder is beëindigd en de dossiers zijn overgedragen: de gemeente neemt de lopende klacht over (Klachtenprotocol Wmo keten Amsterdam §9)',
  ),
  KLACHT_INGETROKKEN: info('klager trekt de klacht (of het verzoek bij de tweede lijn) in', [reden]),
  VERDAGEN: info('termijn verdaagd (schriftelijke mededeling)', [termijnNaam, veld('duur', 'duur', 'ISO 8601-duur, bijv. P4W'), reden]),
  UITSTEL_MET_INSTEMMING: info('verder uitstel met schriftelijke instemming van de klager', [
    termijnNaam,
    veld('tot', 'datum', 'afgesproken datum JJJJ-MM-DD'),
    reden,
  ]),
  OPSCHORTEN: info('termijn opgeschort', [termijnNaam, reden]),
  HERVATTEN: info('termijn hervat', [termijnNaam]),
  NIEUWE_TERMIJN: info('met redenen een nieuwe termijn gesteld', [
    termijnNaam,
    veld('tot', 'datum', 'nieuwe datum JJJJ-MM-DD'),
    veld('reden', 'tekst', 'de redenen'),
  ]),
  TERMIJN_VERLOPEN: info('termijn verstreken', [termijnNaam]),
  VERZOEK_OMBUDSMAN: info('klager dient een verzoekschrift in bij de tweede lijn'),
  OMBUDSMAN_INFORMATIEVRAAG: info('informatievraag van de ombudsman', [
    veld('termijn?', 'datum', 'door de ombudsman gestelde termijn JJJJ-MM-DD'),
    verzoekKlacht,
  ]),
  OMBUDSMAN_INTERVENTIEVERZOEK: info('interventieverzoek van de ombudsman', [verzoekKlacht]),
  // Awb 9:31 lid 1: the bestuursorgaan answers "binnen een door hem te bepalen termijn": the ombudsman sets the date, and
  // may set another one; the request's klacht then runs to that date (its reminders and escalation move with it).
  OMBUDSMAN_TERMIJN_GEWIJZIGD: info('de ombudsman stelt een andere datum voor het antwoord op zijn verzoek (Awb 9:31 lid 1)', [
    veld('tot', 'datum', 'de nieuwe datum die de ombudsman stelde, JJJJ-MM-DD'),
    reden,
  ]),
  OMBUDSMAN_EIGEN_ONDERZOEK: info('de ombudsman stelt een onderzoek uit eigen beweging in', [verzoekKlacht]),
  OMBUDSMAN_DOORGEZONDEN: info('de ombudsman zendt de klacht door voor interne behandeling', [verzoekKlacht]),
  INFORMATIE_VERSTREKT: info('de gemeente heeft de ombudsman de gevraagde inlichtingen en stukken verstrekt (Awb 9:31)', [
    veld('toelichting?', 'tekst', 'wat is verstrekt, of wat om gewichtige redenen niet (Awb 9:31 lid 2)'),
  ]),
  INTERVENTIE_AFGEROND: info('de gemeente heeft het interventieverzoek van de ombudsman uitgevoerd en hem dat gemeld (Awb 9:31)', [
    veld('toelichting?', 'tekst', 'wat er is gedaan'),
  ]),
  OMBUDSMAN_NIET_IN_BEHANDELING: info('de ombudsman neemt het verzoek niet in behandeling', [reden]),
  RAPPORT_OMBUDSMAN: info(
    'rapport van de ombudsman met bevindingen en oordeel',
    [veld('aanbevelingen', 'jaNee', 'true als het rapport aanbevelingen doet'), veld('oordeel?', 'tekst', 'het oordeel')],
    [{ aanbevelingen: true }, { aanbevelingen: false }],
  ),
  REACTIE_OP_AANBEVELINGEN: info(
    'de gemeente laat de ombudsman weten hoe zij de aanbevelingen opvolgt',
    [
      veld('volgen', 'jaNee', 'true | false'),
      veld('motivering?', 'tekst', 'verplicht als de aanbeveling niet wordt gevolgd (Awb 9:36 lid 3)'),
    ],
    [{ volgen: true }],
  ),
  OORDEEL_KLACHTENCOMMISSIE: info(
    'klachtencommissie geeft haar oordeel',
    [
      veld('oordeel', 'keuze', 'Jeugdwet 4.2.1', OORDELEN),
      veld('aanbevelingen?', 'teksten', 'aanbevelingen'),
      {
        ...veld(
          'ontvangenDoorAanbieder?',
          'datum',
          'dag waarop de jeugdhulpaanbieder het oordeel ontving, JJJJ-MM-DD (Jeugdwet 4.2.1 lid 5: zijn maand loopt vanaf dan; zonder: vanaf het oordeel)',
        ),
        gebeurd: true,
      },
    ],
    [{ oordeel: 'gegrond' }],
  ),
  REACTIE_AANBIEDER: info('aanbieder deelt mee of en welke maatregelen hij neemt', [veld('maatregelen?', 'teksten', 'de maatregelen')]),
  STRUCTURELE_SITUATIE: info('klacht betreft een ernstige situatie met een structureel karakter'),
  GESCHIL_VOORGELEGD: info('geschil voorgelegd aan de geschilleninstantie', [
    veld('grond?', 'keuze', 'nodig vóór de schriftelijke uitkomst, Wkkgz 21 lid 1', Object.keys(GESCHIL_GRONDEN)),
  ]),
  UITSPRAAK_GESCHILLENINSTANTIE: info('geschilleninstantie doet uitspraak', [veld('uitspraak?', 'tekst', 'de uitspraak')]),
  SIGNAAL_AFGEHANDELD: info('signaal afgehandeld'),
  MELDING_AFGEHANDELD: info('melding afgehandeld'),
  BESTUURLIJKE_IMPACT_MELDEN: info(
    'de klacht blijkt tijdens de behandeling bestuurlijke impact te hebben: onverwijld aan het college',
    [veld('reden', 'tekst', 'waarom de klacht bestuurlijke aandacht vraagt')],
    [{ reden: 'publiciteit verwacht' }],
  ),
  OMBUDSMAN_CONTACT_AANBIEDER: info('de ombudsman heeft zich rechtstreeks tot de aanbieder gewend; de aanbieder meldt het de gemeente', [
    veld('aanbieder?', 'tekst', 'id of naam van de aanbieder'),
    veld('onderwerp?', 'tekst', 'waarover'),
  ]),
  OMBUDSMAN_NEEMT_ZELF_IN_BEHANDELING: info('de ombudsman behandelt een bij hem ingediende klacht bij uitzondering zelf (Awb 9:20 lid 1)', [
    veld('reden?', 'tekst', 'waarom interne klachtbehandeling niet van de klager kan worden gevergd'),
  ]),
  BESLUIT_STOPPEN_MET_LEVEREN: info(
    'de gemeente beslist op het verzoek om te stoppen met leveren',
    [veld('besluit', 'keuze', 'besluit van de gemeente', ['toegestaan', 'afgewezen'])],
    [{ besluit: 'toegestaan' }, { besluit: 'afgewezen' }],
  ),
};

/** Events only Klachtregie sends itself: expiry comes from the termijn table, the intake from POST /klachten. */
export const SYSTEEM_GEBEURTENISSEN: ReadonlySet<string> = new Set(['TERMIJN_VERLOPEN', 'KLACHT_ONTVANGEN']);

/** What a caller may check an event's data against, besides the static lists above. */
export interface DataOmgeving {
  /** Termijnen the definition knows (names). */
  termijnen: string[];
  /** Advice of the klachtadviescommissie on this klacht, if any (Awb 9:16). */
  advies?: string;
  /** Calendar day of the event (YYYY-MM-DD), for dates that may not lie in the past. */
  dag?: string;
  /** The calendar day the event is registered (the service's clock), for days something happened (`gebeurd`). */
  vandaag?: string;
  /** Calendar day the klacht was received (YYYY-MM-DD), for a date that must lie after it. */
  ontvangen?: string;
}

export type { OngeldigVeld };

const DUUR = /^P[1-9]\d{0,4}[DWMY]$/;

function geldigeDatum(v: unknown): v is string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

const isTekst = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** Why one value does not fit its field, or undefined when it does. */
function veldFout(v: DataVeld, w: unknown, omgeving: DataOmgeving): string | undefined {
  switch (v.soort) {
    case 'tekst':
      return isTekst(w) ? undefined : 'geef een tekst';
    case 'teksten':
      return isTekst(w) || (Array.isArray(w) && w.every(isTekst)) ? undefined : 'geef een tekst of een lijst teksten';
    case 'keuze':
      return typeof w === 'string' && (v.waarden ?? []).includes(w)
        ? undefined
        : `kies een van: ${(v.waarden ?? []).join(', ')} (niet ${JSON.stringify(w)})`;
    case 'jaNee':
      return typeof w === 'boolean' ? undefined : `geef true of false (niet ${JSON.stringify(w)})`;
    case 'waar':
      return w === true ? undefined : 'moet true zijn';
    case 'duur':
      return typeof w === 'string' && DUUR.test(w)
        ? undefined
        : `geef een ISO 8601-duur met één eenheid, bijvoorbeeld P4W (4 weken) of P10D (niet ${JSON.stringify(w)})`;
    case 'datum':
      return geldigeDatum(w) ? undefined : `geef een datum als JJJJ-MM-DD, bijvoorbeeld 2026-06-01 (niet ${JSON.stringify(w)})`;
    case 'termijn':
      return typeof w === 'string' && omgeving.termijnen.includes(w)
        ? undefined
        : `geef de naam van een termijn van deze klachtregeling: ${omgeving.termijnen.join(', ')} (niet ${JSON.stringify(w)})`;
    case 'intake':
    case 'registratie':
      // The intake is checked by POST /klachten; registratie by src/machines/registratie.ts.
      return undefined;
  }
}

/**
 * Checks an event's data against what its type needs, before the regime steps. Returns every wrong
 * field (empty: the data is complete and well-formed; whether the event fits the state is the
 * regime's answer). Unknown event types and unknown extra fields are left to the regime.
 */
export function controleerGebeurtenisData(type: string, data: Record<string, unknown> | undefined, omgeving: DataOmgeving): OngeldigVeld[] {
  const g = GEBEURTENISSEN[type];
  if (!g) return [];
  const d = data ?? {};
  const fouten: OngeldigVeld[] = [];
  for (const v of g.velden) {
    const w = d[v.naam];
    // An empty text (an empty form field) counts as not given.
    if (w === undefined || w === null || (typeof w === 'string' && w.trim() === '')) {
      if (v.verplicht)
        fouten.push({
          name: `data.${v.naam}`,
          reason: `${type} vraagt data.${v.naam}: ${v.waarden ? `een van ${v.waarden.join(', ')}` : v.omschrijving}`,
        });
      continue;
    }
    const f = veldFout(v, w, omgeving) ?? (v.gebeurd ? gebeurdFout(w as string, omgeving) : undefined);
    // A choice names the rule it comes from (e.g. Awb 9:10 lid 2), so the caller sees why.
    if (f) fouten.push({ name: `data.${v.naam}`, reason: v.soort === 'keuze' ? `${v.naam} (${v.omschrijving}): ${f}` : `${v.naam}: ${f}` });
  }
  if (fouten.length) return fouten;
  // Rules between fields and the klacht's own data (still about the data, not about the state).
  if (type === 'AFDOENEN' && omgeving.advies && d.oordeel !== omgeving.advies && !isTekst(d.redenAfwijking)) {
    fouten.push({
      name: 'data.redenAfwijking',
      reason: `het oordeel '${String(d.oordeel)}' wijkt af van het advies '${omgeving.advies}': vermeld de reden in data.redenAfwijking (Awb 9:16)`,
    });
  }
  if (type === 'REACTIE_OP_AANBEVELINGEN' && d.volgen === false && !isTekst(d.motivering)) {
    fouten.push({
      name: 'data.motivering',
      reason: 'wie een aanbeveling niet volgt, geeft de redenen in data.motivering (Awb 9:36 lid 3)',
    });
  }
  if (type === 'NIEUWE_TERMIJN' && omgeving.dag && typeof d.tot === 'string' && d.tot < omgeving.dag) {
    fouten.push({ name: 'data.tot', reason: `de nieuwe termijn (${d.tot}) ligt vóór de dag van de gebeurtenis (${omgeving.dag})` });
  }
  if (type === 'OMBUDSMAN_TERMIJN_GEWIJZIGD' && typeof d.tot === 'string') {
    // Awb 9:31: a date for an answer still to come, set after the request came in.
    if (omgeving.ontvangen && d.tot <= omgeving.ontvangen) {
      fouten.push({
        name: 'data.tot',
        reason: `de nieuwe datum (${d.tot}) ligt niet na de ontvangst van het verzoek (${omgeving.ontvangen}) (Awb 9:31)`,
      });
    } else if (omgeving.dag && d.tot < omgeving.dag) {
      fouten.push({
        name: 'data.tot',
        reason: `de nieuwe datum (${d.tot}) ligt vóór de dag van de gebeurtenis (${omgeving.dag}): de ombudsman stelt een datum voor een antwoord dat nog komt (Awb 9:31)`,
      });
    }
  }
  return fouten;
}

/** A day something happened (`gebeurd`, already a valid date): on or after the event's day, and not after today. */
function gebeurdFout(dag: string, omgeving: DataOmgeving): string | undefined {
  if (omgeving.dag && dag < omgeving.dag) return `${dag} ligt vóór de dag van de gebeurtenis zelf (${omgeving.dag})`;
  if (omgeving.vandaag && dag > omgeving.vandaag) {
    return `${dag} ligt na vandaag (${omgeving.vandaag}): registreer wat gebeurd is, op de dag dat het gebeurde`;
  }
  return undefined;
}

export function omschrijvingVan(type: string): string {
  return GEBEURTENISSEN[type]?.omschrijving ?? type;
}
