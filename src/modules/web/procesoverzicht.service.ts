import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AnyStateMachine } from 'xstate';
import { DataSource } from 'typeorm';
import { KLOK, type Klok, vandaagVan } from '../../common/klok';
import { ProblemException } from '../../common/problem';
import type { DefinitionSummary } from '../../machines/contract';
import { FASE_LABELS, stateNodes, toDiagramGraph, toSvg, type DiagramGraph, type DiagramOverlay } from '../../machines/diagram';
import type { Regime } from '../../machines/regime';
import { eigenVersie, gemeenteNaamOp } from '../../machines/verantwoordelijke';
import { band } from '../termijnen/te-laat';
import { dagVan } from '../termijnen/termijn-tijd';
import { maandPeriode } from '../reports/rapportage-gemeenten';
import {
  GEEN_VERZOEK_OVER_KLACHT,
  periodeSql,
  queryKlachtenInState,
  queryStateTellingen,
  type KlachtInState,
  type StateTelling,
} from '../reports/rapportage.repository';
import { WEB_REGISTRY, type WebRegistry } from './web-registry.provider';

/** Days before the due date that count as "bijna verlopen" (the usual herinnering is one week; we flag 5 days). */
export const BIJNA_DAGEN = 5;

export interface StateOverzicht {
  state: string;
  label: string;
  fase?: string;
  faseLabel?: string;
  type: string;
  parent?: string;
  /** For a compound state: the klachten in any of its substates. */
  count: number;
  overdue: number;
  nearlyDue: number;
  onTime: number;
  /** Leaf states only (a median does not add up over substates). */
  medianDays: number | null;
}

export interface Procesoverzicht {
  definitie: DefinitionSummary;
  titel: string;
  peildatum: string;
  bijnaDagen: number;
  totaal: number;
  states: StateOverzicht[];
  /** States in the database the machine does not know (should be empty; shown so nothing is hidden). */
  onbekend: StateTelling[];
}

/**
 * Live state of one definition version for process owners (docs/beheer-en-rapportages.md): the statechart from the
 * compiled machine, with counts, te laat / bijna verlopen / op tijd bands (te-laat.ts, the same
 * definition as the `overdue` filter and the reports) and median time in state from PostgreSQL.
 *
 * `gemeenten` is the caller's `klachtGemeenten`: after a herindeling the remaining gemeente handles the dissolved
 * one's running klachten (Wet algemene regels herindeling art. 40 e.v.), which stay on the dissolved gemeente's
 * definition, so these read-only views count them and accept and list that definition too (after the own ones).
 */
@Injectable()
export class ProcesoverzichtService {
  private readonly grafen = new Map<string, DiagramGraph>();

  constructor(
    @Inject(WEB_REGISTRY) private readonly registry: WebRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(KLOK) private readonly klok: Klok,
  ) {}

  /**
   * The definitions whose klachten the caller follows: its own first (the page opens the first), then those of the
   * gemeenten opgeheven into it, on whose regeling their running klachten stay (Wet arhi art. 40 e.v.). Per definition
   * the version in force today comes first (eigenVersie, the engine's lookup: one regeling per day), then the others,
   * newest first: a version published ahead of its geldigVanaf is not what the process owner's klachten run on today.
   */
  definities(gemeenten: readonly string[]): DefinitionSummary[] {
    const rang = (s: DefinitionSummary) => gemeenten.indexOf(s.gemeente.cbsCode.toUpperCase());
    const eigen = this.registry.regimes.map((r) => r.summary).filter((s) => rang(s) >= 0);
    const vandaag = vandaagVan(this.klok);
    const inWerking = new Set(
      [...new Set(eigen.map((s) => s.id))].map((id) => {
        const versies = eigen.filter((s) => s.id === id);
        return eigenVersie(versies, versies[0].gemeente.cbsCode, vandaag);
      }),
    );
    const voorrang = (s: DefinitionSummary) => (inWerking.has(s) ? 0 : 1);
    return eigen.sort(
      (a, b) => rang(a) - rang(b) || a.id.localeCompare(b.id) || voorrang(a) - voorrang(b) || b.versie.localeCompare(a.versie),
    );
  }

  /**
   * The regime, only when it belongs to one of the caller's gemeenten (404 otherwise: docs/adr/0003-tenancy-webhooks-idempotency.md):
   * its own, or one opgeheven into it whose klachten it took over (Wet arhi art. 40 e.v.). For reading only.
   */
  regime(gemeenten: readonly string[], id: string, versie: string): Regime {
    const r = this.registry.byId(id, versie) as Regime | undefined;
    if (!r || !gemeenten.includes(r.summary.gemeente.cbsCode.toUpperCase())) {
      throw ProblemException.notFound(`Geen definitie ${id} versie ${versie} voor gemeente ${gemeenten[0]}.`, 'definitie-niet-gevonden');
    }
    return r;
  }

  graaf(r: Regime): DiagramGraph {
    const key = `${r.summary.id}@${r.summary.versie}`;
    let g = this.grafen.get(key);
    if (!g) {
      g = toDiagramGraph(r.machine as AnyStateMachine, { title: `${r.summary.gemeente.naam}, versie ${r.summary.versie}` });
      this.grafen.set(key, g);
    }
    return g;
  }

  async overzicht(gemeenten: readonly string[], id: string, versie: string, nu = this.klok.nu()): Promise<Procesoverzicht> {
    const r = this.regime(gemeenten, id, versie);
    const g = this.graaf(r);
    const tellingen = await queryStateTellingen(this.dataSource, gemeenten, id, versie, nu, BIJNA_DAGEN);
    const perState = new Map(tellingen.map((t) => [t.state, t]));
    const bekend = new Set(stateNodes(g).map((n) => n.id));
    const states = stateNodes(g).map((n): StateOverzicht => {
      // A compound state holds the klachten of all its substates (klacht.state is always the full leaf path).
      const binnen = tellingen.filter((t) => t.state === n.id || t.state.startsWith(`${n.id}.`));
      const som = (k: 'count' | 'overdue' | 'nearlyDue' | 'onTime') => binnen.reduce((s, t) => s + t[k], 0);
      return {
        state: n.id,
        label: n.label,
        ...(n.fase ? { fase: n.fase, faseLabel: FASE_LABELS[n.fase] } : {}),
        type: n.type,
        ...(n.parent ? { parent: n.parent } : {}),
        count: som('count'),
        overdue: som('overdue'),
        nearlyDue: som('nearlyDue'),
        onTime: som('onTime'),
        medianDays: n.children.length === 0 ? (perState.get(n.id)?.medianDays ?? null) : null,
      };
    });
    return {
      definitie: r.summary,
      titel: g.label,
      peildatum: nu.toISOString(),
      bijnaDagen: BIJNA_DAGEN,
      totaal: tellingen.reduce((s, t) => s + t.count, 0),
      states,
      onbekend: tellingen.filter((t) => !bekend.has(t.state)),
    };
  }

  /**
   * The gemeente at a glance (the /beheer overview): open klachten, how many are te laat or bijna
   * verlopen (te-laat.ts bands, the same as the diagram), and how many came in this calendar month
   * (Europe/Amsterdam). The figures count the klachten of `gemeenten` (Wet arhi art. 40 e.v.: also those of a
   * gemeente opgeheven into it); code and name are the gemeente's own.
   */
  async kerncijfers(
    gemeente: string,
    gemeenten: readonly string[],
    nu = this.klok.nu(),
  ): Promise<{
    gemeente: { code: string; naam: string };
    peildatum: string;
    bijnaDagen: number;
    open: number;
    teLaat: number;
    bijnaVerlopen: number;
    ontvangenDezeMaand: number;
  }> {
    const maand = maandPeriode(dagVan(nu));
    const [r]: Array<{ open: number; te_laat: number; bijna: number; maand: number }> = await this.dataSource.query(
      `select count(*) filter (where not k.done)::int as open,
              count(*) filter (where not k.done and ${band('k', '$2', '$3')} = 'overdue')::int as te_laat,
              count(*) filter (where not k.done and ${band('k', '$2', '$3')} = 'nearlyDue')::int as bijna,
              count(*) filter (where ${periodeSql('k.ontvangen_op', '$4', '$5')} and ${GEEN_VERZOEK_OVER_KLACHT})::int as maand
         from klacht k where k.gemeente = any($1::text[])`,
      // The month as a report period (both ends, the one period condition of the reports): a clock in the past does not count
      // later days. The klachten received as the report counts them (its totaal): an ombudsman request about a klacht,
      // registered as a klacht of its own, is no new klacht (Awb 9:12a); it is open work, so `open` and the bands count it.
      [gemeenten, nu, BIJNA_DAGEN, maand.van, maand.tot],
    );
    // The gemeente's own name by its regeling in force today (verantwoordelijke.ts, the one version lookup).
    const naam =
      gemeenteNaamOp(
        this.registry.regimes.map((x) => x.summary),
        gemeente,
        dagVan(nu),
      ) ?? gemeente;
    return {
      gemeente: { code: gemeente, naam },
      peildatum: nu.toISOString(),
      bijnaDagen: BIJNA_DAGEN,
      open: r.open,
      teLaat: r.te_laat,
      bijnaVerlopen: r.bijna,
      ontvangenDezeMaand: r.maand,
    };
  }

  /** `overzicht`: the states only, the steps' descriptions in the arrows' tooltips (legible for the largest regeling). */
  async svg(
    gemeenten: readonly string[],
    id: string,
    versie: string,
    nu = this.klok.nu(),
    weergave: 'volledig' | 'overzicht' = 'volledig',
  ): Promise<string> {
    const o = await this.overzicht(gemeenten, id, versie, nu);
    const overlay: DiagramOverlay = {};
    for (const s of o.states) {
      overlay[s.state] = {
        count: s.count,
        overdue: s.overdue,
        nearlyDue: s.nearlyDue,
        ...(s.medianDays !== null ? { medianDays: s.medianDays } : {}),
      };
    }
    return toSvg(this.graaf(this.regime(gemeenten, id, versie)), { overlay, edgeLabels: weergave === 'overzicht' ? 'none' : 'short' });
  }

  async klachten(
    gemeenten: readonly string[],
    id: string,
    versie: string,
    state: string,
    nu = this.klok.nu(),
  ): Promise<{ state: string; label: string; klachten: KlachtInState[] }> {
    const r = this.regime(gemeenten, id, versie);
    const node = stateNodes(this.graaf(r)).find((n) => n.id === state);
    if (!node) {
      throw ProblemException.notFound(
        `Definitie ${id} versie ${versie} kent geen toestand '${state}'; gebruik een toestand uit het diagram, bijvoorbeeld 'nieuw'.`,
        'toestand-niet-gevonden',
      );
    }
    return {
      state,
      label: node.label,
      klachten: await queryKlachtenInState(this.dataSource, gemeenten, id, versie, state, nu, 500, BIJNA_DAGEN),
    };
  }
}
