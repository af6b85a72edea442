/**
 * A stored report counts a klacht's tevredenheid as at its peildatum from the history (registratieSql). The passing of
 * the wait for the klager's answer after the aanbieder's afdoening registers 'niet bereikt' where the gemeente's list
 * has it (registratie.ts; Klachtenprotocol Wmo keten Amsterdam §5A, §6), which the history row (TERMIJN_VERLOPEN with
 * its termijn) does not say by itself: the deadline job passes what each definition registers (tevredenheidPerDefinitie).
 */
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { KLOK, type Klok } from '../src/common/klok';
import { JAAR_NA_AFDOENING_AANBIEDER } from '../src/machines/compiler/wacht-op-klager';
import { RapportagePlanningService } from '../src/modules/reports/rapportage-planning.service';
import { bearer } from './auth-support';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';

const AMSTERDAM = 'GM0363';
const DEADLINE = '2026-08-01';

let nu = new Date('2026-07-01T09:00:00+02:00');
const klok: Klok = { nu: () => new Date(nu.getTime()) };
let tdb: TestDatabase;
let t: TestApp;
let db: DataSource;
let planning: RapportagePlanningService;

beforeAll(async () => {
  tdb = await createTestDatabase('reports_niet_bereikt');
  t = await createTestApp({ databaseUrl: tdb.url, env: { ROLE: 'api' }, override: (b) => b.overrideProvider(KLOK).useValue(klok) });
  db = t.app.get<DataSource>(getDataSourceToken());
  planning = t.app.get(RapportagePlanningService);
  await planning.synchroniseer(nu);
}, 120000);

afterAll(async () => {
  await t?.close();
  await tdb?.drop();
});

test("Klachtenprotocol Wmo keten Amsterdam §5A, §6: a stored report as at its peildatum counts 'niet bereikt' for a klacht whose wait for the klager's answer passed before it", async () => {
  const res = await request(t.http)
    .post('/api/v1/klachten')
    .set('Authorization', await bearer(t.app, AMSTERDAM, 'klachtbehandelaar'))
    .send({
      gemeente: AMSTERDAM,
      kanaal: 'webformulier',
      ontvangenOp: '2026-05-04T10:00:00+02:00',
      ingediendBij: 'gemeente',
      soort: 'klacht',
      onderwerp: 'hulp bij het huishouden kwam niet',
      aanbieders: [
        { id: 'zorg-noord', naam: 'Zorg Noord', type: 'wmo' },
        { id: 'thuishulp-west', naam: 'Thuishulp West', type: 'wmo' },
      ],
      feiten: {},
      registratie: { aard: 'bejegening' },
    });
  expect([res.status, res.body.detail]).toEqual([201, undefined]);
  // The wait passed in June (its history row, as the wake-up writes it).
  await db.query(
    `INSERT INTO klacht_gebeurtenis (klacht_id, type, van_state, naar_state, actor, at, payload, accepted)
     VALUES ($1, 'TERMIJN_VERLOPEN', 'x', 'x', 'systeem', '2026-06-20T00:00:00+02:00', $2::jsonb, true)`,
    [res.body.id, JSON.stringify({ termijn: JAAR_NA_AFDOENING_AANBIEDER })],
  );
  // The deadline job runs a day late: the report is as at its peildatum, from the history.
  nu = new Date('2026-08-02T09:00:00+02:00');
  expect(await planning.deadline({ gemeente: AMSTERDAM, soort: 'aanbieders', deadline: DEADLINE, kind: 'deadline' }, nu)).toBe('verwerkt');
  const [{ inhoud }] = (await db.query(`select inhoud from rapportage where gemeente = $1 and deadline = $2 and aanbieder_id = '*'`, [
    AMSTERDAM,
    DEADLINE,
  ])) as Array<{ inhoud: { perTevredenheid: Array<{ waarde: string; aantal: number }> } }>;
  expect(inhoud.perTevredenheid).toEqual(expect.arrayContaining([{ waarde: 'niet bereikt', aantal: 1 }]));
});
