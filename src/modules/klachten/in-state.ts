/**
 * "The klacht is in this state, or in one of its substates" as SQL (one meaning, one place): GET /klachten?state= and the
 * heatmap's list of a state (the click on a diagram state). `state` is an SQL expression (a parameter) holding a dotted
 * state path; a parent matches its children (`intern` finds `intern.inBehandeling`), as LIKE with `%` and `_` escaped.
 *
 * Written as "open and in the state, or closed in it" although `state` alone says the same: no index holds `state`, so an
 * engine step stays a HOT update (migration 1796700000000); the closed klachten, nearly all of them, are found through
 * the index on `eind_state` (their state, null while open), the open ones through the partial index of open klachten.
 */
export function inStateSql(k: string, state: string): string {
  const onder = `replace(replace(replace(${state}, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '.%'`;
  return `((NOT ${k}.done AND (${k}.state = ${state} OR ${k}.state LIKE ${onder})) OR ${k}.eind_state = ${state} OR ${k}.eind_state LIKE ${onder})`;
}
