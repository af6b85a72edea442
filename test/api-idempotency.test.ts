import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, RESPONSE_PASSTHROUGH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import request from 'supertest';
import { AuthModule } from '../src/modules/auth/auth.module';
import { GEEN_IDEMPOTENTIE_KEY } from '../src/modules/idempotency/geen-idempotentie.decorator';
import { IdempotencyModule } from '../src/modules/idempotency/idempotency.module';
import { EngineService } from '../src/modules/engine/engine.service';
import { IdempotentieOpruiming } from '../src/modules/idempotency/idempotentie-opruiming.service';
import { KlachtenService } from '../src/modules/klachten/klachten.service';
import { bearer, GEMEENTE_A, GEMEENTE_B, intakeBody, metTweeGemeenten } from './auth-support';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

/** Idempotency-Key (IETF httpapi draft): a retried POST never creates a second klacht. */
describe('Idempotency-Key on POST (real PostgreSQL + Redis)', () => {
  let db: TestDatabase;
  let t: EngineApp;
  let token: string;

  beforeAll(async () => {
    db = await createTestDatabase('idempotency');
    t = await createEngineApp({ databaseUrl: db.url, env: { ROLE: 'api' }, imports: [AuthModule, IdempotencyModule], ...metTweeGemeenten });
    token = await bearer(t.app, GEMEENTE_A, 'klachtbehandelaar');
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const aantal = async (onderwerp: string) =>
    (await t.db.query('select count(*)::int as n from klacht where onderwerp = $1', [onderwerp]))[0].n as number;

  it('a retried POST with the same Idempotency-Key returns the first result', async () => {
    const body = { ...intakeBody(GEMEENTE_A), onderwerp: 'idempotent-1' };
    const eerste = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', token)
      .set('Idempotency-Key', 'sleutel-1')
      .send(body);
    expect(eerste.status).toBe(201);
    // Same body with keys in another order: the same request.
    const herordend = Object.fromEntries(Object.entries(body).reverse());
    const tweede = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', token)
      .set('Idempotency-Key', 'sleutel-1')
      .send(herordend);
    expect(tweede.status).toBe(eerste.status);
    expect(tweede.body).toEqual(eerste.body);
    expect(tweede.headers['idempotent-replayed']).toBe('true');
    expect(await aantal('idempotent-1')).toBe(1);
    // Events too: a retried AFDOEN is applied once.
    const pad = `/api/v1/klachten/${eerste.body.id}/gebeurtenissen`;
    const a = await request(t.http).post(pad).set('Authorization', token).set('Idempotency-Key', 'afdoen-1').send({ type: 'AFDOEN' });
    const b = await request(t.http).post(pad).set('Authorization', token).set('Idempotency-Key', 'afdoen-1').send({ type: 'AFDOEN' });
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(b.body).toEqual(a.body);
    const [{ n }] = await t.db.query(`select count(*)::int as n from klacht_gebeurtenis where klacht_id = $1 and type = 'AFDOEN'`, [
      eerste.body.id,
    ]);
    expect(n).toBe(1);
  });

  it('crash between commit and reply: the retry with the same key returns the first result and no second klacht exists (key and klacht commit together)', async () => {
    const klachten = t.app.get(KlachtenService, { strict: false });
    const body = { ...intakeBody(GEMEENTE_A), onderwerp: 'idempotent-crash' };
    // The work commits, then the reply fails: what a process killed between commit and reply leaves behind.
    const crash = jest.spyOn(klachten, 'detail').mockRejectedValueOnce(new Error('proces gestopt na de commit'));
    const eerste = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', token)
      .set('Idempotency-Key', 'sleutel-crash')
      .send(body);
    crash.mockRestore();
    expect(eerste.status).toBe(500);
    expect(await aantal('idempotent-crash')).toBe(1);
    // At once, no waiting for a lock to expire.
    const retry = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', token)
      .set('Idempotency-Key', 'sleutel-crash')
      .send(body);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await aantal('idempotent-crash')).toBe(1);
    const [{ id }] = await t.db.query(`select id from klacht where onderwerp = 'idempotent-crash'`);
    expect(retry.body.id).toBe(id);
    // The first reply never got out, so none was stored: the key keeps only its reference to the klacht, and the replay,
    // rebuilt from it, stores no copy of the dossier either (AVG art. 5 lid 1 sub c).
    const [rij] = await t.db.query(`select response_body, resultaat from idempotentie_sleutel where sleutel = 'sleutel-crash'`);
    expect(rij).toEqual({ response_body: null, resultaat: { klachtId: id } });
  });

  it('a crash before the commit leaves nothing: the retry with the same key runs at once and creates the klacht once', async () => {
    const engine = t.app.get(EngineService, { strict: false });
    const body = { ...intakeBody(GEMEENTE_A), onderwerp: 'idempotent-voor-commit' };
    // The intake's write, inside the transaction that claimed the key.
    const crash = jest.spyOn(engine, 'schrijfIntake').mockRejectedValueOnce(new Error('proces gestopt vóór de commit'));
    const eerste = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', token)
      .set('Idempotency-Key', 'sleutel-voor')
      .send(body);
    crash.mockRestore();
    expect(eerste.status).toBe(500);
    expect(await aantal('idempotent-voor-commit')).toBe(0);
    const retry = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', token)
      .set('Idempotency-Key', 'sleutel-voor')
      .send(body);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(await aantal('idempotent-voor-commit')).toBe(1);
  });

  it('AVG art. 5 lid 1 sub e: keys (and any stored reply) are purged after their 24-hour window, younger ones stay', async () => {
    await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', token)
      .set('Idempotency-Key', 'sleutel-oud')
      .send({ ...intakeBody(GEMEENTE_A), onderwerp: 'idempotent-oud' })
      .expect(201);
    await t.db.query(`update idempotentie_sleutel set created_at = now() - interval '25 hours' where sleutel = 'sleutel-oud'`);
    const opruiming = t.app.get(IdempotentieOpruiming, { strict: false });
    expect(await opruiming.ruimOp()).toBeGreaterThanOrEqual(1);
    expect(await t.db.query(`select 1 from idempotentie_sleutel where sleutel = 'sleutel-oud'`)).toHaveLength(0);
    expect((await t.db.query(`select count(*)::int as n from idempotentie_sleutel`))[0].n).toBeGreaterThan(0);
  });

  it('the same Idempotency-Key with a different body is refused with 422 problem+json', async () => {
    const body = { ...intakeBody(GEMEENTE_A), onderwerp: 'idempotent-2' };
    await request(t.http).post('/api/v1/klachten').set('Authorization', token).set('Idempotency-Key', 'sleutel-2').send(body).expect(201);
    const anders = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', token)
      .set('Idempotency-Key', 'sleutel-2')
      .send({ ...body, onderwerp: 'iets anders' });
    expect(anders.status).toBe(422);
    expect(anders.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(anders.body.code).toBe('idempotency-key-hergebruikt');
    expect(await aantal('iets anders')).toBe(0);
  });

  it('concurrent duplicates with one Idempotency-Key create one klacht', async () => {
    const body = { ...intakeBody(GEMEENTE_A), onderwerp: 'idempotent-3' };
    const antwoorden = await Promise.all(
      Array.from({ length: 6 }, () =>
        request(t.http).post('/api/v1/klachten').set('Authorization', token).set('Idempotency-Key', 'sleutel-3').send(body),
      ),
    );
    expect(antwoorden.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(new Set(antwoorden.map((r) => r.body.id)).size).toBe(1);
    expect(await aantal('idempotent-3')).toBe(1);
  });

  it('the route that would answer with a secret (a new API key) keeps nothing under an Idempotency-Key: it is refused, keys are issued on the server', async () => {
    const beheerder = await bearer(t.app, GEMEENTE_A, 'beheerder');
    const maak = () =>
      request(t.http)
        .post('/api/v1/api-sleutels')
        .set('Authorization', beheerder)
        .set('Idempotency-Key', 'sleutel-geheim')
        .send({ naam: 'x', rol: 'systeem' });
    const a = await maak();
    const b = await maak();
    expect([a.status, b.status, a.body.code, b.body.code]).toEqual([403, 403, 'sleutel-rol-voorbehouden', 'sleutel-rol-voorbehouden']);
    expect(a.body.sleutel).toBeUndefined();
    expect(await t.db.query(`select 1 from idempotentie_sleutel where sleutel = 'sleutel-geheim'`)).toHaveLength(0);
  });

  it('a failed request releases its key, and keys are per gemeente', async () => {
    const slecht = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', token)
      .set('Idempotency-Key', 'sleutel-4')
      .send({ gemeente: GEMEENTE_A });
    expect(slecht.status).toBe(400);
    const goed = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', token)
      .set('Idempotency-Key', 'sleutel-4')
      .send({ ...intakeBody(GEMEENTE_A), onderwerp: 'idempotent-4' });
    expect(goed.status).toBe(201);
    // The same key in another gemeente is another key.
    const b = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', await bearer(t.app, GEMEENTE_B, 'klachtbehandelaar'))
      .set('Idempotency-Key', 'sleutel-4')
      .send({ ...intakeBody(GEMEENTE_B), onderwerp: 'idempotent-4' });
    expect(b.status).toBe(201);
    expect(b.body.id).not.toBe(goed.body.id);
  });

  it('every POST route that writes its own reply (@Res()) ignores Idempotency-Key (@GeenIdempotentie): a stored reply could not be replayed', async () => {
    // Nest ignores an interceptor's value once a handler took the response itself (@Res() / @Next() without passthrough),
    // so a stored reply could never be replayed: the retry would wait for an answer that never comes.
    const zelfSchrijvend: string[] = [];
    for (const module of t.app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const klasse = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
        if (!klasse?.prototype) continue;
        for (const naam of Object.getOwnPropertyNames(klasse.prototype)) {
          const handler = (klasse.prototype as Record<string, unknown>)[naam];
          if (naam === 'constructor' || typeof handler !== 'function') continue;
          if (Reflect.getMetadata(METHOD_METADATA, handler) !== RequestMethod.POST) continue;
          const params = Object.keys((Reflect.getMetadata(ROUTE_ARGS_METADATA, klasse, naam) ?? {}) as Record<string, unknown>);
          const neemtAntwoord = params.some((k) => [RouteParamtypes.RESPONSE, RouteParamtypes.NEXT].includes(Number(k.split(':')[0])));
          if (!neemtAntwoord || Reflect.getMetadata(RESPONSE_PASSTHROUGH_METADATA, klasse, naam)) continue;
          zelfSchrijvend.push(`${klasse.name}.${naam}`);
          const geen = Reflect.getMetadata(GEEN_IDEMPOTENTIE_KEY, handler) ?? Reflect.getMetadata(GEEN_IDEMPOTENTIE_KEY, klasse);
          expect([`${klasse.name}.${naam}`, geen]).toEqual([`${klasse.name}.${naam}`, true]);
        }
      }
    }
    // The hand-over at contract end streams its archive; the check above found it (it is not vacuous).
    expect(zelfSchrijvend).toContain('OverdrachtController.draagOver');
  });

  it('a retried hand-over (POST /aanbieders/{id}/overdracht, a streamed archive) with the same Idempotency-Key answers again and never hangs', async () => {
    const beheerder = await bearer(t.app, GEMEENTE_A, 'beheerder');
    const overdracht = () =>
      request(t.http)
        .post('/api/v1/aanbieders/zorg-herhaald/overdracht')
        .set('Authorization', beheerder)
        .set('Idempotency-Key', 'sleutel-overdracht')
        .send({ contractEinde: '2020-01-31' })
        .buffer(true)
        .parse((res, cb) => {
          const delen: Buffer[] = [];
          res.on('data', (d: Buffer) => delen.push(Buffer.from(d)));
          res.on('end', () => cb(null, Buffer.concat(delen)));
        })
        .timeout(10_000);
    const a = await overdracht();
    const b = await overdracht();
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.headers['content-type']).toBe('application/x-tar');
    expect((b.body as Buffer).length).toBeGreaterThan(0);
    // Repeatable by design (OverdrachtService): the retry is a second hand-over, and nothing is kept under the key.
    expect(await t.db.query(`select 1 from idempotentie_sleutel where sleutel = 'sleutel-overdracht'`)).toHaveLength(0);
  });

  it("an Idempotency-Key is bound to its caller: another caller of the same gemeente reusing key, URL and body gets 422, never the first caller's reply", async () => {
    // In-transaction path (POST /klachten claims the key in the engine's transaction).
    const body = { ...intakeBody(GEMEENTE_A), onderwerp: 'idempotent-aanroeper' };
    const tweede = await bearer(t.app, GEMEENTE_A, 'klachtbehandelaar');
    const post = (auth: string) =>
      request(t.http).post('/api/v1/klachten').set('Authorization', auth).set('Idempotency-Key', 'sleutel-aanroeper').send(body);
    expect((await post(token)).status).toBe(201);
    const ander = await post(tweede);
    expect(ander.status).toBe(422);
    expect(ander.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(ander.body.code).toBe('idempotency-key-hergebruikt');
    expect(ander.body.id).toBeUndefined();
    expect(await aantal('idempotent-aanroeper')).toBe(1);
    // The first caller's own retry is still its replay.
    const zelf = await post(token);
    expect([zelf.status, zelf.headers['idempotent-replayed']]).toEqual([201, 'true']);

    // Interceptor path (a stored reply): two keys of the same aanbieder, one klacht about it.
    const klacht = (await post(token)).body.id as string;
    const noord1 = await bearer(t.app, GEMEENTE_A, 'aanbieder', 'zorg-noord');
    const noord2 = await bearer(t.app, GEMEENTE_A, 'aanbieder', 'zorg-noord');
    const terug = (auth: string) =>
      request(t.http)
        .post(`/api/v1/klachten/${klacht}/terugkoppelingen`)
        .set('Authorization', auth)
        .set('Idempotency-Key', 'sleutel-terug')
        .send({ soort: 'registratie', opmerking: 'onder nummer ZN-1' });
    const eerste = await terug(noord1);
    expect(eerste.status).toBe(201);
    const van2 = await terug(noord2);
    expect(van2.status).toBe(422);
    expect(van2.body.code).toBe('idempotency-key-hergebruikt');
    expect(van2.headers['idempotent-replayed']).toBeUndefined();
    const [{ n }] = await t.db.query(`select count(*)::int as n from terugkoppeling where klacht_id = $1`, [klacht]);
    expect(n).toBe(1);
    const weer = await terug(noord1);
    expect([weer.status, weer.headers['idempotent-replayed'], weer.body]).toEqual([201, 'true', eerste.body]);
  });

  it("keys beginning with 'import:' are the import's own: a client's is a 400 naming Idempotency-Key and changes nothing", async () => {
    const res = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', token)
      .set('Idempotency-Key', 'import:KCC-2026-0001')
      .send({ ...intakeBody(GEMEENTE_A), onderwerp: 'idempotent-import-voorbehouden' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.invalidParams).toEqual([expect.objectContaining({ name: 'Idempotency-Key' })]);
    expect(await aantal('idempotent-import-voorbehouden')).toBe(0);
    expect(await t.db.query(`select 1 from idempotentie_sleutel where sleutel like 'import:%'`)).toHaveLength(0);
  });
});
