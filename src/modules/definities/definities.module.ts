import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EngineModule } from '../engine/engine.module';
import { DefinitieVersieEntity } from './definitie-versie.entity';
import { DefinitiesController } from './definities.controller';
import { DefinitiesService } from './definities.service';

/** Definitions API: list, read, diagram, validate and publish (docs/definities.md). */
@Module({
  imports: [EngineModule, TypeOrmModule.forFeature([DefinitieVersieEntity])],
  controllers: [DefinitiesController],
  providers: [DefinitiesService],
  exports: [DefinitiesService],
})
export class DefinitiesModule {}
