/**
 * The Selectielijst gemeenten en intergemeentelijke organen 2020, procestype 13 "Geschillen behandelen", rows that the
 * definition's `bewaartermijnen` do not carry (Archiefwet 1995 art. 3 and 5), on top of bewaartermijnVoor (13.1, 13.1.2,
 * the aanbieder's own period), which stays the one rule for those:
 * - 13.1.3 "Geschil met invloed op een te bewaren zaak": waardering blijvend bewaren, never destroyed. Recorded per klacht
 *   (blijvend_bewaren); a mark on one klacht of a dossier keeps the whole dossier.
 * - 13.1.4 "Niet ontvankelijk geschil": vernietigen, procestermijn nihil, 1 year. For a klacht: the gemeente decided not
 *   to handle it (Awb 9:8 lid 1 sub a-f or lid 2, NIET_BEHANDELEN) and never handled it after all.
 * Pure.
 */
import {
  type BewaarDossier,
  type BewaarHistorie,
  type Bewaartermijn,
  bewaarKenmerken,
  bewaartermijnVoor,
} from '../../machines/definition/bewaring';
import type { Bewaartermijnen } from '../../machines/definition/types';

/** The Selectielijst's own period for 13.1.4 (not a choice of the definition). */
export const NIET_ONTVANKELIJK_DUUR = 'P1Y';

export const GRONDSLAG_BLIJVEND = 'Selectielijst gemeenten 2020, 13.1.3';
export const GRONDSLAG_NIET_ONTVANKELIJK = 'Selectielijst gemeenten 2020, 13.1.4';

/**
 * Steps by which the gemeente handled the klacht on its merits (Awb 9:9-9:12) or resolved it (Awb 9:5): after any of
 * them it is no longer a klacht that was not handled, whatever was decided before (a doorgezonden klacht, Awb 9:20 lid 1).
 */
const BEHANDELD = new Set(['IN_BEHANDELING_NEMEN', 'AFDOENEN', 'KLAGER_TEVREDEN']);

export type SelectielijstUitkomst =
  | { blijvend: true; grondslag: string }
  | { blijvend?: undefined; termijn: Omit<Bewaartermijn, 'categorie'> & { categorie: Bewaartermijn['categorie'] | 'nietOntvankelijk' } };

/**
 * A klacht's row of the Selectielijst from its history, its dossier and whether any klacht of the dossier is marked
 * 13.1.3. 13.1.3 before anything (kept for ever); 13.1.2 (the ombudsman had a part) before 13.1.4, as the ombudsman
 * then handled the dossier; 13.1.4 only for a klacht on its own (a linked klacht is the ombudsman's, or a doorgezonden
 * klacht the gemeente handles again).
 */
export function selectielijstRij(
  b: Bewaartermijnen,
  eigen: BewaarHistorie,
  dossier: BewaarDossier | undefined,
  blijvend: boolean,
): SelectielijstUitkomst {
  if (blijvend) return { blijvend: true, grondslag: GRONDSLAG_BLIJVEND };
  const kenmerken = bewaarKenmerken(eigen.gebeurtenissen, eigen.states, dossier);
  const nietBehandeld =
    !dossier?.gekoppeld.length &&
    !dossier?.koppelingen.length &&
    eigen.gebeurtenissen.includes('NIET_BEHANDELEN') &&
    !eigen.gebeurtenissen.some((g) => BEHANDELD.has(g));
  if (!kenmerken.viaOmbudsman && nietBehandeld)
    return { termijn: { categorie: 'nietOntvankelijk', duur: NIET_ONTVANKELIJK_DUUR, grondslag: GRONDSLAG_NIET_ONTVANKELIJK } };
  return { termijn: bewaartermijnVoor(b, kenmerken) };
}
