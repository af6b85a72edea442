import { Injectable, Logger } from '@nestjs/common';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { AppConfig } from '../../config';
import { InjectConfig } from '../../config';
import { ApiSleutelService } from './api-sleutel.service';
import { isRol, normaliseerGemeente } from './rol';
import type { Tenant } from './tenant';

/** The longest an accepted access token may still be valid (exp - now). */
const MAX_GELDIGHEID_S = 24 * 3600;

/**
 * Turns a bearer token into a Tenant: an API key (`kr_...`) or an OIDC access token (JWT) checked
 * with jose against the configured JWKS (or HS256 secret), issuer and audience. Claims map to
 * gemeente / rol / aanbiederId / aanbiederGemeente through configurable claim names.
 */
@Injectable()
export class TokenVerifier {
  private readonly logger = new Logger('Auth');
  private readonly jwks?: JWTVerifyGetKey;
  private readonly secret?: Uint8Array;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly sleutels: ApiSleutelService,
  ) {
    if (config.oidcJwksUrl) this.jwks = createRemoteJWKSet(new URL(config.oidcJwksUrl));
    if (config.oidcSecret) this.secret = new TextEncoder().encode(config.oidcSecret);
  }

  get oidcAan(): boolean {
    return Boolean(this.config.oidcIssuer && (this.jwks || this.secret));
  }

  /** The tenant, or a Dutch reason why the token is not accepted. */
  async verifieer(token: string): Promise<Tenant | { fout: string }> {
    if (token.startsWith('kr_')) {
      return (await this.sleutels.verifieer(token)) ?? { fout: 'De API-sleutel is onbekend of ingetrokken.' };
    }
    if (token.split('.').length === 3) return this.verifieerJwt(token);
    return { fout: 'Het token is geen API-sleutel en geen JWT.' };
  }

  private async verifieerJwt(token: string): Promise<Tenant | { fout: string }> {
    if (!this.oidcAan) return { fout: 'OIDC-tokens worden door deze installatie niet geaccepteerd (geen OIDC_ISSUER ingesteld).' };
    let payload: JWTPayload;
    try {
      // A token must say who (sub), for whom (aud, required by the configuration) and until when (exp).
      const opts = { issuer: this.config.oidcIssuer, audience: this.config.oidcAudience, requiredClaims: ['exp', 'sub'] };
      payload = this.jwks
        ? (await jwtVerify(token, this.jwks, opts)).payload
        : (await jwtVerify(token, this.secret!, { ...opts, algorithms: ['HS256'] })).payload;
    } catch (e) {
      this.logger.debug(`JWT refused: ${(e as Error).message}`);
      return { fout: 'Het JWT is ongeldig, verlopen of niet voor deze dienst bestemd.' };
    }
    // An access token that lives for days or a century is a stolen credential waiting to happen.
    if (typeof payload.exp === 'number' && payload.exp - Math.floor(Date.now() / 1000) > MAX_GELDIGHEID_S) {
      return {
        fout: `Het JWT is te lang geldig (exp meer dan ${MAX_GELDIGHEID_S / 3600} uur vooruit); vraag een access token met een korte levensduur.`,
      };
    }
    if (typeof payload.sub !== 'string' || payload.sub === '') return { fout: 'Het JWT heeft geen sub (wie de aanvraag doet).' };
    const gemeente = normaliseerGemeente(payload[this.config.oidcClaimGemeente]);
    if (!gemeente) return { fout: `Het JWT heeft geen geldige claim '${this.config.oidcClaimGemeente}' (CBS-code, bijv. GM0363).` };
    const rolClaim = payload[this.config.oidcClaimRol];
    const rol = (Array.isArray(rolClaim) ? rolClaim : [rolClaim]).find(isRol);
    if (!rol) return { fout: `Het JWT heeft geen bekende rol in claim '${this.config.oidcClaimRol}'.` };
    const aanbieder = payload[this.config.oidcClaimAanbieder];
    if (rol === 'aanbieder' && (typeof aanbieder !== 'string' || aanbieder === '')) {
      return { fout: `Een aanbieder-token moet claim '${this.config.oidcClaimAanbieder}' hebben.` };
    }
    // The gemeente whose id space the aanbieder id belongs to, when the identity provider names one (after a herindeling
    // the successor's provider can speak for the dissolved gemeente's aanbieders, Wet arhi art. 40; the AuthGuard checks
    // that it went into `gemeente`). Absent: the gemeente claim, as for a key.
    // An empty or null claim (a provider mapping an unset attribute) is absent.
    const claim = rol === 'aanbieder' ? payload[this.config.oidcClaimAanbiederGemeente] : undefined;
    const aanbiederGemeenteClaim = claim === null || claim === '' ? undefined : claim;
    const aanbiederGemeente = aanbiederGemeenteClaim === undefined ? undefined : normaliseerGemeente(aanbiederGemeenteClaim);
    if (aanbiederGemeenteClaim !== undefined && !aanbiederGemeente) {
      return { fout: `Het JWT heeft geen geldige claim '${this.config.oidcClaimAanbiederGemeente}' (CBS-code, bijv. GM0457).` };
    }
    return {
      gemeente,
      rol,
      ...(rol === 'aanbieder' ? { aanbiederId: aanbieder as string } : {}),
      ...(aanbiederGemeente && aanbiederGemeente !== gemeente ? { aanbiederGemeente } : {}),
      subject: `oidc:${payload.sub}`,
      ...naamUit(payload[this.config.oidcClaimNaam]),
    };
  }
}

/** A display name from the token: text, trimmed, without control characters, at most 200 characters. */
function naamUit(claim: unknown): { naam?: string } {
  if (typeof claim !== 'string') return {};
  const naam = claim
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .trim()
    .slice(0, 200);
  return naam ? { naam } : {};
}
