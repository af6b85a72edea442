import type { CompiledRegime } from '../../machines/contract';
import { GEBEURTENISSEN, SYSTEEM_GEBEURTENISSEN, type DataVeld } from '../../machines/compiler/gebeurtenissen';
import { kalenderdag } from '../../machines/termijnen';

/**
 * What an act at `op` meets (EngineService.mogelijkOp): the klacht as the registration of an act at `op` will step it
 * (after the expiries that passed by then and did not run, Awb 9:11 lid 1), not as stored, or an uitstel of an
 * afhandeltermijn that passed at midnight is offered (the registration refuses it) and the klager's request to the second
 * line is left out (it takes it); and the events that klacht takes at `op`.
 */
export interface KlachtOp {
  stand: { snapshot: unknown };
  volgendeEvents: string[];
}

/** An event the klacht takes at a moment, and for one that names a termijn the termijnen it can name then. */
export interface StapOp {
  type: string;
  /** The data field that names the termijn (`termijn`) and the termijnen stepping accepts there at that moment. */
  termijnKeuze?: { veld: string; termijnen: string[] };
}

/** At most this many combinations of the other fields are tried per termijn (the termijn events have one or two). */
const MAX_PROEVEN = 32;

/**
 * Values of each kind of field that the data check accepts (gebeurtenissen.ts veldFout), the least of each where the
 * regime weighs the value: one unit of every unit a duur can have (a verdaging of one unit is refused only where none is
 * possible: its unit is not the termijn's, or the verdagingMax is used up, Awb 9:11 lid 2), and a date ten years on for
 * a day agreed for later (a date with the klager's consent lies on or after the due date, Awb 9:11 lid 3; a new date
 * not before the day of the act, Jeugdwet 4.2.1). The regime itself decides; these only let it answer for the termijn.
 */
function proefWaarden(v: DataVeld, dag: string): unknown[] {
  switch (v.soort) {
    case 'duur':
      return ['P1D', 'P1W', 'P1M', 'P1Y'];
    case 'datum':
      return [`${String(Number(dag.slice(0, 4)) + 10)}${dag.slice(4)}`.replace(/-02-29$/, '-02-28')];
    case 'tekst':
    case 'teksten':
      return ['proef'];
    case 'keuze':
      return [...(v.waarden ?? [])];
    case 'jaNee':
      return [true, false];
    case 'waar':
      return [true];
    default:
      return [];
  }
}

/** Every combination of the required fields other than the termijn (optional ones left out, as an empty form field is). */
function combinaties(velden: DataVeld[], dag: string): Array<Record<string, unknown>> {
  let uit: Array<Record<string, unknown>> = [{}];
  for (const v of velden) {
    if (!v.verplicht || v.soort === 'termijn' || v.soort === 'registratie' || v.soort === 'intake') continue;
    const waarden = proefWaarden(v, dag);
    if (waarden.length === 0) return [];
    uit = uit.flatMap((d) => waarden.map((w) => ({ ...d, [v.naam]: w }))).slice(0, MAX_PROEVEN);
  }
  return uit;
}

/**
 * The events the klacht takes at moment `op` (the "Gedaan op" of an act being registered) and, for an event that names
 * a termijn (VERDAGEN, UITSTEL_MET_INSTEMMING, OPSCHORTEN, HERVATTEN, NIEUWE_TERMIJN), the termijnen it can name at
 * that moment. Judged by the regime itself, as POST /klachten/{id}/gebeurtenissen would step it at `op`
 * (CompiledRegime.step; regime.ts `inhalen` for a moment before wake-ups since the last act): a termijn is offered when
 * stepping the event naming it at `op` is accepted for some value of its other fields. So a termijn that a later
 * wake-up started, one that had passed by then, a verdaging after the last day (Awb 9:11 lid 2) or an opschorting
 * outside the termijn are not offered, and at a moment before the klacht's last act (acts come in order of time) none
 * is. `klachtOp` is what the act meets (KlachtOp). The candidates are those the klacht offers now (RegimeControles.volgendeGebeurtenissen: the running termijnen
 * and those before the wake-ups since the last act). Nothing is stored: `step` is pure.
 */
export function stappenOp(regime: CompiledRegime | undefined, klachtOp: KlachtOp, op: string): StapOp[] {
  const { stand: klacht, volgendeEvents: types } = klachtOp;
  const dag = kalenderdag(op);
  return types.map((type): StapOp => {
    const velden = GEBEURTENISSEN[type]?.velden ?? [];
    const termijnVeld = velden.find((v) => v.soort === 'termijn');
    // A wake-up (TERMIJN_VERLOPEN) is Klachtregie's own step: nobody registers it, so it offers no choice.
    if (!termijnVeld || SYSTEEM_GEBEURTENISSEN.has(type)) return { type };
    // Without its regime's checks (a version no longer loaded) nothing can judge: the form keeps what the klacht offers.
    if (!regime?.controles) return { type };
    // The candidates: the termijnen the event can name now or before the wake-ups (the engine's own list of choices).
    const beschreven = regime.controles.volgendeGebeurtenissen(klacht.snapshot, [type])[0];
    const kandidaten = beschreven?.data.find((d) => d.naam === termijnVeld.naam)?.waarden ?? [];
    const proeven = combinaties(velden, dag);
    const termijnen = kandidaten.filter((naam) =>
      proeven.some((data) => regime.step(klacht.snapshot, { type, at: op, data: { ...data, [termijnVeld.naam]: naam } }).accepted),
    );
    return { type, termijnKeuze: { veld: termijnVeld.naam, termijnen } };
  });
}
