import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { type AppConfig, InjectConfig } from '../../config';
import { KLOK, type Klok, vandaagVan } from '../../common/klok';
import { ProblemException } from '../../common/problem';
import { gemeentenVan, opheffing } from '../../machines/definition/gemeentecodes.data';
import { leesbareDatum } from '../../machines/termijnen';
import { bronVan, Snelheidsgrens } from './snelheidsgrens';
import { gemeenteOpgeheven, geenToegang, nietGeauthenticeerd } from './auth-problemen';
import type { Rol } from './rol';
import { PUBLIEK_KEY, ROLLEN_KEY } from './rollen.decorator';
import { TENANT_REQUEST_KEY, TenantContext } from './tenant';
import { rollenUitBeleid, STANDAARD_ROLLEN } from './toegangsbeleid';
import { TokenVerifier } from './token-verifier.service';
import { MedewerkerService } from './medewerker.service';

/** 429 with Retry-After (RFC 6585 §4). */
function teVeel(res: Response, seconden: number, detail: string): ProblemException {
  res.setHeader('Retry-After', String(seconden));
  return new ProblemException({ status: 429, detail: `${detail} Probeer het over ${seconden} seconden opnieuw.` });
}

/** Global guard (APP_GUARD): authenticates the bearer token, checks `@Rollen`, sets the Tenant. */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly perSleutel: Snelheidsgrens;
  private readonly misluktPerAdres: Snelheidsgrens;

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly medewerkers: MedewerkerService,
    @InjectConfig() config: AppConfig,
    @Inject(KLOK) private readonly klok: Klok,
  ) {
    this.perSleutel = new Snelheidsgrens(config.rateLimitPerMinuut);
    this.misluktPerAdres = new Snelheidsgrens(config.rateLimitMisluktPerMinuut);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIEK_KEY, targets)) return true;

    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    // Guessing keys: failed authentications are counted per client address (req.ip: the client behind a trusted proxy,
    // TRUST_PROXY; an IPv6 address by its /64) and, past the limit, answered with 429. Only failures: a valid key always
    // passes, whatever others sent from that address, so anti-automation never locks out a legitimate user (OWASP ASVS
    // V2.2.1); behind a proxy without TRUST_PROXY every client shares its address.
    const mislukt = (fout: ProblemException): ProblemException => {
      const wacht = this.misluktPerAdres.tel(bronVan(req.ip ?? req.socket.remoteAddress ?? 'onbekend'));
      return wacht ? teVeel(res, wacht, 'Te veel mislukte aanmeldingen vanaf dit adres.') : fout;
    };
    const header = req.headers.authorization;
    const m = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!m) throw mislukt(nietGeauthenticeerd('Stuur een API-sleutel of OIDC-token mee: Authorization: Bearer <token>.'));
    const result = await this.verifier.verifieer(m[1]);
    if ('fout' in result) throw mislukt(nietGeauthenticeerd(result.fout));
    const wachtSleutel = this.perSleutel.tel(result.subject);
    if (wachtSleutel) throw teVeel(res, wachtSleutel, 'Te veel verzoeken met deze sleutel.');

    const rollen = this.reflector.getAllAndOverride<Rol[] | undefined>(ROLLEN_KEY, targets) ?? rollenUitBeleid(req) ?? STANDAARD_ROLLEN;
    if (!rollen.includes(result.rol)) {
      throw geenToegang(`De rol ${result.rol} mag dit niet; toegestaan: ${rollen.join(', ')}.`);
    }
    // The person's name from the token, so the history can show who did a step (written only when it changed).
    await this.medewerkers.onthoud(result);
    const dag = vandaagVan(this.klok);
    // A gemeente opgeheven at a herindeling acts no more; the one it went into handles its klachten (Wet arhi art. 40 e.v.).
    const opgeheven = opheffing(result.gemeente, dag);
    if (opgeheven) {
      const { gemeente: cbs, opvolger } = opgeheven;
      throw gemeenteOpgeheven(
        `${cbs.naam} (${cbs.code}) is per ${leesbareDatum(cbs.opgeheven)} opgeheven` +
          (opvolger
            ? ` en opgegaan in ${opvolger.naam} (${opvolger.code}): behandel haar klachten met een sleutel of account van ${opvolger.naam}.`
            : '.'),
      );
    }
    // After a herindeling the successor works with the dissolved gemeente's klachten (Wet arhi art. 40 e.v.).
    const gemeenten = gemeentenVan(result.gemeente, dag);
    // An aanbieder of another gemeente's id space only as the successor's, from the herindeling on (Wet arhi art. 40): a
    // key is checked when issued, an OIDC token's claim here.
    if (result.aanbiederGemeente !== undefined && !gemeenten.includes(result.aanbiederGemeente)) {
      throw geenToegang(
        `De aanbieder-id is van ${result.aanbiederGemeente}, die op ${leesbareDatum(dag)} niet is opgegaan in ${result.gemeente}: ` +
          `alleen de gemeente waarin een gemeente opging spreekt voor haar aanbieders.`,
      );
    }
    const tenant = { ...result, gemeenten };
    (req as unknown as Record<string, unknown>)[TENANT_REQUEST_KEY] = tenant;
    TenantContext.set(tenant);
    return true;
  }
}
