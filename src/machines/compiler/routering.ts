/**
 * Intake routing (Awb titel 9.1, docs/juridisch-kader.md §12, §13; docs/definities.md): which regime and which first line handle a new case.
 * One pure function, so the machine's guards, the graph check and the paths listing agree.
 */
import type { BijzonderRegime, Definitie } from '../definition/types';
import { OMBUDSMAN_MEDEWERKING, type OmbudsmanMedewerking } from '../feiten';
import type { IntakeGegevens } from './types';
import { alleFeiten, evalueer } from './voorwaarde';

export type Route =
  | 'signaal'
  | 'melding'
  | 'stoppenMetLeveren'
  | 'eigenOnderzoek'
  | 'ombudsmanInformatievraag'
  | 'ombudsmanInterventieverzoek'
  | 'jeugdwet'
  | 'wkkgz'
  | 'bijAanbieder'
  | 'doorgestuurdNaarAanbieder'
  | 'gemeente';

/** The klacht is about the gemeente's own conduct (EersteLijn.klachtOverGemeente). */
export function overGemeente(def: Definitie, intake: IntakeGegevens): boolean {
  const v = def.eersteLijn.klachtOverGemeente;
  return v !== undefined && evalueer(v, alleFeiten(intake));
}

/**
 * The special regime that applies: a klacht about the conduct of exactly one aanbieder whose type has one
 * (Jeugdwet 4.2.1 lid 1 and 6; Wkkgz 13). Not when the klacht is about the gemeente's own conduct.
 */
export function bijzonderRegimeVoor(def: Definitie, intake: IntakeGegevens): BijzonderRegime | undefined {
  if (intake.aanbieders.length !== 1 || overGemeente(def, intake)) return undefined;
  const type = intake.aanbieders[0].type;
  return type ? def.bijzondereRegimes?.[type] : undefined;
}

/**
 * The ombudsman's request for cooperation the intake carries (fact `ombudsmanVerzoek`, set by the service on the
 * request's own klacht): an informatievraag or interventieverzoek (Awb 9:31), which is no klaagschrift.
 */
export function ombudsmanMedewerking(intake: Pick<IntakeGegevens, 'feiten'>): OmbudsmanMedewerking | undefined {
  const v = intake.feiten.ombudsmanVerzoek;
  return (OMBUDSMAN_MEDEWERKING as readonly unknown[]).includes(v) ? (v as OmbudsmanMedewerking) : undefined;
}

/**
 * The intake of the klacht a case is about. An informatievraag or interventieverzoek of the ombudsman filed as a klacht of
 * its own (POST /klachten/{id}/ombudsman-verzoeken) carries its hoofdklacht's aanbieders and facts, with the request's
 * facts `ombudsmanVerzoek` and `ombudsmanTermijn` (klacht-acties.service.ts): without those it is the klacht the ombudsman
 * asks about, whose route says who answers him (Awb 9:31; for a Jeugdwet klacht the aanbieder, Wet Nationale ombudsman
 * art. 11d). Every other intake is the klacht itself.
 */
export function klachtVan(intake: IntakeGegevens): IntakeGegevens {
  if (ombudsmanMedewerking(intake) === undefined) return intake;
  const feiten = { ...intake.feiten };
  delete feiten.ombudsmanVerzoek;
  delete feiten.ombudsmanTermijn;
  return { ...intake, feiten };
}

export function routeer(def: Definitie, intake: IntakeGegevens): Route | undefined {
  switch (intake.soort) {
    case 'signaal':
      return 'signaal';
    case 'melding':
      return 'melding';
    case 'stoppenMetLeveren':
      return def.stoppenMetLeveren ? 'stoppenMetLeveren' : undefined;
    case 'eigenOnderzoek':
      // Awb 9:26: the ombudsman investigates on its own initiative; no klacht, no Awb 9.1 termijnen.
      return 'eigenOnderzoek';
    case 'klacht':
      break;
    default:
      // An unknown soort is refused, never silently handled as a klacht with Awb termijnen.
      return undefined;
  }
  // Awb 9:31: the ombudsman's informatievraag or interventieverzoek is no klaagschrift (Awb 9:1): no Awb 9:11 termijn,
  // no special regime of an aanbieder; the gemeente's loket answers it (Klachtenprotocol Wmo keten Amsterdam §12), or for a
  // request about a Jeugdwet klacht the aanbieder (by the route of klachtVan: Wet Nationale ombudsman art. 11d). Only a
  // klacht the ombudsman sends on takes the klacht route below (Awb 9:20).
  const medewerking = ombudsmanMedewerking(intake);
  if (medewerking === 'informatievraag') return 'ombudsmanInformatievraag';
  if (medewerking === 'interventieverzoek') return 'ombudsmanInterventieverzoek';
  // A klacht about the gemeente's own conduct stays under Awb titel 9.1 at the gemeente, wherever it was
  // filed and whichever aanbieder it also names: Jeugdwet 4.2.1 and the Wkkgz cover the aanbieder's conduct.
  if (overGemeente(def, intake)) return 'gemeente';
  // Jeugdwet 4.2.1 lid 6: Awb titel 9.1 does not apply; Wkkgz 13–17 for zorg. Wherever it was filed.
  const bijzonder = bijzonderRegimeVoor(def, intake);
  if (bijzonder) return bijzonder.regime === 'wkkgz' ? 'wkkgz' : 'jeugdwet';
  // "Klaag daar waar het is misgegaan": filed at the aanbieder, handled there (Klachtenprotocol Wmo keten Amsterdam §5A, Uitgangspunten klachtenmanagement Sociaal Domein §5A).
  if (intake.ingediendBij === 'aanbieder' && intake.aanbieders.length > 0) return 'bijAanbieder';
  return routeGemeente(def, intake);
}

/** Filed at the gemeente (or sent on by the ombudsman, Awb 9:20): handle it or forward it (warme doorverwijzing). */
export function routeGemeente(def: Definitie, intake: IntakeGegevens): 'gemeente' | 'doorgestuurdNaarAanbieder' {
  const feiten = alleFeiten(intake);
  const el = def.eersteLijn;
  // The gemeente's own criteria take precedence over forwarding (types.ts EersteLijn.behandelingDoorGemeente).
  if (el.behandelingDoorGemeente && evalueer(el.behandelingDoorGemeente, feiten)) return 'gemeente';
  // A klacht that names no aanbieder is about the gemeente itself (Uitgangspunten klachtenmanagement Sociaal Domein §5B).
  if (intake.aanbieders.length === 0) return 'gemeente';
  if (el.doorsturenNaarAanbieder) return evalueer(el.doorsturenNaarAanbieder, feiten) ? 'doorgestuurdNaarAanbieder' : 'gemeente';
  return el.standaard === 'aanbieder' ? 'doorgestuurdNaarAanbieder' : 'gemeente';
}

/** The one second-line body of a single definition at a date (GemW 81p; Awb 9:12 lid 2 names it). */
export { instantieOp as tweedeLijnOp } from '../definition/tweede-lijn-tijdlijn';
