/**
 * The calendar and the termijn views of the tests' own small regimes (test-regime.ts, keten-regime.ts and the regimes
 * some tests build in place): plain calendar days, no Algemene termijnenwet (those regimes set their own days; the
 * real calendar is src/machines/termijnen, tested there).
 */
import type { TermijnView } from '../../src/machines/contract';

/** `dagen` calendar days after `datum` (YYYY-MM-DD; negative: before). */
export function plusDagen(datum: string, dagen: number): string {
  const [y, m, d] = datum.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + dagen)).toISOString().slice(0, 10);
}

/**
 * A running termijn as a regime's step reports it: `dagen` after `vanaf`, escalating to the leidinggevende, explained as
 * "<dagen> dagen na <sinds> = <last day>" (`sinds`: what it runs from, `vanaf` by default); `over` sets other fields.
 */
export function testTermijn(
  naam: string,
  vanaf: string,
  dagen: number,
  over: Partial<Omit<TermijnView, 'naam' | 'vervaldatum'>> & { sinds?: string } = {},
): TermijnView {
  const { sinds = vanaf, ...rest } = over;
  const vervaldatum = plusDagen(vanaf, dagen);
  return {
    naam,
    label: `${naam} (test)`,
    vervaldatum,
    uitleg: [`${dagen} dagen na ${sinds} = ${vervaldatum}`],
    herinneringen: [],
    escalatieNaar: 'leidinggevende',
    grondslag: 'test',
    mutaties: [],
    ...rest,
  };
}
