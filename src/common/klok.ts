import { Global, Module } from '@nestjs/common';
import type { IsoDate } from '../machines/contract';
import { kalenderdag } from '../machines/termijnen/kalenderdag';

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

/**
 * Today by the clock: its Europe/Amsterdam calendar day, the day every termijn, list and herindeling is counted in
 * (a moment late in the evening UTC is already the next day here).
 */
export function vandaagVan(klok: Klok): IsoDate {
  return kalenderdag(klok.nu().toISOString());
}

/** A clock that always answers `nu` (tests). */
export function vasteKlok(nu: Date): Klok {
  return { nu: () => new Date(nu.getTime()) };
}

@Global()
@Module({ providers: [{ provide: KLOK, useValue: systeemKlok }], exports: [KLOK] })
export class KlokModule {}
