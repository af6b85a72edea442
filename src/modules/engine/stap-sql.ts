/**
 * The engine's writes as single SQL statements (issue 17: one event, one transaction, few round trips).
 *
 * An accepted step writes the klacht row, one history row, the termijn rows that change and the outbox
 * rows in ONE data-modifying statement (`WITH ... UPDATE/INSERT ...`), so it costs one round trip and is
 * all-or-nothing on its own: a refusal anywhere (a constraint, a trigger) rolls back every part of it.
 * The statement text is constant, so a connection prepares it once (SQL `PREPARE <naam>_sql`) and from
 * then on runs `EXECUTE <naam>_sql(...)`, which a simple query can send together with the COMMIT, and
 * several of which a group of events sends in one round trip (ADR 0008). Termijn rows are sent as JSON patches: `jsonb_populate_record(t, patch)` keeps
 * every column the patch does not name, so only what the reconciliation changed is written.
 *
 * The CTEs of one statement share a snapshot and their order is not defined (PostgreSQL docs, "Data-
 * Modifying Statements in WITH"), so the engine computes every row's final value in memory first and
 * touches each row at most once: no part depends on another part's effect.
 */

/** Columns of `termijn` a step may change (the patch keys; `updated_at` is set by the statement). */
const TERMIJN_KOLOMMEN = [
  'label',
  'vervaldatum',
  'vervalt_op',
  'uitleg',
  'status',
  'revision',
  'herinneringen',
  'volgende_herinnering_op',
  'escalatie_naar',
  'grondslag',
  'mutaties',
  'verval_gemeld_op',
  'beeindigd_op',
  'beeindigd_door',
  'gesloten_op',
  'gesloten_door',
] as const;

const NIEUWE_TERMIJN_KOLOMMEN = [
  'id',
  'klacht_id',
  'naam',
  'verplichting',
  'voor',
  ...TERMIJN_KOLOMMEN.filter((k) => !k.startsWith('verval_gemeld')),
];

/**
 * Every part writes only with the klacht row of `k` (it names `k` in its FROM), so a step whose guard
 * fails (STAP_SQL) writes nothing at all. Parameters shared by both statements: $1 klacht id, $2 snapshot,
 * $3 state, $4 done, $5 volgende_events, $6 state_sinds (null: unchanged), $7 registration columns (jsonb object), $8 eerste_vervalt_op,
 * $9..$14 the history row (type, van_state, actor, at, correlation_id, payload), $15 termijn patches,
 * $16 new termijnen, $17 outbox rows (jsonb arrays).
 */
const H = `
  h AS (
    INSERT INTO klacht_gebeurtenis (klacht_id, type, van_state, naar_state, actor, at, correlation_id, payload, accepted)
    SELECT $1, $9, $10, $3, $11, $12, $13, $14::jsonb, true FROM k
  )`;

const TERMIJNEN = `
  tu AS (
    UPDATE termijn t SET (${TERMIJN_KOLOMMEN.join(', ')}, updated_at) =
      (SELECT ${TERMIJN_KOLOMMEN.map((k) => `r.${k}`).join(', ')}, now() FROM jsonb_populate_record(t, x.p) r)
    FROM k, jsonb_array_elements($15::jsonb) x(p)
    -- Every patch is a termijn of this klacht. Saying so lets the plan start from this klacht's few rows (an
    -- index) whatever the statistics say: prepared once, the plan is kept, and one made while the table was
    -- small (or never analyzed) joined against a scan of the whole table, at every step.
    WHERE t.klacht_id = $1 AND t.id = (x.p->>'id')::uuid
    RETURNING t.*
  ),
  ti AS (
    INSERT INTO termijn (${NIEUWE_TERMIJN_KOLOMMEN.join(', ')})
    SELECT ${NIEUWE_TERMIJN_KOLOMMEN.map((k) => `r.${k}`).join(', ')}
    FROM k, jsonb_array_elements($16::jsonb) x(p), jsonb_populate_record(null::termijn, x.p) r
    RETURNING *
  )`;

const O = `
  o AS (
    -- In the order given: outbox ids are the order the relay hands rows over in.
    INSERT INTO outbox (klacht_id, type, payload)
    SELECT (x.p->>'klachtId')::uuid, x.p->>'type', x.p->'payload'
    FROM k, jsonb_array_elements($17::jsonb) WITH ORDINALITY x(p, n)
    ORDER BY x.n
  )`;

const STAART = `${H},${TERMIJNEN},${O}`;

const REGISTRATIE = (kolom: string, json = false) =>
  `${kolom} = CASE WHEN $7::jsonb ? '${kolom}' THEN $7::jsonb${json ? '->' : '->>'}'${kolom}' ELSE ${kolom} END`;

/**
 * An accepted step on an existing klacht (the caller holds its row lock). Returns nothing when the guard
 * fails, else one row per termijn row the step wrote (all its columns), each with the klacht's new
 * `version`, `k_updated_at` and `k_xmin` (the xmin of every row this statement wrote), or one row with only those.
 *
 * The guard ($18 the klacht row's xmin, $19 every termijn of the klacht as `id:xmin` in id order, both
 * NULL for a caller that read the klacht in this transaction): the engine planned the step from a klacht it
 * cached (klacht-cache.ts) and the step is right only if those are still the rows. The caller took the row
 * lock in an earlier statement of this transaction, so this statement's snapshot (READ COMMITTED: one per
 * statement) already sees whatever the lock's previous holders committed, termijnen included.
 *
 * Without termijnen (`metTermijnen` false): the same step for one that changes no termijn and starts none (most
 * steps), without the termijn parts, whose setting up PostgreSQL does at every execution (opening termijn and its
 * five indexes twice) even when they have nothing to write: 35 µs of a 320 µs step (measured with a prepared
 * statement on one connection). The same parameters; it returns one row with the klacht's `version`,
 * `k_updated_at` and `k_xmin`, or nothing. $15 and $16 must be empty: the klacht row is only written when they
 * are, so a step with termijn changes sent there by mistake writes nothing at all (the caller then sees a failed
 * guard) instead of losing those changes.
 */
function stapSql(metTermijnen: boolean): string {
  return `
WITH k AS (
  UPDATE klacht SET snapshot = $2::jsonb, state = $3, done = $4, volgende_events = $5::jsonb,
    state_sinds = coalesce($6::timestamptz, state_sinds),
    ${['categorie', 'oorzaak', 'afdoening', 'oordeel', 'tevredenheid'].map((k) => REGISTRATIE(k)).join(',\n    ')},
    ${REGISTRATIE('maatregelen', true)},
    eerste_vervalt_op = $8::timestamptz, version = version + 1, updated_at = now()
  WHERE id = $1${metTermijnen ? '' : " AND $15::jsonb = '[]'::jsonb AND $16::jsonb = '[]'::jsonb"}
    AND ($18::text IS NULL OR (
      xmin::text = $18::text
      AND (SELECT coalesce(string_agg(v.id::text || ':' || v.xmin::text, ',' ORDER BY v.id), '') FROM termijn v WHERE v.klacht_id = $1)
        = $19::text))
  RETURNING version, updated_at AS k_updated_at, xmin::text AS k_xmin
),${metTermijnen ? STAART : `${H},${O}`}
SELECT k.version, k.k_updated_at, k.k_xmin${metTermijnen ? ', r.* FROM k LEFT JOIN (SELECT * FROM tu UNION ALL SELECT * FROM ti) r ON true' : ' FROM k'}`;
}

export const STAP_SQL = stapSql(true);
export const STAP_ZONDER_TERMIJNEN_SQL = stapSql(false);

/** Locks klachten in id order (as every transaction that locks several does, so they cannot deadlock each other). */
export const VERGRENDEL_SQL = `SELECT 1 FROM klacht WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`;

/**
 * The intake: the klacht row itself ($18..$27: gemeente, definitie_id, definitie_versie, soort, kanaal,
 * ontvangen_op, ingediend_bij, onderwerp, aanbieders, feiten), then history, termijnen and outbox as a
 * step. The referencing rows see the new klacht: foreign keys are checked at the end of the statement.
 * Returns one row per new termijn: the klacht's columns, `k_xmin`, then the termijn's columns (the same
 * names: read by position, klacht-cache.ts needs both), or one row with only the klacht's.
 */
export const INTAKE_SQL = `
WITH k AS (
  INSERT INTO klacht (id, snapshot, state, done, volgende_events, state_sinds, categorie, oorzaak, afdoening, oordeel, tevredenheid,
    maatregelen, eerste_vervalt_op, version, gemeente, definitie_id, definitie_versie, soort, kanaal, ontvangen_op, ingediend_bij,
    onderwerp, aanbieders, feiten)
  VALUES ($1, $2::jsonb, $3, $4, $5::jsonb, $6::timestamptz, $7::jsonb->>'categorie', $7::jsonb->>'oorzaak', $7::jsonb->>'afdoening',
    $7::jsonb->>'oordeel', $7::jsonb->>'tevredenheid', coalesce($7::jsonb->'maatregelen', '[]'::jsonb), $8::timestamptz, 1,
    $18, $19, $20, $21, $22, $23, $24, $25, $26::jsonb, $27::jsonb)
  RETURNING *, xmin::text AS k_xmin
),${STAART}
SELECT k.*, r.* FROM k LEFT JOIN ti r ON true`;

/** Names under which a connection keeps the statements prepared (as `<naam>_sql`; engine.service.ts). */
export const STAP_SQL_NAAM = 'klachtregie_stap_v2';
export const STAP_ZONDER_TERMIJNEN_SQL_NAAM = 'klachtregie_stap_kort_v1';
export const VERGRENDEL_SQL_NAAM = 'klachtregie_vergrendel_v1';
export const INTAKE_SQL_NAAM = 'klachtregie_intake_v2';
