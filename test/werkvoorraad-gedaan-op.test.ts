/// <reference lib="dom" />
/**
 * Late registration through the werkvoorraad (headless Chromium against the real service, fixed clock): the event
 * form asks when the step was done ("Gedaan op", proposed: now by the service's clock) and sends it as `at` to the
 * consequences and to the registration. Awb 9:11: the last day of a termijn counts in full, so the afdoening sent on
 * that day and entered the next morning meets the afhandeltermijn (regime.ts `inhalen`), also after the wake-up.
 *
 * The Stichtse Vecht definition (as test/wekker-en-late-registratie.test.ts does through the engine); no worker runs
 * (ROLE=api), the wake-up is the real TermijnWakeService at midnight.
 */
import type { AddressInfo } from 'node:net';
import { getDataSourceToken } from '@nestjs/typeorm';
import { chromium, type Browser, type Page } from 'playwright-core';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { KLOK, type Klok } from '../src/common/klok';
import { intake } from '../src/machines/intake.spec-hulp';
import { EngineService } from '../src/modules/engine/engine.service';
import { TermijnWakeService } from '../src/modules/termijnen/termijn-wake.service';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';
import { CHROMIUM_ARGS, maakSleutel, open } from './support/beheer-browser';

/** The service's clock: Tuesday 19 May 2026, 9:00:40 in Amsterdam, the morning after the afhandeltermijn's last day. */
const NU = new Date('2026-05-19T09:00:40+02:00');
/** The service's clock (KLOK): NU, unless a test sets another moment (and puts NU back). */
let klokNu = NU.getTime();
const klok: Klok = { nu: () => new Date(klokNu) };
/** The browser's own clock, far from the service's: the page must not use it. */
const BROWSERKLOK = new Date('2031-03-03T15:15:00Z');

let tdb: TestDatabase;
let t: TestApp;
let base: string;
let browser: Browser;
let page: Page;
let behandelaar: string;
let eigenaar: string;
const scriptFouten: string[] = [];

beforeAll(async () => {
  tdb = await createTestDatabase('werkvoorraad_gedaan_op');
  t = await createTestApp({
    databaseUrl: tdb.url,
    env: { ROLE: 'api' },
    override: (b) => b.overrideProvider(KLOK).useValue(klok),
  });
  await t.app.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  behandelaar = await maakSleutel(t, 'klachtbehandelaar', 'Fatima de Vries', 'GM1904');
  eigenaar = await maakSleutel(t, 'procesEigenaar', 'Pieter Bakker', 'GM1904');
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'America/New_York' })).newPage();
  // Stopped, so the service's "now" the page derives is exactly NU (no time passes in the browser).
  await page.clock.setFixedTime(BROWSERKLOK);
  page.on('pageerror', (e) => scriptFouten.push(String(e)));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
  await tdb?.drop();
});

afterEach(() => {
  expect(scriptFouten).toEqual([]);
});

/** A klacht in oordeelsvorming whose afhandeltermijn ended Monday 18 May 2026, passed by its wake-up at midnight. */
async function naDeWekker(): Promise<string> {
  const engine = t.app.get(EngineService);
  const { klacht } = await engine.create(intake({ onderwerp: 'Traplift niet geplaatst' }), { actor: 'kcc' });
  for (const [type, at, data] of [
    ['FORMELE_BEHANDELING', '2026-04-03T10:00:00+02:00'],
    ['IN_BEHANDELING_NEMEN', '2026-04-06T10:00:00+02:00'],
    ['HOREN_OVERSLAAN', '2026-04-07T10:00:00+02:00', { reden: 'afgezien' }],
  ] as const) {
    await engine.apply(klacht.id, { type, at, ...(data ? { data } : {}) }, { actor: 'behandelaar' });
  }
  const [{ revision, vervaldatum }]: Array<{ revision: number; vervaldatum: string }> = await t.app
    .get<DataSource>(getDataSourceToken())
    .query(`select revision, vervaldatum::text as vervaldatum from termijn where klacht_id = $1 and naam = 'afhandeling'`, [klacht.id]);
  expect(vervaldatum).toBe('2026-05-18');
  const wek = t.app.get(TermijnWakeService);
  expect(
    await wek.verval({ klachtId: klacht.id, termijnNaam: 'afhandeling', revision, kind: 'verval' }, new Date('2026-05-19T00:00:05+02:00')),
  ).toBe('verwerkt');
  return klacht.id;
}

const detail = async (id: string) =>
  (await request(t.http).get(`/api/v1/klachten/${id}`).set('Authorization', `Bearer ${behandelaar}`)).body as {
    teLaat: boolean;
    termijnen: Array<{ naam: string; status: string }>;
    gebeurtenissen: Array<{ type: string; at: string }>;
  };

/** Opens the form of one event on the klacht page. */
async function openForm(id: string, type: string): Promise<void> {
  await open(page, base, `/beheer/klachten/${id}`, behandelaar, 'tijdlijn');
  await page.click(`#acties button[data-type="${type}"]`);
  await page.waitForSelector(`#form-${type}`);
}

describe('werkvoorraad: when a step was done (late registration)', () => {
  test('Awb 9:11 lid 1: the afdoening sent on the last day at 16:00 and entered the next morning is recorded at 16:00, and the afhandeltermijn is met in time, not te laat afgehandeld', async () => {
    const id = await naDeWekker();
    expect(await detail(id)).toMatchObject({ teLaat: true });
    await openForm(id, 'AFDOENEN');
    // Proposed: now by the service's clock, in Dutch time, whatever the browser's clock and zone say.
    expect(await page.inputValue('#gedaan-op-AFDOENEN')).toBe('2026-05-19T09:00');
    expect(await page.textContent('label[for="gedaan-op-AFDOENEN"]')).toBe('Gedaan op');

    await page.selectOption('#veld-AFDOENEN-oordeel', 'gegrond');
    await page.fill('#gedaan-op-AFDOENEN', '2026-05-18T16:00');
    await page.click('#form-AFDOENEN button[type=submit]');
    await page.waitForSelector('#opslaan-AFDOENEN:not([hidden])');
    await page.$eval('body', (b) => b.removeAttribute('data-klaar'));
    await page.click('#opslaan-AFDOENEN');
    await page.waitForSelector('body[data-klaar="tijdlijn"]');

    const k = await detail(id);
    const afdoening = k.gebeurtenissen.filter((g) => g.type === 'AFDOENEN');
    expect(afdoening.map((g) => g.at)).toEqual(['2026-05-18T14:00:00.000Z']);
    // Met in time: the wake-up's verlopen is undone (nagekomen), and nothing is te laat any more.
    expect(k.termijnen.filter((x) => x.naam === 'afhandeling').map((x) => x.status)).toEqual(['nagekomen']);
    expect(k.teLaat).toBe(false);
    expect(await page.textContent('#gebeurtenissen li[data-type="AFDOENEN"] time')).toBe('18 mei 2026, 16:00');
  }, 90_000);

  test('a moment in the future is refused by the API naming at, shown under "Gedaan op"; an act before the last one is refused above the form; nothing is stored', async () => {
    const id = await naDeWekker();
    const voor = (await detail(id)).gebeurtenissen.length;
    await openForm(id, 'AFDOENEN');
    await page.selectOption('#veld-AFDOENEN-oordeel', 'ongegrond');
    await page.fill('#gedaan-op-AFDOENEN', '2026-05-20T10:00');
    await page.click('#form-AFDOENEN button[type=submit]');
    await page.waitForSelector('#gedaan-op-AFDOENEN[aria-invalid="true"]');
    expect(await page.textContent('#gedaan-op-AFDOENEN-fout')).toMatch(/toekomst/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('gedaan-op-AFDOENEN');
    expect(await page.getAttribute('#gedaan-op-AFDOENEN', 'aria-describedby')).toContain('gedaan-op-AFDOENEN-fout');
    expect(await page.isVisible('#opslaan-AFDOENEN')).toBe(false);

    // Acts come in order of time (regime.ts): before the hearing was skipped on 7 April, the afdoening cannot be.
    await page.fill('#gedaan-op-AFDOENEN', '2026-04-06T12:00');
    await page.click('#form-AFDOENEN button[type=submit]');
    await page.waitForSelector('#fouten-AFDOENEN:not([hidden])');
    expect(await page.textContent('#fouten-AFDOENEN')).toMatch(/vóór de vorige gebeurtenis/);
    expect(await page.getAttribute('#gedaan-op-AFDOENEN', 'aria-invalid')).toBeNull();
    expect((await detail(id)).gebeurtenissen).toHaveLength(voor);
    // The registration itself refuses the future moment the same way (the page shows Opslaan only after the consequences).
    const nee = await request(t.http)
      .post(`/api/v1/klachten/${id}/gebeurtenissen`)
      .set('Authorization', `Bearer ${behandelaar}`)
      .send({ type: 'AFDOENEN', at: '2026-05-20T10:00:00+02:00', data: { oordeel: 'ongegrond' } });
    expect([nee.status, nee.body.invalidParams?.map((p: { name: string }) => p.name)]).toEqual([422, ['at']]);
  }, 90_000);

  test('left as proposed, the step is done now by the service’s clock, to the second: right after an intake of the same minute it is not refused as earlier', async () => {
    const engine = t.app.get(EngineService);
    // Received 9:00:30, ten seconds before the service's now (9:00:40); the field shows 9:00.
    const { klacht } = await engine.create(intake({ ontvangenOp: '2026-05-19T09:00:30+02:00', onderwerp: 'Net binnen' }), {
      actor: 'kcc',
    });
    await openForm(klacht.id, 'FORMELE_BEHANDELING');
    expect(await page.inputValue('#gedaan-op-FORMELE_BEHANDELING')).toBe('2026-05-19T09:00');
    await page.click('#form-FORMELE_BEHANDELING button[type=submit]');
    await page.waitForSelector('#opslaan-FORMELE_BEHANDELING:not([hidden])');
    await page.$eval('body', (b) => b.removeAttribute('data-klaar'));
    await page.click('#opslaan-FORMELE_BEHANDELING');
    await page.waitForSelector('body[data-klaar="tijdlijn"]');
    const k = await detail(klacht.id);
    expect(k.gebeurtenissen.filter((g) => g.type === 'FORMELE_BEHANDELING').map((g) => g.at)).toEqual([NU.toISOString()]);
  }, 90_000);

  test('the rapportages page proposes the period up to today by the service’s clock in Dutch time, not the browser’s: at 00:30 on 1 January in Amsterdam (23:30 UTC) the year just begun, and last year for the Awb 9:12a overview', async () => {
    klokNu = Date.parse('2026-12-31T23:30:00Z');
    try {
      await open(page, base, '/beheer/rapportages', eigenaar, 'rapportages');
      expect([await page.inputValue('#van'), await page.inputValue('#tot'), await page.inputValue('#jaar')]).toEqual([
        '2027-01-01',
        '2027-01-01',
        '2026',
      ]);
    } finally {
      klokNu = NU.getTime();
    }
  }, 60_000);
});
