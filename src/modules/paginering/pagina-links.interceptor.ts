import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { map, Observable } from 'rxjs';
import { paginaLinks } from './pagina';

interface Pagina {
  page: number;
  pageSize: number;
  totaal: number;
  links?: unknown;
}

function isPagina(v: unknown): v is Pagina {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const p = v as Record<string, unknown>;
  return typeof p.page === 'number' && typeof p.pageSize === 'number' && typeof p.totaal === 'number';
}

/**
 * Every paged GET list (the one envelope, pagina.dto.ts: `resultaten`, `totaal`, `page`, `pageSize`) gets `links` (self, first,
 * prev, next, last) with the caller's other query keys kept, so each list module need not build them.
 */
@Injectable()
export class PaginaLinksInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    if (req.method !== 'GET') return next.handle();
    return next.handle().pipe(
      map((body: unknown) => {
        if (!isPagina(body) || body.links !== undefined) return body;
        return { ...body, links: paginaLinks(req, body.page, body.pageSize, body.totaal) };
      }),
    );
  }
}
