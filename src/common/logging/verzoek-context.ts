import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/** What a log line written while handling a request says about that request. */
export interface VerzoekContext {
  requestId: string;
  correlationId?: string;
}

const opslag = new AsyncLocalStorage<VerzoekContext>();

/** The request being handled by this asynchronous call chain, if any (log lines carry its ids). */
export function huidigVerzoek(): VerzoekContext | undefined {
  return opslag.getStore();
}

/** A caller's X-Request-Id is kept when it is a plain token (it lands in logs: no free text). */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * Express middleware: gives each request an id (the caller's X-Request-Id when it is a plain token,
 * else a new UUID), echoes it in the X-Request-Id response header, and keeps it with the
 * X-Correlation-ID for every log line written while the request is handled; one access line per
 * request with method, path (never the query string: it may hold search terms about a klager, AVG
 * art. 5 lid 1 sub c), status and duration.
 */
export function verzoekContext(logAccess: (regel: string, status: number, pad: string) => void) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const gegeven = req.headers['x-request-id'];
    const requestId = typeof gegeven === 'string' && REQUEST_ID.test(gegeven) ? gegeven : randomUUID();
    const correlatie = req.headers['x-correlation-id'];
    const context: VerzoekContext = {
      requestId,
      ...(typeof correlatie === 'string' && correlatie !== '' ? { correlationId: correlatie.slice(0, 200) } : {}),
    };
    res.setHeader('X-Request-Id', requestId);
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number((process.hrtime.bigint() - start) / 1_000_000n);
      const pad = req.originalUrl.split('?')[0];
      opslag.run(context, () => logAccess(`${req.method} ${pad} ${res.statusCode} ${ms} ms`, res.statusCode, pad));
    });
    opslag.run(context, () => next());
  };
}
