/// <reference lib="dom" />
/**
 * WCAG 2.1 AA for the /beheer pages (Besluit digitale toegankelijkheid overheid, EN 301 549): axe-core
 * in Chromium on every page with data, no horizontal page scroll from 360 to 1920 px (WCAG 1.4.10
 * Reflow), and keyboard operation with a visible focus (WCAG 2.1.1, 2.4.7), diagram states included.
 * Screenshots at 1280 and 390 px go to test/artifacts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import request from 'supertest';
import type { Page } from 'playwright-core';
import { maakSleutel, open, startBeheer, type BeheerOmgeving } from './support/beheer-browser';

const ARTIFACTS = join(__dirname, 'artifacts');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BREEDTES = [360, 390, 768, 1280, 1920];
const AMS_YAML = readFileSync(join(__dirname, '..', 'definitions', 'gm0363-amsterdam', '2015-01.yaml'), 'utf8');
const DEF = 'definitie=gm0363-amsterdam&versie=2015-01';

let o: BeheerOmgeving;
/** A beleidsmedewerker: the editor is theirs. */
let beleid: string;
let page: Page;
const scriptFouten: string[] = [];

interface BeheerPagina {
  naam: string;
  pad: () => string;
  sleutel: () => string;
  klaar: string;
  /** What a user does first, so the state with data is what is checked. */
  daarna?: (p: Page) => Promise<void>;
}

const PAGINAS: BeheerPagina[] = [
  { naam: 'overzicht', pad: () => '/beheer', sleutel: () => o.sleutels.eigenaar, klaar: 'index' },
  { naam: 'diagram', pad: () => `/beheer/diagram?${DEF}`, sleutel: () => o.sleutels.eigenaar, klaar: 'diagram' },
  {
    naam: 'klachten-per-toestand',
    pad: () => `/beheer/diagram?${DEF}&toestand=doorgestuurdNaarAanbieder`,
    sleutel: () => o.sleutels.eigenaar,
    klaar: 'diagram',
    daarna: async (p) => void (await p.waitForSelector('#klachtenlijst')),
  },
  { naam: 'routes', pad: () => `/beheer/paden?${DEF}`, sleutel: () => o.sleutels.eigenaar, klaar: 'paden' },
  {
    naam: 'regeling-controleren',
    pad: () => '/beheer/voorbeeld',
    sleutel: () => o.sleutels.eigenaar,
    klaar: 'voorbeeldform',
    daarna: async (p) => {
      await p.$eval('body', (b) => b.removeAttribute('data-klaar'));
      await p.fill('#yaml', AMS_YAML);
      await p.fill('#bestandsnaam', '2015-01.yaml');
      await p.click('#voorbeeldform button[type=submit]');
      await p.waitForSelector('body[data-klaar="voorbeeld"]', { timeout: 60_000 });
    },
  },
  {
    naam: 'rapportages',
    pad: () => '/beheer/rapportages?van=2026-01-01&tot=2026-09-15',
    sleutel: () => o.sleutels.eigenaar,
    klaar: 'rapportage',
  },
  { naam: 'werkvoorraad', pad: () => '/beheer/werkvoorraad', sleutel: () => o.sleutels.behandelaar, klaar: 'werkvoorraad' },
  {
    naam: 'nieuwe klacht',
    pad: () => '/beheer/klachten/nieuw',
    sleutel: () => o.sleutels.behandelaar,
    klaar: 'intake',
    // With a refused submission: the errors in place are part of the page.
    daarna: async (p) => {
      await p.fill('#intake-aanbieders-0-id', 'zorg west!');
      await p.click('#intake button[type=submit]');
      await p.waitForSelector('#intake-aanbieders-0-id[aria-invalid="true"]');
    },
  },
  {
    naam: 'regeling-bewerken',
    pad: () => '/beheer/definities/gm0363-amsterdam/editor',
    sleutel: () => beleid,
    klaar: 'editor',
    // With the first check done: errors listed, inline markers, scenarios and diff shown, and an open proposal to judge.
    daarna: async (p) => {
      await p.waitForSelector('body[data-controle="fouten"]', { timeout: 60_000 });
      await p.waitForSelector('#scenariostand');
    },
  },
  {
    naam: 'klacht',
    pad: () => `/beheer/klachten/${o.laat}`,
    sleutel: () => o.sleutels.behandelaar,
    klaar: 'tijdlijn',
    // With the verdaging form open and its consequences shown: the form is part of the page.
    daarna: async (p) => {
      await p.click('#acties button[data-type="VERDAGEN"]');
      await p.selectOption('#veld-VERDAGEN-termijn', 'aanbiederAfhandeling');
      await p.fill('#veld-VERDAGEN-duur', '2');
      await p.click('#form-VERDAGEN button[type=submit]');
      await p.waitForSelector('#gevolgen-VERDAGEN li');
    },
  },
];

beforeAll(async () => {
  o = await startBeheer('web_toegankelijkheid');
  beleid = await maakSleutel(o.t, 'beleidsmedewerker', 'Sanne Jansen');
  // An open proposal, so the editor shows the approve/reject form too.
  const ander = await maakSleutel(o.t, 'beleidsmedewerker', 'Ahmed El Amrani');
  const voorstel = await request(o.t.http)
    .post('/api/v1/definities/gm0363-amsterdam/voorstellen')
    .set('Authorization', `Bearer ${ander}`)
    .send({
      yaml: AMS_YAML.replace("versie: '2015-01'", "versie: '2026-10'").replace(/^geldigVanaf: 2015-01-01$/m, 'geldigVanaf: 2026-10-01'),
    });
  if (voorstel.status !== 201) throw new Error(`voorstel: ${voorstel.status} ${JSON.stringify(voorstel.body)}`);
  page = await (await o.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  // A script error on a page is a failure of that page, not a silent half-drawn page.
  page.on('pageerror', (e) => scriptFouten.push(String(e)));
  mkdirSync(ARTIFACTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await o?.close();
});

async function toon(p: BeheerPagina): Promise<void> {
  scriptFouten.length = 0;
  try {
    await open(page, o.base, p.pad(), p.sleutel(), p.klaar);
    if (p.daarna) await p.daarna(page);
  } catch (e) {
    throw new Error(
      `${p.naam}: ${String(e)}\nscriptfouten: ${scriptFouten.join('\n')}\n${(await page.textContent('#inhoud').catch(() => '')) ?? ''}`,
      { cause: e },
    );
  }
  expect(scriptFouten).toEqual([]);
}

async function axe(): Promise<Array<{ id: string; help: string; nodes: string[] }>> {
  const r = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

const metingen: Record<string, Record<string, unknown>> = {};

afterAll(() => {
  // The measured figures, for the report of this work (axe violations and scroll widths per page).
  writeFileSync(join(ARTIFACTS, 'toegankelijkheid-metingen.json'), JSON.stringify(metingen, null, 2));
});

describe('WCAG 2.1 A and AA (axe-core in Chromium): every /beheer page with data', () => {
  test.each(PAGINAS.map((p) => [p.naam, p] as const))(
    '%s: 0 violations at 1280 and 390 px',
    async (naam, p) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await toon(p);
      for (const breedte of [1280, 390]) {
        await page.setViewportSize({ width: breedte, height: 900 });
        const fouten = await axe();
        (metingen[naam] ??= {})[`axe@${breedte}`] = fouten.length;
        await page.screenshot({ path: join(ARTIFACTS, `beheer-${naam}-${breedte}.png`), fullPage: true });
        expect({ pagina: naam, breedte, fouten }).toEqual({ pagina: naam, breedte, fouten: [] });
      }
    },
    120_000,
  );

  test('the login form passes too', async () => {
    // A new context: no key in sessionStorage yet.
    const vers = await (await o.browser.newContext({ viewport: { width: 390, height: 900 } })).newPage();
    await vers.goto(`${o.base}/beheer/werkvoorraad`);
    await vers.waitForSelector('#inloggen:not([hidden])');
    const r = await new AxeBuilder({ page: vers }).withTags(WCAG_TAGS).analyze();
    expect(r.violations.map((v) => v.id)).toEqual([]);
    await vers.context().close();
  });

  test('the check is live: a violation planted in a page is found (an unlabelled field, text without contrast)', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await toon(PAGINAS.find((p) => p.naam === 'werkvoorraad')!);
    await page.$eval('#filters', (f) => {
      f.insertAdjacentHTML('beforeend', '<input id="zonder-label"><p style="color:#bbb;background:#fff">grijs op wit</p>');
    });
    const ids = (await axe()).map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['label', 'color-contrast']));
  });
});

describe('WCAG 1.4.10 Reflow: no horizontal page scroll from 360 to 1920 px', () => {
  test.each(PAGINAS.map((p) => [p.naam, p] as const))(
    '%s fits at 360, 390, 768, 1280 and 1920 px',
    async (naam, p) => {
      const te: Array<{ breedte: number; scrollWidth: number }> = [];
      await page.setViewportSize({ width: BREEDTES[0], height: 900 });
      await toon(p);
      for (const breedte of BREEDTES) {
        await page.setViewportSize({ width: breedte, height: 900 });
        const { scrollWidth, innerWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
        }));
        (metingen[naam] ??= {})[`scrollWidth@${breedte}`] = scrollWidth;
        if (scrollWidth > innerWidth) te.push({ breedte, scrollWidth });
      }
      expect(te).toEqual([]);
    },
    180_000,
  );
});

describe('WCAG 2.1.1 and 2.4.7: keyboard only, with a visible focus', () => {
  /** Presses Tab until the focused element matches, at most `max` times; returns how it is outlined. */
  async function tabNaar(selector: string, max = 400): Promise<{ outline: string; stroke: string }> {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      const raak = await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
      if (raak) {
        return page.evaluate(() => {
          const e = document.activeElement as Element;
          const st = getComputedStyle(e);
          const rect = e.querySelector(':scope > rect');
          return { outline: `${st.outlineStyle} ${st.outlineWidth}`, stroke: rect ? getComputedStyle(rect).strokeWidth : '' };
        });
      }
    }
    throw new Error(`Tab never reached ${selector}`);
  }

  test('Tab reaches a diagram state (a link), Enter lists its klachten, Tab reaches a klacht and Enter opens its timeline', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await open(page, o.base, `/beheer/diagram?${DEF}`, o.sleutels.eigenaar, 'diagram');
    const toestand = 'doorgestuurdNaarAanbieder';
    const focus = await tabNaar(`#diagram svg [data-state="${toestand}"]`);
    expect(
      await page.evaluate(() => [document.activeElement?.getAttribute('role'), document.activeElement?.getAttribute('aria-label')]),
    ).toEqual(['link', expect.stringMatching(/: 1 klacht, 1 te laat\. Toon de klachten\.$/)]);
    // Visible focus: an outline and the state's box drawn thick (5 instead of its usual 1–2).
    expect(focus.outline).toMatch(/^solid [3-9]/);
    expect(focus.stroke).toBe('5px');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`#klachten[data-state="${toestand}"] #klachtenlijst`);
    const link = await tabNaar(`#klachtenlijst a[href="/beheer/klachten/${o.laat}"]`);
    expect(link.outline).toMatch(/^solid [3-9]/);
    await page.keyboard.press('Enter');
    await page.waitForSelector('body[data-klaar="tijdlijn"]');
    expect(page.url()).toBe(`${o.base}/beheer/klachten/${o.laat}`);
    expect(await page.textContent('h1')).toBe('Huishoudelijke hulp kwam drie keer niet');
  }, 60_000);

  test('the rows of the states table are links too: Tab and Enter open the klachten of a state', async () => {
    await open(page, o.base, `/beheer/diagram?${DEF}`, o.sleutels.eigenaar, 'diagram');
    const focus = await tabNaar('#toestanden a[data-kies="gemeente"]');
    expect(focus.outline).toMatch(/^solid [3-9]/);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#klachten[data-state="gemeente"] #klachtenlijst');
    expect(await page.$$eval('#klachtenlijst tbody tr', (r) => r.map((x) => x.getAttribute('data-klacht')))).toEqual([o.opTijd]);
  }, 60_000);

  test('the first Tab shows the skip link, which moves focus to the content', async () => {
    await open(page, o.base, '/beheer/werkvoorraad', o.sleutels.behandelaar, 'werkvoorraad');
    // The page as a logged-in medewerker opens it (the key kept for the session since d0fd897 logs in only through the
    // form, after which the browser's Tab order starts at the form's place, not at the top).
    await page.reload();
    await page.waitForSelector('body[data-klaar="werkvoorraad"]');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Naar de inhoud');
    const zichtbaar = await page.evaluate(() => (document.activeElement as HTMLElement).getBoundingClientRect().left >= 0);
    expect(zichtbaar).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhoud');
  });
});

describe('the report inside the page, in plain Dutch', () => {
  test('its print styles do not leak into the page: the header and title keep their size after the report is shown', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await open(page, o.base, '/beheer/rapportages', o.sleutels.eigenaar, 'rapportages');
    const maat = () =>
      page.evaluate(() =>
        ['.kop .merk', '.kop nav a', 'h1', 'body'].map(
          (s) => getComputedStyle(document.querySelector(s)!).fontSize + ' ' + getComputedStyle(document.querySelector(s)!).margin,
        ),
      );
    const voor = await maat();
    await page.fill('#van', '2026-01-01');
    await page.fill('#tot', '2026-09-15');
    await page.click('#rapportform button[type=submit]');
    await page.waitForSelector('body[data-klaar="rapportage"]');
    expect(await page.$$('#rapport style')).toHaveLength(0);
    expect(await maat()).toEqual(voor);
  });

  test("Awb 9:12: the header names the gemeente and the period in words; 'nog open' is apart from the outcome 'geen oordeel'", async () => {
    await open(page, o.base, '/beheer/rapportages?van=2026-01-01&tot=2026-09-15', o.sleutels.eigenaar, 'rapportage');
    const kop = await page.textContent('#rapport h2');
    expect(kop).toBe('Klachtenrapportage Amsterdam');
    expect(await page.textContent('#rapport .meta')).toContain(
      'Gemeente Amsterdam · klachten ontvangen van 1 januari 2026 tot en met 15 september 2026',
    );
    expect(await page.textContent('#rapport .meta')).toContain('gemaakt op 15 september 2026, 10:00');
    const oordeel = Object.fromEntries(
      await page.$$eval('#rapport svg.grafiek[aria-label^="Oordeel"] g.staaf', (g) =>
        g.map((x) => [x.getAttribute('data-label'), Number(x.getAttribute('data-waarde'))]),
      ),
    );
    const [{ open: nogOpen, zonder }] = await o.db.query(
      `select count(*) filter (where not done and oordeel is null)::int as open, count(*) filter (where done and oordeel is null)::int as zonder
         from klacht where gemeente = 'GM0363' and ontvangen_op >= '2026-01-01T00:00:00+01:00' and ontvangen_op < '2026-09-16T00:00:00+02:00'`,
    );
    expect(nogOpen).toBeGreaterThan(0);
    expect(oordeel['Nog open (nog geen oordeel)']).toBe(nogOpen);
    expect(oordeel['Afgerond zonder oordeel'] ?? 0).toBe(zonder);
    expect(Object.keys(oordeel)).not.toContain('Zonder oordeel');
  });
});

describe('the overview of a gemeente at a glance', () => {
  test('open, te laat (te-laat.ts, as the overdue filter), bijna verlopen and received this month (Europe/Amsterdam) equal the database', async () => {
    await open(page, o.base, '/beheer', o.sleutels.eigenaar, 'index');
    expect(await page.textContent('h1')).toBe('Overzicht Amsterdam');
    const kaarten = await page.$$eval('#kerncijfers li', (li) =>
      li.map((x) => [x.querySelector('.getal')?.textContent, x.textContent?.replace(/^\d+/, '')]),
    );
    const [{ open: aantalOpen, maand }] = await o.db.query(
      `select count(*) filter (where not done)::int as open, count(*) filter (where ontvangen_op >= '2026-09-01T00:00:00+02:00')::int as maand from klacht where gemeente = 'GM0363'`,
    );
    const laat = await request(o.t.http).get('/api/v1/klachten?overdue=true').set('Authorization', `Bearer ${o.sleutels.behandelaar}`);
    expect(kaarten).toEqual([
      [String(aantalOpen), 'open klachten'],
      [String(laat.body.totaal), 'te laat'],
      ['0', 'bijna verlopen (binnen 5 dagen)'],
      [String(maand), 'ontvangen deze maand'],
    ]);
    expect([aantalOpen, laat.body.totaal, maand]).toEqual([2, 1, 2]);
  });
});
