import { INestApplication, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG, AppConfig } from '../config';
import { API_PREFIX, apiVersionHeader } from './api-version';
import { buildOpenApiDocument } from './openapi';
import { verzoekContext } from './logging/verzoek-context';

/**
 * HTTP conventions shared by main.ts and the tests (docs/api.md): everything under /api/v1, the
 * API-Version header on every response, and the OpenAPI document at /api/v1/openapi.json. The
 * problem+json filter and the validation pipe are global providers in AppModule.
 */
export function configureHttpApp(app: INestApplication): INestApplication {
  app.setGlobalPrefix(API_PREFIX);
  // Request and correlation ids on every log line of a request, and one access line per request;
  // probes and scrapes (every few seconds, from the orchestrator and Prometheus) only at debug.
  const http = new Logger('HTTP');
  const isProbe = (pad: string) => pad.startsWith(`/${API_PREFIX}/health`) || pad === '/metrics';
  app.use(
    verzoekContext((regel, status, pad) => {
      if (status >= 500) http.warn(regel);
      else if (isProbe(pad)) http.debug(regel);
      else http.log(regel);
    }),
  );
  app.use(apiVersionHeader);
  const express = app.getHttpAdapter().getInstance() as {
    disable?: (setting: string) => void;
    set?: (setting: string, value: unknown) => void;
  };
  express.disable?.('x-powered-by');
  const config = app.get<AppConfig>(APP_CONFIG);
  // Behind the reverse proxy every client arrives from the proxy's address: TRUST_PROXY makes req.ip the client's
  // (X-Forwarded-For as far as trusted proxies wrote it), which the limit on failed logins per address counts.
  if (config.trustProxy !== undefined) express.set?.('trust proxy', config.trustProxy);
  let document: string | undefined;
  app.getHttpAdapter().get(`/${API_PREFIX}/openapi.json`, (_req: Request, res: Response) => {
    // One document, built on first use (every module's routes are known by then) from configuration
    // only: PUBLIC_BASE_URL, or a server URL relative to where the document is served. Never from the
    // Host header: that would echo any caller's input and keep a document per host in memory.
    document ??= JSON.stringify(buildOpenApiDocument(app, config.publicBaseUrl ?? ''));
    res.status(200).type('application/json').send(document);
  });
  return app;
}
