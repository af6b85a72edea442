import { Logger, Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config';
import { DefinitieRegister, type GepubliceerdeVersie } from '../definities/definitie-register';
import { REGIME_BRON, type RegimeBron } from './regime-bron';

/**
 * The compiled definitions from DEFINITIONS_DIR plus the versions published through the API
 * (`definitie_versie`), loaded at boot. A definition with errors is not served (the loader reports
 * it as `file:line:column: message`); the others still are.
 */
export const regimeBronProvider: Provider = {
  provide: REGIME_BRON,
  inject: [APP_CONFIG, getDataSourceToken()],
  useFactory: async (config: AppConfig, dataSource: DataSource): Promise<RegimeBron> => {
    const gepubliceerd = (await dataSource.query(
      'SELECT definitie_id AS "definitieId", versie, yaml FROM definitie_versie ORDER BY id',
    )) as GepubliceerdeVersie[];
    const registry = new DefinitieRegister(config.definitionsDir, gepubliceerd);
    const logger = new Logger('Definities');
    for (const e of registry.errors) logger.error(`${e.file}:${e.line}:${e.column}: ${e.message}${e.hint ? ` (${e.hint})` : ''}`);
    logger.log(
      `Loaded ${registry.regimes.length} definition version(s) from ${config.definitionsDir} and ${gepubliceerd.length} published through the API`,
    );
    return registry;
  },
};
