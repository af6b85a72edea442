import { ZonderParametersLogger } from './query-logger';

describe('AVG art. 5 lid 1 sub f: database logs carry no personal data', () => {
  test('a failed query is logged with its SQL and error, never with its parameters', () => {
    const regels: string[] = [];
    const logger = new ZonderParametersLogger((r) => regels.push(r));
    const fout = Object.assign(new Error('outbox geweigerd'), { code: 'P0001' });
    logger.logQueryError(fout, 'INSERT INTO "klacht" ("onderwerp", "feiten") VALUES ($1, $2)', [
      'Mijn moeder kreeg geen hulp',
      { diagnose: 'dementie' },
    ]);
    expect(regels).toHaveLength(1);
    expect(regels[0]).toContain('INSERT INTO "klacht"');
    expect(regels[0]).toContain('P0001');
    expect(regels[0]).not.toContain('Mijn moeder');
    expect(regels[0]).not.toContain('dementie');
  });

  test('query logging (when switched on) shows the SQL only', () => {
    const regels: string[] = [];
    new ZonderParametersLogger((r) => regels.push(r), true).logQuery('SELECT * FROM klacht WHERE onderwerp = $1', ['geheim onderwerp']);
    expect(regels).toEqual(['query: SELECT * FROM klacht WHERE onderwerp = $1']);
  });
});
