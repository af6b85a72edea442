import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { ConnectionOptions } from 'bullmq';
import { APP_CONFIG, AppConfig } from '../config';
import {
  DEFAULT_JOB_OPTIONS,
  postgresQueuePoolSize,
  preparePostgresQueueSchema,
  QUEUE_SETTINGS,
  QueueBackendInfo,
  queueSettings,
  QueueSettings,
} from './queue-backend';

/** Provides the chosen queue backend (QUEUE_SETTINGS, QueueBackendInfo) to BullModule and the health check. */
@Global()
@Module({})
export class QueueBackendModule {
  static forRoot(): DynamicModule {
    return {
      module: QueueBackendModule,
      providers: [
        {
          provide: QUEUE_SETTINGS,
          inject: [APP_CONFIG],
          useFactory: async (config: AppConfig): Promise<QueueSettings> => {
            const settings = queueSettings(config);
            if (settings.backend === 'postgres') await preparePostgresQueueSchema(config.databaseUrl!);
            new Logger('Queue').log(
              settings.backend === 'redis'
                ? `BullMQ on Redis${config.redisCluster ? ` Cluster (${config.redisCluster.nodes.length} seed nodes)` : ''} (prefix ${settings.prefix})`
                : `BullMQ on PostgreSQL (schema bullmq, same database, ${postgresQueuePoolSize(config)} connections per queue/worker)`,
            );
            return settings;
          },
        },
        QueueBackendInfo,
      ],
      exports: [QUEUE_SETTINGS, QueueBackendInfo],
    };
  }
}

/**
 * BullMQ connection plumbing (docs/adr/0002-embedded-postgres-and-postgres-queue-by-default.md): Redis when REDIS_URL is set, otherwise BullMQ 6's
 * PostgreSQL backend on the application database. Feature modules register their queues with
 * `BullModule.registerQueue({ name })` and inherit this connection.
 */
@Module({})
export class JobsModule {
  static forRoot(): DynamicModule {
    return {
      module: JobsModule,
      imports: [
        QueueBackendModule.forRoot(),
        BullModule.forRootAsync({
          inject: [QUEUE_SETTINGS],
          useFactory: (settings: QueueSettings) => ({
            connection: settings.connection as ConnectionOptions,
            prefix: settings.prefix,
            defaultJobOptions: DEFAULT_JOB_OPTIONS,
          }),
        }),
      ],
      exports: [QueueBackendModule, BullModule],
    };
  }
}
