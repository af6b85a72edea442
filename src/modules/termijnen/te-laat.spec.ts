import { join } from 'node:path';
import { loadRegistry } from '../../machines';
import type { Regime } from '../../machines/regime';
import {
  band,
  eersteVerval,
  eersteVervalSql,
  GEEN_VERPLICHTING,
  isOpenVerplichting,
  isVerplichting,
  openVerplichting,
  opgeschortSql,
  teLaat,
  teLaatOp,
  termijnTeLaat,
  VERPLICHTINGEN,
} from './te-laat';

describe('te laat: which termijnen are obligations of the gemeente or the aanbieder', () => {
  test('every termijn a compiled definition can start is classified, once: an obligation or a window that obliges nobody', () => {
    // Compiled in the test, not when the file loads (docs/adr/0005-mutation-testing.md: Stryker runs every spec for a
    // mutant in code a spec runs at load).
    const registry = loadRegistry(join(__dirname, '..', '..', '..', 'definitions'));
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

  test('Awb 9:11: a klacht is te laat from the earliest due moment of its open obligations, whatever the order of its termijn rows', () => {
    // The contact term (5 werkdagen) falls due long before the afhandeltermijn (6 weken): the klacht is late from the first.
    expect(
      eersteVerval(false, [rij('lopend', op('2026-03-09')), rij('lopend', op('2026-04-13')), rij('lopend', op('2026-03-20'))]),
    ).toEqual(op('2026-03-09'));
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

describe('te laat in SQL: one rule for every view (heatmap, lists, overdue filter, klacht view, reports)', () => {
  // What these forms select is proven against PostgreSQL in test/te-laat.test.ts and test/te-laat-peildatum.test.ts;
  // here, without a database, that every view is built from the one rule and no view has a copy of its own.
  test('the column the engine keeps, the late termijn of a klacht and the as-at form all select open obligations by openVerplichting', () => {
    expect(eersteVervalSql('k')).toContain(`k.done then null`);
    expect(eersteVervalSql('k')).toContain(`min(ot.vervalt_op)`);
    expect(eersteVervalSql('k')).toContain(openVerplichting('ot'));
    expect(termijnTeLaat('t', 'k', '$1')).toBe(`(not k.done and ${openVerplichting('t')} and t.vervalt_op <= $1)`);
    expect(teLaatOp('k', '$3')).toContain(`lt.vervalt_op <= $3 and ${openVerplichting('lt', '$3')}`);
  });

  test('Awb 9:11: te laat from the due moment (the end of the last day) on; the heatmap band calls that overdue', () => {
    expect(teLaat('k', '$1')).toBe('(k.eerste_vervalt_op <= $1)');
    expect(band('k', '$1', '$2')).toContain(`when ${teLaat('k', '$1')} then 'overdue'`);
    expect(band('k', '$1', '$2')).toContain('make_interval(days => $2)');
  });

  test('now: running and not suspended, or passed and not yet closed; as at a past moment: read from the moments of the row, not as it is now', () => {
    const nu = openVerplichting('t');
    expect(nu).toContain(opgeschortSql('t'));
    expect(nu).toContain(`t.status = 'verlopen' and t.gesloten_op is null`);
    expect(nu).not.toContain('$');
    // A termijn closed, met or ended after the moment was still open then; suspended is what it was then
    // (Klachtenprotocol Wmo keten §6: a termijn suspended at the moment and withdrawn later was not te laat then).
    const toen = openVerplichting('t', '$3');
    expect(toen).toContain('t.gesloten_op > $3');
    expect(toen).toContain(`t.status in ('nagekomen', 'vervallen') and t.beeindigd_op > $3`);
    expect(toen).toContain(`(m ->> 'at')::timestamptz <= $3`);
    expect(toen).not.toContain(opgeschortSql('t'));
  });
});
