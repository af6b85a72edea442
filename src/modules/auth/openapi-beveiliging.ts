import type { OpenAPIObject } from '@nestjs/swagger';
import { ROLLEN_EXTENSIE } from './rollen.decorator';
import { rollenVoorPatroon, STANDAARD_ROLLEN } from './toegangsbeleid';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
export const PUBLIEK_EXTENSIE = 'x-publiek';

/**
 * Security in the OpenAPI document (NL API Design Rules: document authentication): one bearer
 * scheme for both API keys and OIDC access tokens, required on every operation except those marked
 * `@Publiek()`, which also get no 401/403, with the roles that may call it (`x-rollen`, and a sentence in the
 * description; docs/api.md lists the same per route). Every POST documents the optional `Idempotency-Key`.
 */
export function applyBeveiliging(document: OpenAPIObject): OpenAPIObject {
  const doc = document as Json;
  doc.components ??= {};
  doc.components.securitySchemes = {
    ...(doc.components.securitySchemes ?? {}),
    bearer: {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'API-sleutel (kr_...) of OIDC access token (JWT)',
      description:
        'Een API-sleutel (uitgegeven op de server met klachtregie sleutel uitgeven) of een OIDC access token van de ' +
        'geconfigureerde issuer met de claims gemeente, rol en (bij rol aanbieder) aanbiederId.',
    },
  };
  doc.security = [{ bearer: [] }];
  for (const [pad, pathItem] of Object.entries<Json>(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = pathItem[method] as Json | undefined;
      if (!op) continue;
      op.responses ??= {};
      if (op[PUBLIEK_EXTENSIE]) {
        op.security = [];
        delete op[PUBLIEK_EXTENSIE];
      } else {
        op.security = [{ bearer: [] }];
        // The roles the guard lets through, from the same sources it reads (AuthGuard): `@Rollen`, the table, the default.
        const patroon = pad.replace(/^\/api\/v\d+/, '').replace(/\{([^}]+)\}/g, ':$1');
        const rollen: readonly string[] = op[ROLLEN_EXTENSIE] ?? rollenVoorPatroon(method.toUpperCase(), patroon) ?? STANDAARD_ROLLEN;
        op[ROLLEN_EXTENSIE] = [...rollen];
        const zin = `Rollen: ${rollen.join(', ')}.`;
        op.description = op.description ? `${op.description}\n\n${zin}` : zin;
        op.responses['401'] ??= { description: 'Geen of een ongeldig token (niet-geauthenticeerd)' };
        op.responses['403'] ??= { description: 'De rol mag dit niet (geen-toegang)' };
      }
      const zonderSleutel = Boolean(op['x-geen-idempotentie']);
      delete op['x-geen-idempotentie'];
      if (method === 'post' && !zonderSleutel) {
        // The same key for another request is refused (IdempotencyInterceptor): a 422 any such POST can give.
        op.responses['422'] ??= {
          description: 'De Idempotency-Key is al gebruikt voor een ander verzoek (idempotency-key-hergebruikt)',
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        };
        op.parameters ??= [];
        if (!op.parameters.some((p: Json) => p.in === 'header' && String(p.name).toLowerCase() === 'idempotency-key')) {
          op.parameters.push({
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            description: 'Unieke sleutel per verzoek: een herhaling met dezelfde sleutel geeft het eerste antwoord terug.',
            schema: { type: 'string', maxLength: 255 },
          });
        }
        // A replay answers the first request's reply, marked so (IdempotencyInterceptor; IETF
        // draft-ietf-httpapi-idempotency-key-header): on every success this POST can give.
        for (const [status, antwoord] of Object.entries<Json>(op.responses)) {
          if (!/^2\d\d$/.test(status)) continue;
          antwoord.headers ??= {};
          antwoord.headers['Idempotent-Replayed'] ??= {
            description:
              'true als dit het opgeslagen antwoord is op een eerder verzoek met dezelfde Idempotency-Key; er is niets nogmaals uitgevoerd.',
            schema: { type: 'string', enum: ['true'] },
          };
        }
      }
    }
  }
  return document;
}
