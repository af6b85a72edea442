/**
 * A stored report is made once, at its deadline, and not made again (docs/te-laat.md): an act registered after it was
 * made, also one done before its peildatum, is not in it. Its printable page says so next to its peildatum and the moment it
 * was made, so its reader knows it is the report as made then, not the period as known now; the report on request, made
 * now, does not say it. Stichtse Vecht (half-year report due 1 July, Uitgangspunten klachtenmanagement Sociaal Domein §10,
 * contract art. 11.1), through the engine at fixed dates; no worker runs (ROLE=api).
 */
import request from 'supertest';
import { KLOK, vasteKlok } from '../src/common/klok';
import { intake } from '../src/machines/intake.spec-hulp';
import { RapportagePlanningService } from '../src/modules/reports/rapportage-planning.service';
import { bearer } from './auth-support';
import { createTestDatabase, deleteRedisPrefix, uniqueRedisPrefix, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

const NU = new Date('2026-07-06T10:00:00Z');
const BEWAARD =
  'bewaard zoals toen gemaakt en niet opnieuw berekend: wat daarna is geregistreerd, ook met een tijdstip van vóór de peildatum, staat er niet in';

let tdb: TestDatabase;
let a: EngineApp;
const queuePrefix = uniqueRedisPrefix('rapport-tijd-bewaard');

beforeAll(async () => {
  tdb = await createTestDatabase('rapport_tijd_bewaard');
  a = await createEngineApp({
    databaseUrl: tdb.url,
    queuePrefix,
    regimes: 'definities',
    env: { ROLE: 'api', SWEEP_INTERVAL_MS: '600000' },
    override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(NU)),
  });
}, 120_000);

afterAll(async () => {
  await a?.close();
  await tdb?.drop();
  await deleteRedisPrefix(queuePrefix);
});

it('Awb 9:11 with contract art. 11.1: the stored report says it is not made again, and keeps what it said when an afdoening of the last day is registered after it was made', async () => {
  // Received Thursday 2 April 2026: the Awb 9:11 termijn ends Monday 18 May; its wake-up runs at midnight.
  const { klacht } = await a.engine.create(intake(), { actor: 'kcc' });
  const stap = (type: string, at: string, data?: Record<string, unknown>) =>
    a.engine.apply(klacht.id, { type, at, ...(data ? { data } : {}) }, { actor: 'behandelaar' });
  await stap('FORMELE_BEHANDELING', '2026-04-03T10:00:00+02:00');
  await stap('IN_BEHANDELING_NEMEN', '2026-04-06T10:00:00+02:00');
  await stap('HOREN_OVERSLAAN', '2026-04-07T10:00:00+02:00', { reden: 'afgezien' });
  const [t] = await a.db.query(`select revision from termijn where klacht_id = $1 and naam = 'afhandeling' and status = 'lopend'`, [
    klacht.id,
  ]);
  await a.wake.verval(
    { klachtId: klacht.id, termijnNaam: 'afhandeling', revision: t.revision, kind: 'verval' },
    new Date('2026-05-19T00:00:05+02:00'),
  );

  const planning = a.app.get(RapportagePlanningService);
  await planning.synchroniseer(new Date('2026-06-15T10:00:00Z'));
  const job = { gemeente: 'GM1904', soort: 'aanbieders' as const, deadline: '2026-07-01', kind: 'deadline' as const };
  expect(await planning.deadline(job, new Date('2026-07-01T09:00:00+02:00'))).toBe('verwerkt');
  // The afdoening went out on the last day at 16:00 and is registered only now, after the report was made.
  await stap('AFDOENEN', '2026-05-18T16:00:00+02:00', { oordeel: 'gegrond' });

  const auth = await bearer(a.app, 'GM1904', 'procesEigenaar');
  const [opgeslagen] = await a.db.query(
    `select id from rapportage where gemeente = 'GM1904' and deadline = '2026-07-01' and aanbieder_id = '*'`,
  );
  const json = await request(a.http).get(`/api/v1/rapportages/opgeslagen/${opgeslagen.id}`).set('Authorization', auth).expect(200);
  expect(json.body.inhoud.perTermijn).toEqual([{ waarde: 'teLaat', aantal: 1 }]);
  const html = await request(a.http)
    .get(`/api/v1/rapportages/opgeslagen/${opgeslagen.id}?formaat=html`)
    .set('Authorization', auth)
    .expect(200);
  expect(html.text).toContain(`cijfers per 1 juli 2026, 00:00 (peildatum) · gemaakt op 1 juli 2026, 09:00 · ${BEWAARD}`);

  // The report on request, made now, counts the afdoening at its own moment: op tijd; it is made now and says nothing else.
  const nu = await request(a.http)
    .get('/api/v1/rapportages?van=2026-04-02&tot=2026-04-02&formaat=html')
    .set('Authorization', auth)
    .expect(200);
  expect(nu.text).not.toContain(BEWAARD);
  const nuJson = await request(a.http).get('/api/v1/rapportages?van=2026-04-02&tot=2026-04-02').set('Authorization', auth).expect(200);
  expect(nuJson.body.cijfers.perTermijn).toEqual([{ waarde: 'opTijd', aantal: 1 }]);
});
