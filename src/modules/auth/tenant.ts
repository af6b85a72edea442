import { AsyncLocalStorage } from 'node:async_hooks';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Rol } from './rol';

/**
 * Who is calling, resolved from the bearer token by the AuthGuard (docs/adr/0003-tenancy-webhooks-idempotency.md). Every query on
 * klacht data filters on `klachtGemeenten(tenant)` (after a herindeling more than the own gemeente; for the aanbieder
 * role the one gemeente of its id); for the aanbieder role also on `aanbiederId`. The tenant's own configuration filters on `gemeente`.
 */
export interface Tenant {
  /** CBS gemeentecode, e.g. `GM0363`: the tenant's own configuration (definitions, keys, webhooks) is this gemeente's. */
  gemeente: string;
  /**
   * The gemeenten whose klachten the tenant works with: its own and those opgeheven into it by the day of the request
   * (`gemeentenVan`; Wet algemene regels herindeling, art. 40 e.v.). Set by the AuthGuard; read it with `klachtGemeenten`.
   */
  gemeenten?: string[];
  rol: Rol;
  /** Set (and required) for the aanbieder role. */
  aanbiederId?: string;
  /**
   * For the aanbieder role: the gemeente whose id space `aanbiederId` belongs to, when not `gemeente` (an id is chosen per
   * gemeente). After a herindeling the successor issues keys for the dissolved gemeente's aanbieders, whose rights and
   * duties pass to it (Wet arhi art. 40): `gemeente` GM0363, `aanbiederGemeente` GM0457. Read it with `aanbiederGemeenteVan`.
   */
  aanbiederGemeente?: string;
  /** Who, for the audit log: `api-sleutel:<id>` or `oidc:<sub>`. */
  subject: string;
  /** The person's name from an OIDC token (claim OIDC_CLAIM_NAAM), for readable timelines; never used to decide access. */
  naam?: string;
}

interface TenantStore {
  tenant?: Tenant;
}

const storage = new AsyncLocalStorage<TenantStore>();

/**
 * The tenant of the current request, also reachable from services and repositories that do not
 * receive it as an argument (so existing code can scope its SQL with a one-line change).
 * TenantMiddleware opens the store per request; the AuthGuard fills it.
 */
export const TenantContext = {
  run<T>(fn: () => T): T {
    return storage.run({}, fn);
  },
  set(tenant: Tenant): void {
    const store = storage.getStore();
    if (store) store.tenant = tenant;
  },
  /** The tenant, or undefined outside a request (jobs, CLI). */
  huidige(): Tenant | undefined {
    return storage.getStore()?.tenant;
  },
  /** The tenant; throws when called outside an authenticated request (a programming error). */
  vereist(): Tenant {
    const t = storage.getStore()?.tenant;
    if (!t) throw new Error('TenantContext.vereist() called outside an authenticated request');
    return t;
  },
};

/** Injection token of the request-scoped Tenant: `constructor(@Inject(TENANT) tenant: Tenant)`. */
export const TENANT = Symbol('TENANT');

/** The request property the AuthGuard sets. */
export const TENANT_REQUEST_KEY = 'tenant';

/** Controller parameter: `@HuidigeTenant() tenant: Tenant`. */
export const HuidigeTenant = createParamDecorator((_data: unknown, ctx: ExecutionContext): Tenant => {
  const req = ctx.switchToHttp().getRequest<Record<string, unknown>>();
  const t = req[TENANT_REQUEST_KEY] as Tenant | undefined;
  if (!t) throw new Error('@HuidigeTenant() on a route without an authenticated tenant');
  return t;
});

/**
 * The gemeenten whose klachten (and what belongs to them: history, letters, documents, termijnen, deliveries) the
 * tenant sees and works with: after a herindeling the successor's people handle the dissolved gemeente's klachten
 * (Amsterdam Weesp's from 24 maart 2022). Its own gemeente first. Every klacht-data scope uses this one list.
 */
export function klachtGemeenten(tenant: Pick<Tenant, 'gemeente' | 'gemeenten' | 'rol' | 'aanbiederGemeente'>): string[] {
  // An aanbieder is known by an id its gemeente chose (free text): the dissolved gemeente may have used the same id for
  // another organisation, so an aanbieder sees only the klachten of the gemeente whose id it is: by default the one that
  // issued its key, or the dissolved gemeente its key names (Wet arhi art. 40), never both.
  if (tenant.rol === 'aanbieder') return [aanbiederGemeenteVan(tenant)];
  return tenant.gemeenten?.length ? tenant.gemeenten : [tenant.gemeente];
}

/**
 * The gemeente that chose the aanbieder's id (an aanbieder is gemeente + id): the key's or token's `aanbiederGemeente`,
 * else the gemeente that issued it. Meaningful for the aanbieder role.
 */
export function aanbiederGemeenteVan(tenant: Pick<Tenant, 'gemeente' | 'aanbiederGemeente'>): string {
  return tenant.aanbiederGemeente ?? tenant.gemeente;
}

/**
 * Why `aanbiederGemeente` may not be named by gemeente `eigen`, or undefined when it may. An aanbieder id is per gemeente:
 * a gemeente speaks for its own aanbieders and, after a herindeling, for those of a gemeente opgeheven into it, whose
 * rights and duties it took over (Wet arhi art. 40): `gemeenten`, its own first (klachtGemeenten, gemeentenVan).
 * One rule for aanbieder keys (API and CLI), webhook subscriptions and the hand-over at contract end (its one wording too).
 */
export function aanbiederGemeenteFout(eigen: string, gemeenten: readonly string[], aanbiederGemeente: string): string | undefined {
  return gemeenten.includes(aanbiederGemeente)
    ? undefined
    : `${aanbiederGemeente} is geen gemeente die in ${eigen} is opgegaan (mogelijk: ${gemeenten.join(', ')})`;
}

/**
 * SQL condition: the klacht `klacht` (an SQL expression for its id) was handed over by the aanbieder `aanbiederId` (an SQL
 * expression: a parameter or a column) at the end of its contract, so it is no longer the aanbieder's: it keeps no access
 * and no copies, and hears nothing more of it (Klachtenprotocol Wmo keten Amsterdam §9; AVG art. 5 lid 1 sub c and f).
 * The aanbieder's scope (tenantScope) and the webhooks of a subscription for that aanbieder (fan-out and delivery) use it;
 * the access check (klacht-toegang.interceptor.ts) and the werkvoorraad still spell out the same condition.
 */
export function overgedragenSql(klacht: string, aanbiederId: string): string {
  return `EXISTS (SELECT 1 FROM overgedragen_klacht o WHERE o.klacht_id = ${klacht} AND o.aanbieder_id = ${aanbiederId})`;
}

/**
 * SQL scope for klacht-like tables (docs/adr/0003-tenancy-webhooks-idempotency.md: every query scoped to the caller's gemeente, also in
 * SQL). Returns a WHERE fragment and its parameters for a query builder:
 *   const s = tenantScope(tenant, 'k'); qb.andWhere(s.sql, s.params)
 * The aanbieder role only sees klachten about itself (`aanbieders @> '[{"id": ...}]'`).
 */
export function tenantScope(
  tenant: Tenant,
  alias: string,
  kolommen: { gemeente?: string; aanbieders?: string; id?: string } = {},
): { sql: string; params: Record<string, unknown> } {
  const g = `${alias}.${kolommen.gemeente ?? 'gemeente'}`;
  const a = `${alias}.${kolommen.aanbieders ?? 'aanbieders'}`;
  if (tenant.rol === 'aanbieder') {
    return {
      // Klachten handed over at contract end are no longer the aanbieder's (Klachtenprotocol Wmo keten Amsterdam §9).
      sql: `${g} = ANY(:tenantGemeenten) AND ${a} @> CAST(:tenantAanbieder AS jsonb) AND NOT ${overgedragenSql(`${alias}.${kolommen.id ?? 'id'}`, ':tenantAanbiederId')}`,
      params: {
        tenantGemeenten: klachtGemeenten(tenant),
        tenantAanbieder: JSON.stringify([{ id: tenant.aanbiederId ?? '' }]),
        tenantAanbiederId: tenant.aanbiederId ?? '',
      },
    };
  }
  return { sql: `${g} = ANY(:tenantGemeenten)`, params: { tenantGemeenten: klachtGemeenten(tenant) } };
}
