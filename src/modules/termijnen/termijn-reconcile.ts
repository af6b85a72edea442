/**
 * Pure reconciliation of the `termijn` table with the regime's desired set of running termijnen
 * (StepResult.termijnen is a desired state, not a diff: contract.ts). No I/O: the engine service
 * applies the plan inside its transaction.
 */
import type { KlachtEvent, TermijnMutatie, TermijnView } from '../../machines/contract';
import { isOpgeschort } from '../../machines/compiler/termijnen';
import { OUTBOX_TYPES, type OutboxBericht, type TermijnPayload } from '../outbox/outbox.types';
import type { HerinneringRecord, TermijnStatus } from './termijn.entity';
import { beginVanDag, eindVanDag } from './termijn-tijd';

/** The part of a running `termijn` row the reconciliation needs. */
export interface LopendeTermijn {
  id: string;
  naam: string;
  vervaldatum: string;
  vervaltOp: Date;
  revision: number;
  herinneringen: HerinneringRecord[];
  /** Its verdagingen, opschortingen and hervattingen (the row's `mutaties`): a suspended termijn does not pass. */
  mutaties?: ReadonlyArray<Pick<TermijnMutatie, 'soort' | 'at'>> | null;
  /** Whose `contact` it is (TermijnView.voor); null for every other name and for rows of before the column. */
  voor?: string | null;
}

export interface TermijnVelden {
  naam: string;
  label: string;
  vervaldatum: string;
  vervaltOp: Date;
  uitleg: string[];
  herinneringen: HerinneringRecord[];
  volgendeHerinneringOp: Date | null;
  escalatieNaar: string | null;
  grondslag: string | null;
  mutaties: TermijnView['mutaties'];
}

export interface TermijnPlan {
  /** New running termijnen, with the revision they start at. */
  nieuw: Array<TermijnVelden & { revision: number; voor?: TermijnView['voor'] }>;
  /** Running termijnen whose fields change; `verschoven` when the wake-up moments moved (revision + 1). */
  gewijzigd: Array<{ id: string; velden: TermijnVelden; revision: number; verschoven: boolean }>;
  /** Termijnen the regime no longer runs. */
  beeindigd: Array<{ id: string; naam: string; status: Exclude<TermijnStatus, 'lopend'> }>;
}

// Events that end a termijn without it being met or missed: the klacht went elsewhere or was withdrawn, or (ROUTE_GEMIGREERD,
// src/machines/migratie.ts) an ombudsman request left the klacht route whose termijnen never applied to it (Awb 9:31).
const ANNULEREND = /INGETROKKEN|INTREKKEN|ANNULE|DOORGESTUURD|DOORSTUREN|ROUTE_GEMIGREERD/;

/**
 * The reminder records of a running termijn as the regime's view gives them.
 * @param vorige  the row's records: a reminder already sent (or skipped) for the same day stays so (it must fire once)
 * @param stap  the row's last day before this step and the step's moment. A step that changes a termijn's reminders but
 *              not its last day (a version migration to a regeling with another notice period) gives the new ones from
 *              its moment on. A new reminder whose day had passed by then, for a recipient already reminded of that
 *              same last day, is skipped (`overgeslagenOp`): it would repeat that reminder with a notice period that
 *              never held (Awb 9:11: a reminder is there so the termijn can still be met). One for a recipient not yet
 *              reminded of it is sent, late, once, as any reminder whose wake-up comes late.
 */
export function herinneringRecords(
  view: TermijnView,
  vorige: HerinneringRecord[] = [],
  stap?: { vervaldatum: string; at: string },
): HerinneringRecord[] {
  return view.herinneringen.map((h) => {
    const eerder = vorige.find((v) => v.naam === h.naam && v.datum === h.datum);
    const record: HerinneringRecord = { naam: h.naam, datum: h.datum, naar: h.naar, op: beginVanDag(h.datum).toISOString() };
    if (eerder?.verzondenOp) record.verzondenOp = eerder.verzondenOp;
    if (eerder?.overgeslagenOp) record.overgeslagenOp = eerder.overgeslagenOp;
    if (
      !eerder &&
      stap &&
      stap.vervaldatum === view.vervaldatum &&
      Date.parse(record.op) <= Date.parse(stap.at) &&
      vorige.some((v) => v.verzondenOp && v.naar === h.naar)
    )
      record.overgeslagenOp = new Date(stap.at).toISOString();
    return record;
  });
}

/**
 * The moment a running termijn passes, as the regime counts it: the end of the last day the regime gives it now, when
 * that is later than its row's, else the row's own (`vervaltOp`; the regime's TERMIJN_VERLOPEN guard does not let it
 * pass earlier). A row can stand on an older day than the regime: written under a calendar the service no longer has
 * (a day equated with a holiday by decree since, Algemene termijnenwet art. 3 lid 3; a corrected holiday). The expiry
 * wake-up and a reminder's both ask this (termijn-wake.service.ts), so a reminder is not skipped as late while the
 * expiry finds the termijn still running (Awb 9:11 lid 1: the last day counts in full).
 * @param regime  the regime's running termijnen when it refused TERMIJN_VERLOPEN of this termijn at the row's moment;
 *                undefined when it accepted it (then the termijn passed at the row's moment)
 */
export function vervaltOpVolgensRegime(rij: Pick<LopendeTermijn, 'naam' | 'vervaltOp'>, regime?: readonly TermijnView[]): Date {
  const view = regime?.find((v) => v.naam === rij.naam);
  const eind = view ? eindVanDag(view.vervaldatum) : undefined;
  return eind && eind.getTime() > rij.vervaltOp.getTime() ? eind : rij.vervaltOp;
}

/** The reminder was sent, or skipped because its termijn had passed first: it never fires (again). */
export function herinneringAfgehandeld(h: HerinneringRecord): boolean {
  return Boolean(h.verzondenOp || h.overgeslagenOp);
}

/**
 * The moment of the next reminder still to come, or null. None while the termijn is suspended (a regeling's opschorting,
 * Klachtenprotocol Wmo keten Amsterdam §6): it does not run, its old last day no longer holds and its new one is known
 * only at the hervatting, so a reminder would announce a last day that is not one (Awb 9:11: a reminder is there so the
 * termijn can still be met). The hervatting gives the reminder before the new last day (termijnVelden), sent once.
 */
export function volgendeHerinnering(
  herinneringen: HerinneringRecord[],
  mutaties?: ReadonlyArray<Pick<TermijnMutatie, 'soort'>> | null,
): Date | null {
  if (isOpgeschort(mutaties)) return null;
  const open = herinneringen.filter((h) => !herinneringAfgehandeld(h)).map((h) => Date.parse(h.op));
  return open.length ? new Date(Math.min(...open)) : null;
}

/** A running termijn's row fields as the regime's view gives them (reminders already sent stay sent). */
export function termijnVelden(view: TermijnView, vorige?: HerinneringRecord[], stap?: { vervaldatum: string; at: string }): TermijnVelden {
  const herinneringen = herinneringRecords(view, vorige, stap);
  return {
    naam: view.naam,
    label: view.label,
    vervaldatum: view.vervaldatum,
    vervaltOp: eindVanDag(view.vervaldatum),
    uitleg: view.uitleg,
    herinneringen,
    volgendeHerinneringOp: volgendeHerinnering(herinneringen, view.mutaties),
    escalatieNaar: view.escalatieNaar ?? null,
    grondslag: view.grondslag ?? null,
    mutaties: view.mutaties,
  };
}

function sleutelMomenten(vervaldatum: string, herinneringen: Array<{ naam: string; datum: string }>): string {
  return [vervaldatum, ...herinneringen.map((h) => `${h.naam}@${h.datum}`).sort()].join('|');
}

/**
 * @param lopend  the klacht's running termijn rows
 * @param maxRevisie  highest revision ever used per name for this klacht (also ended rows), so a
 *                    termijn that starts again never reuses a job id of an earlier one
 * @param gewenst  StepResult.termijnen
 * @param event  the event that caused the step (decides nagekomen / verlopen / vervallen)
 * @param nooitGelopen  StepResult.herroepenGestart: termijnen a wake-up this step undid had started (regime.ts `inhalen`);
 *                      they never ran, so ending them now is neither meeting nor missing them: 'vervallen'
 * @param nietNagekomen  StepResult.vervallen: termijnen the step ended because the klacht left their holder (the
 *                       aanbieder's, when the klager goes on after its termijn or its contract ended: Klachtenprotocol Wmo
 *                       keten Amsterdam §6, §9). Not met, so one still running (or suspended) is not 'nagekomen' (the
 *                       reports' opTijd) but 'vervallen'; one already passed was missed ('verlopen'), as leaving does not
 *                       undo that.
 */
export function planTermijnen(
  lopend: LopendeTermijn[],
  maxRevisie: Record<string, number>,
  gewenst: TermijnView[],
  event: Pick<KlachtEvent, 'type' | 'at' | 'data'>,
  nooitGelopen: readonly string[] = [],
  nietNagekomen: readonly string[] = [],
): TermijnPlan {
  const plan: TermijnPlan = { nieuw: [], gewijzigd: [], beeindigd: [] };
  const perNaam = new Map(lopend.map((t) => [t.naam, t]));
  const gezien = new Set<string>();
  /** Running rows the regime still runs (changed or not); every other running row ends. */
  const voortgezet = new Set<string>();
  for (const view of gewenst) {
    if (gezien.has(view.naam)) throw new Error(`Regime returned termijn "${view.naam}" twice`);
    gezien.add(view.naam);
    const bestaand = perNaam.get(view.naam);
    // The same name for another party is another termijn: the gemeente's `contact` that starts when the klacht comes to
    // the gemeente while the aanbieder's still runs (suspended at the klager's request, or not yet met) does not take over
    // the aanbieder's row, which ends below as the klacht left its holder (Klachtenprotocol Wmo keten Amsterdam §6, §9;
    // TermijnDefinitie.geldtVoor). A row without a party (written before the engine recorded it) keeps the old reading.
    if (!bestaand || (bestaand.voor != null && view.voor !== undefined && bestaand.voor !== view.voor)) {
      plan.nieuw.push({ ...termijnVelden(view), revision: (maxRevisie[view.naam] ?? 0) + 1, ...(view.voor ? { voor: view.voor } : {}) });
      continue;
    }
    voortgezet.add(bestaand.id);
    const v = termijnVelden(view, bestaand.herinneringen, { vervaldatum: bestaand.vervaldatum, at: event.at });
    // Verdaging / opschorting moves the wake-up moments: a new revision makes old jobs stale.
    const verschoven = sleutelMomenten(bestaand.vervaldatum, bestaand.herinneringen) !== sleutelMomenten(v.vervaldatum, v.herinneringen);
    plan.gewijzigd.push({ id: bestaand.id, velden: v, revision: verschoven ? bestaand.revision + 1 : bestaand.revision, verschoven });
  }
  const at = Date.parse(event.at);
  for (const t of lopend) {
    if (voortgezet.has(t.id)) continue;
    let status: Exclude<TermijnStatus, 'lopend'>;
    if (event.type === 'TERMIJN_VERLOPEN' && event.data?.termijn === t.naam) status = 'verlopen';
    else if (ANNULEREND.test(event.type) || nooitGelopen.includes(t.naam)) status = 'vervallen';
    else if (nietNagekomen.includes(t.naam))
      status = at < t.vervaltOp.getTime() || stilVoor(t, t.vervaltOp.getTime()) ? 'vervallen' : 'verlopen';
    // Ended by a handling event: on time if it happened before the end of the last day, or while the termijn stood still
    // since before that end (a suspended termijn does not pass: docs/juridisch-kader.md §6; its row keeps the old last
    // day until HERVATTEN gives a new one).
    else status = at < t.vervaltOp.getTime() || stilVoor(t, t.vervaltOp.getTime()) ? 'nagekomen' : 'verlopen';
    plan.beeindigd.push({ id: t.id, naam: t.naam, status });
  }
  return plan;
}

/** The termijn is suspended now, by an opschorting that began before `moment`. */
function stilVoor(t: LopendeTermijn, moment: number): boolean {
  if (!isOpgeschort(t.mutaties)) return false;
  const laatste = t.mutaties?.findLast((m) => m.soort === 'opschorting');
  return laatste !== undefined && Date.parse(laatste.at) < moment;
}

/**
 * Whose termijn an outbox row of it names (payload `voor`, TermijnPayload): its row's own column, the value GET
 * /klachten/{id} shows for it; null for every name but `contact` (Klachtenprotocol Wmo keten Amsterdam §6, §9; Uitgangspunten
 * klachtenmanagement Sociaal Domein §5A: the aanbieder's and the gemeente's contact share a name and a label).
 */
export function termijnVoor(rij: { voor?: TermijnPayload['voor'] }): 'aanbieder' | 'gemeente' | null {
  return rij.voor ?? null;
}

/**
 * The outbox message that plans a running termijn's wake-ups (`termijn.gepland`, the CloudEvent
 * `nl.klachtregie.termijn.gestart`): after a step that starts or moves it, and after a wake-up that found its row behind
 * the regime. `basis` holds who and what caused it (klachtId, gemeente, event, at, actor, correlationId). `voor` is the
 * row's (a new row: the value written to it), required so no caller leaves it out.
 */
export function termijnGeplandBericht(
  klachtId: string,
  basis: Record<string, unknown>,
  t: { id: string; revision: number; voor: TermijnPayload['voor'] } & TermijnVelden,
): OutboxBericht {
  return {
    klachtId,
    type: OUTBOX_TYPES.termijnGepland,
    payload: {
      ...basis,
      termijnId: t.id,
      naam: t.naam,
      voor: termijnVoor(t),
      label: t.label,
      revision: t.revision,
      vervaldatum: t.vervaldatum,
      vervaltOp: t.vervaltOp.toISOString(),
      uitleg: t.uitleg,
      herinneringen: t.herinneringen,
    },
  };
}
