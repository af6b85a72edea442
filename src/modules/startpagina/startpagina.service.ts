import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Request, Response } from 'express';
import { API_VERSION } from '../../common/api-version';
import { DOCS_CSP, DOCS_START, docsPagina, STARTPAGINA_CSP, startpagina } from './startpagina';

/** Swagger UI's files we serve, from the installed swagger-ui-dist package. */
const SWAGGER_BESTANDEN: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

/**
 * GET / (landing page), GET /api/v1/docs (Swagger UI) and its files, straight on the HTTP server like
 * the /beheer pages: static, no token, not in the OpenAPI document.
 */
@Injectable()
export class StartpaginaService implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter;
    if (!adapter) return; // a worker without HTTP
    const dist = dirname(require.resolve('swagger-ui-dist/package.json'));
    const bestanden = new Map(Object.keys(SWAGGER_BESTANDEN).map((n) => [n, readFileSync(join(dist, n))]));
    const html = (res: Response, csp: string, body: string) =>
      res
        .status(200)
        .set({
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Security-Policy': csp,
          'Referrer-Policy': 'no-referrer',
          'Cache-Control': 'no-cache',
        })
        .send(body);

    const start = startpagina(API_VERSION);
    adapter.get('/', (_req: Request, res: Response) => html(res, STARTPAGINA_CSP, start));
    // The API root names nothing of its own: a person who types it wants the reference.
    adapter.get('/api/v1', (_req: Request, res: Response) => res.redirect(303, '/api/v1/docs'));
    const docs = docsPagina();
    adapter.get('/api/v1/docs', (_req: Request, res: Response) => html(res, DOCS_CSP, docs));
    adapter.get('/api/v1/docs/start.js', (_req: Request, res: Response) =>
      res.status(200).set({ 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' }).send(DOCS_START),
    );
    adapter.get('/api/v1/docs/:bestand', (req: Request, res: Response) => {
      const naam = String(req.params.bestand);
      const inhoud = bestanden.get(naam);
      if (!inhoud) {
        res.status(404).type('text/plain; charset=utf-8').send('Niet gevonden');
        return;
      }
      // Versioned with the package: a day of browser cache (Cache-Control set after the API middleware's no-store).
      res.status(200).set({ 'Content-Type': SWAGGER_BESTANDEN[naam], 'Cache-Control': 'public, max-age=86400' }).send(inhoud);
    });
  }
}
