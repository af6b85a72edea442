import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Request, Response } from 'express';
import { definitieJsonSchema } from '../../machines/definition/json-schema';
import { pagina, PAGINA_CSP, type Pagina } from './pages';
import { isUuid } from '../../common/uuid';

/** The assets folder: next to this file under ts-jest, in the source tree after `npm run build` (tsc copies no .js/.css). */
function assetsDir(): string {
  const naast = join(__dirname, 'assets');
  if (existsSync(join(naast, 'beheer.js'))) return naast;
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'src', 'modules', 'web', 'assets');
}

const ASSETS: Record<string, string> = {
  'beheer.js': 'text/javascript; charset=utf-8',
  'amsterdamse-tijd.js': 'text/javascript; charset=utf-8',
  'beheer.css': 'text/css; charset=utf-8',
  // The editor bundle (scripts/bundel-editor.js, built by `npm run build`) and the JSON Schema its completion reads.
  'editor.js': 'text/javascript; charset=utf-8',
  'definitie-schema.json': 'application/schema+json; charset=utf-8',
};

/** A definition id as the loader names folders (GEMEENTE_MAP_PATROON). */
const DEFINITIE_ID = /^gm\d{4}-[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Serves the /beheer pages (docs/beheer-en-rapportages.md: process owners) straight on the HTTP server, outside the
 * /api/v1 prefix: they are static shells, not API resources, and stay out of the OpenAPI document.
 */
@Injectable()
export class WebPaginaService implements OnModuleInit {
  private readonly bestanden = new Map<string, Buffer>();

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter;
    if (!adapter) return; // a worker without HTTP
    const dir = assetsDir();
    for (const naam of ['beheer.js', 'amsterdamse-tijd.js', 'beheer.css']) this.bestanden.set(naam, readFileSync(join(dir, naam)));
    // Without a build the editor page says how to get it, instead of the whole service failing to start.
    if (existsSync(join(dir, 'editor.js'))) this.bestanden.set('editor.js', readFileSync(join(dir, 'editor.js')));
    this.bestanden.set('definitie-schema.json', Buffer.from(JSON.stringify(definitieJsonSchema())));

    const stuur = (res: Response, soort: Pagina, data?: Record<string, string>) => {
      res.status(200).set({
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': PAGINA_CSP,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-store',
      });
      res.send(pagina(soort, data));
    };
    adapter.get('/beheer', (_req: Request, res: Response) => stuur(res, 'index'));
    adapter.get('/beheer/diagram', (_req: Request, res: Response) => stuur(res, 'diagram'));
    adapter.get('/beheer/paden', (_req: Request, res: Response) => stuur(res, 'paden'));
    adapter.get('/beheer/voorbeeld', (_req: Request, res: Response) => stuur(res, 'voorbeeld'));
    adapter.get('/beheer/rapportages', (_req: Request, res: Response) => stuur(res, 'rapportages'));
    adapter.get('/beheer/werkvoorraad', (_req: Request, res: Response) => stuur(res, 'werkvoorraad'));
    adapter.get('/beheer/klachten/nieuw', (_req: Request, res: Response) => stuur(res, 'intake'));
    adapter.get('/beheer/editor', (_req: Request, res: Response) => stuur(res, 'editor'));
    adapter.get('/beheer/definities/:id/editor', (req: Request, res: Response) => {
      const id = String(req.params.id);
      if (!DEFINITIE_ID.test(id)) {
        res.status(404).type('text/plain; charset=utf-8').send('Geen definitie: een definitie-id is bijvoorbeeld gm0363-amsterdam.');
        return;
      }
      stuur(res, 'editor', { definitie: id });
    });
    adapter.get('/beheer/klachten/:id', (req: Request, res: Response) => {
      const id = String(req.params.id);
      if (!isUuid(id)) {
        res.status(404).type('text/plain; charset=utf-8').send('Geen klacht: een klacht-id is een UUID.');
        return;
      }
      stuur(res, 'tijdlijn', { klacht: id });
    });
    adapter.get('/beheer/assets/:naam', (req: Request, res: Response) => {
      const naam = String(req.params.naam);
      const inhoud = this.bestanden.get(naam);
      if (!inhoud) {
        res
          .status(404)
          .type('text/plain; charset=utf-8')
          .send(naam === 'editor.js' ? 'De editor is niet gebouwd: voer npm run build uit.' : 'Niet gevonden');
        return;
      }
      res.status(200).set({ 'Content-Type': ASSETS[naam], 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' }).send(inhoud);
    });
  }
}
