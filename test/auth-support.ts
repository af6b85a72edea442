/**
 * Test helpers for authentication (issue 5): API keys made through the real ApiSleutelService,
 * and an app with the auth, idempotency and webhook modules on the engine harness.
 */
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { ApiSleutelService } from '../src/modules/auth/api-sleutel.service';
import type { Rol } from '../src/modules/auth/rol';
import { REGIME_BRON, type RegimeBron } from '../src/modules/engine/regime-bron';
import { testRegime, TEST_GEMEENTE, testIntake } from './support/test-regime';

export const GEMEENTE_A = TEST_GEMEENTE;
export const GEMEENTE_B = 'GM9998';

/** The test regime for two gemeenten, so tenancy can be tested (the engine stores the intake's gemeente). */
export const tweeGemeentenBron: RegimeBron = {
  forGemeente: (cbs) => (cbs === GEMEENTE_A || cbs === GEMEENTE_B ? testRegime : undefined),
  byId: (id, versie) => (id === testRegime.summary.id && versie === testRegime.summary.versie ? testRegime : undefined),
};

export const metTweeGemeenten = {
  override: (b: import('@nestjs/testing').TestingModuleBuilder) => b.overrideProvider(REGIME_BRON).useValue(tweeGemeentenBron),
};

/**
 * `Authorization: Bearer <key>` for a fresh API key of the given gemeente and role; `aanbiederGemeente` names the gemeente
 * whose aanbieder id it is (after a herindeling, a gemeente opgeheven into `gemeente`). Each key is issued to a medewerker
 * of its own (a fresh sub), as a gemeente issues a key per person: two such keys are two people for the vier-ogenprincipe.
 */
export async function bearer(
  app: INestApplication,
  gemeente: string,
  rol: Rol,
  aanbiederId?: string,
  aanbiederGemeente?: string,
): Promise<string> {
  const { sleutel } = await app
    .get(ApiSleutelService, { strict: false })
    .maak({ gemeente, rol, aanbiederId, aanbiederGemeente, naam: `test ${rol}`, medewerker: `test-${randomUUID()}` });
  return `Bearer ${sleutel}`;
}

/** An intake body for POST /klachten. */
export function intakeBody(gemeente: string, aanbiederId = 'zorg-noord', onderwerp = 'Hulp bij het huishouden kwam niet') {
  return { ...testIntake(), gemeente, onderwerp, aanbieders: [{ id: aanbiederId, naam: aanbiederId, type: 'wmo' }] };
}
