import { INestApplication } from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG, AppConfig } from '../config';
import { API_PREFIX, apiVersionHeader } from './api-version';
import { buildOpenApiDocument } from './openapi';

/**
 * HTTP conventions shared by main.ts and the tests (design.md §6): everything under /api/v1, the
 * API-Version header on every response, and the OpenAPI document at /api/v1/openapi.json. The
 * problem+json filter and the validation pipe are global providers in AppModule.
 */
export function configureHttpApp(app: INestApplication): INestApplication {
  app.setGlobalPrefix(API_PREFIX);
  app.use(apiVersionHeader);
  const express = app.getHttpAdapter().getInstance() as { disable?: (setting: string) => void };
  express.disable?.('x-powered-by');
  const config = app.get<AppConfig>(APP_CONFIG);
  const documents = new Map<string, string>();
  app.getHttpAdapter().get(`/${API_PREFIX}/openapi.json`, (req: Request, res: Response) => {
    // Built on first use (every module's routes are known by then), for the URL the client used
    // unless PUBLIC_BASE_URL fixes it.
    const base = config.publicBaseUrl ?? `${req.protocol}://${req.get('host')}`;
    if (!documents.has(base)) documents.set(base, JSON.stringify(buildOpenApiDocument(app, base)));
    res.status(200).type('application/json').send(documents.get(base));
  });
  return app;
}
