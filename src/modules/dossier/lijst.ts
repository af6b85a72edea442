import type { PaginaQuery } from '../paginering/pagina.query';

/**
 * One page of a dossier list in the one envelope of every paged list (pagina.dto.ts: resultaten, totaal, page,
 * pageSize; the PaginaLinksInterceptor adds links). A dossier's lists are short, so they are cut after reading.
 */
export function pagina<T>(alle: readonly T[], q: PaginaQuery): { resultaten: T[]; totaal: number; page: number; pageSize: number } {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  return { resultaten: alle.slice((page - 1) * pageSize, page * pageSize), totaal: alle.length, page, pageSize };
}
