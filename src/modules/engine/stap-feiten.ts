/**
 * The facts of a step that are read after its commit, carried in the payload of each outbox row the step writes
 * (engine.service.ts planStap). A letter is made from its outbox row after the commit (brieven.service.ts), when the klacht
 * may already be on another version (a version migration) or further on; it must say what the step itself knew: the
 * letter is the written mededeling of that step (Awb 9:6, 9:8 lid 3, 9:11 lid 2, 9:12, 2:3). Pure: no database.
 */
export interface StapFeiten {
  /** The version of the klacht's definition the step was taken on (its row under the lock, the regime that stepped it). */
  definitieVersie: string;
  /**
   * When the gemeente received the klaagschrift it handles, as the step's machine context holds it (acties.ts
   * `gemeenteOntvangst`, on entry of the state `gemeente`; Awb 9:11 lid 1 runs the afhandeltermijn from it). Null: the
   * klacht has not (yet) been with the gemeente's own klachtbehandeling.
   */
  ontvangenBijGemeente: string | null;
}

/** The facts to carry for a step taken on `definitieVersie` that left the machine snapshot `snapshot`. */
export function stapFeiten(definitieVersie: string, snapshot: unknown): StapFeiten {
  const ontvangen = (snapshot as { context?: { ontvangenBijGemeente?: unknown } } | null | undefined)?.context?.ontvangenBijGemeente;
  return { definitieVersie, ontvangenBijGemeente: typeof ontvangen === 'string' ? ontvangen : null };
}

/**
 * What an outbox row's payload carries of those facts: a field is absent (undefined) on a row written before the engine
 * carried it, so the reader falls back to the history (versie-van-stap.ts); null is a carried 'none'.
 */
export function gedragenFeiten(payload: Record<string, unknown> | null | undefined): Partial<StapFeiten> {
  const uit: Partial<StapFeiten> = {};
  const versie = payload?.definitieVersie;
  if (typeof versie === 'string' && versie) uit.definitieVersie = versie;
  const ontvangen = payload?.ontvangenBijGemeente;
  if (ontvangen === null || (typeof ontvangen === 'string' && !Number.isNaN(Date.parse(ontvangen)))) uit.ontvangenBijGemeente = ontvangen;
  return uit;
}
