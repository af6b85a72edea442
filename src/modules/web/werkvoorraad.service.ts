import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { KLOK, type Klok } from '../../common/klok';
import type { IntakeVraag, IsoDate, KlachtEvent, TermijnView } from '../../machines/contract';
import { kalenderdag } from '../../machines/termijnen';
import { opheffing } from '../../machines';
import { dagVoor } from '../../machines/definition/lint-hulp';
import { omschrijvingVan } from '../../machines/compiler/gebeurtenissen';
import type { Regime } from '../../machines/regime';
import { gemeenteNaamOp } from '../../machines/verantwoordelijke';
import { MedewerkerService } from '../auth/medewerker.service';
import { aanbiederGemeenteVan, klachtGemeenten, overgedragenSql, type Tenant } from '../auth/tenant';
import { EngineService, herleefdeTermijnen } from '../engine/engine.service';
import { TermijnEntity } from '../termijnen/termijn.entity';
import { planTermijnen, type LopendeTermijn, type TermijnVelden } from '../termijnen/termijn-reconcile';
import { REGIME_BRON, type RegimeBron } from '../engine/regime-bron';
import { AANBIEDER_TYPES, INGEDIEND_BIJ, KANALEN, SOORTEN } from '../klachten/dto/klacht-intake.dto';
import { band, eersteOpenVerplichting, teLaat, type Band } from '../termijnen/te-laat';
import { inStateSql } from '../klachten/in-state';
import { BIJNA_DAGEN } from './procesoverzicht.service';
import { WEB_REGISTRY, type WebRegistry } from './web-registry.provider';

export interface WerkvoorraadFilter {
  toestand?: string;
  aanbieder?: string;
  teLaat?: boolean;
}

export interface WerkvoorraadRegel {
  id: string;
  /** The klacht's gemeente: after a herindeling the dissolved gemeente's klachten are in the successor's werkvoorraad too. */
  gemeente: { code: string; naam: string };
  onderwerp: string | null;
  state: string;
  stateOmschrijving: string;
  soort: string;
  ontvangenOp: string;
  aanbieders: Array<{ id: string; naam?: string }>;
  /** te-laat.ts: an open obligation is past its termijn. */
  teLaat: boolean;
  band: Band | null;
  /** The open obligation that falls due first: what the behandelaar must do next, and by when. */
  eersteTermijn: { label: string; vervaldatum: string; vervaltOp: string } | null;
}

export interface Werkvoorraad {
  gemeente: { code: string; naam: string };
  peildatum: string;
  bijnaDagen: number;
  resultaten: WerkvoorraadRegel[];
  /** For the filters: the states and aanbieders that occur among the open klachten (before filtering). */
  keuzes: { toestanden: Array<{ state: string; omschrijving: string }>; aanbieders: Array<{ id: string; naam: string }> };
}

export interface TermijnGevolg {
  naam: string;
  label: string;
  /**
   * verloopt: it passes (or its passing ends it) before the act, by an expiry whose wake-up had not run, which the
   * registration runs first (Awb 9:11 lid 1); the others are what the act does to the termijnen it finds (`van`):
   * nieuw: starts with this event; verschoven: its due date moves; stopt: it ends; blijft: unchanged.
   */
  gevolg: 'verloopt' | 'nieuw' | 'verschoven' | 'stopt' | 'blijft';
  /** Whose `contact` it is (TermijnView.voor); null for every other name. The same name for another party is another termijn. */
  voor: 'aanbieder' | 'gemeente' | null;
  vervaldatumNu: string | null;
  vervaldatum: string | null;
  uitleg: string[];
  grondslag: string | null;
}

export interface GebeurtenisGevolgen {
  type: string;
  omschrijving: string;
  van: { state: string; omschrijving: string };
  naar: { state: string; omschrijving: string };
  afgerond: boolean;
  termijnen: TermijnGevolg[];
}

export interface IntakeVragen {
  gemeente: { code: string; naam: string };
  /** The service's clock: a form proposes this moment of receipt (never one in the future). */
  nu: string;
  op: string;
  definitie: { id: string; versie: string };
  kanalen: string[];
  ingediendBij: string[];
  soorten: string[];
  aanbiederTypes: string[];
  feiten: IntakeVraag[];
}

/**
 * The days that decide how one klacht's state reads (Regime.beschrijfKlacht): `vandaag`, the day the text is for (the
 * peildatum, or a history row's day), and `sinds`, the day the klacht entered the state. A state that names the second
 * line names the body competent on one of them (Gemeentewet art. 81p, Awb 9:12 lid 2: one body per date; after a
 * herindeling the successor's, Wet arhi art. 40), never every body of the regeling.
 */
export interface StateDagen {
  vandaag: IsoDate;
  sinds: IsoDate;
}

/** A klacht's state as the views know it: its pinned definition and version, the state path. */
export interface KlachtStand {
  definitieId: string;
  versie: string;
  state: string;
}

/** Most klachten a behandelaar's list shows at once (sorted by urgency, so the ones cut off are the least urgent). */
export const MAX_WERKVOORRAAD = 500;

/**
 * The werkvoorraad of a klachtbehandelaar (docs/beheer-en-rapportages.md): the open klachten of the
 * caller's gemeenten (`klachtGemeenten`: after a herindeling also those of the gemeente opgeheven into it), or of its
 * aanbieder, the most urgent first. Urgency is the earliest due moment
 * of the open obligations (`klacht.eerste_vervalt_op`, te-laat.ts), so late klachten come first, then
 * the nearest termijn; a klacht without an open obligation comes last.
 */
@Injectable()
export class WerkvoorraadService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(WEB_REGISTRY) private readonly registry: WebRegistry,
    private readonly engine: EngineService,
    @Inject(KLOK) private readonly klok: Klok,
    @Inject(REGIME_BRON) private readonly regimes: RegimeBron,
    private readonly medewerkers: MedewerkerService,
  ) {}

  /**
   * The gemeente a caller registers a klacht for (`gemeente` of POST /klachten, which refuses any other): an aanbieder's
   * is the one that chose its id (an aanbieder is gemeente + id; after a herindeling the dissolved gemeente its key names,
   * Wet arhi art. 40), the only gemeente whose klachten its key reaches (klachtGemeenten); anyone else's its own.
   */
  intakeGemeente(tenant: Tenant): string {
    return tenant.rol === 'aanbieder' ? aanbiederGemeenteVan(tenant) : tenant.gemeente;
  }

  /**
   * What an intake form asks for the gemeente of the intake (intakeGemeente) on a day of receipt: the choices of POST /klachten
   * and the facts of the regeling in force that day (the version the klacht will be pinned to). Undefined
   * when no regeling is in force that day (the intake itself would then be refused with geen-definitie).
   */
  intakeVragen(tenant: Tenant, gevraagd?: string): IntakeVragen | undefined {
    const nu = this.klok.nu();
    const gemeente = this.intakeGemeente(tenant);
    const vandaag = kalenderdag(nu.toISOString());
    // A gemeente opgeheven by today received nothing from that day on (POST /klachten refuses it, Wet arhi art. 40): the
    // form proposes its last day, for a klacht that reached it before and is registered late.
    const opgeheven = opheffing(gemeente, vandaag)?.gemeente.opgeheven;
    const op = gevraagd ?? (opgeheven ? dagVoor(opgeheven) : vandaag);
    const regime = this.regimes.forGemeente(gemeente, op);
    if (!regime) return undefined;
    return {
      gemeente: { code: gemeente, naam: this.gemeenteNaam(gemeente) },
      nu: nu.toISOString(),
      op,
      definitie: { id: regime.summary.id, versie: regime.summary.versie },
      kanalen: [...KANALEN],
      ingediendBij: [...INGEDIEND_BIJ],
      soorten: [...SOORTEN],
      aanbiederTypes: [...AANBIEDER_TYPES],
      feiten: regime.controles?.intakeVragen() ?? [],
    };
  }

  /**
   * The gemeente's own name (not its successor's after a herindeling) from its regeling in force on `dag` (today by the
   * service clock), by the one version lookup (verantwoordelijke.ts gemeenteNaamOp); the code when it has none loaded.
   */
  gemeenteNaam(code: string, dag: IsoDate = kalenderdag(this.klok.nu().toISOString())): string {
    return (
      gemeenteNaamOp(
        this.registry.regimes.map((r) => r.summary),
        code,
        dag,
      ) ?? code
    );
  }

  /**
   * One klacht's state in Dutch: the one description every view uses (werkvoorraad rows and filters, the tijdlijn's
   * header and history, the consequences of a step), by the klacht's own definition, version and days (StateDagen).
   */
  beschrijfKlacht(k: KlachtStand, dagen: StateDagen): string {
    const r = this.registry.byId(k.definitieId, k.versie) as Regime | undefined;
    return r?.beschrijfKlacht(k.state, dagen) ?? k.state;
  }

  /**
   * `beschrijfKlacht` remembered for one request: the key is everything the text depends on (definition, version, state
   * and both days), so one klacht's text never comes from another's in the same state.
   */
  omschrijver(): (k: KlachtStand, dagen: StateDagen) => string {
    const bekend = new Map<string, string>();
    return (k, dagen) => {
      const sleutel = JSON.stringify([k.definitieId, k.versie, k.state, dagen.vandaag, dagen.sinds]);
      let tekst = bekend.get(sleutel);
      if (tekst === undefined) bekend.set(sleutel, (tekst = this.beschrijfKlacht(k, dagen)));
      return tekst;
    };
  }

  async lijst(tenant: Tenant, filter: WerkvoorraadFilter, nu = this.klok.nu()): Promise<Werkvoorraad> {
    // After a herindeling also the dissolved gemeente's klachten (klachtGemeenten; Wet arhi art. 40 e.v.).
    const params: unknown[] = [klachtGemeenten(tenant)];
    // docs/adr/0003-tenancy-webhooks-idempotency.md: an aanbieder sees only klachten about itself.
    let scope = 'k.gemeente = ANY($1::text[]) and not k.done';
    if (tenant.rol === 'aanbieder') {
      params.push(JSON.stringify([{ id: tenant.aanbiederId ?? '' }]));
      scope += ` and k.aanbieders @> $${params.length}::jsonb`;
      // Handed over at contract end (Klachtenprotocol Wmo keten Amsterdam §9): no longer the aanbieder's, as in tenantScope.
      params.push(tenant.aanbiederId ?? '');
      scope += ` and not ${overgedragenSql('k.id', `$${params.length}`)}`;
    }
    // The choices of the filters: what occurs among the open klachten in scope.
    const [staten, aanbiederRijen]: [
      Array<{ state: string; definitie_id: string; definitie_versie: string; sinds: IsoDate }>,
      Array<{ id: string; naam: string | null }>,
    ] = await Promise.all([
      // The day each klacht entered its state (Europe/Amsterdam, as kalenderdag): part of what its description names.
      // Distinct on the date, formatted after: at 800k open klachten 0.2 s, where to_char on every row took 0.3-0.4 s.
      this.dataSource.query(
        `select s.state, s.definitie_id, s.definitie_versie, to_char(s.sinds, 'YYYY-MM-DD') as sinds
           from (select distinct k.state, k.definitie_id, k.definitie_versie, (k.state_sinds at time zone 'Europe/Amsterdam')::date as sinds
                   from klacht k where ${scope}) s`,
        params,
      ),
      this.dataSource.query(
        `select distinct a->>'id' as id, a->>'naam' as naam from klacht k, jsonb_array_elements(k.aanbieders) a where ${scope}`,
        params,
      ),
    ]);
    const vandaag = kalenderdag(nu.toISOString());
    const beschrijf = this.omschrijver();
    // A filter choice covers every klacht in its state: it reads as they do, each distinct text once in a fixed order
    // (after a herindeling or a change of ombudsman they can name different bodies), never as whichever row came first.
    const teksten = new Map<string, Set<string>>();
    for (const r of staten) {
      const tekst = beschrijf({ definitieId: r.definitie_id, versie: r.definitie_versie, state: r.state }, { vandaag, sinds: r.sinds });
      teksten.set(r.state, (teksten.get(r.state) ?? new Set<string>()).add(tekst));
    }
    const toestanden = new Map<string, string>(
      [...teksten].map(([state, t]) => [state, [...t].sort((a, b) => a.localeCompare(b, 'nl')).join(' / ')]),
    );
    const aanbieders = new Map<string, string>();
    for (const a of aanbiederRijen) if (a.id && !aanbieders.has(a.id)) aanbieders.set(a.id, a.naam ?? a.id);

    const p = [...params, nu, BIJNA_DAGEN];
    const nuP = `$${params.length + 1}`;
    const dagenP = `$${params.length + 2}`;
    let waar = scope;
    if (filter.toestand) {
      // A parent state matches its substates: the same fragment as GET /klachten?state= (in-state.ts).
      p.push(filter.toestand);
      waar += ` and ${inStateSql('k', `$${p.length}`)}`;
    }
    if (filter.aanbieder) {
      p.push(JSON.stringify([{ id: filter.aanbieder }]));
      waar += ` and k.aanbieders @> $${p.length}::jsonb`;
    }
    if (filter.teLaat !== undefined) waar += filter.teLaat ? ` and ${teLaat('k', nuP)}` : ` and not coalesce(${teLaat('k', nuP)}, false)`;
    const rijen: Array<{
      id: string;
      gemeente: string;
      onderwerp: string | null;
      state: string;
      state_sinds: Date;
      soort: string;
      ontvangen_op: Date;
      aanbieders: Array<{ id: string; naam?: string }>;
      definitie_id: string;
      definitie_versie: string;
      te_laat: boolean;
      band: Band | null;
      label: string | null;
      vervaldatum: string | null;
      vervalt_op: Date | null;
    }> = await this.dataSource.query(
      `select k.id, k.gemeente, k.onderwerp, k.state, k.state_sinds, k.soort, k.ontvangen_op, k.aanbieders, k.definitie_id, k.definitie_versie,
              coalesce(${teLaat('k', nuP)}, false) as te_laat, ${band('k', nuP, dagenP)} as band,
              e.label, e.vervaldatum, e.vervalt_op
         from klacht k
         left join lateral (${eersteOpenVerplichting('k', `t.label, to_char(t.vervaldatum, 'YYYY-MM-DD') as vervaldatum, t.vervalt_op`)}) e on true
        where ${waar}
        order by k.eerste_vervalt_op asc nulls last, k.ontvangen_op asc, k.id
        limit ${MAX_WERKVOORRAAD}`,
      p,
    );
    return {
      gemeente: { code: tenant.gemeente, naam: this.gemeenteNaam(tenant.gemeente) },
      peildatum: nu.toISOString(),
      bijnaDagen: BIJNA_DAGEN,
      resultaten: rijen.map((k) => ({
        id: k.id,
        gemeente: { code: k.gemeente, naam: this.gemeenteNaam(k.gemeente) },
        onderwerp: k.onderwerp,
        state: k.state,
        // This klacht's own text: the second line of its own days, as its tijdlijn says.
        stateOmschrijving: beschrijf(
          { definitieId: k.definitie_id, versie: k.definitie_versie, state: k.state },
          { vandaag, sinds: kalenderdag(new Date(k.state_sinds).toISOString()) },
        ),
        soort: k.soort,
        ontvangenOp: new Date(k.ontvangen_op).toISOString(),
        aanbieders: k.aanbieders,
        teLaat: k.te_laat,
        band: k.band,
        eersteTermijn:
          k.vervalt_op && k.label && k.vervaldatum
            ? { label: k.label, vervaldatum: k.vervaldatum, vervaltOp: new Date(k.vervalt_op).toISOString() }
            : null,
      })),
      keuzes: {
        toestanden: [...toestanden]
          .map(([state, omschrijving]) => ({ state, omschrijving }))
          .sort((a, b) => a.omschrijving.localeCompare(b.omschrijving, 'nl')),
        aanbieders: [...aanbieders].map(([id, naam]) => ({ id, naam })).sort((a, b) => a.naam.localeCompare(b.naam, 'nl')),
      },
    };
  }

  /**
   * The consequences of an event before it is sent: where the klacht goes and what happens to each
   * termijn, with the engine's own explanation of a new due date. Same checks as
   * POST /klachten/{id}/gebeurtenissen (422 naming the field, 409 when it does not fit now); nothing is stored.
   */
  async gevolgen(klachtId: string, event: Omit<KlachtEvent, 'at'> & { at?: string }, actor: string): Promise<GebeurtenisGevolgen> {
    const at = event.at ?? this.klok.nu().toISOString();
    const { klacht, voor, result } = await this.engine.proef(klachtId, { ...event, at }, { actor });
    // Running before the step: the running rows, and a row whose passing the act undoes (an act of the termijn's last
    // day registered after its wake-up, Awb 9:11 lid 1 and 2): the engine reopens it (herleefdeTermijnen, its own rule),
    // so a verdaging then moves its last day ('verschoven'), it does not start a new termijn.
    const alle = await this.dataSource.getRepository(TermijnEntity).find({ where: { klachtId: klacht.id } });
    const herleefd = herleefdeTermijnen(alle, result.herroepen);
    const rijen = alle
      .filter((t) => t.status === 'lopend' || herleefd.has(t.id))
      .sort((a, b) => a.vervaltOp.getTime() - b.vervaltOp.getTime());
    const gevolgen: TermijnGevolg[] = [];
    // First what passes before the act: the expiries the registration runs first (Awb 9:11 lid 1; EngineService
    // alsRegistratieOp). A row they end 'verloopt'; what they leave or start is what the act finds (`van`).
    let ervoor: Ervoor[] = rijen.map((t) => ({ ...t, voor: t.voor ?? null }));
    if (voor.termijnen) {
      const verloop = planTermijnen(ervoor as LopendeTermijn[], {}, voor.termijnen, { type: 'TERMIJN_VERLOPEN', at });
      for (const e of verloop.beeindigd) {
        const t = ervoor.find((r) => r.id === e.id)!;
        gevolgen.push(gevolgVan(t, 'verloopt', t, null));
      }
      ervoor = [
        ...verloop.gewijzigd.map((g) => ({ ...ervoor.find((r) => r.id === g.id)!, ...g.velden })),
        ...verloop.nieuw.map((n, i) => ({ ...n, id: `ervoor-${i}`, voor: n.voor ?? null })),
      ].sort((a, b) => a.vervaltOp.getTime() - b.vervaltOp.getTime());
    }
    // Then the act, by the registration's own rule for which running termijn a result's termijn continues
    // (planTermijnen): the same name for another party is another termijn (TermijnDefinitie.geldtVoor; the gemeente's
    // `contact` does not take over the aanbieder's row, which ends), so it is compared by name and party, not by name.
    const plan = planTermijnen(
      ervoor as LopendeTermijn[],
      {},
      result.termijnen,
      { ...event, at },
      result.herroepenGestart,
      result.vervallen,
    );
    for (const t of ervoor) {
      const g = plan.gewijzigd.find((x) => x.id === t.id);
      if (g) gevolgen.push(gevolgVan(t, g.velden.vervaldatum === t.vervaldatum ? 'blijft' : 'verschoven', g.velden, g.velden.vervaldatum));
      else gevolgen.push(gevolgVan(t, 'stopt', t, null));
    }
    for (const n of plan.nieuw) gevolgen.push({ ...gevolgVan(n, 'nieuw', n, n.vervaldatum), vervaldatumNu: null });
    // Both sides as on the step's day; the state it enters begins that day, one it stays in keeps its own day.
    const vandaag = kalenderdag(at);
    // `van` is where the act finds the klacht: after the expiries that pass before it, which may have moved it (the
    // klacht's own day of that state is then the last expiry's, which the dry run does not keep: the act's day is used).
    const vanState = voor.stand.state;
    const sinds = vanState === klacht.state ? kalenderdag(new Date(klacht.stateSinds).toISOString()) : vandaag;
    const stand = (state: string): KlachtStand => ({ definitieId: klacht.definitieId, versie: klacht.definitieVersie, state });
    return {
      type: event.type,
      omschrijving: omschrijvingVan(event.type),
      van: { state: vanState, omschrijving: this.beschrijfKlacht(stand(vanState), { vandaag, sinds }) },
      naar: {
        state: result.state,
        omschrijving: this.beschrijfKlacht(stand(result.state), { vandaag, sinds: result.state === vanState ? sinds : vandaag }),
      },
      afgerond: result.done,
      termijnen: gevolgen,
    };
  }

  /**
   * Who did a step, readable: the stored actor is `api-sleutel:<id>` or `oidc:<sub>` (the auth
   * module's subject); a key is shown by the name it was given when it was made, a person by the name their
   * last OIDC token gave (medewerker.service.ts).
   */
  async actorNamen(actors: string[]): Promise<Map<string, string>> {
    const ids = [...new Set(actors.map((a) => /^api-sleutel:([0-9a-f-]{36})$/i.exec(a)?.[1]).filter((x): x is string => !!x))];
    const namen = await this.medewerkers.namen(actors);
    if (ids.length) {
      const rows: Array<{ id: string; naam: string }> = await this.dataSource.query(
        `select id, naam from api_sleutel where id = any($1::uuid[])`,
        [ids],
      );
      for (const r of rows) namen.set(`api-sleutel:${r.id}`, r.naam);
    }
    for (const a of actors) {
      if (namen.has(a)) continue;
      if (a.startsWith('api-sleutel:')) namen.set(a, 'een ingetrokken of verwijderde API-sleutel');
      else if (a.startsWith('oidc:')) namen.set(a, `medewerker ${a.slice(5)}`);
      else if (a === 'systeem' || a === 'api') namen.set(a, 'Klachtregie (automatisch)');
      else namen.set(a, a);
    }
    return namen;
  }
}

/** A running termijn before the act: a row, or one the expiries before it started (Ervoor of gevolgen). */
type Ervoor = Pick<LopendeTermijn, 'id' | 'naam' | 'vervaldatum' | 'vervaltOp' | 'revision' | 'herinneringen' | 'mutaties'> &
  Pick<TermijnVelden, 'label' | 'grondslag'> & { voor: TermijnView['voor'] | null };

/** One line of "Bekijk de gevolgen": the termijn `t` as it was, `n` the fields it has after (its label, explanation). */
function gevolgVan(
  t: Pick<Ervoor, 'naam' | 'vervaldatum' | 'grondslag'> & { voor?: Ervoor['voor'] },
  gevolg: TermijnGevolg['gevolg'],
  n: Pick<TermijnVelden, 'label' | 'grondslag'> & { uitleg?: string[] },
  vervaldatum: string | null,
): TermijnGevolg {
  return {
    naam: t.naam,
    label: n.label,
    gevolg,
    voor: t.voor ?? null,
    vervaldatumNu: t.vervaldatum,
    vervaldatum,
    uitleg: vervaldatum === null ? [] : (n.uitleg ?? []),
    grondslag: n.grondslag ?? t.grondslag,
  };
}
