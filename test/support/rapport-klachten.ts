/**
 * Stichtse Vecht's klachten for the report's termijn class (Awb 9:11 lid 1, 2 and 3 with Uitgangspunten
 * klachtenmanagement Sociaal Domein §10 and contract art. 11.1; docs/te-laat.md): each received on Thursday 2 April 2026
 * (the afhandeltermijn ends Monday 18 May), handled formally without a hoorzitting, then taken through the test's own
 * steps, through the engine on its seed definition with a fixed clock (KLOK); no worker runs (ROLE=api). For the tests
 * of that class (rapport-klasse-verlenging, rapport-tijd-uitstel).
 */
import { KLOK, vasteKlok } from '../../src/common/klok';
import { intake } from '../../src/machines/intake.spec-hulp';
import { eigenEngine, type EigenEngine } from './eigen-engine';

/** The service's clock: after the report period 1 November 2025 - 30 April 2026 and its deadline. */
export const RAPPORT_NU = new Date('2026-07-06T10:00:00Z');
/** The peildatum of Stichtse Vecht's report over 1 November 2025 - 30 April 2026: 00:00 on its deadline, 1 July 2026. */
export const RAPPORT_DEADLINE = new Date('2026-07-01T00:00:00+02:00');
/** The day every klacht is received. */
export const ONTVANGEN = '2026-04-02';

/** An event: type, moment, data. */
export type Stap = [string, string, Record<string, unknown>?];

/** Formal handling up to the afdoening: in behandeling 6 April, no hoorzitting 7 April. */
export const BEHANDELING: Stap[] = [
  ['FORMELE_BEHANDELING', '2026-04-03T10:00:00+02:00'],
  ['IN_BEHANDELING_NEMEN', '2026-04-06T10:00:00+02:00'],
  ['HOREN_OVERSLAAN', '2026-04-07T10:00:00+02:00', { reden: 'afgezien' }],
];

/** The app (`a`), its database (`tdb`) and `close` (afterAll), with: */
export interface RapportKlachten extends EigenEngine {
  /** A klacht received on ONTVANGEN, through BEHANDELING and then `stappen`, each accepted (else it throws); its id. */
  klacht(stappen: Stap[]): Promise<string>;
}

export async function rapportKlachten(naam: string): Promise<RapportKlachten> {
  const basis = await eigenEngine(naam, {
    env: { SWEEP_INTERVAL_MS: '600000' },
    override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(RAPPORT_NU)),
  });
  const { a } = basis;
  return {
    ...basis,
    async klacht(stappen) {
      const { klacht: k } = await a.engine.create(intake({ ontvangenOp: `${ONTVANGEN}T10:00:00+02:00` }), { actor: 'kcc' });
      for (const [type, at, data] of [...BEHANDELING, ...stappen]) {
        const r = await a.engine.apply(k.id, { type, at, ...(data ? { data } : {}) }, { actor: 'behandelaar' });
        // A refused step would leave the klacht short of the class the test expects of it: say so here.
        if (!r.result.accepted) throw new Error(`${type} geweigerd: ${r.result.reason}`);
      }
      return k.id;
    },
  };
}
