/**
 * Rate limits in this process (no shared state needed: a limit per process is still a limit, and nothing
 * of it has to survive a restart). Fixed one-minute windows per key: per API key or OIDC subject for
 * every request, and per client address for failed authentications (guessing keys).
 */
export class Snelheidsgrens {
  private readonly vensters = new Map<string, { start: number; aantal: number }>();

  constructor(
    private readonly perMinuut: number,
    private readonly vensterMs = 60_000,
  ) {}

  /** Counts one request for `sleutel`; returns the seconds to wait when the limit is passed, else 0. */
  tel(sleutel: string, nu = Date.now()): number {
    const v = this.venster(sleutel, nu);
    v.aantal++;
    return v.aantal > this.perMinuut ? this.resterend(v, nu) : 0;
  }

  /** Seconds to wait when `sleutel` is over its limit already (without counting), else 0. */
  wacht(sleutel: string, nu = Date.now()): number {
    const v = this.vensters.get(sleutel);
    if (!v || nu - v.start >= this.vensterMs || v.aantal < this.perMinuut) return 0;
    return this.resterend(v, nu);
  }

  /** Whole seconds until the window ends (at least 1, for Retry-After). */
  private resterend(v: { start: number }, nu: number): number {
    return Math.max(1, Math.ceil((v.start + this.vensterMs - nu) / 1000));
  }

  private venster(sleutel: string, nu: number) {
    let v = this.vensters.get(sleutel);
    if (!v || nu - v.start >= this.vensterMs) {
      // Old windows go when the map grows: memory stays bounded by the clients of one minute.
      if (this.vensters.size > 10_000) for (const [k, x] of this.vensters) if (nu - x.start >= this.vensterMs) this.vensters.delete(k);
      v = { start: nu, aantal: 0 };
      this.vensters.set(sleutel, v);
    }
    return v;
  }
}
