import { isIP } from 'node:net';

/**
 * The source failed logins are counted by: an IPv4 address as it is (also written IPv4-mapped, ::ffff:a.b.c.d), an
 * IPv6 address by its /64. One host or subscriber holds a whole /64 (RFC 4291 §2.5.4, RIPE-690), so counting each of
 * its 2^64 addresses apart would let it guess keys without ever waiting.
 */
export function bronVan(adres: string): string {
  const v4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(adres);
  if (v4) return v4[1];
  const zonderZone = adres.split('%')[0];
  if (isIP(zonderZone) !== 6) return adres;
  // Groups of the address with '::' expanded; an IPv4 tail (::ffff:… forms aside) counts as two groups.
  const groepen = (deel: string) => (deel === '' ? [] : deel.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])));
  const [kop, staart] = zonderZone.split('::');
  const voor = groepen(kop);
  const na = staart === undefined ? [] : groepen(staart);
  const alle = staart === undefined ? voor : [...voor, ...Array<string>(8 - voor.length - na.length).fill('0'), ...na];
  return `${alle
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

/**
 * Rate limits in this process (no shared state needed: a limit per process is still a limit, and nothing
 * of it has to survive a restart). Fixed one-minute windows per key: per API key or OIDC subject for
 * every request, and per client address for failed authentications (guessing keys). At most `maxSleutels`
 * windows are kept.
 */
export class Snelheidsgrens {
  private readonly vensters = new Map<string, { start: number; aantal: number }>();

  constructor(
    private readonly perMinuut: number,
    private readonly vensterMs = 60_000,
    private readonly maxSleutels = 10_000,
  ) {}

  /** How many keys have a window now (bounded by maxSleutels). */
  get grootte(): number {
    return this.vensters.size;
  }

  /** Counts one request for `sleutel`; returns the seconds to wait when the limit is passed, else 0. */
  tel(sleutel: string, nu = Date.now()): number {
    const v = this.venster(sleutel, nu);
    v.aantal++;
    return v.aantal > this.perMinuut ? this.resterend(v, nu) : 0;
  }

  /** Whole seconds until the window ends (at least 1, for Retry-After). */
  private resterend(v: { start: number }, nu: number): number {
    return Math.max(1, Math.ceil((v.start + this.vensterMs - nu) / 1000));
  }

  private venster(sleutel: string, nu: number) {
    let v = this.vensters.get(sleutel);
    if (!v || nu - v.start >= this.vensterMs) {
      // A key's new window goes to the end, so the map stays ordered by start, oldest first. From the front: expired
      // windows go, and while the map is full the oldest go too. Many sources within one minute (each IPv6 address of
      // a /64) would otherwise grow it without bound; forgetting a source's count only gives it a new window, as a new
      // address would get.
      this.vensters.delete(sleutel);
      for (const [k, x] of this.vensters) {
        if (this.vensters.size < this.maxSleutels && nu - x.start < this.vensterMs) break;
        this.vensters.delete(k);
      }
      v = { start: nu, aantal: 0 };
      this.vensters.set(sleutel, v);
    }
    return v;
  }
}
