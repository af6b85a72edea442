import { KlachtEntity } from '../klachten/klacht.entity';
import { TermijnEntity } from '../termijnen/termijn.entity';

/**
 * A klacht as this engine last wrote it, with the tuple versions (`xmin`) of its
 * rows at that moment (issue 17). With it the engine steps an event without reading the klacht first:
 * it sends the lock, the step and the COMMIT in one round trip, and the step's statement writes only if
 * the klacht row and every termijn row are still the versions cached here (stap-sql.ts, the guard). A row
 * that any other transaction changed, inserted or deleted has another xmin (or is missing), so the guard
 * fails, nothing is written, and the engine reads the klacht under its lock and steps again. The cache is
 * therefore never the truth: it only saves the read when it still equals the truth.
 */
export interface KlachtStand {
  klacht: KlachtEntity;
  termijnen: TermijnEntity[];
  /** xmin of the klacht row. */
  xmin: string;
  /** xmin of each termijn row, by termijn id. */
  termijnXmin: Map<string, string>;
}

/** What the guard compares: every termijn of the klacht as `id:xmin`, in id order (stap-sql.ts builds the same). */
export function termijnVingerafdruk(stand: Pick<KlachtStand, 'termijnXmin'>): string {
  return [...stand.termijnXmin.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, xmin]) => `${id}:${xmin}`)
    .join(',');
}

export interface CacheTelling {
  /** Events stepped from a cached klacht whose guard held (one round trip). */
  treffers: number;
  /** Events whose cached klacht had changed elsewhere (the step's guard failed): stepped again after a read. */
  verouderd: number;
  /** Events the cached klacht refused (409, 422): judged again after a read, as only the klacht as it is may refuse. */
  geweigerd: number;
  /** Events on a klacht not in the cache (read under the lock first). */
  missers: number;
}

/** ENGINE_CACHE_KLACHTEN's default: some megabytes, the klachten of a busy hour. */
export const STANDAARD_CACHE_KLACHTEN = 10_000;

/**
 * Least recently used klachten, at most `max`, each for at most `maxLeeftijdMs` (an xmin is a 32-bit
 * transaction id: an entry kept for ever could in theory meet the same number again after wraparound).
 * Entries are copied in and out one level deep: a caller that sets a field of the entity it got changes
 * nothing here. Nested values (the snapshot, the termijnen's reminders) are shared; nothing in the engine
 * changes them in place (a step makes a new snapshot, the reconciliation new records), and nothing may.
 */

export class KlachtCache {
  private readonly standen = new Map<string, { stand: KlachtStand; sinds: number }>();
  readonly telling: CacheTelling = { treffers: 0, verouderd: 0, geweigerd: 0, missers: 0 };

  constructor(
    private readonly max = STANDAARD_CACHE_KLACHTEN,
    private readonly maxLeeftijdMs = 10 * 60_000,
    private readonly nu: () => number = Date.now,
  ) {}

  /** A copy of the cached klacht, or undefined. */
  neem(sleutel: string): KlachtStand | undefined {
    const e = this.standen.get(sleutel);
    if (!e) return undefined;
    if (this.nu() - e.sinds > this.maxLeeftijdMs) {
      this.standen.delete(sleutel);
      return undefined;
    }
    // Most recently used last (Map keeps insertion order): the first key is the one to evict.
    this.standen.delete(sleutel);
    this.standen.set(sleutel, e);
    return kopie(e.stand);
  }

  leg(sleutel: string, stand: KlachtStand): void {
    if (this.max <= 0) return;
    this.standen.delete(sleutel);
    this.standen.set(sleutel, { stand: kopie(stand), sinds: this.nu() });
    while (this.standen.size > this.max) this.standen.delete(this.standen.keys().next().value as string);
  }

  vergeet(sleutel: string): void {
    this.standen.delete(sleutel);
  }

  /** Forgets every klacht (after the database connection failed: the server may have been restored or replaced). */
  leeg(): void {
    this.standen.clear();
  }

  get grootte(): number {
    return this.standen.size;
  }
}

function kopie(s: KlachtStand): KlachtStand {
  return {
    klacht: Object.assign(new KlachtEntity(), s.klacht),
    termijnen: s.termijnen.map((t) => Object.assign(new TermijnEntity(), t)),
    xmin: s.xmin,
    termijnXmin: new Map(s.termijnXmin),
  };
}
