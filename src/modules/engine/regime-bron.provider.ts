import { Logger, Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config';
import { loadRegistry } from '../../machines';
import { REGIME_BRON, type RegimeBron } from './regime-bron';

/**
 * The compiled definitions from DEFINITIONS_DIR, loaded once at boot. A definition with errors is
 * not served (the loader reports it as `file:line:column: message`); the others still are.
 */
export const regimeBronProvider: Provider = {
  provide: REGIME_BRON,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): RegimeBron => {
    const registry = loadRegistry(config.definitionsDir);
    const logger = new Logger('Definities');
    for (const e of registry.errors) logger.error(`${e.file}:${e.line}:${e.column}: ${e.message}${e.hint ? ` (${e.hint})` : ''}`);
    logger.log(`Loaded ${registry.regimes.length} definition version(s) from ${config.definitionsDir}`);
    return registry;
  },
};
