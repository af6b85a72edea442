/**
 * The one SQL order passed termijnen are fired in (Awb 9:11 lid 1: a termijn passes on its own day, whoever fires it):
 * by due moment, ties by name in code-point order (COLLATE "C"), as the one rule sorts them in memory
 * (verstreken-termijnen.ts) and the dry runs step them (verloop-vooraf.ts naVerstreken). Under the database's own
 * collation (a cluster initialised with nl_NL.UTF-8 or en_US.utf8: 'afhandeling' before 'Contact') the order of two
 * termijnen passing at the same moment would depend on the server. The wake-up's catch-up (TermijnWakeService.verval)
 * and the sweep (TermijnSweep) both order by this, so the sweep hands over wake-ups in the order they fire.
 */
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

export function inVervalVolgorde<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string): SelectQueryBuilder<T> {
  return qb.orderBy(`${alias}.vervaltOp`, 'ASC').addOrderBy(`${alias}.naam COLLATE "C"`, 'ASC');
}
