import { DynamicModule, Module } from '@nestjs/common';
import { GeenOutboxRelayModule } from '../outbox/outbox-relay.service';
import { KLOK, type Klok, KlokModule } from '../../common/klok';
import { type AppConfig, ConfigModule } from '../../config';
import { DatabaseModule } from '../../database/database.module';
import { JobsModule } from '../../jobs/jobs.module';
import { ImportModule } from './import.module';

/** Just what `klachtregie import` needs: configuration, the database (migrated), the queue producer, the import. */
@Module({})
export class ImportCliModule {
  /**
   * `klok`: "now" for the import (CliIo.klok; the system clock without one): which moments lie in the future, which
   * termijnen have passed by the end of a line (the catch-up), the day the event data are checked against. The same KLOK
   * the import service, the engine and the wake-ups ask, as in the service.
   */
  static forRoot(config: AppConfig, klok?: Klok): DynamicModule {
    const klokModule: DynamicModule | typeof KlokModule = klok
      ? { module: ImportKlokModule, global: true, providers: [{ provide: KLOK, useValue: klok }], exports: [KLOK] }
      : KlokModule;
    return {
      module: ImportCliModule,
      imports: [
        ConfigModule.forRoot(config),
        klokModule,
        DatabaseModule.forRoot(),
        JobsModule.forRoot(),
        ImportModule,
        GeenOutboxRelayModule,
      ],
    };
  }
}

/** KLOK with the command's given moment instead of the system clock (ImportCliModule.forRoot). */
@Module({})
class ImportKlokModule {}
