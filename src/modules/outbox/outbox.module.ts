import { Module } from '@nestjs/common';
import { OutboxRelay } from './outbox-relay.service';

/** The outbox relay; other modules register OutboxHandlers with it (termijn scheduling, webhooks). */
@Module({
  providers: [OutboxRelay],
  exports: [OutboxRelay],
})
export class OutboxModule {}
