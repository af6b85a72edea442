/**
 * Browser tests of the other process-owner pages: login, klacht timeline, every route in Dutch, the
 * definition preview and the reports page (headless Chromium against the real service).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { loadRegistry } from '../src/machines';
import { allePaden, groepeerPaden } from '../src/machines/graph/paden';
import { metContactTermijn } from '../src/machines/definition/test-fixture';
import type { Regime } from '../src/machines/regime';
import { ApiSleutelService } from '../src/modules/auth/api-sleutel.service';
import { EngineService } from '../src/modules/engine/engine.service';
import { parseCsv } from '../src/modules/reports/rapportage-csv';
import { MAX_PADEN } from '../src/modules/web/paden.service';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';
import { inloggen } from './support/beheer-browser';
import { genereerKlachten, insertKlachten } from './reports-data';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const DEFINITIES = join(__dirname, '..', 'definitions');
const SV_YAML = readFileSync(join(DEFINITIES, 'gm1904-stichtse-vecht', '2015-01.yaml'), 'utf8');

let tdb: TestDatabase;
let t: TestApp;
let db: DataSource;
let browser: Browser;
let base: string;
let sleutel: string;
let page: Page;
let klachtId: string;

beforeAll(async () => {
  tdb = await createTestDatabase('web_pages');
  t = await createTestApp({ databaseUrl: tdb.url, env: { ROLE: 'api' } });
  await t.app.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  db = t.app.get<DataSource>(getDataSourceToken());
  sleutel = (await t.app.get(ApiSleutelService).maak({ gemeente: 'GM1904', rol: 'procesEigenaar', naam: 'test' })).sleutel;
  const engine = t.app.get(EngineService);
  const { klacht } = await engine.create(
    {
      gemeente: 'GM1904',
      kanaal: 'brief',
      ontvangenOp: new Date(Date.now() - 12 * 86400_000).toISOString(),
      ingediendBij: 'gemeente',
      soort: 'klacht',
      aanbieders: [],
      feiten: { betreftGemeentelijkeFunctionaris: true, aantalAanbieders: 0 },
    },
    { actor: 'kcc' },
  );
  klachtId = klacht.id;
  await engine.apply(
    klachtId,
    { type: 'FORMELE_BEHANDELING', at: new Date(Date.now() - 10 * 86400_000).toISOString() },
    { actor: 'behandelaar' },
  );
  await insertKlachten(
    db,
    genereerKlachten({
      n: 200,
      seed: 3,
      gemeente: 'GM1904',
      definitieId: 'gm1904-stichtse-vecht',
      van: new Date('2026-01-05T00:00:00Z'),
      tot: new Date('2026-06-20T00:00:00Z'),
      nu: new Date('2026-07-01T00:00:00Z'),
    }),
  );
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
  await tdb?.drop();
});

async function open(pad: string, klaar: string): Promise<void> {
  await inloggen(page, `${base}${pad}`, sleutel);
  await page.waitForSelector(`body[data-klaar="${klaar}"]`, { timeout: 60_000 });
}

describe('access to the /beheer pages', () => {
  test('the pages carry no data; without a key the login form shows, a wrong key is refused, the right one opens the overview', async () => {
    const shell = await request(t.http).get('/beheer');
    expect(shell.status).toBe(200);
    expect(shell.headers['content-security-policy']).toContain("script-src 'self'");
    expect(shell.text).not.toContain('gm1904');
    expect((await request(t.http).get('/api/v1/procesoverzichten')).status).toBe(401);

    const p = await browser.newPage();
    await p.goto(`${base}/beheer`);
    await p.waitForSelector('#inloggen:not([hidden])');
    await p.fill('#sleutel', 'kr_onzin_onzin');
    await p.click('#inloggen button[type=submit]');
    await p.waitForSelector('#inlogfout:not(:empty)');
    await p.fill('#sleutel', sleutel);
    await p.click('#inloggen button[type=submit]');
    await p.waitForSelector('#definities a[href*="gm1904-stichtse-vecht"]');
    expect(await p.$$eval('#definities tbody tr', (r) => r.length)).toBe(1);
    await p.close();
  });
});

describe('klacht timeline', () => {
  test('the timeline shows the history, the termijnen with their Dutch explanation, and what can happen next', async () => {
    await open(`/beheer/klachten/${klachtId}`, 'tijdlijn');
    const geschiedenis = await db.query(`select type from klacht_gebeurtenis where klacht_id = $1 order by id`, [klachtId]);
    expect(await page.$$eval('#gebeurtenissen li', (li) => li.length)).toBe(geschiedenis.length);
    const termijnen: Array<{ label: string; uitleg: string[] }> = await db.query(`select label, uitleg from termijn where klacht_id = $1`, [
      klachtId,
    ]);
    expect(termijnen.length).toBeGreaterThan(0);
    const tekst = await page.textContent('#termijnen');
    for (const tm of termijnen) {
      expect(tekst).toContain(tm.label);
      for (const regel of tm.uitleg) expect(tekst).toContain(regel);
    }
    const [{ volgende_events }] = await db.query(`select volgende_events from klacht where id = $1`, [klachtId]);
    expect((await page.$$eval('#volgende li', (c) => c.map((x) => x.getAttribute('data-type')))).sort()).toEqual(
      [...volgende_events].sort(),
    );
    expect(await page.textContent('#volgende')).toMatch(/verdag|oordeel|ingetrokken|behandel/i);
    // docs/adr/0003-tenancy-webhooks-idempotency.md: every access to a dossier is logged, also through this page.
    const [{ n }] = await db.query(`select count(*)::int as n from dossier_inzage where klacht_id = $1`, [klachtId]);
    expect(n).toBeGreaterThan(0);
  });

  test('a klacht of another gemeente is not found (404), not forbidden', async () => {
    const ander = (await t.app.get(ApiSleutelService).maak({ gemeente: 'GM0363', rol: 'procesEigenaar', naam: 'ams' })).sleutel;
    const res = await request(t.http).get(`/api/v1/klachten/${klachtId}/tijdlijn`).set('Authorization', `Bearer ${ander}`);
    expect(res.status).toBe(404);
    const svg = await request(t.http)
      .get('/api/v1/procesoverzichten/gm1904-stichtse-vecht/versies/2015-01/diagram')
      .set('Authorization', `Bearer ${ander}`);
    expect(svg.status).toBe(404);
  });
});

describe('the diagram in two views', () => {
  test('weergave=overzicht draws the states without text at the arrows (kept in their tooltips); another value is a 400 naming the field', async () => {
    const pad = '/api/v1/procesoverzichten/gm1904-stichtse-vecht/versies/2015-01/diagram';
    const vol = await request(t.http).get(pad).set('Authorization', `Bearer ${sleutel}`).buffer(true);
    const overzicht = await request(t.http).get(`${pad}?weergave=overzicht`).set('Authorization', `Bearer ${sleutel}`).buffer(true);
    expect([vol.status, overzicht.status]).toEqual([200, 200]);
    const svgVan = (r: request.Response) => (typeof r.body === 'string' ? r.body : Buffer.from(r.body as Buffer).toString('utf8'));
    expect(svgVan(vol)).toContain('class="edge-label"');
    expect(svgVan(overzicht)).not.toContain('class="edge-label"');
    expect(Number(/width="(\d+)"/.exec(svgVan(overzicht))![1])).toBeLessThan(Number(/width="(\d+)"/.exec(svgVan(vol))![1]));
    const fout = await request(t.http).get(`${pad}?weergave=alles`).set('Authorization', `Bearer ${sleutel}`);
    expect(fout.status).toBe(400);
    expect(fout.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(fout.body)).toContain('weergave');
  });
});

describe('routes in plain Dutch', () => {
  test('the paths page lists every route the compiler enumerates, each step as a Dutch sentence', async () => {
    const regime = loadRegistry(DEFINITIES).byId('gm1904-stichtse-vecht', '2015-01') as Regime;
    const { paden } = allePaden(regime, MAX_PADEN);
    await open('/beheer/paden?definitie=gm1904-stichtse-vecht&versie=2015-01', 'paden');
    expect(await page.$$eval('#routegroepen ol.paden > li', (li) => li.length)).toBe(paden.length);
    const eerste = await page.$$eval('#routegroepen li[data-nummer="1"] details li', (li) => li.map((x) => x.textContent ?? ''));
    expect(eerste.length).toBe(paden[0].stappen.length);
    expect(eerste[0]).toMatch(/^[A-Z].*: van ".*" naar ".*"/);
    expect(eerste.join(' ')).toContain(paden[0].stappen[0].naarOmschrijving);
  }, 60_000);

  test('the routes page groups the routes by intake route, line and outcome with counts, each group opening to its routes by keyboard', async () => {
    const regime = loadRegistry(DEFINITIES).byId('gm1904-stichtse-vecht', '2015-01') as Regime;
    const groepen = groepeerPaden(allePaden(regime, MAX_PADEN).paden, (s) => regime.beschrijfState(s));
    await open('/beheer/paden?definitie=gm1904-stichtse-vecht&versie=2015-01', 'paden');
    const routes = await page.$$eval('#routegroepen > li > details > summary', (s) => s.map((x) => x.textContent ?? ''));
    const perRoute = [...new Set(groepen.map((g) => g.route))].map((r) => groepen.filter((g) => g.route === r));
    expect(routes).toEqual(perRoute.map((gs) => `${gs[0].routeOmschrijving} — ${gs.reduce((n, g) => n + g.aantal, 0)} routes`));
    const sub = await page.$$eval('li.routegroep > details > summary', (s) => s.map((x) => x.textContent ?? ''));
    expect(sub).toEqual(
      groepen.map(
        (g) => `${g.lijnOmschrijving}, eindigt in “${g.uitkomstOmschrijving}” — ${g.aantal} ${g.aantal === 1 ? 'route' : 'routes'}`,
      ),
    );
    // Closed at first; Enter on the focused summary opens the intake route, then the group shows its routes.
    const eerste = page.locator('#routegroepen > li:first-child > details');
    expect(await eerste.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await eerste.locator('> summary').focus();
    await page.keyboard.press('Enter');
    expect(await eerste.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    const groep = eerste.locator('li.routegroep:first-child > details');
    await groep.locator('> summary').focus();
    await page.keyboard.press('Enter');
    expect(await groep.locator('ol.paden > li').count()).toBe(groepen[0].aantal);
    expect(await groep.locator('ol.paden > li').first().isVisible()).toBe(true);
  }, 60_000);
});

describe('definition preview before publication', () => {
  async function controleer(yaml: string, bestandsnaam: string): Promise<void> {
    await inloggen(page, `${base}/beheer/voorbeeld`, sleutel);
    await page.waitForSelector('#voorbeeldform');
    await page.$eval('body', (b) => b.removeAttribute('data-klaar'));
    await page.fill('#yaml', yaml);
    await page.fill('#bestandsnaam', bestandsnaam);
    await page.click('#voorbeeldform button[type=submit]');
    await page.waitForSelector('body[data-klaar="voorbeeld"]', { timeout: 60_000 });
  }

  test('a pasted definition with an error lists file:line:column and what to write instead; nothing is published', async () => {
    const regels = SV_YAML.split('\n');
    const lijn = regels.findIndex((r) => r.trim() === 'duur: P6W') + 1;
    const kolom = regels[lijn - 1].indexOf('P6W') + 1;
    const fout = regels.map((r, i) => (i === lijn - 1 ? r.replace('P6W', 'P12W') : r)).join('\n');
    await controleer(fout, '2015-01.yaml');
    const fouten = await page.$$eval('#fouten li', (li) => li.map((x) => x.textContent ?? ''));
    expect(fouten).toHaveLength(1);
    expect(fouten[0]).toContain(`definitions/gm1904-stichtse-vecht/2015-01.yaml:${lijn}:${kolom}`);
    expect(fouten[0]).toContain('Awb 9:11');
    expect(fouten[0]).toContain('→ zet de termijn op P6W');
    expect(readFileSync(join(DEFINITIES, 'gm1904-stichtse-vecht', '2015-01.yaml'), 'utf8')).toBe(SV_YAML);
  }, 90_000);

  test('a valid definition shows no errors and its statechart with every state', async () => {
    await controleer(SV_YAML, '2015-01.yaml');
    expect(await page.$$eval('#fouten li', (li) => li.length)).toBe(0);
    expect(await page.textContent('#uitkomst h2')).toContain('Geen fouten');
    const states = await page.$$eval('#uitkomst svg [data-state]', (g) => g.map((x) => x.getAttribute('data-state')));
    expect(states).toContain('gemeente.inBehandeling');
    expect(states).toContain('bijOmbudsman.onderzoek');
  }, 90_000);

  test('a warning (a contact termijn that only the aanbieder routes start) keeps the definition publishable and is listed as a warning', async () => {
    const sv = metContactTermijn(SV_YAML);
    await controleer(sv.yaml, '2015-01.yaml');
    expect(await page.textContent('#uitkomst h2')).toContain('Geen fouten');
    expect(await page.textContent('#uitkomst h2')).toContain('1 waarschuwing');
    const meldingen = await page.$$eval('#fouten li.waarschuwing', (li) => li.map((x) => x.textContent ?? ''));
    expect(meldingen).toHaveLength(1);
    expect(meldingen[0]).toContain(
      `definitions/gm1904-stichtse-vecht/2015-01.yaml:${sv.regel}:3 Waarschuwing: de termijn 'Contact met de klager'`,
    );
    expect(await page.$('#uitkomst svg')).not.toBeNull();
  }, 90_000);

  test('YAML syntax errors are reported with their position too', async () => {
    await controleer('gemeente:\n  cbsCode: GM1904\n   naam: Stichtse Vecht\n', 'kapot.yaml');
    const codes = await page.$$eval('#fouten li code', (c) => c.map((x) => x.textContent ?? ''));
    expect(codes[0]).toMatch(/^definitions\/gm0000-voorbeeld\/kapot\.yaml:[23]:\d+$/);
    expect(await page.textContent('#fouten')).toContain('YAML-syntaxfout');
  }, 90_000);
});

describe('reports page', () => {
  test('the printable report shows SVG bar charts and the table; the CSV download opens with the Dutch header row', async () => {
    await open('/beheer/rapportages?van=2026-01-01&tot=2026-06-30', 'rapportage');
    expect(await page.$$eval('#rapport svg.grafiek', (s) => s.length)).toBeGreaterThanOrEqual(5);
    const [{ n }] = await db.query(
      `select count(*)::int as n from klacht where gemeente = 'GM1904' and ontvangen_op >= '2026-01-01T00:00:00+01:00' and ontvangen_op < '2026-07-01T00:00:00+02:00'`,
    );
    expect(await page.textContent('#rapport')).toContain(`${n} klachten ontvangen in de periode`);
    mkdirSync(join(__dirname, 'artifacts'), { recursive: true });
    await page.screenshot({ path: join(__dirname, 'artifacts', 'rapportage-gm1904.png'), fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=CSV downloaden')]);
    const pad = await download.path();
    const rows = parseCsv(readFileSync(pad!, 'utf8'));
    expect(rows[0].slice(0, 8)).toEqual([
      'Gemeente',
      'Periode van',
      'Periode tot en met',
      'Aanbieder',
      'Aanbieder-id',
      'Aard',
      'Oorzaak',
      'Aantal klachten',
    ]);
    expect(rows.slice(1).reduce((s, r) => s + Number(r[7]), 0)).toBeGreaterThanOrEqual(n);
  }, 60_000);
});
