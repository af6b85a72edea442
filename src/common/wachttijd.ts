const EERSTE_WACHTTIJD_MS = 1_000;

/**
 * Exponential backoff, capped: the wait before attempt `attempts + 1` after `attempts` failed ones, 1, 2, 4 … seconds up
 * to `maxMs`. One rule for everything Klachtregie retries on its own: webhook deliveries and ZGW runs (cap
 * WEBHOOK_MAX_BACKOFF_MS, default 1 h: a subscriber or register that is down is retried for ever) and outbox rows whose
 * handler failed.
 */
export function wachttijd(attempts: number, maxMs: number): number {
  const basis = Math.min(EERSTE_WACHTTIJD_MS, maxMs);
  return Math.min(maxMs, basis * 2 ** Math.max(0, Math.min(attempts - 1, 30)));
}
