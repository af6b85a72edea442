import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { geenToegang, nietGeauthenticeerd } from './auth-problemen';
import type { Rol } from './rol';
import { PUBLIEK_KEY, ROLLEN_KEY } from './rollen.decorator';
import { TENANT_REQUEST_KEY, TenantContext } from './tenant';
import { rollenUitBeleid } from './toegangsbeleid';
import { TokenVerifier } from './token-verifier.service';

/** Roles a route without `@Rollen` is open to: everyone but the aanbieder (see Rollen). */
const STANDAARD_ROLLEN: readonly Rol[] = ['beleidsmedewerker', 'klachtbehandelaar', 'procesEigenaar', 'systeem', 'beheerder'];

/** Global guard (APP_GUARD): authenticates the bearer token, checks `@Rollen`, sets the Tenant. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIEK_KEY, targets)) return true;

    const req = context.switchToHttp().getRequest<Request>();
    const header = req.headers.authorization;
    const m = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!m) {
      throw nietGeauthenticeerd('Stuur een API-sleutel of OIDC-token mee: Authorization: Bearer <token>.');
    }
    const result = await this.verifier.verifieer(m[1]);
    if ('fout' in result) throw nietGeauthenticeerd(result.fout);

    const rollen =
      this.reflector.getAllAndOverride<Rol[] | undefined>(ROLLEN_KEY, targets) ?? rollenUitBeleid(req) ?? STANDAARD_ROLLEN;
    if (!rollen.includes(result.rol)) {
      throw geenToegang(`De rol ${result.rol} mag dit niet; toegestaan: ${rollen.join(', ')}.`);
    }
    (req as unknown as Record<string, unknown>)[TENANT_REQUEST_KEY] = result;
    TenantContext.set(result);
    return true;
  }
}
