import { join } from 'node:path';
import { loadRegistry } from '../../machines';
import type { CompiledRegime, IntakeInput, KlachtEvent, StepResult } from '../../machines/contract';
import { geslotenDoorStap, type OpenVerlopen } from './nakoming';
import { eindVanDag } from './termijn-tijd';

// Compiled in the first test that needs them, not when the file loads: code a spec runs at load makes Stryker run every
// spec for each mutant in it (docs/adr/0005-mutation-testing.md).
let geladen: ReturnType<typeof loadRegistry> | undefined;
const registry = () => (geladen ??= loadRegistry(join(__dirname, '..', '..', '..', 'definitions')));
const regime = (id: string) => registry().regimes.find((r) => r.summary.id === id)!;

function volg(id: string, intake: IntakeInput, stappen: Array<[string, string, Record<string, unknown>?]>): StepResult {
  const r = regime(id);
  let s = r.start(intake);
  for (const [type, at, data] of stappen) {
    const n = r.step(s.snapshot, { type, at, ...(data ? { data } : {}) });
    if (!n.accepted) throw new Error(`${type}: ${n.reason}`);
    s = n;
  }
  return s;
}

const gemeente: IntakeInput = {
  gemeente: 'GM1904',
  kanaal: 'brief',
  ontvangenOp: '2026-03-02T10:00:00+01:00',
  ingediendBij: 'gemeente',
  soort: 'klacht',
  aanbieders: [],
  feiten: {},
};
const open = (naam: string, vervaldatum: string): OpenVerlopen => ({
  id: `id-${naam}`,
  naam,
  vervaldatum,
  vervaltOp: eindVanDag(vervaldatum),
});

describe('nakoming: a step meets a passed obligation when it would have ended the termijn had it still been running', () => {
  // Stichtse Vecht, received 2 March 2026: the Awb 9:11 afhandeltermijn ended 13 April; TERMIJN_VERLOPEN recorded.
  let gevolgd: StepResult | undefined;
  const verlopen = (): StepResult =>
    (gevolgd ??= volg('gm1904-stichtse-vecht', gemeente, [
      ['FORMELE_BEHANDELING', '2026-03-03T10:00:00+01:00'],
      ['IN_BEHANDELING_NEMEN', '2026-03-04T10:00:00+01:00'],
      ['TERMIJN_VERLOPEN', '2026-04-13T22:00:00Z', { termijn: 'afhandeling' }],
    ]));
  const afhandeling = () => open('afhandeling', '2026-04-13');

  test('Awb 9:11: the regime no longer runs the passed afhandeltermijn (only the 9:24 year), so nothing else would say when it is met', () => {
    expect(verlopen().termijnen.map((t) => t.naam)).toEqual(['tweedeLijnVerzoek']);
  });

  test('a step within the handling (the invitation to be heard) does not meet it', () => {
    const r = regime('gm1904-stichtse-vecht');
    expect(
      geslotenDoorStap(r, verlopen().snapshot, { type: 'HOREN_UITNODIGEN', at: '2026-04-20T10:00:00+02:00' }, [afhandeling()]),
    ).toEqual([]);
  });

  test('Awb 9:12: the afdoening meets it, late (status verlopen)', () => {
    const r = regime('gm1904-stichtse-vecht');
    const horen = r.step(verlopen().snapshot, { type: 'HOREN_OVERSLAAN', at: '2026-04-20T10:00:00+02:00', data: { reden: 'afgezien' } });
    expect(horen.accepted).toBe(true);
    expect(
      geslotenDoorStap(r, horen.snapshot, { type: 'AFDOENEN', at: '2026-05-01T10:00:00+02:00', data: { oordeel: 'gegrond' } }, [
        afhandeling(),
      ]),
    ).toEqual([{ id: 'id-afhandeling', naam: 'afhandeling', status: 'verlopen' }]);
  });

  test('a refused step meets nothing', () => {
    const r = regime('gm1904-stichtse-vecht');
    expect(
      geslotenDoorStap(r, verlopen().snapshot, { type: 'AFDOENEN', at: '2026-05-01T10:00:00+02:00', data: { oordeel: 'gegrond' } }, [
        afhandeling(),
      ]),
    ).toEqual([]);
  });

  test('Klachtenprotocol Wmo keten Amsterdam §6: a late contact is met by the contact, the klacht staying with the aanbieder', () => {
    const aanbieder = volg(
      'gm0363-amsterdam',
      {
        ...gemeente,
        gemeente: 'GM0363',
        ontvangenOp: '2026-06-01T10:00:00+02:00',
        ingediendBij: 'aanbieder',
        aanbieders: [{ id: 'zorgbalans', type: 'wmo' }],
      },
      [['TERMIJN_VERLOPEN', '2026-06-08T22:00:00Z', { termijn: 'contact' }]],
    );
    const r = regime('gm0363-amsterdam');
    expect(
      geslotenDoorStap(r, aanbieder.snapshot, { type: 'CONTACT_OPGENOMEN', at: '2026-06-10T10:00:00+02:00' }, [
        open('contact', '2026-06-08'),
      ]),
    ).toEqual([{ id: 'id-contact', naam: 'contact', status: 'verlopen' }]);
  });
});

describe('nakoming: what the replay of a step is given, and when it gives no answer', () => {
  const afdoening: KlachtEvent = { type: 'AFDOENEN', at: '2026-05-01T10:00:00+02:00', data: { oordeel: 'gegrond' } };
  const jaar = { naam: 'tweedeLijnVerzoek', vanaf: '2026-04-13T22:00:00Z', mutaties: [] };
  /** A regime whose step reports `lopend` as running after it (accepted unless told), and remembers what it was given. */
  function regimeDat(uit: { accepted?: boolean; lopend?: string[]; gooit?: boolean } = {}) {
    const step = jest.fn((_snapshot: unknown, _event: KlachtEvent): Partial<StepResult> => {
      if (uit.gooit) throw new Error('snapshot van een andere versie');
      return { accepted: uit.accepted ?? true, termijnen: (uit.lopend ?? []).map((naam) => ({ naam }) as StepResult['termijnen'][number]) };
    });
    return { regime: { step } as unknown as CompiledRegime, step };
  }
  const snapshot = {
    value: 'gemeente',
    context: { termijnen: { tweedeLijnVerzoek: jaar }, nu: '2026-04-13T22:00:00Z', voorWekkers: [{}] },
  };

  test("the step is replayed on the klacht's own context: what still runs stays, the passed obligation runs again from the act, without the clock and the kept wake-ups", () => {
    const { regime, step } = regimeDat({ lopend: ['tweedeLijnVerzoek'] });
    expect(geslotenDoorStap(regime, snapshot, afdoening, [open('afhandeling', '2026-04-13')])).toEqual([
      { id: 'id-afhandeling', naam: 'afhandeling', status: 'verlopen' },
    ]);
    expect(step).toHaveBeenCalledWith(
      {
        value: 'gemeente',
        context: { termijnen: { tweedeLijnVerzoek: jaar, afhandeling: { naam: 'afhandeling', vanaf: afdoening.at, mutaties: [] } } },
      },
      afdoening,
    );
  });

  test('an obligation whose name runs again in the klacht is left to the engine (the new termijn is the obligation now), also when it is the only one', () => {
    const { regime, step } = regimeDat();
    const twee = [open('afhandeling', '2026-04-13'), open('tweedeLijnVerzoek', '2026-04-13')];
    expect(geslotenDoorStap(regime, snapshot, afdoening, twee).map((e) => e.naam)).toEqual(['afhandeling']);
    expect(geslotenDoorStap(regime, snapshot, afdoening, [open('tweedeLijnVerzoek', '2026-04-13')])).toEqual([]);
    // Then there is nothing to decide, and the step is not replayed (a replay costs as much as the step itself).
    expect(step).toHaveBeenCalledTimes(1);
  });

  test('a regime that keeps its termijnen elsewhere gets no answer: nothing is closed, the klacht stays te laat until the obligation starts again or the klacht ends', () => {
    const { regime, step } = regimeDat();
    for (const vorige of [
      null,
      undefined,
      {},
      { context: {} },
      { context: { termijnen: null } },
      { context: { termijnen: 'afhandeling' } },
    ]) {
      expect(geslotenDoorStap(regime, vorige, afdoening, [open('afhandeling', '2026-04-13')])).toEqual([]);
    }
    expect(step).not.toHaveBeenCalled();
  });

  test('a refused act did not happen, so it meets nothing, whatever the regime reports as running', () => {
    const { regime } = regimeDat({ accepted: false });
    expect(geslotenDoorStap(regime, snapshot, afdoening, [open('afhandeling', '2026-04-13')])).toEqual([]);
  });

  test('a step the regime cannot replay closes nothing, and the act itself goes on', () => {
    const { regime, step } = regimeDat({ gooit: true });
    expect(geslotenDoorStap(regime, snapshot, afdoening, [open('afhandeling', '2026-04-13')])).toEqual([]);
    expect(step).toHaveBeenCalledTimes(1);
  });
});
