import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { mergeMap, Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { ProblemException } from '../../common/problem';
import { geenToegang } from './auth-problemen';
import { DossierInzageService } from './dossier-inzage.service';
import { normaliseerGemeente } from './rol';
import { klachtGemeenten, overgedragenSql, TENANT_REQUEST_KEY, type Tenant } from './tenant';
import { isKlachtRoute } from './toegangsbeleid';
import { isUuid } from '../../common/uuid';

export const KLACHT_TOEGANG_KEY = 'klachtregie:klacht-toegang';

export interface KlachtToegangOpties {
  /** Route parameter with the klacht id (default `id`). */
  param?: string;
  /** Log a dossier_inzage row for GET requests on the klacht (default true). */
  inzageLoggen?: boolean;
  /** The reply's list of klachten, each with `id`, logged one row per klacht shown (default `resultaten`, the list envelope). */
  lijst?: string;
}

/**
 * Applies to every `/klachten` and `/klachten/:id/...` route (and to routes marked with
 * `@KlachtToegang()`, e.g. under another path) whose `:id` is a klacht: before the handler runs, the klacht must
 * exist in one of the caller's gemeenten (`klachtGemeenten`: its own and, after a herindeling, those opgeheven into it;
 * for an aanbieder only the gemeente of its id, and the klacht must be about that aanbieder), checked in SQL;
 * otherwise 404 `klacht-niet-gevonden`, never 403, so a token never learns that a klacht of another
 * gemeente exists (docs/adr/0003-tenancy-webhooks-idempotency.md). A GET is logged in `dossier_inzage` first. On intake (POST without
 * id) the body's gemeente must be one of the caller's, and an aanbieder can only register klachten about itself.
 */
export const KlachtToegang = (opties: KlachtToegangOpties = {}) => SetMetadata(KLACHT_TOEGANG_KEY, opties);

/** The klacht ids in a reply: a klacht (`id` with `state`) or a list of them (`lijst`: `resultaten`, the one list envelope). */
function dossierIds(body: unknown, lijst = 'resultaten'): string[] {
  const b = body as ({ id?: unknown; state?: unknown } & Record<string, unknown>) | null;
  if (!b || typeof b !== 'object') return [];
  const items = b[lijst];
  if (Array.isArray(items))
    return items.flatMap((i) => (i && typeof (i as { id?: unknown }).id === 'string' ? [(i as { id: string }).id] : []));
  return typeof b.id === 'string' && typeof b.state === 'string' ? [b.id] : [];
}

/** Global interceptor (AuthModule) acting on routes marked with `@KlachtToegang()`. */
@Injectable()
export class KlachtToegangInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly inzage: DossierInzageService,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    const opties =
      this.reflector.getAllAndOverride<KlachtToegangOpties | undefined>(KLACHT_TOEGANG_KEY, [context.getHandler(), context.getClass()]) ??
      (isKlachtRoute(req) ? {} : undefined);
    if (!opties) return next.handle();
    const tenant = (req as unknown as Record<string, unknown>)[TENANT_REQUEST_KEY] as Tenant | undefined;
    if (!tenant) return next.handle();
    const raw = (req.params as Record<string, string | string[] | undefined> | undefined)?.[opties.param ?? 'id'];
    const id = Array.isArray(raw) ? raw[0] : raw;
    // HEAD runs the GET route (Express) and its headers show the dossier too (a document's name, size and SHA-256).
    const lezing = req.method === 'GET' || req.method === 'HEAD';
    if (id !== undefined) {
      if (!(await this.zichtbaar(tenant, id))) {
        throw ProblemException.notFound(`Klacht ${id} bestaat niet.`, 'klacht-niet-gevonden');
      }
      if (lezing && opties.inzageLoggen !== false) await this.inzage.log(tenant, id);
    } else if (req.method === 'POST') {
      this.controleerIntake(tenant, req.body as Record<string, unknown> | undefined);
    }
    if (opties.inzageLoggen === false || (lezing && id !== undefined)) return next.handle();
    // Lists and replies that carry dossiers (GET /klachten, the reply to an intake or an event) are reads
    // too: one row per dossier shown, written before the reply leaves.
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        const ids = dossierIds(body, opties.lijst);
        if (ids.length) await this.inzage.logVeel(tenant, ids);
        return body;
      }),
    );
  }

  /** The tenant check in SQL: gemeente, and for the aanbieder role the aanbieders array. */
  async zichtbaar(tenant: Tenant, id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const params: unknown[] = [id, klachtGemeenten(tenant)];
    let sql = 'SELECT 1 FROM klacht k WHERE k.id = $1 AND k.gemeente = ANY($2::text[])';
    if (tenant.rol === 'aanbieder') {
      sql += ' AND k.aanbieders @> $3::jsonb';
      params.push(JSON.stringify([{ id: tenant.aanbiederId ?? '' }]));
      // Handed over at contract end (Klachtenprotocol Wmo keten Amsterdam §9): the aanbieder keeps no access.
      sql += ` AND NOT ${overgedragenSql('k.id', '$4')}`;
      params.push(tenant.aanbiederId ?? '');
    }
    return ((await this.dataSource.query(sql, params)) as unknown[]).length > 0;
  }

  private controleerIntake(tenant: Tenant, body: Record<string, unknown> | undefined): void {
    if (!body || typeof body !== 'object') return;
    // After a herindeling the successor also registers what reached the dissolved gemeente (Wet arhi art. 40 e.v.).
    const gemeenten = klachtGemeenten(tenant);
    if (body.gemeente !== undefined && !gemeenten.includes(normaliseerGemeente(body.gemeente) as string)) {
      throw geenToegang(`U kunt alleen klachten registreren voor uw eigen gemeente (${gemeenten.join(', ')}).`);
    }
    if (tenant.rol === 'aanbieder') {
      const aanbieders = Array.isArray(body.aanbieders) ? (body.aanbieders as { id?: unknown }[]) : [];
      // Only itself: another aanbieder named beside it would then see the dossier. A klacht about several
      // aanbieders goes to the gemeente (Awb 2:3).
      if (aanbieders.length === 0 || !aanbieders.every((a) => a && a.id === tenant.aanbiederId)) {
        throw geenToegang(
          `Een aanbieder registreert alleen klachten over zichzelf: aanbieders is precies [{ "id": "${tenant.aanbiederId}" }]; een klacht over een andere of meer aanbieders zendt u door naar de gemeente (Awb 2:3).`,
        );
      }
    }
  }
}
