import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EngineModule } from '../engine/engine.module';
import { AanbiederRapportageEntity } from './aanbieder-rapportage.entity';
import { RapportageController } from './rapportage.controller';
import { RapportageEntity } from './rapportage.entity';
import { RapportageMomentEntity } from './rapportage-moment.entity';
import { RapportagePlanningService } from './rapportage-planning.service';
import { RapportageService } from './rapportage.service';

/** Reports per gemeente (JSON, CSV, HTML) and the periodic report schedule (docs/beheer-en-rapportages.md). */
@Module({
  imports: [EngineModule, TypeOrmModule.forFeature([RapportageEntity, AanbiederRapportageEntity, RapportageMomentEntity])],
  controllers: [RapportageController],
  providers: [RapportageService, RapportagePlanningService],
  exports: [RapportageService, RapportagePlanningService],
})
export class ReportsModule {}
