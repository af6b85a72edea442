/**
 * Roles (docs/adr/0003-tenancy-webhooks-idempotency.md). The gemeente is the tenant; a role says what a caller may do inside it.
 * `beheerder` manages API keys and webhook subscriptions; `aanbieder` is always bound to one aanbieder id.
 */
export const ROLLEN = ['beleidsmedewerker', 'klachtbehandelaar', 'aanbieder', 'procesEigenaar', 'systeem', 'beheerder'] as const;
export type Rol = (typeof ROLLEN)[number];

export function isRol(v: unknown): v is Rol {
  return typeof v === 'string' && (ROLLEN as readonly string[]).includes(v);
}

/** CBS gemeentecode as the klacht table stores it, e.g. `GM0363`. */
export const GEMEENTE_PATROON = /^GM\d{4}$/;

/** Normalises `gm0363`, `0363` and `GM0363` to `GM0363`; undefined when it is not a gemeentecode. */
export function normaliseerGemeente(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.trim().toUpperCase();
  const code = /^\d{4}$/.test(s) ? `GM${s}` : s;
  return GEMEENTE_PATROON.test(code) ? code : undefined;
}
