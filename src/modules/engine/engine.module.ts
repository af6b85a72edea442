import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox/outbox.module';
import { EngineService } from './engine.service';
import { regimeBronProvider } from './regime-bron.provider';

/** The transactional engine around the pure regimes (docs/architecture.md §1). */
@Module({
  imports: [OutboxModule],
  providers: [EngineService, regimeBronProvider],
  exports: [EngineService, regimeBronProvider, OutboxModule],
})
export class EngineModule {}
