import { ProblemException } from '../../common/problem';

/** 401: no or an unknown/invalid token. The detail never says which part was wrong beyond the kind. */
export function nietGeauthenticeerd(detail: string): ProblemException {
  return new ProblemException({ status: 401, code: 'niet-geauthenticeerd', title: 'Niet geauthenticeerd', detail });
}

/** 403: authenticated, but the role may not do this (docs/adr/0003-tenancy-webhooks-idempotency.md). */
export function geenToegang(detail: string): ProblemException {
  return new ProblemException({ status: 403, code: 'geen-toegang', title: 'Geen toegang', detail });
}

/**
 * 403: the token's gemeente was opgeheven at a herindeling. It no longer exists as a bestuursorgaan: the gemeente it
 * went into handles its klachten from that day (Wet algemene regels herindeling, art. 40 e.v.), with its own keys.
 */
export function gemeenteOpgeheven(detail: string): ProblemException {
  return new ProblemException({ status: 403, code: 'gemeente-opgeheven', title: 'Gemeente opgeheven', detail });
}
