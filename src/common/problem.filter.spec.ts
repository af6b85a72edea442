import { isDatabaseOnbereikbaar, toProblem } from './problem.filter';

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
