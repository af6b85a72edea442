import { Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config';
import { loadRegistry } from '../../machines';
import type { CompiledRegime } from '../../machines/contract';
import { REGIME_BRON, type RegimeBron } from '../engine/regime-bron';

/** The compiled definitions the process-owner views draw: the ones the engine serves. */
export const WEB_REGISTRY = Symbol('WEB_REGISTRY');

export interface WebRegistry {
  regimes: CompiledRegime[];
  byId(id: string, versie: string): CompiledRegime | undefined;
}

/**
 * The engine's regime source (DEFINITIONS_DIR plus versions published through the API), so a klacht
 * on any version it can run has a diagram; a source without a list of regimes (a test's purpose-built
 * regime) falls back to loading DEFINITIONS_DIR.
 */
export const webRegistryProvider: Provider = {
  provide: WEB_REGISTRY,
  inject: [REGIME_BRON, APP_CONFIG],
  useFactory: (bron: RegimeBron & Partial<WebRegistry>, config: AppConfig): WebRegistry =>
    Array.isArray(bron.regimes) ? (bron as WebRegistry) : loadRegistry(config.definitionsDir),
};
