/**
 * Te laat: the ONE definition of lateness that every view uses (heatmap, lists, `overdue` filter,
 * diagram bands, reports and their CSV, the klacht view). docs/te-laat.md says it in Dutch.
 *
 *   An open obligation whose termijn has passed and that has not been met is late, until it is met
 *   or the klacht ends.
 *
 * - An obligation (`termijn.verplichting`) is a termijn the gemeente or the aanbieder must meet. A
 *   window of the klager (Awb 9:24: one year to go to the ombudsman) or an option of the gemeente
 *   (Awb 9:8 lid 3) is not: its expiry is nobody's lateness.
 * - Open: still running, or passed (`status = 'verlopen'`) and not yet closed (`gesloten_op`). The
 *   engine closes a passed obligation when a step meets it late (the step that would have ended it
 *   had it still been running), when it starts again, or when the klacht ends.
 * - The engine keeps `klacht.eerste_vervalt_op` = the earliest `vervalt_op` of the klacht's open
 *   obligations (null once the klacht is done), in the same transaction as the termijn rows; so "late
 *   at `nu`" is `eerste_vervalt_op <= nu`, index-only for the heatmap.
 *
 * "Currently late" (`teLaat`) is not the same as "was late when met" (`teLaatAfgehandeld` in the
 * reports, Awb 9:11 compliance): an afhandeltermijn met after its last day stays counted there.
 */

import { isOpgeschort } from '../../machines/compiler/termijnen';

// The classification lives with the termijnen of the regimes (pure, shared with the graph check).
export { GEEN_VERPLICHTING, VERPLICHTINGEN, isOpgeschort, isVerplichting } from '../../machines/compiler/termijnen';

/**
 * SQL: termijn row `t` is an open obligation (running and not suspended, or passed and not yet met or ended). A
 * suspended termijn (`opgeschortSql`; only where the regeling allows opschorting) does not pass (docs/juridisch-kader.md
 * §6): its due moment makes nobody late until HERVATTEN sets a new one. With `op` (a bound instant in the past): was
 * open at that moment, read from the row's moments (`openVerplichtingOp`).
 */
export function openVerplichting(t = 't', op?: string): string {
  if (op !== undefined) return openVerplichtingOp(t, op);
  return `(${t}.verplichting and ((${t}.status = 'lopend' and not ${opgeschortSql(t)}) or (${t}.status = 'verlopen' and ${t}.gesloten_op is null)))`;
}

/**
 * SQL: the open obligation of klacht `k` that falls due first, as the body of a lateral subquery selecting `kolommen` of
 * termijn `t`: what the werkvoorraad and the klachten of a diagram state show as the klacht's termijn, next to its band
 * (both from `eerste_vervalt_op`). Ties by name in code-point order (COLLATE "C", as the wake-ups fire them:
 * verval-volgorde.ts), so every view names the same termijn whatever the database's collation. A klacht that is done
 * has none (the engine ends its obligations with it).
 */
export function eersteOpenVerplichting(k: string, kolommen: string): string {
  return `select ${kolommen} from termijn t
            where t.klacht_id = ${k}.id and not ${k}.done and ${openVerplichting('t')}
            order by t.vervalt_op, t.naam collate "C" limit 1`;
}

/** SQL: termijn row `t` is suspended now (`isOpgeschort`): of its opschortingen and hervattingen the last is an opschorting. */
export function opgeschortSql(t = 't'): string {
  return `(${t}.mutaties @> '[{"soort":"opschorting"}]' and (select m ->> 'soort' from jsonb_array_elements(${t}.mutaties) with ordinality e(m, n) where m ->> 'soort' in ('opschorting', 'hervatting') order by n desc limit 1) = 'opschorting')`;
}

/** The same rule as `openVerplichting`, for a row the engine holds in memory while it plans a step. */
export function isOpenVerplichting(t: {
  verplichting: boolean;
  status: string;
  geslotenOp: Date | null;
  mutaties?: ReadonlyArray<{ soort: string }> | null;
}): boolean {
  return t.verplichting && ((t.status === 'lopend' && !isOpgeschort(t.mutaties)) || (t.status === 'verlopen' && t.geslotenOp === null));
}

/**
 * What `eersteVervalSql` computes, for the rows the engine writes in this step (it writes the value with
 * them in one statement instead of reading it back): the earliest due moment of the open obligations,
 * null when there is none or the klacht is done.
 */
export function eersteVerval(
  done: boolean,
  termijnen: Array<{
    verplichting: boolean;
    status: string;
    geslotenOp: Date | null;
    vervaltOp: Date;
    mutaties?: ReadonlyArray<{ soort: string }> | null;
  }>,
): Date | null {
  if (done) return null;
  let eerste: Date | null = null;
  for (const t of termijnen) if (isOpenVerplichting(t) && (eerste === null || t.vervaltOp < eerste)) eerste = t.vervaltOp;
  return eerste;
}

/**
 * SQL: the value the engine writes into `klacht.eerste_vervalt_op` for klacht `k` (alias of a
 * `klacht` row): the earliest due moment of its open obligations, null when it has none or is done.
 */
export function eersteVervalSql(k = 'k'): string {
  return `(case when ${k}.done then null else (select min(ot.vervalt_op) from termijn ot where ot.klacht_id = ${k}.id and ${openVerplichting('ot')}) end)`;
}

/** SQL: klacht `k` is te laat at the instant `nu` (a bound parameter such as `$4`). */
export function teLaat(k: string, nu: string): string {
  return `(${k}.eerste_vervalt_op <= ${nu})`;
}

/**
 * SQL: termijn row `t` was an open obligation at the moment `op` (a bound parameter), as far as its row's moments tell:
 * the same rule as `openVerplichting`, at an earlier moment. Passed and not yet met or ended then (`gesloten_op`,
 * `beeindigd_op` after `op`), or still running; and not suspended then (`opgeschortOpSql`). At `op` = now it is
 * `openVerplichting`: nothing is closed, ended or suspended after now.
 *
 * True of `op` as known now (docs/te-laat.md): every moment the engine writes is the act's own `at`, also for an act
 * registered after the wake-up (regime.ts `inhalen`; the engine reopens the row and ends or moves it as at that act),
 * so a termijn met or verdaagd on its last day was not te laat at any moment, Awb 9:11 lid 1 and 2. A due moment only
 * moves forward and only before it passes (verdaging, hervatting), so the row's `vervalt_op` decides for every moment
 * at which the row was not suspended. Whether it was suspended is read from its ledger at `op`, not now: a termijn
 * suspended then and ended later while still suspended (withdrawn, or met) was not te laat then, whatever its old due
 * moment (docs/juridisch-kader.md §6).
 */
function openVerplichtingOp(t: string, op: string): string {
  // Written out apart from the form for now, which the heatmap's and lists' plans rely on as it is; at op = now the two
  // are the same rule (test/te-laat.test.ts and test/te-laat-peildatum.test.ts, "one rule at two moments").
  return `(${t}.verplichting and not ${opgeschortOpSql(t, op)} and (${t}.status = 'lopend' or (${t}.status = 'verlopen' and (${t}.gesloten_op is null or ${t}.gesloten_op > ${op})) or (${t}.status in ('nagekomen', 'vervallen') and ${t}.beeindigd_op > ${op})))`;
}

/**
 * SQL: termijn row `t` was suspended at the moment `op`: of its opschortingen and hervattingen done by then (their `at`,
 * the act's own moment) the last is an opschorting. `opgeschortSql` at an earlier moment.
 */
function opgeschortOpSql(t: string, op: string): string {
  return `(${t}.mutaties @> '[{"soort":"opschorting"}]' and coalesce((select m ->> 'soort' from jsonb_array_elements(${t}.mutaties) with ordinality e(m, n) where m ->> 'soort' in ('opschorting', 'hervatting') and (m ->> 'at')::timestamptz <= ${op} order by n desc limit 1) = 'opschorting', false))`;
}

/**
 * SQL: klacht `k` was te laat at the moment `op`, an instant in the past (a report job that runs after its deadline,
 * counting as at the deadline): one of its obligations had passed by then and was not met or ended by then. The engine
 * closes every obligation when the klacht ends, so the klacht's end is in the rows too. At `op` = now it is
 * `teLaat(k, op)`, which reads the one column the engine keeps for now (index-only); this form reads the rows.
 */
export function teLaatOp(k: string, op: string): string {
  return teLaatOpOver(k, op);
}

/**
 * SQL: klacht `k` was te laat at the moment `op` (a bound instant, now or in the past) over the obligations named `namen`
 * (an SQL text[], e.g. a bound `$14::text[]`) only: one of THOSE had passed by then and was not met or ended by then. The
 * rule of `teLaatOp` (the same rows, `openVerplichting` at `op`), for a party's own obligations: the aanbieder's own report
 * (contract art. 11.1, Klachtenprotocol Wmo keten Amsterdam §10) is about its termijnen, not about the gemeente's Awb 9:11
 * termijn that runs once the klager went on to the gemeente (Uitgangspunten klachtenmanagement Sociaal Domein §5A).
 * Without `namen`: every obligation, which is `teLaatOp`. At `op` = now it reads the rows as `openVerplichting` does
 * (nothing is closed, ended or suspended after now). `rij`: a further SQL condition on the termijn row (its alias given),
 * for a name two parties share (`contact`, TermijnDefinitie.geldtVoor: the row says whose it is, `termijn.voor`).
 */
export function teLaatOpOver(k: string, op: string, namen?: string, rij?: (t: string) => string): string {
  const alleen = namen === undefined ? '' : ` and lt.naam = any(${namen})`;
  const ook = rij === undefined ? '' : ` and ${rij('lt')}`;
  return `exists (select 1 from termijn lt where lt.klacht_id = ${k}.id${alleen}${ook} and lt.vervalt_op <= ${op} and ${openVerplichting('lt', op)})`;
}

/** SQL: termijn row `t` of klacht `k` is what makes the klacht late at `nu`. */
export function termijnTeLaat(t: string, k: string, nu: string): string {
  return `(not ${k}.done and ${openVerplichting(t)} and ${t}.vervalt_op <= ${nu})`;
}

export type Band = 'overdue' | 'nearlyDue' | 'onTime';

/**
 * SQL: the heatmap band of klacht `k` at `nu`: te laat, bijna verlopen (an open obligation falls due
 * within `dagen` days), op tijd, or null (no open obligation: nothing can be late). The days are Dutch calendar days,
 * whatever the session's time zone: in UTC a day is always 24 hours, and the edge moved by an hour across a DST switch.
 */
export function band(k: string, nu: string, dagen: string): string {
  return `(case when ${k}.eerste_vervalt_op is null then null
               when ${teLaat(k, nu)} then 'overdue'
               when ${k}.eerste_vervalt_op <= ((${nu}::timestamptz at time zone 'Europe/Amsterdam') + make_interval(days => ${dagen})) at time zone 'Europe/Amsterdam' then 'nearlyDue'
               else 'onTime' end)`;
}
