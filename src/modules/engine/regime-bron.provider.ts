import { Logger, Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config';
import type { DefinitionError } from '../../machines/contract';
import { REGIME_BRON, type RegimeBron } from './regime-bron';

interface Registry extends RegimeBron {
  regimes: unknown[];
  errors: DefinitionError[];
}

/**
 * The compiled definitions from DEFINITIONS_DIR. A definition with errors is not served (the
 * loader reports them as `file:line:column: message`); the others still are.
 */
export const regimeBronProvider: Provider = {
  provide: REGIME_BRON,
  inject: [APP_CONFIG],
  useFactory: async (config: AppConfig): Promise<RegimeBron> => {
    // TEMPORARY lazy load until src/machines/index.ts (loadRegistry) is committed.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { loadRegistry } = require('../../machines') as { loadRegistry(dir: string): Registry | Promise<Registry> };
    const registry = await loadRegistry(config.definitionsDir);
    const logger = new Logger('Definities');
    for (const e of registry.errors) logger.error(`${e.file}:${e.line}:${e.column}: ${e.message}${e.hint ? ` (${e.hint})` : ''}`);
    logger.log(`Loaded ${registry.regimes.length} definition version(s) from ${config.definitionsDir}`);
    return registry;
  },
};
