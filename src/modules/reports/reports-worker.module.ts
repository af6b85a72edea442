import { Module } from '@nestjs/common';
import { RapportageProcessor } from '../../jobs/reports.processor';
import { ReportsModule } from './reports.module';

/** The `rapportages` worker: only in processes that run jobs (WORKER_MODULES in app.module.ts). */
@Module({ imports: [ReportsModule], providers: [RapportageProcessor] })
export class ReportsWorkerModule {}
