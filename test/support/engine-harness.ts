/**
 * Test wiring for the klachten engine: an app on the test's own database with the test regime
 * (test-regime.ts) in place of the compiled definitions, plus small polling helpers.
 */
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { REGIME_BRON } from '../../src/modules/engine/regime-bron';
import { EngineService } from '../../src/modules/engine/engine.service';
import { KlachtenModule } from '../../src/modules/klachten/klachten.module';
import { OutboxRelay } from '../../src/modules/outbox/outbox-relay.service';
import { TermijnScheduler } from '../../src/modules/termijnen/termijn-scheduler.service';
import { TermijnSweep } from '../../src/modules/termijnen/termijn-sweep.service';
import { TermijnWakeService } from '../../src/modules/termijnen/termijn-wake.service';
import { TermijnenWorkerModule } from '../../src/modules/termijnen/termijnen-worker.module';
import { TermijnenModule } from '../../src/modules/termijnen/termijnen.module';
import { createTestApp, type TestApp, type TestAppOptions } from './app';
import { testRegimeBron } from './test-regime';

export interface EngineApp extends TestApp {
  engine: EngineService;
  scheduler: TermijnScheduler;
  wake: TermijnWakeService;
  relay: OutboxRelay;
  sweep?: TermijnSweep;
  db: DataSource;
}

export async function createEngineApp(options: TestAppOptions & { regimes?: 'test' | 'definities' }): Promise<EngineApp> {
  const t = await createTestApp({
    ...options,
    imports: [KlachtenModule, TermijnenModule, ...(options.env?.ROLE === 'api' ? [] : [TermijnenWorkerModule]), ...(options.imports ?? [])],
    override: (b) => {
      const b2 = options.regimes === 'definities' ? b : b.overrideProvider(REGIME_BRON).useValue(testRegimeBron);
      return options.override ? options.override(b2) : b2;
    },
  });
  const get = <T>(app: INestApplication, token: new (...args: never[]) => T): T => app.get(token, { strict: false });
  let sweep: TermijnSweep | undefined;
  try {
    sweep = get(t.app, TermijnSweep);
  } catch {
    sweep = undefined;
  }
  return {
    ...t,
    engine: get(t.app, EngineService),
    scheduler: get(t.app, TermijnScheduler),
    wake: get(t.app, TermijnWakeService),
    relay: get(t.app, OutboxRelay),
    sweep,
    db: get(t.app, DataSource),
  };
}

/** Polls `probe` until it returns a truthy value; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 15_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
