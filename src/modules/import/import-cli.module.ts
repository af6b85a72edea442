import { DynamicModule, Module } from '@nestjs/common';
import { GeenOutboxRelayModule } from '../outbox/outbox-relay.service';
import { KlokModule } from '../../common/klok';
import { type AppConfig, ConfigModule } from '../../config';
import { DatabaseModule } from '../../database/database.module';
import { JobsModule } from '../../jobs/jobs.module';
import { ImportModule } from './import.module';

/** Just what `klachtregie import` needs: configuration, the database (migrated), the queue producer, the import. */
@Module({})
export class ImportCliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ImportCliModule,
      imports: [
        ConfigModule.forRoot(config),
        KlokModule,
        DatabaseModule.forRoot(),
        JobsModule.forRoot(),
        ImportModule,
        GeenOutboxRelayModule,
      ],
    };
  }
}
