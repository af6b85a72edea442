import { timingSafeEqual } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Request, Response } from 'express';
import { InjectConfig, type AppConfig } from '../../config';
import { MetricsService } from './metrics.service';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Whether the bearer token equals the configured one, in constant time. */
function tokenKlopt(header: string | undefined, token: string): boolean {
  const gegeven = Buffer.from(/^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '', 'utf8');
  const verwacht = Buffer.from(token, 'utf8');
  return gegeven.length === verwacht.length && timingSafeEqual(gegeven, verwacht);
}

/**
 * Whether the caller is on this machine. Behind a reverse proxy on this host every caller's connection is loopback:
 * with TRUST_PROXY set, so, never (METRICS_TOKEN is required); without it, a loopback connection that carries a
 * forwarding header came through a proxy and is not taken as local either.
 */
function vanDezeMachine(req: Request, achterProxy: boolean): boolean {
  if (achterProxy) return false;
  if (req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined) return false;
  return LOOPBACK.has(req.socket.remoteAddress ?? '');
}

/**
 * GET /metrics in the Prometheus text format, outside /api/v1 (where scrapers look; not an API
 * resource, so not in the OpenAPI document). The series say how busy each gemeente is, so it is not
 * public: with METRICS_TOKEN set a scraper sends `Authorization: Bearer <token>`; without it only
 * callers on this machine (loopback, not through a proxy) are answered, e.g. a Prometheus agent or sidecar beside
 * it, and behind a reverse proxy (TRUST_PROXY) nobody.
 */
@Injectable()
export class MetricsRoute implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly metrics: MetricsService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter;
    if (!adapter) return; // a worker without HTTP
    adapter.get('/metrics', (req: Request, res: Response) => {
      const token = this.config.metricsToken;
      if (token ? !tokenKlopt(req.headers.authorization, token) : !vanDezeMachine(req, this.config.trustProxy !== undefined)) {
        res
          .status(token ? 401 : 403)
          .set(token ? { 'WWW-Authenticate': 'Bearer realm="metrics"' } : {})
          .type('text/plain; charset=utf-8')
          .send(
            token
              ? 'Bearer token vereist (METRICS_TOKEN).\n'
              : this.config.trustProxy !== undefined
                ? 'Achter een reverse proxy (TRUST_PROXY) alleen met METRICS_TOKEN: zet die voor de scraper.\n'
                : 'Alleen vanaf deze machine; zet METRICS_TOKEN voor een scraper elders.\n',
          );
        return;
      }
      this.metrics.metrics().then(
        ({ contentType, body }) => res.status(200).set({ 'Content-Type': contentType, 'Cache-Control': 'no-store' }).send(body),
        (e: Error) => res.status(503).type('text/plain; charset=utf-8').send(`Metrics niet beschikbaar: ${e.message}\n`),
      );
    });
  }
}
