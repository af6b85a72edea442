import { Logger, Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config';
import { loadRegistry, type Registry } from '../../machines';

/** The compiled definitions the process-owner views draw (same DEFINITIONS_DIR as the engine). */
export const WEB_REGISTRY = Symbol('WEB_REGISTRY');

export const webRegistryProvider: Provider = {
  provide: WEB_REGISTRY,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): Registry => {
    const registry = loadRegistry(config.definitionsDir);
    if (registry.errors.length > 0) new Logger('Beheer').warn(`${registry.errors.length} definitiefout(en): die definities hebben geen diagram`);
    return registry;
  },
};
