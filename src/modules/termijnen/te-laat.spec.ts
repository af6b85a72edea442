import { join } from 'node:path';
import { loadRegistry } from '../../machines';
import type { Regime } from '../../machines/regime';
import { eersteVerval, GEEN_VERPLICHTING, isOpenVerplichting, isVerplichting, VERPLICHTINGEN } from './te-laat';

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

describe('te laat: the earliest open obligation the engine writes with a step (eersteVerval, the in-memory twin of eersteVervalSql)', () => {
  const op = (d: string) => new Date(`${d}T22:00:00Z`);
  const rij = (status: string, vervaltOp: Date, o: { verplichting?: boolean; geslotenOp?: Date | null } = {}) => ({
    status,
    vervaltOp,
    verplichting: o.verplichting ?? true,
    geslotenOp: o.geslotenOp ?? null,
  });

  test('the earliest due moment among running obligations and passed ones not yet met', () => {
    expect(
      eersteVerval(false, [
        rij('lopend', op('2026-05-14')),
        rij('verlopen', op('2026-04-01')),
        rij('lopend', op('2026-03-01'), { verplichting: false }),
      ]),
    ).toEqual(op('2026-04-01'));
  });

  test('met, cancelled and closed passed obligations and windows of the klager do not count; a done klacht has none', () => {
    const rijen = [
      rij('nagekomen', op('2026-01-01')),
      rij('vervallen', op('2026-01-02')),
      rij('verlopen', op('2026-01-03'), { geslotenOp: op('2026-01-10') }),
      rij('lopend', op('2026-01-04'), { verplichting: false }),
      rij('lopend', op('2026-06-01')),
    ];
    expect(eersteVerval(false, rijen)).toEqual(op('2026-06-01'));
    expect(eersteVerval(true, rijen)).toBeNull();
    expect(eersteVerval(false, rijen.slice(0, 4))).toBeNull();
    expect(isOpenVerplichting(rij('verlopen', op('2026-01-03')))).toBe(true);
  });
});

describe('te laat: a suspended termijn does not pass (docs/juridisch-kader.md §6)', () => {
  const op = (d: string) => new Date(`${d}T22:00:00Z`);
  const opschorting = { soort: 'opschorting' };
  test('an obligation whose last mutation is an opschorting is not open; after a hervatting it is again', () => {
    const rij = (mutaties: Array<{ soort: string }>) => ({
      status: 'lopend',
      vervaltOp: op('2026-04-13'),
      verplichting: true,
      geslotenOp: null,
      mutaties,
    });
    expect(isOpenVerplichting(rij([opschorting]))).toBe(false);
    expect(eersteVerval(false, [rij([opschorting])])).toBeNull();
    expect(isOpenVerplichting(rij([opschorting, { soort: 'hervatting' }]))).toBe(true);
    // A verdaging during the opschorting leaves it suspended (termijn-ledger.ts).
    expect(isOpenVerplichting(rij([opschorting, { soort: 'verdaging' }]))).toBe(false);
    expect(isOpenVerplichting(rij([opschorting, { soort: 'verdaging' }, { soort: 'hervatting' }]))).toBe(true);
    expect(isOpenVerplichting(rij([]))).toBe(true);
  });
});
