/**
 * The shape of a gemeente's regime definition, in the words of a klachtenregeling (docs/definities.md).
 * A beleidsmedewerker writes this as YAML in `definitions/<cbs-code>-<naam>/*.yaml`; the loader
 * validates it (zod schema mirroring these types) and the compiler turns it into an XState machine.
 *
 * Owned by the definition loader (src/machines/definition). Extend compatibly: add optional fields,
 * never rename, so the compiler and the seed definitions keep working.
 */
import type { AanbiederType, IsoDate } from '../contract';

/** ISO 8601 duration as the law writes it: `P6W`, `P5D`, `P1M`, `P1Y`. */
export type Duur = string;

// ---------------------------------------------------------------------------------------------
// Condition language for routing: all / any / not over named facts (docs/definities.md).
// ---------------------------------------------------------------------------------------------
export type Voorwaarde =
  | { alle: Voorwaarde[] }
  | { een: Voorwaarde[] } // any
  | { niet: Voorwaarde }
  | FeitTest;

/** A test on one named fact. Exactly one comparison; a bare `{ feit: x }` means "x is true". */
export interface FeitTest {
  feit: string;
  is?: string | number | boolean;
  in?: Array<string | number>;
  minimaal?: number;
  maximaal?: number;
}

/** Facts a definition may test. Declared so that references can be checked (an unknown fact is an error). */
export interface FeitDeclaratie {
  type: 'boolean' | 'getal' | 'tekst' | 'keuze';
  /** For `keuze`: the allowed values. */
  waarden?: string[];
  omschrijving: string;
}

// ---------------------------------------------------------------------------------------------
// Termijnen
// ---------------------------------------------------------------------------------------------
export type Rekenwijze = 'kalenderdagen' | 'werkdagen';

export interface Herinnering {
  /** How long before the due date, e.g. `P1W`. */
  voor: Duur;
  naar: string; // role, e.g. 'behandelaar'
}

export interface TermijnDefinitie {
  /** Dutch label, e.g. `Afhandeltermijn`. */
  label: string;
  duur: Duur;
  rekenwijze: Rekenwijze;
  /** Whether the Algemene termijnenwet extends this termijn (only statutory terms ≤ 12 weeks; Algemene termijnenwet art. 1). */
  atw: boolean;
  /** Maximum verdaging (Awb 9:11 lid 2: P4W). Absent = no verdaging possible. */
  verdagingMax?: Duur;
  /** Verdaging needs a written notice before expiry (Wkkgz 17 lid 2; by analogy for Awb 9:11 lid 2). */
  verdagingKennisgevingVoorVerloop?: boolean;
  herinneringen?: Herinnering[];
  /** Role that receives the escalation when the termijn passes, e.g. `leidinggevende`. */
  escalatieNaar?: string;
  /** Legal or contractual source, e.g. `Awb 9:11 lid 1` or `Klachtenprotocol Wmo keten §6`. */
  grondslag: string;
  /**
   * The termijn may be suspended (OPSCHORTEN/HERVATTEN), on this basis. Contractual termijnen only: a
   * statutory one such as Awb 9:11 moves by verdaging (lid 2) and the klager's consent (lid 3), nothing else.
   */
  opschorting?: { grondslag: string };
  /**
   * For `contact`: whose handling the termijn binds, the aanbieder's (a contract term such as Klachtenprotocol Wmo
   * keten Amsterdam §6), the gemeente's (its own klachtenregeling), or both. Absent: the aanbieder's.
   */
  geldtVoor?: Array<'aanbieder' | 'gemeente'>;
}

/**
 * Termijnen are named. Well-known names the compiler wires into the building blocks:
 * - `afhandeling` (Awb 9:11: P6W, or P10W with klachtadviescommissie; verdaging max P4W)
 * - `nietBehandelenKennisgeving` (Awb 9:8 lid 3: P4W)
 * - `contact` (Amsterdam: 5 werkdagen at the aanbieder; `geldtVoor` says whose handling it binds)
 * - `aanbiederAfhandeling` (contractual term at the aanbieder)
 * - `tweedeLijnVerzoek` (Awb 9:24: P1Y, no Atw)
 * - `reactieKlager` (optional: the klager's time to answer the aanbieder's afdoening where no second line judges
 *   aanbieders; after it the klacht is closed. Where one does, the year from the afdoening bounds that wait: Awb 9:24
 *   lid 1 sub a by analogy, compiler/wacht-op-klager.ts)
 * - `stoppenBesluit` (stoppenMetLeveren)
 * A termijn no step starts is refused by the graph check (it would promise a term nobody keeps).
 */
export type Termijnen = Record<string, TermijnDefinitie>;

// ---------------------------------------------------------------------------------------------
// Optional steps
// ---------------------------------------------------------------------------------------------
export interface Stappen {
  /** Informal phase first (Awb 9:5; both seeds: "informele klachtbehandeling is uitgangspunt"). */
  informeleFase: boolean;
  /** Mediation, only with the klager's consent (Uitgangspunten klachtenmanagement Sociaal Domein §11-IV). */
  mediation?: { toegestaan: boolean; instemmingVereist: true };
  /** Awb 9.1.3 advisory procedure; switches afhandeling to P10W (Awb 9:11 lid 1). */
  klachtadviescommissie?: { naam: string } | false;
  /** 4-ogen on the afdoening (Uitgangspunten klachtenmanagement Sociaal Domein §1D). */
  vierOgen?: boolean;
  /** Check whether the klager is satisfied with the outcome (Klachtenprotocol Wmo keten Amsterdam §6). */
  tevredenheidscheck?: boolean;
  /** Hoorzitting (Awb 9:10), with the exceptions of 9:10 lid 2 available. */
  horen: boolean;
}

// ---------------------------------------------------------------------------------------------
// Routing between aanbieder and gemeente
// ---------------------------------------------------------------------------------------------
export interface EersteLijn {
  /** Where a klacht is handled by default ("klaag daar waar het is misgegaan"). */
  standaard: 'aanbieder' | 'gemeente';
  /** When a klacht received by the gemeente is forwarded (warme doorverwijzing) to the aanbieder. */
  doorsturenNaarAanbieder?: Voorwaarde;
  /** When the gemeente handles it itself (takes precedence over doorsturen). */
  behandelingDoorGemeente?: Voorwaarde;
  /**
   * When the klacht is about the gemeente's own conduct (a gemeente official, its policy or decisions):
   * then Awb titel 9.1 applies at the gemeente, whatever aanbieder is also named. The special regimes
   * (Jeugdwet 4.2.1, Wkkgz) cover the aanbieder's conduct only (Jeugdwet 4.2.1 lid 1 and 6; Wkkgz 13).
   */
  klachtOverGemeente?: Voorwaarde;
  /** Who at the gemeente registers and routes (KCC, Klachtenteam Sociaal Domein, klachtencoördinator). */
  gemeenteLoket: string;
  /** Klager unhappy with the aanbieder's handling may go to the gemeente, on the process (Uitgangspunten klachtenmanagement Sociaal Domein §5A). */
  klachtOverAfhandelingAanbiederBijGemeente: boolean;
  /** Feedback the aanbieder owes the gemeente per case (Uitgangspunten klachtenmanagement Sociaal Domein §11-I, Klachtenprotocol Wmo keten Amsterdam §5A). */
  terugkoppelingAanbieder?: Array<'registratie' | 'behandeling' | 'afdoening' | 'maatregelen' | 'terugkoppelingKlager' | 'tevredenheid'>;
}

// ---------------------------------------------------------------------------------------------
// Second line (Awb 9.2): exactly one body at any date (GemW 81p)
// ---------------------------------------------------------------------------------------------
export interface TweedeLijnInstantie {
  soort: 'nationaleOmbudsman' | 'lokaleOmbudsman' | 'gezamenlijkeOmbudsman' | 'ombudscommissie';
  naam: string;
  geldigVanaf: IsoDate;
  geldigTot?: IsoDate;
  /** Whether it investigates conduct of contracted aanbieders (docs/juridisch-kader.md §10; policy parameter). */
  bevoegdOverAanbieders: boolean;
  /**
   * Own body (not the Nationale ombudsman): the day the raad's instellingsbesluit reached the
   * Nationale ombudsman. GemW 81p: before 1 July of the year before it takes effect. Required when the
   * body starts within the definition's validity (a switch the definition encodes).
   */
  nationaleOmbudsmanGeinformeerdOp?: IsoDate;
  /** Own body ending within the definition's validity: the day the opheffingsbesluit reached the Nationale ombudsman (same rule). */
  opheffingNationaleOmbudsmanGeinformeerdOp?: IsoDate;
}

// ---------------------------------------------------------------------------------------------
// Special regimes per aanbieder type
// ---------------------------------------------------------------------------------------------
export interface JeugdwetRegime {
  regime: 'jeugdwetKlachtencommissie';
  /** Term for the committee's judgement, per the aanbieder's regeling (Jeugdwet 4.2.1 lid 2 sub c). */
  oordeelTermijn: Duur;
  /** Aanbieder's written response on measures: one month (Jeugdwet 4.2.1 lid 5). */
  reactieTermijn: Duur;
}

export interface WkkgzRegime {
  regime: 'wkkgz';
  /** Written outcome within 6 weeks after indiening (Wkkgz 17 lid 1), +4 with notice before expiry (lid 2). */
  afhandelTermijn: Duur;
  verdagingMax: Duur;
  /** Geschilleninstantie ruling within 6 months (Wkkgz 22), no Atw. */
  geschilTermijn: Duur;
  geschilleninstantie: string;
  /**
   * The klager's time after the written outcome to take the geschil to the geschilleninstantie (Wkkgz 21 lid 1 sub b).
   * The Wkkgz sets none; absent, GESCHIL_VOORLEGGEN_STANDAARD (compiler/termijnen.ts), after the geschilleninstantie's
   * reglement.
   */
  geschilVoorleggenTermijn?: Duur;
}

export type BijzonderRegime = JeugdwetRegime | WkkgzRegime;

// ---------------------------------------------------------------------------------------------
// Signalen and meldingen, reporting, retention
// ---------------------------------------------------------------------------------------------
export interface Signalen {
  /** Condition under which a signaal goes to the college 'onverwijld' (Uitgangspunten klachtenmanagement Sociaal Domein §11-VI). */
  naarCollegeOnverwijld?: Voorwaarde;
  /** Who handles signalen not about a person (Uitgangspunten klachtenmanagement Sociaal Domein §11-IV: beleidsafdeling). */
  behandelaar: string;
  /** Calamiteiten and geweld go to the toezichthouder onverwijld (Wmo 3.4, Jeugdwet 4.1.8, Wkkgz 11). */
  meldingenNaar?: string;
}

/** One aanbieder report: the period it covers and when it is due (rapportage-perioden.ts). */
export interface RapportagePeriode {
  /** Last day of the period, `MM-DD`; the period starts the day after the previous one ends. */
  periodeTot: string;
  /** Due before this day, `MM-DD` ("vóór 1 juli"); in the year after the period when it comes earlier in the year. */
  deadline: string;
}

export interface Rapportage {
  aanbieders?: {
    cadans: 'kwartaal' | 'halfjaar' | 'jaar';
    /** The periods with their deadlines: as many as the cadans says. */
    perioden?: RapportagePeriode[];
    /**
     * Older form: only due dates (`MM-DD`), each period ending the day before its deadline. Refused by
     * the lint (the aanbieder has no time after the period); kept so an old file gets that message.
     */
    deadlines?: string[];
    /** Reminder this long before a deadline. */
    herinneringVoor?: Duur;
    naar: string; // e.g. 'contractmanager'
    inhoud: Array<'aard' | 'oorzaak' | 'afwikkeling' | 'maatregelen' | 'termijnen' | 'tevredenheid'>;
  };
  /** Awb 9:12a yearly publication of registered written complaints. */
  jaarverslag: boolean;
  /**
   * With `jaarverslag: false`: where the gemeente itself publishes that yearly overview (title and place), so the
   * definition says why Klachtregie makes none (Awb 9:12a). Silences the lint's warning; meaningless with `true`.
   */
  jaarverslagElders?: string;
}

/**
 * Value lists for the registration of each klacht, per gemeente: what the reports count per aard,
 * oorzaak, afwikkeling, maatregelen and tevredenheid ("Uitgangspunten klachtenmanagement Sociaal
 * Domein" art. 11.1: naar aard en oorzaak, met afwikkeling en getroffen maatregelen; "Klachtenprotocol
 * Wmo keten Amsterdam" §5A, §6: of de klager tevreden is). A value outside the list is refused.
 */
export interface Registratie {
  aard?: string[];
  oorzaak?: string[];
  afwikkeling?: string[];
  maatregelen?: string[];
  /** Must hold `tevreden` and `ontevreden` (KLAGER_TEVREDEN / KLAGER_ONTEVREDEN fill them); absent = just those two. */
  tevredenheid?: string[];
}

export interface Bewaartermijnen {
  /** Selectielijst 2020 13.1: 5 years after closing. */
  gemeente: Duur;
  /** Selectielijst 13.1.2: 10 years when handled via the ombudsman. */
  viaOmbudsman?: Duur;
  /** Contractual retention at the aanbieder (Amsterdam: P2Y, Klachtenprotocol Wmo keten Amsterdam §9). */
  aanbieder?: Duur;
}

// ---------------------------------------------------------------------------------------------
// The definition
// ---------------------------------------------------------------------------------------------
export interface Definitie {
  gemeente: {
    cbsCode: string; // GM0363
    naam: string;
    /** Gemeenten whose klachten this regime takes over from a date (Weesp into Amsterdam, 24-03-2022). */
    neemtOver?: Array<{ cbsCode: string; naam: string; vanaf: IsoDate }>;
  };
  versie: string;
  geldigVanaf: IsoDate;
  geldigTot?: IsoDate;
  /** The regeling this definition encodes, with its date. */
  bron: string;
  kalender?: {
    /** Gemeente closure days that are not werkdagen (not Atw holidays: Algemene termijnenwet art. 3 lid 3). */
    sluitingsdagen?: IsoDate[];
  };
  feiten: Record<string, FeitDeclaratie>;
  eersteLijn: EersteLijn;
  termijnen: Termijnen;
  stappen: Stappen;
  tweedeLijn: TweedeLijnInstantie[];
  bijzondereRegimes?: Partial<Record<AanbiederType, BijzonderRegime>>;
  signalen?: Signalen;
  /** Protocol 'stoppen met leveren' (Klachtenprotocol Wmo keten Amsterdam §8): the aanbieder asks, the gemeente decides. */
  stoppenMetLeveren?: { beslistermijn: Duur; besluitDoor: string };
  rapportage: Rapportage;
  /** Value lists for registering aard, oorzaak, afwikkeling, maatregelen and tevredenheid per klacht. */
  registratie?: Registratie;
  bewaartermijnen: Bewaartermijnen;
}

/** A loaded definition: the parsed data plus where it came from (for `file:line:column` errors). */
export interface GeladenDefinitie {
  id: string; // folder name, e.g. gm0363-amsterdam
  file: string;
  definitie: Definitie;
  /** Maps a JSON path like `termijnen.afhandeling.duur` to its position in the YAML source. */
  positie(path: Array<string | number>): { line: number; column: number };
}
