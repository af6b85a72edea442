import { Global, Module } from '@nestjs/common';

/**
 * "Now" for everything that says whether something is te laat (heatmap, lists, `overdue` filter,
 * reports). One injectable source, so tests (and a replay) run against a fixed moment instead of the
 * wall clock: `createTestApp({ override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(nu)) })`.
 */
export const KLOK = Symbol('KLOK');

export interface Klok {
  nu(): Date;
}

export const systeemKlok: Klok = { nu: () => new Date() };

/** A clock that always answers `nu` (tests). */
export function vasteKlok(nu: Date): Klok {
  return { nu: () => new Date(nu.getTime()) };
}

@Global()
@Module({ providers: [{ provide: KLOK, useValue: systeemKlok }], exports: [KLOK] })
export class KlokModule {}
