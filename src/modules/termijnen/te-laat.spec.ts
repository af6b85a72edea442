import { join } from 'node:path';
import { loadRegistry } from '../../machines';
import type { Regime } from '../../machines/regime';
import { GEEN_VERPLICHTING, isVerplichting, VERPLICHTINGEN } from './te-laat';

const registry = loadRegistry(join(__dirname, '..', '..', '..', 'definitions'));

describe('te laat: which termijnen are obligations of the gemeente or the aanbieder', () => {
  test('every termijn a compiled definition can start is classified, once: an obligation or a window that obliges nobody', () => {
    const namen = new Set<string>();
    for (const r of registry.regimes as Regime[]) for (const n of Object.keys(r.gecompileerd.ctx.specs)) namen.add(n);
    expect(namen.size).toBeGreaterThan(3);
    for (const n of namen) {
      expect({ n, geclassificeerd: Number(n in VERPLICHTINGEN) + Number(n in GEEN_VERPLICHTING) }).toEqual({ n, geclassificeerd: 1 });
    }
  });

  test("Awb 9:24 lid 1: the klager's year for the ombudsman is no obligation; Awb 9:11 afhandeling, the contract terms, Jeugdwet and Wkkgz handling are", () => {
    expect(isVerplichting('tweedeLijnVerzoek')).toBe(false);
    expect(isVerplichting('nietBehandelenKennisgeving')).toBe(false);
    expect(isVerplichting('wkkgzGeschil')).toBe(false);
    for (const n of Object.keys(VERPLICHTINGEN)) expect({ n, v: isVerplichting(n) }).toEqual({ n, v: true });
  });
});
