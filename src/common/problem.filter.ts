import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { defaultProblemFor, InvalidParam, PROBLEM_CONTENT_TYPE, ProblemDetails, ProblemException, problemType } from './problem';

/** The text of a framework HttpException (string, or Nest's `{ message: string | string[] }`). */
function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  if (typeof message === 'string') return message;
  return exception.message;
}

/** Seconds a client waits before retrying while the database is unreachable (Retry-After). */
export const RETRY_AFTER_S = 5;

/** PostgreSQL error classes 08 (connection exception) and 57P0x (shutdown, cannot connect now), and socket errors. */
const ONBEREIKBAAR = /^(08\d{3}|57P0[1-4]|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN)$/;

/** The database (or the connection to it) is down: a temporary condition, not our bug. */
export function isDatabaseOnbereikbaar(exception: unknown): boolean {
  for (
    let e = exception as { code?: unknown; driverError?: unknown; cause?: unknown; message?: unknown } | undefined, i = 0;
    e && i < 4;
    i++
  ) {
    if (typeof e.code === 'string' && ONBEREIKBAAR.test(e.code)) return true;
    if (
      typeof e.message === 'string' &&
      /Connection terminated|timeout exceeded when trying to connect|terminating connection|Connection refused/i.test(e.message)
    )
      return true;
    e = (e.driverError ?? e.cause) as typeof e;
  }
  return false;
}

/** Renders a thrown value as RFC 9457 problem details; unknown errors become a 500 without internals. */
export function toProblem(exception: unknown, instance?: string): ProblemDetails {
  if (exception instanceof ProblemException) return exception.toProblem(instance);
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const { code, title } = defaultProblemFor(status);
    const detail = status === 404 && instance ? `Geen resource op ${instance}.` : messageOf(exception);
    return { type: problemType(code), title, status, detail, ...(instance ? { instance } : {}), code };
  }
  // body-parser errors (malformed JSON, too large) carry an HTTP status of their own.
  const e = exception as { status?: unknown; statusCode?: unknown; type?: unknown; message?: unknown };
  const status = typeof e?.status === 'number' ? e.status : typeof e?.statusCode === 'number' ? e.statusCode : 500;
  if (status >= 400 && status < 500) {
    const { code, title } = defaultProblemFor(status);
    const invalidParams: InvalidParam[] | undefined =
      e.type === 'entity.parse.failed' ? [{ name: 'body', reason: 'geen geldige JSON' }] : undefined;
    return {
      type: problemType(code),
      title,
      status,
      detail: typeof e.message === 'string' ? e.message : title,
      ...(instance ? { instance } : {}),
      code,
      ...(invalidParams ? { invalidParams } : {}),
    };
  }
  if (isDatabaseOnbereikbaar(exception)) {
    const p = defaultProblemFor(503);
    return {
      type: problemType(p.code),
      title: p.title,
      status: HttpStatus.SERVICE_UNAVAILABLE,
      detail: `De database is even niet bereikbaar; er is niets gewijzigd. Probeer het over ${RETRY_AFTER_S} seconden opnieuw.`,
      ...(instance ? { instance } : {}),
      code: p.code,
    };
  }
  const { code, title } = defaultProblemFor(500);
  return {
    type: problemType(code),
    title,
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    detail: 'Er ging iets mis aan onze kant; de fout is gelogd.',
    ...(instance ? { instance } : {}),
    code,
  };
}

/** Every error, from any controller, guard, pipe or an unknown route, as application/problem+json. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<Request>();
    const response = ctx.getResponse<Response>();
    const problem = toProblem(exception, request.originalUrl ?? request.url);
    // The path only, as in the access log: a query string can hold personal data (a search on a klager's name, AVG
    // art. 5 lid 1 sub c), and the log is kept longer and read by more people than the klacht.
    const pad = (request.originalUrl ?? request.url ?? '').split('?')[0];
    if (problem.status >= 500 && exception instanceof HttpException) {
      this.logger.warn(`${request.method} ${pad}: ${problem.status} ${problem.detail}`);
    } else if (problem.status >= 500) {
      this.logger.error(
        `${request.method} ${pad}: ${exception instanceof Error ? (exception.stack ?? exception.message) : String(exception)}`,
      );
    }
    if (response.headersSent) return;
    if (problem.status === 503) response.setHeader('Retry-After', String(RETRY_AFTER_S));
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }
}
