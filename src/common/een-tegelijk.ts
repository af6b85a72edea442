/**
 * A periodic job that must not overlap itself (the termijn, webhook and ZGW sweeps): a call while a run is going
 * shares that run instead of starting a second one, and a failing run is logged, never thrown, so the timer that
 * calls it keeps going and the next tick tries again (PostgreSQL holds what is still to do).
 */
export class EenTegelijk {
  private lopend: Promise<void> | null = null;

  constructor(
    private readonly naam: string,
    private readonly log: { error(message: string): void },
  ) {}

  /** Runs `werk` unless a run is going; returns when the run (this one or the shared one) has finished. */
  run(werk: () => Promise<void>): Promise<void> {
    if (!this.lopend) {
      this.lopend = Promise.resolve()
        .then(werk)
        .catch((e: unknown) => {
          this.log.error(`${this.naam} failed: ${e instanceof Error ? e.message : String(e)}`);
        })
        .finally(() => {
          this.lopend = null;
        });
    }
    return this.lopend;
  }

  /** Resolves when no run is going (shutdown). */
  async klaar(): Promise<void> {
    await this.lopend;
  }
}
