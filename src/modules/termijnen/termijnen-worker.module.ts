import { Module } from '@nestjs/common';
import { TermijnProcessor } from './termijn.processor';
import { TermijnSweep } from './termijn-sweep.service';
import { TermijnenModule } from './termijnen.module';

/** The `termijnen` queue worker and the sweep: only in processes that run workers (ROLE all/worker). */
@Module({
  imports: [TermijnenModule],
  providers: [TermijnProcessor, TermijnSweep],
  exports: [TermijnSweep],
})
export class TermijnenWorkerModule {}
