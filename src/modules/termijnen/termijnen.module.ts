import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module';
import { TermijnScheduler } from './termijn-scheduler.service';
import { TermijnWakeService } from './termijn-wake.service';

/** Termijn wake-ups: scheduling (every process) and the idempotent expiry / reminder handling. */
@Module({
  imports: [EngineModule],
  providers: [TermijnWakeService, TermijnScheduler],
  exports: [TermijnWakeService, TermijnScheduler, EngineModule],
})
export class TermijnenModule {}
