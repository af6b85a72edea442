import request from 'supertest';
import { ConfigError, loadConfig } from '../src/config';
import { AuthModule } from '../src/modules/auth/auth.module';
import { bronVan, Snelheidsgrens } from '../src/modules/auth/snelheidsgrens';
import { IdempotencyModule } from '../src/modules/idempotency/idempotency.module';
import { bearer, GEMEENTE_A, metTweeGemeenten } from './auth-support';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

/** Rate limits: 429 with Retry-After per key, and per address for failed authentications (guessing keys). */
describe('rate limits per key and per address', () => {
  let db: TestDatabase;
  let t: EngineApp;

  beforeAll(async () => {
    db = await createTestDatabase('snelheidsgrens');
    t = await createEngineApp({
      databaseUrl: db.url,
      env: { ROLE: 'api', RATE_LIMIT_PER_MINUUT: '10', RATE_LIMIT_MISLUKT_PER_MINUUT: '5' },
      imports: [AuthModule, IdempotencyModule],
      ...metTweeGemeenten,
    });
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('one key: beyond its limit a minute, 429 problem+json with Retry-After; another key is not affected', async () => {
    const a = await bearer(t.app, GEMEENTE_A, 'klachtbehandelaar');
    const statussen: number[] = [];
    for (let i = 0; i < 11; i++) statussen.push((await request(t.http).get('/api/v1/klachten').set('Authorization', a)).status);
    expect(statussen.slice(0, 10).every((s) => s === 200)).toBe(true);
    const te = await request(t.http).get('/api/v1/klachten').set('Authorization', a);
    expect(te.status).toBe(429);
    expect(te.headers['content-type']).toContain('application/problem+json');
    expect(Number(te.headers['retry-after'])).toBeGreaterThan(0);
    const b = await bearer(t.app, GEMEENTE_A, 'klachtbehandelaar');
    expect((await request(t.http).get('/api/v1/klachten').set('Authorization', b)).status).toBe(200);
  });

  it('guessing keys: after five failed authentications from one address, 429 with Retry-After (also for the next guess)', async () => {
    const statussen: number[] = [];
    for (let i = 0; i < 7; i++)
      statussen.push((await request(t.http).get('/api/v1/klachten').set('Authorization', `Bearer kr_verzonnen_${i}`)).status);
    expect(statussen.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statussen.slice(5)).toEqual([429, 429]);
    const res = await request(t.http).get('/api/v1/klachten').set('Authorization', 'Bearer kr_nog_een');
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('OWASP ASVS V2.2.1: failed logins from an address never lock out a valid key from it; the next failure still waits', async () => {
    const geldig = await bearer(t.app, GEMEENTE_A, 'klachtbehandelaar');
    const statussen: number[] = [];
    for (let i = 0; i < 6; i++)
      statussen.push((await request(t.http).get('/api/v1/klachten').set('Authorization', `Bearer kr_fout_${i}`)).status);
    expect(statussen[5]).toBe(429);
    expect((await request(t.http).get('/api/v1/klachten').set('Authorization', geldig)).status).toBe(200);
    expect((await request(t.http).get('/api/v1/klachten')).status).toBe(429);
    expect((await request(t.http).get('/api/v1/klachten').set('Authorization', geldig)).status).toBe(200);
  });

  it('without TRUST_PROXY a client cannot escape the limit by naming another address in X-Forwarded-For', async () => {
    const statussen: number[] = [];
    for (let i = 0; i < 7; i++)
      statussen.push(
        (await request(t.http).get('/api/v1/klachten').set('X-Forwarded-For', `203.0.113.${i}`).set('Authorization', `Bearer kr_x_${i}`))
          .status,
      );
    expect(statussen.slice(5)).toEqual([429, 429]);
  });
});

describe('TRUST_PROXY: behind a reverse proxy failed logins are counted per client, not per proxy', () => {
  let db: TestDatabase;
  let t: EngineApp;

  beforeAll(async () => {
    db = await createTestDatabase('snelheidsgrens_proxy');
    t = await createEngineApp({
      databaseUrl: db.url,
      env: { ROLE: 'api', RATE_LIMIT_MISLUKT_PER_MINUUT: '5', TRUST_PROXY: 'loopback' },
      imports: [AuthModule, IdempotencyModule],
      ...metTweeGemeenten,
    });
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('one client over the limit waits; another client behind the same proxy is answered 401, and a valid key 200', async () => {
    const via = (client: string, auth: string) =>
      request(t.http).get('/api/v1/klachten').set('X-Forwarded-For', client).set('Authorization', auth);
    const statussen: number[] = [];
    for (let i = 0; i < 7; i++) statussen.push((await via('203.0.113.7', `Bearer kr_raden_${i}`)).status);
    expect(statussen).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect((await via('203.0.113.8', 'Bearer kr_eenmaal_fout')).status).toBe(401);
    expect((await via('203.0.113.7', await bearer(t.app, GEMEENTE_A, 'klachtbehandelaar'))).status).toBe(200);
  });

  it('an IPv6 client is counted by its /64: a new address from the same /64 waits as well, another /64 does not', async () => {
    const via = (client: string, auth: string) =>
      request(t.http).get('/api/v1/klachten').set('X-Forwarded-For', client).set('Authorization', auth);
    const statussen: number[] = [];
    for (let i = 1; i <= 7; i++) statussen.push((await via(`2001:db8:7:1::${i.toString(16)}`, `Bearer kr_v6_${i}`)).status);
    expect(statussen).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect((await via('2001:db8:7:1:ffff:ffff:ffff:ffff', 'Bearer kr_v6_x')).status).toBe(429);
    expect((await via('2001:db8:7:2::1', 'Bearer kr_v6_y')).status).toBe(401);
  });
});

describe('rate limit windows and TRUST_PROXY configuration', () => {
  it('the windows of many sources within one minute stay bounded: the oldest go, a new source starts counting', () => {
    const grens = new Snelheidsgrens(2, 60_000, 100);
    const t0 = 1_000_000;
    for (let i = 0; i < 1000; i++) grens.tel(`2001:db8::${i.toString(16)}`, t0 + i);
    expect(grens.grootte).toBe(100);
    // The newest source keeps its count; the limit still holds for it.
    expect(grens.tel('2001:db8::3e7', t0 + 1000)).toBe(0);
    expect(grens.tel('2001:db8::3e7', t0 + 1001)).toBeGreaterThan(0);
    // Expired windows go as soon as a new one starts.
    grens.tel('2001:db8::ffff', t0 + 200_000);
    expect(grens.grootte).toBe(1);
  });

  it('the source of an address: IPv4 as it is (also IPv4-mapped), IPv6 by its /64', () => {
    expect(bronVan('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(bronVan('192.0.2.1')).toBe('192.0.2.1');
    expect(bronVan('2001:db8:1:2:a::1')).toBe(bronVan('2001:0db8:0001:0002:ffff:ffff:ffff:ffff'));
    expect(bronVan('2001:db8:1:2::')).toBe(bronVan('2001:db8:1:2:0:0:0:1'));
    expect(bronVan('2001:db8:1:2::1')).not.toBe(bronVan('2001:db8:1:3::1'));
    expect(bronVan('1::2:3:4:5:6:7')).not.toBe(bronVan('1:0:2:4::'));
  });

  it('TRUST_PROXY takes proxy addresses and ranges or a hop count, never "trust everyone"', () => {
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::/8, 192.0.2.1' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
      '192.0.2.1',
    ]);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '' }).trustProxy).toBeUndefined();
    for (const fout of ['true', '*', '0', '0.0.0.0/0', '::/0', 'fd00::/8x', '10.0.0.0/33', 'proxy.example']) {
      expect(() => loadConfig({ TRUST_PROXY: fout })).toThrow(ConfigError);
      expect(() => loadConfig({ TRUST_PROXY: fout })).toThrow(/TRUST_PROXY/);
    }
  });
});
