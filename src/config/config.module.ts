import { DynamicModule, Global, Inject, Module } from '@nestjs/common';
import { AppConfig } from './config.schema';

/** Injection token for the validated `AppConfig`: `constructor(@Inject(APP_CONFIG) config: AppConfig)`. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/** Shorthand for `@Inject(APP_CONFIG)`. */
export const InjectConfig = (): ParameterDecorator => Inject(APP_CONFIG);

/**
 * Provides the configuration validated once at boot (loadConfig) to every module. Global, so feature
 * modules inject APP_CONFIG without importing anything.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: Object.freeze({ ...config }) }],
      exports: [APP_CONFIG],
    };
  }
}
