import { Global, Module } from '@nestjs/common';
import { EventTellerSubscriber } from './event-teller.subscriber';
import { MetricsRoute } from './metrics.route';
import { MetricsService } from './metrics.service';

/** Prometheus metrics (GET /metrics). Global: services that count something inject MetricsService. */
@Global()
@Module({ providers: [MetricsService, EventTellerSubscriber, MetricsRoute], exports: [MetricsService] })
export class MetricsModule {}
