import type { TermijnMutatie, TermijnView } from '../../machines/contract';
import { planTermijnen, termijnGeplandBericht, vervaltOpVolgensRegime, type LopendeTermijn } from './termijn-reconcile';
import type { HerinneringRecord } from './termijn.entity';
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

  it("Klachtenprotocol Wmo keten Amsterdam §6, §9: a termijn the step let lapse (StepResult.vervallen: the klacht left its holder) is not met: a running one vervallen (not the reports' opTijd), one already passed verlopen, a suspended one vervallen", () => {
    const rows = [lopend('aanbiederAfhandeling', '2026-05-18')];
    const status = (type: string, at: string, r = rows) =>
      planTermijnen(r, {}, [], ev(type, at), [], ['aanbiederAfhandeling']).beeindigd[0].status;
    expect(status('AANBIEDER_CONTRACT_BEEINDIGD', '2026-05-18T21:59:00Z')).toBe('vervallen');
    expect(status('AANBIEDER_CONTRACT_BEEINDIGD', '2026-05-18T22:00:00Z')).toBe('verlopen');
    expect(status('VERZOEK_OMBUDSMAN', '2026-05-18T21:59:00Z')).toBe('vervallen');
    const opgeschort = [{ ...rows[0], mutaties: [{ soort: 'opschorting' as const, at: '2026-05-10T10:00:00Z' }] }];
    expect(status('KLACHT_BIJ_GEMEENTE', '2026-06-01T10:00:00Z', opgeschort)).toBe('vervallen');
    // Not named by the step: the same events end it as any handling step does.
    expect(planTermijnen(rows, {}, [], ev('AANBIEDER_CONTRACT_BEEINDIGD', '2026-05-18T21:59:00Z')).beeindigd[0].status).toBe('nagekomen');
  });

  it('opschorting: a termijn ended by a handling step while it stands still since before the end of its last day is met in time, also after that day; suspended only from that end, resumed, or later suspended: verlopen', () => {
    // The row keeps its old last day (18 May, ends 22:00Z) while suspended: HERVATTEN gives the new one.
    const status = (...mutaties: Array<[TermijnMutatie['soort'], string]>) =>
      planTermijnen(
        [{ ...lopend('afhandeling', '2026-05-18'), mutaties: mutaties.map(([soort, at]) => ({ soort, at })) }],
        {},
        [],
        ev('AFGEDAAN', '2026-06-01T10:00:00Z'),
      ).beeindigd[0].status;
    expect(status(['opschorting', '2026-05-10T10:00:00Z'])).toBe('nagekomen');
    expect(status(['opschorting', '2026-05-18T21:59:59Z'])).toBe('nagekomen');
    expect(status(['opschorting', '2026-05-18T22:00:00Z'])).toBe('verlopen');
    expect(status(['opschorting', '2026-05-10T10:00:00Z'], ['hervatting', '2026-05-12T10:00:00Z'])).toBe('verlopen');
    // The last opschorting decides: resumed, then suspended again only after the end.
    expect(
      status(['opschorting', '2026-05-01T10:00:00Z'], ['hervatting', '2026-05-05T10:00:00Z'], ['opschorting', '2026-05-20T10:00:00Z']),
    ).toBe('verlopen');
    // Not another kind of change recorded after it.
    expect(status(['opschorting', '2026-05-10T10:00:00Z'], ['verdaging', '2026-05-25T10:00:00Z'])).toBe('nagekomen');
  });
});

describe('the wake-up moments of a termijn row (a job is planned per revision; docs/architecture.md §5)', () => {
  const herinnering = (naam: string, datum: string, verzondenOp?: string) => ({
    naam,
    datum,
    naar: 'behandelaar',
    op: `${datum}T00:00:00.000Z`,
    ...(verzondenOp ? { verzondenOp } : {}),
  });
  const metHerinneringen = (vervaldatum: string, ...h: Array<[string, string]>): TermijnView => ({
    ...view('afhandeling', vervaldatum),
    herinneringen: h.map(([naam, datum]) => ({ naam, datum, naar: 'behandelaar' })),
  });
  const rij = (vervaldatum: string, ...herinneringen: HerinneringRecord[]): LopendeTermijn => ({
    ...lopend('afhandeling', vervaldatum, 3),
    herinneringen,
  });

  it('a reminder sent stays sent only for the same reminder on the same day: another reminder that day is still to be sent (each fires once)', () => {
    const plan = planTermijnen(
      [rij('2026-05-18', herinnering('P1W-voor', '2026-05-11', '2026-05-11T06:00:00Z'))],
      {},
      [metHerinneringen('2026-05-18', ['P1W-voor', '2026-05-11'], ['P1W-voor-leidinggevende', '2026-05-11'])],
      ev('HOORZITTING_GEHOUDEN'),
    );
    const [eerste, tweede] = plan.gewijzigd[0].velden.herinneringen;
    expect(eerste.verzondenOp).toBe('2026-05-11T06:00:00Z');
    expect(tweede.verzondenOp).toBeUndefined();
    expect(plan.gewijzigd[0].velden.volgendeHerinneringOp?.toISOString()).toBe('2026-05-10T22:00:00.000Z');
  });

  it('Awb 9:11: a reminder skipped because its termijn passed first stays skipped, and is no next wake-up (it never fires)', () => {
    const plan = planTermijnen(
      [rij('2026-05-18', { ...herinnering('P1W-voor', '2026-05-11'), overgeslagenOp: '2026-05-19T00:00:00Z' })],
      {},
      [metHerinneringen('2026-05-18', ['P1W-voor', '2026-05-11'])],
      ev('HOORZITTING_GEHOUDEN'),
    );
    expect(plan.gewijzigd[0].velden.herinneringen[0].overgeslagenOp).toBe('2026-05-19T00:00:00Z');
    expect(plan.gewijzigd[0].velden.volgendeHerinneringOp).toBeNull();
  });

  it('the next wake-up for a reminder is the earliest reminder not yet sent', () => {
    const plan = planTermijnen(
      [],
      {},
      [metHerinneringen('2026-05-18', ['P1D-voor', '2026-05-15'], ['P1W-voor', '2026-05-11'])],
      ev('KLACHT_ONTVANGEN'),
    );
    expect(plan.nieuw[0].volgendeHerinneringOp?.toISOString()).toBe('2026-05-10T22:00:00.000Z');
  });

  it('the row keeps who gets the escalation and the rule the termijn comes from (Awb 9:11 lid 1), and null when the regime names none', () => {
    const plan = planTermijnen([], {}, [view('afhandeling', '2026-05-18')], ev('KLACHT_ONTVANGEN'));
    expect(plan.nieuw[0]).toEqual(expect.objectContaining({ escalatieNaar: 'leidinggevende', grondslag: 'Awb 9:11 lid 1' }));
    const { escalatieNaar: _e, grondslag: _g, ...zonder } = view('contact', '2026-04-09');
    expect(planTermijnen([], {}, [zonder], ev('KLACHT_ONTVANGEN')).nieuw[0]).toEqual(
      expect.objectContaining({ escalatieNaar: null, grondslag: null }),
    );
  });

  it('the same reminders in another order are the same wake-up moments: no new revision, no stale jobs', () => {
    const plan = planTermijnen(
      [rij('2026-05-18', herinnering('P1W-voor', '2026-05-11'), herinnering('P1D-voor', '2026-05-15'))],
      {},
      [metHerinneringen('2026-05-18', ['P1D-voor', '2026-05-15'], ['P1W-voor', '2026-05-11'])],
      ev('HOORZITTING_GEHOUDEN'),
    );
    expect(plan.gewijzigd).toEqual([expect.objectContaining({ id: 'id-afhandeling', revision: 3, verschoven: false })]);
    expect(plan.beeindigd).toEqual([]);
    expect(plan.nieuw).toEqual([]);
  });

  it('a reminder that moves while the last day stays is a moved wake-up moment: a new revision', () => {
    const plan = planTermijnen(
      [rij('2026-05-18', herinnering('P1W-voor', '2026-05-11'))],
      {},
      [metHerinneringen('2026-05-18', ['P1W-voor', '2026-05-12'])],
      ev('HOORZITTING_GEHOUDEN'),
    );
    expect(plan.gewijzigd).toEqual([expect.objectContaining({ revision: 4, verschoven: true })]);
  });

  it('the regime names each running termijn once; a second of the same name is a fault, not a second row', () => {
    expect(() => planTermijnen([], {}, [view('afhandeling', '2026-05-18'), view('afhandeling', '2026-06-15')], ev('VERDAGEN'))).toThrow(
      'Regime returned termijn "afhandeling" twice',
    );
  });
});

describe('how a running termijn ends (status nagekomen, verlopen or vervallen; docs/api.md)', () => {
  it('a termijn the regime still runs is not ended', () => {
    const plan = planTermijnen(
      [lopend('afhandeling', '2026-05-18'), lopend('contact', '2026-04-09')],
      {},
      [view('afhandeling', '2026-05-18')],
      ev('CONTACT_OPGENOMEN', '2026-04-08T10:00:00Z'),
    );
    expect(plan.beeindigd).toEqual([{ id: 'id-contact', naam: 'contact', status: 'nagekomen' }]);
  });

  it('its own wake-up ends a termijn as verlopen, also when its row still shows a later last day (the regime decides it passed)', () => {
    const plan = planTermijnen(
      [lopend('afhandeling', '2026-05-25')],
      {},
      [],
      ev('TERMIJN_VERLOPEN', '2026-05-18T22:00:00Z', { termijn: 'afhandeling' }),
    );
    expect(plan.beeindigd).toEqual([{ id: 'id-afhandeling', naam: 'afhandeling', status: 'verlopen' }]);
  });

  it('Awb 9:11 lid 1 (the last day counts in full): another termijn ended at the wake-up of an earlier one did not pass; its own last day decides', () => {
    const plan = planTermijnen(
      [lopend('contact', '2026-04-09'), lopend('afhandeling', '2026-05-18')],
      {},
      [],
      ev('TERMIJN_VERLOPEN', '2026-04-09T22:00:00Z', { termijn: 'contact' }),
    );
    expect(plan.beeindigd).toEqual([
      { id: 'id-contact', naam: 'contact', status: 'verlopen' },
      { id: 'id-afhandeling', naam: 'afhandeling', status: 'nagekomen' },
    ]);
  });

  it('an event that names a termijn in its data but is no wake-up ends it by its last day, not as verlopen', () => {
    const plan = planTermijnen(
      [lopend('afhandeling', '2026-05-18')],
      {},
      [],
      ev('NIEUWE_TERMIJN', '2026-05-01T10:00:00Z', { termijn: 'afhandeling' }),
    );
    expect(plan.beeindigd[0].status).toBe('nagekomen');
  });

  it('a wake-up without data ends the termijnen it closes by their own last day', () => {
    const plan = planTermijnen([lopend('afhandeling', '2026-05-18')], {}, [], ev('TERMIJN_VERLOPEN', '2026-05-01T10:00:00Z'));
    expect(plan.beeindigd[0].status).toBe('nagekomen');
  });

  it('Awb 9:11 lid 2, 9:24 lid 1 sub b: a termijn started by a wake-up the step undid never ran: vervallen, not met; the others by their last day', () => {
    const plan = planTermijnen(
      [lopend('tweedeLijnVerzoek', '2027-05-18'), lopend('contact', '2026-05-20')],
      {},
      [view('afhandeling', '2026-06-11')],
      ev('VERDAGEN', '2026-05-18T14:00:00Z', { termijn: 'afhandeling' }),
      ['tweedeLijnVerzoek'],
    );
    expect(plan.beeindigd).toEqual([
      { id: 'id-tweedeLijnVerzoek', naam: 'tweedeLijnVerzoek', status: 'vervallen' },
      { id: 'id-contact', naam: 'contact', status: 'nagekomen' },
    ]);
  });
});

describe('the outbox message that plans a termijn (termijn.gepland)', () => {
  it('carries the row id, revision and the instant it passes, next to who and what caused it', () => {
    const velden = planTermijnen([], { afhandeling: 1 }, [view('afhandeling', '2026-05-18', '2026-05-11')], ev('KLACHT_ONTVANGEN'))
      .nieuw[0];
    const bericht = termijnGeplandBericht(
      'k-1',
      { klachtId: 'k-1', event: 'KLACHT_ONTVANGEN' },
      { id: 't-1', ...velden, voor: velden.voor },
    );
    expect(bericht).toEqual({
      klachtId: 'k-1',
      type: 'termijn.gepland',
      payload: {
        klachtId: 'k-1',
        event: 'KLACHT_ONTVANGEN',
        termijnId: 't-1',
        naam: 'afhandeling',
        voor: null,
        label: 'afhandeling',
        revision: 2,
        vervaldatum: '2026-05-18',
        vervaltOp: '2026-05-18T22:00:00.000Z',
        uitleg: ['afhandeling tot 2026-05-18'],
        herinneringen: [{ naam: 'P1W-voor', datum: '2026-05-11', naar: 'behandelaar', op: '2026-05-10T22:00:00.000Z' }],
      },
    });
  });
});

describe('Algemene termijnenwet art. 3 lid 3: when a termijn passes, its row or the regime', () => {
  // The row was written when Friday 15 May 2026 was a werkdag; a decree equated it with a holiday since: the regime gives 18 May.
  // Built per test, not when the file loads: code run at load is static to Stryker (docs/adr/0005-mutation-testing.md),
  // and a mutant of eindVanDag that throws there broke the whole file instead of failing a test.
  let rij: LopendeTermijn;
  beforeEach(() => {
    rij = lopend('afhandeling', '2026-05-15');
  });

  it('Awb 9:11 lid 1: the regime runs the termijn to a later last day than its row: it passes at the end of the regime’s day', () => {
    expect(vervaltOpVolgensRegime(rij, [view('contact', '2026-05-25'), view('afhandeling', '2026-05-18')]).toISOString()).toBe(
      '2026-05-18T22:00:00.000Z',
    );
  });

  it('the regime accepted the expiry (no view), gives an earlier day, or does not run the termijn: it passes at its row’s moment', () => {
    expect(vervaltOpVolgensRegime(rij)).toBe(rij.vervaltOp);
    expect(vervaltOpVolgensRegime(rij, [view('afhandeling', '2026-05-14')])).toBe(rij.vervaltOp);
    expect(vervaltOpVolgensRegime(rij, [view('afhandeling', '2026-05-15')])).toBe(rij.vervaltOp);
    expect(vervaltOpVolgensRegime(rij, [view('contact', '2026-05-25')])).toBe(rij.vervaltOp);
  });
});

describe('TermijnDefinitie.geldtVoor: the same name for another party is another termijn', () => {
  const contactVan = (voor: 'aanbieder' | 'gemeente'): TermijnView => ({ ...view('contact', '2026-06-22'), voor });
  const rijVan = (voor: string | null): LopendeTermijn => ({ ...lopend('contact', '2026-06-08', 2), voor });

  it("Klachtenprotocol Wmo keten Amsterdam §9: the gemeente's contact starts as a new row; the aanbieder's, left by the klacht, ends vervallen", () => {
    const plan = planTermijnen(
      [rijVan('aanbieder')],
      { contact: 2 },
      [contactVan('gemeente')],
      ev('AANBIEDER_CONTRACT_BEEINDIGD'),
      [],
      ['contact'],
    );
    expect(plan.nieuw.map((n) => [n.naam, n.voor, n.vervaldatum, n.revision])).toEqual([['contact', 'gemeente', '2026-06-22', 3]]);
    expect(plan.gewijzigd).toEqual([]);
    expect(plan.beeindigd).toEqual([{ id: 'id-contact', naam: 'contact', status: 'vervallen' }]);
  });

  it('the same party keeps its row; a row of before the party was recorded keeps the old reading', () => {
    for (const voor of ['gemeente', null]) {
      const plan = planTermijnen([rijVan(voor)], { contact: 2 }, [contactVan('gemeente')], ev('VERDAGEN'));
      expect([plan.nieuw, plan.beeindigd, plan.gewijzigd.map((g) => g.id)]).toEqual([[], [], ['id-contact']]);
    }
  });
});
