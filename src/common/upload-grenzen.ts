import { CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor, type Type } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Transform, type Writable } from 'node:stream';
import { catchError, Observable, race, Subject, throwError } from 'rxjs';
import { ProblemException } from './problem';

export interface UploadGrens {
  code: string;
  detail: string;
  maxMb: number;
  /** The largest file in bytes (default maxMb MiB). */
  maxBytes?: number;
}

/**
 * What a multipart body may hold besides the file: the boundaries, part headers and the form's small fields (keep each
 * field's multer fieldSize small, so that fields × fieldSize stays under this).
 */
export const ENVELOP_BYTES = 64 * 1024;

/** The largest request body an upload with this limit can be: the file and its envelope. */
const bodyGrens = (o: UploadGrens): number => (o.maxBytes ?? o.maxMb * 1024 * 1024) + ENVELOP_BYTES;

/** Set on the request by the interceptor: the stream counter (uploadStroom) calls it when the body passes the limit. */
const TE_GROOT = Symbol('klachtregie:upload-te-groot');
type Request413 = Request & { [TE_GROOT]?: () => void };

function teGroot(o: UploadGrens): ProblemException {
  return new ProblemException({
    status: 413,
    code: o.code,
    detail: o.detail,
    invalidParams: [{ name: 'bestand', reason: `groter dan ${o.maxMb} MiB` }],
  });
}

/**
 * multer's size and count limits on a single-file upload in the field `bestand`, as problem+json in Dutch
 * (413 with `code`, 400 naming the field); nothing is stored. Put it before the FileInterceptor.
 *
 * The limit holds before the body is read (audit #12: a few large uploads must not exhaust the service): a declared
 * Content-Length over the limit is refused at once, before any of the body is read, and with uploadStroom in the
 * FileInterceptor's options a body that streams past it (chunked, or more than the file) is refused as soon as it does,
 * not after the rest has been read. Both close the connection: the rest of such a body is not wanted.
 */
export function uploadGrenzen(o: UploadGrens): Type<NestInterceptor> {
  const grens = bodyGrens(o);
  @Injectable()
  class UploadGrenzen implements NestInterceptor {
    intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
      const req = context.switchToHttp().getRequest<Request413>();
      const res = context.switchToHttp().getResponse<Response>();
      const lengte = Number(req.headers['content-length']);
      if (Number.isFinite(lengte) && lengte > grens) {
        res.setHeader('Connection', 'close');
        throw teGroot(o);
      }
      const teveel = new Subject<never>();
      req[TE_GROOT] = () => {
        if (!res.headersSent) res.setHeader('Connection', 'close');
        teveel.error(teGroot(o));
      };
      // The first to speak wins: the route's reply, or the counter's 413 while multer is still receiving (Nest then
      // destroys the request, and multer removes what it had stored of it).
      return race(
        next.handle().pipe(
          catchError((e: unknown) => {
            // The client went away before the file was in (multer's 'Request aborted'): no one hears the answer, and it
            // is not our fault (no 500 in the log); multer removed what it had stored.
            if (req.destroyed && !(e instanceof HttpException)) {
              return throwError(() =>
                ProblemException.invalid([{ name: 'bestand', reason: 'de verbinding viel weg voordat het bestand binnen was' }]),
              );
            }
            if (e instanceof HttpException && !(e instanceof ProblemException)) {
              if (e.getStatus() === 413) return throwError(() => teGroot(o));
              if (e.getStatus() === 400) {
                return throwError(() =>
                  ProblemException.invalid([
                    { name: 'bestand', reason: 'stuur precies één bestand in het veld bestand (multipart/form-data)' },
                  ]),
                );
              }
            }
            return throwError(() => e);
          }),
        ),
        teveel,
      );
    }
  }
  return UploadGrenzen;
}

/**
 * multer's `streamHandler` for a FileInterceptor behind uploadGrenzen with the same limit: counts the body as it streams
 * into the multipart parser and, once it passes the limit, stops feeding the parser and has uploadGrenzen answer 413 at
 * once. (multer itself answers its own fileSize error only after the whole body has been read and thrown away.)
 */
export function uploadStroom(o: UploadGrens): { streamHandler: (req: Request, busboy: Writable) => void } {
  const grens = bodyGrens(o);
  return {
    streamHandler(req: Request, busboy: Writable): void {
      let gelezen = 0;
      const teller = new Transform({
        transform(deel: Buffer, _codering, klaar) {
          gelezen += deel.length;
          if (gelezen <= grens) return klaar(null, deel);
          klaar();
          req.unpipe(teller);
          (req as Request413)[TE_GROOT]?.();
        },
      });
      req.pipe(teller).pipe(busboy);
    },
  };
}
