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
 * Only a reference is kept (no copy of the dossier in the key table); the reply is rebuilt from the klacht.
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
}

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

/** The request was done before under this key: answer with the klacht it produced. */
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
  if (nieuw.length > 0) return;
  const [bestaand] = (await m.query(
    `SELECT route, request_hash, resultaat FROM idempotentie_sleutel WHERE gemeente = $1 AND sleutel = $2`,
    [v.gemeente, v.sleutel],
  )) as Array<{
    route: string;
    request_hash: string;
    resultaat: { klachtId?: string } | null;
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
  throw new IdempotentHerhaald(bestaand.resultaat.klachtId);
}

/** Last statement of the work's transaction: the key's result, committed with the work. */
export async function legResultaatVast(m: EntityManager, resultaat: { klachtId: string }): Promise<void> {
  const v = opslag.getStore();
  if (!v) return;
  await m.query(`UPDATE idempotentie_sleutel SET resultaat = $3 WHERE gemeente = $1 AND sleutel = $2`, [
    v.gemeente,
    v.sleutel,
    JSON.stringify(resultaat),
  ]);
}
