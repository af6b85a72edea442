/**
 * Amsterdam's seed definition changed as a contract with an aanbieder may change it (a termijn counted in werkdagen,
 * `opschorting`, the Algemene termijnenwet declared applicable: none of the seeds does), served by a real engine app on
 * PostgreSQL in place of the compiled definitions; no worker runs (ROLE=api). `amsterdamContractApi` makes the service's
 * clock the test's (KLOK) and sends events through the API at the moments the test sets. For the tests of the termijn
 * ledger on such a contract (opschorting, opschorting-atw, verdaging-werkdagen, herinnering-tijd-opschorting,
 * aanbieder-termijnen-niet-nagekomen).
 */
import { join } from 'node:path';
import request from 'supertest';
import { KLOK, type Klok } from '../../src/common/klok';
import { loadRegistry } from '../../src/machines';
import type { IntakeInput } from '../../src/machines/contract';
import { intake } from '../../src/machines/intake.spec-hulp';
import { maakRegime, type Regime } from '../../src/machines/regime';
import { REGIME_BRON, type RegimeBron } from '../../src/modules/engine/regime-bron';
import { bearer } from '../auth-support';
import type { VerstelbareKlok } from './amsterdam-twee-versies';
import { eigenEngine, type EigenEngine } from './eigen-engine';

export type AmsterdamDefinitie = Regime['definitie'];

/** Amsterdam's seed definition (a copy) as `wijzig` leaves it, as the only regime GM0363 has. */
export function amsterdamBron(wijzig: (definitie: AmsterdamDefinitie) => void): RegimeBron {
  const seeds = loadRegistry(join(__dirname, '..', '..', 'definitions'));
  const amsterdam = seeds.regimes.find((r) => r.summary.id === 'gm0363-amsterdam') as Regime;
  const definitie = structuredClone(amsterdam.definitie);
  wijzig(definitie);
  const regime = maakRegime(definitie, 'gm0363-amsterdam');
  return {
    forGemeente: (code) => (code === 'GM0363' ? regime : undefined),
    byId: (id, versie) => (id === regime.summary.id && versie === regime.summary.versie ? regime : undefined),
  };
}

/** A klacht filed with Amsterdam's aanbieder Zorg West (a1) at `ontvangenOp`. */
export function aanbiederIntakeOp(ontvangenOp: string): IntakeInput {
  return intake({
    gemeente: 'GM0363',
    ontvangenOp,
    ingediendBij: 'aanbieder',
    aanbieders: [{ id: 'a1', naam: 'Zorg West', type: 'wmo' }],
    feiten: { aantalAanbieders: 1 },
  });
}

/** The app (`a`), its database (`tdb`) and `close` (afterAll), with: */
export interface AmsterdamContract extends EigenEngine {
  /** A klacht filed with the aanbieder (aanbiederIntakeOp), through the engine as the KCC; its id. */
  bijAanbieder(ontvangenOp: string): Promise<string>;
  /** The aanbieder's handling termijn of a klacht, its latest revision: revision, last day, status. */
  aanbiederAfhandeling(id: string): Promise<{ revision: number; vervaldatum: string; status: string }>;
}

export interface AmsterdamContractApi extends AmsterdamContract {
  /** Bearer header of a klachtbehandelaar of Amsterdam. */
  sleutel: string;
  /**
   * An event through the API as that klachtbehandelaar, with the service's clock set to `op` first (no `at`: the
   * service takes its now); the answer, whatever it is.
   */
  gebeurtenis(id: string, op: string, type: string, data?: Record<string, unknown>): Promise<request.Response>;
}

/** The clock the test sets (`moment`), starting at `start`. */
export function klokOp(start: string): VerstelbareKlok {
  const klok: VerstelbareKlok = { moment: new Date(start), nu: () => new Date(klok.moment.getTime()) };
  return klok;
}

export async function amsterdamContract(
  naam: string,
  wijzig: (definitie: AmsterdamDefinitie) => void,
  klok?: Klok,
): Promise<AmsterdamContract> {
  const bron = amsterdamBron(wijzig);
  const basis = await eigenEngine(naam, {
    env: { SWEEP_INTERVAL_MS: '600000' },
    override: (b) => {
      const metBron = b.overrideProvider(REGIME_BRON).useValue(bron);
      return klok ? metBron.overrideProvider(KLOK).useValue(klok) : metBron;
    },
  });
  const { a } = basis;
  return {
    ...basis,
    async bijAanbieder(ontvangenOp) {
      const { klacht } = await a.engine.create(aanbiederIntakeOp(ontvangenOp), { actor: 'kcc' });
      return klacht.id;
    },
    async aanbiederAfhandeling(id) {
      return (
        (await a.db.query(
          `select revision, vervaldatum::text as vervaldatum, status from termijn where klacht_id = $1 and naam = 'aanbiederAfhandeling' order by revision desc`,
          [id],
        )) as Array<{ revision: number; vervaldatum: string; status: string }>
      )[0];
    },
  };
}

/** The same, with the service's clock the test's and events through the API at the moments the test sets. */
export async function amsterdamContractApi(
  naam: string,
  wijzig: (definitie: AmsterdamDefinitie) => void,
  klok: VerstelbareKlok,
): Promise<AmsterdamContractApi> {
  const contract = await amsterdamContract(naam, wijzig, klok);
  const sleutel = await bearer(contract.a.app, 'GM0363', 'klachtbehandelaar');
  return {
    ...contract,
    sleutel,
    gebeurtenis: (id, op, type, data) => {
      klok.moment = new Date(op);
      return request(contract.a.http)
        .post(`/api/v1/klachten/${id}/gebeurtenissen`)
        .set('Authorization', sleutel)
        .send({ type, ...(data ? { data } : {}) })
        .then((r) => r);
    },
  };
}
