/**
 * "The klacht is in this state, or in one of its substates" as SQL (one meaning, one place): GET /klachten?state=, the
 * werkvoorraad's filter and the heatmap's list of a state (the click on a diagram state). `state` is an SQL expression
 * (a parameter) holding a dotted state path; a parent matches its children (`intern` finds `intern.inBehandeling`); `%` and `_` are letters.
 *
 * Written as "open and in the state, or closed in it" although `state` alone says the same: no index holds `state`, so an
 * engine step stays a HOT update (migration 1796700000000). The open klachten are found through the partial index of open
 * klachten, the closed ones, nearly all of them, through the index on `eind_state` (their state; null while open). A
 * klacht is closed only in a final state of its machine's root (regime.ts: done is XState's status 'done'), which has no
 * substates: so for the closed ones equality is the whole test, and it is one the index answers.
 */
export function inStateSql(k: string, state: string): string {
  const onder = `replace(replace(replace(${state}, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '.%'`;
  return `((NOT ${k}.done AND (${k}.state = ${state} OR ${k}.state LIKE ${onder})) OR ${k}.eind_state = ${state})`;
}
