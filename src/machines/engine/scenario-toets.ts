/**
 * Checks a scenario's expectations against what the regime did on the virtual clock. Partial
 * matching: only what the scenario writes is checked (a field of an intent, one termijn among the
 * running ones). An event the regime refused fails the scenario unless it says `geweigerd`.
 * Pure: returns the deviations with the YAML path of the expectation; the CLI turns paths into
 * `file:line:column`.
 */
import type { Intent, StepResult, TermijnView } from '../contract';
import type { Pad } from '../definition/loader';
import { didYouMean } from '../definition/suggest';
import type { Regime } from '../regime';
import type { IntentVerwachting, GelezenScenario, VerloopVerwachting, Verwachting } from './scenario-bestand';
import { simuleer, type SimulatieUitkomst, type TijdlijnRegel } from './simulatie';

export interface Afwijking {
  /** YAML path of the expectation (or of the event) in the scenario file. */
  pad: Pad;
  /** Where in the scenario: `na VERDAGEN op 2026-05-12`. */
  moment: string;
  /** What was expected and what happened. */
  melding: string;
  /** Extra lines, e.g. how the due date was computed. */
  toelichting?: string[];
  /** Point at the key of `pad` (a misspelt name) rather than at its value. */
  sleutel?: boolean;
}

export interface ScenarioUitslag {
  scenario: GelezenScenario;
  regime: Regime;
  uitkomst: SimulatieUitkomst;
  afwijkingen: Afwijking[];
}

/** Every state path of the regime (`gemeente.inBehandeling`), to catch a misspelt `stap`. */
function statePaden(regime: Regime): string[] {
  const out: string[] = [];
  const loop = (states: Record<string, { states?: Record<string, unknown> }> | undefined, prefix: string) => {
    for (const [k, v] of Object.entries(states ?? {})) {
      const pad = prefix ? `${prefix}.${k}` : k;
      out.push(pad);
      loop(v.states as Record<string, { states?: Record<string, unknown> }> | undefined, pad);
    }
  };
  loop(regime.gecompileerd.config.states as never, '');
  return out;
}

const json = (v: unknown) => JSON.stringify(v);

/** Partial deep match: every key written in `verwacht` has the same value in `feit`. */
export function komtOvereen(verwacht: unknown, feit: unknown): boolean {
  if (verwacht === null || typeof verwacht !== 'object') return verwacht === feit;
  if (Array.isArray(verwacht)) {
    return Array.isArray(feit) && verwacht.length === feit.length && verwacht.every((v, i) => komtOvereen(v, feit[i]));
  }
  if (!feit || typeof feit !== 'object' || Array.isArray(feit)) return false;
  return Object.entries(verwacht).every(([k, v]) => komtOvereen(v, (feit as Record<string, unknown>)[k]));
}

function beschrijfIntent(i: Intent | IntentVerwachting): string {
  const data = i.data && Object.keys(i.data).length ? ` ${json(i.data)}` : '';
  return `${i.type}${i.naar ? ` aan ${i.naar}` : ''}${i.grondslag ? ` [${i.grondslag}]` : ''}${data}`;
}

function zoekIntent(verwacht: IntentVerwachting, intents: Intent[]): string | undefined {
  if (intents.some((i) => komtOvereen(verwacht, i))) return undefined;
  const zelfdeType = intents.filter((i) => i.type === verwacht.type);
  const wel = zelfdeType.length
    ? `wel gegeven: ${zelfdeType.map(beschrijfIntent).join('; ')}`
    : intents.length
      ? `wel gegeven: ${intents.map((i) => i.type).join(', ')}`
      : 'er werd geen enkele intent gegeven';
  return `verwacht intent ${beschrijfIntent(verwacht)}, maar die werd niet gegeven; ${wel}`;
}

function termijnTekst(t: TermijnView): string {
  return `${t.naam} ${t.vervaldatum}`;
}

interface Context {
  regime: Regime;
  staten: string[];
  termijnNamen: string[];
}

/** Checks one expectation block against one step (or the end state). */
function toetsVerwachting(
  ctx: Context,
  v: Verwachting,
  pad: Pad,
  moment: string,
  resultaat: StepResult,
  klok: { verlopen: TijdlijnRegel[]; herinneringen: TijdlijnRegel[] },
  event: string | undefined,
): Afwijking[] {
  const uit: Afwijking[] = [];
  const fout = (sub: Pad, melding: string, toelichting?: string[], sleutel?: boolean) =>
    uit.push({ pad: [...pad, ...sub], moment, melding, ...(toelichting ? { toelichting } : {}), ...(sleutel ? { sleutel } : {}) });
  const { regime } = ctx;

  if (v.geweigerd !== undefined && event) {
    if (v.geweigerd === false && !resultaat.accepted)
      fout(['geweigerd'], `verwacht dat ${event} wordt geaccepteerd, maar het werd geweigerd: ${resultaat.reason ?? ''}`);
    if (v.geweigerd !== false && resultaat.accepted)
      fout(['geweigerd'], `verwacht dat ${event} wordt geweigerd, maar het werd geaccepteerd (stap nu: ${resultaat.state})`);
    if (
      typeof v.geweigerd === 'string' &&
      !resultaat.accepted &&
      !(resultaat.reason ?? '').toLowerCase().includes(v.geweigerd.toLowerCase())
    ) {
      fout(['geweigerd'], `verwacht een weigering met '${v.geweigerd}' in de reden, maar de reden is: ${resultaat.reason ?? '(geen)'}`);
    }
  }
  if (v.stap !== undefined) {
    if (!ctx.staten.includes(v.stap)) {
      const s = didYouMean(v.stap, ctx.staten);
      fout(['stap'], `stap '${v.stap}' bestaat niet in de regeling van ${regime.summary.gemeente.naam}${s ? `; bedoelde u '${s}'?` : ''}`);
    } else if (resultaat.state !== v.stap) {
      fout(
        ['stap'],
        `verwacht stap '${v.stap}' (${regime.beschrijfState(v.stap)}), maar de klacht staat in '${resultaat.state}' (${regime.beschrijfState(resultaat.state)})`,
      );
    }
  }
  if (v.afgesloten !== undefined && v.afgesloten !== resultaat.done) {
    fout(
      ['afgesloten'],
      v.afgesloten
        ? `verwacht dat de klacht is afgesloten, maar die loopt nog (stap '${resultaat.state}')`
        : `verwacht dat de klacht nog loopt, maar die is afgesloten (stap '${resultaat.state}')`,
    );
  }
  for (const [naam, tv] of Object.entries(v.termijnen ?? {})) {
    if (!ctx.termijnNamen.includes(naam)) {
      const s = didYouMean(naam, ctx.termijnNamen);
      fout(
        ['termijnen', naam],
        `termijn '${naam}' bestaat niet in de regeling van ${regime.summary.gemeente.naam}${s ? `; bedoelde u '${s}'?` : `; bekend: ${ctx.termijnNamen.join(', ')}`}`,
        undefined,
        true,
      );
      continue;
    }
    const t = resultaat.termijnen.find((x) => x.naam === naam);
    const lopend = resultaat.termijnen.length ? resultaat.termijnen.map(termijnTekst).join(', ') : 'geen';
    if (tv === 'loopt niet') {
      if (t) fout(['termijnen', naam], `verwacht dat termijn ${naam} niet loopt, maar die loopt (vervalt ${t.vervaldatum})`);
      continue;
    }
    if (!t) {
      fout(['termijnen', naam], `verwacht dat termijn ${naam} loopt, maar die loopt niet (lopende termijnen: ${lopend})`);
      continue;
    }
    const verwacht = typeof tv === 'string' ? { vervaldatum: tv } : tv;
    if (verwacht.vervaldatum !== undefined && verwacht.vervaldatum !== t.vervaldatum) {
      fout(['termijnen', naam], `termijn ${naam}: verwacht vervaldatum ${verwacht.vervaldatum}, maar die is ${t.vervaldatum}`, t.uitleg);
    }
    for (const veld of ['label', 'grondslag', 'escalatieNaar'] as const) {
      if (verwacht[veld] !== undefined && verwacht[veld] !== t[veld])
        fout(['termijnen', naam, veld], `termijn ${naam}: verwacht ${veld} '${verwacht[veld]}', maar die is '${t[veld] ?? ''}'`);
    }
  }
  (v.intents ?? []).forEach((iv, i) => {
    const f = zoekIntent(iv, resultaat.intents);
    if (f) fout(['intents', i], f);
  });
  (v.geenIntents ?? []).forEach((type, i) => {
    const gevonden = resultaat.intents.filter((x) => x.type === type);
    if (gevonden.length)
      fout(['geenIntents', i], `verwacht geen intent ${type}, maar die werd wel gegeven: ${gevonden.map(beschrijfIntent).join('; ')}`);
  });
  (v.verlopen ?? []).forEach((vv: VerloopVerwachting, i) => {
    const e = typeof vv === 'string' ? { termijn: vv } : vv;
    const kandidaten = klok.verlopen.filter((r) => r.data?.termijn === e.termijn);
    const gebeurd = klok.verlopen.length
      ? klok.verlopen.map((r) => `${String(r.data?.termijn)} op ${r.datum}`).join(', ')
      : 'er verliep geen termijn';
    if (!kandidaten.length) {
      fout(
        ['verlopen', i],
        `verwacht dat termijn ${e.termijn} verloopt (virtuele klok), maar die verliep niet; ${klok.verlopen.length ? `wel verlopen: ${gebeurd}` : gebeurd}`,
      );
      return;
    }
    const opDag = e.op ? kandidaten.filter((r) => r.datum === e.op) : kandidaten;
    if (!opDag.length) {
      fout(
        ['verlopen', i, 'op'],
        `verwacht dat termijn ${e.termijn} verloopt op ${e.op}, maar die verliep op ${kandidaten.map((r) => r.datum).join(', ')}`,
      );
      return;
    }
    (e.intents ?? []).forEach((iv, j) => {
      const f = zoekIntent(
        iv,
        opDag.flatMap((r) => r.intents),
      );
      if (f) fout(['verlopen', i, 'intents', j], `bij het verlopen van ${e.termijn}: ${f}`);
    });
  });
  (v.herinneringen ?? []).forEach((hv, i) => {
    const gevonden = klok.herinneringen.filter(
      (r) =>
        r.herinnering &&
        komtOvereen({ termijn: hv.termijn, ...(hv.naar ? { naar: hv.naar } : {}) }, r.herinnering) &&
        (!hv.op || r.datum === hv.op),
    );
    if (!gevonden.length) {
      const wel = klok.herinneringen.map((r) => `${r.herinnering?.termijn} aan ${r.herinnering?.naar} op ${r.datum}`).join(', ') || 'geen';
      fout(
        ['herinneringen', i],
        `verwacht een herinnering voor termijn ${hv.termijn}${hv.naar ? ` aan ${hv.naar}` : ''}${hv.op ? ` op ${hv.op}` : ''}, maar die kwam niet; herinneringen: ${wel}`,
      );
    }
  });
  (v.mogelijk ?? []).forEach((e, i) => {
    if (!resultaat.volgendeEvents.includes(e))
      fout(
        ['mogelijk', i],
        `verwacht dat ${e} nu mogelijk is, maar dat is het niet; mogelijk: ${resultaat.volgendeEvents.join(', ') || 'niets'}`,
      );
  });
  (v.nietMogelijk ?? []).forEach((e, i) => {
    if (resultaat.volgendeEvents.includes(e))
      fout(['nietMogelijk', i], `verwacht dat ${e} nu niet mogelijk is, maar dat is het wel (stap '${resultaat.state}')`);
  });
  return uit;
}

/** The virtual clock must be able to fire every expiry; a refused TERMIJN_VERLOPEN is a defect of the regime. */
function geweigerdeVerlopen(klok: TijdlijnRegel[], pad: Pad, moment: string): Afwijking[] {
  return klok
    .filter((r) => !r.accepted)
    .map((r) => ({
      pad,
      moment,
      melding: `de virtuele klok liet termijn ${String(r.data?.termijn)} op ${r.datum} verlopen, maar de regeling weigerde dat: ${r.reason ?? ''}`,
    }));
}

/** Runs one scenario on `regime` and checks every expectation. */
export function toetsScenario(regime: Regime, scenario: GelezenScenario): ScenarioUitslag {
  const ctx: Context = { regime, staten: statePaden(regime), termijnNamen: Object.keys(regime.gecompileerd.ctx.specs).sort() };
  const uitkomst = simuleer(regime, scenario);
  const afwijkingen: Afwijking[] = [];
  const ontvangst = uitkomst.stappen[0];
  const momentOntvangst = `na ontvangst op ${ontvangst.regel.datum}`;
  const v0 = scenario.verwacht;
  if (v0) {
    const g = v0.gemeente;
    if (g && g.toLowerCase() !== regime.summary.gemeente.naam.toLowerCase() && g.toUpperCase() !== regime.summary.gemeente.cbsCode) {
      afwijkingen.push({
        pad: [...scenario.pad, 'verwacht', 'gemeente'],
        moment: momentOntvangst,
        melding: `verwacht de regeling van ${g}, maar die van ${regime.summary.gemeente.naam} (${regime.summary.gemeente.cbsCode}) geldt`,
      });
    }
    if (v0.versie && v0.versie !== regime.summary.versie) {
      afwijkingen.push({
        pad: [...scenario.pad, 'verwacht', 'versie'],
        moment: momentOntvangst,
        melding: `verwacht versie ${v0.versie}, maar versie ${regime.summary.versie} geldt`,
      });
    }
    afwijkingen.push(
      ...toetsVerwachting(ctx, v0, [...scenario.pad, 'verwacht'], momentOntvangst, ontvangst.resultaat, ontvangst, 'de ontvangst'),
    );
  }
  if (!ontvangst.resultaat.accepted) {
    if (!v0?.geweigerd)
      afwijkingen.push({
        pad: [...scenario.pad, 'intake'],
        moment: momentOntvangst,
        melding: `de ontvangst werd geweigerd: ${ontvangst.resultaat.reason ?? ''}`,
      });
    return { scenario, regime, uitkomst, afwijkingen };
  }
  scenario.gebeurtenissen.forEach((g, i) => {
    const stap = uitkomst.stappen[i + 1];
    const pad = [...scenario.pad, 'gebeurtenissen', i];
    const moment = `na ${g.event} op ${stap.regel.datum}`;
    afwijkingen.push(...geweigerdeVerlopen(stap.verlopen, pad, `vóór ${g.event} op ${stap.regel.datum}`));
    const v = scenario.verwachtPerGebeurtenis[i];
    if (!stap.resultaat.accepted && v?.geweigerd === undefined) {
      afwijkingen.push({
        pad,
        moment,
        melding: `${g.event} werd geweigerd (in stap '${stap.resultaat.state}'): ${stap.resultaat.reason ?? ''}`,
        toelichting: ['schrijf verwacht: { geweigerd: true } als dat de bedoeling is'],
      });
    }
    if (v) afwijkingen.push(...toetsVerwachting(ctx, v, [...pad, 'verwacht'], moment, stap.resultaat, stap, g.event));
  });
  const momentEind = `eindstand${scenario.tot ? ` op ${scenario.tot}` : ''}`;
  afwijkingen.push(
    ...geweigerdeVerlopen(uitkomst.naLaatste.verlopen, [...scenario.pad, scenario.tot ? 'tot' : 'gebeurtenissen'], momentEind),
  );
  if (scenario.eindstand) {
    // The end state after the clock ran to `tot`: its intents are those the clock raised after the last event.
    const eind = { ...uitkomst.eind, intents: uitkomst.naLaatste.verlopen.flatMap((r) => r.intents) };
    afwijkingen.push(
      ...toetsVerwachting(ctx, scenario.eindstand, [...scenario.pad, 'eindstand'], momentEind, eind, uitkomst.naLaatste, undefined),
    );
  }
  return { scenario, regime, uitkomst, afwijkingen };
}
