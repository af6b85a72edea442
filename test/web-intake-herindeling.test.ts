/**
 * An aanbieder is gemeente + id. After Weesp (GM0457) went into Amsterdam (GM0363) on 24 maart 2022, Amsterdam issues keys
 * for Weesp's aanbieders that name Weesp as their id's gemeente (Wet arhi art. 40: Weesp's rights and duties passed to
 * Amsterdam). Who-am-I (GET /ik) says so, and the intake form registers such an aanbieder's klacht for Weesp's aanbieder
 * (gemeente GM0457 + its id), the only klachten its key reaches; never for Amsterdam's aanbieder with the same id.
 */
import request from 'supertest';
import type { Page } from 'playwright-core';
import { ApiSleutelService } from '../src/modules/auth/api-sleutel.service';
import { maakSleutel, open, startBeheer, type BeheerOmgeving } from './support/beheer-browser';

const AMSTERDAM = 'GM0363';
const WEESP = 'GM0457';
const ZORG = 'zorg-weesp';

let o: BeheerOmgeving;
let page: Page;
/** Amsterdam's key for Weesp's aanbieder 'zorg-weesp'. */
let weesps: string;
/** Amsterdam's key for its own aanbieder 'zorg-weesp' (another organisation, same id). */
let amsterdams: string;

beforeAll(async () => {
  o = await startBeheer('web_intake_herindeling');
  const sleutels = o.t.app.get(ApiSleutelService);
  weesps = (
    await sleutels.maak({ gemeente: AMSTERDAM, rol: 'aanbieder', aanbiederId: ZORG, aanbiederGemeente: WEESP, naam: 'Portaal Zorg Weesp' })
  ).sleutel;
  amsterdams = (await sleutels.maak({ gemeente: AMSTERDAM, rol: 'aanbieder', aanbiederId: ZORG, naam: 'Portaal zorg-weesp Amsterdam' }))
    .sleutel;
  page = await (await o.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
}, 120_000);

afterAll(async () => {
  await o?.close();
});

const get = (pad: string, sleutel: string) => request(o.t.http).get(`/api/v1${pad}`).set('Authorization', `Bearer ${sleutel}`);

describe('Wet arhi art. 40: who am I and the intake form for an aanbieder of a gemeente opgeheven into the key’s', () => {
  test('GET /ik names the gemeente that chose the aanbieder’s id: Weesp for Amsterdam’s key of Weesp’s aanbieder, Amsterdam for its own, null for a role that is no aanbieder', async () => {
    const w = await get('/ik', weesps);
    expect([w.status, w.body.rol, w.body.gemeente, w.body.aanbiederId, w.body.aanbiederGemeente]).toEqual([
      200,
      'aanbieder',
      { code: AMSTERDAM, naam: 'Amsterdam' },
      ZORG,
      { code: WEESP, naam: 'Weesp' },
    ]);
    expect((await get('/ik', amsterdams)).body.aanbiederGemeente).toEqual({ code: AMSTERDAM, naam: 'Amsterdam' });
    expect((await get('/ik', await maakSleutel(o.t, 'klachtbehandelaar', 'Sanne'))).body.aanbiederGemeente).toBeNull();
  });

  test('GET /intake-vragen asks for Weesp’s klacht: Weesp’s regeling on its last day (24 maart 2022 and later Weesp received nothing, 400 naming op); Amsterdam’s own aanbieder gets Amsterdam’s of today', async () => {
    const w = await get('/intake-vragen', weesps);
    expect([w.status, w.body.gemeente, w.body.op, w.body.definitie.id]).toEqual([
      200,
      { code: WEESP, naam: 'Weesp' },
      '2022-03-23',
      'gm0457-weesp',
    ]);
    const vroeger = await get('/intake-vragen?op=2022-03-01', weesps);
    expect([vroeger.status, vroeger.body.definitie?.id]).toEqual([200, 'gm0457-weesp']);
    const na = await get('/intake-vragen?op=2022-03-24', weesps);
    expect([na.status, na.headers['content-type'], na.body.invalidParams?.map((p: { name: string }) => p.name)]).toEqual([
      400,
      'application/problem+json; charset=utf-8',
      ['op'],
    ]);
    expect(na.body.invalidParams[0].reason).toMatch(/Weesp \(GM0457\).*Amsterdam \(GM0363\)/);
    const a = await get('/intake-vragen', amsterdams);
    expect([a.status, a.body.gemeente.code, a.body.op, a.body.definitie.id]).toEqual([200, AMSTERDAM, '2026-09-15', 'gm0363-amsterdam']);
  });

  test('the intake form of Weesp’s aanbieder shows whose aanbieder it is and registers the klacht for Weesp’s aanbieder (GM0457 + its id), which its key then reads; Amsterdam’s aanbieder with that id does not', async () => {
    await open(page, o.base, '/beheer/klachten/nieuw', weesps, 'intake');
    expect(await page.textContent('#wie')).toBe('Portaal Zorg Weesp · Amsterdam · aanbieder zorg-weesp van Weesp');
    expect(await page.textContent('#intake-aanbieder')).toContain(`Code ${ZORG}, aanbieder van Weesp (${WEESP})`);
    // Its id is the key's, not typed.
    expect(await page.$('#intake-aanbieders-0-id')).toBeNull();
    expect(await page.inputValue('#intake-ontvangenDag')).toBe('2022-03-23');
    await page.fill('#intake-onderwerp', 'Begeleider kwam niet');
    await page.selectOption('#intake-kanaal', 'telefoon');
    await page.fill('#intake-aanbieders-0-naam', 'Zorg Weesp');
    await Promise.all([page.waitForURL(/\/beheer\/klachten\/[0-9a-f-]{36}$/), page.click('#intake button[type=submit]')]);
    const id = page.url().split('/').pop()!;
    const [k] = await o.db.query(`select gemeente, definitie_id as "definitieId", aanbieders from klacht where id = $1`, [id]);
    expect(k).toEqual({ gemeente: WEESP, definitieId: 'gm0457-weesp', aanbieders: [{ id: ZORG, naam: 'Zorg Weesp' }] });
    expect((await get(`/klachten/${id}`, weesps)).status).toBe(200);
    expect((await get(`/klachten/${id}`, amsterdams)).status).toBe(404);
  }, 90_000);
});
