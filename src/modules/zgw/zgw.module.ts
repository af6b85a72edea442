import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '../outbox/outbox.module';
import { ZgwAfleveringService } from './zgw-aflevering.service';
import { ZgwOutboxHandler } from './zgw-outbox.handler';
import { ZgwQueue } from './zgw-queue';
import { ZgwZaakEntity } from './zgw-zaak.entity';
import { ZgwController } from './zgw.controller';

/** Zaakgericht werken (issue 16): every klacht a zaak in the gemeente's ZGW registers (docs/zgw.md). */
@Module({
  imports: [OutboxModule, TypeOrmModule.forFeature([ZgwZaakEntity])],
  controllers: [ZgwController],
  providers: [ZgwQueue, ZgwAfleveringService, ZgwOutboxHandler],
  exports: [ZgwQueue, ZgwAfleveringService],
})
export class ZgwModule {}
