/**
 * The list of events a klacht can take (CompiledRegime.volgendeEventsOp, StepResult.volgendeEvents) is true on the day
 * it is about: a guard that asks only the klacht and the event's day (a termijn passed by then, the second line
 * competent on that day) is asked with that day, as stepping on it would ask it. Seed definitions, pure API.
 */
import { join } from 'node:path';
import type { AnyMachineSnapshot } from 'xstate';
import type { IntakeInput, KlachtEvent, StepResult } from './contract';
import { intake } from './intake.spec-hulp';
import { laadRegistry } from './registry';
import type { Regime } from './regime';
import { afwijkingen, verkendeStates } from './volgende-events.spec-hulp';

const registry = laadRegistry(join(__dirname, '..', '..', 'definitions'));
const regime = (id: string) => (registry.regimes as Regime[]).find((r) => r.summary.id === id)!;

const stap = (r: Regime, s: StepResult, type: string, at: string, data?: Record<string, unknown>): StepResult =>
  r.step(JSON.parse(JSON.stringify(s.snapshot)), { type, at, ...(data ? { data } : {}) } as KlachtEvent);

/** The list read at `op`, and whether stepping at `op` takes the event (with `data`). */
function lijstEnStap(r: Regime, s: StepResult, type: string, op: string, data?: Record<string, unknown>) {
  return { aangeboden: r.volgendeEventsOp(s.snapshot, op).includes(type), aanvaard: stap(r, s, type, op, data).accepted };
}

const bijAanbieder = (gemeente: string, ontvangenOp: string, feiten: IntakeInput['feiten'] = {}): IntakeInput =>
  intake({ gemeente, ontvangenOp, ingediendBij: 'aanbieder', aanbieders: [{ id: 'zorg-west', naam: 'Zorg West', type: 'wmo' }], feiten });

describe('the list of next events on the day it is read', () => {
  test('Awb 9:11 lid 1, Klachtenprotocol Wmo keten Amsterdam §6: a moment on the last day of the klager’s wait, read after the wake-up closed the klacht, is judged on the klacht as it was then (the state and the list an act of that moment steps on)', () => {
    const ams = regime('gm0363-amsterdam');
    const s0 = ams.start(
      bijAanbieder('GM0363', '2026-04-02T10:00:00+02:00', { complex: false, eerderBijAanbieder: false, aantalAanbieders: 1 }),
    );
    const af = stap(ams, s0, 'AFDOENEN', '2026-04-20T10:00:00+02:00', { oordeel: 'gegrond' });
    expect(af.state).toBe('bijAanbieder.afgedaan');
    const gewekt = stap(ams, af, 'TERMIJN_VERLOPEN', '2027-04-20T22:00:00Z', { termijn: 'tweedeLijnVerzoekNaAanbieder' });
    expect([gewekt.state, gewekt.done]).toEqual(['afgesloten', true]);
    const laatsteDag = '2027-04-20T16:00:00+02:00';
    // That day: with the aanbieder, the klager's answer open, as stepping an act of that moment takes it.
    expect(ams.stateOp(gewekt.snapshot, laatsteDag)).toBe('bijAanbieder.afgedaan');
    expect(lijstEnStap(ams, gewekt, 'KLAGER_ONTEVREDEN', laatsteDag)).toEqual({ aangeboden: true, aanvaard: true });
    // After the wake-up's moment, and now: closed, nothing offered, nothing taken.
    for (const op of ['2027-04-21T08:00:00+02:00', '2027-04-20T22:00:00Z']) {
      expect([op, ams.stateOp(gewekt.snapshot, op)]).toEqual([op, 'afgesloten']);
      expect([op, lijstEnStap(ams, gewekt, 'KLAGER_ONTEVREDEN', op)]).toEqual([op, { aangeboden: false, aanvaard: false }]);
    }
    // Before the klacht's last act no act is stepped: its state as it stands.
    expect(ams.stateOp(gewekt.snapshot, '2026-04-19T10:00:00+02:00')).toBe('afgesloten');
  });

  test('Awb 9:18 with the Stichtse Vecht regeling: after the aanbieder’s afdoening VERZOEK_OMBUDSMAN is offered on no day, as stepping takes it on none (the Nationale ombudsman does not judge aanbieders, Uitgangspunten klachtenmanagement Sociaal Domein §5A)', () => {
    const sv = regime('gm1904-stichtse-vecht');
    const s0 = sv.start(bijAanbieder('GM1904', '2026-04-02T10:00:00+02:00'));
    const af = stap(sv, s0, 'AFDOENEN', '2026-04-20T10:00:00+02:00', { oordeel: 'gegrond' });
    expect(af.state).toBe('bijAanbieder.afgedaan');
    expect(af.volgendeEvents).not.toContain('VERZOEK_OMBUDSMAN');
    // Also after the day the aanbieder's own termijn would have ended (14 May 2026).
    for (const op of ['2026-04-20T10:00:00+02:00', '2026-05-15T10:00:00+02:00', '2027-01-04T10:00:00+01:00'])
      expect([op, lijstEnStap(sv, af, 'VERZOEK_OMBUDSMAN', op)]).toEqual([op, { aangeboden: false, aanvaard: false }]);
    // What it offers instead is what stepping takes: the klacht at the gemeente about the handling (§5A, §5B).
    expect(lijstEnStap(sv, af, 'KLACHT_BIJ_GEMEENTE', '2026-05-15T10:00:00+02:00')).toEqual({ aangeboden: true, aanvaard: true });
  });

  test('Awb 9:18 with the Weesp regeling: after the aanbieder’s afdoening VERZOEK_OMBUDSMAN and KLAGER_ONTEVREDEN to the second line are offered only on days the second line judges aanbieders (from 24 March 2022 the Ombudsman Metropool Amsterdam, Wet arhi art. 40)', () => {
    const weesp = regime('gm0457-weesp');
    const s0 = weesp.start(bijAanbieder('GM0457', '2022-03-01T10:00:00+01:00', { aantalAanbieders: 1 }));
    const af = stap(weesp, s0, 'AFDOENEN', '2022-03-10T10:00:00+01:00', { oordeel: 'gegrond' });
    expect(af.state).toBe('bijAanbieder.afgedaan');
    // The list the step stored (its own day): Weesp's Nationale ombudsman, who does not judge aanbieders.
    expect(af.volgendeEvents).not.toContain('VERZOEK_OMBUDSMAN');
    const dagen = { '2022-03-23T10:00:00+01:00': false, '2022-03-24T10:00:00+01:00': true, '2022-06-01T10:00:00+02:00': true };
    for (const [op, bevoegd] of Object.entries(dagen)) {
      expect([op, lijstEnStap(weesp, af, 'VERZOEK_OMBUDSMAN', op)]).toEqual([op, { aangeboden: bevoegd, aanvaard: bevoegd }]);
      expect([op, lijstEnStap(weesp, af, 'KLAGER_ONTEVREDEN', op)]).toEqual([op, { aangeboden: bevoegd, aanvaard: bevoegd }]);
    }
  });

  test('Awb 9:24 lid 1 sub b naar analogie: while the aanbieder’s termijn runs the klager’s next steps are not offered; from the day after its last day they are, before the wake-up records it (Stichtse Vecht, Uitgangspunten §5B)', () => {
    const sv = regime('gm1904-stichtse-vecht');
    const s0 = sv.start(bijAanbieder('GM1904', '2026-04-02T10:00:00+02:00'));
    expect(s0.state).toBe('bijAanbieder.inBehandeling');
    const vervaldatum = s0.termijnen.find((t) => t.naam === 'aanbiederAfhandeling')?.vervaldatum;
    expect(vervaldatum).toBe('2026-05-14');
    expect(s0.volgendeEvents).not.toContain('KLACHT_BIJ_GEMEENTE');
    // Its last day counts (Awb 9:11 lid 1 by analogy); the next morning the klager may go on.
    expect(lijstEnStap(sv, s0, 'KLACHT_BIJ_GEMEENTE', '2026-05-14T23:00:00+02:00')).toEqual({ aangeboden: false, aanvaard: false });
    expect(lijstEnStap(sv, s0, 'KLACHT_BIJ_GEMEENTE', '2026-05-15T08:00:00+02:00')).toEqual({ aangeboden: true, aanvaard: true });
  });

  test('Awb 9:24 lid 1 sub a naar analogie: after the aanbieder’s afdoening the klager’s answer is offered up to the last day of the year from it, not the day after, also before the wake-up closes the klacht (Amsterdam)', () => {
    const amsterdam = regime('gm0363-amsterdam');
    const s0 = amsterdam.start(bijAanbieder('GM0363', '2026-04-02T10:00:00+02:00', { complex: false, eerderBijAanbieder: false }));
    const af = stap(amsterdam, s0, 'AFDOENEN', '2026-04-20T10:00:00+02:00', { oordeel: 'gegrond' });
    expect(af.termijnen.find((t) => t.naam === 'tweedeLijnVerzoekNaAanbieder')?.vervaldatum).toBe('2027-04-20');
    for (const type of ['KLAGER_TEVREDEN', 'KLAGER_ONTEVREDEN']) {
      expect([type, lijstEnStap(amsterdam, af, type, '2027-04-20T16:00:00+02:00')]).toEqual([type, { aangeboden: true, aanvaard: true }]);
      expect([type, lijstEnStap(amsterdam, af, type, '2027-04-21T09:00:00+02:00')]).toEqual([type, { aangeboden: false, aanvaard: false }]);
    }
  });

  test('Awb 9:8 lid 3: NIET_BEHANDELEN is offered within four weeks of receipt and not after, whatever grond would be given', () => {
    const sv = regime('gm1904-stichtse-vecht');
    const beoordelen = stap(sv, sv.start(intake()), 'FORMELE_BEHANDELING', '2026-04-03T10:00:00+02:00');
    expect(beoordelen.termijnen.find((t) => t.naam === 'nietBehandelenKennisgeving')?.vervaldatum).toBe('2026-04-30');
    const grond = { grond: 'ouderDanEenJaar' };
    expect(lijstEnStap(sv, beoordelen, 'NIET_BEHANDELEN', '2026-04-30T16:00:00+02:00', grond)).toEqual({
      aangeboden: true,
      aanvaard: true,
    });
    expect(lijstEnStap(sv, beoordelen, 'NIET_BEHANDELEN', '2026-05-01T09:00:00+02:00', grond)).toEqual({
      aangeboden: false,
      aanvaard: false,
    });
  });

  test('the list a step stores is the list at that step’s moment; a moment before the klacht’s clock reads as the clock', () => {
    const sv = regime('gm1904-stichtse-vecht');
    const s0 = sv.start(bijAanbieder('GM1904', '2026-04-02T10:00:00+02:00'));
    const af = stap(sv, s0, 'AFDOENEN', '2026-04-20T10:00:00+02:00', { oordeel: 'gegrond' });
    for (const s of [s0, af]) {
      const klok = (s.snapshot as { context: { nu: string } }).context.nu;
      expect(sv.volgendeEventsOp(s.snapshot, klok)).toEqual(s.volgendeEvents);
      expect(sv.volgendeEventsOp(s.snapshot, '2020-01-01T00:00:00Z')).toEqual(s.volgendeEvents);
      expect(sv.volgendeEventsOp(s.snapshot, 'geen tijdstip')).toEqual(s.volgendeEvents);
    }
    // A step after the aanbieder's termijn (14 May 2026): read with a moment before it (another system's clock a little
    // behind), the list is the one of the klacht's clock, where that termijn has passed.
    const contact = stap(sv, s0, 'CONTACT_OPGENOMEN', '2026-05-20T10:00:00+02:00');
    expect([contact.state, contact.volgendeEvents]).toEqual([
      'bijAanbieder.inBehandeling',
      expect.arrayContaining(['KLACHT_BIJ_GEMEENTE']),
    ]);
    expect(sv.volgendeEventsOp(contact.snapshot, '2026-05-13T10:00:00+02:00')).toEqual(contact.volgendeEvents);
  });
});

describe('which guards the list can ask without the event’s data (acties.ts zonderData)', () => {
  /** An event whose data may not be read: a guard that reads it throws. */
  const zonderDataEvent = (type: string, at: string): KlachtEvent =>
    ({
      type,
      at,
      get data(): never {
        throw new Error('leest data');
      },
    }) as unknown as KlachtEvent;

  test('a guard the list asks reads no event data, and every other guard does (it needs the data, so the event stays offered)', () => {
    const amsterdam = regime('gm0363-amsterdam');
    const { guardImpl, zonderData } = amsterdam.gecompileerd;
    // Klachten in the states whose guards read the most context: with the aanbieder, afgedaan, at the gemeente.
    const s0 = amsterdam.start(bijAanbieder('GM0363', '2026-04-02T10:00:00+02:00', { complex: false, eerderBijAanbieder: false }));
    const af = stap(amsterdam, s0, 'AFDOENEN', '2026-04-20T10:00:00+02:00', { oordeel: 'gegrond' });
    const contexten = [s0, af, amsterdam.start(intake({ gemeente: 'GM0363' }))].map(
      (s) => (amsterdam.herstel(s.snapshot) as AnyMachineSnapshot).context,
    );
    const leestData = (naam: string): boolean =>
      contexten.some((context) => {
        try {
          guardImpl[naam]({ context, event: zonderDataEvent('X', '2026-06-01T10:00:00+02:00') as never }, { termijn: 'afhandeling' });
          return false;
        } catch (e) {
          if ((e as Error).message !== 'leest data') throw e;
          return true;
        }
      });
    const ingedeeld = Object.keys(guardImpl).map((naam) => [naam, leestData(naam) ? 'data' : 'zonder data']);
    // A guard the list asks as it is (the same function) reads no data; one it asks only in part, or not at all, does.
    expect(ingedeeld).toEqual(Object.keys(guardImpl).map((naam) => [naam, zonderData[naam] === guardImpl[naam] ? 'zonder data' : 'data']));
    // The part of a data guard the list asks reads no data either.
    for (const vraag of Object.values(zonderData))
      for (const context of contexten)
        expect(() =>
          vraag({ context, event: zonderDataEvent('X', '2026-06-01T10:00:00+02:00') as never }, { termijn: 'afhandeling' }),
        ).not.toThrow();
  });
});

describe('invariant: every seed regime, on explored states and sampled days', () => {
  test.each((registry.regimes as Regime[]).map((r) => [r.summary.id, r] as const))(
    '%s: every listed event that needs no data is taken by stepping on that day, and every event stepping takes is listed',
    (_id, r) => {
      const states = verkendeStates(r);
      expect(states.length).toBeGreaterThan(30);
      expect(afwijkingen(r, states)).toEqual([]);
    },
  );
});
