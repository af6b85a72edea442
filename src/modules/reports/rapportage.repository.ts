/**
 * All report SQL in one place (repositories own SQL). Every query is scoped to the gemeenten whose klachten the caller
 * answers for (docs/adr/0003-tenancy-webhooks-idempotency.md): its own and, after a herindeling, those opgeheven into it
 * (Wet algemene regels herindeling art. 40 e.v.; the list comes from `klachtGemeenten` or `gemeentenVan`, never from
 * here). It returns plain JSON; the service shapes it for JSON, CSV and HTML.
 *
 * Periods are calendar days in Europe/Amsterdam, both ends inclusive; a klacht counts in the period
 * in which it was received (`ontvangen_op`).
 */
import { DataSource, type EntityManager } from 'typeorm';
import { OORDELEN } from '../../machines/compiler/gebeurtenissen';
import type { Definitie } from '../../machines/definition/types';
import { TEVREDENHEID_VAN_GEBEURTENIS, VERLOPEN_ZONDER_REACTIE_KLAGER, registratieVanGebeurtenis } from '../../machines/registratie';
import { band, eersteOpenVerplichting, teLaat, teLaatOp, teLaatOpOver } from '../termijnen/te-laat';
import { inStateSql } from '../klachten/in-state';

type Sql = DataSource | EntityManager;

/**
 * Runs report SQL with JIT compilation off. These statements aggregate many rows through a few
 * CTEs; PostgreSQL's row estimates for jsonb functions make it JIT-compile them, which measured
 * at 1 M klachten cost 1.5 s of a 2.4 s report (bench/reports.ts). `SET LOCAL` needs a transaction.
 */
async function zonderJit<T>(db: Sql, fn: (q: Pick<EntityManager, 'query'>) => Promise<T>): Promise<T> {
  if (db instanceof DataSource) {
    return db.transaction(async (em) => {
      await em.query('set local jit = off');
      return fn(em);
    });
  }
  if (db.queryRunner?.isTransactionActive) await db.query('set local jit = off');
  return fn(db);
}

/** Termijnen that measure the handling of a klacht (Awb 9:11, contract, Wkkgz 17, Jeugdwet 4.2.1); the others (kennisgeving, ombudsman) do not. */
export const AFHANDEL_TERMIJNEN = ['afhandeling', 'aanbiederAfhandeling', 'wkkgzAfhandeling', 'jeugdwetOordeel'];

/**
 * The afhandeltermijnen of the aanbieder itself (contract / Klachtenprotocol Wmo keten Amsterdam §6, Wkkgz 17, Jeugdwet
 * 4.2.1 lid 2 sub c: its klachtencommissie): AFHANDEL_TERMIJNEN without the gemeente's Awb 9:11 `afhandeling`. The termijn
 * class of the aanbieder's own report reads only these (`alleenAanbiederTermijnen`).
 */
export const AANBIEDER_AFHANDEL_TERMIJNEN = AFHANDEL_TERMIJNEN.filter((n) => n !== 'afhandeling');

/**
 * The obligations of the aanbieder itself (docs/te-laat.md, "Wat is een verplichting?"): its afhandeltermijnen, `contact`
 * (Klachtenprotocol Wmo keten Amsterdam §6) and `jeugdwetReactie` (Jeugdwet 4.2.1 lid 5: the jeugdhulpaanbieder's reaction
 * to its commissie's oordeel). 'Te laat' in the aanbieder's own report reads only these; the gemeente's (`afhandeling`,
 * `stoppenBesluit`, `ombudsmanTermijn`) are not its lateness.
 */
export const AANBIEDER_VERPLICHTINGEN = [...AANBIEDER_AFHANDEL_TERMIJNEN, 'contact', 'jeugdwetReactie'];

/**
 * SQL: termijn row `t` is the aanbieder's, as far as its name does not say it. `contact` is the one name two parties share
 * (TermijnDefinitie.geldtVoor: [aanbieder], [gemeente] or both): the aanbieder's contact begins when the klacht comes to
 * the aanbieder (Klachtenprotocol Wmo keten Amsterdam §6), the gemeente's when it comes into the gemeente's
 * klachtbehandeling (its own klachtenregeling, Uitgangspunten klachtenmanagement Sociaal Domein §5A). The row says whose it
 * is (`termijn.voor`, written by the engine from the step that started it); the aanbieder's own report does not count the
 * gemeente's contact as the aanbieder's lateness.
 */
export function termijnVanAanbieder(t: string): string {
  return `not (${t}.naam = 'contact' and ${t}.voor is not distinct from 'gemeente')`;
}

/**
 * SQL: ended termijn row `t` was met only because it was extended: by a verdaging (Awb 9:11 lid 2, Wkkgz 17 lid 2) or by an
 * uitstel the klager consented to in writing (Awb 9:11 lid 3, mutation `instemming`), and it was still running after the
 * last day it would have had without any extension. The report classes it 'op tijd na verdaging of uitstel'
 * (`naVerdaging`), never plain 'op tijd' (docs/te-laat.md; Uitgangspunten klachtenmanagement Sociaal Domein §10, contract
 * art. 11.1: the reader must see that the original termijn was not met without an extension). One met (or ended) by that
 * day did not need the extension and is 'op tijd'. The one place this class is decided.
 *
 * That day is the last mutation's `vervaldatumZonderVerlenging` (the ledger's: the original last day moved only by the days
 * the termijn stood still, termijnen.ts vervaldatumZonderVerlenging), end of the day in Europe/Amsterdam: the last day counts
 * in full. A termijn that ended while suspended stopped running when that suspension began (a suspended termijn does not
 * pass, docs/juridisch-kader.md §6): that moment is judged, not its end. Rows stored before that day was recorded: judged as
 * before, their end against the first extension's `vervaldatumVoor` (the last day just before it; a suspension after the
 * extension is then not counted); rows stored before that was recorded too keep the class of any extension.
 */
export function verlengdSql(t: string): string {
  const verlenging = `$[*] ? (@.soort == "verdaging" || @.soort == "instemming")`;
  const dag = (pad: string) => `(jsonb_path_query_first(${t}.mutaties, '${pad}') #>> '{}')::date`;
  const zonderVerlenging = dag('$[last].vervaldatumZonderVerlenging');
  const voorVerlenging = dag(`${verlenging}.vervaldatumVoor`);
  const naDag = (d: string) => `(${d} + 1)::timestamp at time zone 'Europe/Amsterdam'`;
  // The start of the suspension it ended in: of its opschortingen and hervattingen the last is an opschorting.
  const stilSinds = `(select case when m ->> 'soort' = 'opschorting' then (m ->> 'at')::timestamptz end
      from jsonb_array_elements(${t}.mutaties) with ordinality e(m, n)
      where m ->> 'soort' in ('opschorting', 'hervatting') order by n desc limit 1)`;
  return `(case
    when not jsonb_path_exists(${t}.mutaties, '${verlenging}') then false
    when ${zonderVerlenging} is not null then coalesce(${stilSinds}, ${t}.beeindigd_op) >= ${naDag(zonderVerlenging)}
    else coalesce(${t}.beeindigd_op >= ${naDag(voorVerlenging)}, true)
  end)`;
}

/**
 * Termijn compliance of a klacht. `teLaat` is "currently late" at the peildatum, the one definition
 * of te-laat.ts (any open obligation past its termijn, the same klachten as the heatmap and the
 * `overdue` filter). `teLaatAfgehandeld` is "was late when met": not late any more, but its
 * afhandeltermijn passed before it was met (Awb 9:11 compliance of the period).
 */
export type TermijnKlasse = 'opTijd' | 'naVerdaging' | 'teLaat' | 'teLaatAfgehandeld' | 'lopend' | 'geenTermijn';

export interface RapportageFilter {
  /** The gemeenten whose klachten count: `klachtGemeenten(tenant)`, or `gemeentenVan` in the report schedule. */
  gemeenten: readonly string[];
  /** First day, inclusive (YYYY-MM-DD). */
  van: string;
  /** Last day, inclusive (YYYY-MM-DD). */
  tot: string;
  aanbieder?: string;
  /**
   * The gemeente that chose the id `aanbieder` (an aanbieder id is per gemeente): only its klachten naming `aanbieder`
   * count. Unset: every gemeente of `gemeenten` (an aanbieder's own report has only its own gemeente there).
   */
  aanbiederGemeente?: string;
  /**
   * The aanbieder's own report (`aanbiederRapportage`): leave out the klachten `aanbieder` handed over at contract end
   * by the peildatum (Klachtenprotocol Wmo keten Amsterdam §9). The gemeente's report keeps them, for the aanbieder at receipt.
   */
  zonderOvergedragen?: boolean;
  /**
   * The aanbieder's own report (`aanbiederRapportage`; contract art. 11.1, Klachtenprotocol Wmo keten Amsterdam §10: it
   * reports on its klachten, "bijvoorbeeld termijn van afhandelen"): the termijn class reads only the aanbieder's own
   * termijnen (AANBIEDER_AFHANDEL_TERMIJNEN, 'te laat' over AANBIEDER_VERPLICHTINGEN), so the gemeente's Awb 9:11 termijn,
   * which runs once the klager went on to the gemeente (Uitgangspunten klachtenmanagement Sociaal Domein §5A), does not
   * class the aanbieder. The gemeente's reports (also per aanbieder) keep one class per klacht, the same as overdue=true.
   */
  alleenAanbiederTermijnen?: boolean;
  aard?: string;
  oorzaak?: string;
  kanaal?: string;
  /** Same aanbieder + aard at least this often in the period = terugkerende klacht. */
  drempel: number;
  /** "Now" for running termijnen (lopend vs. te laat); injected so reports are reproducible. */
  peildatum: Date;
  /**
   * The peildatum lies in the past (a stored report, made at or after its deadline): every figure is as at the peildatum,
   * as known now (an act registered after it but done before it counts at its own moment, Awb 9:11). The termijn classes
   * from the rows' moments (`teLaatOp`), whether the klacht had ended and its oordeel and registration (aard, oorzaak,
   * afwikkeling, maatregelen, tevredenheid) from its history (`registratieSql`), not from the klacht's columns for now.
   */
  peildatumVerleden?: boolean;
  /**
   * With `peildatumVerleden`: the tevredenheid events register through the klachten's definitions
   * (tevredenheidPerDefinitie of the definitions served), which the history alone does not say.
   */
  tevredenheidPerDefinitie?: Record<string, string>;
}

export interface Telling {
  waarde: string;
  aantal: number;
}

export interface RapportageRegel {
  /**
   * The gemeente (CBS code) whose klachten the row counts and that chose `aanbiederId`: an aanbieder is gemeente + id, so
   * after a herindeling Weesp's 'zorgbalans' is a row apart from Amsterdam's (Wet arhi art. 40 e.v.).
   */
  gemeente: string;
  aanbiederId: string;
  aanbiederNaam: string;
  aard: string;
  oorzaak: string;
  aantal: number;
  gegrond: number;
  deelsGegrond: number;
  ongegrond: number;
  zonderOordeel: number;
  opTijd: number;
  naVerdaging: number;
  /** Te laat now (at the peildatum): te-laat.ts. */
  teLaat: number;
  /** Met (or ended) after the afhandeltermijn had passed: was late, is not any more (Awb 9:11). */
  teLaatAfgehandeld: number;
  lopend: number;
  tevreden: number;
  nietTevreden: number;
  maatregelen: string[];
  /** Same aanbieder (gemeente + id) + aard reached the threshold in the period (Team Geschilbeslechting, Klachtenprotocol Wmo keten Amsterdam §11). */
  terugkerend: boolean;
}

export interface TerugkerendeKlacht {
  /** The gemeente that chose `aanbiederId` (see RapportageRegel.gemeente). */
  gemeente: string;
  aanbiederId: string;
  aanbiederNaam: string;
  aard: string;
  aantal: number;
}

export interface RapportageCijfers {
  totaal: number;
  /** Per aanbieder: `waarde` is its id, `gemeente` the gemeente that chose it (one entry per gemeente + id). */
  perAanbieder: Array<Telling & { naam: string; gemeente: string }>;
  perAard: Telling[];
  perOorzaak: Telling[];
  perKanaal: Telling[];
  perAfdoening: Telling[];
  perOordeel: Telling[];
  perTermijn: Telling[];
  perTevredenheid: Telling[];
  maatregelen: Telling[];
  regels: RapportageRegel[];
  terugkerend: TerugkerendeKlacht[];
}

/** No aanbieder on the klacht: the gemeente handled it itself. */
export const GEEN_AANBIEDER = '(gemeente)';
export const ONBEKEND = '(onbekend)';

/**
 * The one period condition of every report: `kolom` (a klacht's ontvangen_op) lies on a day from `van` to `tot`
 * inclusive, days in Europe/Amsterdam. `van` and `tot` are SQL expressions of type date (parameters).
 */
export function periodeSql(kolom: string, van: string, tot: string): string {
  return `${kolom} >= (${van}::date)::timestamp at time zone 'Europe/Amsterdam'
  and ${kolom} < (${tot}::date + 1)::timestamp at time zone 'Europe/Amsterdam'`;
}

const PERIODE = periodeSql('k.ontvangen_op', '$2', '$3');

/**
 * Klacht `k` was not handed over by aanbieder `aanbieder` (SQL text) at contract end before `peildatum` (SQL
 * timestamptz): from the hand-over on it is no longer the aanbieder's (Klachtenprotocol Wmo keten Amsterdam §9), as in its
 * klacht lists (tenantScope); as at the peildatum, so a deadline job that runs late still counts a report that fell due
 * while the contract ran.
 */
export function nietOvergedragenSql(aanbieder: string, peildatum: string): string {
  return `not exists (select 1 from overgedragen_klacht o join aanbieder_overdracht ao on ao.id = o.overdracht_id
    where o.klacht_id = k.id and o.aanbieder_id = ${aanbieder} and ao.at <= ${peildatum})`;
}

/**
 * A klacht that is a request about another klacht (an ombudsman request filed as a klacht of its own, linked in
 * klacht_koppeling) is not a new klacht: the klacht it is about is already counted (Awb 9:12a registers klachten, not
 * the ombudsman's questions about them), so reports leave it out.
 */
export const GEEN_VERZOEK_OVER_KLACHT = `not exists (select 1 from klacht_koppeling kk where kk.klacht_id = k.id)`;

/**
 * What a klacht's history cannot say by itself: the tevredenheid an event registers through its definition's list
 * (registratie.ts: the passing of the wait for the klager's answer registers 'niet bereikt' only where the gemeente's
 * list has it; Klachtenprotocol Wmo keten Amsterdam §5A, §6). Asked of registratieVanGebeurtenis itself, for every
 * definition version and every TERMIJN_VERLOPEN of a termijn it names (its own and the klager's windows of
 * VERLOPEN_ZONDER_REACTIE_KLAGER: the waits for his answer and the Wkkgz window for the geschil), so
 * the SQL keeps no copy of that rule: keyed `definitie_id@versie|TERMIJN_VERLOPEN|termijn`, a parameter of
 * registratieSql (jsonb).
 */
export function tevredenheidPerDefinitie(definities: ReadonlyArray<{ id: string; definitie: Definitie }>): Record<string, string> {
  const uit: Record<string, string> = {};
  for (const { id, definitie } of definities) {
    for (const termijn of new Set([...Object.keys(definitie.termijnen ?? {}), ...VERLOPEN_ZONDER_REACTIE_KLAGER])) {
      const t = registratieVanGebeurtenis(definitie, 'TERMIJN_VERLOPEN', { termijn }).waarden.tevredenheid;
      if (t !== undefined) uit[`${id}@${definitie.versie}|TERMIJN_VERLOPEN|${termijn}`] = t;
    }
  }
  return uit;
}

/**
 * SQL lateral subquery: klacht `k`'s registration and end (columns done, categorie, oorzaak, afdoening, oordeel,
 * tevredenheid, maatregelen, as on `klacht`): now (`op` undefined: its columns) or as at `op` (SQL timestamptz: from its
 * history). Every value in those columns is written by an accepted history row in the same transaction (engine.service.ts:
 * the intake's and a step's `data.registratie`, tevredenheid from the event type, a step's Awb 9:12 `data.oordeel`, and
 * REGISTRATIE_GEWIJZIGD's `registratie`), so the last of them at or before `op`, by the moment of the act (`at`), is the
 * value then; the klacht had ended by `op` when it is done and entered its final state (`state_sinds`) by then. A
 * wake-up that an act of the termijn's last day undid (registered after it, regime.ts `inhalen`) is no longer accepted
 * (engine.service.ts `herroepWekkers`): its 'niet bereikt' counts at no moment, as the engine's column no longer says it.
 * `perDefinitie` (SQL jsonb, tevredenheidPerDefinitie): the tevredenheid a row registers through the klacht's definition;
 * without it only what the history and the event type say. Maatregelen as the engine writes them: each once, in the
 * order first given (controleerRegistratie), while a step's history keeps its data as sent.
 * test/registratie-sql.test.ts holds this against registratie.ts on a real database.
 */
export function registratieSql(k: string, op?: string, perDefinitie?: string): string {
  if (op === undefined) return `(select ${k}.done, ${k}.categorie, ${k}.oorzaak, ${k}.afdoening, ${k}.oordeel, ${k}.tevredenheid, ${k}.maatregelen)`;
  const laatste = (waarde: string, gezet: string) => `(array_agg(${waarde} order by g.at desc, g.id desc) filter (where ${gezet}))[1]`;
  const veld = (naam: string) => laatste(`g.payload->'registratie'->>'${naam}'`, `g.payload->'registratie' ? '${naam}'`);
  const vanType = `(case g.type ${Object.entries(TEVREDENHEID_VAN_GEBEURTENIS)
    .map(([type, waarde]) => `when '${type}' then '${waarde}'`)
    .join(' ')} end)`;
  const uitType = perDefinitie
    ? `coalesce(${vanType}, ${perDefinitie} ->> (${k}.definitie_id || '@' || ${k}.definitie_versie || '|' || g.type || '|' || coalesce(g.payload->>'termijn', '')))`
    : vanType;
  const maatregelen = laatste(`g.payload->'registratie'->'maatregelen'`, `g.payload->'registratie' ? 'maatregelen'`);
  return `(
    select ${k}.done and ${k}.state_sinds <= ${op} as done, ${veld('aard')} as categorie, ${veld('oorzaak')} as oorzaak,
           ${veld('afwikkeling')} as afdoening,
           ${laatste(`g.payload->>'oordeel'`, `g.payload->>'oordeel' in (${OORDELEN.map((o) => `'${o}'`).join(', ')})`)} as oordeel,
           ${laatste(`coalesce(g.payload->'registratie'->>'tevredenheid', ${uitType})`, `g.payload->'registratie' ? 'tevredenheid' or ${uitType} is not null`)} as tevredenheid,
           (select coalesce(jsonb_agg(m.w order by m.eerst), '[]'::jsonb)
              from (select e.w, min(e.i) as eerst from jsonb_array_elements(${maatregelen}) with ordinality e(w, i) group by e.w) m) as maatregelen
    from klacht_gebeurtenis g
    where g.klacht_id = ${k}.id and g.accepted and g.at <= ${op}
  )`;
}

/**
 * SQL: termijn row `t` had begun at the moment `op` (SQL timestamptz), as known now: the step that wrote it was done by
 * then. A row is written in the statement of its step, with the history row of that step (stap-sql.ts): its `created_at`
 * and that row's `recorded_at` are both the transaction's now(), and that step's `at` is the act's own moment (Awb 9:11:
 * an act counts at its moment, docs/te-laat.md), also for an act registered after `op`. Of the steps recorded in one
 * transaction the earliest counts; a row no history row was recorded with (written outside a step) counts as begun.
 * Without this a report as at a past peildatum counted a termijn begun after it (the klager who went to the gemeente
 * after the aanbieder's afdoening, Uitgangspunten klachtenmanagement Sociaal Domein §5A) as running at it: what happened
 * after the peildatum changed the figure as at it.
 */
export function termijnBegonnenOp(t: string, op: string): string {
  return `coalesce((select min(bg.at) from klacht_gebeurtenis bg where bg.klacht_id = ${t}.klacht_id and bg.recorded_at = ${t}.created_at), '-infinity'::timestamptz) <= ${op}`;
}

/**
 * One statement, one pass over the period: `basis` holds one row per klacht with its termijn class,
 * `regel` one row per klacht and aanbieder (a klacht about two aanbieders counts for each). An aanbieder is the pair
 * (gemeente, id): each gemeente chose its own ids, so after a herindeling the dissolved gemeente's 'zorgbalans' need not be
 * the successor's (Wet arhi art. 40 e.v.). Every per-aanbieder figure (the rows, `perAanbieder`, the recurring klachten of
 * Klachtenprotocol Wmo keten Amsterdam §11) groups and joins on both, never on the id alone. `opPeildatum`: registration
 * and end as at the peildatum $4, from the history (`registratieSql`); otherwise the klacht's columns (the report of now
 * reads no history).
 */
function rapportageSql(opPeildatum: boolean): string {
  return `
with basis as materialized (
  select k.id, k.gemeente, r.done, k.kanaal, r.afdoening, r.oordeel, r.tevredenheid, r.maatregelen, k.aanbieders,
         coalesce(nullif(r.categorie, ''), '${ONBEKEND}') as aard,
         coalesce(nullif(r.oorzaak, ''), '${ONBEKEND}') as oorzaak,
         -- Te laat: the klacht (te-laat.ts, as overdue=true), or in the aanbieder's own report only its obligations ($14), not
         -- the gemeente's contact termijn of the same name (termijnVanAanbieder).
         case when (case when $14::text[] is not null then ${teLaatOpOver('k', '$4', '$14::text[]', termijnVanAanbieder)}
                         when $11::boolean then ${teLaatOp('k', '$4')} else ${teLaat('k', '$4')} end) then 'teLaat'
              else coalesce(tk.klasse, 'geenTermijn') end as termijn
  from klacht k
  -- Registration and end now, or as at a past peildatum (a stored report): from the history.
  cross join lateral ${registratieSql('k', opPeildatum ? '$4' : undefined, opPeildatum ? '$15::jsonb' : undefined)} r
  left join lateral (
    -- As at the peildatum: a termijn that ended after it was still running then (at now, beeindigd_op is never later),
    -- if it had begun by then (termijnBegonnenOp: one begun by a step after the peildatum did not run at it).
    select case
      when bool_or(t.status = 'verlopen' and t.beeindigd_op <= $4) then 'teLaatAfgehandeld'
      when bool_or((t.beeindigd_op is null or t.beeindigd_op > $4)${opPeildatum ? ` and ${termijnBegonnenOp('t', '$4')}` : ''}) then 'lopend'
      -- Ended in time: met, or ended without being due any more before it passed (vervallen: the klacht withdrawn or
      -- forwarded, the aanbieder's contract ended). It had a termijn and kept it: 'op tijd', the mirror of 'te laat
      -- afgehandeld' for a klacht that ended after its termijn passed (docs/te-laat.md), not 'zonder afhandeltermijn'.
      when bool_or(t.status in ('nagekomen', 'vervallen') and t.beeindigd_op <= $4 and ${verlengdSql('t')}) then 'naVerdaging'
      when bool_or(t.status in ('nagekomen', 'vervallen') and t.beeindigd_op <= $4) then 'opTijd'
    end as klasse
    from termijn t
    where t.klacht_id = k.id and t.naam = any($5::text[])
  ) tk on true
  where k.gemeente = any($1::text[]) and ${PERIODE} and ${GEEN_VERZOEK_OVER_KLACHT}
    and ($7::text is null or r.categorie = $7)
    and ($8::text is null or r.oorzaak = $8)
    and ($9::text is null or k.kanaal = $9)
    and ($6::text is null or k.aanbieders @> jsonb_build_array(jsonb_build_object('id', $6::text)))
    and ($13::text is null or k.gemeente = $13)
    and (not $12::boolean or ${nietOvergedragenSql('$6::text', '$4')})
),
regel as (
  select b.*, coalesce(a.e->>'id', '${GEEN_AANBIEDER}') as aanbieder_id,
         coalesce(a.e->>'naam', a.e->>'id', '${GEEN_AANBIEDER}') as aanbieder_naam
  from basis b
  left join lateral jsonb_array_elements(case when jsonb_typeof(b.aanbieders) = 'array' then b.aanbieders else '[]'::jsonb end) a(e) on true
  where $6::text is null or a.e->>'id' = $6
),
terugkerend as (
  select gemeente, aanbieder_id, min(aanbieder_naam) as aanbieder_naam, aard, count(*)::int as aantal
  -- Recurring complaints are about an aanbieder (Klachtenprotocol Wmo keten Amsterdam §11); klachten without one are the gemeente's own.
  from regel where aard <> '${ONBEKEND}' and aanbieder_id <> '${GEEN_AANBIEDER}'
  group by gemeente, aanbieder_id, aard having count(*) >= $10
),
regel_maatregelen as (
  select gemeente, aanbieder_id, aard, oorzaak, json_agg(distinct m order by m) as lijst
  from regel, jsonb_array_elements_text(case when jsonb_typeof(maatregelen) = 'array' then maatregelen else '[]'::jsonb end) m
  group by gemeente, aanbieder_id, aard, oorzaak
),
tel as (
  select dim, waarde, count(*)::int as aantal from basis
  cross join lateral (values
    ('kanaal', kanaal), ('aard', aard), ('oorzaak', oorzaak),
    ('afdoening', coalesce(afdoening, '${ONBEKEND}')), ('oordeel', coalesce(oordeel, case when done then 'zonderOordeel' else 'nogOpen' end)),
    ('termijn', termijn), ('tevredenheid', coalesce(tevredenheid, '${ONBEKEND}'))
  ) d(dim, waarde)
  group by dim, waarde
)
select json_build_object(
  'totaal', (select count(*)::int from basis),
  'tellingen', coalesce((select json_agg(json_build_object('dim', dim, 'waarde', waarde, 'aantal', aantal) order by dim, aantal desc, waarde) from tel), '[]'),
  'perAanbieder', coalesce((select json_agg(x order by x.aantal desc, x.waarde, x.gemeente) from (
      select aanbieder_id as waarde, gemeente, min(aanbieder_naam) as naam, count(*)::int as aantal from regel group by gemeente, aanbieder_id) x), '[]'),
  'maatregelen', coalesce((select json_agg(x order by x.aantal desc, x.waarde) from (
      select m as waarde, count(*)::int as aantal from basis, jsonb_array_elements_text(
        case when jsonb_typeof(maatregelen) = 'array' then maatregelen else '[]'::jsonb end) m group by m) x), '[]'),
  'regels', coalesce((select json_agg(x order by x."aanbiederNaam", x.gemeente, x.aard, x.oorzaak) from (
      select r.gemeente, r.aanbieder_id as "aanbiederId", min(r.aanbieder_naam) as "aanbiederNaam", r.aard, r.oorzaak,
        count(*)::int as aantal,
        count(*) filter (where r.oordeel = 'gegrond')::int as gegrond,
        count(*) filter (where r.oordeel = 'deelsGegrond')::int as "deelsGegrond",
        count(*) filter (where r.oordeel = 'ongegrond')::int as ongegrond,
        count(*) filter (where r.oordeel is null or r.oordeel not in ('gegrond', 'deelsGegrond', 'ongegrond'))::int as "zonderOordeel",
        count(*) filter (where r.termijn = 'opTijd')::int as "opTijd",
        count(*) filter (where r.termijn = 'naVerdaging')::int as "naVerdaging",
        count(*) filter (where r.termijn = 'teLaat')::int as "teLaat",
        count(*) filter (where r.termijn = 'teLaatAfgehandeld')::int as "teLaatAfgehandeld",
        count(*) filter (where r.termijn = 'lopend')::int as lopend,
        count(*) filter (where r.tevredenheid = 'tevreden')::int as tevreden,
        count(*) filter (where r.tevredenheid = 'nietTevreden' or r.tevredenheid = 'ontevreden')::int as "nietTevreden",
        coalesce(min(m.lijst::text)::json, '[]'::json) as maatregelen,
        bool_or(t.aard is not null) as terugkerend
      from regel r
      left join regel_maatregelen m using (gemeente, aanbieder_id, aard, oorzaak)
      left join terugkerend t using (gemeente, aanbieder_id, aard)
      group by r.gemeente, r.aanbieder_id, r.aard, r.oorzaak) x), '[]'),
  'terugkerend', coalesce((select json_agg(json_build_object('gemeente', gemeente, 'aanbiederId', aanbieder_id, 'aanbiederNaam', aanbieder_naam, 'aard', aard, 'aantal', aantal)
      order by aantal desc, aanbieder_id, gemeente, aard) from terugkerend), '[]')
) as rapport`;
}

/** The report now (peildatum: now); the registration from the klacht's columns. */
export const RAPPORTAGE_SQL = rapportageSql(false);
/** The report as at a past peildatum (`peildatumVerleden`, a stored report): registration and end from the history. */
export const RAPPORTAGE_SQL_OP_PEILDATUM = rapportageSql(true);

interface RuweRapportage {
  totaal: number;
  tellingen: Array<{ dim: string; waarde: string; aantal: number }>;
  perAanbieder: Array<Telling & { naam: string; gemeente: string }>;
  maatregelen: Telling[];
  regels: RapportageRegel[];
  terugkerend: TerugkerendeKlacht[];
}

export async function queryRapportage(db: Sql, f: RapportageFilter): Promise<RapportageCijfers> {
  const sql = f.peildatumVerleden === true ? RAPPORTAGE_SQL_OP_PEILDATUM : RAPPORTAGE_SQL;
  const rows: Array<{ rapport: RuweRapportage }> = await zonderJit(db, (q) => q.query(sql, [
    f.gemeenten, f.van, f.tot, f.peildatum, f.alleenAanbiederTermijnen === true ? AANBIEDER_AFHANDEL_TERMIJNEN : AFHANDEL_TERMIJNEN,
    f.aanbieder ?? null, f.aard ?? null, f.oorzaak ?? null, f.kanaal ?? null, f.drempel, f.peildatumVerleden === true,
    f.zonderOvergedragen === true && f.aanbieder !== undefined,
    f.aanbieder !== undefined ? (f.aanbiederGemeente ?? null) : null,
    f.alleenAanbiederTermijnen === true ? AANBIEDER_VERPLICHTINGEN : null,
    ...(f.peildatumVerleden === true ? [JSON.stringify(f.tevredenheidPerDefinitie ?? {})] : []),
  ]));
  const r = rows[0].rapport;
  const dim = (d: string): Telling[] => r.tellingen.filter((t) => t.dim === d).map(({ waarde, aantal }) => ({ waarde, aantal }));
  return {
    totaal: r.totaal,
    perAanbieder: r.perAanbieder,
    perAard: dim('aard'),
    perOorzaak: dim('oorzaak'),
    perKanaal: dim('kanaal'),
    perAfdoening: dim('afdoening'),
    perOordeel: dim('oordeel'),
    perTermijn: dim('termijn'),
    perTevredenheid: dim('tevredenheid'),
    maatregelen: r.maatregelen,
    regels: r.regels,
    terugkerend: r.terugkerend,
  };
}

/** Written channels (Awb 9:12a registers schriftelijke klachten; 9:1 lid 1 vs. the oral klacht of 9:2). */
export const SCHRIFTELIJKE_KANALEN = ['brief', 'webformulier', 'email'];

export interface Jaaroverzicht {
  gemeente: string;
  jaar: number;
  schriftelijk: number;
  perAard: Telling[];
  perOordeel: Telling[];
  perAfdoening: Telling[];
}

/**
 * Awb 9:12a: the registered written klachten of one year (only soort `klacht`, only written channels). `gemeente` is
 * the publishing gemeente (its name heads the overview); `gemeenten` those whose klachten count. With `peildatum` (a
 * stored overview, as at its deadline) aard, oordeel and afdoening are as at that moment (`registratieSql`); without it, now.
 */
export async function queryJaaroverzicht(
  db: Sql,
  gemeente: string,
  gemeenten: readonly string[],
  periode: { van: string; tot: string },
  peildatum?: Date,
): Promise<Jaaroverzicht> {
  const jaar = Number(periode.van.slice(0, 4));
  const rows: Array<{ dim: string; waarde: string; aantal: number }> = await db.query(
    `select dim, waarde, count(*)::int as aantal
     from klacht k
     cross join lateral ${registratieSql('k', peildatum ? '$5::timestamptz' : undefined)} r
     cross join lateral (values ('totaal', 'totaal'), ('aard', coalesce(nullif(r.categorie, ''), '${ONBEKEND}')),
       ('oordeel', coalesce(r.oordeel, case when r.done then 'zonderOordeel' else 'nogOpen' end)), ('afdoening', coalesce(r.afdoening, '${ONBEKEND}'))) d(dim, waarde)
     where k.gemeente = any($1::text[]) and k.soort = 'klacht' and k.kanaal = any($4::text[])
       and ${PERIODE} and ${GEEN_VERZOEK_OVER_KLACHT}
     group by dim, waarde order by dim, aantal desc, waarde`,
    [gemeenten, periode.van, periode.tot, SCHRIFTELIJKE_KANALEN, ...(peildatum ? [peildatum] : [])],
  );
  const dim = (d: string): Telling[] => rows.filter((t) => t.dim === d).map(({ waarde, aantal }) => ({ waarde, aantal }));
  return { gemeente, jaar, schriftelijk: dim('totaal')[0]?.aantal ?? 0, perAard: dim('aard'), perOordeel: dim('oordeel'), perAfdoening: dim('afdoening') };
}

export interface StateTelling {
  state: string;
  count: number;
  /** Open klachten that are te laat (te-laat.ts). */
  overdue: number;
  /** ... not late, but an open obligation falls due within `bijnaDagen` days. */
  nearlyDue: number;
  onTime: number;
  /** Median days since the klacht entered this state (open klachten only; from klacht.state_sinds). */
  medianDays: number | null;
}

/**
 * Live counts per state for one definition version: the heatmap of the process-owner view.
 * The closed klachten, nearly all at 1 M, are counted by their `eind_state` (an index-only scan of IDX_klacht_afgesloten);
 * the open ones, with their band and time in state from the denormalised `state_sinds` / `eerste_vervalt_op`
 * (engine-maintained), through the partial index IDX_klacht_open (`where not done`) and the table: no index holds a
 * column an engine step changes, so the step is a HOT update (migration 1796700000000).
 */
export async function queryStateTellingen(db: Sql, gemeenten: readonly string[], definitieId: string, versie: string, nu: Date, bijnaDagen = 5): Promise<StateTelling[]> {
  return zonderJit(db, (q) => q.query(
    `with per_state as (
       select k.state, count(*) as n,
              count(*) filter (where ${band('k', '$4', '$5')} = 'overdue')::int as overdue,
              count(*) filter (where ${band('k', '$4', '$5')} = 'nearlyDue')::int as nearly,
              count(*) filter (where ${band('k', '$4', '$5')} = 'onTime')::int as ontime,
              percentile_cont(0.5) within group (order by extract(epoch from ($4::timestamptz - k.state_sinds)) / 86400.0) as mediaan
       from klacht k
       where k.gemeente = any($1::text[]) and k.definitie_id = $2 and k.definitie_versie = $3 and not k.done
       group by k.state
     ),
     -- The open klachten are counted where their bands are (the table is read once); the closed ones by the index alone.
     telling as (
       select state, sum(n)::int as n from (
         select state, n from per_state
         union all
         select eind_state, count(*) from klacht
         where gemeente = any($1::text[]) and definitie_id = $2 and definitie_versie = $3 and eind_state is not null group by eind_state
       ) d group by state
     )
     select t.state, t.n as count, coalesce(p.overdue, 0) as overdue, coalesce(p.nearly, 0) as "nearlyDue",
            coalesce(p.ontime, 0) as "onTime", round(p.mediaan::numeric, 1)::float8 as "medianDays"
     from telling t left join per_state p using (state) order by t.state`,
    [gemeenten, definitieId, versie, nu, bijnaDagen],
  ));
}

export interface KlachtInState {
  id: string;
  /** The leaf state (differs from the asked state for a compound state). */
  state: string;
  ontvangenOp: string;
  soort: string;
  kanaal: string;
  aanbieders: string;
  categorie: string | null;
  /** The open obligation that falls due first (te laat when passed): label, last day and band (te-laat.ts). */
  termijn: string | null;
  vervaldatum: string | null;
  band: 'overdue' | 'nearlyDue' | 'onTime' | null;
  sinds: string | null;
}

/** The klachten in one state or, for a compound state, in any of its substates (the click on a diagram state), newest first, at most `limit`. */
export async function queryKlachtenInState(db: Sql, gemeenten: readonly string[], definitieId: string, versie: string, state: string, nu: Date, limit = 500, bijnaDagen = 5): Promise<KlachtInState[]> {
  return db.query(
    `select k.id, k.state, k.ontvangen_op as "ontvangenOp", k.soort, k.kanaal, k.categorie,
            coalesce((select string_agg(coalesce(a->>'naam', a->>'id'), ', ') from jsonb_array_elements(
              case when jsonb_typeof(k.aanbieders) = 'array' then k.aanbieders else '[]'::jsonb end) a), '') as aanbieders,
            t.label as termijn, to_char(t.vervaldatum, 'YYYY-MM-DD') as vervaldatum,
            ${band('k', '$5', '$7')} as band,
            -- Since it entered its state: what the heatmap's time in state and the tijdlijn count from. An event within
            -- the state (a verdaging, a passed termijn) or a registration change does not restart it.
            k.state_sinds as sinds
     from klacht k
     left join lateral (${eersteOpenVerplichting('k', 't.label, t.vervaldatum, t.vervalt_op')}) t on true
     where k.gemeente = any($1::text[]) and k.definitie_id = $2 and k.definitie_versie = $3
       and ${inStateSql('k', '$4')}
     order by k.ontvangen_op desc, k.id limit $6`,
    [gemeenten, definitieId, versie, state, nu, limit, bijnaDagen],
  );
}

/**
 * The aanbieders that owe a periodic report over [van, tot] (Uitgangspunten klachtenmanagement Sociaal Domein §10,
 * contract art. 11.1, Klachtenprotocol Wmo keten Amsterdam §10): those with a klacht in the period in the scope of their own
 * report (`aanbiederRapportage`: `gemeenten` are `aanbiederGemeenten` of the moment's gemeente, so an id counts only as
 * the gemeente that chose it), not handed over by the peildatum. The same klachten as its stored report and its own view.
 * Each is gemeente + id (`gemeente`: the gemeente that chose the id), the key its submission is matched on.
 */
export async function queryAanbieders(
  db: Sql,
  gemeenten: readonly string[],
  van: string,
  tot: string,
  peildatum: Date,
): Promise<Array<{ gemeente: string; id: string; naam: string }>> {
  return db.query(
    `select k.gemeente, a->>'id' as id, min(coalesce(a->>'naam', a->>'id')) as naam
     from klacht k, jsonb_array_elements(case when jsonb_typeof(k.aanbieders) = 'array' then k.aanbieders else '[]'::jsonb end) a
     where k.gemeente = any($1::text[]) and ${PERIODE} and ${GEEN_VERZOEK_OVER_KLACHT} and a ? 'id'
       and ${nietOvergedragenSql("a->>'id'", '$4')}
     group by 1, 2 order by 2, 1`,
    [gemeenten, van, tot, peildatum],
  );
}
