import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DossierModule } from '../dossier/dossier.module';
import { EngineModule } from '../engine/engine.module';
import { TermijnenModule } from '../termijnen/termijnen.module';
import { InzageverzoekController } from './inzage.controller';
import { OverdrachtController } from './overdracht.controller';
import { AanbiederOverdrachtEntity, OvergedragenKlachtEntity } from './overdracht.entity';
import { OverdrachtService } from './overdracht.service';

/** Hand-over of an aanbieder's dossiers at contract end. */
@Module({
  imports: [DossierModule, EngineModule, TermijnenModule, TypeOrmModule.forFeature([AanbiederOverdrachtEntity, OvergedragenKlachtEntity])],
  controllers: [OverdrachtController, InzageverzoekController],
  providers: [OverdrachtService],
})
export class OverdrachtModule {}
