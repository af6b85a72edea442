/**
 * Group commit for the engine's events (issue 17): events on different klachten that arrive while
 * earlier ones are being written share one transaction, so a burst costs one lock round trip, one
 * write round trip and one commit (one wait for the disk) instead of that per event.
 *
 * A lone event never waits: it starts at once, as a group of one. Only what arrives while
 * `maxTegelijk` groups are running waits, and goes into the next group. Under load a new group takes
 * its share of the events outstanding (waiting or being written), not all that wait: the groups then
 * run side by side on their connections instead of one connection writing nearly every event while
 * the other commits the first event that happened to arrive on its own. A group holds at most one
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
      // Its share: with eight klachten in parallel (bench (b)) this made groups of 4 and 4 instead of 7 and 1, and
      // kept both connections busy (1.5 instead of 1.4 cores, 4 % more events per second, measured in four pairs).
      const deel = Math.ceil((this.wachtend.length + this.inGroep.size) / this.opties.maxTegelijk);
      const max = Math.min(this.opties.maxBundel, Math.max(1, deel));
      for (const v of this.wachtend) {
        if (groep.length < max && !genomen.has(v.sleutel) && !this.inGroep.has(v.sleutel)) {
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
