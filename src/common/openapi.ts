import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { APP_CONFIG, AppConfig } from '../config';
import { API_PREFIX, API_VERSION } from './api-version';
import { applyBeveiliging } from '../modules/auth/openapi-beveiliging';
import { PROBLEM_CONTENT_TYPE } from './problem';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

/** The problem+json schema (RFC 9457 plus `code` and `invalidParams`) every 4xx/5xx refers to. */
const PROBLEM_SCHEMA: Json = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', format: 'uri', example: 'https://klachtregie.nl/problemen/validatie-fout' },
    title: { type: 'string', example: 'Validatiefout' },
    status: { type: 'integer', example: 400 },
    detail: { type: 'string', example: 'Een of meer velden zijn ongeldig.' },
    instance: { type: 'string', example: '/api/v1/klachten' },
    code: { type: 'string', example: 'validatie-fout' },
    invalidParams: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'reason'],
        properties: { name: { type: 'string', example: 'omschrijving' }, reason: { type: 'string' } },
      },
    },
  },
};

/** A problem with extension members of its own (RFC 9457 §3.2), e.g. the events a 409 would have allowed. */
function problemMet(description: string, extensies: Json, required: string[] = []): Json {
  return {
    ...PROBLEM_SCHEMA,
    description,
    required: [...PROBLEM_SCHEMA.required, ...required],
    properties: { ...PROBLEM_SCHEMA.properties, ...extensies },
  };
}

/** The problems with extensions, by schema name; operations refer to them with `probleemSchema(naam)`. */
export const PROBLEEM_SCHEMAS = {
  GebeurtenisNietToegestaanProblem: problemMet(
    'De gebeurtenis kan in de huidige toestand niet (gebeurtenis-niet-toegestaan, met gebeurtenis, state en toegestaneGebeurtenissen) of is voorbehouden aan het systeem (gebeurtenis-voorbehouden); er is niets gewijzigd.',
    {
      gebeurtenis: { type: 'string', example: 'AFDOENEN' },
      state: { type: 'string', example: 'gemeente.ontvangen' },
      toegestaneGebeurtenissen: { type: 'array', items: { type: 'string' }, example: ['FORMELE_BEHANDELING'] },
    },
  ),
  GebeurtenisDataOngeldigProblem: problemMet(
    'De gebeurtenis past, maar haar data niet (gebeurtenis-data-ongeldig); invalidParams noemt elk veld.',
    { gebeurtenis: { type: 'string', example: 'AFDOENEN' } },
  ),
  DefinitieFoutenProblem: problemMet(
    'De definitie is niet gepubliceerd; `fouten` noemt elke fout als bestand:regel:kolom. (Zonder `fouten`: een hergebruikte Idempotency-Key, idempotency-key-hergebruikt.)',
    { fouten: { type: 'array', items: { $ref: '#/components/schemas/DefinitieFoutDto' } } },
  ),
  MigratieGeweigerdProblem: problemMet(
    'Een of meer klachten kunnen niet naar de nieuwe versie (migratie-geweigerd); `klachten` noemt per klacht de bezwaren. Er is niets gemigreerd.',
    {
      klachten: {
        type: 'array',
        items: {
          type: 'object',
          properties: { klachtId: { type: 'string', format: 'uuid' }, bezwaren: { type: 'array', items: { type: 'string' } } },
          required: ['klachtId', 'bezwaren'],
        },
      },
    },
    ['klachten'],
  ),
  NietBeschikbaarProblem: problemMet(
    'De database of de job queue antwoordt niet (niet-beschikbaar); `database` en `queue` zeggen welke.',
    { database: { type: 'string', enum: ['ok', 'down'] }, queue: { $ref: '#/components/schemas/QueueHealthDto' } },
    ['database', 'queue'],
  ),
} satisfies Record<string, Json>;

/** `{ $ref }` to one of PROBLEEM_SCHEMAS, for `@ApiConflictResponse({ schema: probleemSchema(...) })`. */
export const probleemSchema = (naam: keyof typeof PROBLEEM_SCHEMAS) => ({ $ref: `#/components/schemas/${naam}` });

const RETRY_AFTER: Json = {
  description: 'Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3).',
  schema: { type: 'integer', minimum: 1 },
};

const problemResponse = (description: string): Json => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
});

/**
 * Makes the generated document keep the NL API Design Rules for every operation, whoever wrote the
 * controller: API-Version on every 2xx/3xx, problem+json on every 4xx/5xx, a 400 wherever input is taken.
 */
export function applyApiDesignRules(document: OpenAPIObject): OpenAPIObject {
  const doc = document as Json;
  doc.components ??= {};
  doc.components.schemas ??= {};
  doc.components.schemas.Problem = PROBLEM_SCHEMA;
  Object.assign(doc.components.schemas, PROBLEEM_SCHEMAS);
  doc.components.headers ??= {};
  doc.components.headers['API-Version'] = {
    description: 'De volledige versie van de API (NL API Design Rules /core/version-header).',
    schema: { type: 'string', example: API_VERSION },
  };
  for (const [pad, pathItem] of Object.entries<Json>(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = pathItem[method] as Json | undefined;
      if (!op) continue;
      op.responses ??= {};
      // Header names are case-insensitive (RFC 9110 §5.1): `@Headers('x-correlation-id')` and
      // `@ApiHeader({ name: 'X-Correlation-ID' })` are one parameter, declared once (the described one).
      if (Array.isArray(op.parameters)) {
        const headers = new Map<string, Json>();
        for (const p of op.parameters as Json[]) {
          if (p.in !== 'header') continue;
          const naam = String(p.name).toLowerCase();
          const eerder = headers.get(naam);
          if (!eerder || (!eerder.description && p.description)) headers.set(naam, p);
        }
        op.parameters = (op.parameters as Json[]).filter((p) => p.in !== 'header' || headers.get(String(p.name).toLowerCase()) === p);
      }
      // Every request passes the input limits first (InvoerGrenzenGuard: no NUL or lone surrogate in any query
      // value, header or body, JSON at most 32 deep, X-Correlation-ID at most 200 characters): any operation can
      // answer 400, also one without parameters of its own.
      if (!op.responses['400']) op.responses['400'] = problemResponse('Ongeldig verzoek (validatie-fout)');
      if (op.requestBody) {
        op.responses['413'] ??= problemResponse('De body is te groot (verzoek-te-groot)');
        op.responses['415'] ??= problemResponse('De body is niet in een mediatype dat deze operatie aanneemt (mediatype-niet-ondersteund)');
      }
      // Any operation can fail on our side (interne-fout, without internals) or while the database is
      // unreachable (niet-beschikbaar, with Retry-After): the problem filter answers both everywhere.
      // A resource in the path that does not exist, or belongs to another gemeente, is a 404 (never 403:
      // docs/adr/0003-tenancy-webhooks-idempotency.md).
      if (pad.includes('{'))
        op.responses['404'] ??= problemResponse('Niet gevonden, of niet van de gemeente van de aanroeper (niet-gevonden)');
      // Every authenticated operation is rate limited per key and per address (docs/api.md, Snelheidsgrenzen).
      if (Array.isArray(op.security) && op.security.length > 0) {
        op.responses['429'] ??= {
          ...problemResponse('Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden'),
          headers: { 'Retry-After': RETRY_AFTER },
        };
      }
      op.responses['500'] ??= problemResponse('Interne fout (interne-fout); de fout is gelogd');
      op.responses['503'] ??= {
        ...problemResponse('De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd'),
        headers: { 'Retry-After': RETRY_AFTER },
      };
      for (const [status, response] of Object.entries<Json>(op.responses)) {
        if (/^[23]\d\d$/.test(status)) {
          response.headers ??= {};
          response.headers['API-Version'] = { $ref: '#/components/headers/API-Version' };
        } else if (/^[45]\d\d$/.test(status)) {
          const content = response.content as Json | undefined;
          const schema = content ? (Object.values<Json>(content)[0]?.schema ?? undefined) : undefined;
          const eigen = schema?.properties?.status || (typeof schema?.$ref === 'string' && /Problem$/.test(schema.$ref));
          response.content = {
            [PROBLEM_CONTENT_TYPE]: { schema: eigen ? schema : { $ref: '#/components/schemas/Problem' } },
          };
        }
      }
    }
  }
  return document;
}

/**
 * The OpenAPI document generated from the controllers. The server URL carries `/api/v1` and the paths
 * do not repeat it (the NL API Design Rules linter checks the version in `servers` only). Served at
 * `GET /api/v1/openapi.json`; tests and the Spectral check call this directly.
 */
export function buildOpenApiDocument(app: INestApplication, baseUrl?: string): OpenAPIObject {
  const config = app.get<AppConfig>(APP_CONFIG);
  const base = (baseUrl ?? config.publicBaseUrl ?? `http://localhost:${config.port}`).replace(/\/+$/, '');
  const options = new DocumentBuilder()
    .setTitle('Klachtregie API')
    .setDescription(
      'Klachtbehandeling voor gemeenten (Awb hoofdstuk 9, Jeugdwet, Wkkgz): klachten, gebeurtenissen, termijnen en definities. ' +
        'Fouten zijn application/problem+json (RFC 9457) met een stabiele `code`.',
    )
    .setVersion(API_VERSION)
    .setContact('Klachtregie', 'https://klachtregie.nl', 'info@klachtregie.nl')
    .setLicense('EUPL-1.2', 'https://eupl.eu/1.2/nl/')
    .addServer(`${base}/${API_PREFIX}`)
    .build();
  const document = SwaggerModule.createDocument(app, options, { ignoreGlobalPrefix: true });
  return applyApiDesignRules(applyBeveiliging(document));
}
