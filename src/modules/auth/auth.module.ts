import { Global, MiddlewareConsumer, Module, NestModule, Scope } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, REQUEST } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiSleutelController } from './api-sleutel.controller';
import { ApiSleutelEntity } from './api-sleutel.entity';
import { ApiSleutelService } from './api-sleutel.service';
import { AuthGuard } from './auth.guard';
import { DossierInzageController } from './dossier-inzage.controller';
import { DossierInzageEntity } from './dossier-inzage.entity';
import { DossierInzageService } from './dossier-inzage.service';
import { EersteSleutelService } from './eerste-sleutel.service';
import { MedewerkerEntity } from './medewerker.entity';
import { MedewerkerService } from './medewerker.service';
import { KlachtToegangInterceptor } from './klacht-toegang.interceptor';
import { TENANT, TENANT_REQUEST_KEY } from './tenant';
import { TenantMiddleware } from './tenant.middleware';
import { TokenVerifier } from './token-verifier.service';

/**
 * Authentication (API keys, OIDC), roles and tenancy (docs/adr/0003-tenancy-webhooks-idempotency.md). Global so that every module can
 * inject DossierInzageService and ApiSleutelService; the AuthGuard protects every route.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([ApiSleutelEntity, DossierInzageEntity, MedewerkerEntity])],
  controllers: [ApiSleutelController, DossierInzageController],
  providers: [
    ApiSleutelService,
    TokenVerifier,
    DossierInzageService,
    EersteSleutelService,
    MedewerkerService,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_INTERCEPTOR, useClass: KlachtToegangInterceptor },
    // Request-scoped Tenant for services that prefer injection over TenantContext / @HuidigeTenant().
    {
      provide: TENANT,
      scope: Scope.REQUEST,
      inject: [REQUEST],
      useFactory: (req: Record<string, unknown>) => req[TENANT_REQUEST_KEY],
    },
  ],
  exports: [ApiSleutelService, DossierInzageService, MedewerkerService, TokenVerifier, TENANT],
})
export class AuthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // path-to-regexp v8 form of "every route" (what Nest 11 converted '*' to, without its legacy-route warning).
    consumer.apply(TenantMiddleware).forRoutes('{*path}');
  }
}
