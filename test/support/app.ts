import { INestApplication, Logger, ModuleMetadata } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { configureHttpApp } from '../../src/common/http-app';
import { AppConfig, EnvSource, loadConfig } from '../../src/config';
import { bewaakContract, type ContractBewaking } from './contract';
import { testRedisUrl, uniqueRedisPrefix, deleteRedisPrefix } from './redis';

export interface TestAppOptions {
  /** The test file's own database (createTestDatabase().url). */
  databaseUrl: string;
  /** BullMQ on this Redis. Default: TEST_REDIS_URL with a unique prefix, unless postgresQueue. */
  redisUrl?: string;
  /** BullMQ on PostgreSQL (the `bullmq` schema in databaseUrl) instead of Redis. */
  postgresQueue?: boolean;
  /** Redis key prefix; default a unique one (deleted again on close). */
  queuePrefix?: string;
  /** More environment, validated like the real one, e.g. `{ ROLE: 'api', SWEEP_INTERVAL_MS: '200' }`. */
  env?: EnvSource;
  /** Typed overrides applied after validation. */
  config?: Partial<AppConfig>;
  /** Extra modules for this test (e.g. a controller that exercises a convention). */
  imports?: NonNullable<ModuleMetadata['imports']>;
  /** Adjust the testing module, e.g. `.overrideProvider(KLOK).useValue(vasteKlok(nu))` (src/common/klok.ts). */
  override?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
  /** Nest logging; default only errors. */
  logger?: false | ('fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose')[];
  /** Changes the served document before the contract check uses it (only test/contract.test.ts: break it on purpose). */
  contractWijziging?: (doc: Record<string, any>) => void; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  /** For supertest: `request(t.http)`. */
  http: ReturnType<INestApplication['getHttpServer']>;
  /** The contract check (test/support/contract.ts): every /api/v1 response against the served OpenAPI document. */
  contract: ContractBewaking;
  close(): Promise<void>;
}

/**
 * Boots the real AppModule (database, migrations, queue backend, HTTP conventions) with the given
 * configuration passed through src/config's validation, without touching process.env. Call `close()`
 * in afterAll.
 */
export async function createTestApp(options: TestAppOptions): Promise<TestApp> {
  const redisUrl = options.postgresQueue ? undefined : (options.redisUrl ?? testRedisUrl());
  const ownPrefix = options.queuePrefix === undefined && redisUrl !== undefined;
  const queuePrefix = options.queuePrefix ?? uniqueRedisPrefix('app');
  const config = loadConfig(
    {
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: queuePrefix,
      LOG_LEVEL: 'error',
      DATABASE_POOL_SIZE: '5',
      // Test subscribers listen on http://127.0.0.1: the documented development switches of the SSRF guard and of
      // https only (test/webhooks-ssrf.test.ts runs with the guard on, test/webhooks-https.test.ts with https only).
      WEBHOOK_INTERNE_ADRESSEN: 'toestaan',
      WEBHOOK_HTTP: 'toestaan',
      ...options.env,
    },
    options.config,
  );
  const logLevels = options.logger ?? ['fatal', 'error'];
  Logger.overrideLogger(logLevels);
  let builder = Test.createTestingModule({ imports: [AppModule.forRoot(config, { imports: options.imports })] });
  if (options.override) builder = options.override(builder);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: logLevels });
  // Before the routes: sees every response, including those of filters and guards.
  const contract = bewaakContract(app, options.contractWijziging);
  configureHttpApp(app);
  await app.init();
  await contract.laad(async () => (await request(app.getHttpServer()).get('/api/v1/openapi.json').expect(200)).body);
  return {
    app,
    config,
    http: app.getHttpServer(),
    contract,
    async close() {
      await app.close();
      if (ownPrefix && redisUrl) await deleteRedisPrefix(queuePrefix, redisUrl).catch(() => undefined);
    },
  };
}
