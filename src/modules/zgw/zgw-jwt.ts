import { SignJWT } from 'jose';

/**
 * The JWT the ZGW APIs expect from a client (VNG "Autorisaties API", JWT-Claims): HS256 with the shared
 * secret, `iss` and `client_id` the client id, `iat` now, and `user_id`/`user_representation` for the
 * register's audit trail. Short-lived: a fresh token per request costs nothing and never expires mid-run.
 */
export async function zgwJwt(clientId: string, secret: string, nu: Date, gebruiker = 'klachtregie'): Promise<string> {
  return new SignJWT({ client_id: clientId, user_id: gebruiker, user_representation: 'Klachtregie' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(clientId)
    .setIssuedAt(Math.floor(nu.getTime() / 1000))
    .sign(new TextEncoder().encode(secret));
}
