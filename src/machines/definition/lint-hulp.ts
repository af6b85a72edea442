/**
 * Small pure helpers for the reference and legal checks: comparing legal durations and stepping
 * calendar dates. (The real calendar, with Atw holidays, is src/machines/termijnen; the lint only
 * needs to compare lengths as the law states them.)
 */
import type { DefinitionError } from '../contract';
import type { GeladenDefinitieMetBron, Pad } from './loader';
import type { GeladenDefinitie } from './types';
import { MAANDEN } from '../termijnen/datum';

export type Eenheid = 'D' | 'W' | 'M' | 'Y';
export interface Duur {
  n: number;
  eenheid: Eenheid;
}

export function leesDuur(tekst: string): Duur | undefined {
  const m = /^P(\d+)([DWMY])$/.exec(tekst);
  return m ? { n: Number(m[1]), eenheid: m[2] as Eenheid } : undefined;
}

const GEMIDDELDE_DAGEN: Record<Eenheid, number> = { D: 1, W: 7, M: 365.2425 / 12, Y: 365.2425 };

/** Compares two durations: exact in the same unit, otherwise by average length (half a day slack). */
export function vergelijkDuur(a: Duur, b: Duur): number {
  if (a.eenheid === b.eenheid) return a.n - b.n;
  const verschil = a.n * GEMIDDELDE_DAGEN[a.eenheid] - b.n * GEMIDDELDE_DAGEN[b.eenheid];
  return Math.abs(verschil) <= 0.5 ? 0 : verschil;
}

export function langerDan(tekst: string, grens: string): boolean {
  const a = leesDuur(tekst);
  const b = leesDuur(grens);
  return !!a && !!b && vergelijkDuur(a, b) > 0;
}

export function korterDan(tekst: string, grens: string): boolean {
  const a = leesDuur(tekst);
  const b = leesDuur(grens);
  return !!a && !!b && vergelijkDuur(a, b) < 0;
}

export function beschrijfDuur(tekst: string): string {
  const d = leesDuur(tekst);
  if (!d) return tekst;
  const woorden: Record<Eenheid, [string, string]> = {
    D: ['dag', 'dagen'],
    W: ['week', 'weken'],
    M: ['maand', 'maanden'],
    Y: ['jaar', 'jaar'],
  };
  return `${d.n} ${woorden[d.eenheid][d.n === 1 ? 0 : 1]}`;
}

// -- Dates (YYYY-MM-DD, compared as strings; stepped in UTC to avoid DST) -------------------------

export function dagNa(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

export function dagVoor(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}

/** `24 maart 2022` for messages. */
export function leesbareDatum(d: string): string {
  const [j, m, dag] = d.split('-').map(Number);
  return `${dag} ${MAANDEN[m - 1]} ${j}`;
}

// -- Errors at a position ----------------------------------------------------------------------

export function foutOp(def: GeladenDefinitie, path: Pad, message: string, hint?: string, sleutel = false): DefinitionError {
  const d = def as Partial<GeladenDefinitieMetBron> & GeladenDefinitie;
  const p = sleutel && d.sleutelPositie ? d.sleutelPositie(path) : d.positie(path);
  return { file: def.file, line: p.line, column: p.column, message, ...(hint ? { hint } : {}) };
}
