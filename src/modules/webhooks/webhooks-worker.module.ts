import { Module } from '@nestjs/common';
import { WebhookProcessor } from './webhook.processor';
import { WebhookSweep } from './webhook-sweep.service';
import { WebhooksModule } from './webhooks.module';

/** The `webhooks` queue worker and its sweep: only in processes that run workers (ROLE all/worker). */
@Module({
  imports: [WebhooksModule],
  providers: [WebhookProcessor, WebhookSweep],
  exports: [WebhookSweep],
})
export class WebhooksWorkerModule {}
