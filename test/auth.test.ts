import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import request from 'supertest';
import { AuthModule } from '../src/modules/auth/auth.module';
import { EersteSleutelService } from '../src/modules/auth/eerste-sleutel.service';
import { IdempotencyModule } from '../src/modules/idempotency/idempotency.module';
import { WebhooksModule } from '../src/modules/webhooks/webhooks.module';
import { DefinitiesModule } from '../src/modules/definities/definities.module';
import { KlachtActiesModule } from '../src/modules/klacht-acties/klacht-acties.module';
import { bearer, GEMEENTE_A, GEMEENTE_B, intakeBody, metTweeGemeenten } from './auth-support';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

const PROBLEM = /application\/problem\+json/;

/** docs/adr/0003-tenancy-webhooks-idempotency.md: the gemeente is the tenant, roles limit what a caller may do, dossier reads are logged. */
describe('auth, tenancy and roles (real PostgreSQL + Redis)', () => {
  let db: TestDatabase;
  let t: EngineApp;
  let jwks: Server;
  let privateKey: KeyLike;
  const issuer = 'https://login.test.example/realms/klachten';

  beforeAll(async () => {
    const kp = await generateKeyPair('RS256');
    privateKey = kp.privateKey;
    const jwk = { ...(await exportJWK(kp.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    jwks = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', () => r()));
    db = await createTestDatabase('auth');
    t = await createEngineApp({
      databaseUrl: db.url,
      env: {
        ROLE: 'api',
        OIDC_ISSUER: issuer,
        OIDC_AUDIENCE: 'klachtregie',
        OIDC_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/certs`,
      },
      imports: [AuthModule, IdempotencyModule, WebhooksModule, DefinitiesModule, KlachtActiesModule],
      ...metTweeGemeenten,
    });
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
    await new Promise((r) => jwks?.close(r));
  });

  const maakKlacht = async (gemeente: string, aanbiederId = 'zorg-noord') => {
    const res = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', await bearer(t.app, gemeente, 'klachtbehandelaar'))
      .send(intakeBody(gemeente, aanbiederId));
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  it('a request without a valid token gets 401 problem+json', async () => {
    for (const auth of [undefined, 'Bearer kr_onbekend', 'Bearer kr_aaaaaaaaaaaa_' + 'x'.repeat(43), 'Basic Zm9vOmJhcg==']) {
      const req = request(t.http).get('/api/v1/klachten');
      const res = await (auth ? req.set('Authorization', auth) : req);
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toEqual(expect.objectContaining({ status: 401, code: 'niet-geauthenticeerd' }));
      expect(res.headers['api-version']).toBe('1.0.0');
    }
  });

  it('a token of gemeente A gets 404 for a klacht of gemeente B', async () => {
    const vanB = await maakKlacht(GEMEENTE_B);
    const a = await bearer(t.app, GEMEENTE_A, 'klachtbehandelaar');
    const get = await request(t.http).get(`/api/v1/klachten/${vanB}`).set('Authorization', a);
    expect(get.status).toBe(404);
    expect(get.headers['content-type']).toMatch(PROBLEM);
    expect(get.body.code).toBe('klacht-niet-gevonden');
    expect(JSON.stringify(get.body)).not.toContain('Hulp bij het huishouden');
    const event = await request(t.http).post(`/api/v1/klachten/${vanB}/gebeurtenissen`).set('Authorization', a).send({ type: 'AFDOEN' });
    expect(event.status).toBe(404);
    const [{ state }] = await t.db.query('select state from klacht where id = $1', [vanB]);
    expect(state).toBe('inBehandeling');
    const lijst = await request(t.http).get('/api/v1/klachten').set('Authorization', a);
    expect(lijst.status).toBe(200);
    expect(JSON.stringify(lijst.body)).not.toContain(vanB);
    // Registering for another gemeente is refused too.
    const intake = await request(t.http).post('/api/v1/klachten').set('Authorization', a).send(intakeBody(GEMEENTE_B));
    expect(intake.status).toBe(403);
    // The owner sees it.
    const b = await bearer(t.app, GEMEENTE_B, 'procesEigenaar');
    expect((await request(t.http).get(`/api/v1/klachten/${vanB}`).set('Authorization', b)).status).toBe(200);
  });

  it('an aanbieder token sees only its own klachten', async () => {
    const eigen = await maakKlacht(GEMEENTE_A, 'aanbieder-eigen');
    const ander = await maakKlacht(GEMEENTE_A, 'aanbieder-ander');
    const token = await bearer(t.app, GEMEENTE_A, 'aanbieder', 'aanbieder-eigen');
    expect((await request(t.http).get(`/api/v1/klachten/${eigen}`).set('Authorization', token)).status).toBe(200);
    const vreemd = await request(t.http).get(`/api/v1/klachten/${ander}`).set('Authorization', token);
    expect(vreemd.status).toBe(404);
    const lijst = await request(t.http).get('/api/v1/klachten?pageSize=100').set('Authorization', token);
    expect(lijst.status).toBe(200);
    const ids = JSON.stringify(lijst.body);
    expect(ids).toContain(eigen);
    expect(ids).not.toContain(ander);
    // Paged lists carry navigation links (the other query keys are kept).
    expect(lijst.body.links.self.href).toBe('/api/v1/klachten?pageSize=100&page=1');
    // An aanbieder registers only klachten about itself.
    const over = await request(t.http).post('/api/v1/klachten').set('Authorization', token).send(intakeBody(GEMEENTE_A, 'aanbieder-ander'));
    expect(over.status).toBe(403);
    const zelf = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', token)
      .send({ ...intakeBody(GEMEENTE_A, 'aanbieder-eigen'), ingediendBij: 'aanbieder' });
    expect(zelf.status).toBe(201);
  });

  it('each role is refused what it may not do (403 problem+json)', async () => {
    const klacht = await maakKlacht(GEMEENTE_A);
    const ROLLEN = ['beleidsmedewerker', 'klachtbehandelaar', 'aanbieder', 'procesEigenaar', 'systeem', 'beheerder'] as const;
    type R = (typeof ROLLEN)[number];
    const endpoints: { naam: string; mag: R[]; call: (auth: string) => request.Test }[] = [
      {
        naam: 'POST /api-sleutels',
        mag: ['beheerder'],
        // Without a rol: the beheerder passes the guard and meets validation (400); no role is minted through the API.
        call: (a) => request(t.http).post('/api/v1/api-sleutels').set('Authorization', a).send({ naam: 'x' }),
      },
      { naam: 'GET /api-sleutels', mag: ['beheerder'], call: (a) => request(t.http).get('/api/v1/api-sleutels').set('Authorization', a) },
      {
        naam: 'POST /webhook-abonnementen',
        mag: ['beheerder'],
        call: (a) => request(t.http).post('/api/v1/webhook-abonnementen').set('Authorization', a).send({ url: 'http://127.0.0.1:9/x' }),
      },
      {
        naam: 'GET /webhook-afleveringen',
        mag: ['beheerder', 'systeem'],
        call: (a) => request(t.http).get('/api/v1/webhook-afleveringen').set('Authorization', a),
      },
      {
        naam: 'POST /klachten',
        mag: ['klachtbehandelaar', 'systeem', 'aanbieder'],
        call: (a) => request(t.http).post('/api/v1/klachten').set('Authorization', a).send(intakeBody(GEMEENTE_A, 'zorg-noord')),
      },
      {
        naam: 'GET /klachten',
        mag: ['klachtbehandelaar', 'procesEigenaar', 'systeem', 'aanbieder'],
        call: (a) => request(t.http).get('/api/v1/klachten').set('Authorization', a),
      },
      {
        naam: 'GET /klachten/{id}',
        mag: ['klachtbehandelaar', 'procesEigenaar', 'systeem', 'aanbieder'],
        call: (a) => request(t.http).get(`/api/v1/klachten/${klacht}`).set('Authorization', a),
      },
      {
        naam: 'POST /klachten/{id}/gebeurtenissen',
        mag: ['klachtbehandelaar', 'systeem'],
        call: (a) =>
          request(t.http).post(`/api/v1/klachten/${klacht}/gebeurtenissen`).set('Authorization', a).send({ type: 'CONTACT_OPGENOMEN' }),
      },
      {
        naam: 'POST /klachten/{id}/terugkoppelingen',
        mag: ['aanbieder', 'klachtbehandelaar'],
        call: (a) =>
          request(t.http).post(`/api/v1/klachten/${klacht}/terugkoppelingen`).set('Authorization', a).send({ soort: 'registratie' }),
      },
      {
        naam: 'POST /klachten/{id}/ombudsman-verzoeken',
        mag: ['klachtbehandelaar', 'systeem'],
        call: (a) =>
          request(t.http)
            .post(`/api/v1/klachten/${klacht}/ombudsman-verzoeken`)
            .set('Authorization', a)
            .send({ soort: 'informatievraag', ontvangenOp: new Date().toISOString() }),
      },
      {
        naam: 'GET /definities',
        mag: ['beleidsmedewerker', 'klachtbehandelaar', 'procesEigenaar', 'systeem', 'beheerder'],
        call: (a) => request(t.http).get('/api/v1/definities').set('Authorization', a),
      },
      {
        naam: 'POST /definities/validaties',
        mag: ['beleidsmedewerker'],
        call: (a) => request(t.http).post('/api/v1/definities/validaties').set('Authorization', a).send({ yaml: 'gemeente: {}' }),
      },
      {
        naam: 'POST /definities',
        mag: ['beleidsmedewerker'],
        call: (a) => request(t.http).post('/api/v1/definities').set('Authorization', a).send({ yaml: 'gemeente: {}' }),
      },
      {
        naam: 'GET /webhook-abonnementen',
        mag: ['beheerder', 'systeem'],
        call: (a) => request(t.http).get('/api/v1/webhook-abonnementen').set('Authorization', a),
      },
    ];
    const tokens = Object.fromEntries(
      await Promise.all(
        ROLLEN.map(async (r) => [r, await bearer(t.app, GEMEENTE_A, r, r === 'aanbieder' ? 'zorg-noord' : undefined)] as const),
      ),
    ) as Record<R, string>;
    const fouten: string[] = [];
    for (const e of endpoints) {
      for (const rol of ROLLEN) {
        const res = await e.call(tokens[rol]);
        const geweigerd = res.status === 403;
        if (e.mag.includes(rol) === geweigerd) fouten.push(`${e.naam} as ${rol}: ${res.status}`);
        if (geweigerd && (!PROBLEM.test(String(res.headers['content-type'])) || res.body.code !== 'geen-toegang')) {
          fouten.push(`${e.naam} as ${rol}: 403 is not a geen-toegang problem+json`);
        }
      }
    }
    expect(fouten).toEqual([]);
  });

  it('every read of a dossier is logged in dossier_inzage (who, role, gemeente, klacht)', async () => {
    const klacht = await maakKlacht(GEMEENTE_A);
    const token = await bearer(t.app, GEMEENTE_A, 'procesEigenaar');
    await request(t.http).get(`/api/v1/klachten/${klacht}`).set('Authorization', token).expect(200);
    await request(t.http).get(`/api/v1/klachten/${klacht}`).set('Authorization', token).expect(200);
    // The intake's reply (the behandelaar's) is a read too; the two GETs follow it.
    const rows = await t.db.query(
      `select gemeente, rol, wie, klacht_id from dossier_inzage where klacht_id = $1 and rol = 'procesEigenaar' order by id`,
      [klacht],
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual(expect.objectContaining({ gemeente: GEMEENTE_A, rol: 'procesEigenaar', klacht_id: klacht }));
    expect(rows[0].wie).toMatch(/^api-sleutel:[0-9a-f-]{36}$/);
    // A refused read (other gemeente) is not a read of the dossier.
    await request(t.http)
      .get(`/api/v1/klachten/${klacht}`)
      .set('Authorization', await bearer(t.app, GEMEENTE_B, 'procesEigenaar'))
      .expect(404);
    expect(await t.db.query(`select 1 from dossier_inzage where klacht_id = $1 and rol = 'procesEigenaar'`, [klacht])).toHaveLength(2);
  });

  it('an OIDC token from the configured issuer maps its claims to gemeente, rol and aanbieder', async () => {
    const klacht = await maakKlacht(GEMEENTE_A, 'zorg-oidc');
    const jwt = (claims: Record<string, unknown>, iss = issuer) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(iss)
        .setAudience('klachtregie')
        .setSubject('medewerker-1')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
    const goed = await jwt({ gemeente: 'GM9999', rol: 'aanbieder', aanbiederId: 'zorg-oidc' });
    expect((await request(t.http).get(`/api/v1/klachten/${klacht}`).set('Authorization', `Bearer ${goed}`)).status).toBe(200);
    const [inzage] = await t.db.query(`select wie, rol from dossier_inzage where klacht_id = $1 and rol = 'aanbieder'`, [klacht]);
    expect(inzage).toEqual({ wie: 'oidc:medewerker-1', rol: 'aanbieder' });
    const andereAanbieder = await jwt({ gemeente: 'GM9999', rol: 'aanbieder', aanbiederId: 'iemand-anders' });
    expect((await request(t.http).get(`/api/v1/klachten/${klacht}`).set('Authorization', `Bearer ${andereAanbieder}`)).status).toBe(404);
    const verkeerdeIssuer = await jwt({ gemeente: 'GM9999', rol: 'klachtbehandelaar' }, 'https://elders.example');
    expect((await request(t.http).get('/api/v1/klachten').set('Authorization', `Bearer ${verkeerdeIssuer}`)).status).toBe(401);
    const zonderRol = await jwt({ gemeente: 'GM9999' });
    expect((await request(t.http).get('/api/v1/klachten').set('Authorization', `Bearer ${zonderRol}`)).status).toBe(401);
  });

  it('OIDC: a token without exp, with exp a century ahead, without sub, for another audience or expired is refused (401)', async () => {
    const claims = { gemeente: 'GM9999', rol: 'klachtbehandelaar' };
    const basis = () => new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuer(issuer).setIssuedAt();
    const status = async (token: string) => (await request(t.http).get('/api/v1/klachten').set('Authorization', `Bearer ${token}`)).status;
    expect(await status(await basis().setAudience('klachtregie').setSubject('m-1').setExpirationTime('5m').sign(privateKey))).toBe(200);
    expect(await status(await basis().setAudience('klachtregie').setSubject('m-1').sign(privateKey))).toBe(401);
    expect(await status(await basis().setAudience('klachtregie').setSubject('m-1').setExpirationTime('100y').sign(privateKey))).toBe(401);
    expect(await status(await basis().setAudience('klachtregie').setExpirationTime('5m').sign(privateKey))).toBe(401);
    expect(await status(await basis().setAudience('een-andere-dienst').setSubject('m-1').setExpirationTime('5m').sign(privateKey))).toBe(
      401,
    );
    expect(
      await status(
        await basis()
          .setAudience('klachtregie')
          .setSubject('m-1')
          .setExpirationTime(Math.floor(Date.now() / 1000) - 120)
          .sign(privateKey),
      ),
    ).toBe(401);
  });

  /** A token signed with the JWKS key; `exp` and `aud` as given, so a test can make it expired or for another service. */
  const oidcToken = (claims: Record<string, unknown>, opts: { aud?: string; iat: number; exp: number }) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(issuer)
      .setAudience(opts.aud ?? 'klachtregie')
      .setSubject('medewerker-2')
      .setIssuedAt(opts.iat)
      .setExpirationTime(opts.exp)
      .sign(privateKey);
  // jose checks `exp` against the real clock, so the times are relative to now, never a fixed date.
  const nuSec = () => Math.floor(Date.now() / 1000);
  const claims = { gemeente: GEMEENTE_A, rol: 'klachtbehandelaar' };

  it('OIDC (RFC 7519 4.1.4): a token past its exp is refused with 401, the same token still valid is accepted', async () => {
    const geldig = await oidcToken(claims, { iat: nuSec() - 60, exp: nuSec() + 300 });
    expect((await request(t.http).get('/api/v1/klachten').set('Authorization', `Bearer ${geldig}`)).status).toBe(200);
    const verlopen = await oidcToken(claims, { iat: nuSec() - 7200, exp: nuSec() - 3600 });
    const res = await request(t.http).get('/api/v1/klachten').set('Authorization', `Bearer ${verlopen}`);
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(PROBLEM);
  });

  it('OIDC (RFC 7519 4.1.3): a token for another audience is refused with 401, even from the configured issuer', async () => {
    const elders = await oidcToken(claims, { aud: 'een-andere-dienst', iat: nuSec() - 60, exp: nuSec() + 300 });
    const res = await request(t.http).get('/api/v1/klachten').set('Authorization', `Bearer ${elders}`);
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    const hier = await oidcToken(claims, { aud: 'klachtregie', iat: nuSec() - 60, exp: nuSec() + 300 });
    expect((await request(t.http).get('/api/v1/klachten').set('Authorization', `Bearer ${hier}`)).status).toBe(200);
  });

  it('minimal access (AVG art. 25): the beheerder reads no dossiers and cannot mint a key that does, for any aanbieder id either', async () => {
    const klacht = await maakKlacht(GEMEENTE_A, 'zorg-zuid');
    const beheerder = await bearer(t.app, GEMEENTE_A, 'beheerder');
    expect((await request(t.http).get('/api/v1/klachten').set('Authorization', beheerder)).status).toBe(403);
    expect((await request(t.http).get(`/api/v1/klachten/${klacht}`).set('Authorization', beheerder)).status).toBe(403);
    const voor = await t.db.query('select count(*)::int as n from api_sleutel');
    for (const body of [
      { naam: 'KCC', rol: 'klachtbehandelaar' },
      { naam: 'Koppeling', rol: 'systeem' },
      { naam: 'Portaal', rol: 'aanbieder', aanbiederId: 'zorg-zuid' },
    ]) {
      const res = await request(t.http).post('/api/v1/api-sleutels').set('Authorization', beheerder).send(body);
      expect([res.status, res.headers['content-type'], res.body.code, res.body.sleutel]).toEqual([
        403,
        'application/problem+json; charset=utf-8',
        'sleutel-rol-voorbehouden',
        undefined,
      ]);
    }
    expect(await t.db.query('select count(*)::int as n from api_sleutel')).toEqual(voor);
  });

  it('the first start creates one beheerder key per gemeente in the definitions that still exists (not Weesp, opgeheven in 2022), shown once and never again', async () => {
    await t.db.query('delete from api_sleutel');
    const eerste = t.app.get(EersteSleutelService, { strict: false });
    const gemaakt = await eerste.maakEersteSleutels();
    expect(gemaakt.map((g) => g.gemeente)).toEqual(['GM0363', 'GM1696', 'GM1904']);
    const amsterdam = gemaakt.find((g) => g.gemeente === 'GM0363')!;
    const rows = await t.db.query('select hash, rol from api_sleutel');
    expect(rows.every((r: { rol: string }) => r.rol === 'beheerder')).toBe(true);
    // Only the hash is stored.
    expect(JSON.stringify(rows)).not.toContain(amsterdam.sleutel);
    // The key works, for its own gemeente.
    const lijst = await request(t.http).get('/api/v1/api-sleutels').set('Authorization', `Bearer ${amsterdam.sleutel}`);
    expect(lijst.status).toBe(200);
    expect(lijst.body.every((k: { gemeente: string }) => k.gemeente === 'GM0363')).toBe(true);
    expect(await eerste.maakEersteSleutels()).toEqual([]);
    // Separation of duties and minimal access: a beheerder mints no key through the API, neither the roles of a
    // vier-ogenbesluit nor another beheerder, nor a role that reads dossiers. Nothing is made.
    for (const body of [
      { rol: 'beleidsmedewerker' },
      { rol: 'procesEigenaar' },
      { rol: 'beheerder' },
      { rol: 'klachtbehandelaar' },
      { rol: 'systeem' },
      { rol: 'aanbieder', aanbiederId: 'zorg-noord' },
    ]) {
      const voorbehouden = await request(t.http)
        .post('/api/v1/api-sleutels')
        .set('Authorization', `Bearer ${amsterdam.sleutel}`)
        .send({ naam: `tweede ${body.rol}`, ...body });
      expect(voorbehouden.status).toBe(403);
      expect(voorbehouden.body).toMatchObject({
        code: 'sleutel-rol-voorbehouden',
        invalidParams: [expect.objectContaining({ name: 'rol' })],
      });
      expect(voorbehouden.body.detail).toContain(`klachtregie sleutel uitgeven --gemeente GM0363 --rol ${body.rol}`);
    }
    expect(await t.db.query(`select naam from api_sleutel where naam like 'tweede %'`)).toEqual([]);
    // A key the operator issued on the server (as the CLI does) is listed and revoked by the beheerder: at once 401.
    const nieuw = await bearer(t.app, 'GM0363', 'aanbieder', 'zorg-noord');
    const [{ id }] = await t.db.query(`select id from api_sleutel where gemeente = 'GM0363' and rol = 'aanbieder'`);
    expect((await request(t.http).get('/api/v1/klachten').set('Authorization', nieuw)).status).toBe(200);
    await request(t.http).delete(`/api/v1/api-sleutels/${id}`).set('Authorization', `Bearer ${amsterdam.sleutel}`).expect(204);
    expect((await request(t.http).get('/api/v1/klachten').set('Authorization', nieuw)).status).toBe(401);
  });
});
