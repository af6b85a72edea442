import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module';
import { VersieMigratieController } from './versiemigratie.controller';
import { VersieMigratieService } from './versiemigratie.service';

/** Moving running klachten to a new version of their definition, with a dry run (docs/definities.md). */
@Module({
  imports: [EngineModule],
  controllers: [VersieMigratieController],
  providers: [VersieMigratieService],
})
export class VersieMigratieModule {}
