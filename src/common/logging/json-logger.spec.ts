import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { EventEmitter } from 'node:events';
import { KlachtregieLogger, kiesLogFormaat } from './json-logger';
import { verzoekContext } from './verzoek-context';

function verzamel(level: 'log' | 'warn' | 'debug' = 'log', format: 'json' | 'pretty' = 'json') {
  const regels: string[] = [];
  const logger = new KlachtregieLogger({ level, format, schrijf: (r) => regels.push(r) });
  return { logger, regels };
}

describe('Operations: structured logs (one JSON object per line, ISO 8601 UTC, ids of the request)', () => {
  test('a JSON line has time in ISO 8601 UTC, level, msg and context, and no ANSI colours', () => {
    const { logger, regels } = verzamel();
    logger.warn('Queue webhooks: connection reset', 'Queue');
    expect(regels).toHaveLength(1);
    const regel = JSON.parse(regels[0]) as Record<string, unknown>;
    expect(regel).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      level: 'warn',
      msg: 'Queue webhooks: connection reset',
      context: 'Queue',
    });
    expect(regels[0]).not.toContain('\u001b[');
  });

  test('an error keeps its stack in one line of JSON', () => {
    const { logger, regels } = verzamel();
    logger.error('Start failed', 'Error: boom\n    at x (y.ts:1:1)', 'Klachtregie');
    expect(regels).toHaveLength(1);
    expect(JSON.parse(regels[0])).toMatchObject({
      level: 'error',
      msg: 'Start failed',
      context: 'Klachtregie',
      stack: expect.stringContaining('at x'),
    });
  });

  test('LOG_LEVEL is a threshold: warn drops log and debug lines', () => {
    const { logger, regels } = verzamel('warn');
    logger.log('hidden', 'A');
    logger.debug('hidden', 'A');
    logger.error('shown', 'A');
    expect(regels.map((r) => JSON.parse(r).msg)).toEqual(['shown']);
  });

  test("quiet boot: Nest's route-mapping and module lines are debug, not log", () => {
    const stil = verzamel('log');
    stil.logger.log('Mapped {/api/v1/klachten, GET} route', 'RouterExplorer');
    stil.logger.log('AppModule dependencies initialized', 'InstanceLoader');
    stil.logger.log('Listening on http://localhost:3000/api/v1', 'Klachtregie');
    expect(stil.regels.map((r) => JSON.parse(r).msg)).toEqual(['Listening on http://localhost:3000/api/v1']);
    const luid = verzamel('debug');
    luid.logger.log('Mapped {/api/v1/klachten, GET} route', 'RouterExplorer');
    expect(JSON.parse(luid.regels[0])).toMatchObject({ level: 'debug', context: 'RouterExplorer' });
  });

  test('every line written while a request is handled carries its request id and correlation id', async () => {
    const { logger, regels } = verzamel();
    Logger.overrideLogger(logger);
    try {
      const middleware = verzoekContext((regel) => new Logger('HTTP').log(regel));
      const res = Object.assign(new EventEmitter(), {
        statusCode: 201,
        headers: {} as Record<string, string>,
        setHeader(k: string, v: string) {
          this.headers[k] = v;
        },
      });
      const req = {
        method: 'POST',
        originalUrl: '/api/v1/klachten?zoek=geheim',
        headers: { 'x-request-id': 'req-42', 'x-correlation-id': 'zaak-7' },
      };
      await new Promise<void>((klaar) =>
        middleware(
          req as unknown as Request,
          res as unknown as Response,
          (() => {
            // Asynchronous work inside the request still knows the request.
            setImmediate(() => {
              new Logger('Engine').log('event verwerkt');
              klaar();
            });
          }) as NextFunction,
        ),
      );
      res.emit('finish');
      new Logger('Sweep').log('buiten een verzoek');
      const [engine, access, buiten] = regels.map((r) => JSON.parse(r) as Record<string, unknown>);
      expect(engine).toMatchObject({ msg: 'event verwerkt', context: 'Engine', requestId: 'req-42', correlationId: 'zaak-7' });
      expect(access).toMatchObject({
        context: 'HTTP',
        requestId: 'req-42',
        msg: expect.stringMatching(/^POST \/api\/v1\/klachten 201 \d+ ms$/),
      });
      // AVG art. 5 lid 1 sub c: the query string (search terms) is not logged.
      expect(regels.join('\n')).not.toContain('geheim');
      expect(buiten.requestId).toBeUndefined();
      expect(res.headers['X-Request-Id']).toBe('req-42');
    } finally {
      Logger.overrideLogger(['fatal', 'error']);
    }
  });

  test('a caller-supplied X-Request-Id that is not a plain token is replaced by a UUID', () => {
    const middleware = verzoekContext(() => undefined);
    const res = Object.assign(new EventEmitter(), {
      headers: {} as Record<string, string>,
      setHeader(k: string, v: string) {
        this.headers[k] = v;
      },
    });
    middleware(
      { method: 'GET', originalUrl: '/', headers: { 'x-request-id': 'a b\n{"level":"fatal"}' } } as unknown as Request,
      res as unknown as Response,
      () => undefined,
    );
    expect(res.headers['X-Request-Id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('LOG_FORMAT=auto is pretty on a terminal and JSON otherwise; pretty lines have no colours unless asked', () => {
    expect(kiesLogFormaat('auto', true)).toBe('pretty');
    expect(kiesLogFormaat('auto', false)).toBe('json');
    expect(kiesLogFormaat('json', true)).toBe('json');
    const { logger, regels } = verzamel('log', 'pretty');
    logger.log('Listening', 'Klachtregie');
    expect(regels[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z LOG {5}\[Klachtregie\] Listening$/);
  });
});
