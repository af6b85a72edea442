/**
 * Idempotency-Key inside the transaction of the work it protects (IETF draft-ietf-httpapi-idempotency-key-header).
 *
 * The key is claimed by the first statement of the engine's transaction and records the result (the
 * klacht) in the same transaction. So there is no moment at which the work is committed and the key is
 * not, or the other way round:
 * - a crash before the commit rolls both back: a retry runs the request again, at once;
 * - a crash after the commit (before the reply) leaves the key with its result: a retry answers with
 *   that klacht and creates nothing;
 * - a concurrent duplicate's INSERT waits for the first transaction (PostgreSQL's unique index) and then
 *   sees its result.
 * The draft has a replay return the result of the first request, not the resource as it is by the time of the retry:
 * a client that retries an event after a timeout while another event was registered in between must not read that
 * later state, termijnen and next events as the outcome of its own. So after the commit the reply as sent (status and
 * body) is stored with the key (IdempotencyInterceptor, one UPDATE), and a replay answers that. A duplicate that
 * arrives between the first's commit and that UPDATE waits for it (ANTWOORD_WACHT_MS after the commit at most). Only
 * when no reply was stored (the process died or the reply failed after the commit) is the reply rebuilt from the
 * klacht as it is now: the work is done once either way (docs/adr/0003-tenancy-webhooks-idempotency.md). The stored
 * reply holds the dossier's data: it goes with the key after 24 hours (IdempotentieOpruiming, AVG art. 5 lid 1
 * sub e) and with the klacht when it is destroyed (bewaring).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from 'typeorm';
import { ProblemException } from '../../common/problem';

export interface IdempotentVerzoek {
  gemeente: string;
  sleutel: string;
  route: string;
  /** The request's fingerprint; from the API it covers the caller too (IdempotencyInterceptor), so another caller's reuse is a 422. */
  hash: string;
  /** Set when the key had a result already: the reply is that result, marked Idempotent-Replayed. */
  herhaald?: boolean;
  /** Set when this request's transaction claimed the key: after its commit its reply is stored with the key. */
  geclaimd?: boolean;
  /** On a replay: the first request's reply, when it was stored by the time of the claim. */
  antwoord?: OpgeslagenAntwoord;
}

/** The reply of the first request with a key, as sent (response_status, response_body). */
export interface OpgeslagenAntwoord {
  status: number;
  body: unknown;
}

/** How long after the first request's commit a replay waits for its stored reply before answering the klacht as it is now. */
export const ANTWOORD_WACHT_MS = 3_000;

const opslag = new AsyncLocalStorage<IdempotentVerzoek>();

export const IdempotentieContext = {
  run<T>(verzoek: IdempotentVerzoek, fn: () => T): T {
    return opslag.run(verzoek, fn);
  },
  huidig(): IdempotentVerzoek | undefined {
    return opslag.getStore();
  },
};

/** 422: the key was used for another request, or by another caller (both ways of claiming a key answer alike). */
export function sleutelHergebruikt(sleutel: string, route: string): ProblemException {
  return new ProblemException({
    status: 422,
    code: 'idempotency-key-hergebruikt',
    title: 'Idempotency-Key hergebruikt voor een ander verzoek',
    detail: `De Idempotency-Key '${sleutel}' is al gebruikt voor een ander verzoek of door een andere aanroeper (${route}). Gebruik een nieuwe sleutel per verzoek.`,
  });
}

/**
 * The request was done before under this key: answer with the klacht it produced. That is the reply only when the
 * first one's was not stored (IdempotencyInterceptor answers the stored one instead, OpgeslagenAntwoord).
 */
export class IdempotentHerhaald extends Error {
  constructor(readonly klachtId: string) {
    super(`Idempotency-Key al gebruikt: klacht ${klachtId}`);
  }
}

/** First statement of the work's transaction: claims the key, or throws IdempotentHerhaald / a 422. */
export async function claimSleutel(m: EntityManager): Promise<void> {
  const v = opslag.getStore();
  if (!v) return;
  const nieuw = (await m.query(
    `INSERT INTO idempotentie_sleutel (gemeente, sleutel, route, request_hash, status, completed_at)
     VALUES ($1, $2, $3, $4, 'klaar', now())
     ON CONFLICT (gemeente, sleutel) DO NOTHING RETURNING sleutel`,
    [v.gemeente, v.sleutel, v.route, v.hash],
  )) as unknown[];
  if (nieuw.length > 0) {
    // Also after an earlier attempt of this request whose transaction rolled back (metWekkersBij runs it again).
    v.geclaimd = true;
    v.herhaald = false;
    return;
  }
  const [bestaand] = (await m.query(
    `SELECT route, request_hash, resultaat, response_status, response_body FROM idempotentie_sleutel WHERE gemeente = $1 AND sleutel = $2`,
    [v.gemeente, v.sleutel],
  )) as Array<{
    route: string;
    request_hash: string;
    resultaat: { klachtId?: string } | null;
    response_status: number | null;
    response_body: unknown;
  }>;
  if (!bestaand || bestaand.request_hash !== v.hash) {
    throw sleutelHergebruikt(v.sleutel, bestaand?.route ?? 'onbekend');
  }
  if (!bestaand.resultaat?.klachtId) {
    throw ProblemException.conflict(
      'idempotency-key-in-behandeling',
      'Verzoek nog in behandeling',
      'Een verzoek met dezelfde Idempotency-Key is nog in behandeling; probeer het zo opnieuw.',
    );
  }
  v.herhaald = true;
  v.geclaimd = false;
  // Read in the same statement as the result: no round trip more when the first request's reply is stored already.
  if (bestaand.response_status !== null) v.antwoord = { status: bestaand.response_status, body: bestaand.response_body };
  throw new IdempotentHerhaald(bestaand.resultaat.klachtId);
}

/**
 * Last statement of the work's transaction: the key's result, committed with the work. completed_at is the moment of
 * this statement (clock_timestamp, not the transaction's start): a replay waits for the reply from then on.
 */
export async function legResultaatVast(m: EntityManager, resultaat: { klachtId: string }): Promise<void> {
  const v = opslag.getStore();
  if (!v) return;
  await m.query(`UPDATE idempotentie_sleutel SET resultaat = $3, completed_at = clock_timestamp() WHERE gemeente = $1 AND sleutel = $2`, [
    v.gemeente,
    v.sleutel,
    JSON.stringify(resultaat),
  ]);
}

/** Anything that runs SQL outside the work's transaction (a Repository, the DataSource). */
interface Sql {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * After the commit, by the request that claimed the key: its reply as sent, kept for the replays. Once: a replay's
 * reply (perhaps rebuilt from the klacht as it is now) never replaces it, nor does another request (its hash).
 */
export async function legAntwoordVast(db: Sql, v: IdempotentVerzoek, antwoord: OpgeslagenAntwoord): Promise<void> {
  if (!v.geclaimd || v.herhaald) return;
  await db.query(
    `UPDATE idempotentie_sleutel SET response_status = $4, response_body = $5::jsonb
      WHERE gemeente = $1 AND sleutel = $2 AND request_hash = $3 AND response_status IS NULL`,
    [v.gemeente, v.sleutel, v.hash, antwoord.status, JSON.stringify(antwoord.body ?? null)],
  );
}

/**
 * A replay that found no stored reply at its claim: the first request may be between its commit and storing it (a
 * concurrent duplicate), so this waits for it, until ANTWOORD_WACHT_MS after that commit (on the database's clock, as
 * completed_at). Undefined when none came: the first request's process died or its reply failed after the commit, or
 * the key is gone (purged, or its klacht destroyed).
 */
export async function wachtOpAntwoord(db: Sql, v: IdempotentVerzoek): Promise<OpgeslagenAntwoord | undefined> {
  // Bounded here too, whatever the row says.
  const tot = Date.now() + ANTWOORD_WACHT_MS + 1_000;
  for (;;) {
    const [rij] = (await db.query(
      `SELECT response_status, response_body,
              clock_timestamp() < completed_at + $3::int * interval '1 millisecond' AS wachten
         FROM idempotentie_sleutel WHERE gemeente = $1 AND sleutel = $2 AND request_hash = $4`,
      [v.gemeente, v.sleutel, ANTWOORD_WACHT_MS, v.hash],
    )) as Array<{ response_status: number | null; response_body: unknown; wachten: boolean | null }>;
    if (!rij) return undefined;
    if (rij.response_status !== null) return { status: rij.response_status, body: rij.response_body };
    if (!rij.wachten || Date.now() > tot) return undefined;
    await new Promise((r) => setTimeout(r, 50));
  }
}
