/**
 * A suspended termijn does not pass (opschorting: Klachtenprotocol Wmo keten §6, Jeugdwet klachtenregelingen; the
 * regeling must allow it): while it stands still its row keeps the old last day, and HERVATTEN gives it a new one. A
 * handling step that ends it while it stands still meets it in time, also after that old last day.
 */
import type { TermijnMutatie } from '../../machines/contract';
import { planTermijnen, type LopendeTermijn } from './termijn-reconcile';
import { eindVanDag } from './termijn-tijd';

const stil = (sinds: string): TermijnMutatie => ({ soort: 'opschorting', at: sinds, vervaldatumNa: '2026-05-18' });
const hervat = (at: string): TermijnMutatie => ({ soort: 'hervatting', at, vervaldatumNa: '2026-05-25' });

const afhandeling = (mutaties: TermijnMutatie[]): LopendeTermijn => ({
  id: 'id-afhandeling',
  naam: 'afhandeling',
  vervaldatum: '2026-05-18',
  vervaltOp: eindVanDag('2026-05-18'),
  revision: 1,
  herinneringen: [],
  mutaties,
});

const status = (mutaties: TermijnMutatie[], type: string, at: string) =>
  planTermijnen([afhandeling(mutaties)], {}, [], { type, at }).beeindigd.map((e) => e.status);

describe('a termijn ended while it stands still', () => {
  it('Klachtenprotocol Wmo keten §6: an afdoening while the afhandeltermijn is suspended since before its last day meets it in time, also after that day', () => {
    expect(status([stil('2026-05-12T10:00:00+02:00')], 'AFDOENEN', '2026-05-28T10:00:00+02:00')).toEqual(['nagekomen']);
  });

  it('Awb 9:11: an afdoening after the last day of a termijn that runs again (hervat) or never stood still is late', () => {
    expect(
      status([stil('2026-05-12T10:00:00+02:00'), hervat('2026-05-14T10:00:00+02:00')], 'AFDOENEN', '2026-05-28T10:00:00+02:00'),
    ).toEqual(['verlopen']);
    expect(status([], 'AFDOENEN', '2026-05-28T10:00:00+02:00')).toEqual(['verlopen']);
  });

  it('a suspension that began only after the last day had passed does not undo the passing', () => {
    expect(status([stil('2026-05-20T10:00:00+02:00')], 'AFDOENEN', '2026-05-28T10:00:00+02:00')).toEqual(['verlopen']);
  });

  it('within the last day an afdoening is in time, suspended or not; a withdrawal ends it without it being met or missed', () => {
    expect(status([], 'AFDOENEN', '2026-05-18T16:00:00+02:00')).toEqual(['nagekomen']);
    expect(status([stil('2026-05-12T10:00:00+02:00')], 'KLACHT_INGETROKKEN', '2026-05-28T10:00:00+02:00')).toEqual(['vervallen']);
  });
});
