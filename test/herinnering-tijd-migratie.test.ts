/**
 * A reminder (`herinneringen`) is there so a termijn can still be met before its last day (Awb 9:11). A version migration
 * (docs/definities.md) that changes a termijn's reminders but not its last day gives the klacht the new version's
 * reminders from the migration on. A new reminder whose day had already passed at the migration, for a recipient who was
 * already reminded of that same last day, would repeat that reminder with a notice period that never held (two weeks
 * before, with two days left): it is not sent. One for a last day nobody was reminded of yet is still sent, late, once.
 *
 * Testdam's fixture: Klachtenregeling 2024-01 (reminder a week before) until 9 June 2024, 2024-06 (two weeks before) from
 * 10 June; the real migration and wake-ups, the injected clock; no worker runs (ROLE=api).
 */
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { KLOK, type Klok } from '../src/common/klok';
import { basisVersie, ruimTijdelijkeMappenOp, schrijfBestanden, TESTDAM } from '../src/machines/definition/test-fixture';
import { TermijnEntity } from '../src/modules/termijnen/termijn.entity';
import { TermijnWakeService } from '../src/modules/termijnen/termijn-wake.service';
import { VersieMigratieService } from '../src/modules/versiemigratie/versiemigratie.service';
import { bearer } from './auth-support';
import { createTestDatabase, type TestDatabase } from './support';
import { createTestApp, type TestApp } from './support/app';

const GEMEENTE = 'GM0355';
const DEFINITIE = 'gm0355-zeist';
const herinnering = (voor: string): [string, string] => [
  '    verdagingMax: P4W',
  `    verdagingMax: P4W\n    herinneringen:\n      - { voor: ${voor}, naar: behandelaar }`,
];

let db: TestDatabase;
let t: TestApp;
let ds: DataSource;
let wake: TermijnWakeService;
let nu = new Date('2024-05-01T12:00:00Z');
const klok: Klok = { nu: () => nu };

beforeAll(async () => {
  const root = schrijfBestanden({
    [TESTDAM]: basisVersie('2024-01', '2024-01-01', '2024-06-09', herinnering('P1W')),
    'definitions/gm0355-zeist/2024-06.yaml': basisVersie('2024-06', '2024-06-10', undefined, herinnering('P2W')),
  });
  db = await createTestDatabase('herinnering_tijd_migratie');
  t = await createTestApp({
    databaseUrl: db.url,
    env: { ROLE: 'api', DEFINITIONS_DIR: join(root, 'definitions') },
    override: (b) => b.overrideProvider(KLOK).useValue(klok),
  });
  ds = t.app.get(DataSource);
  wake = t.app.get(TermijnWakeService);
}, 60_000);

afterAll(async () => {
  await t?.close();
  await db?.drop();
  ruimTijdelijkeMappenOp();
});

async function klacht(ontvangenOp: string): Promise<string> {
  nu = new Date(ontvangenOp);
  const behandelaar = await bearer(t.app, GEMEENTE, 'klachtbehandelaar');
  const r = await request(t.http)
    .post('/api/v1/klachten')
    .set('Authorization', behandelaar)
    .send({
      gemeente: GEMEENTE,
      kanaal: 'brief',
      ontvangenOp,
      ingediendBij: 'gemeente',
      soort: 'klacht',
      onderwerp: 'herinnering en versiemigratie',
      aanbieders: [],
      feiten: { complex: true },
    })
    .expect(201);
  return r.body.id as string;
}

const afhandeling = (id: string) =>
  ds.getRepository(TermijnEntity).findOneByOrFail({ klachtId: id, naam: 'afhandeling', status: 'lopend' });

const wek = async (id: string, op: string) => {
  const t = await afhandeling(id);
  nu = new Date(op);
  return Promise.all(
    t.herinneringen.map((h) =>
      wake.herinnering({ klachtId: id, termijnNaam: 'afhandeling', revision: t.revision, kind: 'herinnering', herinnering: h.naam }, nu),
    ),
  );
};

const verzonden = async (id: string) =>
  (
    (await ds.query(`select payload from outbox where klacht_id = $1 and type = 'termijn.herinnering' order by id`, [id])) as Array<{
      payload: { herinnering: string; datum: string; vervaldatum: string };
    }>
  ).map((r) => [r.payload.herinnering, r.payload.datum, r.payload.vervaldatum]);

const migreer = async (id: string, op: string) => {
  nu = new Date(op);
  await t.app.get(VersieMigratieService).migreer(GEMEENTE, DEFINITIE, '2024-06', [id], 'Klachtenregeling Testdam 2024-06', 'beleid');
};

it('Awb 9:11: after a version migration that makes the reminder two weeks before instead of one, a behandelaar already reminded of the same last day is not reminded again with a notice period that passed before the migration', async () => {
  const id = await klacht('2024-05-01T10:00:00Z');
  // Last day 12 June; reminded on 5 June under 2024-01.
  expect(await wek(id, '2024-06-05T08:00:00Z')).toEqual(['verwerkt']);
  await migreer(id, '2024-06-10T08:00:00Z');
  const na = await afhandeling(id);
  // Its new reminder (29 May) passed before the migration: not sent, and nothing left to plan.
  expect([na.vervaldatum, na.herinneringen.map((h) => [h.naam, h.datum, h.overgeslagenOp])]).toEqual([
    '2024-06-12',
    [['P2W-voor', '2024-05-29', '2024-06-10T08:00:00.000Z']],
  ]);
  expect(na.volgendeHerinneringOp).toBeNull();
  expect(await wek(id, '2024-06-10T08:00:01Z')).toEqual(['stale']);
  expect(await verzonden(id)).toEqual([['P1W-voor', '2024-06-05', '2024-06-12']]);
});

it('Awb 9:11: after a version migration whose new reminder day has passed, a last day nobody was reminded of yet still gets its reminder, late, once', async () => {
  const id = await klacht('2024-05-08T10:00:00Z');
  // Last day 19 June; its reminder under 2024-01 would come on 12 June, after the migration on 10 June.
  await migreer(id, '2024-06-10T08:00:00Z');
  const na = await afhandeling(id);
  expect([na.vervaldatum, na.herinneringen.map((h) => [h.naam, h.datum, h.overgeslagenOp])]).toEqual([
    '2024-06-19',
    [['P2W-voor', '2024-06-05', undefined]],
  ]);
  expect(await wek(id, '2024-06-10T08:00:01Z')).toEqual(['verwerkt']);
  expect(await wek(id, '2024-06-10T08:00:02Z')).toEqual(['stale']);
  expect(await verzonden(id)).toEqual([['P2W-voor', '2024-06-05', '2024-06-19']]);
});
