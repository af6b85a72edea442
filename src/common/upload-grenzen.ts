import { CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor, type Type } from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';
import { ProblemException } from './problem';

/**
 * multer's size and count limits on a single-file upload in the field `bestand`, as problem+json in Dutch
 * (413 with `code`, 400 naming the field); nothing is stored. Put it before the FileInterceptor.
 */
export function uploadGrenzen(o: { code: string; detail: string; maxMb: number }): Type<NestInterceptor> {
  @Injectable()
  class UploadGrenzen implements NestInterceptor {
    intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
      return next.handle().pipe(
        catchError((e: unknown) => {
          if (e instanceof HttpException && !(e instanceof ProblemException)) {
            if (e.getStatus() === 413) {
              return throwError(
                () =>
                  new ProblemException({
                    status: 413,
                    code: o.code,
                    detail: o.detail,
                    invalidParams: [{ name: 'bestand', reason: `groter dan ${o.maxMb} MiB` }],
                  }),
              );
            }
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
      );
    }
  }
  return UploadGrenzen;
}
