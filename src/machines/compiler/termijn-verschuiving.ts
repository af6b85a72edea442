/**
 * What a termijn's own definition allows of the events that move it (VERDAGEN, UITSTEL_MET_INSTEMMING, OPSCHORTEN,
 * HERVATTEN), whatever their data or day: one rule for the engine's refusal (acties.ts mutatieFout) and for the events
 * a klacht offers (controles.ts volgendeGebeurtenissen), so the list never offers a termijn the engine refuses. Pure.
 */
import type { Mutatie } from '../termijnen';
import type { TermijnSpec } from './types';

export type VerschuivingSoort = Mutatie['soort'];

/** The ledger mutation each moving event asks for. */
export const VERSCHUIVING_VAN_EVENT: Readonly<Record<string, VerschuivingSoort>> = {
  VERDAGEN: 'verdaging',
  UITSTEL_MET_INSTEMMING: 'instemming',
  OPSCHORTEN: 'opschorting',
  HERVATTEN: 'hervatting',
};

/**
 * The Dutch refusal when the termijn's definition never allows this mutation, else undefined. The same texts as
 * acties.ts mutatieFout gives, so that function can call this one.
 */
export function verschuivingWeigering(naam: string, spec: TermijnSpec, soort: VerschuivingSoort): string | undefined {
  // A date another body set (Awb 9:31: the ombudsman's) is his: the gemeente cannot move it on its own.
  if (spec.gesteld) {
    return `termijn '${naam}' (${spec.label}) is een datum die de ombudsman stelde (${spec.grondslag}): alleen de ombudsman kan hem verschuiven; de gemeente verdaagt of schort hem niet op`;
  }
  // Awb 9:11 knows verdaging (lid 2) and further delay with the klager's written consent (lid 3), nothing
  // else: only a contractual termijn that says so may be suspended (TermijnDefinitie.opschorting).
  if ((soort === 'opschorting' || soort === 'hervatting') && !spec.opschorting) {
    return (
      `termijn '${naam}' (${spec.label}, ${spec.grondslag}) kan niet worden opgeschort: ` +
      (spec.verdagingMax
        ? 'verschuiven kan alleen met verdaging (Awb 9:11 lid 2, VERDAGEN) of met schriftelijke instemming van de klager (Awb 9:11 lid 3, UITSTEL_MET_INSTEMMING)'
        : 'de regeling kent voor deze termijn geen opschorting')
    );
  }
  // Only handling terms (those with a verdaging rule) move with consent; a statutory year (Awb 9:24) or a notice term does not.
  if (soort === 'instemming' && !spec.verdagingMax) {
    return `termijn '${naam}' (${spec.label}) kan niet met instemming worden verlengd; dat kan alleen bij een afhandeltermijn (Awb 9:11 lid 3)`;
  }
  return undefined;
}

/**
 * Can some event of this soort, with some data on some day, move the termijn as it stands (suspended or not)? The
 * definition's rule above, plus the ledger's rules that need no data (termijnen/termijn-ledger.ts herbereken): no
 * verdaging without verdagingMax, no opschorting of a suspended termijn, no hervatting of a running one, no instemming
 * while suspended.
 */
export function kanVerschuiven(naam: string, spec: TermijnSpec, soort: VerschuivingSoort, opgeschort: boolean): boolean {
  if (verschuivingWeigering(naam, spec, soort) !== undefined) return false;
  switch (soort) {
    case 'verdaging':
      return spec.verdagingMax !== undefined;
    case 'opschorting':
      return !opgeschort;
    case 'hervatting':
      return opgeschort;
    case 'instemming':
      return !opgeschort;
  }
}
