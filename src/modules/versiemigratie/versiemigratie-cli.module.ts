import { DynamicModule, Module } from '@nestjs/common';
import { GeenOutboxRelayModule } from '../outbox/outbox-relay.service';
import { KLOK, type Klok, KlokModule } from '../../common/klok';
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
  /** `klok`: "now" for the migration (the system clock; a test's fixed moment). */
  static forRoot(config: AppConfig, klok?: Klok): DynamicModule {
    const klokModule: DynamicModule | typeof KlokModule = klok
      ? { module: VasteKlokModule, global: true, providers: [{ provide: KLOK, useValue: klok }], exports: [KLOK] }
      : KlokModule;
    return {
      module: VersieMigratieCliModule,
      imports: [ConfigModule.forRoot(config), klokModule, DatabaseModule.forRoot(), VersieMigratieModule, GeenOutboxRelayModule],
    };
  }
}

/** KLOK with a given moment instead of the system clock (VersieMigratieCliModule.forRoot). */
@Module({})
class VasteKlokModule {}
