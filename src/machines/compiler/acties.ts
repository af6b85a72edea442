/**
 * Named actions and guards of every compiled regime. Actions only change context and raise intents
 * (no I/O, docs/adr/0004-durable-klacht-engine.md); guards say why they refuse, so `step()` can answer in Dutch.
 */
import { assign } from 'xstate';
import { SOORTEN, type Intent, type IntakeInput, type IsoDate } from '../contract';
import { herbereken, kalenderdag, leesbareDatum, TermijnFout, voegMutatieToe, type Mutatie } from '../termijnen';
import { GESCHIL_GRONDEN, HOREN_UITZONDERINGEN, NIET_BEHANDELGRONDEN, OORDELEN } from './gebeurtenissen';
import { isKalenderdag } from '../feiten';
import { klachtVan, ombudsmanMedewerking, routeer } from './routering';
import { berekenLopend, GESCHIL_VOORLEGGEN, kalenderVan, ledgerVan, vervaldatumVan } from './termijnen';
import type { CompileCtx, IntakeGegevens, KlachtContext, KlachtMachineEvent, LopendeTermijn, TermijnPartij } from './types';
import { JAAR_NA_AFDOENING_AANBIEDER, NIET_BEREIKT, REACTIE_KLAGER, WACHT_OP_KLAGER } from './wacht-op-klager';
import { alleFeiten, evalueer } from './voorwaarde';
import { verschuivingWeigering } from './termijn-verschuiving';

type Args = { context: KlachtContext; event: KlachtMachineEvent };
type Patch = Partial<KlachtContext>;

export function tekst(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

function dataVan(e: KlachtMachineEvent): Record<string, unknown> {
  return e.data ?? {};
}

export function intakeVan(e: KlachtMachineEvent): IntakeGegevens | undefined {
  const i = dataVan(e).intake as IntakeInput | undefined;
  if (!i || typeof i !== 'object' || typeof i.ontvangenOp !== 'string' || typeof i.gemeente !== 'string') return undefined;
  return {
    gemeente: i.gemeente,
    kanaal: i.kanaal,
    ontvangenOp: i.ontvangenOp,
    ingediendBij: i.ingediendBij,
    soort: i.soort ?? 'klacht',
    ...(i.onderwerp ? { onderwerp: i.onderwerp } : {}),
    aanbieders: i.aanbieders ?? [],
    feiten: i.feiten ?? {},
  };
}

function metIntents(context: KlachtContext, ...intents: Intent[]): Intent[] {
  return [...context.intents, ...intents];
}

/** Builds actions and guards bound to one definition. */
export function maakActiesEnGuards(cc: CompileCtx) {
  const { def, specs } = cc;
  const kalender = kalenderVan(def);

  const spec = (naam: string) => specs[naam];
  const lopend = (c: KlachtContext, naam: unknown): LopendeTermijn | undefined =>
    typeof naam === 'string' ? c.termijnen[naam] : undefined;
  const vervaldatum = (c: KlachtContext, naam: string): string | undefined => {
    const l = c.termijnen[naam];
    return l && spec(naam) ? vervaldatumVan(spec(naam), l, kalender) : undefined;
  };
  const dag = (e: KlachtMachineEvent) => kalenderdag(e.at);
  /**
   * A klacht about a jeugdhulpaanbieder's own conduct (Jeugdwet 4.2.1; lid 6: not Awb titel 9.1): its second line is the
   * Kinderombudsman (Wet Nationale ombudsman art. 11c lid 1 sub b, 11d), where the aanbieder, not the gemeente, answers
   * (Awb 9:31, 9:36 by analogy). By its route, the one intake rule (routering.ts); for the Kinderombudsman's request filed
   * as a klacht of its own, the route of the klacht it is about (klachtVan).
   */
  const jeugdwetKlacht = (c: KlachtContext): boolean => c.intake !== undefined && routeer(def, klachtVan(c.intake)) === 'jeugdwet';

  /** The second-line body and the 1-year term, as every afdoening and kennisgeving must name them (Awb 9:12 lid 2). */
  const tweedeLijnBij = (datum: string) => cc.tweedeLijnOp(datum)?.instantie;
  /**
   * The second-line body whose request for cooperation a klacht answers (Awb 9:31): for a Jeugdwet klacht the Kinderombudsman
   * (Wet Nationale ombudsman art. 11a, 11c), whatever the gemeente's own second line on that day.
   */
  const ombudsmanVan = (c: KlachtContext, datum: string): string | undefined =>
    jeugdwetKlacht(c) ? 'Kinderombudsman' : tweedeLijnBij(datum)?.naam;
  // The gemeente that answers after a herindeling is named on every intent by the regime (regime.ts, `namens`).
  const tweedeLijnData = (datum: string) => {
    const t = tweedeLijnBij(datum);
    return {
      // Validation guarantees a body on every date a klacht can reach (tweede-lijn-tijdlijn.ts).
      tweedeLijn: t ? t.naam : 'onbekend: geen tweedelijnsvoorziening geldig op deze datum',
      tweedeLijnSoort: t?.soort,
      tweedeLijnTermijn: 'één jaar na deze mededeling (Awb 9:24 lid 1)',
    };
  };

  const startTermijnPatch = (c: KlachtContext, naam: string, vanaf: string, voor?: TermijnPartij): Patch =>
    spec(naam) ? { termijnen: { ...c.termijnen, [naam]: { naam, vanaf, mutaties: [], ...(voor ? { voor } : {}) } } } : {};

  const zonder = (c: KlachtContext, naam: string): Record<string, LopendeTermijn> => {
    const { [naam]: _weg, ...rest } = c.termijnen;
    return rest;
  };

  /**
   * Tries a ledger mutation; returns the Dutch refusal or undefined when it is allowed. `opgetekend`: the mutation is a
   * stored history row being replayed (migratie.ts speelAf), checked as the stored mutation it is (herbereken, not
   * voegMutatieToe). 41a1304 (Awb 9:11 lid 2, Wkkgz 17 lid 2) caps a verdaging in werkdagen in calendar days; one the old
   * count let through was told to the klager in writing and stands, as the ledger keeps it for a klacht that still runs on
   * it (herbereken's leniency): only that, anything else is refused as before.
   */
  const mutatieFout = (c: KlachtContext, naam: unknown, m: Mutatie, opgetekend = false): string | undefined => {
    const l = lopend(c, naam);
    if (!l || typeof naam !== 'string') {
      const lopende = Object.keys(c.termijnen);
      return `termijn '${String(naam ?? '')}' loopt niet${lopende.length ? `; lopende termijnen: ${lopende.join(', ')}` : ''}`;
    }
    // What the termijn's own definition never allows (Awb 9:31 a date the ombudsman set, Awb 9:11 no opschorting of an
    // afhandeltermijn, consent only for a handling term): the one rule the offered events follow too (controles.ts).
    const weigering = verschuivingWeigering(naam, spec(naam), m.soort);
    if (weigering) return weigering;
    try {
      if (opgetekend) herbereken(ledgerVan(spec(naam), l, kalender, [...l.mutaties, m]));
      else voegMutatieToe(ledgerVan(spec(naam), l, kalender), m);
      return undefined;
    } catch (e) {
      if (e instanceof TermijnFout) return e.message;
      return e instanceof Error ? e.message : String(e);
    }
  };

  const verdagingMutatie = (e: KlachtMachineEvent): Mutatie => ({
    soort: 'verdaging',
    at: e.at,
    duur: String(dataVan(e).duur ?? ''),
    ...(tekst(dataVan(e).reden) ? { reden: tekst(dataVan(e).reden) } : {}),
  });
  const instemmingMutatie = (e: KlachtMachineEvent): Mutatie => ({
    soort: 'instemming',
    at: e.at,
    tot: String(dataVan(e).tot ?? ''),
    schriftelijk: true,
    ...(tekst(dataVan(e).reden) ? { reden: tekst(dataVan(e).reden) } : {}),
  });

  /** The day a suspended termijn was suspended; it cannot expire until it runs again. */
  const opgeschortSinds = (c: KlachtContext, naam: string): string | undefined => {
    const l = c.termijnen[naam];
    return l && spec(naam) ? berekenLopend(spec(naam), l, kalender).opgeschortSinds : undefined;
  };

  /**
   * A running termijn whose (inclusive) due date lies before the event's day, and that is not suspended
   * (one ledger replay for both). The due date is inclusive (docs/juridisch-kader.md §5.3): expiry is from
   * the next day on.
   */
  const voorbijVervaldatum = (c: KlachtContext, naam: string, e: KlachtMachineEvent): boolean => {
    const l = c.termijnen[naam];
    if (!l || !spec(naam)) return false;
    const u = berekenLopend(spec(naam), l, kalender);
    return !u.opgeschortSinds && dag(e) > u.vervaldatum;
  };

  const verstreken = (c: KlachtContext, e: KlachtMachineEvent, naam?: string): boolean => {
    const t = dataVan(e).termijn;
    if (typeof t !== 'string' || (naam && t !== naam)) return false;
    return voorbijVervaldatum(c, t, e) || verstrekenVoor41a1304(c, t, e) !== undefined;
  };

  /**
   * The last day by which a recorded expiry (TERMIJN_VERLOPEN replayed from the history, migratie.ts speelAf; never a
   * live one) had passed under the count before 41a1304 (Atw art. 1 lid 1 with a regeling's opschorting), when the count
   * of now says it has not. Suspended in the days the Atw added, a hervatting then counted on from the unextended last day,
   * so the termijn ended before it resumed and its wake-up fired; now it gets those days back. The expiry stays as it
   * happened (its escalation went out); the termijn does not run again. Undefined otherwise.
   */
  const verstrekenVoor41a1304 = (c: KlachtContext, naam: string, e: KlachtMachineEvent): IsoDate | undefined => {
    const l = c.termijnen[naam];
    const s = spec(naam);
    if (!e.opgetekend || e.type !== 'TERMIJN_VERLOPEN' || !l || !s || l.gesteld || l.nieuweTermijn) return undefined;
    if (voorbijVervaldatum(c, naam, e)) return undefined;
    const oud = herbereken(ledgerVan(s, l, kalender), undefined, { hervattingVanafOnverlengd: true });
    return !oud.opgeschortSinds && dag(e) > oud.vervaldatum ? oud.vervaldatum : undefined;
  };

  /** A forwarding by the ombudsman (Awb 9:20 lid 1) recorded as going into the gemeente's handling, being replayed. */
  const doorgezondenNaarGemeenteOpgetekend = (e: KlachtMachineEvent): boolean =>
    e.type === 'OMBUDSMAN_DOORGEZONDEN' &&
    e.opgetekend !== undefined &&
    (e.opgetekend.naarState === 'gemeente' || e.opgetekend.naarState.startsWith('gemeente.'));

  /** The termijn passed: recorded as expired, or past its due date already (the wake-up may still be on its way). */
  const verlopenOfVoorbij = (c: KlachtContext, naam: string, e: KlachtMachineEvent): boolean =>
    c.verlopen.some((x) => x.naam === naam) || voorbijVervaldatum(c, naam, e);
  /** The aanbieder's handling term passed without afdoening. */
  const aanbiederVerstreken = (c: KlachtContext, e: KlachtMachineEvent): boolean => verlopenOfVoorbij(c, 'aanbiederAfhandeling', e);
  const aanbiederNogNiet = (c: KlachtContext): string => {
    const v = vervaldatum(c, 'aanbiederAfhandeling');
    if (v) return `de aanbieder heeft nog tot en met ${leesbareDatum(v)} om de klacht af te doen; daarna kan de klager verder`;
    // Done by the aanbieder in time: its termijn no longer runs, and never passed, so the way on after it does not open.
    if (c.afgedaanDoorAanbiederOp)
      return `de termijn van de aanbieder verstreek niet: hij deed de klacht op ${leesbareDatum(kalenderdag(c.afgedaanDoorAanbiederOp))} af (de weg na het verstrijken, Awb 9:24 lid 1 sub b naar analogie, geldt niet)`;
    return 'de aanbieder behandelt de klacht nog binnen zijn termijn';
  };

  /**
   * Awb 9:31 lid 1: a new date the ombudsman set (data.tot) for the answer still to come: a real day, after the request
   * came in and not before the event's own day. Undefined when it is one.
   */
  const gesteldeDatumFout = (c: KlachtContext, e: KlachtMachineEvent): string | undefined => {
    const tot = dataVan(e).tot;
    if (!isKalenderdag(tot)) return 'geef de nieuwe datum die de ombudsman stelde als data.tot (JJJJ-MM-DD) (Awb 9:31)';
    const ontvangen = c.intake ? kalenderdag(c.intake.ontvangenOp) : undefined;
    if (ontvangen && tot <= ontvangen)
      return `de nieuwe datum ${leesbareDatum(tot)} ligt niet na de ontvangst van het verzoek (${leesbareDatum(ontvangen)})`;
    if (tot < dag(e)) return `de nieuwe datum ${leesbareDatum(tot)} ligt vóór de dag van de gebeurtenis (${leesbareDatum(dag(e))})`;
    return undefined;
  };

  /**
   * The wait for the klager's answer after the aanbieder's afdoening (wacht-op-klager.ts) whose last day lies before the
   * event's day, if any: an answer registered after it comes too late (the last day counts, as for every termijn).
   */
  const wachtVoorbij = (c: KlachtContext, e: KlachtMachineEvent): string | undefined =>
    WACHT_OP_KLAGER.find((n) => voorbijVervaldatum(c, n, e));
  const wachtVoorbijReden = (c: KlachtContext, naam: string): string => {
    const v = vervaldatum(c, naam);
    return (
      `de klager kon tot en met ${v ? leesbareDatum(v) : 'de vervaldatum'} reageren op de afdoening door de aanbieder (${spec(naam)?.label ?? naam}, ${spec(naam)?.grondslag ?? ''}); ` +
      `die termijn is verstreken, dus de klacht wordt afgesloten met tevredenheid '${NIET_BEREIKT}'` +
      (naam === JAAR_NA_AFDOENING_AANBIEDER
        ? '; een verzoek aan de tweede lijn kan nog (VERZOEK_OMBUDSMAN), de ombudsman beslist of hij het behandelt (Awb 9:24 lid 1)'
        : '')
    );
  };
  /** The running termijnen without the wait for the klager's answer. */
  const zonderWacht = (c: KlachtContext): Record<string, LopendeTermijn> =>
    Object.fromEntries(Object.entries(c.termijnen).filter(([n]) => !WACHT_OP_KLAGER.includes(n)));

  /** Awb 9:8 lid 3: once the four weeks have passed (expired or not), declining is too late; the grond cannot change that. */
  const nietBehandelenOpTijd = (c: KlachtContext, e: KlachtMachineEvent): boolean => {
    if (c.verlopen.some((x) => x.naam === 'nietBehandelenKennisgeving')) return false;
    const v = vervaldatum(c, 'nietBehandelenKennisgeving');
    return v === undefined || dag(e) <= v;
  };

  const guardImpl: Record<string, (a: Args, p: Record<string, unknown>) => boolean> = {
    intakeEnRoute: ({ event }, p) => {
      const i = intakeVan(event);
      return i !== undefined && routeer(def, i) === p.route;
    },
    termijnVerstreken: ({ context, event }, p) => verstreken(context, event, p.termijn as string | undefined),
    verdagingToegestaan: ({ context, event }) =>
      mutatieFout(context, dataVan(event).termijn, verdagingMutatie(event), event.opgetekend !== undefined) === undefined,
    instemmingGeldig: ({ context, event }) =>
      /^\d{4}-\d{2}-\d{2}$/.test(String(dataVan(event).tot ?? '')) &&
      mutatieFout(context, dataVan(event).termijn, instemmingMutatie(event)) === undefined,
    opschortenGeldig: ({ context, event }) =>
      mutatieFout(context, dataVan(event).termijn, { soort: 'opschorting', at: event.at }) === undefined,
    hervattenGeldig: ({ context, event }) =>
      mutatieFout(context, dataVan(event).termijn, { soort: 'hervatting', at: event.at }) === undefined,
    nieuweTermijnGeldig: ({ context, event }, p) => {
      const d = dataVan(event);
      const tot = String(d.tot ?? '');
      return (
        d.termijn === p.termijn &&
        !!lopend(context, d.termijn) &&
        /^\d{4}-\d{2}-\d{2}$/.test(tot) &&
        tot >= dag(event) &&
        tekst(d.reden) !== undefined
      );
    },
    nietBehandelenBinnenTermijn: ({ context, event }) => {
      const grond = dataVan(event).grond;
      return typeof grond === 'string' && grond in NIET_BEHANDELGRONDEN && nietBehandelenOpTijd(context, event);
    },
    horenUitzondering: ({ event }, p) => dataVan(event).reden === p.reden,
    oordeelGeldig: ({ context, event }) => {
      const o = dataVan(event).oordeel;
      if (!OORDELEN.includes(o as never)) return false;
      // Awb 9:16: departing from the advice needs the reason.
      return !context.advies || context.advies === o || tekst(dataVan(event).redenAfwijking) !== undefined;
    },
    adviesGeldig: ({ event }) => OORDELEN.includes(dataVan(event).advies as never),
    instemmingKlager: ({ event }) => dataVan(event).instemmingKlager === true,
    tweedeLijnOpen: ({ context }) => context.tweedeLijnOpen === true,
    wachtOpKlagerLoopt: ({ context, event }) => wachtVoorbij(context, event) === undefined,
    wachtOpKlagerLooptEnTweedeLijnBevoegd: ({ context, event }) =>
      wachtVoorbij(context, event) === undefined && tweedeLijnBij(dag(event))?.bevoegdOverAanbieders === true,
    tweedeLijnBevoegdOverAanbieders: ({ event }) => tweedeLijnBij(dag(event))?.bevoegdOverAanbieders === true,
    aanbiederTermijnVerstreken: ({ context, event }) => aanbiederVerstreken(context, event),
    jeugdwetTermijnVerstreken: ({ context, event }) =>
      ['jeugdwetOordeel', 'jeugdwetReactie'].some((n) => verlopenOfVoorbij(context, n, event)),
    aanbiederTermijnVerstrekenEnTweedeLijnBevoegd: ({ context, event }) =>
      aanbiederVerstreken(context, event) && tweedeLijnBij(dag(event))?.bevoegdOverAanbieders === true,
    aanbiederTermijnVerstrekenZonderBevoegdeTweedeLijn: ({ context, event }) =>
      aanbiederVerstreken(context, event) && tweedeLijnBij(dag(event))?.bevoegdOverAanbieders !== true,
    rapportMetAanbevelingen: ({ event }) => dataVan(event).aanbevelingen === true,
    rapportZonderAanbevelingen: ({ event }) => dataVan(event).aanbevelingen === false,
    reactieGeldig: ({ event }) => {
      const d = dataVan(event);
      // Awb 9:36 lid 3: not following a recommendation needs reasons.
      return d.volgen === true || (d.volgen === false && tekst(d.motivering) !== undefined);
    },
    geschilToegestaan: ({ context, event }) => {
      const grond = dataVan(event).grond;
      // Wkkgz 21 lid 1 sub a: once the six weeks have passed, also before their wake-up ran (as the other ways on after a
      // passed termijn: verlopenOfVoorbij).
      return (typeof grond === 'string' && grond in GESCHIL_GRONDEN) || verlopenOfVoorbij(context, 'wkkgzAfhandeling', event);
    },
    // Wkkgz 21 lid 1 sub b: the klager's window after the written outcome (termijnen.ts GESCHIL_VOORLEGGEN). From the day
    // after its last day his answer is too late, also before the wake-up closed the klacht: it ends as the wake-up ends it.
    geschilVoorleggenLoopt: ({ context, event }) => !voorbijVervaldatum(context, GESCHIL_VOORLEGGEN, event),
    besluitGeldig: ({ event }) => ['toegestaan', 'afgewezen'].includes(String(dataVan(event).besluit)),
    redenGegeven: ({ event }) => tekst(dataVan(event).reden) !== undefined,
    viaOmbudsman: ({ context }) => context.intake?.ingediendBij === 'ombudsman',
    // Awb 9:31: filed as a klacht of its own (POST /klachten/{id}/ombudsman-verzoeken), which gives the loket the task.
    verzoekMetEigenKlacht: ({ event }) => tekst(dataVan(event).verzoekKlacht) !== undefined,
    // 590fdb3 (Jeugdwet 4.2.1 lid 6): before it, the Kinderombudsman's forwarding of a Jeugdwet klacht (Awb 9:20 lid 1 by
    // analogy) went into the gemeente's Awb titel 9.1 handling. A forwarding recorded so (replayed from the history,
    // migratie.ts speelAf; never a live one) keeps that outcome: the klacht was handled there, with what the klager was told.
    jeugdwetKlacht: ({ context, event }) => jeugdwetKlacht(context) && !doorgezondenNaarGemeenteOpgetekend(event),
    gesteldeDatumGeldig: ({ context, event }) => gesteldeDatumFout(context, event) === undefined,
  };

  /**
   * What a guard decides without the event's data: the list of events a klacht can take (regime.ts `volgendeEvents`)
   * asks it with only a moment, the one the list is about. Two kinds:
   * - guards that read only the context and the event's day (a termijn passed by then, the second line competent on
   *   that day, Awb 9:18 and 9:24 lid 1): here as they are (the same function), so the list offers the event exactly
   *   on the days stepping accepts it;
   * - guards that also check the event's data: here with only the part no data can change (Awb 9:8 lid 3: after the
   *   four weeks no grond makes declining timely).
   * A guard not here needs the data to decide: the event stays offered and stepping says what is missing.
   */
  const zonderData: Record<string, (a: Args, p: Record<string, unknown>) => boolean> = {
    tweedeLijnOpen: guardImpl.tweedeLijnOpen,
    viaOmbudsman: guardImpl.viaOmbudsman,
    jeugdwetKlacht: guardImpl.jeugdwetKlacht,
    wachtOpKlagerLoopt: guardImpl.wachtOpKlagerLoopt,
    wachtOpKlagerLooptEnTweedeLijnBevoegd: guardImpl.wachtOpKlagerLooptEnTweedeLijnBevoegd,
    tweedeLijnBevoegdOverAanbieders: guardImpl.tweedeLijnBevoegdOverAanbieders,
    aanbiederTermijnVerstreken: guardImpl.aanbiederTermijnVerstreken,
    jeugdwetTermijnVerstreken: guardImpl.jeugdwetTermijnVerstreken,
    geschilVoorleggenLoopt: guardImpl.geschilVoorleggenLoopt,
    aanbiederTermijnVerstrekenEnTweedeLijnBevoegd: guardImpl.aanbiederTermijnVerstrekenEnTweedeLijnBevoegd,
    aanbiederTermijnVerstrekenZonderBevoegdeTweedeLijn: guardImpl.aanbiederTermijnVerstrekenZonderBevoegdeTweedeLijn,
    nietBehandelenBinnenTermijn: ({ context, event }) => nietBehandelenOpTijd(context, event),
    // Jeugdwet 4.2.1: a new date can be set only for the termijn that still runs.
    nieuweTermijnGeldig: ({ context }, p) => lopend(context, p.termijn) !== undefined,
  };

  /** Dutch reason a guard refused, for StepResult.reason. */
  const weigering: Record<string, (a: Args, p: Record<string, unknown>) => string> = {
    intakeEnRoute: ({ event }) => {
      const i = intakeVan(event);
      if (!i) return 'de gebeurtenis mist de intake (data.intake met gemeente, kanaal, ontvangenOp, ingediendBij, aanbieders en feiten)';
      if (i.soort === 'stoppenMetLeveren') return 'deze definitie kent geen protocol stoppen met leveren (stoppenMetLeveren ontbreekt)';
      if (!SOORTEN.includes(i.soort)) return `onbekende soort '${String(i.soort)}': de soort is een van ${SOORTEN.join(', ')}`;
      return `geen route voor deze intake (soort ${i.soort}, ingediend bij ${i.ingediendBij})`;
    },
    termijnVerstreken: ({ context, event }, p) => {
      const t = dataVan(event).termijn;
      if (typeof t !== 'string') return "geef de termijn, bijvoorbeeld data: { termijn: 'afhandeling' }";
      if (p.termijn && t !== p.termijn) return `hier verloopt alleen termijn '${String(p.termijn)}'`;
      const v = vervaldatum(context, t);
      if (v === undefined) return `termijn '${t}' loopt niet (al gehaald, verplaatst of gestopt): een verouderde wekker doet niets`;
      const sinds = opgeschortSinds(context, t);
      if (sinds) return `termijn '${t}' is opgeschort sinds ${leesbareDatum(sinds)}: hij verstrijkt pas na de hervatting`;
      return `termijn '${t}' is nog niet verstreken: de vervaldatum is ${leesbareDatum(v)} en die dag telt nog mee`;
    },
    verdagingToegestaan: ({ context, event }) =>
      mutatieFout(context, dataVan(event).termijn, verdagingMutatie(event), event.opgetekend !== undefined) ?? '',
    instemmingGeldig: ({ context, event }) =>
      /^\d{4}-\d{2}-\d{2}$/.test(String(dataVan(event).tot ?? ''))
        ? (mutatieFout(context, dataVan(event).termijn, instemmingMutatie(event)) ?? '')
        : 'geef de met de klager afgesproken datum als data.tot (JJJJ-MM-DD) (Awb 9:11 lid 3)',
    opschortenGeldig: ({ context, event }) => mutatieFout(context, dataVan(event).termijn, { soort: 'opschorting', at: event.at }) ?? '',
    hervattenGeldig: ({ context, event }) => mutatieFout(context, dataVan(event).termijn, { soort: 'hervatting', at: event.at }) ?? '',
    nieuweTermijnGeldig: (_a, p) =>
      `geef data.termijn '${String(p.termijn)}', de nieuwe datum (data.tot, JJJJ-MM-DD, niet in het verleden) en de redenen (data.reden)`,
    nietBehandelenBinnenTermijn: ({ context, event }) => {
      const grond = dataVan(event).grond;
      if (typeof grond !== 'string' || !(grond in NIET_BEHANDELGRONDEN)) {
        return `geef de grond voor niet-behandelen (Awb 9:8): data.grond is een van ${Object.keys(NIET_BEHANDELGRONDEN).join(', ')}`;
      }
      const v =
        vervaldatum(context, 'nietBehandelenKennisgeving') ??
        context.verlopen.find((x) => x.naam === 'nietBehandelenKennisgeving')?.vervaldatum;
      return `de kennisgeving van niet-behandelen moest uiterlijk ${v ? leesbareDatum(v) : ''} (4 weken na ontvangst, Awb 9:8 lid 3); behandel de klacht`;
    },
    horenUitzondering: ({ event }) =>
      `van het horen kan alleen worden afgezien om een reden uit Awb 9:10 lid 2: data.reden is een van ${Object.keys(HOREN_UITZONDERINGEN).join(', ')} (niet '${String(dataVan(event).reden ?? '')}')`,
    oordeelGeldig: ({ context, event }) => {
      const o = dataVan(event).oordeel;
      if (!OORDELEN.includes(o as never)) return `geef het oordeel (Awb 9:12 lid 1): data.oordeel is een van ${OORDELEN.join(', ')}`;
      return `het oordeel '${String(o)}' wijkt af van het advies '${context.advies}': vermeld de reden in data.redenAfwijking; het advies gaat mee met de afdoening (Awb 9:16)`;
    },
    adviesGeldig: () => `geef het advies: data.advies is een van ${OORDELEN.join(', ')} (Awb 9:15 lid 4)`,
    instemmingKlager: () => 'mediation kan alleen met instemming van de klager: data.instemmingKlager: true',
    wachtOpKlagerLoopt: ({ context, event }) => wachtVoorbijReden(context, wachtVoorbij(context, event) ?? REACTIE_KLAGER),
    wachtOpKlagerLooptEnTweedeLijnBevoegd: ({ context, event }) => {
      const voorbij = wachtVoorbij(context, event);
      return voorbij
        ? wachtVoorbijReden(context, voorbij)
        : `${tweedeLijnBij(dag(event))?.naam ?? 'de tweede lijn'} oordeelt niet over de aanbieder (Uitgangspunten klachtenmanagement Sociaal Domein §5A); de klager kan over de afhandeling klagen bij de gemeente`;
    },
    tweedeLijnOpen: () =>
      'de klager kan nog niet naar de tweede lijn: eerst de interne klachtbehandeling (Awb 9:20), tenzij de afhandeltermijn verstreken is (Awb 9:24 lid 1 sub b)',
    tweedeLijnBevoegdOverAanbieders: ({ event }) =>
      `${tweedeLijnBij(dag(event))?.naam ?? 'de tweede lijn'} oordeelt niet over de aanbieder (Uitgangspunten klachtenmanagement Sociaal Domein §5A); de klager kan over de afhandeling klagen bij de gemeente`,
    aanbiederTermijnVerstreken: ({ context }) => aanbiederNogNiet(context),
    jeugdwetTermijnVerstreken: () =>
      'de klachtencommissie (Jeugdwet 4.2.1 lid 2) en de aanbieder (lid 5) zijn nog binnen hun termijn; daarna kan de klager naar de Kinderombudsman',
    aanbiederTermijnVerstrekenEnTweedeLijnBevoegd: ({ context, event }) =>
      aanbiederVerstreken(context, event)
        ? `${tweedeLijnBij(dag(event))?.naam ?? 'de tweede lijn'} oordeelt op deze datum niet over aanbieders; de klager kan bij de gemeente klagen (KLACHT_BIJ_GEMEENTE)`
        : aanbiederNogNiet(context),
    aanbiederTermijnVerstrekenZonderBevoegdeTweedeLijn: ({ context, event }) =>
      aanbiederVerstreken(context, event)
        ? `de klager gaat na het verstrijken van de termijn van de aanbieder naar ${tweedeLijnBij(dag(event))?.naam ?? 'de tweede lijn'} (VERZOEK_OMBUDSMAN)`
        : aanbiederNogNiet(context),
    rapportMetAanbevelingen: () => 'geef data.aanbevelingen: true of false',
    rapportZonderAanbevelingen: () => 'geef data.aanbevelingen: true of false',
    reactieGeldig: () =>
      'geef data.volgen (true of false); wie een aanbeveling niet volgt, geeft de redenen in data.motivering (Awb 9:36 lid 3)',
    geschilToegestaan: () =>
      'de klager kan naar de geschilleninstantie na de schriftelijke uitkomst of na het verstrijken van de termijn (Wkkgz 21 lid 1 sub b); daarvoor alleen met data.grond klachtregelingNietNageleefd (sub a) of nietRedelijk (sub c)',
    geschilVoorleggenLoopt: ({ context }) => {
      const v = vervaldatum(context, GESCHIL_VOORLEGGEN);
      const s = spec(GESCHIL_VOORLEGGEN);
      return (
        `de klager kon het geschil tot en met ${v ? leesbareDatum(v) : 'de vervaldatum'} voorleggen (${s?.label ?? GESCHIL_VOORLEGGEN}, ${s?.grondslag ?? ''}); ` +
        'die termijn is verstreken, dus de klacht wordt afgesloten; of de geschilleninstantie een later geschil nog behandelt, beslist zij zelf'
      );
    },
    besluitGeldig: () => 'geef het besluit: data.besluit is toegestaan of afgewezen',
    verzoekMetEigenKlacht: () => 'het verzoek heeft geen eigen klacht (data.verzoekKlacht)',
    jeugdwetKlacht: () => 'alleen een klacht over de eigen gedraging van een jeugdhulpaanbieder (Jeugdwet 4.2.1)',
    gesteldeDatumGeldig: ({ context, event }) => gesteldeDatumFout(context, event) ?? '',
    redenGegeven: () => 'geef in data.reden waarom (bijvoorbeeld wat de bestuurlijke impact is)',
    viaOmbudsman: () =>
      'alleen een klacht die de ombudsman heeft doorgezonden (ingediend bij de ombudsman), kan hij bij uitzondering zelf behandelen (Awb 9:20 lid 1)',
  };

  const push = (maak: (a: Args, p: Record<string, unknown>) => Intent[]) =>
    assign((a: Args, p: Record<string, unknown>) => ({ intents: metIntents(a.context, ...maak(a, p)) }));

  const actions = {
    /** First action of every event transition: the virtual clock moves, intents (and vervallen) start empty for this step. */
    begin: assign(({ context, event }: Args) => ({
      nu: event.at,
      intents: [] as Intent[],
      ...(context.vervallen ? { vervallen: undefined } : {}),
    })),
    registreerIntake: assign(({ event }: Args) => ({ intake: intakeVan(event) })),
    intent: push((_a, p) => [p as unknown as Intent]),
    startTermijn: assign(({ context, event }: Args, p: Record<string, unknown>) => {
      // `vanafVeld`: a day in the event's data on which the termijn starts instead (Jeugdwet 4.2.1 lid 5: the month
      // runs from the aanbieder's receipt of the oordeel), never before the event itself.
      const veld = typeof p.vanafVeld === 'string' ? dataVan(event)[p.vanafVeld] : undefined;
      const vanaf =
        p.vanaf === 'ontvangst' && context.intake
          ? context.intake.ontvangenOp
          : p.vanaf === 'gemeente'
            ? (context.ontvangenBijGemeente ?? event.at)
            : typeof veld === 'string' && veld > dag(event)
              ? veld
              : event.at;
      return startTermijnPatch(context, String(p.naam), vanaf, p.voor === 'aanbieder' || p.voor === 'gemeente' ? p.voor : undefined);
    }),
    /**
     * A termijn whose due date another body set (TermijnSpec.gesteld): the day in the intake's fact, from receipt. Without
     * a date (or with one that is no calendar day) nothing runs: Awb 9:31 sets no term of its own.
     */
    startGesteldeTermijn: assign(({ context }: Args, p: Record<string, unknown>) => {
      const naam = String(p.naam);
      const s = spec(naam);
      const tot = s?.gesteld ? context.intake?.feiten[s.gesteld.feit] : undefined;
      if (!s || !context.intake || !isKalenderdag(tot)) return {};
      const door = ombudsmanVan(context, kalenderdag(context.intake.ontvangenOp)) ?? 'de ombudsman';
      const lopend: LopendeTermijn = {
        naam,
        vanaf: context.intake.ontvangenOp,
        mutaties: [],
        gesteld: { tot, door, grondslag: s.grondslag },
      };
      return { termijnen: { ...context.termijnen, [naam]: lopend } };
    }),
    /**
     * Awb 9:31: the gemeente's loket answers the ombudsman's informatievraag or takes up his interventieverzoek
     * (Klachtenprotocol Wmo keten Amsterdam §12: the Klachtenteam coordinates with the ketenpartner), by his date if set.
     * The Kinderombudsman's request about a Jeugdwet klacht goes to the jeugdhulpaanbieder, as on the klacht itself
     * (bijOmbudsman, tweede-lijn.block.ts): Wet Nationale ombudsman art. 11d puts the aanbieder where 9:31 names the
     * bestuursorgaan, and Jeugdwet 4.2.1 lid 6 gives the gemeente no part in that klacht.
     */
    medewerkingOmbudsman: push(({ context }) => {
      const soort = context.intake ? ombudsmanMedewerking(context.intake) : undefined;
      if (!soort || !context.intake) return [];
      const tot = context.intake.feiten.ombudsmanTermijn;
      const aanbieder = jeugdwetKlacht(context);
      return [
        {
          type: soort === 'informatievraag' ? 'INFORMATIE_AAN_OMBUDSMAN' : 'INTERVENTIE_OPPAKKEN',
          naar: aanbieder ? 'aanbieder' : def.eersteLijn.gemeenteLoket,
          grondslag: aanbieder ? 'Wet Nationale ombudsman art. 11d; Awb 9:31 (naar analogie)' : 'Awb 9:31',
          data: {
            ombudsman: ombudsmanVan(context, kalenderdag(context.intake.ontvangenOp)),
            ...(isKalenderdag(tot) ? { termijn: tot } : {}),
          },
        },
      ];
    }),
    /**
     * Awb 9:31 lid 1: the ombudsman sets another date for the answer (the guard checked data.tot). The termijn runs to it
     * from the receipt, also when he had set none or the earlier date had passed; each change stays in its uitleg.
     */
    gesteldeTermijnWijzigen: assign(({ context, event }: Args, p: Record<string, unknown>) => {
      const naam = String(p.naam);
      const s = spec(naam);
      const tot = dataVan(event).tot;
      if (!s?.gesteld || !context.intake || !isKalenderdag(tot)) return {};
      const l = context.termijnen[naam];
      const van = l?.gesteld?.tot ?? context.verlopen.findLast((v) => v.naam === naam)?.vervaldatum;
      const reden = tekst(dataVan(event).reden);
      const vorig = l?.gesteld ?? {
        door: tweedeLijnBij(kalenderdag(context.intake.ontvangenOp))?.naam ?? 'de ombudsman',
        grondslag: s.grondslag,
      };
      const gesteld = {
        ...vorig,
        tot,
        wijzigingen: [...(l?.gesteld?.wijzigingen ?? []), { at: event.at, ...(van ? { van } : {}), tot, ...(reden ? { reden } : {}) }],
      };
      return {
        termijnen: {
          ...context.termijnen,
          [naam]: { naam, vanaf: l?.vanaf ?? context.intake.ontvangenOp, mutaties: l?.mutaties ?? [], gesteld },
        },
      };
    }),
    /** Receipt at the gemeente: the Awb 9:11 and 9:8 terms run from here (docs/juridisch-kader.md §5.3). */
    gemeenteOntvangst: assign(({ event }: Args) => ({ ontvangenBijGemeente: event.at, tweedeLijnOpen: false, advies: undefined })),
    stopAlleTermijnen: assign(() => ({ termijnen: {} as Record<string, LopendeTermijn> })),
    /** An intent whose data copies the named fields of the event data. */
    intentMetData: push(({ event }, p) => {
      const velden = (p.velden as string[]) ?? [];
      const data: Record<string, unknown> = {};
      for (const v of velden) if (dataVan(event)[v] !== undefined) data[v] = dataVan(event)[v];
      return [
        {
          type: String(p.type),
          ...(p.naar ? { naar: String(p.naar) } : {}),
          ...(p.grondslag ? { grondslag: String(p.grondslag) } : {}),
          data,
        },
      ];
    }),
    /** Awb 9:9: the beklaagde gets a copy of the klaagschrift (when a person is concerned, MvT). */
    afschriftBeklaagde: push(({ event }) => {
      const b = tekst(dataVan(event).beklaagde);
      return b ? [{ type: 'AFSCHRIFT_BEKLAAGDE', naar: 'beklaagde', grondslag: 'Awb 9:9', data: { beklaagde: b } }] : [];
    }),
    stopTermijn: assign(({ context }: Args, p: Record<string, unknown>) => ({ termijnen: zonder(context, String(p.naam)) })),
    /**
     * Ends a termijn whose holder loses the klacht before meeting it (KlachtContext.vervallen): not met, and missed only
     * if it had passed (the engine decides by its last day). Also named when the state's exit already stopped it.
     */
    vervalTermijn: assign(({ context }: Args, p: Record<string, unknown>) => ({
      termijnen: zonder(context, String(p.naam)),
      vervallen: [...(context.vervallen ?? []), String(p.naam)],
    })),
    /** Records a passed termijn and escalates it (reminders and escalations are jobs of the service). */
    termijnVerlopen: assign(({ context, event }: Args) => {
      const naam = String(dataVan(event).termijn);
      const s = spec(naam);
      // A recorded expiry under the count before 41a1304 passed on that count's last day, which is what was announced.
      const v = verstrekenVoor41a1304(context, naam, event) ?? vervaldatum(context, naam) ?? '';
      const intents: Intent[] = [
        {
          type: 'TERMIJN_OVERSCHREDEN',
          grondslag: s?.grondslag,
          data: { termijn: naam, label: s?.label, vervaldatum: v },
        },
      ];
      if (s?.escalatieNaar) {
        intents.push({ type: 'ESCALATIE', naar: s.escalatieNaar, grondslag: s.grondslag, data: { termijn: naam, vervaldatum: v } });
      }
      return {
        termijnen: zonder(context, naam),
        verlopen: [...context.verlopen, { naam, vervaldatum: v, verlopenOp: event.at }],
        intents: metIntents(context, ...intents),
      };
    }),
    /** Awb 9:11 / 9:24 lid 1 sub b: the klager may go to the second line; its year runs from the statutory end. */
    afhandelingOverschreden: assign(({ context, event }: Args) => {
      // The afhandeling that just passed (termijnVerlopen records it first). After the ombudsman sent the klacht back
      // (OMBUDSMAN_DOORGEZONDEN) an earlier one is on the list too, and the year runs from the latest statutory end.
      const v = context.verlopen.findLast((x) => x.naam === 'afhandeling')?.vervaldatum;
      const patch: Patch = { tweedeLijnOpen: true };
      // The notice names the second line competent on its own date, as every letter does (docs/juridisch-kader.md
      // §14): after a herindeling or a change of ombudsman on 1 January that is not the one of the due date.
      const t = v
        ? {
            ...tweedeLijnData(dag(event)),
            tweedeLijnTermijn: `één jaar na ${leesbareDatum(v)}, de laatste dag van de afhandeltermijn (Awb 9:24 lid 1 sub b)`,
          }
        : undefined;
      const basis = v && spec('tweedeLijnVerzoek') ? startTermijnPatch(context, 'tweedeLijnVerzoek', v) : {};
      return {
        ...patch,
        ...basis,
        intents: metIntents(context, {
          type: 'KLAGER_INFORMEREN_TWEEDE_LIJN',
          naar: 'klager',
          grondslag: 'Awb 9:11 lid 1, 9:24 lid 1 sub b',
          data: { reden: 'afhandeltermijn verstreken', ...(t ?? {}) },
        }),
      };
    }),
    verdagen: assign(({ context, event }: Args) => {
      const naam = String(dataVan(event).termijn);
      const l = context.termijnen[naam];
      const m = verdagingMutatie(event);
      const nieuw = { ...l, mutaties: [...l.mutaties, m] };
      const s = spec(naam);
      const grond = s.verdagingGrondslag ?? 'Awb 9:11 lid 2';
      const na = berekenLopend(s, nieuw, kalender).vervaldatum;
      // Awb 9:11 lid 2: written notice to klager and beklaagde; Wkkgz 17 lid 2: to the klager.
      const naar = grond.startsWith('Wkkgz') ? ['klager'] : ['klager', 'beklaagde'];
      return {
        termijnen: { ...context.termijnen, [naam]: nieuw },
        intents: metIntents(
          context,
          ...naar.map((n) => ({
            type: 'KENNISGEVING_VERDAGING',
            naar: n,
            grondslag: grond,
            data: { termijn: naam, duur: m.soort === 'verdaging' ? m.duur : undefined, nieuweVervaldatum: na },
          })),
        ),
      };
    }),
    uitstelMetInstemming: assign(({ context, event }: Args) => {
      const naam = String(dataVan(event).termijn);
      const l = context.termijnen[naam];
      const nieuw = { ...l, mutaties: [...l.mutaties, instemmingMutatie(event)] };
      return {
        termijnen: { ...context.termijnen, [naam]: nieuw },
        intents: metIntents(context, {
          type: 'INSTEMMING_VASTLEGGEN',
          naar: 'dossier',
          grondslag: 'Awb 9:11 lid 3',
          data: { termijn: naam, tot: dataVan(event).tot },
        }),
      };
    }),
    opschorten: assign(({ context, event }: Args) => {
      const naam = String(dataVan(event).termijn);
      const l = context.termijnen[naam];
      const m: Mutatie = {
        soort: 'opschorting',
        at: event.at,
        ...(tekst(dataVan(event).reden) ? { reden: tekst(dataVan(event).reden) } : {}),
      };
      return { termijnen: { ...context.termijnen, [naam]: { ...l, mutaties: [...l.mutaties, m] } } };
    }),
    hervatten: assign(({ context, event }: Args) => {
      const naam = String(dataVan(event).termijn);
      const l = context.termijnen[naam];
      return {
        termijnen: { ...context.termijnen, [naam]: { ...l, mutaties: [...l.mutaties, { soort: 'hervatting' as const, at: event.at }] } },
      };
    }),
    nieuweTermijn: assign(({ context, event }: Args, p: Record<string, unknown>) => {
      const naam = String(dataVan(event).termijn);
      const l = context.termijnen[naam];
      const n = { at: event.at, tot: String(dataVan(event).tot), reden: String(dataVan(event).reden), grondslag: String(p.grondslag) };
      const naar = (p.naar as string[]) ?? ['klager'];
      return {
        termijnen: { ...context.termijnen, [naam]: { ...l, nieuweTermijn: n } },
        intents: metIntents(
          context,
          ...naar.map((x) => ({
            type: 'KENNISGEVING_NIEUWE_TERMIJN',
            naar: x,
            grondslag: n.grondslag,
            data: { termijn: naam, tot: n.tot, reden: n.reden },
          })),
        ),
      };
    }),
    /** Uitgangspunten klachtenmanagement Sociaal Domein §11-VI: klachten and signalen with bestuurlijke impact go to the college 'onverwijld'. */
    collegeInformerenAlsNodig: push(({ context }) => {
      const v = def.signalen?.naarCollegeOnverwijld;
      if (!v || !context.intake || !evalueer(v, alleFeiten(context.intake))) return [];
      return [
        {
          type: 'COLLEGE_INFORMEREN',
          naar: 'college',
          grondslag: `${def.bron}: signalen met bestuurlijke impact onverwijld aan het college`,
          data: { termijn: 'onverwijld', soort: context.intake.soort, onderwerp: context.intake.onderwerp },
        },
      ];
    }),
    /**
     * Bestuurlijke impact that shows up while the klacht is handled goes to the college onverwijld too, at
     * any moment of the case (as the regeling says for signalen at intake; the college answers for the
     * conduct, Awb 9:1).
     */
    collegeOnverwijld: push(({ context, event }) => [
      {
        type: 'COLLEGE_INFORMEREN',
        naar: 'college',
        // The regeling's own rule where it has one; otherwise no rule is claimed (the college decides).
        ...(def.signalen?.naarCollegeOnverwijld
          ? { grondslag: `${def.bron}: klachten en signalen met bestuurlijke impact onverwijld aan het college` }
          : {}),
        data: {
          termijn: 'onverwijld',
          reden: tekst(dataVan(event).reden),
          soort: context.intake?.soort,
          onderwerp: context.intake?.onderwerp,
        },
      },
    ]),
    /** The ombudsman turned to a ketenpartner directly: the ketenpartner informs the gemeente (Klachtenprotocol Wmo keten Amsterdam §4, §12). */
    ombudsmanContactMelden: push(({ event }) => [
      {
        type: 'OMBUDSMAN_CONTACT_MELDEN',
        naar: def.eersteLijn.gemeenteLoket,
        grondslag: `${def.bron}; Awb 9:31`,
        data: { aanbieder: tekst(dataVan(event).aanbieder), onderwerp: tekst(dataVan(event).onderwerp) },
      },
    ]),
    /** Wmo 2015 art. 3.4, Jeugdwet 4.1.8, Wkkgz 11: calamiteit and geweld to the toezichthouder 'onverwijld'. */
    meldingToezichthouderAlsNodig: push(({ context }) => {
      const f = context.intake?.feiten ?? {};
      const aard = f.aard;
      const ernstig = f.calamiteit === true || f.geweld === true || aard === 'calamiteit' || aard === 'geweld';
      if (!ernstig) return [];
      return [
        {
          type: 'MELDING_TOEZICHTHOUDER',
          naar: def.signalen?.meldingenNaar ?? 'toezichthouder',
          grondslag: 'Wmo 2015 art. 3.4, Jeugdwet 4.1.8, Wkkgz 11',
          data: { termijn: 'onverwijld' },
        },
      ];
    }),
    /** Awb 9:20: the ombudsman sends a klacht filed directly with him to the gemeente first (Klachtenprotocol Wmo keten Amsterdam §4). */
    viaOmbudsmanAlsNodig: push(({ context }) =>
      context.intake?.ingediendBij === 'ombudsman'
        ? [
            {
              type: 'ONTVANGST_DOORGEZONDEN_KLACHT',
              naar: def.eersteLijn.gemeenteLoket,
              grondslag: 'Awb 9:20; Klachtenprotocol Wmo keten Amsterdam §4',
              data: { doorgezondenDoor: tweedeLijnBij(kalenderdag(context.intake.ontvangenOp))?.naam },
            },
          ]
        : [],
    ),
    /** Awb 2:3: forward 'onverwijld' and tell the sender. */
    doorzenden: push(({ context }, p) => {
      if (p.alleenVanGemeente && context.intake?.ingediendBij === 'aanbieder') return [];
      const aanbieder = context.intake?.aanbieders[0];
      return [
        {
          type: 'DOORZENDEN',
          naar: String(p.naar),
          grondslag: 'Awb 2:3 lid 1',
          data: { termijn: 'onverwijld', aanbieder: aanbieder?.id, aanbiederNaam: aanbieder?.naam },
        },
        {
          type: 'KENNISGEVING_DOORZENDING',
          naar: 'klager',
          grondslag: 'Awb 2:3 lid 1',
          data: { doorgezondenAan: String(p.naar), aanbieder: aanbieder?.naam ?? aanbieder?.id },
        },
      ];
    }),
    /** Awb 9:6, and 9:15 lid 1 when a klachtadviescommissie advises. */
    ontvangstbevestiging: push(() => {
      const kac = def.stappen.klachtadviescommissie;
      return [
        {
          type: 'ONTVANGSTBEVESTIGING',
          naar: 'klager',
          grondslag: kac ? 'Awb 9:6, 9:15 lid 1' : 'Awb 9:6',
          data: kac ? { adviescommissie: kac.naam } : {},
        },
      ];
    }),
    /** Awb 9:8 lid 3 with 9:12 lid 2: the notice names the second line and its one-year term. */
    kennisgevingNietBehandelen: push(({ event }) => [
      {
        type: 'KENNISGEVING_NIET_BEHANDELEN',
        naar: 'klager',
        grondslag: 'Awb 9:8 lid 3, 9:12 lid 2',
        data: {
          grond: dataVan(event).grond,
          artikel: NIET_BEHANDELGRONDEN[dataVan(event).grond as keyof typeof NIET_BEHANDELGRONDEN],
          ...tweedeLijnData(dag(event)),
        },
      },
    ]),
    /** Awb 9:12: written, reasoned afdoening naming the second-line body valid at that date (lid 2). */
    afdoeningsbrief: assign(({ context, event }: Args) => {
      const d = dataVan(event);
      const afwijking = context.advies && context.advies !== d.oordeel;
      return {
        oordeel: String(d.oordeel),
        tweedeLijnInstantie: tweedeLijnBij(dag(event))?.naam,
        intents: metIntents(context, {
          type: 'AFDOENINGSBRIEF',
          naar: 'klager',
          grondslag: afwijking ? 'Awb 9:12, 9:16' : 'Awb 9:12',
          data: {
            oordeel: d.oordeel,
            ...(d.maatregelen ? { maatregelen: d.maatregelen } : {}),
            // Awb 9:12 lid 1: findings and conclusions go into the letter (src/machines/definition/brieven.ts).
            ...(d.bevindingen ? { bevindingen: d.bevindingen } : {}),
            ...(d.conclusies ? { conclusies: d.conclusies } : {}),
            ...(afwijking ? { advies: context.advies, redenAfwijking: d.redenAfwijking, adviesBijgevoegd: true } : {}),
            ...tweedeLijnData(dag(event)),
          },
        }),
      };
    }),
    registreerAdvies: assign(({ event }: Args) => ({ advies: String(dataVan(event).advies) })),
    /** Awb 9:24 lid 1 sub a: the year runs from the notice. */
    tweedeLijnVensterOpenen: assign(({ context, event }: Args) => ({
      tweedeLijnOpen: true,
      ...startTermijnPatch(context, 'tweedeLijnVerzoek', event.at),
    })),
    verzoekOmbudsman: push(({ event, context }, p) => {
      const t = p?.instantie ? { naam: String(p.instantie), soort: String(p.soort) } : tweedeLijnBij(dag(event));
      const termijn = context.termijnen.tweedeLijnVerzoek;
      // A year that already passed (its TERMIJN_VERLOPEN took it off the running termijnen) still decides: a request
      // after it is late, and the ombudsman need not take it up (Awb 9:24 lid 1).
      const v = termijn
        ? vervaldatum(context, 'tweedeLijnVerzoek')
        : context.verlopen.findLast((x) => x.naam === 'tweedeLijnVerzoek')?.vervaldatum;
      return [
        {
          type: 'VERZOEK_TWEEDE_LIJN_REGISTREREN',
          naar: t?.naam ?? 'tweede lijn',
          grondslag: 'Awb 9:18, 9:24',
          data: { instantie: t?.naam, soort: t?.soort, binnenTermijn: v === undefined || dag(event) <= v },
        },
      ];
    }),
    /**
     * Awb 9:36 lid 2, 3: the report goes to the one whose conduct it judges, who reacts to its recommendations. For a
     * Jeugdwet klacht about a private jeugdhulpaanbieder's own conduct (Jeugdwet 4.2.1) that the klager took on to the
     * Kinderombudsman, that is the aanbieder (Wet Nationale ombudsman art. 11c, 11d: Awb titel 9.2 by analogy), not the
     * gemeente; every other klacht's report goes to the gemeente's loket.
     */
    rapportOntvangen: push(({ context }) => {
      return [
        jeugdwetKlacht(context)
          ? { type: 'RAPPORT_ONTVANGEN', naar: 'aanbieder', grondslag: 'Wet Nationale ombudsman art. 11d; Awb 9:36 lid 2 (naar analogie)' }
          : { type: 'RAPPORT_ONTVANGEN', naar: def.eersteLijn.gemeenteLoket, grondslag: 'Awb 9:36 lid 2' },
      ];
    }),
    resetTweedeLijn: assign(() => ({ tweedeLijnOpen: false, advies: undefined })),
    /**
     * Awb 9:20 lid 1 by analogy (Wet Nationale ombudsman art. 11d): the Kinderombudsman sent the Jeugdwet klacht back to
     * the klachtencommissie. Its handling starts again, and the terms of that round decide when the klager may go on
     * (Jeugdwet 4.2.1 lid 2 sub c, lid 5): an earlier round's passing no longer opens the way (guard jeugdwetTermijnVerstreken).
     */
    jeugdwetOpnieuw: assign(({ context }: Args) => ({
      verlopen: context.verlopen.filter((v) => v.naam !== 'jeugdwetOordeel' && v.naam !== 'jeugdwetReactie'),
    })),
    /**
     * The aanbieder's afdoening bounds the wait for the klager's answer (wacht-op-klager.ts): where the second line judges
     * aanbieders on its day, the klager's year runs from it, the notice of the aanbieder's findings (Awb 9:24 lid 1 sub a
     * by analogy); elsewhere the definition's own reactieKlager, if it sets one (the regeling gives none).
     */
    wachtOpKlagerStarten: assign(({ context, event }: Args) => {
      if (WACHT_OP_KLAGER.some((n) => context.termijnen[n])) return {};
      const jaar = tweedeLijnBij(dag(event))?.bevoegdOverAanbieders === true;
      return {
        afgedaanDoorAanbiederOp: event.at,
        ...startTermijnPatch(context, jaar ? JAAR_NA_AFDOENING_AANBIEDER : REACTIE_KLAGER, event.at),
      };
    }),
    /**
     * Awb 9:24 lid 1 sub a: the klager not satisfied with the aanbieder's afdoening goes on within the year from that
     * afdoening, not a new year from the day his answer is registered: tweedeLijnVerzoek runs from where the wait began.
     * Where no wait could run that day, from the afdoening all the same; only a klacht that reached afgedaan before this
     * rule and was not reconciled (it knows neither) counts from now.
     */
    tweedeLijnVensterNaAfdoeningAanbieder: assign(({ context, event }: Args) => {
      const wacht = WACHT_OP_KLAGER.map((n) => context.termijnen[n]).find((l) => l !== undefined);
      const rest = { ...context, termijnen: zonderWacht(context) };
      const vanaf = wacht?.vanaf ?? context.afgedaanDoorAanbiederOp ?? event.at;
      return { tweedeLijnOpen: true, termijnen: rest.termijnen, ...startTermijnPatch(rest, 'tweedeLijnVerzoek', vanaf) };
    }),
    /** The klager answered or went elsewhere: the wait for his answer ends. */
    wachtOpKlagerBeeindigen: assign(({ context }: Args) => ({ termijnen: zonderWacht(context) })),
  };

  const guards = Object.fromEntries(Object.entries(guardImpl).map(([k, f]) => [k, (a: Args, p: Record<string, unknown>) => f(a, p ?? {})]));
  return { actions, guards, guardImpl, zonderData, weigering, vervaldatum };
}

export type ActiesEnGuards = ReturnType<typeof maakActiesEnGuards>;
