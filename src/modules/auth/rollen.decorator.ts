import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import type { Rol } from './rol';

export const ROLLEN_KEY = 'klachtregie:rollen';
export const PUBLIEK_KEY = 'klachtregie:publiek';

/**
 * The roles that may call a route (or every route of a controller). Routes without `@Rollen`
 * are open to every authenticated role except `aanbieder`: an aanbieder only reaches what is
 * explicitly granted to it (docs/adr/0003-tenancy-webhooks-idempotency.md, least privilege).
 */
export const Rollen = (...rollen: Rol[]) =>
  applyDecorators(SetMetadata(ROLLEN_KEY, rollen), ApiBearerAuth('bearer'), ApiExtension(ROLLEN_EXTENSIE, rollen));

/** The roles of an operation in the OpenAPI document (filled for every operation by applyBeveiliging). */
export const ROLLEN_EXTENSIE = 'x-rollen';

/** A route that needs no token (health, the OpenAPI document). */
export const Publiek = () => applyDecorators(SetMetadata(PUBLIEK_KEY, true), ApiExtension('x-publiek', true));
