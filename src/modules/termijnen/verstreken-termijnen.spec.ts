/**
 * The one rule for which termijnen have passed at a moment (verstreken-termijnen.ts), as the engine holds an event to it
 * (achterstalligeTermijn, on rows) and as the dry runs step their expiries by it (verloop-vooraf.ts naVerstreken, on a
 * klacht in memory). Through the engine and PostgreSQL: test/wekker-en-late-registratie.test.ts,
 * test/proef-achterstand.test.ts, test/import-herstel.test.ts.
 */
import { join } from 'node:path';
import type { CompiledRegime, IntakeInput, KlachtEvent, StepResult, TermijnMutatie } from '../../machines/contract';
import { BASIS, ruimTijdelijkeMappenOp, schrijfBestanden, TESTDAM } from '../../machines/definition/test-fixture';
import { loadAndValidate } from '../../machines/definition/validate';
import { maakRegime, type Regime } from '../../machines/regime';
import { eindVanDag } from './termijn-tijd';
import { naVerstreken, vervalMoment, type StandInGeheugen } from './verloop-vooraf';
import { achterstalligeTermijn, type TermijnRijVoorVerloop } from './verstreken-termijnen';

const rij = (naam: string, vervaldatum: string, over: Partial<TermijnRijVoorVerloop> = {}): TermijnRijVoorVerloop => ({
  naam,
  status: 'lopend',
  vervaltOp: eindVanDag(vervaldatum),
  vervalGemeldOp: null,
  mutaties: [],
  ...over,
});

const opschorting: TermijnMutatie = { soort: 'opschorting', at: '2024-05-03T09:00:00+02:00', vervaldatumNa: '2024-05-06' };
const hervatting: TermijnMutatie = { soort: 'hervatting', at: '2024-05-04T09:00:00+02:00', vervaldatumNa: '2024-05-07' };

describe('Awb 9:11 lid 1 with 9:24 lid 1 sub b: which termijn has passed before an event (achterstalligeTermijn)', () => {
  it('Awb 9:11 lid 1: a termijn passes at the end of its last day (midnight Europe/Amsterdam), not a moment before', () => {
    const t = rij('afhandeling', '2024-06-12');
    expect(achterstalligeTermijn([t], '2024-06-13T00:00:00+02:00')).toBe(t);
    expect(achterstalligeTermijn([t], '2024-06-12T23:59:59.999+02:00')).toBeUndefined();
  });

  it('a suspended termijn does not pass (Klachtenprotocol Wmo keten Amsterdam §6); resumed, it does', () => {
    const opgeschort = rij('contact', '2024-05-06', { mutaties: [opschorting] });
    expect(achterstalligeTermijn([opgeschort], '2024-05-08T09:00:00+02:00')).toBeUndefined();
    const hervat = rij('contact', '2024-05-06', { mutaties: [opschorting, hervatting] });
    expect(achterstalligeTermijn([hervat], '2024-05-08T09:00:00+02:00')).toBe(hervat);
  });

  it('a termijn whose expiry ran, or that no longer runs, does not pass again', () => {
    const at = '2024-06-13T09:00:00+02:00';
    expect(achterstalligeTermijn([rij('afhandeling', '2024-06-12', { vervalGemeldOp: new Date('2024-06-13T00:00:05+02:00') })], at)).toBe(
      undefined,
    );
    expect(achterstalligeTermijn([rij('afhandeling', '2024-06-12', { status: 'nagekomen' })], at)).toBeUndefined();
  });

  it('of several, the one that passed last (its wake-up fires the earlier ones first); on one day the last by name', () => {
    const contact = rij('contact', '2024-05-06');
    const afhandeling = rij('afhandeling', '2024-06-12');
    const later = rij('tweedeLijnVerzoek', '2024-06-20');
    expect(achterstalligeTermijn([afhandeling, contact, later], '2024-06-13T09:00:00+02:00')).toBe(afhandeling);
    const zelfdeDag = rij('nietBehandelenKennisgeving', '2024-06-12');
    expect(achterstalligeTermijn([zelfdeDag, afhandeling, contact], '2024-06-13T09:00:00+02:00')).toBe(zelfdeDag);
    expect(achterstalligeTermijn([afhandeling, zelfdeDag, contact], '2024-06-13T09:00:00+02:00')).toBe(zelfdeDag);
  });
});

/**
 * The BASIS fixture (Zeist 2024-01): an afhandeltermijn of six weeks, Algemene termijnenwet applied. Compiled in the first
 * test that needs it, never when the file loads: a mutant of the compiler then fails those tests, not the whole file
 * (docs/adr/0005-mutation-testing.md).
 */
let gecompileerd: Regime | undefined;
function zeist(): Regime {
  if (!gecompileerd) {
    const r = loadAndValidate([join(schrijfBestanden({ [TESTDAM]: BASIS }), 'definitions')]);
    ruimTijdelijkeMappenOp();
    expect(r.errors).toEqual([]);
    gecompileerd = maakRegime(r.definities[0].definitie, r.definities[0].id);
  }
  return gecompileerd;
}

const INTAKE: IntakeInput = {
  gemeente: 'GM0355',
  kanaal: 'brief',
  ontvangenOp: '2024-05-01T10:00:00+02:00',
  ingediendBij: 'gemeente',
  soort: 'klacht',
  aanbieders: [],
  feiten: { complex: true },
};

/** Received 1 May 2024, handled formally: the regime ends the afhandeltermijn on Wednesday 12 June 2024. */
function inBehandeling(): StepResult {
  let s = zeist().start(INTAKE);
  for (const [type, at, data] of [
    ['FORMELE_BEHANDELING', '2024-05-02T09:00:00+02:00'],
    ['IN_BEHANDELING_NEMEN', '2024-05-03T09:00:00+02:00'],
    ['HOREN_OVERSLAAN', '2024-05-06T09:00:00+02:00', { reden: 'afgezien' }],
  ] as const) {
    s = zeist().step(JSON.parse(JSON.stringify(s.snapshot)), { type, at, ...(data ? { data } : {}) });
    expect(s.accepted).toBe(true);
  }
  expect(s.termijnen.find((t) => t.naam === 'afhandeling')?.vervaldatum).toBe('2024-06-12');
  return s;
}

/** The klacht as stored: its rows, of which the afhandeltermijn's stands on `dag`. */
const metRijen = (s: StepResult, dag: string): StandInGeheugen => ({
  snapshot: s.snapshot,
  state: s.state,
  termijnen: s.termijnen.map((t) => ({ naam: t.naam, vervaldatum: t.naam === 'afhandeling' ? dag : t.vervaldatum })),
});

const afhandeling = (s: StandInGeheugen) => s.termijnen.find((t) => t.naam === 'afhandeling');

/** Received 1 May 2024 and taken into formal handling at `at`: the four weeks of Awb 9:8 lid 3 (29 May) and the afhandeltermijn run. */
function formeel(at = '2024-05-02T09:00:00+02:00'): StepResult {
  const s = zeist().step(zeist().start(INTAKE).snapshot, { type: 'FORMELE_BEHANDELING', at });
  expect([s.accepted, s.termijnen.map((t) => [t.naam, t.vervaldatum])]).toEqual([
    true,
    [
      ['nietBehandelenKennisgeving', '2024-05-29'],
      ['afhandeling', '2024-06-12'],
    ],
  ]);
  return s;
}

/**
 * The regime with its steps counted: a dry run that keeps stepping the same expiry fails here instead of never ending.
 * `weigerVerloop` gives the klacht's own state with every TERMIJN_VERLOPEN refused (a regime whose state does not take
 * the expiry: the CompiledRegime contract allows it; the wake-up then marks the row fired all the same).
 */
function geteld(weigerVerloop?: StepResult): { regime: CompiledRegime; stappen: KlachtEvent[] } {
  const stappen: KlachtEvent[] = [];
  const regime: CompiledRegime = {
    ...zeist(),
    step: (snapshot, e) => {
      stappen.push(e);
      if (stappen.length > 10) throw new Error(`de proef blijft stappen: ${JSON.stringify(stappen.slice(-2))}`);
      return weigerVerloop && e.type === 'TERMIJN_VERLOPEN'
        ? { ...weigerVerloop, accepted: false, reason: 'niet in deze stand', intents: [] }
        : zeist().step(snapshot, e);
    },
  };
  return { regime, stappen };
}

const verlopen = (s: StandInGeheugen) =>
  (s.snapshot as { context: { verlopen: { naam: string; vervaldatum: string; verlopenOp: string }[] } }).context.verlopen;

describe('Awb 9:11 lid 1: the dry run steps the expiries by the same rule (naVerstreken)', () => {
  it('the afhandeltermijn passes at midnight after its last day: an act of the next morning finds it passed, one of the last day not', () => {
    const s = inBehandeling();
    expect(afhandeling(naVerstreken(zeist(), metRijen(s, '2024-06-12'), '2024-06-12T23:59:59+02:00'))).toBeDefined();
    const na = naVerstreken(zeist(), metRijen(s, '2024-06-12'), '2024-06-13T00:00:00+02:00');
    expect(afhandeling(na)).toBeUndefined();
    // Awb 9:24 lid 1 sub b: from then the klager may go to the ombudsman.
    expect(na.termijnen.map((t) => t.naam)).toContain('tweedeLijnVerzoek');
  });

  it('a suspended termijn does not pass', () => {
    const s = inBehandeling();
    const stand = metRijen(s, '2024-06-12');
    const opgeschort = { ...stand, termijnen: stand.termijnen.map((t) => ({ ...t, opgeschortSinds: '2024-05-10' })) };
    expect(naVerstreken(zeist(), opgeschort, '2024-06-20T09:00:00+02:00')).toBe(opgeschort);
  });

  it('Awb 9:11 lid 1: every termijn passed by the moment is stepped, one after the other in due order (the four weeks of Awb 9:8 lid 3, then the afhandeltermijn)', () => {
    const gestapt: KlachtEvent[] = [];
    const na = naVerstreken(geteld().regime, metRijen(formeel(), '2024-06-12'), '2024-06-13T09:00:00+02:00', undefined, gestapt);
    expect(verlopen(na).map((v) => [v.naam, v.vervaldatum])).toEqual([
      ['nietBehandelenKennisgeving', '2024-05-29'],
      ['afhandeling', '2024-06-12'],
    ]);
    // Each at the moment its last day ended: the history rows the registration writes for them.
    expect(gestapt.map((e) => [e.type, e.data?.termijn, e.at])).toEqual([
      ['TERMIJN_VERLOPEN', 'nietBehandelenKennisgeving', '2024-05-29T22:00:00.000Z'],
      ['TERMIJN_VERLOPEN', 'afhandeling', '2024-06-12T22:00:00.000Z'],
    ]);
    // Awb 9:24 lid 1 sub b: the year for the ombudsman runs from the last day of the afhandeltermijn.
    expect(na.termijnen.map((t) => t.naam)).toEqual(['tweedeLijnVerzoek']);
  });

  it('Awb 9:11 lid 1: a termijn passes once on its last day: whose expiry already ran (name and last day) is not stepped again; moved to another last day, it passes on that one', () => {
    const stand = metRijen(formeel(), '2024-06-12');
    const op = '2024-05-31T09:00:00+02:00';
    const gevuurd = new Set(['nietBehandelenKennisgeving|2024-05-29']);
    expect(naVerstreken(geteld().regime, stand, op, gevuurd)).toBe(stand);
    // Its expiry ran while its row stood on another last day (27 May): on 29 May it has not been stepped, so it passes.
    const verplaatst = new Set(['nietBehandelenKennisgeving|2024-05-27']);
    const na = naVerstreken(geteld().regime, stand, op, verplaatst);
    expect(na.termijnen.map((t) => t.naam)).toEqual(['afhandeling']);
    // The caller's set holds the expiries stepped here too, by the same key.
    expect([...verplaatst]).toEqual(['nietBehandelenKennisgeving|2024-05-27', 'nietBehandelenKennisgeving|2024-05-29']);
  });

  it('Awb 9:11 lid 1: an expiry is stepped at its due moment, or at the klacht’s clock where that lies later (formal handling registered after the four weeks of Awb 9:8 lid 3 had ended)', () => {
    const dag = eindVanDag('2024-05-29');
    expect(vervalMoment(dag, undefined)).toBe(dag);
    expect(vervalMoment(dag, '2024-05-20T10:00:00+02:00')).toBe(dag);
    expect(vervalMoment(dag, 'gisteren')).toBe(dag);
    expect(vervalMoment(dag, '2024-05-31T10:00:00+02:00').toISOString()).toBe('2024-05-31T08:00:00.000Z');
    // The klacht's last event lies after the moment the four weeks passed: stepped at its due moment the regime would
    // refuse the expiry as lying before that event, and the dry run would keep the termijn running.
    const laat = formeel('2024-05-31T10:00:00+02:00');
    const na = naVerstreken(geteld().regime, metRijen(laat, '2024-06-12'), '2024-05-31T12:00:00+02:00');
    expect(verlopen(na)).toEqual([
      { naam: 'nietBehandelenKennisgeving', vervaldatum: '2024-05-29', verlopenOp: '2024-05-31T08:00:00.000Z' },
    ]);
    expect(na.termijnen.map((t) => t.naam)).toEqual(['afhandeling']);
  });

  it('an expiry the regime refuses on its own last day (in a state that does not take it; the wake-up marks it fired all the same) is asked once, and the klacht stays as it stands', () => {
    const s = formeel();
    const stand = metRijen(s, '2024-06-12');
    const { regime, stappen } = geteld(s);
    const gevuurd = new Set<string>();
    const gestapt: KlachtEvent[] = [];
    expect(naVerstreken(regime, stand, '2024-06-13T09:00:00+02:00', gevuurd, gestapt)).toBe(stand);
    expect(stappen.map((e) => e.data?.termijn)).toEqual(['nietBehandelenKennisgeving', 'afhandeling']);
    expect([...gevuurd]).toEqual(['nietBehandelenKennisgeving|2024-05-29', 'afhandeling|2024-06-12']);
    // Refused, so no history row is written for them.
    expect(gestapt).toEqual([]);
  });

  describe('Algemene termijnenwet art. 3 lid 3 with Awb 9:11 lid 1: a row written under an older calendar stands on an earlier day than the regime', () => {
    // The row says Monday 10 June (a release that did not know a day the regime now moves the due day past); the regime
    // ends the termijn on 12 June. The wake-up then moves the row to the regime's day (TermijnWakeService.werkBij), and the
    // registration expires it on that day: the dry run must too.
    it('between the row’s last day and the regime’s the termijn has not passed', () => {
      const stand = metRijen(inBehandeling(), '2024-06-10');
      const na = naVerstreken(zeist(), stand, '2024-06-12T09:00:00+02:00');
      expect(na.snapshot).toBe(stand.snapshot);
      expect(afhandeling(na)).toBeDefined();
    });

    it('only that termijn takes the regime’s day (another running beside it keeps its own), and has not passed before it', () => {
      // The four weeks of Awb 9:8 lid 3 run beside it (their expiry ran already: the caller's row is marked fired), and the
      // regime lists them first (the earlier last day).
      const stand = metRijen(formeel(), '2024-06-10');
      const na = naVerstreken(geteld().regime, stand, '2024-06-11T09:00:00+02:00', new Set(['nietBehandelenKennisgeving|2024-05-29']));
      expect(na.snapshot).toBe(stand.snapshot);
      expect(na.termijnen).toEqual([
        { naam: 'nietBehandelenKennisgeving', vervaldatum: '2024-05-29' },
        { naam: 'afhandeling', vervaldatum: '2024-06-12' },
      ]);
    });

    it('after the regime’s last day it has passed, as the registration expires it (the dry run used to keep it running)', () => {
      const na = naVerstreken(zeist(), metRijen(inBehandeling(), '2024-06-10'), '2024-06-13T09:00:00+02:00');
      expect(afhandeling(na)).toBeUndefined();
      expect(na.termijnen.map((t) => t.naam)).toContain('tweedeLijnVerzoek');
    });
  });
});
