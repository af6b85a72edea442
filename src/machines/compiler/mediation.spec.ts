/**
 * Mediation only with the klager's consent ("Uitgangspunten klachtenmanagement Sociaal Domein Stichtse
 * Vecht §11"; Awb 9:5 as the informal way out). Run on every seed definition that allows mediation, through
 * the pure API with persisted JSON snapshots.
 */
import { join } from 'node:path';
import type { IntakeInput, StepResult } from '../contract';
import { loadRegistry } from '../index';
import type { Regime } from '../regime';

// Loaded in beforeAll, not when the file loads: a filtered run (jest -t, mutation testing) skips it.
let mediationRegimes: Regime[] = [];
beforeAll(() => {
  const registry = loadRegistry(join(__dirname, '..', '..', '..', 'definitions'));
  expect(registry.errors).toEqual([]);
  mediationRegimes = (registry.regimes as Regime[]).filter((r) => r.definitie.stappen.mediation?.toegestaan);
});

const op = (dag: string) => `${dag}T12:00:00+02:00`;

/** A formal klacht about the gemeente itself, taken into handling (Awb 9:6, 9:8 passed). */
function inBehandeling(r: Regime): StepResult {
  const intake: IntakeInput = {
    gemeente: r.summary.gemeente.cbsCode,
    kanaal: 'brief',
    ontvangenOp: `${r.definitie.geldigVanaf}T10:00:00+02:00`,
    ingediendBij: 'gemeente',
    soort: 'klacht',
    aanbieders: [],
    feiten: {},
  };
  let s = r.start(intake);
  const dag = r.definitie.geldigVanaf;
  for (const type of ['FORMELE_BEHANDELING', 'IN_BEHANDELING_NEMEN']) {
    const volgende = r.step(JSON.parse(JSON.stringify(s.snapshot)), { type, at: op(dag) });
    if (!volgende.accepted) throw new Error(`${r.summary.id}: ${type} geweigerd in ${s.state}: ${volgende.reason}`);
    s = volgende;
  }
  expect(s.state).toBe('gemeente.inBehandeling');
  return s;
}

describe("mediation needs the klager's consent (Stichtse Vecht §11)", () => {
  test('the seeds that allow mediation are Stichtse Vecht, Weesp and Wijdemeren', () => {
    expect(mediationRegimes.map((r) => r.summary.id).sort()).toEqual(['gm0457-weesp', 'gm1696-wijdemeren', 'gm1904-stichtse-vecht']);
  });

  test('MEDIATION_STARTEN without instemmingKlager is refused, names the missing consent, and leaves the klacht in behandeling', () => {
    for (const r of mediationRegimes) {
      const s = inBehandeling(r);
      for (const data of [undefined, {}, { instemmingKlager: false }, { instemmingKlager: 'true' }, { instemmingKlager: 1 }]) {
        const geweigerd = r.step(JSON.parse(JSON.stringify(s.snapshot)), {
          type: 'MEDIATION_STARTEN',
          at: op(r.definitie.geldigVanaf),
          ...(data ? { data } : {}),
        });
        expect([r.summary.id, data, geweigerd.accepted]).toEqual([r.summary.id, data, false]);
        expect(geweigerd.reason).toContain('instemmingKlager');
        expect(geweigerd.state).toBe('gemeente.inBehandeling');
      }
    }
  });

  test('MEDIATION_STARTEN with instemmingKlager: true starts mediation', () => {
    for (const r of mediationRegimes) {
      const s = r.step(JSON.parse(JSON.stringify(inBehandeling(r).snapshot)), {
        type: 'MEDIATION_STARTEN',
        at: op(r.definitie.geldigVanaf),
        data: { instemmingKlager: true },
      });
      expect([r.summary.id, s.accepted, s.state]).toEqual([r.summary.id, true, 'gemeente.mediation']);
    }
  });
});
