import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DossierModule } from '../dossier/dossier.module';
import { EngineModule } from '../engine/engine.module';
import { BewaringController } from './bewaring.controller';
import { BewaringService } from './bewaring.service';
import {
  BewaarBlokkadeEntity,
  BewaarHandelingEntity,
  BlijvendBewarenEntity,
  VernietigingslijstEntity,
  VernietigingslijstRegelEntity,
} from './vernietigingslijst.entity';

/** Retention: vernietigingslijsten with approval, holds, and complete destruction. */
@Module({
  imports: [
    EngineModule,
    DossierModule,
    TypeOrmModule.forFeature([
      VernietigingslijstEntity,
      VernietigingslijstRegelEntity,
      BewaarBlokkadeEntity,
      BlijvendBewarenEntity,
      BewaarHandelingEntity,
    ]),
  ],
  controllers: [BewaringController],
  providers: [BewaringService],
  exports: [BewaringService],
})
export class BewaringModule {}
