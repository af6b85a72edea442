import { DynamicModule, Module } from '@nestjs/common';
import { GeenOutboxRelayModule } from '../outbox/outbox-relay.service';
import { KlokModule } from '../../common/klok';
import { type AppConfig, ConfigModule } from '../../config';
import { DatabaseModule } from '../../database/database.module';
import { VersieMigratieModule } from './versiemigratie.module';

/**
 * Just what `klachtregie migratie ...` needs: configuration, the database and the same VersieMigratieService as
 * the API (one meaning, one place). No queue: the migration writes its termijnen and outbox rows in its
 * transaction and the service's relay schedules them, as for a migration through the API.
 */
@Module({})
export class VersieMigratieCliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: VersieMigratieCliModule,
      imports: [ConfigModule.forRoot(config), KlokModule, DatabaseModule.forRoot(), VersieMigratieModule, GeenOutboxRelayModule],
    };
  }
}
