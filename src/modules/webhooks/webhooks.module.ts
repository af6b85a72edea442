import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '../outbox/outbox.module';
import { WebhookAbonnementEntity } from './webhook-abonnement.entity';
import { WebhookAfleveringEntity } from './webhook-aflevering.entity';
import { WebhookAfleveringService } from './webhook-aflevering.service';
import { WebhookOutboxHandler } from './webhook-outbox.handler';
import { WebhookQueue } from './webhook-queue';
import { systeemLookup, WEBHOOK_DNS } from './ssrf';
import { WebhookUitgifteEntity } from './webhook-uitgifte.entity';
import { WebhookUitgifteService } from './webhook-uitgifte.service';
import { WebhooksController } from './webhooks.controller';

/** CloudEvents webhooks: subscriptions, fan-out from the outbox, deliveries (API side; every role). */
@Module({
  imports: [OutboxModule, TypeOrmModule.forFeature([WebhookAbonnementEntity, WebhookAfleveringEntity, WebhookUitgifteEntity])],
  controllers: [WebhooksController],
  providers: [
    WebhookQueue,
    WebhookUitgifteService,
    WebhookAfleveringService,
    WebhookOutboxHandler,
    { provide: WEBHOOK_DNS, useValue: systeemLookup },
  ],
  exports: [WebhookQueue, WebhookUitgifteService, WebhookAfleveringService],
})
export class WebhooksModule {}
