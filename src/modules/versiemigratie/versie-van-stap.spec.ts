import { ROUTE_GEMIGREERD } from '../../machines/migratie';
import { gedragenFeiten, stapFeiten } from '../engine/stap-feiten';
import { VERSIE_GEMIGREERD, versieVanStap, versiesPerRij, type Historierij } from './versie-van-stap';

const stap = (type: string): Historierij => ({ type, payload: {} });
const migratie = (van: string, naar: string, type = VERSIE_GEMIGREERD): Historierij => ({
  type,
  payload: { vanVersie: van, naarVersie: naar },
});

describe('versieVanStap: the version a step was taken on (Awb 9:6, 9:31; letters and ZGW alike)', () => {
  it('the version the step carried wins over every migration registered after it', () => {
    expect(versieVanStap('2026-06', [migratie('2026-06', '2027-01')], '2027-01')).toBe('2026-06');
    // A step taken after a migration whose history row a reader would place after it: it carried the new version.
    expect(versieVanStap('2026-06', [migratie('2015-01', '2026-06')], '2026-06')).toBe('2026-06');
  });

  it('a row written before steps carried their version: the vanVersie of the first migration registered after the step', () => {
    expect(versieVanStap(undefined, [stap('VERDAGEN'), migratie('2015-01', '2026-06'), migratie('2026-06', '2027-01')], '2027-01')).toBe(
      '2015-01',
    );
  });

  it('Awb 9:31: an ombudsman request moved onto its own route counts as a version change', () => {
    expect(versieVanStap(undefined, [migratie('2015-01', '2026-06', ROUTE_GEMIGREERD)], '2026-06')).toBe('2015-01');
  });

  it('no migration after the step: the klacht version now; a history row of another kind naming a vanVersie changes nothing', () => {
    expect(versieVanStap(undefined, [], '2015-01')).toBe('2015-01');
    expect(versieVanStap(undefined, [{ type: 'VERDAGEN', payload: { vanVersie: 'x' } }], '2015-01')).toBe('2015-01');
  });

  it('per history row (ZGW): before a migration its vanVersie, the migration itself and after it the version it moved to', () => {
    const rijen = [
      stap('KLACHT_ONTVANGEN'),
      stap('VERDAGEN'),
      migratie('2015-01', '2026-06'),
      stap('AFDOENEN'),
      migratie('2026-06', '2027-01'),
    ];
    expect(versiesPerRij(rijen, '2027-01')).toEqual(['2015-01', '2015-01', '2026-06', '2026-06', '2027-01']);
    expect(versiesPerRij([], '2027-01')).toEqual([]);
    // Each row's version is what versieVanStap gives for the rows after it: one rule.
    rijen.forEach((_, i) => expect(versiesPerRij(rijen, '2027-01')[i]).toBe(versieVanStap(undefined, rijen.slice(i + 1), '2027-01')));
  });
});

describe('stapFeiten: what a step carries in its outbox rows, and what a row carries back', () => {
  it("Awb 9:11 lid 1: the gemeente's receipt as the step's machine context holds it; null when it has none", () => {
    expect(stapFeiten('2015-01', { context: { ontvangenBijGemeente: '2024-06-20T10:00:00.000Z' } })).toEqual({
      definitieVersie: '2015-01',
      ontvangenBijGemeente: '2024-06-20T10:00:00.000Z',
    });
    expect(stapFeiten('2015-01', { context: {} })).toEqual({ definitieVersie: '2015-01', ontvangenBijGemeente: null });
  });

  it('a row written before the engine carried them carries nothing (the reader asks the history); null is a carried none', () => {
    expect(gedragenFeiten({ event: 'VERDAGEN', at: '2026-06-03T08:00:00Z' })).toEqual({});
    expect(gedragenFeiten({ definitieVersie: '2015-01', ontvangenBijGemeente: null })).toEqual({
      definitieVersie: '2015-01',
      ontvangenBijGemeente: null,
    });
    expect(gedragenFeiten({ definitieVersie: '', ontvangenBijGemeente: 'gisteren' })).toEqual({});
  });
});
