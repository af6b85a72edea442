import type { Klok } from '../../src/common/klok';

/** A KLOK that runs with the wall clock from a chosen moment on, and can be moved forward (tests of what falls due). */
export interface VerschuifbareKlok extends Klok {
  /** Moves the clock `ms` milliseconds forward. */
  verschuif(ms: number): void;
  /** Sets the clock to `moment`; it runs on from there. */
  zet(moment: Date): void;
}

/**
 * A clock that starts at `start` and then ticks with the wall clock (so BullMQ's delays, counted on the wall clock,
 * pass as they would in production), offset by however far it has been moved:
 * `createEngineApp({ override: (b) => b.overrideProvider(KLOK).useValue(klok) })`.
 */
export function verschuifbareKlok(start: Date): VerschuifbareKlok {
  let verschil = start.getTime() - Date.now();
  return {
    nu: () => new Date(Date.now() + verschil),
    verschuif: (ms) => {
      verschil += ms;
    },
    zet: (moment) => {
      verschil = moment.getTime() - Date.now();
    },
  };
}
