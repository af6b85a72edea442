import { SignJWT } from 'jose';

/**
 * An OIDC provider with a shared secret (HS256) for the tests that log medewerkers in: the settings the service reads
 * (`OIDC_*`, docs/architecture.md) and a signed access token of one medewerker.
 */
export const OIDC_ISSUER = 'https://login.gemeente.example/realms/klachten';
const GEHEIM = 'een-gedeeld-geheim-van-minstens-32-tekens!';

/** The service's settings for this provider (createTestApp `env`). */
export const OIDC_ENV = { OIDC_ISSUER, OIDC_AUDIENCE: 'klachtregie', OIDC_SECRET: GEHEIM } as const;

/** `Bearer <token>` of medewerker `sub` with these claims (gemeente, rol, optionally name), valid for ten minutes. */
export async function oidcBearer(sub: string, claims: { gemeente: string; rol: string; name?: string }): Promise<string> {
  return `Bearer ${await new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(OIDC_ISSUER)
    .setAudience('klachtregie')
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(GEHEIM))}`;
}
