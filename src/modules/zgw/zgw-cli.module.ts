import { DynamicModule, Module } from '@nestjs/common';
import { GeenOutboxRelayModule } from '../outbox/outbox-relay.service';
import { KlokModule } from '../../common/klok';
import { type AppConfig, ConfigModule } from '../../config';
import { DatabaseModule } from '../../database/database.module';
import { JobsModule } from '../../jobs/jobs.module';
import { ZgwModule } from './zgw.module';

/** Just what `klachtregie zgw ...` needs: configuration, the database, the queue producer, the connector. */
@Module({})
export class ZgwCliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ZgwCliModule,
      imports: [ConfigModule.forRoot(config), KlokModule, DatabaseModule.forRoot(), JobsModule.forRoot(), ZgwModule, GeenOutboxRelayModule],
    };
  }
}
