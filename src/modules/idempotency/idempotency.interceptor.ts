import { createHash } from 'node:crypto';
import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectRepository } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { concatMap, from, Observable, of, switchMap, catchError, throwError } from 'rxjs';
import { Repository } from 'typeorm';
import { ProblemException } from '../../common/problem';
import { TENANT_REQUEST_KEY, type Tenant } from '../auth/tenant';
import { IMPORT_SLEUTEL_PREFIX } from '../import/import-bezig';
import { GEEN_IDEMPOTENTIE_KEY, IDEMPOTENT_IN_TRANSACTIE_KEY } from './geen-idempotentie.decorator';
import { IdempotentieContext, legAntwoordVast, sleutelHergebruikt, wachtOpAntwoord, type IdempotentVerzoek } from './idempotentie-context';
import { IdempotentieSleutelEntity } from './idempotentie-sleutel.entity';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** A first request that has not finished after this long is considered crashed and may be retried. */
const BEZIG_VERLOOPT_MS = 5 * 60_000;
/** How long a duplicate waits for the first request's result before answering 409. */
const WACHT_MS = 15_000;

/** JSON with sorted keys, so `{a,b}` and `{b,a}` hash alike. */
export function canoniek(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canoniek).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canoniek((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

/**
 * `Idempotency-Key` on POST (IETF draft-ietf-httpapi-idempotency-key-header): the first request's
 * response is stored per gemeente and key; a retry by the same caller gets the same status and body, the
 * same key with a different request or from another caller gets 422, and a concurrent duplicate waits
 * for the first instead of creating a second klacht. Failed requests change nothing, so their key is
 * released for a retry.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');
  /** This instance handles the upload routes, after their FileInterceptor (IdempotencyNaUpload). */
  protected readonly naUpload: boolean = false;

  constructor(
    @InjectRepository(IdempotentieSleutelEntity) private readonly repo: Repository<IdempotentieSleutelEntity>,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> | Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    const raw = req.headers[IDEMPOTENCY_HEADER];
    if (req.method !== 'POST' || raw === undefined) return next.handle();
    if (this.reflector.getAllAndOverride<boolean>(GEEN_IDEMPOTENTIE_KEY, [context.getHandler(), context.getClass()])) return next.handle();
    const sleutel = Array.isArray(raw) ? raw[0] : raw;
    if (!sleutel || sleutel.length > 255) {
      throw ProblemException.invalid([{ name: 'Idempotency-Key', reason: 'moet 1 tot 255 tekens zijn' }]);
    }
    // The import claims `import:<extern>` in the same (gemeente, sleutel) namespace: a client's key with that prefix
    // could claim it first and make the import's line replay or be refused (docs/import.md).
    if (sleutel.startsWith(IMPORT_SLEUTEL_PREFIX)) {
      throw ProblemException.invalid([
        { name: 'Idempotency-Key', reason: `mag niet beginnen met '${IMPORT_SLEUTEL_PREFIX}': die sleutels zijn van de import` },
      ]);
    }
    const tenant = (req as unknown as Record<string, unknown>)[TENANT_REQUEST_KEY] as Tenant | undefined;
    if (!tenant) return next.handle();
    // An upload's body is read by the route's own FileInterceptor, which runs after this global one: hashed here it
    // would be empty, and a second, different file under the same key would get the first one's answer and be lost.
    // Upload routes therefore take the key after the upload is read (IdempotencyNaUpload), and only there.
    if (Boolean(req.is('multipart/form-data')) !== this.naUpload) return next.handle();
    const route = `${req.method} ${(req.route as { path?: string } | undefined)?.path ?? req.path}`;
    // The key is bound to its caller (ADR 0003: keys are per gemeente, a gemeente has many callers): another caller's
    // reuse of key, URL and body is another request (422), never a replay of the first caller's reply.
    const aanroeper = canoniek({ subject: tenant.subject, aanbiederId: tenant.aanbiederId ?? null });
    const hash = createHash('sha256')
      .update(`${req.method} ${req.originalUrl}\n${canoniek(req.body)}\n${canoniek(bestanden(req))}\n${aanroeper}`)
      .digest('hex');
    if (this.reflector.getAllAndOverride<boolean>(IDEMPOTENT_IN_TRANSACTIE_KEY, [context.getHandler(), context.getClass()])) {
      // The work claims the key in its own transaction (idempotentie-context.ts); the handler runs in its context.
      const verzoek: IdempotentVerzoek = { gemeente: tenant.gemeente, sleutel, route, hash };
      return new Observable((sub) =>
        IdempotentieContext.run(verzoek, () =>
          next
            .handle()
            .pipe(concatMap((body) => from(this.naTransactie(verzoek, res, body))))
            .subscribe(sub),
        ),
      );
    }
    return this.start(tenant.gemeente, sleutel, route, hash, res, next);
  }

  private async start(
    gemeente: string,
    sleutel: string,
    route: string,
    hash: string,
    res: Response,
    next: CallHandler,
  ): Promise<Observable<unknown>> {
    const claimed = await this.claim(gemeente, sleutel, route, hash);
    if (!claimed) {
      const eerste = await this.wachtOpEerste(gemeente, sleutel);
      if (eerste.requestHash !== hash) {
        throw sleutelHergebruikt(sleutel, eerste.route);
      }
      res.setHeader('Idempotent-Replayed', 'true');
      if (eerste.responseStatus) res.status(eerste.responseStatus);
      return of(eerste.responseBody);
    }
    return next.handle().pipe(
      switchMap((body) =>
        from(
          (async () => {
            // A rejected request (a handler that answers 4xx itself) changes nothing: its key is released, not kept.
            if (res.statusCode >= 400) {
              await this.repo.delete({ gemeente, sleutel, status: 'bezig' });
              return body;
            }
            const json = body === undefined ? null : (JSON.parse(JSON.stringify(body)) as unknown);
            await this.repo.update(
              { gemeente, sleutel },
              { status: 'klaar', responseStatus: res.statusCode, responseBody: json as object, completedAt: new Date() },
            );
            return body;
          })(),
        ),
      ),
      catchError((err: unknown) =>
        from(this.repo.delete({ gemeente, sleutel, status: 'bezig' })).pipe(switchMap(() => throwError(() => err))),
      ),
    );
  }

  /**
   * A route that claims its key in the work's transaction, after that work committed. The first request stores its
   * reply before sending it, so a client that got it and retries gets the same; a replay answers the first request's
   * reply (IETF draft-ietf-httpapi-idempotency-key-header), not the klacht as it is by now. Only when none was stored
   * does the handler's reply (the klacht as it is now) go out: idempotentie-context.ts.
   */
  private async naTransactie(verzoek: IdempotentVerzoek, res: Response, body: unknown): Promise<unknown> {
    if (verzoek.herhaald) {
      res.setHeader('Idempotent-Replayed', 'true');
      const eerste = verzoek.antwoord ?? (await wachtOpAntwoord(this.repo, verzoek));
      if (!eerste) return body;
      res.status(eerste.status);
      return eerste.body;
    }
    // As sent: JSON (dates as strings), with the status the route answers.
    const json = body === undefined ? null : (JSON.parse(JSON.stringify(body)) as unknown);
    try {
      await legAntwoordVast(this.repo, verzoek, { status: res.statusCode, body: json });
    } catch (e) {
      // The work is committed: the client gets its reply; a replay then answers the klacht as it is now.
      this.logger.warn(`Antwoord bij Idempotency-Key ${verzoek.sleutel} (${verzoek.gemeente}) niet opgeslagen: ${(e as Error).message}`);
    }
    return body;
  }

  /** True when this request is the first with the key (or takes over one that crashed). */
  private async claim(gemeente: string, sleutel: string, route: string, requestHash: string): Promise<boolean> {
    const r = await this.repo.query(
      `INSERT INTO idempotentie_sleutel (gemeente, sleutel, route, request_hash, status)
       VALUES ($1, $2, $3, $4, 'bezig')
       ON CONFLICT (gemeente, sleutel) DO UPDATE SET route = EXCLUDED.route, request_hash = EXCLUDED.request_hash, created_at = now()
         WHERE idempotentie_sleutel.status = 'bezig' AND idempotentie_sleutel.created_at < now() - ($5 || ' milliseconds')::interval
       RETURNING gemeente`,
      [gemeente, sleutel, route, requestHash, String(BEZIG_VERLOOPT_MS)],
    );
    return (r as unknown[]).length > 0;
  }

  private async wachtOpEerste(gemeente: string, sleutel: string): Promise<IdempotentieSleutelEntity> {
    const tot = Date.now() + WACHT_MS;
    for (;;) {
      const row = await this.repo.findOne({ where: { gemeente, sleutel } });
      if (!row) {
        // The first request failed and released the key meanwhile: this one may not run twice
        // concurrently, so ask the client to retry rather than racing a new claim here.
        throw ProblemException.conflict(
          'idempotency-key-vrijgegeven',
          'Eerste verzoek mislukt',
          'Het eerste verzoek met deze Idempotency-Key is mislukt; probeer het opnieuw.',
        );
      }
      if (row.status === 'klaar') return row;
      if (Date.now() > tot) {
        this.logger.warn(`Idempotency-Key ${sleutel} (${gemeente}) still in progress after ${WACHT_MS} ms`);
        throw ProblemException.conflict(
          'idempotency-key-in-behandeling',
          'Verzoek nog in behandeling',
          'Een verzoek met dezelfde Idempotency-Key is nog in behandeling; probeer het zo opnieuw.',
        );
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** The uploaded files of a request, as far as they make it another request: field, name, type and content. */
interface Upload {
  fieldname: string;
  originalname: string;
  mimetype: string;
  buffer?: Buffer;
  sha256?: string;
}

function bestanden(req: Request): unknown[] {
  const r = req as Request & { file?: Upload; files?: Upload[] | Record<string, Upload[]> };
  const lijst = [...(r.file ? [r.file] : []), ...(Array.isArray(r.files) ? r.files : Object.values(r.files ?? {}).flat())];
  return lijst.map((f) => ({
    veld: f.fieldname,
    naam: f.originalname,
    type: f.mimetype,
    // A file streamed to disk (the dossier's UploadStroom) brings the SHA-256 measured on the way.
    sha256: f.sha256 ?? (f.buffer ? createHash('sha256').update(f.buffer).digest('hex') : null),
  }));
}

/**
 * `Idempotency-Key` on an upload route: listed after the route's FileInterceptor, so the key covers the file too
 * (the global instance leaves multipart requests to this one). `@UseInterceptors(..., FileInterceptor(...), IdempotencyNaUpload)`.
 */
@Injectable()
export class IdempotencyNaUpload extends IdempotencyInterceptor {
  protected override readonly naUpload = true;
}
