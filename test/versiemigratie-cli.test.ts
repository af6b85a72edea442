import request from 'supertest';
import { DataSource } from 'typeorm';
import { basisVersie, TESTDAM } from '../src/machines/definition/test-fixture';
import { vasteKlok } from '../src/common/klok';
import { draaiCliOp } from './support/cli';
import type { TestApp } from './support/app';
import { TESTDAM_GEMEENTE as GEMEENTE, testdamVersies, type TestdamVersies } from './support/testdam-versies';

/**
 * `klachtregie migratie proef|uitvoeren`: the version migration of running klachten from the command line, on the
 * service's database, with the same dry run and the same refusals as the API (test/versiemigratie.test.ts).
 * Testdam (GM0355) in three versions: 2024-01; 2024-07 without the hoorzitting (a state disappears); 2025-01 with
 * a shorter afhandeltermijn. The versions follow each other in May 2024 (a version's name is free), so on the day of
 * the migrations, 25 May 2024 (the service's and the command's clock, never today's date), all of them are in force and
 * the klachten' afhandeltermijnen (to 12 June) still run: a migration first runs the wake-ups of termijnen that passed.
 */
const klok = vasteKlok(new Date('2024-05-25T10:00:00+02:00'));

describe('klachtregie migratie (CLI): dry run and explicit, audited migration of running klachten', () => {
  let testdam: TestdamVersies;
  let t: TestApp;
  let behandelaar: string;
  let inBeoordeling: string;
  let bijHoren: string;

  const cli = (...args: string[]) =>
    draaiCliOp(klok, { DATABASE_URL: testdam.db.url, DEFINITIONS_DIR: testdam.definities }, 'migratie', ...args);

  beforeAll(async () => {
    testdam = await testdamVersies(
      'versiemigratie_cli',
      {
        [TESTDAM]: basisVersie('2024-01', '2024-01-01', '2024-05-09'),
        'definitions/gm0355-zeist/2024-07.yaml': basisVersie('2024-07', '2024-05-10', '2024-05-19', ['  horen: true', '  horen: false']),
        'definitions/gm0355-zeist/2025-01.yaml': basisVersie(
          '2025-01',
          '2024-05-20',
          undefined,
          ['  horen: true', '  horen: false'],
          ['    duur: P6W', '    duur: P5W'],
        ),
      },
      klok,
    );
    ({ t, behandelaar } = testdam);
    ({ inBeoordeling, bijHoren } = await testdam.beoordelenEnHoren());
  }, 60_000);

  afterAll(async () => {
    await testdam?.close();
  });

  const versieVan = async (id: string) =>
    (await request(t.http).get(`/api/v1/klachten/${id}`).set('Authorization', behandelaar).expect(200)).body.definitieVersie as string;

  it('proef for a version that shortens a termijn prints per klacht the state mapping and the old and new termijn with its explanation, in Dutch', async () => {
    const r = await cli('proef', '--gemeente', GEMEENTE, '--versie', '2025-01');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Proef: versie 2025-01 van gm0355-zeist (GM0355). Er verandert niets.');
    expect(r.out).toContain(`Klacht ${inBeoordeling} (versie 2024-01 → 2025-01): kan NIET mee`);
    expect(r.out).toContain('  Toestand: gemeente.beoordelen → gemeente.beoordelen');
    expect(r.out).toContain('  Termijn Afhandeltermijn (afhandeling): woensdag 12 juni 2024 → woensdag 5 juni 2024 (7 dagen eerder)');
    expect(r.out).toMatch(/\n {4}nu: {4}\S.*\n[\s\S]*\n {4}nieuw: \S/);
    expect(r.out).toContain(
      '  Bezwaar: de lopende termijn Afhandeltermijn (afhandeling) zou 7 dag(en) korter worden: 2024-06-12 wordt 2024-06-05',
    );
  });

  it('proef --json gives the API answer (state and termijnen old and new, bezwaren) for machines', async () => {
    const r = await cli('proef', '--gemeente', GEMEENTE, '--versie', '2024-07', '--json');
    expect(r.code).toBe(0);
    const body = JSON.parse(r.out) as { definitie: string; naarVersie: string; klachten: Array<Record<string, unknown>> };
    expect(body.definitie).toBe('gm0355-zeist');
    const perId = Object.fromEntries(body.klachten.map((k) => [k.klachtId, k]));
    expect(perId[inBeoordeling]).toEqual(
      expect.objectContaining({ migreerbaar: true, vanState: 'gemeente.beoordelen', naarState: 'gemeente.beoordelen', bezwaren: [] }),
    );
    expect(perId[bijHoren]).toEqual(expect.objectContaining({ migreerbaar: false }));
    expect((perId[bijHoren].bezwaren as string[])[0]).toMatch(/^de toestand gemeente\.\S+ \(\S+\) bestaat niet in versie 2024-07$/);
  });

  it('uitvoeren is refused with exit code 1, naming the klacht whose state no longer exists, and nothing moves', async () => {
    const r = await cli(
      'uitvoeren',
      '--gemeente',
      GEMEENTE,
      '--versie',
      '2024-07',
      '--alle',
      '--reden',
      'Klachtenregeling Testdam 2024-07',
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain('kunnen niet naar versie 2024-07; er is niets gemigreerd');
    expect(r.err).toContain(`Klacht ${bijHoren}:`);
    expect(r.err).toMatch(/- de toestand gemeente\.\S+ \(\S+\) bestaat niet in versie 2024-07/);
    expect(r.err).not.toContain(`Klacht ${inBeoordeling}:`);
    expect(await versieVan(inBeoordeling)).toBe('2024-01');
    expect(await versieVan(bijHoren)).toBe('2024-01');
  });

  it('uitvoeren is refused with exit code 1 when it would shorten a running statutory termijn', async () => {
    const r = await cli(
      'uitvoeren',
      '--gemeente',
      GEMEENTE,
      '--versie',
      '2025-01',
      '--klacht',
      inBeoordeling,
      '--reden',
      'Kortere termijn',
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain(`Klacht ${inBeoordeling}:`);
    expect(r.err).toContain('zou 7 dag(en) korter worden');
    expect(await versieVan(inBeoordeling)).toBe('2024-01');
  });

  it('uitvoeren needs explicit klachten and a reden (exit code 2, nothing moves)', async () => {
    expect((await cli('uitvoeren', '--gemeente', GEMEENTE, '--versie', '2024-07', '--reden', 'Klachtenregeling')).code).toBe(2);
    const zonderReden = await cli('uitvoeren', '--gemeente', GEMEENTE, '--versie', '2024-07', '--klacht', inBeoordeling);
    expect(zonderReden.code).toBe(2);
    expect(zonderReden.err).toContain('--reden');
    expect(await versieVan(inBeoordeling)).toBe('2024-01');
  });

  it('an unknown version is named (exit code 1)', async () => {
    const r = await cli('proef', '--gemeente', GEMEENTE, '--versie', '2030-01');
    expect(r.code).toBe(1);
    expect(r.err).toContain('gemeente GM0355 heeft geen versie 2030-01');
  });

  it('uitvoeren for a klacht that can move moves it, with a VERSIE_GEMIGREERD line in its history naming the CLI user and the reden', async () => {
    const r = await cli(
      'uitvoeren',
      '--gemeente',
      GEMEENTE,
      '--versie',
      '2024-07',
      '--klacht',
      inBeoordeling,
      '--reden',
      'Klachtenregeling 2024-07',
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('1 klacht(en) staan nu op versie 2024-07 van gm0355-zeist');
    expect(await versieVan(inBeoordeling)).toBe('2024-07');
    expect(await versieVan(bijHoren)).toBe('2024-01');
    const detail = await request(t.http).get(`/api/v1/klachten/${inBeoordeling}`).set('Authorization', behandelaar).expect(200);
    expect(detail.body.gebeurtenissen.at(-1)).toEqual(
      expect.objectContaining({
        type: 'VERSIE_GEMIGREERD',
        actor: expect.stringMatching(/^cli/),
      }),
    );
    const [rij] = (await t.app
      .get(DataSource)
      .query(`select payload from klacht_gebeurtenis where klacht_id = $1 and type = 'VERSIE_GEMIGREERD'`, [inBeoordeling])) as Array<{
      payload: Record<string, string>;
    }>;
    expect(rij.payload).toEqual({ vanVersie: '2024-01', naarVersie: '2024-07', reden: 'Klachtenregeling 2024-07' });
  });
});
