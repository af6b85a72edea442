/**
 * IETF draft-ietf-httpapi-idempotency-key-header: a retried request with the same Idempotency-Key answers what the first
 * one answered, not the klacht as it is by the time of the retry. A client that retries its event after a timeout,
 * while another event was registered in between, must not read that later state, its termijnen and next events as the
 * outcome of its own. Routes that claim the key in the work's transaction (POST /klachten, POST .../gebeurtenissen)
 * store their reply after the commit; only when none was stored is the klacht as it is now the answer.
 *
 * The test regime (test/support/test-regime.ts) on an injected clock; no worker runs (ROLE=api).
 */
import request from 'supertest';
import { KLOK, vasteKlok } from '../src/common/klok';
import { AuthModule } from '../src/modules/auth/auth.module';
import { IdempotencyModule } from '../src/modules/idempotency/idempotency.module';
import { IdempotentieOpruiming } from '../src/modules/idempotency/idempotentie-opruiming.service';
import { bearer, GEMEENTE_A, intakeBody } from './auth-support';
import { createTestDatabase, deleteRedisPrefix, uniqueRedisPrefix, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

let db: TestDatabase;
let t: EngineApp;
let token: string;
const queuePrefix = uniqueRedisPrefix('idempotentie-herhaling');

beforeAll(async () => {
  db = await createTestDatabase('idempotentie_herhaling');
  t = await createEngineApp({
    databaseUrl: db.url,
    queuePrefix,
    env: { ROLE: 'api' },
    imports: [AuthModule, IdempotencyModule],
    override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(new Date('2026-03-10T10:00:00+01:00'))),
  });
  token = await bearer(t.app, GEMEENTE_A, 'klachtbehandelaar');
}, 120_000);

afterAll(async () => {
  await t?.close();
  await db?.drop();
  await deleteRedisPrefix(queuePrefix);
});

/** Received the morning before the clock's now: its termijnen run, none has passed. */
const intake = (onderwerp: string) => ({ ...intakeBody(GEMEENTE_A), onderwerp, ontvangenOp: '2026-03-09T09:00:00+01:00' });
const VERDAGEN = { type: 'VERDAGEN', at: '2026-03-09T11:00:00+01:00' };
const AFDOEN = { type: 'AFDOEN', at: '2026-03-10T09:00:00+01:00' };

const indienen = (body: object, sleutel?: string) => {
  const r = request(t.http).post('/api/v1/klachten').set('Authorization', token);
  return (sleutel ? r.set('Idempotency-Key', sleutel) : r).send(body);
};
const gebeurtenis = (id: string, body: object, sleutel?: string) => {
  const r = request(t.http).post(`/api/v1/klachten/${id}/gebeurtenissen`).set('Authorization', token);
  return (sleutel ? r.set('Idempotency-Key', sleutel) : r).send(body);
};

/** The stored reply of a key (response_status, response_body). */
const opgeslagen = async (sleutel: string) =>
  (
    (await t.db.query(`SELECT response_status, response_body FROM idempotentie_sleutel WHERE sleutel = $1`, [sleutel])) as Array<{
      response_status: number | null;
      response_body: { state?: string } | null;
    }>
  )[0];

/** What a process that died between the commit and storing its reply leaves: the result without a reply. */
const zonderAntwoord = (sleutel: string, gecommit: string) =>
  t.db.query(
    `UPDATE idempotentie_sleutel SET response_status = NULL, response_body = NULL, completed_at = ${gecommit} WHERE sleutel = $1`,
    [sleutel],
  );

const aantal = async (klachtId: string, type: string) =>
  (
    (await t.db.query(`SELECT count(*)::int AS n FROM klacht_gebeurtenis WHERE klacht_id = $1 AND type = $2`, [klachtId, type])) as Array<{
      n: number;
    }>
  )[0].n;

describe('IETF draft-ietf-httpapi-idempotency-key-header: a replay answers the result of the first request', () => {
  it('an event retried after another event was registered gets its own first reply (state, termijnen, next events, history), marked Idempotent-Replayed', async () => {
    const { body: k } = await indienen(intake('herhaling-gebeurtenis')).expect(201);
    const eerste = await gebeurtenis(k.id, VERDAGEN, 'verdagen-1');
    expect(eerste.status).toBe(200);
    expect(eerste.body.state).toBe('inBehandeling');
    expect(eerste.body.volgendeEvents.map((e: { type: string }) => e.type)).toContain('AFDOEN');
    // Another caller's act in between: the klacht is afgedaan now.
    const tussendoor = await gebeurtenis(k.id, AFDOEN);
    expect(tussendoor.status).toBe(200);
    expect(tussendoor.body.state).toBe('afgedaan');

    const herhaling = await gebeurtenis(k.id, VERDAGEN, 'verdagen-1');
    expect(herhaling.status).toBe(200);
    expect(herhaling.headers['idempotent-replayed']).toBe('true');
    expect(herhaling.body).toEqual(eerste.body);
    expect([herhaling.body.state, herhaling.body.volgendeEvents, herhaling.body.gebeurtenissen.length]).toEqual([
      'inBehandeling',
      eerste.body.volgendeEvents,
      tussendoor.body.gebeurtenissen.length - 1,
    ]);
    expect(await aantal(k.id, 'VERDAGEN')).toBe(1);
  });

  it('an intake retried after an event on its klacht gets its own first reply (201), and no second klacht exists', async () => {
    const eerste = await indienen(intake('herhaling-intake'), 'intake-1');
    expect(eerste.status).toBe(201);
    await gebeurtenis(eerste.body.id, AFDOEN).expect(200);

    const herhaling = await indienen(intake('herhaling-intake'), 'intake-1');
    expect(herhaling.status).toBe(201);
    expect(herhaling.headers['idempotent-replayed']).toBe('true');
    expect(herhaling.body).toEqual(eerste.body);
    expect([herhaling.body.state, herhaling.body.gebeurtenissen.length]).toEqual(['inBehandeling', 1]);
    const [{ n }] = (await t.db.query(`SELECT count(*)::int AS n FROM klacht WHERE onderwerp = 'herhaling-intake'`)) as Array<{
      n: number;
    }>;
    expect(n).toBe(1);
  });

  it('no reply stored (the process died between the commit and storing it): the replay answers the klacht as it is now, with the first status, and stores nothing', async () => {
    const { body: k } = await indienen(intake('herhaling-zonder-antwoord')).expect(201);
    await gebeurtenis(k.id, VERDAGEN, 'verdagen-2').expect(200);
    expect((await opgeslagen('verdagen-2')).response_status).toBe(200);
    await zonderAntwoord('verdagen-2', `now() - interval '1 hour'`);
    const nu = await gebeurtenis(k.id, AFDOEN).expect(200);

    const herhaling = await gebeurtenis(k.id, VERDAGEN, 'verdagen-2');
    expect(herhaling.status).toBe(200);
    expect(herhaling.headers['idempotent-replayed']).toBe('true');
    expect(herhaling.body).toEqual(nu.body);
    expect(herhaling.body.state).toBe('afgedaan');
    // A replay's reply is not the first request's: it is never stored as that.
    expect(await opgeslagen('verdagen-2')).toEqual({ response_status: null, response_body: null });
    expect(await aantal(k.id, 'VERDAGEN')).toBe(1);

    // The intake alike: 201, the klacht as it is now.
    const eerste = await indienen(intake('herhaling-intake-zonder-antwoord'), 'intake-2').expect(201);
    await zonderAntwoord('intake-2', `now() - interval '1 hour'`);
    await gebeurtenis(eerste.body.id, AFDOEN).expect(200);
    const intakeHerhaald = await indienen(intake('herhaling-intake-zonder-antwoord'), 'intake-2');
    expect([
      intakeHerhaald.status,
      intakeHerhaald.headers['idempotent-replayed'],
      intakeHerhaald.body.id,
      intakeHerhaald.body.state,
    ]).toEqual([201, 'true', eerste.body.id, 'afgedaan']);
  });

  it("a duplicate that arrives between the first request's commit and its stored reply waits for that reply", async () => {
    const { body: k } = await indienen(intake('herhaling-wacht')).expect(201);
    const eerste = await gebeurtenis(k.id, VERDAGEN, 'verdagen-3').expect(200);
    const bewaard = await opgeslagen('verdagen-3');
    await gebeurtenis(k.id, AFDOEN).expect(200);
    // The first request committed just now and is still building its reply.
    await zonderAntwoord('verdagen-3', 'clock_timestamp()');
    const start = Date.now();
    const herhaling = gebeurtenis(k.id, VERDAGEN, 'verdagen-3').then((r) => r);
    await new Promise((r) => setTimeout(r, 500));
    await t.db.query(`UPDATE idempotentie_sleutel SET response_status = $2, response_body = $3::jsonb WHERE sleutel = $1`, [
      'verdagen-3',
      bewaard.response_status,
      JSON.stringify(bewaard.response_body),
    ]);
    const r = await herhaling;
    expect(Date.now() - start).toBeGreaterThanOrEqual(500);
    expect([r.status, r.headers['idempotent-replayed']]).toEqual([200, 'true']);
    expect(r.body).toEqual(eerste.body);
  });

  it('AVG art. 5 lid 1 sub e: a stored reply (it holds the dossier) goes with its key after the 24-hour window', async () => {
    await indienen(intake('herhaling-opruimen'), 'intake-oud').expect(201);
    expect((await opgeslagen('intake-oud')).response_body?.state).toBe('inBehandeling');
    await t.db.query(`UPDATE idempotentie_sleutel SET created_at = now() - interval '25 hours' WHERE sleutel = 'intake-oud'`);
    await t.app.get(IdempotentieOpruiming, { strict: false }).ruimOp();
    expect(await opgeslagen('intake-oud')).toBeUndefined();
  });
});
