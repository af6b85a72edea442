import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EngineModule } from '../engine/engine.module';
import { DefinitieVersieEntity } from './definitie-versie.entity';
import { DefinitieVoorstelEntity, DefinitieVoorstelStapEntity } from './definitie-voorstel.entity';
import { DefinitieVoorstellenService } from './definitie-voorstellen.service';
import { DefinitiesController } from './definities.controller';
import { DefinitiesService } from './definities.service';

/** Definitions API: list, read, diagram, validate, and publish with 4-ogen: propose, approve or reject (docs/definities.md). */
@Module({
  imports: [EngineModule, TypeOrmModule.forFeature([DefinitieVersieEntity, DefinitieVoorstelEntity, DefinitieVoorstelStapEntity])],
  controllers: [DefinitiesController],
  providers: [DefinitiesService, DefinitieVoorstellenService],
  exports: [DefinitiesService, DefinitieVoorstellenService],
})
export class DefinitiesModule {}
