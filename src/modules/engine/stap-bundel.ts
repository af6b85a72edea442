/**
 * Group commit for the engine's events (issue 17): events on different klachten that arrive while
 * earlier ones are being written share one transaction, so a burst costs one lock round trip, one
 * write round trip and one commit (one wait for the disk) instead of that per event.
 *
 * A lone event never waits: it starts at once, as a group of one. Only what arrives while
 * `maxTegelijk` groups are running waits, and goes into the next group. A group holds at most one
 * event per klacht and no event of a klacht that a running group holds, so the events of one klacht
 * keep their order within this process (across processes the row lock orders them).
 */
export interface BundelOpties {
  /** Groups being written at the same time (each holds a connection). */
  maxTegelijk: number;
  /** Events per group at most. */
  maxBundel: number;
}

export const STANDAARD_BUNDEL: BundelOpties = { maxTegelijk: 2, maxBundel: 32 };

export class Bundelaar<V extends { readonly sleutel: string }> {
  private wachtend: V[] = [];
  private bezig = 0;
  private readonly inGroep = new Set<string>();

  /** `voerUit` answers every item of the group itself; it must not reject (a rejection answers nothing). */
  constructor(
    private readonly voerUit: (groep: V[]) => Promise<void>,
    private readonly opties: BundelOpties = STANDAARD_BUNDEL,
  ) {}

  voegToe(v: V): void {
    this.wachtend.push(v);
    this.pomp();
  }

  /** Items waiting, and groups running (metrics, tests). */
  stand(): { wachtend: number; bezig: number } {
    return { wachtend: this.wachtend.length, bezig: this.bezig };
  }

  private pomp(): void {
    while (this.bezig < this.opties.maxTegelijk && this.wachtend.length > 0) {
      const groep: V[] = [];
      const rest: V[] = [];
      const genomen = new Set<string>();
      for (const v of this.wachtend) {
        if (groep.length < this.opties.maxBundel && !genomen.has(v.sleutel) && !this.inGroep.has(v.sleutel)) {
          groep.push(v);
          genomen.add(v.sleutel);
        } else rest.push(v);
      }
      if (groep.length === 0) return; // everything waiting belongs to a klacht a running group holds
      this.wachtend = rest;
      for (const s of genomen) this.inGroep.add(s);
      this.bezig++;
      void this.voerUit(groep)
        .catch(() => undefined)
        .finally(() => {
          this.bezig--;
          for (const s of genomen) this.inGroep.delete(s);
          this.pomp();
        });
    }
  }
}
