import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { TermijnenModule } from '../termijnen/termijnen.module';
import { ImportController } from './import.controller';
import { ImportService } from './import.service';

/** Bulk import of historic klachten (docs/import.md): the API resource and the service the CLI uses too. */
@Module({
  imports: [TermijnenModule, IdempotencyModule],
  controllers: [ImportController],
  providers: [ImportService],
  exports: [ImportService],
})
export class ImportModule {}
