import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { InvoerGrenzenGuard } from './common/invoer-grenzen.guard';
import { KlokModule } from './common/klok';
import { ProblemFilter } from './common/problem.filter';
import { createValidationPipe } from './common/validation';
import { AppConfig, ConfigModule } from './config';
import { DatabaseModule } from './database/database.module';
import { JobsModule } from './jobs/jobs.module';
import { AuthModule } from './modules/auth/auth.module';
import { BewaringModule } from './modules/bewaring/bewaring.module';
import { BewaringWorkerModule } from './modules/bewaring/bewaring-worker.module';
import { BrievenModule } from './modules/brieven/brieven.module';
import { OverdrachtModule } from './modules/overdracht/overdracht.module';
import { DossierModule } from './modules/dossier/dossier.module';
import { DefinitiesModule } from './modules/definities/definities.module';
import { KlachtActiesModule } from './modules/klacht-acties/klacht-acties.module';
import { PagineringModule } from './modules/paginering/paginering.module';
import { HealthModule } from './modules/health/health.module';
import { IdempotencyModule } from './modules/idempotency/idempotency.module';
import { ImportModule } from './modules/import/import.module';
import { KlachtenModule } from './modules/klachten/klachten.module';
import { MetricsModule } from './modules/metrics/metrics.module';
import { StartpaginaModule } from './modules/startpagina/startpagina.module';
import { ReportsModule } from './modules/reports/reports.module';
import { ReportsWorkerModule } from './modules/reports/reports-worker.module';
import { TermijnenWorkerModule } from './modules/termijnen/termijnen-worker.module';
import { WebhooksModule } from './modules/webhooks/webhooks.module';
import { WebhooksWorkerModule } from './modules/webhooks/webhooks-worker.module';
import { VersieMigratieModule } from './modules/versiemigratie/versiemigratie.module';
import { WebModule } from './modules/web/web.module';
import { ZgwModule } from './modules/zgw/zgw.module';
import { ZgwWorkerModule } from './modules/zgw/zgw-worker.module';

type ModuleImport = NonNullable<ModuleMetadata['imports']>[number];

/** Feature modules (controllers, services, queue producers). Add a capability's module here. */
export const FEATURE_MODULES: ModuleImport[] = [
  HealthModule,
  AuthModule,
  IdempotencyModule,
  WebhooksModule,
  KlachtenModule,
  ImportModule,
  DefinitiesModule,
  KlachtActiesModule,
  ReportsModule,
  WebModule,
  PagineringModule,
  VersieMigratieModule,
  ZgwModule,
  DossierModule,
  BrievenModule,
  BewaringModule,
  OverdrachtModule,
  MetricsModule,
  StartpaginaModule,
];

/**
 * Modules holding BullMQ @Processor classes and periodic sweeps: loaded only when the process runs
 * workers (ROLE=all or worker), so ROLE=api serves HTTP and consumes no jobs.
 */
export const WORKER_MODULES: ModuleImport[] = [
  WebhooksWorkerModule,
  TermijnenWorkerModule,
  ReportsWorkerModule,
  ZgwWorkerModule,
  BewaringWorkerModule,
];

export interface AppModuleOptions {
  /** Extra modules, e.g. a test's own module. */
  imports?: ModuleImport[];
}

@Module({})
export class AppModule {
  /**
   * The whole service for one validated configuration. `config.databaseUrl` must be resolved
   * (main.ts starts the embedded PostgreSQL first when DATABASE_URL is unset).
   */
  static forRoot(config: AppConfig, options: AppModuleOptions = {}): DynamicModule {
    const runsWorkers = config.role !== 'api';
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        KlokModule,
        DatabaseModule.forRoot(),
        JobsModule.forRoot(),
        ...FEATURE_MODULES,
        ...(runsWorkers ? WORKER_MODULES : []),
        ...(options.imports ?? []),
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        // Before validation and the database: NUL, lone surrogates, deep JSON, oversized headers are a 400.
        { provide: APP_GUARD, useClass: InvoerGrenzenGuard },
      ],
    };
  }
}
