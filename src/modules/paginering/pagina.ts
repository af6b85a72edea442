import type { Request } from 'express';

export interface Link {
  href: string;
}

/** HAL-style `links` for a paged list (self, first, prev, next, last), keeping the other query keys. */
export interface PaginaLinks {
  self: Link;
  first: Link;
  prev?: Link;
  next?: Link;
  last: Link;
}

export function paginaLinks(req: Request, page: number, pageSize: number, totaal: number): PaginaLinks {
  const laatste = Math.max(1, Math.ceil(totaal / pageSize));
  const url = (p: number): Link => {
    const u = new URL(req.originalUrl, 'http://x');
    u.searchParams.set('page', String(p));
    u.searchParams.set('pageSize', String(pageSize));
    return { href: `${u.pathname}${u.search}` };
  };
  return {
    self: url(page),
    first: url(1),
    ...(page > 1 ? { prev: url(Math.min(page - 1, laatste)) } : {}),
    ...(page < laatste ? { next: url(page + 1) } : {}),
    last: url(laatste),
  };
}
