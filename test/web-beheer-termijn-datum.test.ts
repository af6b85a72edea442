/// <reference lib="dom" />
/**
 * The termijn choices of an event form are those of the moment the act was done ("Gedaan op"), judged as registering
 * the act at that moment judges them (Awb 9:11 lid 1 and 2: the last day of a termijn counts in full; a verdaging must
 * be sent by then). GET /klachten/{id}/tijdlijn?op= says which termijnen each event can name at `op`
 * (src/modules/web/termijn-keuzes.ts); the page asks it when the form opens and when "Gedaan op" changes.
 *
 * The Stichtse Vecht definition: a klacht in oordeelsvorming whose afhandeltermijn ended Monday 18 May 2026 and was
 * passed by its wake-up at midnight (the real TermijnWakeService), which started the klager's year for the second line
 * (Awb 9:24 lid 1 sub b). Fixed service clock; headless Chromium against the real service.
 */
import type { AddressInfo } from 'node:net';
import { getDataSourceToken } from '@nestjs/typeorm';
import { chromium, type Browser, type Page } from 'playwright-core';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { KLOK, vasteKlok } from '../src/common/klok';
import { intake } from '../src/machines/intake.spec-hulp';
import { EngineService } from '../src/modules/engine/engine.service';
import { TermijnWakeService } from '../src/modules/termijnen/termijn-wake.service';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';
import { CHROMIUM_ARGS, maakSleutel, open } from './support/beheer-browser';

/** The service's clock: Tuesday 19 May 2026, 9:00:40 in Amsterdam, the morning after the afhandeltermijn's last day. */
const NU = new Date('2026-05-19T09:00:40+02:00');
/** The browser's own clock, far from the service's: the page must not use it. */
const BROWSERKLOK = new Date('2031-03-03T15:15:00Z');

/** The moments the tests ask about, in Dutch time. */
const LAATSTE_DAG = '2026-05-18T16:00:00+02:00';
const NA_DE_WEKKER = '2026-05-19T00:00:05+02:00';
/** Before the klacht's last act (HOREN_OVERSLAAN on 7 April): acts come in order of time, nothing can be registered then. */
const VOOR_DE_LAATSTE_DAAD = '2026-04-06T12:00:00+02:00';

/** The termijn events with the other data a behandelaar would give: what the registration itself is asked with. */
const MET_DATA: Record<string, Record<string, unknown>> = {
  VERDAGEN: { duur: 'P2W', reden: 'advies van een deskundige nodig' },
  UITSTEL_MET_INSTEMMING: { tot: '2026-06-30', reden: 'de klager stemde schriftelijk in' },
  OPSCHORTEN: { reden: 'wachten op stukken' },
};

let tdb: TestDatabase;
let t: TestApp;
let base: string;
let browser: Browser;
let page: Page;
let behandelaar: string;
let klachtId: string;
const scriptFouten: string[] = [];

beforeAll(async () => {
  tdb = await createTestDatabase('web_beheer_termijn_datum');
  t = await createTestApp({
    databaseUrl: tdb.url,
    env: { ROLE: 'api' },
    override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(NU)),
  });
  await t.app.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  behandelaar = await maakSleutel(t, 'klachtbehandelaar', 'Fatima de Vries', 'GM1904');
  klachtId = await naDeWekker();
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'America/New_York' })).newPage();
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
  return naDeLaatsteDag(true);
}

/** The same klacht; `gewekt`: its wake-up ran at midnight, else it has not run yet (the worker behind). */
async function naDeLaatsteDag(gewekt: boolean): Promise<string> {
  const engine = t.app.get(EngineService);
  const { klacht } = await engine.create(intake({ onderwerp: 'Traplift niet geplaatst' }), { actor: 'kcc' });
  for (const [type, at, data] of [
    ['FORMELE_BEHANDELING', '2026-04-03T10:00:00+02:00'],
    ['IN_BEHANDELING_NEMEN', '2026-04-06T10:00:00+02:00'],
    ['HOREN_OVERSLAAN', '2026-04-07T10:00:00+02:00', { reden: 'afgezien' }],
  ] as const) {
    await engine.apply(klacht.id, { type, at, ...(data ? { data } : {}) }, { actor: 'behandelaar' });
  }
  const db = t.app.get<DataSource>(getDataSourceToken());
  const [{ revision, vervaldatum }]: Array<{ revision: number; vervaldatum: string }> = await db.query(
    `select revision, vervaldatum::text as vervaldatum from termijn where klacht_id = $1 and naam = 'afhandeling'`,
    [klacht.id],
  );
  expect(vervaldatum).toBe('2026-05-18');
  if (!gewekt) return klacht.id;
  const wek = t.app.get(TermijnWakeService);
  expect(await wek.verval({ klachtId: klacht.id, termijnNaam: 'afhandeling', revision, kind: 'verval' }, new Date(NA_DE_WEKKER))).toBe(
    'verwerkt',
  );
  const lopend: Array<{ naam: string }> = await db.query(`select naam from termijn where klacht_id = $1 and status = 'lopend'`, [
    klacht.id,
  ]);
  expect(lopend.map((x) => x.naam)).toEqual(['tweedeLijnVerzoek']);
  return klacht.id;
}

const auth = () => ({ Authorization: `Bearer ${behandelaar}` });

/** The termijnen the tijdlijn says each termijn event can name at `op`. */
async function keuzesOp(op?: string): Promise<Record<string, string[]>> {
  const r = await request(t.http)
    .get(`/api/v1/klachten/${klachtId}/tijdlijn`)
    .query(op ? { op } : {})
    .set(auth());
  expect(r.status).toBe(200);
  const uit: Record<string, string[]> = {};
  for (const e of r.body.volgendeEvents as Array<{ type: string; termijnKeuze?: { veld: string; termijnen: string[] } }>) {
    if (e.type in MET_DATA) {
      expect(e.termijnKeuze?.veld).toBe('termijn');
      uit[e.type] = e.termijnKeuze?.termijnen ?? [];
    }
  }
  return uit;
}

/** The termijnen the registration itself takes at `op` (its dry run, POST /klachten/{id}/gebeurtenis-gevolgen, stores nothing). */
async function aangenomenOp(op: string, kandidaten: Record<string, string[]>): Promise<Record<string, string[]>> {
  const uit: Record<string, string[]> = {};
  for (const [type, data] of Object.entries(MET_DATA)) {
    uit[type] = [];
    for (const termijn of kandidaten[type] ?? []) {
      const r = await request(t.http)
        .post(`/api/v1/klachten/${klachtId}/gebeurtenis-gevolgen`)
        .set(auth())
        .send({ type, at: op, data: { ...data, termijn } });
      if (r.status === 200) uit[type].push(termijn);
      else expect(r.status).toBe(409);
    }
  }
  return uit;
}

describe('GET /klachten/{id}/tijdlijn?op=: the termijnen an event can name at the moment it was done', () => {
  test('Awb 9:11 lid 1 and 2: the termijnen offered at a moment are exactly those the registration takes at that moment (the afhandeltermijn on its last day; nothing once its wake-up passed it, nor before the last act)', async () => {
    // What the klacht offers now (GET /klachten/{id}): the afhandeltermijn too, for an act of its last day registered late.
    const detail = await request(t.http).get(`/api/v1/klachten/${klachtId}`).set(auth()).expect(200);
    const kandidaten: Record<string, string[]> = {};
    for (const e of detail.body.volgendeEvents as Array<{ type: string; data: Array<{ naam: string; waarden?: string[] }> }>) {
      if (e.type in MET_DATA) kandidaten[e.type] = e.data.find((d) => d.naam === 'termijn')?.waarden ?? [];
    }
    expect(kandidaten.VERDAGEN).toEqual(['afhandeling']);

    const gezien: Record<string, Record<string, string[]>> = {};
    for (const op of [LAATSTE_DAG, NA_DE_WEKKER, NU.toISOString(), VOOR_DE_LAATSTE_DAAD]) {
      const keuzes = await keuzesOp(op);
      expect({ op, keuzes }).toEqual({ op, keuzes: await aangenomenOp(op, kandidaten) });
      gezien[op] = keuzes;
    }
    // The verdaging and the consent of the last day name the afhandeltermijn; the Awb termijn is never suspended
    // (only a regeling's own termijn that says so, Awb 9:11 knows no opschorting), so OPSCHORTEN names none.
    expect(gezien[LAATSTE_DAG]).toEqual({ VERDAGEN: ['afhandeling'], UITSTEL_MET_INSTEMMING: ['afhandeling'], OPSCHORTEN: [] });
    for (const op of [NA_DE_WEKKER, NU.toISOString(), VOOR_DE_LAATSTE_DAAD]) {
      expect({ op, keuzes: gezien[op] }).toEqual({ op, keuzes: { VERDAGEN: [], UITSTEL_MET_INSTEMMING: [], OPSCHORTEN: [] } });
    }
    // Without op: now by the service's clock.
    expect(await keuzesOp()).toEqual(gezien[NU.toISOString()]);
  }, 60_000);

  test('Awb 9:11 lid 2: the consequences of a verdaging of the last day registered after the wake-up move the afhandeltermijn the engine reopens (verschoven from 18 to 28 May), not a new termijn; the klager’s year the wake-up started stops', async () => {
    const r = await request(t.http)
      .post(`/api/v1/klachten/${klachtId}/gebeurtenis-gevolgen`)
      .set(auth())
      .send({ type: 'VERDAGEN', at: LAATSTE_DAG, data: { termijn: 'afhandeling', ...MET_DATA.VERDAGEN } })
      .expect(200);
    const per = Object.fromEntries(
      (r.body.termijnen as Array<{ naam: string; gevolg: string; vervaldatumNu: string | null; vervaldatum: string | null }>).map((x) => [
        x.naam,
        [x.gevolg, x.vervaldatumNu, x.vervaldatum],
      ]),
    );
    expect(per).toEqual({
      afhandeling: ['verschoven', '2026-05-18', '2026-05-28'],
      tweedeLijnVerzoek: ['stopt', '2027-05-18', null],
    });
  }, 30_000);

  test('op is checked as the registration checks at: not a moment 400 naming op, in the future 422 naming op', async () => {
    const fout = await request(t.http).get(`/api/v1/klachten/${klachtId}/tijdlijn`).query({ op: '18-05-2026' }).set(auth());
    expect([fout.status, [...new Set(fout.body.invalidParams.map((p: { name: string }) => p.name))]]).toEqual([400, ['op']]);
    const later = await request(t.http).get(`/api/v1/klachten/${klachtId}/tijdlijn`).query({ op: '2026-05-20T10:00:00+02:00' }).set(auth());
    expect([later.status, later.body.code, later.body.invalidParams.map((p: { name: string }) => p.name)]).toEqual([
      422,
      'tijdstip-in-de-toekomst',
      ['op'],
    ]);
  }, 30_000);
});

describe('beheer: the event form offers the termijnen of the "Gedaan op" date', () => {
  /** The termijn choices of a form's select (without "— kies —"): value and text. */
  const keuzes = (type: string) =>
    page.$$eval(`#veld-${type}-termijn option`, (os) =>
      os.filter((o) => (o as HTMLOptionElement).value !== '').map((o) => [(o as HTMLOptionElement).value, o.textContent]),
    );

  test('Awb 9:11 lid 2: a verdaging entered the morning after with the last day as "Gedaan op" offers the afhandeltermijn, which today’s moment does not; a date before the last act offers none; the choice updates with the date', async () => {
    await open(page, base, `/beheer/klachten/${klachtId}`, behandelaar, 'tijdlijn');
    await page.click('#acties button[data-type="VERDAGEN"]');
    // Proposed: now. The afhandeltermijn has passed; a verdaging now names no termijn.
    await page.waitForSelector(`#form-VERDAGEN[data-termijnen-op="${NU.toISOString()}"]`);
    expect(await keuzes('VERDAGEN')).toEqual([]);
    expect(await page.textContent('#termijnkeuze-VERDAGEN')).toBe(
      'Op 19 mei 2026, 09:00 kon deze stap geen termijn noemen. Kies bij “Gedaan op” het moment waarop de stap is gezet.',
    );

    // The letter went out on the last day: the afhandeltermijn, by its label, and chosen as the only one.
    await page.fill('#gedaan-op-VERDAGEN', '2026-05-18T16:00');
    await page.waitForSelector(`#form-VERDAGEN[data-termijnen-op="${new Date(LAATSTE_DAG).toISOString()}"]`);
    expect(await keuzes('VERDAGEN')).toEqual([['afhandeling', 'Afhandeltermijn']]);
    expect(await page.inputValue('#veld-VERDAGEN-termijn')).toBe('afhandeling');
    expect(await page.textContent('#termijnkeuze-VERDAGEN')).toBe(
      'Op 18 mei 2026, 16:00 kon deze stap deze termijn noemen: Afhandeltermijn.',
    );
    // Said to a screen reader with the field (WCAG 1.3.1, 4.1.3).
    expect(await page.getAttribute('#veld-VERDAGEN-termijn', 'aria-describedby')).toContain('termijnkeuze-VERDAGEN');
    expect(await page.getAttribute('#termijnkeuze-VERDAGEN', 'aria-live')).toBe('polite');

    // Before the last act nothing can be registered (acts come in order of time), so nothing is offered.
    await page.fill('#gedaan-op-VERDAGEN', '2026-04-06T12:00');
    await page.waitForSelector(`#form-VERDAGEN[data-termijnen-op="${new Date(VOOR_DE_LAATSTE_DAAD).toISOString()}"]`);
    expect(await keuzes('VERDAGEN')).toEqual([]);
    expect(await page.inputValue('#veld-VERDAGEN-termijn')).toBe('');

    // And back to the last day, typed with the keyboard: offered again, and the verdaging is stepped there.
    await page.fill('#gedaan-op-VERDAGEN', '');
    await page.focus('#gedaan-op-VERDAGEN');
    await page.keyboard.type('05182026');
    await page.keyboard.press('Tab');
    await page.keyboard.type('0400P');
    await page.keyboard.press('Tab');
    await page.waitForSelector(`#form-VERDAGEN[data-termijnen-op="${new Date(LAATSTE_DAG).toISOString()}"]`);
    expect(await keuzes('VERDAGEN')).toEqual([['afhandeling', 'Afhandeltermijn']]);
    await page.fill('#veld-VERDAGEN-duur', '2');
    await page.click('#form-VERDAGEN button[type=submit]');
    await page.waitForSelector('#opslaan-VERDAGEN:not([hidden])');
    // Two weeks after the unextended last day (Awb 9:11 lid 2), stepped where the klacht stood that day.
    expect(await page.getAttribute('#gevolgen-VERDAGEN li[data-termijn="afhandeling"]', 'data-gevolg')).toBe('verschoven');
    expect(await page.textContent('#gevolgen-VERDAGEN li[data-termijn="afhandeling"]')).toMatch(
      /^Afhandeltermijn: de uiterste datum wordt 28 mei 2026 \(was 18 mei 2026\)\./,
    );
  }, 120_000);

  test('Awb 9:11 lid 1 with 9:24 lid 1 sub b: the consequences of a request to the second line the morning after, while the wake-up of the afhandeltermijn has not run, say the termijn had already passed before the act', async () => {
    const id = await naDeLaatsteDag(false);
    await open(page, base, `/beheer/klachten/${id}`, behandelaar, 'tijdlijn');
    await page.click('#acties button[data-type="VERZOEK_OMBUDSMAN"]');
    await page.waitForSelector('#form-VERZOEK_OMBUDSMAN');
    await page.click('#form-VERZOEK_OMBUDSMAN button[type=submit]');
    await page.waitForSelector('#opslaan-VERZOEK_OMBUDSMAN:not([hidden])');
    expect(await page.getAttribute('#gevolgen-VERZOEK_OMBUDSMAN li[data-termijn="afhandeling"]', 'data-gevolg')).toBe('verloopt');
    expect(await page.textContent('#gevolgen-VERZOEK_OMBUDSMAN li[data-termijn="afhandeling"]')).toMatch(
      /^Afhandeltermijn was al verstreken \(uiterlijk 18 mei 2026\); dat wordt eerst vastgelegd\./,
    );
  }, 120_000);
});
