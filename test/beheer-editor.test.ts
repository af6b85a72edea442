/// <reference lib="dom" />
/**
 * The beleidsmedewerker's editor under /beheer, in Chromium: inline errors from the full validation at the right line,
 * the diagram, the gemeente's scenarios and the diff updating as the text changes, and 4-ogen publishing (Uitgangspunten
 * klachtenmanagement Sociaal Domein §1D): one beleidsmedewerker proposes, the proposer cannot approve, another approves,
 * and the version is active from its geldigVanaf (the service clock is 15 september 2026).
 */
import AxeBuilder from '@axe-core/playwright';
import request from 'supertest';
import type { Page } from 'playwright-core';
import { amsterdamVersie } from './support/amsterdam-versie';
import { maakSleutel, open, startBeheer, type BeheerOmgeving } from './support/beheer-browser';

let o: BeheerOmgeving;
let sanne: string;
let ahmed: string;
const scriptFouten: string[] = [];

beforeAll(async () => {
  o = await startBeheer('beheer_editor');
  sanne = await maakSleutel(o.t, 'beleidsmedewerker', 'Sanne Jansen');
  ahmed = await maakSleutel(o.t, 'beleidsmedewerker', 'Ahmed El Amrani');
}, 180_000);

afterAll(async () => {
  await o?.close();
});

/** Replaces text in the editor as typing would (one CodeMirror transaction), with the cursor there. */
async function vervang(page: Page, van: string, naar: string): Promise<void> {
  await page.evaluate(
    ([a, b]) => {
      const view = (window as unknown as { KlachtregieEditor: { view: any } }).KlachtregieEditor.view; // eslint-disable-line @typescript-eslint/no-explicit-any
      const tekst: string = view.state.doc.toString();
      const i = tekst.indexOf(a);
      if (i < 0) throw new Error(`niet in de tekst: ${a}`);
      view.focus();
      view.dispatch({ changes: { from: i, to: i + a.length, insert: b }, selection: { anchor: i + b.length }, scrollIntoView: true });
    },
    [van, naar],
  );
}

async function controle(page: Page, uitkomst: 'geldig' | 'fouten'): Promise<void> {
  await page.waitForSelector(`body[data-controle="${uitkomst}"]`, { timeout: 60_000 });
}

/** The line numbers next to the error markers in the lint gutter, as the user sees them. */
async function regelsMetFoutteken(page: Page, soort: 'error' | 'warning' = 'error'): Promise<number[]> {
  return page.evaluate((soort) => {
    const nummers = [...document.querySelectorAll('.cm-lineNumbers .cm-gutterElement')].map((e) => ({
      top: Math.round(e.getBoundingClientRect().top),
      nr: Number(e.textContent),
    }));
    return [...document.querySelectorAll(`.cm-lint-marker-${soort}`)].map((m) => {
      const top = Math.round((m.closest('.cm-gutterElement') as Element).getBoundingClientRect().top);
      return nummers.find((n) => Math.abs(n.top - top) <= 2 && n.nr > 0)?.nr ?? -1;
    });
  }, soort);
}

async function regelVan(page: Page, stuk: string): Promise<number> {
  return page.evaluate((s) => {
    const view = (window as unknown as { KlachtregieEditor: { view: any } }).KlachtregieEditor.view; // eslint-disable-line @typescript-eslint/no-explicit-any
    return view.state.doc.lineAt(view.state.doc.toString().indexOf(s)).number as number;
  }, stuk);
}

test('edit Amsterdam in the browser: an error inline at its line, fixed, diagram/scenarios/diff update, proposed, approved by another, active', async () => {
  const context = await o.browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => scriptFouten.push(String(e)));
  await open(page, o.base, '/beheer/definities/gm0363-amsterdam/editor', sanne, 'editor');

  // The published text as is: version 2015-01 exists, marked at the versie line.
  await controle(page, 'fouten');
  expect(await regelsMetFoutteken(page)).toEqual([await regelVan(page, "versie: '2015-01'")]);

  // A new version from today.
  await page.$eval('body', (b) => b.removeAttribute('data-controle'));
  await vervang(page, "versie: '2015-01'", "versie: '2026-09'");
  await vervang(page, 'geldigVanaf: 2015-01-01\n', 'geldigVanaf: 2026-09-15\n');
  await controle(page, 'geldig');
  await page.waitForSelector('#diagram svg');
  await page.waitForSelector('#verschilstand');
  expect(await page.textContent('#verschilstand')).toMatch(/Geen inhoudelijke wijzigingen tegenover versie 2015-01/);
  const alleGeslaagd = (await page.textContent('#scenariostand')) ?? '';
  const [, geslaagd, totaal] = /(\d+) van de (\d+) scenario/.exec(alleGeslaagd) ?? [];
  expect(Number(totaal)).toBeGreaterThan(10);
  expect(geslaagd).toBe(totaal);

  // An error: the contact termijn written in words. Inline at its line, in the list, and nothing else can run.
  await page.$eval('body', (b) => b.removeAttribute('data-controle'));
  await vervang(page, 'duur: P5D\n    rekenwijze: werkdagen', 'duur: vijf dagen\n    rekenwijze: werkdagen');
  const foutRegel = await regelVan(page, 'duur: vijf dagen');
  await controle(page, 'fouten');
  expect(await regelsMetFoutteken(page)).toEqual([foutRegel]);
  expect(await page.textContent('#fouten')).toContain(`regel ${foutRegel}`);
  expect(await page.textContent('#scenariostand')).toMatch(/fouten/);
  expect(await page.$('#diagram svg')).toBeNull();

  // Fixed, with a real change: 4 werkdagen. The diagram is back, a scenario on the 5 werkdagen fails, the diff says it.
  await page.$eval('body', (b) => b.removeAttribute('data-controle'));
  await vervang(page, 'duur: vijf dagen', 'duur: P4D');
  await controle(page, 'geldig');
  expect(await regelsMetFoutteken(page)).toEqual([]);
  await page.waitForSelector('#diagram svg');
  expect(await page.textContent('#scenariostand')).toMatch(/mislukt/);
  expect(await page.textContent('#scenarios')).toMatch(/✗ Klachtenprotocol Wmo keten Amsterdam §6: contact binnen 5 werkdagen/);
  expect(await page.textContent('#verschillijst')).toContain('Termijn Contact met de klager: duur 5 werkdagen → 4 werkdagen');

  // A warning is not an error: without geldtVoor the contact termijn is valid, marked in yellow at its line, and listed.
  await page.$eval('body', (b) => b.removeAttribute('data-controle'));
  await vervang(page, '    geldtVoor: [aanbieder]\n', '');
  await controle(page, 'geldig');
  const contactRegel = await regelVan(page, '  contact:');
  expect(await regelsMetFoutteken(page)).toEqual([]);
  expect(await regelsMetFoutteken(page, 'warning')).toEqual([contactRegel]);
  expect(await page.textContent('#foutenkop')).toBe('Geen fouten, 1 waarschuwing');
  expect(await page.textContent('#fouten')).toContain(`regel ${contactRegel}, kolom 3 Waarschuwing: de termijn 'Contact met de klager'`);
  // Proposed as it is: the approver is shown the warning (4-ogen).

  // Propose; nothing is active yet, and the proposer's own approval is refused.
  await page.click('#voorstellen');
  await page.waitForSelector('body[data-voorgesteld]');
  const voorstelId = (await page.getAttribute('body', 'data-voorgesteld'))!;
  expect(await page.textContent('#voorstelmelding')).toMatch(/wacht op goedkeuring door een andere beleidsmedewerker/);
  await page.click(`article[data-voorstel="${voorstelId}"] button.goedkeuren`);
  await page.waitForSelector('body[data-beoordeeld="geweigerd"]');
  expect(await page.textContent(`article[data-voorstel="${voorstelId}"]`)).toMatch(/U kunt uw eigen voorstel niet beoordelen/);
  const klacht = {
    gemeente: 'GM0363',
    kanaal: 'brief',
    ontvangenOp: '2026-09-15T09:30:00+02:00',
    ingediendBij: 'gemeente',
    soort: 'klacht',
    onderwerp: 'Niemand belde terug',
    aanbieders: [],
    feiten: {},
  };
  const voor = await request(o.t.http).post('/api/v1/klachten').set('Authorization', `Bearer ${o.sleutels.behandelaar}`).send(klacht);
  expect({ status: voor.status, versie: voor.body.definitieVersie, fout: voor.body.detail }).toEqual({
    status: 201,
    versie: '2015-01',
    fout: undefined,
  });

  // Another beleidsmedewerker approves in the browser.
  const tweede = await (await o.browser.newContext({ viewport: { width: 1280, height: 1000 } })).newPage();
  tweede.on('pageerror', (e) => scriptFouten.push(String(e)));
  await open(tweede, o.base, '/beheer/definities/gm0363-amsterdam/editor', ahmed, 'editor');
  expect(await tweede.textContent(`article[data-voorstel="${voorstelId}"]`)).toMatch(/Voorgesteld door Sanne Jansen/);
  expect(await tweede.textContent(`article[data-voorstel="${voorstelId}"] .voorstelwaarschuwingen`)).toMatch(
    new RegExp(`de controle gaf 1 waarschuwing.*regel ${contactRegel}, kolom 3 Waarschuwing: de termijn 'Contact met de klager'`),
  );
  await tweede.click(`article[data-voorstel="${voorstelId}"] button.goedkeuren`);
  await tweede.waitForSelector(`body[data-beoordeeld="${voorstelId}"]`);

  // Active: listed, and a klacht received today gets the new version with its 4 werkdagen.
  const lijst = await request(o.t.http).get('/api/v1/definities').set('Authorization', `Bearer ${ahmed}`);
  expect(lijst.body.resultaten).toEqual(
    expect.arrayContaining([expect.objectContaining({ versie: '2026-09', bron: 'api', geldigVanaf: '2026-09-15' })]),
  );
  const na = await request(o.t.http).post('/api/v1/klachten').set('Authorization', `Bearer ${o.sleutels.behandelaar}`).send(klacht);
  expect(na.status).toBe(201);
  expect(na.body.definitieVersie).toBe('2026-09');
  const spoor = await request(o.t.http).get('/api/v1/definities/gm0363-amsterdam/auditspoor').set('Authorization', `Bearer ${ahmed}`);
  expect(spoor.body.resultaten.map((s: { stap: string; doorNaam: string }) => `${s.stap} ${s.doorNaam}`)).toEqual([
    'voorgesteld Sanne Jansen',
    'goedgekeurd Ahmed El Amrani',
  ]);

  // Completion from the JSON Schema, at the place in the tree: under termijnen.contact the keys of a termijn.
  await vervang(
    tweede,
    '    grondslag: Klachtenprotocol Wmo keten §6 (contractueel)\n',
    '    grondslag: Klachtenprotocol Wmo keten §6 (contractueel)\n    verd',
  );
  await tweede.keyboard.press('Control+Space');
  await tweede.waitForSelector('.cm-tooltip-autocomplete li');
  expect(await tweede.$$eval('.cm-tooltip-autocomplete li', (l) => l.map((x) => x.textContent))).toEqual(
    expect.arrayContaining([expect.stringContaining('verdagingMax'), expect.stringContaining('verdagingKennisgevingVoorVerloop')]),
  );
  expect(scriptFouten).toEqual([]);
  await context.close();
  await tweede.context().close();
}, 300_000);

test('Awb rechtszekerheid: the editor shows the reviewer that a version from a past day works back, and approves it only once confirmed', async () => {
  // Proposed on 15 September for 1 September: the past days 1 to 14 September, with klachten A (1 September) and B
  // (10 September) of the gemeente on 2015-01.
  const yaml = amsterdamVersie('2026-08', '2026-09-01');
  const v = await request(o.t.http)
    .post('/api/v1/definities/gm0363-amsterdam/voorstellen')
    .set('Authorization', `Bearer ${sanne}`)
    .send({ yaml });
  expect(v.status).toBe(201);
  const artikel = `article[data-voorstel="${v.body.id}"]`;
  const gepubliceerd = async () => ((await o.db.query(`select 1 from definitie_versie where versie = '2026-08'`)) as unknown[]).length;

  const context = await o.browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => scriptFouten.push(String(e)));
  await open(page, o.base, '/beheer/definities/gm0363-amsterdam/editor', ahmed, 'editor');
  // Before approving, the reviewer reads which days it covers and which klachten stay on their version.
  expect(await page.textContent(`${artikel} .terugwerkend`)).toMatch(
    /Let op, terugwerkende kracht: versie 2026-08 geldt vanaf 1 september 2026, vóór vandaag \(15 september 2026\): zij werkt terug over 14 dagen, 1 september 2026 t\/m 14 september 2026\. 2 klachten van de gemeente, ontvangen in die dagen, blijven op versie 2015-01/,
  );
  const vak = `#terugwerkend-${v.body.id}`;
  expect(await page.isChecked(vak)).toBe(false);
  // The warning and its confirmation are accessible (WCAG 2.1 AA): labelled checkbox, described by the warning.
  const axe = await new AxeBuilder({ page }).include(artikel).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((x) => x.id)).toEqual([]);

  // Not confirmed: refused, with the reason on the page, and nothing is published.
  await page.click(`${artikel} button.goedkeuren`);
  await page.waitForSelector('body[data-beoordeeld="geweigerd"]');
  expect(await page.textContent(artikel)).toMatch(
    /De versie werkt terug: Versie 2026-08 geldt vanaf 1 september 2026.*Er is niets gepubliceerd/,
  );
  expect(await gepubliceerd()).toBe(0);

  // Confirmed (by its label, as a keyboard or screen reader user would): approved, and the audit trail says so.
  await page.$eval('body', (b) => b.removeAttribute('data-beoordeeld'));
  await page.click(`label[for="terugwerkend-${v.body.id}"]`);
  expect(await page.isChecked(vak)).toBe(true);
  await page.click(`${artikel} button.goedkeuren`);
  await page.waitForSelector(`body[data-beoordeeld="${v.body.id}"]`);
  expect(await page.textContent(artikel)).toMatch(/Goedgekeurd: versie 2026-08 geldt vanaf .*, met terugwerkende kracht/);
  expect(await gepubliceerd()).toBe(1);
  const spoor = await request(o.t.http)
    .get('/api/v1/definities/gm0363-amsterdam/auditspoor?pageSize=100')
    .set('Authorization', `Bearer ${ahmed}`);
  expect(spoor.body.resultaten).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        versie: '2026-08',
        stap: 'goedgekeurd',
        doorNaam: 'Ahmed El Amrani',
        terugwerkendeKracht: expect.objectContaining({ van: '2026-09-01', tot: '2026-09-14', dagen: 14, klachten: 2 }),
      }),
    ]),
  );
  expect(scriptFouten).toEqual([]);
  await context.close();
}, 300_000);
