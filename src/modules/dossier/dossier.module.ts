import { Module } from '@nestjs/common';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { DocumentenController } from './documenten.controller';
import { DossierDocumentEntity } from './dossier-document.entity';
import { DossierInhoudEntity } from './dossier-inhoud.entity';
import { DossierService } from './dossier.service';
import { DOSSIER_OPSLAG, PostgresOpslag, SchijfOpslag, type DossierOpslag } from './opslag';

/** The dossier of a klacht: documents behind one storage interface (DOSSIER_OPSLAG), reads logged. */
@Module({
  imports: [TypeOrmModule.forFeature([DossierDocumentEntity, DossierInhoudEntity]), IdempotencyModule],
  controllers: [DocumentenController],
  providers: [
    DossierService,
    {
      provide: DOSSIER_OPSLAG,
      inject: [APP_CONFIG, getDataSourceToken()],
      useFactory: (config: AppConfig, dataSource: DataSource): DossierOpslag =>
        config.dossierOpslag === 'schijf' ? new SchijfOpslag(config.dossierMap) : new PostgresOpslag(dataSource),
    },
  ],
  exports: [DossierService, DOSSIER_OPSLAG],
})
export class DossierModule {}
