import type { Request } from 'express';
import type { Rol } from './rol';

/**
 * Who may call which route (docs/adr/0003-tenancy-webhooks-idempotency.md), in one table for the routes of modules that do not
 * carry `@Rollen` themselves. A route's own `@Rollen` wins; a route in neither is open to every
 * role but `aanbieder`. Keys are `METHOD /path` with the route pattern as Nest declares it.
 */
export const TOEGANGSBELEID: Record<string, readonly Rol[]> = {
  // Intake from any channel; an aanbieder registers klachten about itself (checked on the body).
  'POST /klachten': ['klachtbehandelaar', 'systeem', 'aanbieder'],
  'GET /klachten': ['klachtbehandelaar', 'procesEigenaar', 'systeem', 'aanbieder'],
  'GET /klachten/:id': ['klachtbehandelaar', 'procesEigenaar', 'systeem', 'aanbieder'],
  'POST /klachten/:id/gebeurtenissen': ['klachtbehandelaar', 'systeem'],
  // Registration for the reports: whoever handles the klacht classifies it.
  'PATCH /klachten/:id/registratie': ['klachtbehandelaar', 'systeem'],
  'POST /klachten/:id/terugkoppelingen': ['aanbieder', 'klachtbehandelaar'],
  'POST /klachten/:id/ombudsman-verzoeken': ['klachtbehandelaar', 'systeem'],
};

/** Roles a route in neither `@Rollen` nor the table is open to: everyone but the aanbieder (least privilege). */
export const STANDAARD_ROLLEN: readonly Rol[] = ['beleidsmedewerker', 'klachtbehandelaar', 'procesEigenaar', 'systeem', 'beheerder'];

/** The route pattern without the global prefix: `/api/v1/klachten/:id` -> `/klachten/:id`. */
export function routePatroon(req: Request): string | undefined {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof path !== 'string') return undefined;
  return path.replace(/^\/api\/v\d+/, '') || '/';
}

/** Roles for a request from the table: exact route first, then the longest matching prefix. */
export function rollenUitBeleid(req: Request): readonly Rol[] | undefined {
  const patroon = routePatroon(req);
  return patroon ? rollenVoorPatroon(req.method, patroon) : undefined;
}

/** The table's roles for `METHOD /pattern` (Nest form, `/klachten/:id`); the OpenAPI document uses the same lookup. */
export function rollenVoorPatroon(method: string, patroon: string): readonly Rol[] | undefined {
  const exact = TOEGANGSBELEID[`${method} ${patroon}`];
  if (exact) return exact;
  // e.g. a new `GET /klachten/:id/x` falls under `GET /klachten/:id`.
  let best: readonly Rol[] | undefined;
  let lengte = 0;
  for (const [sleutel, rollen] of Object.entries(TOEGANGSBELEID)) {
    const [methode, pad] = sleutel.split(' ', 2);
    if (methode === method && patroon.startsWith(`${pad}/`) && pad.length > lengte) {
      best = rollen;
      lengte = pad.length;
    }
  }
  return best;
}

/** Routes whose `:id` is a klacht: the tenant check and the dossier log apply (KlachtToegangInterceptor). */
export function isKlachtRoute(req: Request): boolean {
  const p = routePatroon(req);
  return p === '/klachten' || (p?.startsWith('/klachten/:id') ?? false);
}
