import type { PaginaQuery } from '../paginering/pagina.query';

/**
 * One page of a dossier list in the list envelope of every paged list (items, page, pageSize, total; the
 * PaginaLinksInterceptor adds links). A dossier's lists are short, so they are cut after reading.
 */
export function pagina<T>(alle: readonly T[], q: PaginaQuery): { items: T[]; page: number; pageSize: number; total: number } {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  return { items: alle.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: alle.length };
}
