import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module';
import { TermijnWakeService } from '../termijnen/termijn-wake.service';
import { VersieMigratieController } from './versiemigratie.controller';
import { VersieMigratieService } from './versiemigratie.service';

/** Moving running klachten to a new version of their definition, with a dry run (docs/definities.md). */
@Module({
  imports: [EngineModule],
  controllers: [VersieMigratieController],
  // TermijnWakeService: the wake-ups of termijnen passed before a migration run first (versiemigratie.service.ts); its
  // own, without TermijnenModule's scheduler, which needs the queue the CLI (`klachtregie migratie`) does not start.
  providers: [VersieMigratieService, TermijnWakeService],
})
export class VersieMigratieModule {}
