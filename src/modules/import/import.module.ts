import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { TermijnenModule } from '../termijnen/termijnen.module';
import { ImportController } from './import.controller';
import { ImportHervatting } from './import-hervatting.service';
import { ImportService } from './import.service';

/**
 * Bulk import of historic klachten (docs/import.md): the API resource and the service the CLI uses too, and the taking up
 * of API imports a stopped process left `bezig` (ImportHervatting: only where workers run; the CLI runs as ROLE=api).
 */
@Module({
  imports: [TermijnenModule, IdempotencyModule],
  controllers: [ImportController],
  providers: [ImportService, ImportHervatting],
  exports: [ImportService],
})
export class ImportModule {}
