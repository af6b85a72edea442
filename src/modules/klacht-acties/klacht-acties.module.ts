import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EngineModule } from '../engine/engine.module';
import { KlachtenModule } from '../klachten/klachten.module';
import { KlachtActiesController } from './klacht-acties.controller';
import { KlachtActiesService } from './klacht-acties.service';
import { KlachtKoppelingEntity } from './klacht-koppeling.entity';
import { TerugkoppelingEntity } from './terugkoppeling.entity';

/** Terugkoppelingen of aanbieders and ombudsman requests as linked sub-cases. */
@Module({
  imports: [EngineModule, KlachtenModule, TypeOrmModule.forFeature([TerugkoppelingEntity, KlachtKoppelingEntity])],
  controllers: [KlachtActiesController],
  providers: [KlachtActiesService],
})
export class KlachtActiesModule {}
