/**
 * A validating ZGW mock for the connector's integration tests, built from the official VNG
 * OpenAPI documents in test/fixtures/zgw (Zaken API 1.5.1, Catalogi API 1.3.1, Documenten API 1.5.0).
 *
 * Every request is routed by the documents' paths and checked before anything is stored: the path
 * parameters, every query parameter (unknown ones too), the required headers (Accept-Crs,
 * Content-Crs, Content-Type), a ZGW JWT (HS256 with client_id and iat) and the body against the
 * operation's schema with Ajv. A mismatch is answered 400 (401/403 for the token) with the
 * standard `ValidatieFout` and recorded in `geweigerd`, so a test can assert that nothing was
 * refused. Stricter than the standard on one point: a request body with a property the schema
 * does not know is refused (a misspelt field would otherwise be silently dropped by the register).
 * Besides the schemas it enforces the business rules that the operations' descriptions state and a register
 * applies (`regels`, e.g. status_create: an eindstatus only when every document has indicatieGebruiksrecht), so a
 * request a real register would refuse is refused here too.
 *
 * Accepted resources live in memory with a url and uuid; every answer is checked against the
 * response schema too, so the mock cannot hand the connector something a real register would not.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { jwtVerify } from 'jose';
import { parse } from 'yaml';

export type ZgwApi = 'zaken' | 'catalogi' | 'documenten';

const DOCUMENTEN: Record<ZgwApi, string> = {
  zaken: 'zaken-api-1.5.1.yaml',
  catalogi: 'catalogi-api-1.3.1.yaml',
  documenten: 'documenten-api-1.5.0.yaml',
};

export const ZGW_FIXTURES = join(__dirname, '..', 'fixtures', 'zgw');

type Json = Record<string, unknown>;

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Json;
}

interface Operatie {
  api: ZgwApi;
  methode: string;
  sjabloon: string;
  patroon: RegExp;
  padNamen: string[];
  operationId: string;
  parameters: Parameter[];
  /** A `$ref` to a component, or an inline schema (the official documents have a few free-form bodies). */
  bodySchema?: Json;
  antwoordSchema?: Json;
  antwoordStatus: number;
}

/** One request as the mock saw it (accepted or refused). */
export interface ZgwVerzoek {
  api: ZgwApi;
  methode: string;
  pad: string;
  operationId?: string;
  body?: unknown;
  status: number;
  fouten?: string[];
}

/** OpenAPI 3.0 schema -> JSON Schema: `nullable` becomes a union with null; OAS-only keywords go. */
function converteer(s: unknown, variant: 'verzoek' | 'antwoord'): unknown {
  if (Array.isArray(s)) return s.map((x) => converteer(x, variant));
  if (!s || typeof s !== 'object') return s;
  const uit: Json = {};
  for (const [k, v] of Object.entries(s as Json)) {
    if (k === 'discriminator' || k === 'example' || k === 'xml' || k === 'externalDocs') continue;
    if (k === 'properties' && v && typeof v === 'object') {
      uit[k] = Object.fromEntries(
        Object.entries(v as Json).map(([p, ps]) => [p, converteer(variant === 'verzoek' ? streng(ps as Json) : ps, variant)]),
      );
      continue;
    }
    if (k === 'items' && variant === 'verzoek' && v && typeof v === 'object') {
      uit[k] = converteer(streng(v as Json), variant);
      continue;
    }
    uit[k] = converteer(v, variant);
  }
  // OAS 3.0: readOnly properties are not sent in a request, writeOnly ones not returned, even if "required".
  if (Array.isArray(uit.required) && uit.properties) {
    const props = uit.properties as Record<string, Json>;
    const weg = variant === 'verzoek' ? 'readOnly' : 'writeOnly';
    uit.required = (uit.required as string[]).filter((r) => !(props[r] && isVlag(props[r], weg)));
    if ((uit.required as string[]).length === 0) delete uit.required;
  }
  if (uit.nullable === true) {
    delete uit.nullable;
    return { anyOf: [uit, { type: 'null' }] };
  }
  delete uit.nullable;
  return uit;
}

/** A nested object in a request: properties its schema does not know are refused (see the file comment). */
function streng(s: Json): Json {
  return s.$ref || s.allOf ? { ...s, unevaluatedProperties: false } : s;
}

/** readOnly/writeOnly on the property, also inside a nullable wrapper made by converteer. */
function isVlag(p: Json, vlag: string): boolean {
  if (p[vlag] === true) return true;
  return Array.isArray(p.anyOf) && (p.anyOf as Json[]).some((x) => x[vlag] === true);
}

function foutTekst(e: ErrorObject, waar: string): string {
  return `${waar}${e.instancePath || ''} ${e.message ?? ''}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}${e.params && 'unevaluatedProperty' in e.params ? ` (${String(e.params.unevaluatedProperty)})` : ''}${e.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : ''}`.trim();
}

export interface ZgwMockOpties {
  /** The JWT secret the registers share with Klachtregie (ZGW: HS256). */
  secret: string;
  clientId: string;
  port?: number;
}

export class ZgwMock {
  private readonly ajv: Ajv2019;
  private readonly operaties: Operatie[] = [];
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly discriminators = new Map<string, { veld: string; mapping: Record<string, string> }>();
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  /** Resources per API and collection path (e.g. `zaken:/zaken`), by uuid. */
  readonly opslag = new Map<string, Map<string, Json>>();
  readonly verzoeken: ZgwVerzoek[] = [];
  /** Documenten API: content of each enkelvoudiginformatieobject, by uuid. */
  readonly inhoud = new Map<string, Buffer>();
  /** Documenten API: the lock of each checked-out enkelvoudiginformatieobject, by uuid. */
  private readonly locks = new Map<string, string>();
  port = 0;
  /** Set by a test: awaited before a request is carried out (to let something happen while a run is under way). */
  voorVerzoek?: (v: { api: ZgwApi; methode: string; pad: string }) => Promise<void>;
  /** Set by a test: the request is carried out and stored, but the connection drops before the answer. */
  verbreekNa?: (v: { api: ZgwApi; methode: string; pad: string; body: unknown }) => boolean;

  constructor(private readonly opties: ZgwMockOpties) {
    this.ajv = new Ajv2019({ strict: false, allErrors: true, validateSchema: false, discriminator: false });
    addFormats(this.ajv);
    for (const api of Object.keys(DOCUMENTEN) as ZgwApi[]) this.laad(api);
  }

  private laad(api: ZgwApi): void {
    const doc = parse(readFileSync(join(ZGW_FIXTURES, DOCUMENTEN[api]), 'utf8')) as Json;
    const schemas = (doc.components as Json).schemas as Record<string, Json>;
    for (const [naam, s] of Object.entries(schemas)) {
      const d = s.discriminator as { propertyName: string; mapping?: Record<string, string> } | undefined;
      if (d?.mapping) {
        this.discriminators.set(`${api}#${naam}`, {
          veld: d.propertyName,
          mapping: Object.fromEntries(Object.entries(d.mapping).map(([k, v]) => [k, v.split('/').pop()!])),
        });
      }
    }
    for (const variant of ['verzoek', 'antwoord'] as const) {
      this.ajv.addSchema({ $id: `${api}-${variant}`, components: { schemas: converteer(schemas, variant) } });
    }
    for (const [sjabloon, item] of Object.entries(doc.paths as Record<string, Json>)) {
      const padNamen: string[] = [];
      const patroon = new RegExp(
        '^' +
          sjabloon.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{([^}]+)\\?\}/g, (_m, n: string) => {
            padNamen.push(n);
            return '([^/]+)';
          }) +
          '$',
      );
      const gedeeld = (item.parameters as Parameter[] | undefined) ?? [];
      for (const [methode, op] of Object.entries(item)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(methode)) continue;
        const o = op as Json;
        const body = ((o.requestBody as Json | undefined)?.content as Json | undefined)?.['application/json'] as Json | undefined;
        const responses = o.responses as Record<string, Json>;
        const statusCode = Object.keys(responses).find((c) => /^2/.test(c)) ?? '200';
        const antwoord = ((responses[statusCode]?.content as Json | undefined)?.['application/json'] as Json | undefined)?.schema as
          Json | undefined;
        this.operaties.push({
          api,
          methode: methode.toUpperCase(),
          sjabloon,
          patroon,
          padNamen,
          operationId: o.operationId as string,
          parameters: [...gedeeld, ...((o.parameters as Parameter[] | undefined) ?? [])],
          bodySchema: body?.schema as Json | undefined,
          antwoordSchema: antwoord,
          antwoordStatus: Number(statusCode),
        });
      }
    }
  }

  private validator(sleutel: string, schema: () => unknown): ValidateFunction {
    let v = this.validators.get(sleutel);
    if (!v) {
      v = this.ajv.compile(schema() as object);
      this.validators.set(sleutel, v);
    }
    return v;
  }

  /** Validates `data` against an operation's schema (a component `$ref` or inline); returns the errors (empty: valid). */
  valideer(api: ZgwApi, schema: Json, data: unknown, variant: 'verzoek' | 'antwoord'): string[] {
    if (typeof schema.$ref !== 'string') {
      // An inline schema may still point into the document's components.
      const inline = JSON.parse(
        JSON.stringify(converteer(schema, variant)).replaceAll('"#/components/', `"${api}-${variant}#/components/`),
      ) as Json;
      const v = this.validator(`${api}-${variant}:${JSON.stringify(inline)}`, () => inline);
      return v(data) ? [] : (v.errors ?? []).map((e) => foutTekst(e, 'body'));
    }
    let naam = schema.$ref.split('/').pop()!;
    const d = this.discriminators.get(`${api}#${naam}`);
    // A polymorphic body (e.g. a Rol by betrokkeneType) is checked against the variant its discriminator names.
    if (d && data && typeof data === 'object') {
      const waarde = (data as Json)[d.veld];
      if (typeof waarde === 'string' && d.mapping[waarde]) naam = d.mapping[waarde];
    }
    const v = this.validator(`${api}-${variant}#${naam}`, () => ({
      $ref: `${api}-${variant}#/components/schemas/${naam}`,
      // See the file comment: unknown properties in a request are refused.
      ...(variant === 'verzoek' ? { unevaluatedProperties: false } : {}),
    }));
    return v(data) ? [] : (v.errors ?? []).map((e) => foutTekst(e, 'body'));
  }

  basisUrl(api: ZgwApi): string {
    return `http://127.0.0.1:${this.port}/${api}/api/v1`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.behandel(req, res));
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.port || this.opties.port || 0, '127.0.0.1', () => resolve());
    });
    const a = this.server.address();
    this.port = typeof a === 'object' && a ? a.port : 0;
  }

  /** Goes down (connection refused from now on); the stored registers survive a later start(). */
  async stop(): Promise<void> {
    if (!this.server) return;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => this.server!.close(() => r()));
    this.server = undefined;
  }

  get geweigerd(): ZgwVerzoek[] {
    return this.verzoeken.filter((v) => v.status >= 400 && v.status !== 404);
  }

  verzameling(api: ZgwApi, pad: string): Map<string, Json> {
    const k = `${api}:${pad}`;
    let m = this.opslag.get(k);
    if (!m) {
      m = new Map();
      this.opslag.set(k, m);
    }
    return m;
  }

  /** All resources of a collection, e.g. `lijst('zaken', '/statussen')`. */
  lijst(api: ZgwApi, pad: string): Json[] {
    return [...this.verzameling(api, pad).values()];
  }

  private async behandel(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://mock');
    const m = /^\/(zaken|catalogi|documenten)\/api\/v1(\/.*)$/.exec(url.pathname);
    const stuur = (status: number, body: unknown, v: Omit<ZgwVerzoek, 'status'>) => {
      this.verzoeken.push({ ...v, status });
      res.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', 'api-version': '1.5.1' });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    if (!m) return stuur(404, { title: 'Niet gevonden' }, { api: 'zaken', methode: req.method ?? '', pad: url.pathname });
    const api = m[1] as ZgwApi;
    const pad = m[2];
    const methode = (req.method ?? 'GET').toUpperCase();
    const basis: ZgwVerzoek = { api, methode, pad: pad + url.search, status: 0 };
    if (this.voorVerzoek) await this.voorVerzoek({ api, methode, pad });
    const ops = this.operaties.filter((o) => o.api === api && o.patroon.test(pad));
    const op = ops.find((o) => o.methode === methode);
    if (!op)
      return stuur(
        ops.length ? 405 : 404,
        { title: ops.length ? 'Methode niet toegestaan' : 'Niet gevonden' },
        { ...basis, fouten: [`geen operatie ${methode} ${pad}`] },
      );
    basis.operationId = op.operationId;

    const fouten: string[] = [];
    // ZGW JWT (Autorisaties API, "JWT-Claims"): HS256, signed with the shared secret, with client_id and iat.
    const auth = req.headers.authorization ?? '';
    const token = /^Bearer (.+)$/.exec(auth)?.[1];
    if (!token)
      return stuur(401, { code: 'not_authenticated', title: 'Geen JWT' }, { ...basis, fouten: ['geen Authorization: Bearer <jwt>'] });
    try {
      const { payload, protectedHeader } = await jwtVerify(token, new TextEncoder().encode(this.opties.secret), { algorithms: ['HS256'] });
      if (protectedHeader.alg !== 'HS256') fouten.push('jwt alg is geen HS256');
      if (payload.client_id !== this.opties.clientId) fouten.push(`jwt client_id ${String(payload.client_id)} onbekend`);
      if (typeof payload.iat !== 'number') fouten.push('jwt zonder iat');
      if (payload.iss !== this.opties.clientId) fouten.push('jwt iss is niet de client_id');
    } catch (e) {
      fouten.push(`jwt ongeldig: ${(e as Error).message}`);
    }
    if (fouten.length) return stuur(403, { code: 'permission_denied', title: 'JWT geweigerd' }, { ...basis, fouten });

    const padWaarden = Object.fromEntries(op.padNamen.map((n, i) => [n, decodeURIComponent(op.patroon.exec(pad)![i + 1])]));
    const bekendeQuery = new Set(op.parameters.filter((p) => p.in === 'query').map((p) => p.name));
    for (const k of url.searchParams.keys()) if (!bekendeQuery.has(k)) fouten.push(`query ${k} is geen parameter van ${op.operationId}`);
    for (const p of op.parameters) {
      const waarde =
        p.in === 'path'
          ? padWaarden[p.name]
          : p.in === 'query'
            ? (url.searchParams.get(p.name) ?? undefined)
            : (req.headers[p.name.toLowerCase()] as string | undefined);
      if (waarde === undefined) {
        if (p.required) fouten.push(`${p.in} ${p.name} ontbreekt`);
        continue;
      }
      const schema = converteer(p.schema, 'verzoek') as Json;
      const t = (schema.type ?? (schema.anyOf as Json[] | undefined)?.[0]?.type) as string | undefined;
      const getypt: unknown =
        t === 'integer' || t === 'number'
          ? Number(waarde)
          : t === 'boolean'
            ? waarde === 'true'
              ? true
              : waarde === 'false'
                ? false
                : waarde
            : waarde;
      const v = this.validator(`param:${JSON.stringify(schema)}`, () => schema);
      if (!v(getypt)) fouten.push(...(v.errors ?? []).map((e) => foutTekst(e, `${p.in} ${p.name}`)));
    }
    let body: unknown;
    if (op.bodySchema) {
      try {
        body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
      } catch {
        fouten.push('body is geen JSON');
      }
      if (body === undefined) fouten.push('body ontbreekt');
      else fouten.push(...this.valideer(api, op.bodySchema, body, 'verzoek'));
    }
    if (fouten.length) {
      return stuur(
        400,
        {
          code: 'invalid',
          title: 'Invalid input.',
          status: 400,
          invalidParams: fouten.map((f) => ({ name: f.split(' ')[0], code: 'invalid', reason: f })),
        },
        { ...basis, body, fouten },
      );
    }

    const uitkomst = this.voerUit(op, api, pad, padWaarden, url.searchParams, body as Json | undefined);
    if (uitkomst.status < 300 && op.antwoordSchema && uitkomst.body !== undefined) {
      const antwoordFouten = this.valideer(api, op.antwoordSchema, uitkomst.body, 'antwoord');
      if (antwoordFouten.length)
        return stuur(
          500,
          { title: 'mock gaf een ongeldig antwoord', fouten: antwoordFouten },
          { ...basis, body, fouten: antwoordFouten.map((f) => `antwoord: ${f}`) },
        );
    }
    if (this.verbreekNa?.({ api, methode, pad, body })) {
      this.verbreekNa = undefined;
      this.verzoeken.push({ ...basis, body, status: uitkomst.status, fouten: ['verbinding verbroken na verwerking'] });
      req.socket.destroy();
      return;
    }
    return stuur(uitkomst.status, uitkomst.body, { ...basis, body, ...(uitkomst.fouten ? { fouten: uitkomst.fouten } : {}) });
  }

  /**
   * A refusal by one of the standard's business rules (the operation's description in the OpenAPI document), as the
   * reference implementation answers it: 400 with a ValidatieFout naming the rule's code.
   */
  private weiger(code: string, reden: string, naam = 'nonFieldErrors'): { status: number; body: unknown; fouten: string[] } {
    return {
      status: 400,
      body: { code: 'invalid', title: 'Invalid input.', status: 400, invalidParams: [{ name: naam, code, reason: reden }] },
      fouten: [`${code}: ${reden}`],
    };
  }

  /** A stored resource by its URL (the uuid is its last segment). */
  private opUrl(api: ZgwApi, pad: string, url: unknown): Json | undefined {
    return typeof url === 'string' ? this.verzameling(api, pad).get(url.split('/').pop()!) : undefined;
  }

  /**
   * The business rules of the operations that the schemas cannot express. Returns a refusal, or undefined when the
   * request may be carried out.
   */
  private regels(op: Operatie, padWaarden: Record<string, string>, body: Json | undefined): ReturnType<ZgwMock['weiger']> | undefined {
    // Zaken API 1.5.1 status_create, rol_create, resultaat_create: "geldigheid URL naar het STATUSTYPE" (ROLTYPE,
    // RESULTAATTYPE): a type of the catalogus, and of the zaak's own zaaktype (the reference implementation's
    // zaaktype-mismatch); a type of another version of that zaaktype is another type.
    const type = {
      status_create: ['statustype', '/statustypen'],
      rol_create: ['roltype', '/roltypen'],
      resultaat_create: ['resultaattype', '/resultaattypen'],
    }[op.operationId];
    const zaakVan = body ? this.opUrl('zaken', '/zaken', body.zaak) : undefined;
    if (type && body && zaakVan) {
      const t = this.opUrl('catalogi', type[1], body[type[0]]);
      if (!t) return this.weiger('bad-url', `${String(body[type[0]])} is geen ${type[0]} in de catalogus`, type[0]);
      if (t.zaaktype !== zaakVan.zaaktype)
        return this.weiger(
          'zaaktype-mismatch',
          `het ${type[0]} hoort niet bij het zaaktype van de zaak (${String(zaakVan.zaaktype)})`,
          type[0],
        );
    }
    if (op.operationId === 'status_create' && body) {
      const statustype = this.opUrl('catalogi', '/statustypen', body.statustype);
      const zaak = this.opUrl('zaken', '/zaken', body.zaak);
      // Zaken API 1.5.1 status_create: "indien het de eindstatus betreft, dan moet het attribuut indicatieGebruiksrecht
      // gezet zijn op alle informatieobjecten die aan de zaak gerelateerd zijn"; the reference implementation also
      // refuses while one of them is locked (Documenten API: a checkout not yet undone).
      if (statustype?.isEindstatus === true && zaak) {
        // Closing a zaak derives its archiving (archiefnominatie, archiefactiedatum) from its resultaat's resultaattype:
        // the reference implementation of the Zaken API refuses an eindstatus on a zaak without one.
        if (!this.lijst('zaken', '/resultaten').some((r) => r.zaak === zaak.url))
          return this.weiger('resultaat-does-not-exist', 'de zaak heeft geen resultaat; zet dat voor de eindstatus');
        for (const zio of this.lijst('zaken', '/zaakinformatieobjecten').filter((z) => z.zaak === zaak.url)) {
          const io = this.opUrl('documenten', '/enkelvoudiginformatieobjecten', zio.informatieobject);
          if (!io) continue;
          if (io.locked === true)
            return this.weiger('informatieobject-locked', `informatieobject ${String(io.url)} is nog gelocked; unlock het eerst`);
          if (io.indicatieGebruiksrecht === null || io.indicatieGebruiksrecht === undefined)
            return this.weiger(
              'indicatiegebruiksrecht-unset',
              `informatieobject ${String(io.url)} heeft geen indicatieGebruiksrecht; zet die voor de eindstatus`,
            );
        }
      }
    }
    // Zaken API 1.5.1 resultaat_update / resultaat_partial_update: "het RESULTAATTYPE mag niet gewijzigd worden".
    if ((op.operationId === 'resultaat_update' || op.operationId === 'resultaat_partial_update') && body?.resultaattype !== undefined) {
      const r = this.verzameling('zaken', '/resultaten').get(padWaarden.uuid);
      if (r && body.resultaattype !== r.resultaattype)
        return this.weiger('wijzigen-niet-toegelaten', 'het resultaattype mag niet gewijzigd worden', 'resultaattype');
    }
    // Zaken API 1.5.1: a zaak has one resultaat (Zaak.resultaat); another one comes only after resultaat_destroy.
    if (op.operationId === 'resultaat_create' && body && this.lijst('zaken', '/resultaten').some((r) => r.zaak === body.zaak))
      return this.weiger('unique', 'de zaak heeft al een resultaat', 'zaak');
    // Documenten API 1.5.0 enkelvoudiginformatieobject_update / _partial_update: only with the lock of a checkout
    // (enkelvoudiginformatieobject_lock), which also the unlock must name.
    if (
      ['enkelvoudiginformatieobject_update', 'enkelvoudiginformatieobject_partial_update', 'enkelvoudiginformatieobject_unlock'].includes(
        op.operationId,
      )
    ) {
      const io = this.verzameling('documenten', '/enkelvoudiginformatieobjecten').get(padWaarden.uuid);
      if (io) {
        const lock = this.locks.get(padWaarden.uuid);
        if (!lock) return this.weiger('unlocked', 'het informatieobject is niet gelocked; lock het eerst', 'lock');
        if (body?.lock !== lock) return this.weiger('incorrect-lock-id', 'de lock van het informatieobject is onjuist', 'lock');
      }
    }
    return undefined;
  }

  /** Generic in-memory CRUD, plus the few derived fields a register keeps on the zaak. */
  private voerUit(
    op: Operatie,
    api: ZgwApi,
    pad: string,
    padWaarden: Record<string, string>,
    query: URLSearchParams,
    body: Json | undefined,
  ): { status: number; body?: unknown; fouten?: string[] } {
    const geweigerd = this.regels(op, padWaarden, body);
    if (geweigerd) return geweigerd;
    if (op.operationId === 'enkelvoudiginformatieobject_lock' || op.operationId === 'enkelvoudiginformatieobject_unlock') {
      const io = this.verzameling('documenten', '/enkelvoudiginformatieobjecten').get(padWaarden.uuid);
      if (!io) return { status: 404, body: { title: 'Niet gevonden' } };
      if (op.operationId === 'enkelvoudiginformatieobject_unlock') {
        this.locks.delete(padWaarden.uuid);
        io.locked = false;
        return { status: 204 };
      }
      if (this.locks.has(padWaarden.uuid)) return this.weiger('existing-lock', 'het informatieobject is al gelocked');
      const lock = randomUUID().replaceAll('-', '');
      this.locks.set(padWaarden.uuid, lock);
      io.locked = true;
      return { status: 200, body: { lock } };
    }
    const verzamelingPad = op.padNamen.length && op.sjabloon.endsWith('}') ? op.sjabloon.replace(/\/\{[^}]+\}$/, '') : op.sjabloon;
    const coll = this.verzameling(api, verzamelingPad);
    const uuid = padWaarden.uuid;
    switch (op.methode) {
      case 'GET': {
        if (uuid) {
          const r = coll.get(uuid);
          return r ? { status: 200, body: r } : { status: 404, body: { title: 'Niet gevonden' } };
        }
        const filters = [...query.entries()].filter(([k]) => k !== 'page' && !k.includes('__') && k !== 'ordering' && k !== 'expand');
        // A filter on a field the resource does not have (Catalogi `status=alles`) selects nothing out.
        const results = [...coll.values()].filter((r) => filters.every(([k, v]) => !(k in r) || String(r[k]) === v));
        // Some lists are documented unpaginated (a bare array), e.g. zaakinformatieobject_list.
        if (op.antwoordSchema?.type === 'array') return { status: 200, body: results };
        return { status: 200, body: { count: results.length, next: null, previous: null, results } };
      }
      case 'POST': {
        if (uuid) return { status: 405 };
        const id = randomUUID();
        const r: Json = { url: `${this.basisUrl(api)}${verzamelingPad}/${id}`, uuid: id, ...body };
        this.catalogusVan(api, r);
        // Documenten API: the content is kept apart and the resource points at its download (`inhoud`, a URL).
        if (api === 'documenten' && verzamelingPad === '/enkelvoudiginformatieobjecten' && typeof r.inhoud === 'string') {
          this.inhoud.set(id, Buffer.from(r.inhoud, 'base64'));
          r.inhoud = `${String(r.url)}/download`;
          r.bestandsomvang = this.inhoud.get(id)!.length;
        }
        this.vulAan(api, op, r);
        coll.set(id, r);
        this.afgeleid(api, verzamelingPad, r);
        return { status: op.antwoordStatus, body: r };
      }
      case 'PUT':
      case 'PATCH': {
        const r = coll.get(uuid);
        if (!r) return { status: 404, body: { title: 'Niet gevonden' } };
        const nieuw: Json = op.methode === 'PUT' ? { url: r.url, uuid: r.uuid, ...body } : { ...r, ...body };
        if (api === 'documenten') {
          // The lock is a parameter of the change, not a field of the document; every change is a new version.
          delete nieuw.lock;
          nieuw.locked = r.locked;
          nieuw.versie = Number(r.versie ?? 1) + 1;
        }
        this.vulAan(api, op, nieuw);
        coll.set(uuid, nieuw);
        return { status: 200, body: nieuw };
      }
      case 'DELETE': {
        const r = coll.get(uuid);
        if (!r) return { status: 404, body: { title: 'Niet gevonden' } };
        coll.delete(uuid);
        const zaak = api === 'zaken' && verzamelingPad === '/resultaten' ? this.opUrl('zaken', '/zaken', r.zaak) : undefined;
        if (zaak) zaak.resultaat = null;
        return { status: 204 };
      }
    }
    void pad;
    return { status: 405 };
  }

  /** Read-only fields a register fills in itself (empty lists, null links), as its schema requires. */
  private vulAan(api: ZgwApi, op: Operatie, r: Json): void {
    if (!op.antwoordSchema) return;
    if (typeof op.antwoordSchema.$ref !== 'string') return;
    const naam = op.antwoordSchema.$ref.split('/').pop()!;
    const schema = this.ajv.getSchema(`${api}-antwoord#/components/schemas/${naam}`)?.schema as Json | undefined;
    const props = (schema?.properties ?? {}) as Record<string, Json>;
    for (const [p, ps] of Object.entries(props)) {
      if (r[p] !== undefined || !isVlag(ps, 'readOnly')) continue;
      let inner = (Array.isArray(ps.anyOf) ? (ps.anyOf as Json[])[0] : ps) as Json;
      // An enum by reference (`allOf: [$ref]`, e.g. aardRelatieWeergave): its first value.
      const ref = ((inner.allOf as Json[] | undefined)?.[0]?.$ref ?? inner.$ref) as string | undefined;
      if (ref) inner = (this.ajv.getSchema(`${api}-antwoord${ref}`)?.schema as Json | undefined) ?? inner;
      if (Array.isArray(inner.enum) && !Array.isArray(ps.anyOf)) {
        r[p] = inner.enum[0];
        continue;
      }
      if (Array.isArray(ps.anyOf)) r[p] = null;
      else if (inner.type === 'array') r[p] = [];
      else if (inner.type === 'string' && !inner.format) r[p] = '';
      else if (inner.type === 'string' && inner.format === 'date-time') r[p] = new Date().toISOString();
      // A link the register derives and the connector never reads (e.g. StatusType.zaakobjecttype).
      else if (inner.type === 'string' && inner.format === 'uri') r[p] = `${this.basisUrl(api)}/afgeleid/${p}`;
      else if (inner.type === 'boolean') r[p] = false;
      else if (inner.type === 'integer') r[p] = 1;
    }
  }

  /** Catalogi API: a type under a zaaktype carries the zaaktype's catalogus and identificatie (read-only). */
  private catalogusVan(api: ZgwApi, r: Json): void {
    if (api !== 'catalogi' || typeof r.zaaktype !== 'string') return;
    const zt = this.verzameling('catalogi', '/zaaktypen').get(r.zaaktype.split('/').pop()!);
    if (!zt) return;
    r.catalogus = zt.catalogus;
    r.zaaktypeIdentificatie = zt.identificatie;
    const lijst = { '/statustypen': 'statustypen', '/resultaattypen': 'resultaattypen', '/roltypen': 'roltypen' }[
      new URL(r.url as string).pathname.replace(/^.*\/api\/v1(\/[a-z]+)\/.*$/, '$1')
    ];
    if (lijst) (zt[lijst] as string[]).push(r.url as string);
  }

  private afgeleid(api: ZgwApi, coll: string, r: Json): void {
    if (api === 'catalogi' && coll === '/statustypen') {
      // Catalogi API 1.3.1 StatusType.isEindstatus: "afgeleid uit alle STATUSTYPEn van dit ZAAKTYPE met het hoogste volgnummer".
      const vanZaaktype = this.lijst('catalogi', '/statustypen').filter((s) => s.zaaktype === r.zaaktype);
      const hoogste = Math.max(...vanZaaktype.map((s) => Number(s.volgnummer)));
      for (const s of vanZaaktype) s.isEindstatus = Number(s.volgnummer) === hoogste;
      return;
    }
    if (api !== 'zaken') return;
    const zaak = typeof r.zaak === 'string' ? this.verzameling('zaken', '/zaken').get(r.zaak.split('/').pop()!) : undefined;
    if (!zaak) return;
    if (coll === '/statussen') {
      // Zaken API 1.5.1 status_create: an eindstatus closes the zaak (einddatum); another status reopens it.
      const eind = this.opUrl('catalogi', '/statustypen', r.statustype)?.isEindstatus === true;
      zaak.einddatum = eind ? String(r.datumStatusGezet).slice(0, 10) : null;
    }
    if (coll === '/statussen') zaak.status = r.url;
    if (coll === '/resultaten') zaak.resultaat = r.url;
    if (coll === '/rollen') (zaak.rollen as string[]).push(r.url as string);
    if (coll === '/zaakinformatieobjecten') (zaak.zaakinformatieobjecten as string[]).push(r.url as string);
  }
}
