import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'Klachtregie-Signature';

/** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>` (the body as sent, byte for byte). */
export function onderteken(secret: string, body: string, t = Math.floor(Date.now() / 1000)): string {
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`, 'utf8').digest('hex');
  return `t=${t},v1=${v1}`;
}

/**
 * Receiver side (documented in docs/api.md): recompute and compare in constant time; refuse
 * timestamps older than `toleranceSec` against replay.
 */
export function verifieerHandtekening(
  secret: string,
  body: string,
  header: string,
  toleranceSec = 300,
  nu = Math.floor(Date.now() / 1000),
): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.trim().split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1 || Math.abs(nu - t) > toleranceSec) return false;
  const verwacht = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`, 'utf8').digest('hex'), 'hex');
  const gegeven = Buffer.from(parts.v1, 'hex');
  return verwacht.length === gegeven.length && timingSafeEqual(verwacht, gegeven);
}
