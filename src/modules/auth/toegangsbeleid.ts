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
  'GET /klachten/:id/gebeurtenissen': ['klachtbehandelaar', 'procesEigenaar', 'systeem', 'aanbieder'],
  'GET /klachten/:id/termijnen': ['klachtbehandelaar', 'procesEigenaar', 'systeem', 'aanbieder'],
  'POST /klachten/:id/terugkoppelingen': ['aanbieder', 'klachtbehandelaar'],
  'POST /klachten/:id/ombudsman-verzoeken': ['klachtbehandelaar', 'systeem'],
  // Reports and dashboards: process owners, and an aanbieder for its own reports.
  'GET /rapportages': ['procesEigenaar', 'beleidsmedewerker', 'aanbieder'],
  'GET /dashboards': ['procesEigenaar', 'beleidsmedewerker'],
};

/** The route pattern without the global prefix: `/api/v1/klachten/:id` -> `/klachten/:id`. */
export function routePatroon(req: Request): string | undefined {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof path !== 'string') return undefined;
  return path.replace(/^\/api\/v\d+/, '') || '/';
}

/** Roles for a request from the table: exact route first, then the longest matching prefix. */
export function rollenUitBeleid(req: Request): readonly Rol[] | undefined {
  const patroon = routePatroon(req);
  if (!patroon) return undefined;
  const exact = TOEGANGSBELEID[`${req.method} ${patroon}`];
  if (exact) return exact;
  // e.g. `GET /rapportages/aanbieders` falls under `GET /rapportages`.
  let best: readonly Rol[] | undefined;
  let lengte = 0;
  for (const [sleutel, rollen] of Object.entries(TOEGANGSBELEID)) {
    const [methode, pad] = sleutel.split(' ', 2);
    if (methode === req.method && patroon.startsWith(`${pad}/`) && pad.length > lengte) {
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
