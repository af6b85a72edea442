import type { EntityManager } from 'typeorm';
import { achterstalligeTermijn } from './verstreken-termijnen';
import { importBezig } from '../import/import-bezig';
import { TermijnEntity } from './termijn.entity';

/** A klacht that still shows a termijn running that passed at or before a change's moment (nogAchter). */
export interface NogAchter {
  klachtId: string;
  /** The termijn the engine would hold an event at that moment to (achterstalligeTermijn): the latest one passed. */
  termijn: Pick<TermijnEntity, 'naam' | 'label' | 'vervaldatum'>;
  /** Its wake-up is the import's to run (docs/import.md): the klacht's import line is still being written. */
  importBezig: boolean;
}

/**
 * Of these klachten, those that at `op` still show a termijn running that passed at or before `op` whose wake-up has
 * not run, by the engine's own rule for an event at `op` (achterstalligeTermijn): what a caller that changes klachten
 * other than by an event (a version migration, the hand-over at contract end) must not step, after its catch-up
 * (haalWekkersIn) left them behind. Awb 9:11 lid 1 with 9:24 lid 1 sub b: a termijn passes on its day, so a change after
 * that day stepped on such a klacht would lie before the expiry in its history. Read again rather than taken from the
 * catch-up's list: a klacht another process brought up to date meanwhile is not behind any more (its expiry is on record
 * now), and one read under the caller's row lock cannot fall behind before the caller writes. One query for all.
 */
export async function nogAchter(m: EntityManager, klachtIds: readonly string[], op: Date): Promise<Map<string, NogAchter>> {
  const uit = new Map<string, NogAchter>();
  if (klachtIds.length === 0) return uit;
  const rijen = await m
    .getRepository(TermijnEntity)
    .createQueryBuilder('t')
    .where("t.klachtId = ANY(CAST(:ids AS uuid[])) AND t.status = 'lopend' AND t.vervalGemeldOp IS NULL AND t.vervaltOp <= :op", {
      ids: [...new Set(klachtIds)],
      op,
    })
    .getMany();
  const per = new Map<string, TermijnEntity[]>();
  for (const t of rijen) per.set(t.klachtId, [...(per.get(t.klachtId) ?? []), t]);
  for (const [klachtId, termijnen] of per) {
    const t = achterstalligeTermijn(termijnen, op.toISOString());
    if (t) uit.set(klachtId, { klachtId, termijn: t, importBezig: await importBezig(m, klachtId) });
  }
  return uit;
}

/**
 * Why such a klacht is left as it is, in the words of the result: which termijn, its last day, and whose wake-up it is;
 * `opnieuw` says what the caller does to pick it up (another migration, another hand-over).
 */
export function nogAchterReden(a: NogAchter, opnieuw: { naImport: string; anders: string }): string {
  const termijn = `haar termijn ${a.termijn.naam} (${a.termijn.label}, uiterlijk ${a.termijn.vervaldatum}) is verstreken`;
  return a.importBezig
    ? `de klacht wordt geïmporteerd: ${termijn} en de import heeft dat nog niet verwerkt; ${opnieuw.naImport}`
    : `${termijn} maar is nog niet verwerkt; ${opnieuw.anders}`;
}
