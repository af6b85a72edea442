/**
 * The OpenAPI document is the contract (docs/api.md): every response the test app gives under /api/v1 is
 * checked against the document the app itself serves at /api/v1/openapi.json. Status declared for the
 * operation, media type declared for that status, JSON body valid against its schema with undeclared
 * properties refused. createTestApp installs the check on every app; test/support/contract-setup.ts fails
 * the test in whose course a response broke the contract.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { NextFunction, Request, Response } from 'express';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const API = '/api/v1';
const DOCUMENT_PAD = `${API}/openapi.json`;
const METHODEN = new Set(['get', 'put', 'post', 'delete', 'patch', 'options', 'head']);

export interface Contractschending {
  methode: string;
  pad: string;
  status: number;
  reden: string;
}

const mediaType = (contentType: string | undefined): string | undefined => contentType?.split(';')[0]?.trim().toLowerCase();
const pointer = (...delen: string[]): string => delen.map((d) => d.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/**
 * How the check reads the document's schemas. Our own schemas are closed: an object schema with
 * `properties` and no `additionalProperties` refuses any other property, so a field the code returns but
 * the document does not name fails. And OpenAPI 3.0's `nullable: true` admits null for the whole schema,
 * also next to `allOf` (a nullable reference), as generated clients read it (`T | null`).
 */
function lees(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(lees);
  if (!schema || typeof schema !== 'object') return schema;
  const uit: Json = {};
  for (const [k, v] of Object.entries(schema as Json)) {
    // `example(s)` are data, not schemas.
    if (k === 'example' || k === 'examples') uit[k] = v;
    else if (k === 'properties' && v && typeof v === 'object') uit[k] = Object.fromEntries(Object.entries(v).map(([p, w]) => [p, lees(w)]));
    else uit[k] = lees(v);
  }
  if (uit.properties && typeof uit.properties === 'object' && uit.additionalProperties === undefined) uit.additionalProperties = false;
  if (uit.nullable === true) {
    delete uit.nullable;
    return { anyOf: [{ type: 'null' }, uit] };
  }
  return uit;
}

/** Response headers of the API's own (lower case) that the document must declare where an operation gives them. */
const EIGEN_HEADERS = ['idempotent-replayed'];

interface Operatie {
  sjabloon: string;
  regex: RegExp;
  methode: string;
}

/** Validates responses against one OpenAPI 3.0 document (Ajv with OpenAPI's `nullable` and formats). */
export class ContractValidator {
  private readonly ajv: Ajv;
  private readonly operaties: Operatie[] = [];
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(readonly document: Json) {
    const gesloten: Json = { ...document, components: lees(document.components), paths: lees(document.paths) };
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.ajv);
    this.ajv.addSchema(gesloten, 'openapi.json');
    for (const [sjabloon, item] of Object.entries<Json>(document.paths ?? {})) {
      // Literal segments before parameters: /klachten/zoeken wins over /klachten/{id} when both exist.
      const regex = new RegExp(
        `^${sjabloon
          .split('/')
          .map((deel) => (/^\{[^}]+\}$/.test(deel) ? '[^/]+' : deel.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
          .join('/')}$`,
      );
      for (const methode of Object.keys(item)) if (METHODEN.has(methode)) this.operaties.push({ sjabloon, regex, methode });
    }
    this.operaties.sort((a, b) => (a.sjabloon.match(/\{/g)?.length ?? 0) - (b.sjabloon.match(/\{/g)?.length ?? 0));
  }

  /** The reasons this response breaks the contract; empty when it keeps it (or is not an API operation). */
  controleer(
    methode: string,
    url: string,
    status: number,
    contentType: string | undefined,
    body: Buffer,
    headers: Record<string, unknown> = {},
  ): string[] {
    const pad = new URL(url, 'http://x').pathname;
    if (!pad.startsWith(`${API}/`) || pad === DOCUMENT_PAD) return [];
    const relatief = pad.slice(API.length);
    const m = methode.toLowerCase();
    const op = this.operaties.find((o) => o.methode === m && o.regex.test(relatief));
    // A path or method the document does not have is the router's 404/405, not an operation's answer.
    if (!op) return [];
    const responses = (this.document.paths[op.sjabloon][m].responses ?? {}) as Json;
    const sleutel = [String(status), `${String(status)[0]}XX`, 'default'].find((s) => responses[s]);
    if (!sleutel)
      return [`status ${status} is niet gedeclareerd voor ${m.toUpperCase()} ${op.sjabloon} (wel: ${Object.keys(responses).join(', ')})`];
    // The API's own response headers a client acts on: given only where the document declares them.
    const gedeclareerd = new Set(Object.keys((responses[sleutel].headers ?? {}) as Json).map((h) => h.toLowerCase()));
    const headerFouten = EIGEN_HEADERS.filter((h) => headers[h] !== undefined && !gedeclareerd.has(h)).map(
      (h) => `${m.toUpperCase()} ${op.sjabloon} ${status}: header ${h} is niet gedeclareerd`,
    );
    if (headerFouten.length) return headerFouten;
    const content = responses[sleutel].content as Json | undefined;
    if (!content || Object.keys(content).length === 0) {
      return body.length === 0
        ? []
        : [
            `${m.toUpperCase()} ${op.sjabloon} ${status} heeft geen body gedeclareerd, maar gaf ${body.length} bytes (${contentType ?? 'zonder content-type'})`,
          ];
    }
    const type = mediaType(contentType);
    if (!type || !(type in content)) {
      return [
        `${m.toUpperCase()} ${op.sjabloon} ${status}: content-type ${contentType ?? '(geen)'} is niet gedeclareerd (wel: ${Object.keys(content).join(', ')})`,
      ];
    }
    if (!/[/+]json$/.test(type) || !content[type].schema) return [];
    let waarde: unknown;
    try {
      waarde = JSON.parse(body.toString('utf8'));
    } catch {
      return [`${m.toUpperCase()} ${op.sjabloon} ${status}: body is geen JSON`];
    }
    const ref = `openapi.json#/${pointer('paths', op.sjabloon, m, 'responses', sleutel, 'content', type, 'schema')}`;
    let validate = this.cache.get(ref);
    if (!validate) {
      validate = this.ajv.compile({ $ref: ref });
      this.cache.set(ref, validate);
    }
    if (validate(waarde)) return [];
    return (validate.errors ?? []).map(
      (e) =>
        `${m.toUpperCase()} ${op.sjabloon} ${status}: ${e.instancePath || '(body)'} ${e.message ?? ''}` +
        (e.keyword === 'additionalProperties' ? ` '${(e.params as { additionalProperty: string }).additionalProperty}'` : ''),
    );
  }
}

/** The contract check of one app: its document (fetched once, from the app itself) and what broke it. */
export class ContractBewaking {
  private validator?: ContractValidator;
  private readonly schendingenLijst: Contractschending[] = [];

  constructor(private readonly wijzigDocument?: (doc: Json) => void) {}

  /** Loads the served document; call after `app.init()`. */
  async laad(haal: () => Promise<Json>): Promise<void> {
    const doc = await haal();
    this.wijzigDocument?.(doc);
    this.validator = new ContractValidator(doc);
  }

  get document(): Json | undefined {
    return this.validator?.document;
  }

  middleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      const delen: Buffer[] = [];
      const neem = (chunk: unknown, encoding?: unknown) => {
        if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
        delen.push(
          Buffer.isBuffer(chunk)
            ? chunk
            : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'),
        );
      };
      const write = res.write.bind(res) as (...args: unknown[]) => boolean;
      const end = res.end.bind(res) as (...args: unknown[]) => Response;
      (res as unknown as { write: (...args: unknown[]) => boolean }).write = (...args: unknown[]) => {
        neem(args[0], args[1]);
        return write(...args);
      };
      (res as unknown as { end: (...args: unknown[]) => Response }).end = (...args: unknown[]) => {
        neem(args[0], args[1]);
        const url = req.originalUrl;
        if (this.validator && req.method !== 'HEAD') {
          const body = Buffer.concat(delen);
          const header = res.getHeader('content-type');
          for (const reden of this.validator.controleer(
            req.method,
            url,
            res.statusCode,
            typeof header === 'string' ? header : undefined,
            body,
            res.getHeaders(),
          )) {
            this.schendingenLijst.push({ methode: req.method, pad: url, status: res.statusCode, reden });
          }
        }
        return end(...args);
      };
      next();
    };
  }

  /** The violations so far, and forgets them (for a test that breaks the contract on purpose). */
  neemSchendingen(): Contractschending[] {
    return this.schendingenLijst.splice(0);
  }
}

const bewakingen = new Set<ContractBewaking>();

/** Installs the contract check on an app (before `app.init()`); `laad` it after init. */
export function bewaakContract(app: NestExpressApplication, wijzigDocument?: (doc: Json) => void): ContractBewaking {
  const bewaking = new ContractBewaking(wijzigDocument);
  app.use(bewaking.middleware());
  bewakingen.add(bewaking);
  return bewaking;
}

/** Throws when any app's response broke the contract since the last call (contract-setup.ts, after each test). */
export function controleerContracten(): void {
  const alle = [...bewakingen].flatMap((b) => b.neemSchendingen());
  if (alle.length === 0) return;
  throw new Error(
    `Antwoorden die niet kloppen met /api/v1/openapi.json:\n${alle.map((s) => `  ${s.methode} ${s.pad} -> ${s.status}: ${s.reden}`).join('\n')}`,
  );
}
