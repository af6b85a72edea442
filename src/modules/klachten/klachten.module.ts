import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module';
import { TermijnenModule } from '../termijnen/termijnen.module';
import { KlachtenController } from './klachten.controller';
import { KlachtenService } from './klachten.service';

@Module({
  imports: [EngineModule, TermijnenModule],
  controllers: [KlachtenController],
  providers: [KlachtenService],
  exports: [KlachtenService],
})
export class KlachtenModule {}
