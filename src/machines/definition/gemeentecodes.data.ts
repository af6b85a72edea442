/**
 * Official CBS gemeentecodes (GMxxxx) with the official spelling of the name, as the CBS publishes
 * them in "Gemeentelijke indeling op 1 januari <jaar>" (the CBS classificatie Gemeenten, with the
 * overview "Gemeentelijke herindelingen" for the gemeenten that were opgeheven).
 *
 * Stand: gemeentelijke indeling op 1 januari 2025, plus historical codes of gemeenten opgeheven
 * since 1 januari 2015 (the decentralisaties; the oldest definition in this repo starts then).
 *
 * THIS IS A SUBSET. Klachtregie was written without internet access, so the list holds only codes
 * the authors are sure of: the gemeenten of the provincie Utrecht and of the regions of the seed
 * definitions (Gooi en Vechtstreek, Amstelland), the largest gemeenten, and the herindelingen since
 * 2015 listed below. A code that is missing is refused by `klachtregie validate` with this file
 * as the place to add it: copy code and name letter for letter from the CBS table of the year, and
 * for an opgeheven gemeente the first day it no longer existed and the gemeente it went into.
 */
import type { IsoDate } from '../contract';

export interface CbsGemeente {
  /** `GM` + four digits, e.g. `GM0363`. */
  code: string;
  /** Official name as in the CBS table, e.g. `'s-Gravenhage` (not Den Haag). */
  naam: string;
  /** First day on which the gemeente no longer exists (the day of the herindeling). */
  opgeheven?: IsoDate;
  /** Code of the gemeente it went into (or, when it was split, the main one). */
  opgegaanIn?: string;
}

/** Source line for messages and docs. */
export const BRON_GEMEENTECODES = 'CBS, Gemeentelijke indeling op 1 januari 2025, met de herindelingen sinds 2015 (deelverzameling)';

export const CBS_GEMEENTEN: readonly CbsGemeente[] = [
  // -- Provincie Utrecht (indeling 2025) --
  { code: 'GM0307', naam: 'Amersfoort' },
  { code: 'GM0308', naam: 'Baarn' },
  { code: 'GM0310', naam: 'De Bilt' },
  { code: 'GM0312', naam: 'Bunnik' },
  { code: 'GM0313', naam: 'Bunschoten' },
  { code: 'GM0317', naam: 'Eemnes' },
  { code: 'GM0321', naam: 'Houten' },
  { code: 'GM0327', naam: 'Leusden' },
  { code: 'GM0331', naam: 'Lopik' },
  { code: 'GM0335', naam: 'Montfoort' },
  { code: 'GM0340', naam: 'Renswoude' },
  { code: 'GM0342', naam: 'Soest' },
  { code: 'GM0344', naam: 'Utrecht' },
  { code: 'GM0345', naam: 'Veenendaal' },
  { code: 'GM0351', naam: 'Woudenberg' },
  { code: 'GM0352', naam: 'Wijk bij Duurstede' },
  { code: 'GM0353', naam: 'IJsselstein' },
  { code: 'GM0355', naam: 'Zeist' },
  { code: 'GM0356', naam: 'Nieuwegein' },
  { code: 'GM0589', naam: 'Oudewater' },
  { code: 'GM0632', naam: 'Woerden' },
  { code: 'GM0736', naam: 'De Ronde Venen' },
  { code: 'GM1581', naam: 'Utrechtse Heuvelrug' },
  { code: 'GM1904', naam: 'Stichtse Vecht' },
  { code: 'GM1961', naam: 'Vijfheerenlanden' },

  // -- Gooi en Vechtstreek and Amstelland (Noord-Holland) --
  { code: 'GM0358', naam: 'Aalsmeer' },
  { code: 'GM0362', naam: 'Amstelveen' },
  { code: 'GM0363', naam: 'Amsterdam' },
  { code: 'GM0376', naam: 'Blaricum' },
  { code: 'GM0384', naam: 'Diemen' },
  { code: 'GM0402', naam: 'Hilversum' },
  { code: 'GM0406', naam: 'Huizen' },
  { code: 'GM0417', naam: 'Laren' },
  { code: 'GM0437', naam: 'Ouder-Amstel' },
  { code: 'GM0451', naam: 'Uithoorn' },
  { code: 'GM1696', naam: 'Wijdemeren' },
  { code: 'GM1942', naam: 'Gooise Meren' },

  // -- Other large gemeenten --
  { code: 'GM0014', naam: 'Groningen' },
  { code: 'GM0034', naam: 'Almere' },
  { code: 'GM0080', naam: 'Leeuwarden' },
  { code: 'GM0153', naam: 'Enschede' },
  { code: 'GM0193', naam: 'Zwolle' },
  { code: 'GM0200', naam: 'Apeldoorn' },
  { code: 'GM0202', naam: 'Arnhem' },
  { code: 'GM0268', naam: 'Nijmegen' },
  { code: 'GM0392', naam: 'Haarlem' },
  { code: 'GM0394', naam: 'Haarlemmermeer' },
  { code: 'GM0439', naam: 'Purmerend' },
  { code: 'GM0479', naam: 'Zaanstad' },
  { code: 'GM0503', naam: 'Delft' },
  { code: 'GM0505', naam: 'Dordrecht' },
  { code: 'GM0518', naam: "'s-Gravenhage" },
  { code: 'GM0546', naam: 'Leiden' },
  { code: 'GM0599', naam: 'Rotterdam' },
  { code: 'GM0637', naam: 'Zoetermeer' },
  { code: 'GM0758', naam: 'Breda' },
  { code: 'GM0772', naam: 'Eindhoven' },
  { code: 'GM0796', naam: "'s-Hertogenbosch" },
  { code: 'GM0855', naam: 'Tilburg' },
  { code: 'GM0935', naam: 'Maastricht' },

  // -- Gemeenten formed by a herindeling since 2015 --
  { code: 'GM1979', naam: 'Eemsdelta' }, // 1 januari 2021
  { code: 'GM1980', naam: 'Dijk en Waard' }, // 1 januari 2022
  { code: 'GM1992', naam: 'Voorne aan Zee' }, // 1 januari 2023

  // -- Opgeheven since 2015 (historical codes; a definition of an earlier year may still use them) --
  { code: 'GM0381', naam: 'Bussum', opgeheven: '2016-01-01', opgegaanIn: 'GM1942' },
  { code: 'GM0424', naam: 'Muiden', opgeheven: '2016-01-01', opgegaanIn: 'GM1942' },
  { code: 'GM0425', naam: 'Naarden', opgeheven: '2016-01-01', opgegaanIn: 'GM1942' },
  { code: 'GM0009', naam: 'Ten Boer', opgeheven: '2019-01-01', opgegaanIn: 'GM0014' },
  { code: 'GM0017', naam: 'Haren', opgeheven: '2019-01-01', opgegaanIn: 'GM0014' },
  { code: 'GM0003', naam: 'Appingedam', opgeheven: '2021-01-01', opgegaanIn: 'GM1979' },
  { code: 'GM0010', naam: 'Delfzijl', opgeheven: '2021-01-01', opgegaanIn: 'GM1979' },
  { code: 'GM0024', naam: 'Loppersum', opgeheven: '2021-01-01', opgegaanIn: 'GM1979' },
  { code: 'GM0370', naam: 'Beemster', opgeheven: '2022-01-01', opgegaanIn: 'GM0439' },
  { code: 'GM0398', naam: 'Heerhugowaard', opgeheven: '2022-01-01', opgegaanIn: 'GM1980' },
  { code: 'GM0416', naam: 'Langedijk', opgeheven: '2022-01-01', opgegaanIn: 'GM1980' },
  // Wet samenvoeging gemeenten Amsterdam en Weesp: not on 1 January but on 24 maart 2022.
  { code: 'GM0457', naam: 'Weesp', opgeheven: '2022-03-24', opgegaanIn: 'GM0363' },
  { code: 'GM0501', naam: 'Brielle', opgeheven: '2023-01-01', opgegaanIn: 'GM1992' },
  { code: 'GM0530', naam: 'Hellevoetsluis', opgeheven: '2023-01-01', opgegaanIn: 'GM1992' },
  { code: 'GM0614', naam: 'Westvoorne', opgeheven: '2023-01-01', opgegaanIn: 'GM1992' },
];

const PER_CODE = new Map(CBS_GEMEENTEN.map((g) => [g.code, g]));

/** The CBS record of a code, or undefined when the code is not (in this subset of) the CBS list. */
export function cbsGemeente(code: string): CbsGemeente | undefined {
  return PER_CODE.get(code);
}

/**
 * The gemeenten whose klachten `code` answers for on `dag`: itself and every gemeente opgeheven into it on or before
 * that day, also through a gemeente that itself went into `code` later. At a herindeling the gemeente that remains
 * takes over the dissolved gemeente's running matters (Wet algemene regels herindeling, art. 40 e.v.), so its
 * klachtbehandelaars must find Weesp's klachten in Amsterdam from 24 maart 2022 on. Before that day Weesp's are not
 * Amsterdam's. A code outside the CBS list answers only for itself. Own code first, then the others in code order.
 */
export function gemeentenVan(code: string, dag: IsoDate, lijst: readonly CbsGemeente[] = CBS_GEMEENTEN): string[] {
  const eigen = code.toUpperCase();
  const uit = [eigen];
  for (let i = 0; i < uit.length; i++) {
    const opvolger = uit[i];
    const opgegaan = lijst
      .filter((g) => g.opgegaanIn === opvolger && g.opgeheven !== undefined && g.opgeheven <= dag)
      .map((g) => g.code)
      .filter((c) => !uit.includes(c));
    uit.push(...opgegaan);
  }
  return [eigen, ...uit.slice(1).sort()];
}

/**
 * The gemeenten that answer for `code`'s klachten on `dag`, in order: `code` itself, then after a herindeling the
 * gemeente it went into, and so on when that one went into another later. `code` is in `gemeentenVan(g, dag)` for
 * exactly these `g` (the same links, walked the other way).
 */
export function opvolgersVan(code: string, dag: IsoDate, lijst: readonly CbsGemeente[] = CBS_GEMEENTEN): string[] {
  const keten = [code.toUpperCase()];
  for (;;) {
    const g = lijst.find((x) => x.code === keten[keten.length - 1]);
    if (!g?.opgegaanIn || !g.opgeheven || g.opgeheven > dag || keten.includes(g.opgegaanIn)) return keten;
    keten.push(g.opgegaanIn);
  }
}

/** The gemeente that answers for `code`'s klachten on `dag`: the last of `opvolgersVan`. */
export function opvolgerVan(code: string, dag: IsoDate, lijst: readonly CbsGemeente[] = CBS_GEMEENTEN): string {
  return opvolgersVan(code, dag, lijst).at(-1)!;
}

/**
 * The herindeling that ended `code` on or before `dag` (Wet algemene regels herindeling, art. 40 e.v.): the dissolved
 * gemeente and the one that answers for it now. Undefined while the gemeente exists: then it acts, receives klachten
 * and has keys of its own.
 */
export function opheffing(
  code: string,
  dag: IsoDate,
  lijst: readonly CbsGemeente[] = CBS_GEMEENTEN,
): { gemeente: CbsGemeente & { opgeheven: IsoDate }; opvolger?: CbsGemeente } | undefined {
  const g = lijst.find((x) => x.code === code.toUpperCase());
  if (!g?.opgeheven || g.opgeheven > dag) return undefined;
  const opvolger = lijst.find((x) => x.code === opvolgerVan(g.code, dag, lijst));
  return { gemeente: { ...g, opgeheven: g.opgeheven }, ...(opvolger && opvolger.code !== g.code ? { opvolger } : {}) };
}

/**
 * Why a klacht of `code` cannot be received on `dag`: the gemeente was opgeheven on or before that day, so the one it
 * went into received it (`opheffing`). Undefined when the gemeente still existed.
 */
export function opgehevenOp(code: string, dag: IsoDate, lijst: readonly CbsGemeente[] = CBS_GEMEENTEN): string | undefined {
  const o = opheffing(code, dag, lijst);
  if (!o) return undefined;
  return (
    `${o.gemeente.naam} (${o.gemeente.code}) bestond op ${dag} niet meer: opgeheven per ${o.gemeente.opgeheven}` +
    (o.opvolger ? `; registreer de klacht voor ${o.opvolger.naam} (${o.opvolger.code})` : '')
  );
}
