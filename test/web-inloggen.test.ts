/**
 * Login CSRF / session fixation on /beheer (OWASP ASVS V3, AVG art. 32): a key is only taken from the login form. A link
 * carrying someone's key in its #fragment logs nobody in and does not replace the key of a medewerker who is logged in;
 * the key leaves the address bar and the history entry at once.
 */
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { KLOK, vasteKlok } from '../src/common/klok';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';
import { CHROMIUM_ARGS, inloggen, maakSleutel, NU } from './support/beheer-browser';

describe('login on the /beheer pages', () => {
  let tdb: TestDatabase;
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let medewerker: string;
  let aanvaller: string;

  beforeAll(async () => {
    tdb = await createTestDatabase('web_inloggen');
    t = await createTestApp({
      databaseUrl: tdb.url,
      env: { ROLE: 'api' },
      override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(NU)),
    });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    medewerker = await maakSleutel(t, 'klachtbehandelaar', 'Fatima de Vries');
    aanvaller = await maakSleutel(t, 'klachtbehandelaar', 'Iemand Anders');
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await tdb?.drop();
  });

  /** The bearer keys the page sent to the API. */
  function sleutelsVan(page: Page): string[] {
    const gezien: string[] = [];
    page.on('request', (r) => {
      const a = r.headers()['authorization'];
      if (a) gezien.push(a.replace(/^Bearer /, ''));
    });
    return gezien;
  }

  it("login CSRF: a link with another's key in the #fragment logs nobody in; the key leaves the address bar and the history; the form logs in", async () => {
    const page = await browser.newPage();
    const gezien = sleutelsVan(page);
    await page.goto(`${base}/beheer/klachten/nieuw#token=${encodeURIComponent(aanvaller)}`);
    await page.waitForSelector('#inloggen:not([hidden])');
    expect(await page.textContent('#inlogfout')).toContain('Deze link bevatte een sleutel');
    expect(page.url()).toBe(`${base}/beheer/klachten/nieuw`);
    expect(await page.evaluate(() => sessionStorage.getItem('klachtregie.token'))).toBeNull();
    // Back and forward again: the history entry no longer holds the key either.
    await page.goBack();
    await page.goForward();
    expect(page.url()).not.toContain('token=');
    expect(gezien).not.toContain(aanvaller);

    await page.fill('#sleutel', medewerker);
    await page.press('#sleutel', 'Enter');
    await page.waitForSelector('body[data-klaar="intake"]', { timeout: 60_000 });
    expect(await page.textContent('#wie')).toContain('Fatima de Vries');
    expect(gezien).not.toContain(aanvaller);
    await page.close();
  }, 90_000);

  it("session fixation: a medewerker who is logged in and opens a link with another's key stays under his own key", async () => {
    const page = await browser.newPage();
    const gezien = sleutelsVan(page);
    await inloggen(page, `${base}/beheer/werkvoorraad`, medewerker);
    await page.waitForSelector('body[data-klaar="werkvoorraad"]', { timeout: 60_000 });
    await page.goto(`${base}/beheer/klachten/nieuw#token=${encodeURIComponent(aanvaller)}`);
    await page.waitForSelector('body[data-klaar="intake"]', { timeout: 60_000 });
    expect(await page.textContent('#wie')).toContain('Fatima de Vries');
    expect(await page.evaluate(() => sessionStorage.getItem('klachtregie.token'))).toBe(medewerker);
    expect(page.url()).toBe(`${base}/beheer/klachten/nieuw`);
    expect(gezien).not.toContain(aanvaller);
    expect(gezien).toContain(medewerker);
    await page.close();
  }, 90_000);
});
