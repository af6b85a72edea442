/**
 * Operations (issue 12): a landing page at / and an interactive API reference at /api/v1/docs,
 * served from this server (Swagger UI from node_modules): no CDN, no outside call, so a gemeente's
 * network rules hold and nothing about its API leaves it.
 */
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import request from 'supertest';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

let tdb: TestDatabase;
let t: TestApp;
let base: string;
let browser: Browser | undefined;

beforeAll(async () => {
  tdb = await createTestDatabase('startpagina');
  t = await createTestApp({ databaseUrl: tdb.url, env: { ROLE: 'api' } });
  await t.app.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
  await tdb?.drop();
});

describe('Operations: landing page and API reference', () => {
  test('/ answers 200 with a Dutch, accessible page linking to /beheer, the reference, the OpenAPI document and health', async () => {
    const res = await request(t.http).get('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.text).toContain('<html lang="nl">');
    expect(res.text).toMatch(/<h1>Klachtregie<\/h1>/);
    for (const href of ['/beheer', '/api/v1/docs', '/api/v1/openapi.json', '/api/v1/health']) expect(res.text).toContain(`href="${href}"`);
    // Every link on the page leads somewhere that answers.
    for (const href of [...res.text.matchAll(/href="([^"]+)"/g)].map((m) => m[1])) {
      const status = (await request(t.http).get(href)).status;
      expect({ href, ok: status < 400 }).toEqual({ href, ok: true });
    }
  });

  test('/api/v1/docs answers 200 and its script and styles come from this server', async () => {
    const res = await request(t.http).get('/api/v1/docs');
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    const bronnen = [...res.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(bronnen.length).toBeGreaterThanOrEqual(3);
    for (const bron of bronnen) {
      expect(bron.startsWith('/')).toBe(true);
      expect((await request(t.http).get(bron)).status).toBe(200);
    }
    expect((await request(t.http).get('/api/v1')).headers.location).toBe('/api/v1/docs');
  });

  test('in a browser the reference renders every operation of the served document and requests no external URL', async () => {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    const opgevraagd: string[] = [];
    page.on('request', (r) => opgevraagd.push(r.url()));
    const fouten: string[] = [];
    page.on('pageerror', (e) => fouten.push(e.message));
    await page.goto(`${base}/api/v1/docs`);
    await page.waitForSelector('.opblock', { timeout: 60_000 });
    const doc = (await request(t.http).get('/api/v1/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const operaties = Object.values(doc.paths).reduce((n, p) => n + Object.keys(p).filter((k) => k !== 'parameters').length, 0);
    expect(await page.locator('.opblock').count()).toBe(operaties);
    expect(opgevraagd.filter((u) => !u.startsWith(`${base}/`) && !u.startsWith('data:'))).toEqual([]);
    expect(opgevraagd).toContain(`${base}/api/v1/openapi.json`);
    expect(fouten).toEqual([]);
  }, 90_000);
});
