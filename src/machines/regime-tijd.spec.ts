/**
 * The regime's rules of time on one small definition (the BASIS fixture, Zeist 2024-01), so that these specs
 * compile one definition, not every seed (they run for every mutant: docs/adr/0005-mutation-testing.md).
 * The same rules on the seed definitions: compiler/regels.spec.ts; through the engine and PostgreSQL:
 * test/wekker-en-late-registratie.test.ts and test/termijnen-inhalen.test.ts.
 */
import { join } from 'node:path';
import type { IntakeInput, KlachtEvent, StepResult } from './contract';
import { BASIS, invoegen, ruimTijdelijkeMappenOp, schrijfBestanden, TESTDAM } from './definition/test-fixture';
import { loadAndValidate } from './definition/validate';
import { klokVan, maakRegime, statePad, type Regime } from './regime';

function laad(lines: readonly string[] = BASIS): Regime {
  const r = loadAndValidate([join(schrijfBestanden({ [TESTDAM]: lines }), 'definitions')]);
  ruimTijdelijkeMappenOp();
  expect(r.errors).toEqual([]);
  return maakRegime(r.definities[0].definitie, r.definities[0].id);
}

const zeist = laad();
/** BASIS with a contact termijn of three werkdagen for the gemeente (no verdagingMax): two termijnen run at once. */
const metContact = laad(
  invoegen(
    BASIS,
    25,
    '  contact:',
    '    label: Contact met de klager',
    '    duur: P3D',
    '    rekenwijze: werkdagen',
    '    atw: false',
    '    grondslag: Klachtenregeling Zeist',
    '    geldtVoor: [gemeente]',
  ),
);

const INTAKE: IntakeInput = {
  gemeente: 'GM0355',
  kanaal: 'brief',
  ontvangenOp: '2024-05-01T10:00:00+02:00',
  ingediendBij: 'gemeente',
  soort: 'klacht',
  aanbieders: [],
  feiten: { complex: true },
};

/** A step on the persisted snapshot, through JSON as PostgreSQL stores it. */
const stap = (s: StepResult, type: string, at: string, data?: Record<string, unknown>): StepResult =>
  zeist.step(JSON.parse(JSON.stringify(s.snapshot)), { type, at, ...(data ? { data } : {}) });

function volg(events: Array<[string, string, Record<string, unknown>?]>, s: StepResult = zeist.start(INTAKE)): StepResult {
  for (const [type, at, data] of events) {
    const v = stap(s, type, at, data);
    if (!v.accepted) throw new Error(`${type} op ${at} geweigerd: ${v.reason}`);
    s = v;
  }
  return s;
}

const termijn = (s: StepResult, naam: string) => s.termijnen.find((t) => t.naam === naam);

/** Received 1 May 2024, handled formally: the afhandeltermijn (six weeks, Awb 9:11 lid 1) ends on 12 June 2024. */
const inBehandeling = () =>
  volg([
    ['FORMELE_BEHANDELING', '2024-05-02T09:00:00+02:00'],
    ['IN_BEHANDELING_NEMEN', '2024-05-03T09:00:00+02:00'],
    ['HOREN_OVERSLAAN', '2024-05-06T09:00:00+02:00', { reden: 'afgezien' }],
  ]);
const WEKKER = '2024-06-13T00:00:00+02:00';
/** The wake-up at midnight after the last day. */
const gewekt = () => {
  const s = inBehandeling();
  expect(termijn(s, 'afhandeling')?.vervaldatum).toBe('2024-06-12');
  const w = stap(s, 'TERMIJN_VERLOPEN', WEKKER, { termijn: 'afhandeling' });
  expect(w.accepted).toBe(true);
  expect(termijn(w, 'afhandeling')).toBeUndefined();
  return w;
};

describe('Awb 9:11 lid 1 and 2: an act done on the last day, registered after the wake-up at midnight (inhalen)', () => {
  it('the afdoening of the last day is stepped before the wake-up: the afhandeltermijn did not pass (herroepen), the act sends its own letters only', () => {
    const w = gewekt();
    const na = stap(w, 'AFDOENEN', '2024-06-12T16:00:00+02:00', { oordeel: 'gegrond' });
    expect(na).toEqual(expect.objectContaining({ accepted: true, herroepen: ['afhandeling'] }));
    expect(na.intents.map((i) => i.type)).toContain('AFDOENINGSBRIEF');
    expect(na.intents.map((i) => i.type)).not.toEqual(expect.arrayContaining(w.intents.map((i) => i.type)));
    // Awb 9:24 lid 1: the klager's year for the ombudsman runs from the afdoening, not from the wake-up.
    expect(termijn(na, 'tweedeLijnVerzoek')?.vervaldatum).toBe('2025-06-12');
    // No wake-up still applies: nothing is kept for a further late act, and the clock is the act's.
    expect(JSON.stringify(na.snapshot)).not.toContain('voorWekkers');
    expect(klokVan(na.snapshot)).toBe('2024-06-12T16:00:00+02:00');
  });

  it('after the wake-up the klacht still offers the acts of before it (a verdaging of the last day must have its button), next to its own', () => {
    const w = gewekt();
    expect(w.volgendeEvents).toEqual(expect.arrayContaining(['VERDAGEN', 'AFDOENEN', 'VERZOEK_OMBUDSMAN']));
    expect(w.volgendeEvents).toEqual([...w.volgendeEvents].sort());
    expect(new Set(w.volgendeEvents).size).toBe(w.volgendeEvents.length);
  });

  it('Awb 9:11 lid 2: a verdaging sent on the last day moves the termijn four weeks, as if the wake-up had not come', () => {
    const na = stap(gewekt(), 'VERDAGEN', '2024-06-12T16:00:00+02:00', { termijn: 'afhandeling', duur: 'P4W' });
    expect(na).toEqual(expect.objectContaining({ accepted: true, herroepen: ['afhandeling'], state: inBehandeling().state }));
    expect(termijn(na, 'afhandeling')?.vervaldatum).toBe('2024-07-10');
  });

  it('an act that does not meet the termijn leaves the wake-up standing (kept for a later act of the same day), and that later act still comes in its place', () => {
    const w = gewekt();
    const eerste = stap(w, 'BESTUURLIJKE_IMPACT_MELDEN', '2024-06-12T15:00:00+02:00', { reden: 'wethouder betrokken' });
    expect(eerste.accepted).toBe(true);
    expect(eerste.herroepen).toBeUndefined();
    expect(termijn(eerste, 'afhandeling')).toBeUndefined();
    expect(eerste.state).toBe(w.state);
    // The clock stays at the wake-up: it still happened, after the act.
    expect(klokVan(eerste.snapshot)).toBe(WEKKER);
    const af = stap(eerste, 'AFDOENEN', '2024-06-12T17:00:00+02:00', { oordeel: 'ongegrond' });
    expect(af).toEqual(expect.objectContaining({ accepted: true, herroepen: ['afhandeling'] }));
    // But not before the act registered late in between: acts come in order of time.
    const ervoor = stap(eerste, 'AFDOENEN', '2024-06-12T14:00:00+02:00', { oordeel: 'ongegrond' });
    expect(ervoor.accepted).toBe(false);
    expect(ervoor.reason).toContain('ligt vóór de vorige gebeurtenis');
  });

  it('an act after the last day is not put before the wake-up, nor one before the last act; an act in order clears what was kept', () => {
    const w = gewekt();
    const teLaat = stap(w, 'VERDAGEN', '2024-06-13T09:00:00+02:00', { termijn: 'afhandeling', duur: 'P4W' });
    expect(teLaat.accepted).toBe(false);
    expect(teLaat.reason).toContain("termijn 'afhandeling' loopt niet");
    const voorDeLaatsteDaad = stap(w, 'AFDOENEN', '2024-05-06T08:00:00+02:00', { oordeel: 'gegrond' });
    expect(voorDeLaatsteDaad).toEqual(
      expect.objectContaining({ accepted: false, reason: expect.stringContaining('ligt vóór de vorige gebeurtenis'), intents: [] }),
    );
    const af = stap(w, 'AFDOENEN', '2024-06-13T09:00:00+02:00', { oordeel: 'gegrond' });
    expect(af.accepted).toBe(true);
    expect(af.herroepen).toBeUndefined();
    expect(JSON.stringify(af.snapshot)).not.toContain('voorWekkers');
  });

  it('a late act the klacht could not take before the wake-up either is refused with the reason of that moment', () => {
    const na = stap(gewekt(), 'HERVATTEN', '2024-06-12T16:00:00+02:00', { termijn: 'afhandeling' });
    expect(na.accepted).toBe(false);
    expect(na.reason).toBeTruthy();
    expect(na.reason).not.toContain('ligt vóór de vorige gebeurtenis');
  });

  it('a wake-up itself is never stepped before an earlier one: an expiry earlier than the clock is refused', () => {
    const w = gewekt();
    const oudeWekker = stap(w, 'TERMIJN_VERLOPEN', '2024-06-12T23:00:00+02:00', { termijn: 'afhandeling' });
    expect(oudeWekker.accepted).toBe(false);
    expect(oudeWekker.reason).toContain('ligt vóór de vorige gebeurtenis');
  });

  it("Awb 9:24 lid 1: a request on the last day of the klager's year, registered after the wake-up closed the klacht, is accepted; the next day it is not", () => {
    const af = volg([['AFDOENEN', '2024-05-13T10:00:00+02:00', { oordeel: 'ongegrond' }]], inBehandeling());
    expect(termijn(af, 'tweedeLijnVerzoek')?.vervaldatum).toBe('2025-05-13');
    const dicht = stap(af, 'TERMIJN_VERLOPEN', '2025-05-14T00:00:00+02:00', { termijn: 'tweedeLijnVerzoek' });
    expect(dicht.done).toBe(true);
    expect(dicht.volgendeEvents).toEqual([]);
    const verzoek = stap(dicht, 'VERZOEK_OMBUDSMAN', '2025-05-13T15:00:00+02:00');
    expect(verzoek).toEqual(expect.objectContaining({ accepted: true, done: false, herroepen: ['tweedeLijnVerzoek'] }));
    const teLaat = stap(dicht, 'VERZOEK_OMBUDSMAN', '2025-05-14T09:00:00+02:00');
    expect(teLaat).toEqual(
      expect.objectContaining({ accepted: false, done: true, reason: expect.stringContaining('de klacht is afgesloten') }),
    );
  });
});

describe('Atw art. 1 and Awb 9:11 lid 1: with two wake-ups since the last act, a late act goes where it belongs between them', () => {
  const c = (s: StepResult, type: string, at: string, data?: Record<string, unknown>): StepResult =>
    metContact.step(JSON.parse(JSON.stringify(s.snapshot)), { type, at, ...(data ? { data } : {}) });
  /** Received Wednesday 1 May 2024: contact ends Monday 6 May (three werkdagen), the afhandeltermijn on 12 June; both wake-ups came. */
  const beideGewekt = () => {
    const s = c(metContact.start(INTAKE), 'FORMELE_BEHANDELING', '2024-05-02T09:00:00+02:00');
    expect(s.termijnen.map((t) => [t.naam, t.vervaldatum])).toEqual([
      ['contact', '2024-05-06'],
      ['nietBehandelenKennisgeving', '2024-05-29'],
      ['afhandeling', '2024-06-12'],
    ]);
    const w1 = c(s, 'TERMIJN_VERLOPEN', '2024-05-07T00:00:00+02:00', { termijn: 'contact' });
    const w2 = c(w1, 'TERMIJN_VERLOPEN', '2024-06-13T00:00:00+02:00', { termijn: 'afhandeling' });
    expect([w1.accepted, w2.accepted]).toEqual([true, true]);
    return w2;
  };

  /** The termijnen the klacht holds as missed (the reports of lateness read them). */
  const gemist = (r: StepResult) => (r.snapshot as { context: { verlopen: Array<{ naam: string }> } }).context.verlopen.map((v) => v.naam);

  it('contact made on its last day (6 May) met the contact termijn; the later wake-up of the afhandeltermijn still stands', () => {
    const na = c(beideGewekt(), 'CONTACT_OPGENOMEN', '2024-05-06T12:00:00+02:00');
    expect(na).toEqual(expect.objectContaining({ accepted: true, herroepen: ['contact'] }));
    expect(na.termijnen.map((t) => t.naam)).toEqual(['nietBehandelenKennisgeving', 'tweedeLijnVerzoek']);
    expect(gemist(na)).toEqual(['afhandeling']);
  });

  it('contact made at midnight after the last day came after the contact wake-up: that termijn had passed, nothing is revoked', () => {
    const na = c(beideGewekt(), 'CONTACT_OPGENOMEN', '2024-05-07T00:00:00+02:00');
    expect(na.accepted).toBe(true);
    expect(na.herroepen).toBeUndefined();
    expect(gemist(na)).toEqual(['contact', 'afhandeling']);
  });
});

describe('the order of time of acts', () => {
  it('two acts at the same moment are both in order', () => {
    const s = volg([
      ['FORMELE_BEHANDELING', '2024-05-02T09:00:00+02:00'],
      ['IN_BEHANDELING_NEMEN', '2024-05-02T09:00:00+02:00'],
    ]);
    expect(s.state).toBe('gemeente.inBehandeling');
  });

  it('an act before the last act is refused when no wake-up came since (nothing to step in between)', () => {
    const r = stap(inBehandeling(), 'AFDOENEN', '2024-05-06T08:00:00+02:00', { oordeel: 'gegrond' });
    expect(r).toEqual(expect.objectContaining({ accepted: false, reason: expect.stringContaining('ligt vóór de vorige gebeurtenis') }));
  });

  it('a late act at the very moment of the act registered late before it is in order too', () => {
    const eerste = stap(gewekt(), 'BESTUURLIJKE_IMPACT_MELDEN', '2024-06-12T15:00:00+02:00', { reden: 'wethouder betrokken' });
    const af = stap(eerste, 'AFDOENEN', '2024-06-12T15:00:00+02:00', { oordeel: 'ongegrond' });
    expect(af).toEqual(expect.objectContaining({ accepted: true, herroepen: ['afhandeling'] }));
  });
});

describe('Awb 9:11 lid 2: a refused verdaging names the rule of its guard', () => {
  const c = (s: StepResult, type: string, at: string, data?: Record<string, unknown>): StepResult =>
    metContact.step(JSON.parse(JSON.stringify(s.snapshot)), { type, at, ...(data ? { data } : {}) });
  const inOordeel = () => {
    let s = metContact.start(INTAKE);
    for (const [type, at, data] of [
      ['FORMELE_BEHANDELING', '2024-05-02T09:00:00+02:00'],
      ['IN_BEHANDELING_NEMEN', '2024-05-03T09:00:00+02:00'],
      ['HOREN_OVERSLAAN', '2024-05-03T10:00:00+02:00', { reden: 'afgezien' }],
    ] as Array<[string, string, Record<string, unknown>?]>)
      s = c(s, type, at, data);
    expect(s.accepted).toBe(true);
    return s;
  };

  it('VERDAGEN is offered while one running termijn may be extended, though another (contact) may not', () => {
    expect(inOordeel().volgendeEvents).toEqual(expect.arrayContaining(['VERDAGEN', 'UITSTEL_MET_INSTEMMING']));
    expect(inOordeel().termijnen.map((t) => t.naam)).toEqual(['contact', 'afhandeling']);
  });

  it('a termijn without verdagingMax cannot be extended; more than the maximum in total is refused with what is left', () => {
    const s = inOordeel();
    expect(c(s, 'VERDAGEN', '2024-05-03T11:00:00+02:00', { termijn: 'contact', duur: 'P1W' }).reason).toContain(
      'de termijn kent geen verdagingMax',
    );
    const een = c(s, 'VERDAGEN', '2024-05-03T11:00:00+02:00', { termijn: 'afhandeling', duur: 'P4W' });
    expect(een.accepted).toBe(true);
    const twee = c(een, 'VERDAGEN', '2024-05-03T12:00:00+02:00', { termijn: 'afhandeling', duur: 'P1W' });
    expect(twee.accepted).toBe(false);
    expect(twee.reason).toMatch(/^Verdaging met 1 week .* meer dan 4 weken \(Awb 9:11 lid 2\)\. Nog mogelijk: 0 dagen\./);
  });
});

describe('a step: the event and its moment are checked before the machine sees them', () => {
  it('an event type is in CAPITALS_WITH_UNDERSCORES', () => {
    const s = zeist.start(INTAKE);
    for (const type of ['formele_behandeling', '1FORMEEL', 'FORMELE-BEHANDELING', ' FORMELE_BEHANDELING', '']) {
      const r = stap(s, type, '2024-05-02T09:00:00+02:00');
      expect({ type, accepted: r.accepted, reason: r.reason }).toEqual({
        type,
        accepted: false,
        reason: expect.stringContaining('HOOFDLETTERS_MET_UNDERSCORES'),
      });
    }
    expect(zeist.step(s.snapshot, undefined as unknown as KlachtEvent).reason).toContain('HOOFDLETTERS_MET_UNDERSCORES');
    expect(zeist.step(s.snapshot, { type: 42, at: '2024-05-02T09:00:00+02:00' } as unknown as KlachtEvent).reason).toContain(
      'HOOFDLETTERS_MET_UNDERSCORES',
    );
    expect(stap(s, 'FORMELE_BEHANDELING_2', '2024-05-02T09:00:00+02:00').reason).not.toContain('HOOFDLETTERS');
  });

  it('the moment is ISO 8601, and a refused step changes nothing: same state, same clock, no intents', () => {
    const s = zeist.start(INTAKE);
    const r = stap(s, 'FORMELE_BEHANDELING', '2 mei 2024');
    expect(r).toEqual(
      expect.objectContaining({
        accepted: false,
        reason: expect.stringContaining("(nu: '2 mei 2024')"),
        state: s.state,
        intents: [],
        done: false,
      }),
    );
    expect(klokVan(r.snapshot)).toBe(klokVan(s.snapshot));
    expect(r.termijnen).toEqual(s.termijnen);
  });

  it('an event the step does not offer is refused naming the step and what is possible now', () => {
    const s = zeist.start(INTAKE);
    const r = stap(s, 'AFDOENEN', '2024-05-02T09:00:00+02:00', { oordeel: 'gegrond' });
    expect(r.accepted).toBe(false);
    expect(r.reason).toMatch(/^AFDOENEN \(.+\) past niet bij de huidige stap '.+' \(gemeente\.\w+\); mogelijk nu: /);
    expect(r.reason).toContain(s.volgendeEvents.join(', '));
  });

  it('an offered event whose guard says no is refused with the guard’s reason', () => {
    const s = inBehandeling();
    const r = stap(s, 'HERVATTEN', '2024-05-07T09:00:00+02:00', { termijn: 'afhandeling' });
    expect(r.accepted).toBe(false);
    expect(r.reason).not.toContain('past niet bij de huidige stap');
    expect(r.reason).not.toBe('HERVATTEN wordt nu niet geaccepteerd');
  });
});

describe('what a klacht offers next (volgendeEvents)', () => {
  it('sorted; termijn events only while a termijn runs, verdaging only for a termijn that may be extended (Awb 9:11 lid 2)', () => {
    const s = inBehandeling();
    expect(s.volgendeEvents).toEqual([...s.volgendeEvents].sort());
    expect(s.volgendeEvents).toEqual(expect.arrayContaining(['AFDOENEN', 'VERDAGEN', 'TERMIJN_VERLOPEN', 'OPSCHORTEN']));
    expect(s.volgendeEvents.some((e) => e.startsWith('xstate.') || e === '*')).toBe(false);
    // Without verdagingMax no termijn may be extended, so VERDAGEN is not offered; an expiry still is.
    const zonderVerdaging = laad(BASIS.filter((l) => l !== '    verdagingMax: P4W'));
    let z = zonderVerdaging.start(INTAKE);
    for (const [type, at, data] of [
      ['FORMELE_BEHANDELING', '2024-05-02T09:00:00+02:00'],
      ['IN_BEHANDELING_NEMEN', '2024-05-03T09:00:00+02:00'],
    ] as Array<[string, string, Record<string, unknown>?]>) {
      z = zonderVerdaging.step(z.snapshot, { type, at, ...(data ? { data } : {}) });
    }
    expect(z.accepted).toBe(true);
    expect(z.volgendeEvents).not.toContain('VERDAGEN');
    expect(z.volgendeEvents).not.toContain('UITSTEL_MET_INSTEMMING');
    expect(z.volgendeEvents).toContain('TERMIJN_VERLOPEN');
    // Events that are no termijn events stay offered whatever the termijnen allow.
    expect(z.volgendeEvents).toEqual(expect.arrayContaining(['HOREN_UITNODIGEN', 'HOREN_OVERSLAAN']));
  });

  it('with no termijn running, no termijn event is offered (at the ombudsman the gemeente runs no termijn)', () => {
    const af = volg([['AFDOENEN', '2024-05-13T10:00:00+02:00', { oordeel: 'ongegrond' }]], inBehandeling());
    const om = stap(af, 'VERZOEK_OMBUDSMAN', '2024-05-20T10:00:00+02:00');
    expect(om).toEqual(expect.objectContaining({ accepted: true, state: 'bijOmbudsman.onderzoek', termijnen: [] }));
    for (const e of ['TERMIJN_VERLOPEN', 'VERDAGEN', 'OPSCHORTEN', 'HERVATTEN', 'UITSTEL_MET_INSTEMMING'])
      expect(om.volgendeEvents).not.toContain(e);
    expect(om.volgendeEvents).toContain('RAPPORT_OMBUDSMAN');
  });

  it('a closed klacht offers nothing', () => {
    const af = volg([['AFDOENEN', '2024-05-13T10:00:00+02:00', { oordeel: 'ongegrond' }]], inBehandeling());
    const dicht = stap(af, 'TERMIJN_VERLOPEN', '2025-05-14T00:00:00+02:00', { termijn: 'tweedeLijnVerzoek' });
    expect(dicht).toEqual(expect.objectContaining({ done: true, volgendeEvents: [] }));
  });

  it('the termijnen come in order of their last day (contact on 6 May before afhandeling on 12 June, not by name)', () => {
    expect(metContact.start(INTAKE).termijnen.map((t) => t.naam)).toEqual(['contact', 'afhandeling']);
  });
});

describe('the klacht clock and state paths (persisted snapshots)', () => {
  it('klokVan is the moment of the last accepted event, on a live or a persisted snapshot; nothing for anything else', () => {
    const s = inBehandeling();
    expect(klokVan(s.snapshot)).toBe('2024-05-06T09:00:00+02:00');
    expect(klokVan(JSON.parse(JSON.stringify(s.snapshot)))).toBe('2024-05-06T09:00:00+02:00');
    expect(klokVan(undefined)).toBeUndefined();
    expect(klokVan(null)).toBeUndefined();
    expect(klokVan({})).toBeUndefined();
    expect(klokVan({ context: { nu: 5 } })).toBeUndefined();
  });

  it('statePad joins nested state names with dots', () => {
    expect(statePad('afgesloten')).toBe('afgesloten');
    expect(statePad({ gemeente: 'inBehandeling' })).toBe('gemeente.inBehandeling');
    expect(statePad({ bijOmbudsman: { onderzoek: 'horen' } })).toBe('bijOmbudsman.onderzoek.horen');
    expect(statePad({ gemeente: {} })).toBe('gemeente');
    expect(statePad({})).toBe('');
    expect(statePad({ gemeente: undefined } as never)).toBe('gemeente');
  });

  it('a snapshot that is not what step() gave is refused, naming what is expected; a JSON string is read', () => {
    const s = inBehandeling();
    expect(() => zeist.step({ value: 'gemeente' }, { type: 'AFDOENEN', at: '2024-05-07T09:00:00+02:00' })).toThrow('ongeldige snapshot');
    expect(() => zeist.step({ context: {} }, { type: 'AFDOENEN', at: '2024-05-07T09:00:00+02:00' })).toThrow('ongeldige snapshot');
    expect(() => zeist.step(null, { type: 'AFDOENEN', at: '2024-05-07T09:00:00+02:00' })).toThrow('ongeldige snapshot');
    const uitTekst = zeist.step(JSON.stringify(s.snapshot), {
      type: 'AFDOENEN',
      at: '2024-05-07T09:00:00+02:00',
      data: { oordeel: 'gegrond' },
    });
    expect(uitTekst.accepted).toBe(true);
  });

  it('the same persisted snapshot stepped twice gives the same answer (restored once, never changed in place)', () => {
    const s = inBehandeling();
    const snapshot = JSON.parse(JSON.stringify(s.snapshot));
    const een = zeist.step(snapshot, { type: 'AFDOENEN', at: '2024-05-07T09:00:00+02:00', data: { oordeel: 'gegrond' } });
    const twee = zeist.step(snapshot, { type: 'VERDAGEN', at: '2024-05-07T09:00:00+02:00', data: { termijn: 'afhandeling', duur: 'P4W' } });
    expect(een.state).not.toBe(twee.state);
    expect(termijn(twee, 'afhandeling')?.vervaldatum).toBe('2024-07-10');
    expect(zeist.step(snapshot, { type: 'AFDOENEN', at: '2024-05-07T09:00:00+02:00', data: { oordeel: 'gegrond' } })).toEqual(een);
  });
});

describe('the definition summary and faseVan', () => {
  it('the summary names the gemeente, version and validity; geldigTot only when the version has an end', () => {
    expect(zeist.summary).toEqual({
      id: expect.any(String),
      gemeente: { cbsCode: 'GM0355', naam: 'Zeist' },
      versie: '2024-01',
      geldigVanaf: '2024-01-01',
    });
    const metEind = maakRegime({ ...zeist.definitie, geldigTot: '2024-06-30' }, 'zeist-2024-01');
    expect(metEind.summary.geldigTot).toBe('2024-06-30');
  });

  it('a state lies in the fase of its deepest state that has one; an unknown path has none (never the fase of a neighbour)', () => {
    expect(zeist.faseVan('gemeente.inBehandeling')).toBe('gemeente');
    expect(zeist.faseVan('gemeente')).toBe('gemeente');
    expect(zeist.faseVan('afgesloten')).toBe('afgerond');
    expect(zeist.faseVan('')).toBeUndefined();
    expect(zeist.faseVan('bestaatNiet')).toBeUndefined();
    expect(zeist.faseVan('gemeente.bestaatNiet')).toBeUndefined();
    expect(zeist.faseVan('afgesloten.bestaatNiet')).toBeUndefined();
  });

  it('where a state names the second line, the description of the klacht names the body competent on its day', () => {
    const af = volg([['AFDOENEN', '2024-05-13T10:00:00+02:00', { oordeel: 'ongegrond' }]], inBehandeling());
    expect(zeist.beschrijfKlacht(af.state, { vandaag: '2024-05-14', sinds: '2024-05-13' })).toBe(
      'Afgedaan; de klager kan binnen een jaar naar de tweede lijn (Nationale ombudsman)',
    );
    // Before the body's geldigVanaf no body is competent: the state's own description.
    expect(zeist.beschrijfKlacht(af.state, { vandaag: '2023-12-01', sinds: '2023-12-01' })).toBe(zeist.beschrijfState(af.state));
    expect(zeist.beschrijfKlacht(af.state, { vandaag: '2023-12-01', sinds: '2023-12-01' })).not.toContain('{instantie}');
  });

  it('a state is described by its own description; an unknown path by itself, the empty path by nothing', () => {
    expect(zeist.beschrijfState('gemeente.inBehandeling')).toBe('In behandeling: onderzoek naar de gedraging');
    expect(zeist.beschrijfState('bestaatNiet')).toBe('bestaatNiet');
    expect(zeist.beschrijfState('')).toBe('');
    expect(zeist.beschrijfKlacht('bestaatNiet', { vandaag: '2024-05-06', sinds: '2024-05-06' })).toBe('bestaatNiet');
    expect(zeist.beschrijfKlacht('gemeente.inBehandeling', { vandaag: '2024-05-06', sinds: '2024-05-06' })).toBe(
      'In behandeling: onderzoek naar de gedraging',
    );
  });
});

describe('Awb 9:20 and 9:24 lid 1 sub b: the second line opens after the internal handling, or when the afhandeltermijn passed', () => {
  it('a klacht in handling does not offer the request to the ombudsman, and refuses it with the reason; after the wake-up it offers it', () => {
    const s = inBehandeling();
    expect(s.volgendeEvents).not.toContain('VERZOEK_OMBUDSMAN');
    const r = stap(s, 'VERZOEK_OMBUDSMAN', '2024-05-07T09:00:00+02:00');
    expect(r.accepted).toBe(false);
    expect(r.reason).toBe(
      'de klager kan nog niet naar de tweede lijn: eerst de interne klachtbehandeling (Awb 9:20), tenzij de afhandeltermijn verstreken is (Awb 9:24 lid 1 sub b)',
    );
    expect(stap(s, 'TERMIJN_VERLOPEN', WEKKER, { termijn: 'afhandeling' }).volgendeEvents).toContain('VERZOEK_OMBUDSMAN');
  });

  it('Awb 9:11 lid 1: a wake-up before the end of the last day is refused, naming the due date that still counts', () => {
    const r = stap(inBehandeling(), 'TERMIJN_VERLOPEN', '2024-06-12T23:00:00+02:00', { termijn: 'afhandeling' });
    expect(r.accepted).toBe(false);
    expect(r.reason).toContain("termijn 'afhandeling' is nog niet verstreken");
    expect(r.reason).toContain('die dag telt nog mee');
  });
});

describe('Wet arhi art. 40: after a herindeling every letter of a running klacht is sent on behalf of the successor', () => {
  // The successor takes Zeist over from 1 June 2024 (its regeling says so: neemtOver); before, Zeist itself, its code
  // spelled as another source may spell it. Made per test, not when the file loads: the regime's own code is tested here.
  const eigen = { ...zeist.definitie, gemeente: { ...zeist.definitie.gemeente, cbsCode: 'gm0355' } };
  const opvolger = {
    ...zeist.definitie,
    geldigVanaf: '2024-06-01',
    gemeente: { cbsCode: 'GM9998', naam: 'Opvolgerdam', neemtOver: [{ cbsCode: 'GM0355', naam: 'Zeist', vanaf: '2024-06-01' }] },
  };
  const opvolging = () => maakRegime(eigen, zeist.summary.id, { definities: () => [eigen, opvolger] });
  let regime: Regime;
  beforeEach(() => {
    regime = opvolging();
  });
  const o = (s: StepResult, type: string, at: string, data?: Record<string, unknown>): StepResult =>
    regime.step(JSON.parse(JSON.stringify(s.snapshot)), { type, at, ...(data ? { data } : {}) });
  const inBehandelingBijOpvolging = () => {
    let s = regime.start(INTAKE);
    for (const [type, at, data] of [
      ['FORMELE_BEHANDELING', '2024-05-02T09:00:00+02:00'],
      ['IN_BEHANDELING_NEMEN', '2024-05-03T09:00:00+02:00'],
    ] as Array<[string, string, Record<string, unknown>?]>)
      s = o(s, type, at, data);
    return s;
  };

  it('before the day the gemeente itself sends its letters; from that day the successor, the letter keeping its own data', () => {
    const s = inBehandelingBijOpvolging();
    const ervoor = o(s, 'VERDAGEN', '2024-05-31T09:00:00+02:00', { termijn: 'afhandeling', duur: 'P4W' });
    expect(ervoor.intents.length).toBeGreaterThan(0);
    expect(ervoor.intents.map((i) => i.data?.verantwoordelijkeGemeente)).toEqual(ervoor.intents.map(() => undefined));
    const erna = o(s, 'VERDAGEN', '2024-06-03T09:00:00+02:00', { termijn: 'afhandeling', duur: 'P4W' });
    expect(erna.intents.length).toBeGreaterThan(0);
    for (const i of erna.intents)
      expect(i.data).toEqual(expect.objectContaining({ verantwoordelijkeGemeente: 'Opvolgerdam', duur: 'P4W' }));
  });

  it("the wake-up's own letters too", () => {
    const w = o(inBehandelingBijOpvolging(), 'TERMIJN_VERLOPEN', WEKKER, { termijn: 'afhandeling' });
    expect(w.accepted).toBe(true);
    expect(w.intents.length).toBeGreaterThan(0);
    for (const i of w.intents) expect(i.data?.verantwoordelijkeGemeente).toBe('Opvolgerdam');
  });
});
