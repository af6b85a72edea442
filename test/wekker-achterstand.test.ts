/**
 * Awb 9:18 with 9:24 lid 1 sub b: once the afhandeltermijn has passed without an afdoening, the klager may go to the
 * ombudsman. Whether the service's worker has run the termijn's wake-up yet (an outage, a queue backlog, the sweep's
 * interval) must not change that: an event registered at a moment at or after a termijn's due moment sees that termijn
 * passed, with what its wake-up writes (row, history, outbox), before the event. An act of the last day (its moment before
 * the due moment) is stepped as before, with no expiry before it (Awb 9:11 lid 1 and 2).
 *
 * The seed definitions (Stichtse Vecht), fixed dates by the injected clock; no worker runs (ROLE=api), so no wake-up
 * runs unless the API's call runs it.
 */
import request from 'supertest';
import { KLOK, vasteKlok } from '../src/common/klok';
import { intake } from '../src/machines/intake.spec-hulp';
import { bearer } from './auth-support';
import { createTestDatabase, deleteRedisPrefix, uniqueRedisPrefix, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

let tdb: TestDatabase;
let a: EngineApp;
let auth: string;
const queuePrefix = uniqueRedisPrefix('wekker-achterstand');

beforeAll(async () => {
  tdb = await createTestDatabase('wekker_achterstand');
  a = await createEngineApp({
    databaseUrl: tdb.url,
    queuePrefix,
    regimes: 'definities',
    env: { ROLE: 'api', SWEEP_INTERVAL_MS: '600000' },
    override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(new Date('2026-06-01T10:00:00+02:00'))),
  });
  auth = await bearer(a.app, 'GM1904', 'klachtbehandelaar');
}, 120_000);

afterAll(async () => {
  await a?.close();
  await tdb?.drop();
  await deleteRedisPrefix(queuePrefix);
});

/** A klacht in oordeelsvorming whose afhandeltermijn ends Monday 18 May 2026 (due at midnight); no wake-up has run. */
async function inOordeelsvorming(): Promise<{ id: string; revision: number }> {
  const { klacht } = await a.engine.create(intake(), { actor: 'kcc' });
  for (const [type, at, data] of [
    ['FORMELE_BEHANDELING', '2026-04-03T10:00:00+02:00'],
    ['IN_BEHANDELING_NEMEN', '2026-04-06T10:00:00+02:00'],
    ['HOREN_OVERSLAAN', '2026-04-07T10:00:00+02:00', { reden: 'afgezien' }],
  ] as const) {
    await a.engine.apply(klacht.id, { type, at, ...(data ? { data } : {}) }, { actor: 'behandelaar' });
  }
  const [t] = (await a.db.query(
    `select revision, vervaldatum::text as vervaldatum, verval_gemeld_op from termijn where klacht_id = $1 and naam = 'afhandeling'`,
    [klacht.id],
  )) as Array<{ revision: number; vervaldatum: string; verval_gemeld_op: Date | null }>;
  expect(t).toMatchObject({ vervaldatum: '2026-05-18', verval_gemeld_op: null });
  return { id: klacht.id, revision: t.revision };
}

const afhandeling = async (id: string) =>
  (await a.db.query(
    `select status, verval_gemeld_op is not null as gemeld from termijn where klacht_id = $1 and naam = 'afhandeling' order by revision`,
    [id],
  )) as Array<{ status: string; gemeld: boolean }>;

/** The accepted history after the intake: type, and the termijn of an expiry. */
const historie = async (id: string) =>
  (
    (await a.db.query(`select type, payload from klacht_gebeurtenis where klacht_id = $1 and accepted order by id`, [id])) as Array<{
      type: string;
      payload: { termijn?: string } | null;
    }>
  ).map((g) => (g.type === 'TERMIJN_VERLOPEN' ? `${g.type}:${g.payload?.termijn}` : g.type));

const outbox = async (id: string, type: string) =>
  (
    (await a.db.query(`select payload from outbox where klacht_id = $1 and type = $2 order by id`, [id, type])) as Array<{
      payload: Record<string, unknown>;
    }>
  ).map((r) => r.payload);

const post = (id: string, body: object, sleutel?: string) => {
  const r = request(a.http).post(`/api/v1/klachten/${id}/gebeurtenissen`).set('Authorization', auth);
  return (sleutel ? r.set('Idempotency-Key', sleutel) : r).send(body);
};

describe('Awb 9:18 with 9:24 lid 1 sub b: an event sees every termijn that passed before its moment, whether or not the worker ran its wake-up', () => {
  it.each([
    ['in a group commit (no Idempotency-Key)', undefined],
    ['in a transaction of its own (Idempotency-Key)', 'achterstand-ombudsman-1'],
  ])(
    "a klager's request to the ombudsman after the afhandeltermijn passed is taken even before the worker has fired the wake-up, %s",
    async (_, sleutel) => {
      const { id, revision } = await inOordeelsvorming();
      const res = await post(id, { type: 'VERZOEK_OMBUDSMAN', at: '2026-05-20T10:00:00+02:00' }, sleutel);
      expect(res.status).toBe(200);
      expect(res.body.state).toMatch(/^bijOmbudsman/);
      // Passed as its wake-up writes it: the row, its announcement and its escalation (to the leidinggevende).
      expect(await afhandeling(id)).toEqual([{ status: 'verlopen', gemeld: true }]);
      expect((await outbox(id, 'termijn.verlopen')).filter((p) => p.naam === 'afhandeling')).toHaveLength(1);
      expect((await outbox(id, 'termijn.escalatie')).filter((p) => p.naam === 'afhandeling')).toEqual([
        expect.objectContaining({ naar: 'leidinggevende', at: '2026-05-18T22:00:00.000Z' }),
      ]);
      // In the history the expiry comes first, at its own moment, then the request.
      const h = await historie(id);
      expect(h.indexOf('TERMIJN_VERLOPEN:afhandeling')).toBeGreaterThan(-1);
      expect(h.indexOf('TERMIJN_VERLOPEN:afhandeling')).toBeLessThan(h.indexOf('VERZOEK_OMBUDSMAN'));
      expect(h[h.length - 1]).toBe('VERZOEK_OMBUDSMAN');
      // The worker's wake-up, when it comes, finds the termijn fired and does nothing.
      expect(
        await a.wake.verval({ klachtId: id, termijnNaam: 'afhandeling', revision, kind: 'verval' }, new Date('2026-06-01T10:00:00+02:00')),
      ).toBe('stale');
      expect(await historie(id)).toEqual(h);
    },
  );

  it.each([
    ['the klacht as the engine cached it', false],
    ['the klacht read under its lock', true],
  ])(
    'Awb 9:11 with 9:12: an afdoening registered after the afhandeltermijn passed is stepped after its expiry (late), from %s',
    async (_, lezen) => {
      const { id } = await inOordeelsvorming();
      if (lezen) a.engine.cache.leeg();
      const res = await post(id, { type: 'AFDOENEN', at: '2026-05-20T10:00:00+02:00', data: { oordeel: 'gegrond' } });
      expect(res.status).toBe(200);
      const h = await historie(id);
      expect(h.slice(-2)).toEqual(['TERMIJN_VERLOPEN:afhandeling', 'AFDOENEN']);
      // Passed, then met late: closed, not 'nagekomen' (the reports count it te laat afgehandeld).
      expect(await afhandeling(id)).toEqual([{ status: 'verlopen', gemeld: true }]);
      expect((await outbox(id, 'termijn.escalatie')).filter((p) => p.naam === 'afhandeling')).toHaveLength(1);
    },
  );

  it('Awb 9:11 lid 1 and 2: an afdoening of the last day, registered before the wake-up ran, is not preceded by an expiry of the afhandeltermijn', async () => {
    const { id, revision } = await inOordeelsvorming();
    const res = await post(id, { type: 'AFDOENEN', at: '2026-05-18T16:00:00+02:00', data: { oordeel: 'gegrond' } });
    expect(res.status).toBe(200);
    expect(await afhandeling(id)).toEqual([{ status: 'nagekomen', gemeld: false }]);
    expect(await historie(id)).not.toContain('TERMIJN_VERLOPEN:afhandeling');
    expect((await outbox(id, 'termijn.escalatie')).filter((p) => p.naam === 'afhandeling')).toEqual([]);
    expect(
      await a.wake.verval({ klachtId: id, termijnNaam: 'afhandeling', revision, kind: 'verval' }, new Date('2026-06-01T10:00:00+02:00')),
    ).toBe('stale');
  });

  it('bad data for an event after the due moment changes nothing: 422, and the overdue wake-up is left to the worker', async () => {
    const { id } = await inOordeelsvorming();
    const voor = await historie(id);
    const res = await post(id, { type: 'AFDOENEN', at: '2026-05-20T10:00:00+02:00', data: { oordeel: 'misschien' } });
    expect(res.status).toBe(422);
    expect(await historie(id)).toEqual(voor);
    expect(await afhandeling(id)).toEqual([{ status: 'lopend', gemeld: false }]);
  });
});
