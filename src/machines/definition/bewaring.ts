/**
 * How long a closed klacht is kept, from the definition's `bewaartermijnen` (docs/brieven-en-dossier.md):
 * - Selectielijst gemeenten 2020, 13.1: a klacht handled by the gemeente, 5 years after closing (Archiefwet);
 * - Selectielijst 13.1.2: a klacht that went through the ombudsman, 10 years;
 * - a ketenpartner's own dossier (Klachtenprotocol Wmo keten Amsterdam §9: 2 years), when the definition
 *   declares `aanbieder` and the klacht never left the aanbieder's first line.
 * The period runs from the day the klacht was closed (Selectielijst: procestermijn 'nihil'). Pure.
 *
 * A klacht and the klachten linked to it (an ombudsman request filed as a klacht of its own, table klacht_koppeling)
 * are one dossier: the category is decided from all of them and the links, so that a procedure at the ombudsman
 * recorded only on the linked klacht still makes both 13.1.2 (Archiefwet 1995: destroyed only as the selectielijst allows).
 */
import type { IsoDate } from '../contract';
import { leesDatum, naarIso } from '../termijnen/datum';
import { parseDuur, plusDuur } from '../termijnen/duur';
import type { Bewaartermijnen, Duur } from './types';
import { langerDan } from './lint-hulp';

export type BewaarCategorie = 'gemeente' | 'viaOmbudsman' | 'aanbieder';

export interface Bewaartermijn {
  categorie: BewaarCategorie;
  duur: Duur;
  grondslag: string;
}

/** What of a klacht's history decides its category. */
export interface BewaarKenmerken {
  /** The klacht reached the second line (verzoek, report or investigation of the ombudsman). */
  viaOmbudsman: boolean;
  /** Every step of the klacht was at the aanbieder (no step of the gemeente's own handling). */
  alleenBijAanbieder: boolean;
}

/** Events that mean the klacht went through the ombudsman (Selectielijst 13.1.2). */
export const OMBUDSMAN_GEBEURTENISSEN: ReadonlySet<string> = new Set([
  'VERZOEK_OMBUDSMAN',
  'OMBUDSMAN_INFORMATIEVRAAG',
  'OMBUDSMAN_INTERVENTIEVERZOEK',
  'OMBUDSMAN_EIGEN_ONDERZOEK',
  'RAPPORT_OMBUDSMAN',
  'OMBUDSMAN_NEEMT_ZELF_IN_BEHANDELING',
]);

/** One klacht's own history: the events it had and the states it passed through. */
export interface BewaarHistorie {
  gebeurtenissen: readonly string[];
  states: readonly string[];
}

/** The rest of a klacht's dossier: the klachten linked to it (either direction, also through another) and its links. */
export interface BewaarDossier {
  gekoppeld: readonly BewaarHistorie[];
  /** The event each link stands for (an informatievraag: OMBUDSMAN_INFORMATIEVRAAG), whether or not a klacht took it. */
  koppelingen: readonly string[];
}

const ZONDER_KOPPELING: BewaarDossier = { gekoppeld: [], koppelingen: [] };

const alleenAanbieder = (states: readonly string[]): boolean =>
  states.length > 0 && states.every((s) => s === 'afgesloten' || s === 'doorgestuurdNaarAanbieder' || s.startsWith('bijAanbieder'));

/**
 * The category of a klacht from its history and its dossier. Selectielijst 13.1.2 when any klacht of the dossier, or
 * any link, is a step of the ombudsman: a request the klacht refused in its second-line window (tweedeLijnVenster) is
 * still the ombudsman's procedure about it. A doorgezonden klacht is not (Awb 9:20 lid 1: the gemeente handles it in the
 * first line). The aanbieder's period only when the whole dossier stayed with the aanbieder.
 */
export function bewaarKenmerken(
  gebeurtenissen: readonly string[],
  states: readonly string[],
  dossier: BewaarDossier = ZONDER_KOPPELING,
): BewaarKenmerken {
  const alle = [{ gebeurtenissen, states }, ...dossier.gekoppeld];
  return {
    viaOmbudsman: [...alle.flatMap((h) => h.gebeurtenissen), ...dossier.koppelingen].some((g) => OMBUDSMAN_GEBEURTENISSEN.has(g)),
    alleenBijAanbieder: alle.every((h) => alleenAanbieder(h.states)),
  };
}

/** Selectielijst gemeenten 2020, 13.1.2 ("Klacht afgehandeld via ombudsman"): vernietigen na 10 jaar. */
export const VIA_OMBUDSMAN_SELECTIELIJST: Duur = 'P10Y';

export function bewaartermijnVoor(b: Bewaartermijnen, k: BewaarKenmerken): Bewaartermijn {
  // Without a period of its own for 13.1.2 the Selectielijst's ten years apply, not the gemeente's general 13.1 period
  // (five years): a definition that leaves `viaOmbudsman` out would otherwise have the ombudsman's dossiers destroyed
  // after five years. A longer general period stays the longer.
  if (k.viaOmbudsman)
    return {
      categorie: 'viaOmbudsman',
      duur: b.viaOmbudsman ?? (langerDan(b.gemeente, VIA_OMBUDSMAN_SELECTIELIJST) ? b.gemeente : VIA_OMBUDSMAN_SELECTIELIJST),
      grondslag: 'Selectielijst gemeenten 2020, 13.1.2',
    };
  if (k.alleenBijAanbieder && b.aanbieder)
    return {
      categorie: 'aanbieder',
      duur: b.aanbieder,
      grondslag: 'bewaartermijn van de aanbieder (contract; Klachtenprotocol Wmo keten Amsterdam §9)',
    };
  return { categorie: 'gemeente', duur: b.gemeente, grondslag: 'Selectielijst gemeenten 2020, 13.1' };
}

/** The first day the klacht may be destroyed: the closing day plus the period (a 29 February rolls to 28 February). */
export function vernietigbaarVanaf(afgeslotenOp: IsoDate, duur: Duur): IsoDate {
  return naarIso(plusDuur(leesDatum(afgeslotenOp), parseDuur(duur, 'bewaartermijn')).dag);
}
