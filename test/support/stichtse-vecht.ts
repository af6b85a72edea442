/**
 * Stichtse Vecht (GM1904) through the API as its klachtbehandelaar, on a real engine app with the seed definitions and
 * the test's clock (KLOK); no worker runs (ROLE=api). With the steps of afgedane-klacht.ts (a step; a klacht afgedaan,
 * waiting in the klager's year for the second line, Awb 9:24). For the tests of the ombudsman's requests about a
 * klacht (Awb 9:20, 9:31: ombudsman-verzoek-doorgezonden, ombudsman-verzoek-eenmaal; kinderombudsman.ts).
 */
import { KLOK, type Klok } from '../../src/common/klok';
import { bearer } from '../auth-support';
import { klachtStappen, STICHTSE_VECHT, type KlachtStappen } from './afgedane-klacht';
import type { TestDatabase } from './database';
import { eigenEngine } from './eigen-engine';
import type { EngineApp } from './engine-harness';

export interface StichtseVecht extends KlachtStappen {
  db: TestDatabase;
  t: EngineApp;
  /** Bearer header of Stichtse Vecht's klachtbehandelaar, who files and steps the klachten. */
  behandelaar: string;
  /** Closes the app and drops its database (afterAll). */
  close(): Promise<void>;
}

export async function stichtseVecht(naam: string, klok: Klok): Promise<StichtseVecht> {
  const { tdb: db, a: t, close } = await eigenEngine(naam, { override: (b) => b.overrideProvider(KLOK).useValue(klok) });
  const behandelaar = await bearer(t.app, STICHTSE_VECHT, 'klachtbehandelaar');
  return {
    db,
    t,
    behandelaar,
    ...klachtStappen(
      () => t.http,
      () => behandelaar,
    ),
    close,
  };
}
