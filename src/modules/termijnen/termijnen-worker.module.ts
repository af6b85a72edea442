import { Module } from '@nestjs/common';
import { AfgedaanWachtHerstel } from './afgedaan-wacht-herstel.service';
import { TermijnProcessor } from './termijn.processor';
import { TermijnSweep } from './termijn-sweep.service';
import { TermijnenModule } from './termijnen.module';

/** The `termijnen` queue worker and the sweep: only in processes that run workers (ROLE all/worker). */
@Module({
  imports: [TermijnenModule],
  // AfgedaanWachtHerstel: once per start, klachten waiting for the klager from before his termijn there (bijAanbieder.afgedaan,
  // wkkgz.uitkomstMeegedeeld) get it.
  providers: [TermijnProcessor, TermijnSweep, AfgedaanWachtHerstel],
  exports: [TermijnSweep, AfgedaanWachtHerstel],
})
export class TermijnenWorkerModule {}
