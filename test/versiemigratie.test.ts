import { readFileSync } from 'node:fs';
import request from 'supertest';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { Klok } from '../src/common/klok';
import { basisVersie, ruimTijdelijkeMappenOp, schrijfBestanden, TESTDAM } from '../src/machines/definition/test-fixture';
import { bearer } from './auth-support';
import { createTestDatabase, type TestDatabase } from './support';
import { createTestApp, type TestApp } from './support/app';
import { AMSTERDAM_YAML } from './support/amsterdam-versie';
import { TESTDAM_DEFINITIE as DEFINITIE, testdamVersies, type TestdamVersies } from './support/testdam-versies';
import { weespKlacht } from './support/weesp';

/**
 * A published definition never changes; a running klacht stays on its version unless it is migrated explicitly,
 * after a dry run that shows old and new termijnen per klacht (docs/definities.md, "Lopende klachten naar een
 * nieuwe versie"). Testdam (GM0355) in three versions: 2024-01; 2024-07 without the hoorzitting; 2025-01 with a
 * shorter afhandeltermijn. The service's clock stands on 2 January 2025, when all three are in force: the klachten'
 * afhandeltermijn (12 June 2024) has passed, its wake-up not run (no worker), so the migration and its dry run fire it
 * first (Awb 9:11 lid 1, 9:24 lid 1 sub b) and the klager's year for the ombudsman runs.
 */
describe('running klachten to a new version of their definition: dry run and explicit, audited migration', () => {
  let testdam: TestdamVersies;
  let t: TestApp;
  let beleid: string;
  let behandelaar: string;
  let inBeoordeling: string;
  let bijHoren: string;
  const klok: Klok = { nu: () => new Date('2025-01-02T10:00:00Z') };

  beforeAll(async () => {
    // HTTP only: no worker lets the 2024 termijnen pass while the test looks at them.
    testdam = await testdamVersies(
      'versiemigratie',
      {
        [TESTDAM]: basisVersie('2024-01', '2024-01-01', '2024-06-30'),
        'definitions/gm0355-zeist/2024-07.yaml': basisVersie('2024-07', '2024-07-01', '2024-12-31', ['  horen: true', '  horen: false']),
        'definitions/gm0355-zeist/2025-01.yaml': basisVersie(
          '2025-01',
          '2025-01-01',
          undefined,
          ['  horen: true', '  horen: false'],
          ['    duur: P6W', '    duur: P5W'],
        ),
      },
      klok,
    );
    ({ t, beleid, behandelaar } = testdam);
    ({ inBeoordeling, bijHoren } = await testdam.beoordelenEnHoren());
  }, 60_000);

  afterAll(async () => {
    await testdam?.close();
  });

  const proef = (v: string) => testdam.proef(v);
  const migreer = (v: string, klachten: string[]) => testdam.migreer(v, klachten, 'Klachtenregeling Testdam 2024-07');

  it('Awb 9:24 lid 1 sub b: dry run for a version that changes a termijn: every running klacht with its old and new due date and explanation, refused because the klager’s year would get shorter', async () => {
    const res = await proef('2025-01').expect(200);
    expect(res.body.klachten.map((k: { klachtId: string }) => k.klachtId).sort()).toEqual([inBeoordeling, bijHoren].sort());
    const k = res.body.klachten.find((x: { klachtId: string }) => x.klachtId === inBeoordeling);
    // The year runs from the afhandeltermijn's last day: 12 June 2024 on 2024-01, 5 June on 2025-01's five weeks.
    expect(k.termijnen.find((x: { naam: string }) => x.naam === 'tweedeLijnVerzoek')).toEqual(
      expect.objectContaining({
        oud: expect.objectContaining({ vervaldatum: '2025-06-12' }),
        nieuw: expect.objectContaining({ vervaldatum: '2025-06-05', uitleg: expect.any(Array) }),
        verschilDagen: -7,
      }),
    );
    expect(k).toEqual(expect.objectContaining({ vanVersie: '2024-01', naarVersie: '2025-01', migreerbaar: false }));
    expect(k.bezwaren).toEqual([
      'de lopende termijn Verzoek ombudsman (tweedeLijnVerzoek) zou 7 dag(en) korter worden: 2025-06-12 wordt 2025-06-05',
    ]);
  });

  it('dry run for a version that removes a state: the klacht in that state is named with the reason, the other can move', async () => {
    const res = await proef('2024-07').expect(200);
    const perId = Object.fromEntries(res.body.klachten.map((k: { klachtId: string }) => [k.klachtId, k]));
    expect(perId[inBeoordeling]).toEqual(
      expect.objectContaining({ migreerbaar: true, bezwaren: [], vanState: 'gemeente.beoordelen', naarState: 'gemeente.beoordelen' }),
    );
    expect(perId[bijHoren].migreerbaar).toBe(false);
    expect(perId[bijHoren].bezwaren[0]).toMatch(/^de toestand gemeente\.\S+ \(\S+\) bestaat niet in versie 2024-07$/);
  });

  it('applying it to both is refused with the klacht named, and nothing moves; applying it to the one that can, moves it with a line in its history', async () => {
    const geweigerd = await migreer('2024-07', [inBeoordeling, bijHoren]).expect(409);
    expect(geweigerd.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(geweigerd.body.code).toBe('migratie-geweigerd');
    expect(geweigerd.body.klachten).toEqual([
      { klachtId: bijHoren, bezwaren: expect.arrayContaining([expect.stringContaining('bestaat niet in versie 2024-07')]) },
    ]);
    const opVersie = async (id: string) =>
      (await request(t.http).get(`/api/v1/klachten/${id}`).set('Authorization', behandelaar).expect(200)).body.definitieVersie;
    expect(await opVersie(inBeoordeling)).toBe('2024-01');
    expect(await opVersie(bijHoren)).toBe('2024-01');

    const ok = await migreer('2024-07', [inBeoordeling]).expect(200);
    expect(ok.body.klachten).toEqual([
      expect.objectContaining({ klachtId: inBeoordeling, vanVersie: '2024-01', naarVersie: '2024-07', migreerbaar: true }),
    ]);
    expect(await opVersie(inBeoordeling)).toBe('2024-07');
    expect(await opVersie(bijHoren)).toBe('2024-01');
    const detail = await request(t.http).get(`/api/v1/klachten/${inBeoordeling}`).set('Authorization', behandelaar).expect(200);
    expect(detail.body.gebeurtenissen.at(-1)).toEqual(
      expect.objectContaining({ type: 'VERSIE_GEMIGREERD', actor: expect.stringMatching(/^api-sleutel:/) }),
    );
    // The klacht goes on, on its new version.
    await request(t.http)
      .post(`/api/v1/klachten/${inBeoordeling}/gebeurtenissen`)
      .set('Authorization', behandelaar)
      .send({ type: 'IN_BEHANDELING_NEMEN', at: '2024-07-02T09:00:00Z' })
      .expect(200);
  });

  it('only the beleidsmedewerker migrates (403 for a klachtbehandelaar), and a version of another gemeente does not exist (404)', async () => {
    await request(t.http)
      .get(`/api/v1/definities/${DEFINITIE}/versies/2024-07/migratieproef`)
      .set('Authorization', behandelaar)
      .expect(403);
    await request(t.http).get('/api/v1/definities/gm0363-amsterdam/versies/2015-01/migratieproef').set('Authorization', beleid).expect(404);
  });
});

/**
 * Wet algemene regels herindeling, art. 40 e.v.: Weesp's klachten keep running on Weesp's regeling after 24 maart 2022,
 * and Amsterdam, which took Weesp over, is who can move them to another version of it. Weesp in two versions here
 * (2015-01 until 2020, 2021-01 until the herindeling); Amsterdam as in the repository.
 */
describe('Wet arhi art. 40: the successor migrates the dissolved gemeente’s running klachten', () => {
  let db: TestDatabase;
  let t: TestApp;
  let klacht: string;
  const WEESP = readFileSync(join(__dirname, '..', 'definitions', 'gm0457-weesp', '2015-01.yaml'), 'utf8');
  const weesp = (versie: string, vanaf: string, tot: string) =>
    WEESP.replace("versie: '2015-01'", `versie: '${versie}'`)
      .replace(/^geldigVanaf: 2015-01-01$/m, `geldigVanaf: ${vanaf}`)
      .replace(/^geldigTot: 2022-03-23$/m, `geldigTot: ${tot}`);

  beforeAll(async () => {
    const root = schrijfBestanden({
      'definitions/gm0363-amsterdam/2015-01.yaml': AMSTERDAM_YAML,
      'definitions/gm0457-weesp/2015-01.yaml': weesp('2015-01', '2015-01-01', '2020-12-31'),
      'definitions/gm0457-weesp/2021-01.yaml': weesp('2021-01', '2021-01-01', '2022-03-23'),
    });
    db = await createTestDatabase('versiemigratie_herindeling');
    t = await createTestApp({ databaseUrl: db.url, env: { ROLE: 'api', DEFINITIONS_DIR: join(root, 'definitions') } });
    // Received by Weesp in 2020, registered by Amsterdam (Weesp's own keys are refused since the herindeling).
    const k = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', await bearer(t.app, 'GM0363', 'klachtbehandelaar'))
      .send({ ...weespKlacht(), ontvangenOp: '2020-06-02T10:00:00+02:00' })
      .expect(201);
    expect(k.body.definitieVersie).toBe('2015-01');
    klacht = k.body.id;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await db?.drop();
    ruimTijdelijkeMappenOp();
  });

  it('Wet arhi art. 40: Amsterdam’s beleidsmedewerker dry-runs and migrates a Weesp klacht to the next version of Weesp’s regeling; Utrecht’s finds no such version', async () => {
    const beleid = await bearer(t.app, 'GM0363', 'beleidsmedewerker');
    const proef = await request(t.http).get('/api/v1/definities/gm0457-weesp/versies/2021-01/migratieproef').set('Authorization', beleid);
    expect(proef.status).toBe(200);
    expect(proef.body.klachten.map((k: { klachtId: string }) => k.klachtId)).toEqual([klacht]);
    const migratie = await request(t.http)
      .post('/api/v1/definities/gm0457-weesp/versies/2021-01/migraties')
      .set('Authorization', beleid)
      .send({ klachten: [klacht], reden: 'Regeling Weesp 2021' });
    expect(migratie.status).toBeLessThan(300);
    const [rij] = await t.app.get(DataSource).query('select gemeente, definitie_versie from klacht where id = $1', [klacht]);
    expect(rij).toEqual({ gemeente: 'GM0457', definitie_versie: '2021-01' });
    const utrecht = await bearer(t.app, 'GM0344', 'beleidsmedewerker');
    expect(
      (await request(t.http).get('/api/v1/definities/gm0457-weesp/versies/2021-01/migratieproef').set('Authorization', utrecht)).status,
    ).toBe(404);
  });
});

/**
 * A regeling governs from the day it enters into force (its geldigVanaf): before that day a running klacht cannot be
 * moved onto it, or its routing and termijnen would follow a regeling not yet in force. Testdam 2024-01 and a
 * 2025-01 of the same content; the service's clock is set by the test and read as the Europe/Amsterdam day.
 */
describe('a klacht moves only to a version already in force', () => {
  let testdam: TestdamVersies;
  let t: TestApp;
  let klacht: string;
  let nu = new Date('2024-12-20T10:00:00Z');
  const klok: Klok = { nu: () => new Date(nu.getTime()) };

  beforeAll(async () => {
    testdam = await testdamVersies(
      'versiemigratie_nog_niet_geldig',
      {
        [TESTDAM]: basisVersie('2024-01', '2024-01-01', undefined),
        'definitions/gm0355-zeist/2025-01.yaml': basisVersie('2025-01', '2025-01-01', undefined),
      },
      klok,
    );
    t = testdam.t;
    klacht = await testdam.klacht('loopt over de jaarwisseling', '2024-12-10T10:00:00Z');
    await testdam.stap(klacht, { type: 'FORMELE_BEHANDELING', at: '2024-12-11T09:00:00Z' });
  }, 60_000);

  afterAll(async () => {
    await testdam?.close();
  });

  const versieVan = async () =>
    (
      (await t.app.get(DataSource).query('select definitie_versie from klacht where id = $1', [klacht])) as Array<{
        definitie_versie: string;
      }>
    )[0].definitie_versie;
  const migreer = () => testdam.migreer('2025-01', [klacht], 'Klachtenregeling Testdam 2025');

  it('a regeling governs from its geldigVanaf: before that day the migration is refused (422 naming versie) and the dry run says why; from that Dutch day on it goes', async () => {
    const bezwaar =
      'versie 2025-01 geldt pas vanaf 2025-01-01 (vandaag is 2024-12-20); een klacht gaat alleen naar een versie die al geldt';
    const proef = await testdam.proef('2025-01').expect(200);
    expect(proef.body.klachten).toEqual([expect.objectContaining({ klachtId: klacht, migreerbaar: false, bezwaren: [bezwaar] })]);
    const geweigerd = await migreer();
    expect(geweigerd.status).toBe(422);
    expect(geweigerd.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(geweigerd.body).toEqual(
      expect.objectContaining({
        code: 'versie-nog-niet-geldig',
        detail: expect.stringContaining('geldt pas vanaf 2025-01-01'),
        invalidParams: [{ name: 'versie', reason: bezwaar }],
      }),
    );
    expect(await versieVan()).toBe('2024-01');
    // 23:30 UTC on 31 December is 00:30 on 1 January in Amsterdam: the version is in force.
    nu = new Date('2024-12-31T23:30:00Z');
    const proefNu = await testdam.proef('2025-01').expect(200);
    expect(proefNu.body.klachten).toEqual([expect.objectContaining({ klachtId: klacht, migreerbaar: true, bezwaren: [] })]);
    expect((await migreer()).status).toBe(200);
    expect(await versieVan()).toBe('2025-01');
  });
});
