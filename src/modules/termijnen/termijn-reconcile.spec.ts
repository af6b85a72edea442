import type { TermijnView } from '../../machines/contract';
import { planTermijnen, type LopendeTermijn } from './termijn-reconcile';
import { eindVanDag } from './termijn-tijd';

const view = (naam: string, vervaldatum: string, herinnering?: string): TermijnView => ({
  naam,
  label: naam,
  vervaldatum,
  uitleg: [`${naam} tot ${vervaldatum}`],
  herinneringen: herinnering ? [{ naam: 'P1W-voor', datum: herinnering, naar: 'behandelaar' }] : [],
  escalatieNaar: 'leidinggevende',
  grondslag: 'Awb 9:11 lid 1',
  mutaties: [],
});

const lopend = (naam: string, vervaldatum: string, revision = 1, verzonden?: string): LopendeTermijn => ({
  id: `id-${naam}`,
  naam,
  vervaldatum,
  vervaltOp: eindVanDag(vervaldatum),
  revision,
  herinneringen: verzonden
    ? [{ naam: 'P1W-voor', datum: '2026-05-11', naar: 'behandelaar', op: '2026-05-10T22:00:00.000Z', verzondenOp: verzonden }]
    : [],
});

const ev = (type: string, at = '2026-04-20T10:00:00Z', data?: Record<string, unknown>) => ({ type, at, data });

describe('reconciling termijn rows with the regime', () => {
  it('a new termijn starts at revision 1, or after the highest earlier revision of that name', () => {
    const plan = planTermijnen(
      [],
      { contact: 3 },
      [view('afhandeling', '2026-05-18'), view('contact', '2026-04-09')],
      ev('KLACHT_ONTVANGEN'),
    );
    expect(plan.nieuw.map((n) => [n.naam, n.revision])).toEqual([
      ['afhandeling', 1],
      ['contact', 4],
    ]);
    expect(plan.nieuw[0].vervaltOp.toISOString()).toBe('2026-05-18T22:00:00.000Z');
  });

  it('Awb 9:11 lid 2: verdaging moves the termijn to a new revision and re-arms its reminder', () => {
    const plan = planTermijnen(
      [lopend('afhandeling', '2026-05-18', 1, '2026-05-11T06:00:00Z')],
      {},
      [view('afhandeling', '2026-06-15', '2026-06-08')],
      ev('VERDAGEN'),
    );
    expect(plan.gewijzigd).toEqual([expect.objectContaining({ revision: 2, verschoven: true })]);
    expect(plan.gewijzigd[0].velden.herinneringen[0].verzondenOp).toBeUndefined();
    expect(plan.gewijzigd[0].velden.volgendeHerinneringOp?.toISOString()).toBe('2026-06-07T22:00:00.000Z');
  });

  it('an unchanged termijn keeps its revision and its sent reminder', () => {
    const plan = planTermijnen(
      [lopend('afhandeling', '2026-05-18', 2, '2026-05-11T06:00:00Z')],
      {},
      [view('afhandeling', '2026-05-18', '2026-05-11')],
      ev('HOORZITTING_GEHOUDEN'),
    );
    expect(plan.gewijzigd[0]).toEqual(expect.objectContaining({ revision: 2, verschoven: false }));
    expect(plan.gewijzigd[0].velden.herinneringen[0].verzondenOp).toBe('2026-05-11T06:00:00Z');
    expect(plan.gewijzigd[0].velden.volgendeHerinneringOp).toBeNull();
  });

  it('a termijn that vanishes is met when ended in time, verlopen when late or on its expiry, cancelled on withdrawal', () => {
    const rows = [lopend('afhandeling', '2026-05-18')];
    expect(planTermijnen(rows, {}, [], ev('AFGEDAAN', '2026-05-18T21:59:00Z')).beeindigd[0].status).toBe('nagekomen');
    expect(planTermijnen(rows, {}, [], ev('AFGEDAAN', '2026-05-18T22:00:00Z')).beeindigd[0].status).toBe('verlopen');
    expect(
      planTermijnen(rows, {}, [], ev('TERMIJN_VERLOPEN', '2026-05-19T00:00:00Z', { termijn: 'afhandeling' })).beeindigd[0].status,
    ).toBe('verlopen');
    expect(planTermijnen(rows, {}, [], ev('KLACHT_INGETROKKEN')).beeindigd[0].status).toBe('vervallen');
  });
});
