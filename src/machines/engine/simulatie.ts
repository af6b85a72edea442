/**
 * Runs a scenario on a virtual clock (docs/adr/0004-durable-klacht-engine.md): intake plus events at dates. Before every
 * event, TERMIJN_VERLOPEN fires for each termijn whose due date passed, and reminders that would have
 * fired are listed — as the service's jobs would do. Pure: returns the timeline, prints nothing.
 */
import type { IntakeInput, Intent, KlachtEvent, StepResult, TermijnView } from '../contract';
import type { Regime } from '../regime';
import { addDays, kalenderdag } from '../termijnen';

export interface ScenarioGebeurtenis {
  /** Day (`2026-04-02`) or instant of the event. */
  op: string;
  event: string;
  data?: Record<string, unknown>;
  actor?: string;
}

export interface Scenario {
  naam?: string;
  intake: IntakeInput;
  gebeurtenissen: ScenarioGebeurtenis[];
  /** Keep the clock running until this day (expiries and reminders up to it). */
  tot?: string;
}

export interface TijdlijnRegel {
  datum: string;
  soort: 'intake' | 'gebeurtenis' | 'verloop' | 'herinnering';
  event?: string;
  data?: Record<string, unknown>;
  van?: string;
  naar?: string;
  accepted?: boolean;
  reason?: string;
  termijnenGezet: TermijnView[];
  termijnenVerschoven: Array<{ termijn: TermijnView; van: string }>;
  termijnenGestopt: string[];
  intents: Intent[];
  herinnering?: { termijn: string; naam: string; naar: string; vervaldatum: string };
}

/** What one step of the scenario did: the result, and what the virtual clock did just before it. */
export interface StapUitkomst {
  /** The result of the intake (index 0) or of the scenario's event. */
  resultaat: StepResult;
  regel: TijdlijnRegel;
  /** TERMIJN_VERLOPEN fired by the virtual clock since the previous step (accepted or not). */
  verlopen: TijdlijnRegel[];
  /** Reminders that fell due since the previous step. */
  herinneringen: TijdlijnRegel[];
}

export interface SimulatieUitkomst {
  tijdlijn: TijdlijnRegel[];
  eind: StepResult;
  geweigerd: number;
  /** Per step: index 0 is the intake, index i the scenario's i-th event. */
  stappen: StapUitkomst[];
  /** What the clock did after the last event up to `tot`. */
  naLaatste: { verlopen: TijdlijnRegel[]; herinneringen: TijdlijnRegel[] };
}

/** A day or an instant as the instant of an event: a bare day counts as midday (Amsterdam, UTC+1/+2). */
export function alsTijdstip(op: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(op) ? `${op}T12:00:00Z` : op;
}

function verschil(voor: TermijnView[], na: TermijnView[]) {
  const oud = new Map(voor.map((t) => [t.naam, t]));
  const nieuw = new Map(na.map((t) => [t.naam, t]));
  return {
    gezet: na.filter((t) => !oud.has(t.naam)),
    verschoven: na
      .filter((t) => oud.has(t.naam) && oud.get(t.naam)!.vervaldatum !== t.vervaldatum)
      .map((t) => ({ termijn: t, van: oud.get(t.naam)!.vervaldatum })),
    gestopt: voor.filter((t) => !nieuw.has(t.naam)).map((t) => t.naam),
  };
}

export function simuleer(regime: Regime, scenario: Scenario): SimulatieUitkomst {
  const tijdlijn: TijdlijnRegel[] = [];
  let geweigerd = 0;
  const intake = { ...scenario.intake, ontvangenOp: alsTijdstip(scenario.intake.ontvangenOp) };
  let huidig = regime.start(intake);
  const stappen: StapUitkomst[] = [];
  tijdlijn.push({
    datum: kalenderdag(intake.ontvangenOp),
    soort: 'intake',
    event: 'KLACHT_ONTVANGEN',
    van: 'nieuw',
    naar: huidig.state,
    accepted: huidig.accepted,
    ...(huidig.reason ? { reason: huidig.reason } : {}),
    termijnenGezet: huidig.termijnen,
    termijnenVerschoven: [],
    termijnenGestopt: [],
    intents: huidig.intents,
  });
  stappen.push({ resultaat: huidig, regel: tijdlijn[0], verlopen: [], herinneringen: [] });
  const geenKlok = { verlopen: [], herinneringen: [] };
  if (!huidig.accepted) return { tijdlijn, eind: huidig, geweigerd: 1, stappen, naLaatste: geenKlok };
  let klok = kalenderdag(intake.ontvangenOp);
  const gemeld = new Set<string>();

  const stap = (soort: TijdlijnRegel['soort'], e: KlachtEvent): StepResult => {
    const voor = huidig;
    // As the service does: wrong data for an event that fits is refused before stepping, naming the fields.
    const fouten = regime.controles.controleerGebeurtenis(voor.snapshot, e);
    const r: StepResult = fouten.length
      ? { ...voor, accepted: false, reason: `ongeldige data: ${fouten.map((f) => `${f.name}: ${f.reason}`).join('; ')}`, intents: [] }
      : regime.step(voor.snapshot, e);
    const d = verschil(voor.termijnen, r.termijnen);
    tijdlijn.push({
      datum: kalenderdag(e.at),
      soort,
      event: e.type,
      ...(e.data ? { data: e.data } : {}),
      van: voor.state,
      naar: r.state,
      accepted: r.accepted,
      ...(r.reason ? { reason: r.reason } : {}),
      termijnenGezet: d.gezet,
      termijnenVerschoven: d.verschoven,
      termijnenGestopt: d.gestopt,
      intents: r.intents,
    });
    if (r.accepted) huidig = r;
    else geweigerd += 1;
    return r;
  };
  /** The clock's lines since index `vanaf` of the timeline, split into expiries and reminders. */
  const klokSinds = (vanaf: number) => ({
    verlopen: tijdlijn.slice(vanaf).filter((r) => r.soort === 'verloop'),
    herinneringen: tijdlijn.slice(vanaf).filter((r) => r.soort === 'herinnering'),
  });

  /** Moves the clock to `dag`: reminders on the way, expiries of termijnen due before it. */
  const klokTot = (dag: string) => {
    for (let ronde = 0; ronde < 100 && !huidig.done; ronde++) {
      const verlopen = huidig.termijnen.filter((t) => t.vervaldatum < dag).sort((a, b) => a.vervaldatum.localeCompare(b.vervaldatum));
      const eerste = verlopen[0];
      const grens = eerste ? addDays(eerste.vervaldatum, 1) : dag;
      for (const t of huidig.termijnen) {
        for (const h of t.herinneringen) {
          const sleutel = `${t.naam}:${t.vervaldatum}:${h.naam}`;
          if (h.datum > klok && h.datum <= grens && !gemeld.has(sleutel)) {
            gemeld.add(sleutel);
            tijdlijn.push({
              datum: h.datum,
              soort: 'herinnering',
              termijnenGezet: [],
              termijnenVerschoven: [],
              termijnenGestopt: [],
              intents: [],
              herinnering: { termijn: t.naam, naam: h.naam, naar: h.naar, vervaldatum: t.vervaldatum },
            });
          }
        }
      }
      if (!eerste) break;
      klok = grens;
      stap('verloop', { type: 'TERMIJN_VERLOPEN', at: `${grens}T00:00:00Z`, data: { termijn: eerste.naam } });
      if (!tijdlijn[tijdlijn.length - 1].accepted) break;
    }
    if (dag > klok) klok = dag;
  };

  for (const g of scenario.gebeurtenissen) {
    const vanaf = tijdlijn.length;
    const at = alsTijdstip(g.op);
    if (!huidig.done) klokTot(kalenderdag(at));
    const klokregels = klokSinds(vanaf);
    const resultaat = stap('gebeurtenis', {
      type: g.event,
      at,
      ...(g.data ? { data: g.data } : {}),
      ...(g.actor ? { actor: g.actor } : {}),
    });
    stappen.push({ resultaat, regel: tijdlijn[tijdlijn.length - 1], ...klokregels });
  }
  const naLaatsteVanaf = tijdlijn.length;
  if (scenario.tot) klokTot(addDays(scenario.tot, 1));
  const naLaatste = klokSinds(naLaatsteVanaf);
  tijdlijn.sort((a, b) => a.datum.localeCompare(b.datum));
  return { tijdlijn, eind: huidig, geweigerd, stappen, naLaatste };
}
