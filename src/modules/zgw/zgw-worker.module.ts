import { Module } from '@nestjs/common';
import { ZgwModule } from './zgw.module';
import { ZgwProcessor, ZgwSweep } from './zgw.processor';

/** The `zgw` queue worker and its sweep: only in processes that run workers (ROLE all/worker). */
@Module({
  imports: [ZgwModule],
  providers: [ZgwProcessor, ZgwSweep],
  exports: [ZgwSweep],
})
export class ZgwWorkerModule {}
