/**
 * Moving a running klacht to a new version of its definition (a published definition never changes; a running
 * klacht stays on its version unless it is migrated explicitly, with a dry run that shows old and new termijnen).
 *
 * The dry run replays the klacht's own history (intake and every accepted event, in order, at their own times)
 * on the new version: what the klacht would be had it run on that version from the start. It refuses, naming
 * the reason, when the replay does not get through, when the klacht would stand in another state (a state the
 * new version no longer has included), or when a running termijn would end earlier or disappear: the klager and
 * the behandelaar were told the old date (Awb 9:6 ontvangstbevestiging, 9:11 lid 2 verdaging), and a migration
 * may never take time away from them. Nor may it give an obligation more time: the klager was told its date, and the
 * day after it he may go to the second line (Awb 9:24 lid 1 sub b); a running afhandeltermijn moves only by a
 * verdaging, in writing and by at most four weeks (Awb 9:11 lid 2), or with his consent (lid 3), never by a new
 * version, which no letter announces. A longer termijn of the klager's own (his year for the second line) is shown and
 * allowed. A termijn the new version adds is allowed when it is an obligation that has not passed on the day of the
 * migration (one already passed would make a running klacht late after the fact, te laat and escalated at once); a
 * new term of the klager's own (the wait for his answer, reactieKlager) that would have begun before the migration is
 * refused: it would run against him without his ever having been told of it (Awb 9:24 lid 1 sub a naar analogie), and
 * its wake-up would close the klacht as 'niet bereikt'.
 *
 * Pure: the service reads the history and applies the new snapshot in one transaction.
 */
import type { AnyStateMachine, AnyStateNode } from 'xstate';
import type { CompiledRegime, Fase, Feiten, IntakeInput, StepResult, TermijnView } from './contract';
import { ombudsmanMedewerking } from './compiler/routering';
import { isVerplichting } from './compiler/termijnen';
import type { KlachtContext } from './compiler/types';
import { kalenderdag } from './termijnen';

/** A history entry as the service stores it (klacht_gebeurtenis): intake first, then accepted events in order. */
export interface HistorieStap {
  type: string;
  at: string;
  data?: Record<string, unknown>;
  /**
   * The state the step reached when it was taken (klacht_gebeurtenis.naar_state); absent for a step not on record (an
   * expiry the migration fires first). `speelAf` hands it to the regime: see HISTORISCHE_UITKOMSTEN.
   */
  naarState?: string;
}

export interface TermijnVergelijking {
  naam: string;
  label: string;
  /** Due date and its explanation on the current version (absent: the termijn is new). */
  oud?: { vervaldatum: string; uitleg: string[] };
  /** Due date and its explanation on the new version (absent: the termijn would no longer run). */
  nieuw?: { vervaldatum: string; uitleg: string[] };
  /** Days later (+) or earlier (-) on the new version. */
  verschilDagen?: number;
  /** A missed termijn of this name is lateness of the gemeente or the aanbieder (compiler/termijnen.ts). */
  verplichting: boolean;
}

export interface MigratieProef {
  vanVersie: string;
  naarVersie: string;
  vanState: string;
  /** The state on the new version (absent when the replay did not get through). */
  naarState?: string;
  termijnen: TermijnVergelijking[];
  /** Why this klacht cannot be migrated; empty: it can. */
  bezwaren: string[];
  /** The klacht on the new version (to store when applied); absent when there are bezwaren. */
  resultaat?: StepResult;
}

/** The types the service writes into the history that are not machine events (registration changes). */
export const GEEN_MACHINE_GEBEURTENIS = new Set(['REGISTRATIE_GEWIJZIGD']);

/**
 * The history line of a route migration: an ombudsman request moved from the klacht route onto its own (Awb 9:31). From
 * it on the request runs on the route its intake takes now; the steps before it were the old route's (`speelAf`).
 */
export const ROUTE_GEMIGREERD = 'ROUTE_GEMIGREERD';

/** Every state path of a machine (`gemeente.inBehandeling`), for "this state no longer exists". */
export function toestandenVan(machine: AnyStateMachine): Set<string> {
  const uit = new Set<string>();
  const loop = (node: AnyStateNode, pad: string[]) => {
    for (const [naam, kind] of Object.entries(node.states ?? {})) {
      const p = [...pad, naam];
      uit.add(p.join('.'));
      loop(kind as AnyStateNode, p);
    }
  };
  loop(machine.root, []);
  return uit;
}

function dagenTussen(van: string, tot: string): number {
  return Math.round((Date.parse(`${tot}T00:00:00Z`) - Date.parse(`${van}T00:00:00Z`)) / 86_400_000);
}

function alsIntake(stap: HistorieStap): IntakeInput {
  // The intake event carries the intake itself, with the registration given at intake next to it.
  const { registratie: _registratie, ...intake } = (stap.data ?? {}) as Record<string, unknown>;
  return intake as unknown as IntakeInput;
}

/** What the comparison reads of a running termijn (the regime's view, or its row in the service). */
export type VergelekenTermijn = Pick<TermijnView, 'naam' | 'label' | 'vervaldatum' | 'uitleg'>;

/** The termijnen of the klacht now and on the new version, side by side (running ones on either side). */
export function vergelijkTermijnen(oud: VergelekenTermijn[], nieuw: VergelekenTermijn[]): TermijnVergelijking[] {
  const namen = [...new Set([...oud.map((t) => t.naam), ...nieuw.map((t) => t.naam)])];
  return namen.map((naam) => {
    const o = oud.find((t) => t.naam === naam);
    const n = nieuw.find((t) => t.naam === naam);
    return {
      naam,
      label: (n ?? o)!.label,
      ...(o ? { oud: { vervaldatum: o.vervaldatum, uitleg: o.uitleg } } : {}),
      ...(n ? { nieuw: { vervaldatum: n.vervaldatum, uitleg: n.uitleg } } : {}),
      ...(o && n ? { verschilDagen: dagenTussen(o.vervaldatum, n.vervaldatum) } : {}),
      verplichting: isVerplichting(naam),
    };
  });
}

/**
 * The dry run for one klacht: its history replayed on `nieuw`, compared with where it stands now (`huidig`:
 * state and running termijnen on its current version `vanVersie`).
 */
export function proefMigratie(
  nieuw: CompiledRegime,
  historie: HistorieStap[],
  huidig: { vanVersie: string; state: string; termijnen: TermijnView[] },
  /** The day of the migration (Dutch calendar day, YYYY-MM-DD): a new termijn due before it is refused. */
  peildag?: string,
): MigratieProef {
  const basis = { vanVersie: huidig.vanVersie, naarVersie: nieuw.summary.versie, vanState: huidig.state };
  const bezwaren: string[] = [];
  if (!toestandenVan(nieuw.machine as AnyStateMachine).has(huidig.state)) {
    bezwaren.push(`de toestand ${huidig.state} (${huidig.state.split('.').at(-1)}) bestaat niet in versie ${nieuw.summary.versie}`);
  }
  const { resultaat: r, fout } = speelAf(nieuw, historie);
  if (!r) return { ...basis, termijnen: vergelijkTermijnen(huidig.termijnen, []), bezwaren: [...bezwaren, fout ?? 'geweigerd'] };
  const termijnen = vergelijkTermijnen(huidig.termijnen, r.termijnen);
  // When each termijn of the replay began (its context's `vanaf`): a new term of the klager's begun before the migration.
  const begonnen = (naam: string): string | undefined => {
    const vanaf = (r.snapshot as { context?: KlachtContext } | undefined)?.context?.termijnen?.[naam]?.vanaf;
    return vanaf ? kalenderdag(vanaf) : undefined;
  };
  if (r.state !== huidig.state)
    bezwaren.push(`de klacht zou in versie ${nieuw.summary.versie} in ${r.state} staan in plaats van ${huidig.state}`);
  for (const t of termijnen) {
    if (t.oud && !t.nieuw) bezwaren.push(`de lopende termijn ${t.label} (${t.naam}, ${t.oud.vervaldatum}) zou vervallen`);
    else if (!t.oud && t.nieuw && peildag && t.nieuw.vervaldatum < peildag) {
      bezwaren.push(
        t.verplichting
          ? `de nieuwe termijn ${t.label} (${t.naam}) zou al op ${t.nieuw.vervaldatum} verstreken zijn: een nieuwe verplichting kan een lopende klacht niet met terugwerkende kracht te laat maken`
          : `de nieuwe termijn ${t.label} (${t.naam}) zou al op ${t.nieuw.vervaldatum} verstreken zijn: een termijn die de klager nooit kreeg, kan niet met terugwerkende kracht tegen hem verstrijken (bij het verstrijken zou de klacht meteen verder gaan of sluiten)`,
      );
    } else if (!t.oud && t.nieuw && peildag && !t.verplichting && (begonnen(t.naam) ?? peildag) < peildag) {
      bezwaren.push(
        `de nieuwe termijn ${t.label} (${t.naam}) zou op ${begonnen(t.naam)} al zijn begonnen en op ${t.nieuw.vervaldatum} aflopen: een termijn van de klager loopt niet tegen hem voordat hij hem kreeg (Awb 9:24 lid 1 sub a naar analogie)`,
      );
    } else if (t.verschilDagen !== undefined && t.verschilDagen > 0 && t.verplichting) {
      bezwaren.push(
        `de lopende termijn ${t.label} (${t.naam}) zou ${t.verschilDagen} dag(en) langer worden: ${t.oud!.vervaldatum} wordt ${t.nieuw!.vervaldatum}: de klager kreeg de oude datum (Awb 9:6) en na een verstreken afhandeltermijn mag hij naar de tweede lijn (Awb 9:24 lid 1 sub b); uitstel alleen door verdaging, schriftelijk en hooguit vier weken (Awb 9:11 lid 2), of met instemming van de klager (lid 3)`,
      );
    } else if (t.verschilDagen !== undefined && t.verschilDagen < 0) {
      bezwaren.push(
        `de lopende termijn ${t.label} (${t.naam}) zou ${-t.verschilDagen} dag(en) korter worden: ${t.oud!.vervaldatum} wordt ${t.nieuw!.vervaldatum}`,
      );
    }
  }
  return { ...basis, naarState: r.state, termijnen, bezwaren, ...(bezwaren.length ? {} : { resultaat: r }) };
}

/**
 * 590fdb3: VERZOEK_OMBUDSMAN of a Jeugdwet klacht went to bijOmbudsman (its initial state onderzoek) and goes to
 * bijOmbudsman.kinderombudsman.onderzoek now, by the same actions (only the target changed). A klacht that went there
 * before keeps that state, and every rule there follows its route (tweede-lijn.block.ts): replayed, it stands where
 * the history records it.
 */
const NAAR_KINDEROMBUDSMAN = { event: 'VERZOEK_OMBUDSMAN', nu: 'bijOmbudsman.kinderombudsman.onderzoek', toen: 'bijOmbudsman.onderzoek' };

/** `a.b.c` as an XState state value: { a: { b: 'c' } }. */
function waardeVan(pad: string): unknown {
  const delen = pad.split('.');
  return delen.reduceRight<unknown>((binnen, deel) => (binnen === undefined ? deel : { [deel]: binnen }), undefined);
}

/**
 * The step's result at the state the history records for it, when the only difference is the renamed target of 590fdb3
 * (NAAR_KINDEROMBUDSMAN); the result as it is otherwise. The context is the transition's own, so only the state value
 * changes (also in the snapshot kept before wake-ups, regime.ts inhalen).
 */
function alsOpgetekend(regime: CompiledRegime, stap: HistorieStap, r: StepResult): StepResult {
  const { event, nu, toen } = NAAR_KINDEROMBUDSMAN;
  if (stap.type !== event || stap.naarState !== toen || r.state !== nu) return r;
  const verplaats = (snapshot: unknown): unknown => {
    const s = snapshot as { value?: unknown; context?: { voorWekkers?: { snapshot: unknown } } };
    const keten = s.context?.voorWekkers;
    return {
      ...s,
      ...(JSON.stringify(s.value) === JSON.stringify(waardeVan(nu)) ? { value: waardeVan(toen) } : {}),
      ...(keten ? { context: { ...s.context, voorWekkers: { ...keten, snapshot: verplaats(keten.snapshot) } } } : {}),
    };
  };
  const snapshot = verplaats(r.snapshot);
  return { ...r, snapshot, state: toen, volgendeEvents: regime.volgendeEventsOp?.(snapshot, stap.at) ?? r.volgendeEvents };
}

/**
 * The history replayed on a version: where the klacht stands on it, or why the replay stops. Each stored step is given
 * with the state it reached when it was taken (`naarState`), for the rules corrected since klachten were stored under
 * them, whose recorded outcome a replay honours (Awb 9:11 and legal certainty: what the klager was told and what happened
 * stays as it happened; the rule of now governs what comes after the migration). Each yields only where the history row
 * records what the old rule did, and only to that:
 * - 41a1304, Awb 9:11 lid 2 / Wkkgz 17 lid 2: a verdaging in werkdagen the old count let through (compiler/acties.ts
 *   mutatieFout: the ledger's leniency for a stored verdaging);
 * - 41a1304, Atw art. 1 lid 1 with a regeling's opschorting: the expiry of a termijn suspended in the days the Atw added,
 *   passed under the old count of the hervatting (acties.ts verstrekenVoor41a1304);
 * - 590fdb3, Jeugdwet 4.2.1 lid 6: the Kinderombudsman's forwarding of a Jeugdwet klacht into the gemeente's Awb titel
 *   9.1 handling (acties.ts, guard jeugdwetKlacht);
 * - 590fdb3, Wet Nationale ombudsman art. 11c, 11d: a Jeugdwet klacht that went to the Kinderombudsman before he had a
 *   state of his own stands at bijOmbudsman.onderzoek (alsOpgetekend).
 * There is no general preference for the recorded state: any other difference stops the replay or leaves the klacht in
 * another state, and the migration refuses.
 */
export function speelAf(regime: CompiledRegime, historie: HistorieStap[]): { resultaat?: StepResult; fout?: string } {
  const [intakeStap, ...alle] = historie;
  // After a route migration the request starts again from its intake on its own route (Awb 9:31): the steps taken
  // before it on the klacht route are history, not part of where it stands.
  const sinds = alle.map((s) => s.type).lastIndexOf(ROUTE_GEMIGREERD);
  const rest = sinds >= 0 ? alle.slice(sinds + 1) : alle;
  if (!intakeStap || intakeStap.type !== 'KLACHT_ONTVANGEN') return { fout: 'de historie begint niet met de ontvangst van de klacht' };
  let r = regime.start(alsIntake(intakeStap));
  if (!r.accepted) return { fout: `versie ${regime.summary.versie} weigert de intake: ${r.reason ?? ''}`.trim() };
  for (const [i, stap] of rest.entries()) {
    if (GEEN_MACHINE_GEBEURTENIS.has(stap.type)) continue;
    const volgende = regime.step(
      r.snapshot,
      { type: stap.type, at: stap.at, ...(stap.data ? { data: stap.data } : {}) },
      stap.naarState !== undefined ? { naarState: stap.naarState } : undefined,
    );
    if (!volgende.accepted)
      return {
        fout: `gebeurtenis ${i + 2} (${stap.type} op ${stap.at.slice(0, 10)}) past niet in versie ${regime.summary.versie}: ${volgende.reason ?? 'geweigerd'}`,
      };
    r = alsOpgetekend(regime, stap, volgende);
  }
  return { resultaat: r };
}

/**
 * The dry run for a stored klacht: its history replayed on its own version first (which must give the stored
 * state: otherwise the history is not the whole story and nothing is moved), then on the new one.
 */
export function proefMigratieVanKlacht(
  oud: CompiledRegime,
  nieuw: CompiledRegime,
  historie: HistorieStap[],
  opgeslagenState: string,
  peildag?: string,
): MigratieProef {
  const eigen = speelAf(oud, historie);
  if (!eigen.resultaat || eigen.resultaat.state !== opgeslagenState) {
    return {
      vanVersie: oud.summary.versie,
      naarVersie: nieuw.summary.versie,
      vanState: opgeslagenState,
      termijnen: [],
      bezwaren: [
        `de historie geeft op versie ${oud.summary.versie} niet de huidige toestand ${opgeslagenState}${eigen.fout ? ` (${eigen.fout})` : ''}`,
      ],
    };
  }
  return proefMigratie(
    nieuw,
    historie,
    { vanVersie: oud.summary.versie, state: opgeslagenState, termijnen: eigen.resultaat.termijnen },
    peildag,
  );
}

/**
 * An informatievraag or interventieverzoek of the ombudsman (fact `ombudsmanVerzoek`) filed before it had a route of its
 * own (Awb 9:31: no klaagschrift) took the klacht route: `gemeente.informeleFase` with the Awb 9:11 afhandeltermijn, or
 * with the hoofdklacht's aanbieder `doorgestuurdNaarAanbieder` with the aanbieder's termijnen, and no `ombudsmanTermijn`
 * (the ombudsman's date was kept as a fact only). A running klacht keeps its snapshot, so it stays there.
 */
export function opOudeOmbudsmanRoute(k: { state: string; done: boolean; ingediendBij: string; feiten: Record<string, unknown> }): boolean {
  return (
    !k.done &&
    k.ingediendBij === 'ombudsman' &&
    ombudsmanMedewerking({ feiten: k.feiten as Feiten }) !== undefined &&
    !k.state.startsWith('verzoekOmbudsman')
  );
}

/** The phases of the klacht route in which a request on it is still unanswered (nothing afgedaan yet). */
const NOG_OPEN: ReadonlySet<Fase> = new Set<Fase>(['gemeente', 'aanbieder', 'bijzonder']);

/**
 * The dry run of a route migration (`opOudeOmbudsmanRoute`): the request on `nieuw` as its intake routes now, from its
 * receipt: `verzoekOmbudsman.informatievraag` or `.interventieverzoek`, with `ombudsmanTermijn` to the date the ombudsman
 * set (a date already passed passes at once after the migration: the gemeente is late on it, and its escalation goes to
 * the leidinggevende). The klacht route's termijnen end (vervallen): Awb 9:11 and the aanbieder's terms apply to a
 * klaagschrift, never to this request, so their ending takes no time from anyone, unlike in a version migration. Refused,
 * naming why, when the request was already afgedaan on the klacht route (the ombudsman had his answer; reopening it would
 * ask the loket for it again) or the intake does not take the request's route on `nieuw`.
 */
export function proefOmbudsmanRoute(
  nieuw: CompiledRegime,
  historie: HistorieStap[],
  huidig: { vanVersie: string; state: string; termijnen: VergelekenTermijn[]; fase?: Fase },
): MigratieProef {
  const basis = { vanVersie: huidig.vanVersie, naarVersie: nieuw.summary.versie, vanState: huidig.state };
  const bezwaren: string[] = [];
  const afgedaan = historie.find((s) => s.type === 'AFDOENEN');
  if (afgedaan || (huidig.fase !== undefined && !NOG_OPEN.has(huidig.fase))) {
    bezwaren.push(
      `het verzoek is op de klachtroute al ${afgedaan ? `afgedaan (AFDOENEN op ${afgedaan.at.slice(0, 10)})` : `verder dan de behandeling (${huidig.state})`}: de ombudsman heeft zijn antwoord, en op de eigen route zou het loket het opnieuw moeten geven`,
    );
  }
  const [intakeStap] = historie;
  const r = intakeStap?.type === 'KLACHT_ONTVANGEN' ? nieuw.start(alsIntake(intakeStap)) : undefined;
  if (!r?.accepted || !r.state.startsWith('verzoekOmbudsman.')) {
    const fout = !r
      ? 'de historie begint niet met de ontvangst van de klacht'
      : `versie ${nieuw.summary.versie} neemt de intake niet op de route van het verzoek (${r.accepted ? r.state : (r.reason ?? 'geweigerd')})`;
    return { ...basis, termijnen: vergelijkTermijnen(huidig.termijnen, []), bezwaren: [...bezwaren, fout] };
  }
  return {
    ...basis,
    naarState: r.state,
    termijnen: vergelijkTermijnen(huidig.termijnen, r.termijnen),
    bezwaren,
    ...(bezwaren.length ? {} : { resultaat: r }),
  };
}
