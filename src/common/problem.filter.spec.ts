import { ArgumentsHost, Logger } from '@nestjs/common';
import { isDatabaseOnbereikbaar, ProblemFilter, toProblem } from './problem.filter';

describe('a database outage is a 503 with Retry-After, not a 500', () => {
  test.each([
    ['connection refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    [
      'admin shutdown (57P01)',
      { name: 'QueryFailedError', message: 'terminating connection due to administrator command', driverError: { code: '57P01' } },
    ],
    ['connection terminated', new Error('Connection terminated unexpectedly')],
    ['cannot connect now (57P03)', { message: 'the database system is starting up', code: '57P03' }],
  ])('%s', (_naam, fout) => {
    expect(isDatabaseOnbereikbaar(fout)).toBe(true);
    expect(toProblem(fout, '/api/v1/klachten')).toMatchObject({ status: 503, code: 'niet-beschikbaar' });
  });

  test('a bug stays a 500 without internals', () => {
    const p = toProblem(new TypeError("Cannot read properties of undefined (reading 'x')"), '/api/v1/klachten');
    expect(p).toMatchObject({ status: 500, code: 'interne-fout' });
    expect(JSON.stringify(p)).not.toContain('Cannot read');
    expect(isDatabaseOnbereikbaar({ code: '23505', message: 'duplicate key' })).toBe(false);
  });
});

describe('the error log of a 500', () => {
  test('AVG art. 5 lid 1 sub c: names the path of the request, never its query string (a search may hold a name)', () => {
    const regels: string[] = [];
    const fout = jest.spyOn(Logger.prototype, 'error').mockImplementation((m: unknown) => void regels.push(String(m)));
    try {
      const response = {
        headersSent: false,
        setHeader: jest.fn(),
        status: jest.fn().mockReturnThis(),
        type: jest.fn().mockReturnThis(),
        send: jest.fn(),
      };
      const host = {
        getType: () => 'http',
        switchToHttp: () => ({
          getRequest: () => ({ method: 'GET', originalUrl: '/api/v1/klachten?zoek=Jansen', url: '/api/v1/klachten?zoek=Jansen' }),
          getResponse: () => response,
        }),
      } as unknown as ArgumentsHost;
      new ProblemFilter().catch(new TypeError('stuk'), host);
      expect(response.status).toHaveBeenCalledWith(500);
      expect(regels).toHaveLength(1);
      expect(regels[0]).toContain('GET /api/v1/klachten: TypeError: stuk');
      expect(regels[0]).not.toContain('Jansen');
    } finally {
      fout.mockRestore();
    }
  });
});
