import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DossierModule } from '../dossier/dossier.module';
import { EngineModule } from '../engine/engine.module';
import { OutboxModule } from '../outbox/outbox.module';
import { BriefEntity } from './brief.entity';
import { BrievenController } from './brieven.controller';
import { BrievenService } from './brieven.service';

/** The Awb letters: rendered from the gemeente's templates when the outbox asks for them, kept in the dossier. */
@Module({
  imports: [OutboxModule, EngineModule, DossierModule, TypeOrmModule.forFeature([BriefEntity])],
  controllers: [BrievenController],
  providers: [BrievenService],
  exports: [BrievenService],
})
export class BrievenModule {}
