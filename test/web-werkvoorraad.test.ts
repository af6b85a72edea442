/// <reference lib="dom" />
/**
 * The werkvoorraad of a klachtbehandelaar (headless Chromium against the real service, fixed clock):
 * the open klachten with the late ones first, the events that can happen now as forms generated from
 * their data fields, the consequences before saving, errors in place, and the same API as integrations.
 */
import { join } from 'node:path';
import request from 'supertest';
import type { Page } from 'playwright-core';
import { ApiSleutelService } from '../src/modules/auth/api-sleutel.service';
import { amsterdamIntake, maakSleutel, open, startBeheer, type BeheerOmgeving } from './support/beheer-browser';

let o: BeheerOmgeving;
let page: Page;
const scriptFouten: string[] = [];

beforeAll(async () => {
  o = await startBeheer('web_werkvoorraad');
  page = await (await o.browser.newContext({ viewport: { width: 390, height: 900 } })).newPage();
  page.on('pageerror', (e) => scriptFouten.push(String(e)));
}, 180_000);

afterAll(async () => {
  await o?.close();
});

afterEach(() => {
  expect(scriptFouten).toEqual([]);
});

/** Opens the form of one event on the klacht page, fills it, and asks for the consequences. */
async function bekijkGevolgen(type: string, velden: Record<string, string> = {}): Promise<void> {
  await page.click(`#acties button[data-type="${type}"]`);
  await page.waitForSelector(`#form-${type}`);
  for (const [naam, waarde] of Object.entries(velden)) {
    const veld = page.locator(`#veld-${type}-${naam}`);
    if ((await veld.evaluate((e) => e.tagName)) === 'SELECT') await veld.selectOption(waarde);
    else await veld.fill(waarde);
  }
  await page.click(`#form-${type} button[type=submit]`);
}

async function slaOp(type: string): Promise<void> {
  await page.waitForSelector(`#opslaan-${type}:not([hidden])`);
  await page.$eval('body', (b) => b.removeAttribute('data-klaar'));
  await page.click(`#opslaan-${type}`);
  await page.waitForSelector('body[data-klaar="tijdlijn"]');
}

describe('werkvoorraad of a klachtbehandelaar', () => {
  test('Awb 9:11 and te-laat.ts: the open klachten of the gemeente, the late one first, then the nearest termijn; filters narrow the list', async () => {
    await open(page, o.base, '/beheer/werkvoorraad', o.sleutels.behandelaar, 'werkvoorraad');
    const rijen = await page.$$eval('#werkvoorraad tbody tr', (r) =>
      r.map((x) => [x.getAttribute('data-klacht'), x.querySelector('.band')?.textContent ?? '']),
    );
    expect(rijen[0]).toEqual([o.laat, 'te laat']);
    expect(rijen.filter(([, band]) => band === 'te laat')).toHaveLength(1);
    expect(rijen.map(([id]) => id)).toContain(o.opTijd);
    // Then by the nearest due date of an open obligation (klacht.eerste_vervalt_op).
    const volgorde: Array<{ id: string }> = await o.db.query(
      `select id from klacht where gemeente = 'GM0363' and not done order by eerste_vervalt_op nulls last, ontvangen_op, id`,
    );
    expect(rijen.map(([id]) => id)).toEqual(volgorde.map((k) => k.id));
    // The same lateness as the API's overdue filter (one meaning, one place).
    const api = await request(o.t.http).get('/api/v1/klachten?overdue=true').set('Authorization', `Bearer ${o.sleutels.behandelaar}`);
    expect(api.body.resultaten.map((k: { id: string }) => k.id)).toEqual([o.laat]);
    expect(await page.textContent('h1')).toBe('Werkvoorraad Amsterdam');
    expect(await page.textContent('#wie')).toBe('Fatima de Vries · Amsterdam');

    await page.selectOption('#teLaat', 'false');
    await Promise.all([page.waitForURL(/teLaat=false/), page.click('#filters button[type=submit]')]);
    await page.waitForSelector('body[data-klaar="werkvoorraad"]');
    const nietLaat = await page.$$eval('#werkvoorraad tbody tr', (r) => r.map((x) => x.getAttribute('data-klacht')));
    expect(nietLaat).toContain(o.opTijd);
    expect(nietLaat).not.toContain(o.laat);
    await open(page, o.base, '/beheer/werkvoorraad?aanbieder=zorg-west', o.sleutels.behandelaar, 'werkvoorraad');
    expect(await page.$$eval('#werkvoorraad tbody tr', (r) => r.map((x) => x.getAttribute('data-klacht')))).toEqual([o.laat]);
    // A parent state holds its substates (gemeente.informeleFase under gemeente).
    await open(page, o.base, '/beheer/werkvoorraad?toestand=gemeente', o.sleutels.behandelaar, 'werkvoorraad');
    const inGemeente = await page.$$eval('#werkvoorraad tbody tr', (r) => r.map((x) => x.getAttribute('data-klacht')));
    expect(inGemeente).toContain(o.opTijd);
    expect(inGemeente).not.toContain(o.laat);
    expect(await page.$$eval('#toestand option', (opties) => opties.map((x) => x.getAttribute('value')))).toEqual(
      expect.arrayContaining(['', 'doorgestuurdNaarAanbieder', 'gemeente.informeleFase']),
    );
  }, 60_000);

  test('an aanbieder sees only the klachten about itself', async () => {
    const zorgWest = (
      await o.t.app.get(ApiSleutelService).maak({ gemeente: 'GM0363', rol: 'aanbieder', aanbiederId: 'zorg-west', naam: 'Zorg West' })
    ).sleutel;
    const res = await request(o.t.http).get('/api/v1/werkvoorraad').set('Authorization', `Bearer ${zorgWest}`);
    expect(res.status).toBe(200);
    expect(res.body.resultaten.map((k: { id: string }) => k.id)).toEqual([o.laat]);
    const ander = await maakSleutel(o.t, 'klachtbehandelaar', 'Weesp', 'GM1904');
    expect((await request(o.t.http).get('/api/v1/werkvoorraad').set('Authorization', `Bearer ${ander}`)).body.resultaten).toEqual([]);
  });

  test('Awb 9:11 lid 2: the behandelaar opens the late klacht, sees the new due date of a verdaging before saving, the error in place for a missing duration, and the saved date is the one shown', async () => {
    await open(page, o.base, '/beheer/werkvoorraad', o.sleutels.behandelaar, 'werkvoorraad');
    await page.click('#werkvoorraad tbody tr:first-child a');
    await page.waitForSelector('body[data-klaar="tijdlijn"]');
    expect(page.url()).toBe(`${o.base}/beheer/klachten/${o.laat}`);

    // Invalid input: no duration. The API's 422 names data.duur; the page puts it under that field.
    await bekijkGevolgen('VERDAGEN', { termijn: 'aanbiederAfhandeling' });
    await page.waitForSelector('#veld-VERDAGEN-duur[aria-invalid="true"]');
    expect(await page.textContent('#veld-VERDAGEN-duur-fout')).toMatch(/duur/);
    expect(await page.isVisible('#opslaan-VERDAGEN')).toBe(false);
    // Focus goes to the field in error, which describes itself with the message (WCAG 3.3.1).
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('veld-VERDAGEN-duur');
    expect(await page.getAttribute('#veld-VERDAGEN-duur', 'aria-describedby')).toContain('veld-VERDAGEN-duur-fout');

    await page.fill('#veld-VERDAGEN-duur', '4');
    await page.fill('#veld-VERDAGEN-reden', 'Wij wachten op het verslag van de wijkverpleging');
    await page.click('#form-VERDAGEN button[type=submit]');
    await page.waitForSelector('#gevolgen-VERDAGEN li[data-termijn="aanbiederAfhandeling"]');
    expect(await page.$eval('#veld-VERDAGEN-duur', (e) => e.getAttribute('aria-invalid'))).toBeNull();
    const gevolg = (await page.textContent('#gevolgen-VERDAGEN li[data-termijn="aanbiederAfhandeling"]')) ?? '';
    const [voor] = await o.db.query(
      `select to_char(vervaldatum, 'YYYY-MM-DD') as d from termijn where klacht_id = $1 and naam = 'aanbiederAfhandeling'`,
      [o.laat],
    );
    // Nothing stored by looking at the consequences.
    expect(await o.db.query(`select 1 from klacht_gebeurtenis where klacht_id = $1 and type = 'VERDAGEN'`, [o.laat])).toHaveLength(0);

    await slaOp('VERDAGEN');
    const [na] = await o.db.query(
      `select to_char(vervaldatum, 'YYYY-MM-DD') as d, uitleg from termijn where klacht_id = $1 and naam = 'aanbiederAfhandeling' and status = 'lopend'`,
      [o.laat],
    );
    expect(na.d).not.toBe(voor.d);
    const lang = (iso: string) =>
      new Date(`${iso}T12:00:00Z`).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    expect(gevolg).toContain(`de uiterste datum wordt ${lang(na.d)} (was ${lang(voor.d)})`);
    for (const regel of na.uitleg as string[]) expect(gevolg).toContain(regel);
    expect(await page.textContent('#melding')).toContain('Opgeslagen');
    const laatste = (await page.$$eval('#gebeurtenissen li', (li) => li.map((x) => x.textContent ?? ''))).pop();
    expect(laatste).toContain('Termijn verdaagd');
    expect(laatste).toContain('Door: Fatima de Vries');
    await page.screenshot({ path: join(__dirname, 'artifacts', 'werkvoorraad-verdaging-390.png'), fullPage: true });
  }, 60_000);

  test('Awb 9:11 lid 2: a verdaging of more than four weeks is refused in place, with what is still possible; nothing is stored', async () => {
    await open(page, o.base, `/beheer/klachten/${o.opTijd}`, o.sleutels.behandelaar, 'tijdlijn');
    await bekijkGevolgen('VERDAGEN', { termijn: 'afhandeling', duur: '6' });
    await page.waitForSelector('#fouten-VERDAGEN:not([hidden])');
    expect(await page.textContent('#fouten-VERDAGEN')).toMatch(
      /meer dan 4 weken.*Awb 9:11 lid 2.*Nog mogelijk: 4 dagen|meer dan 4 weken \(Awb 9:11 lid 2\)/,
    );
    expect(await page.isVisible('#opslaan-VERDAGEN')).toBe(false);
    expect(await o.db.query(`select 1 from klacht_gebeurtenis where klacht_id = $1 and type = 'VERDAGEN'`, [o.opTijd])).toHaveLength(0);
  }, 60_000);

  test('Klachtenprotocol Wmo keten Amsterdam: a klacht from intake to afdoening through the werkvoorraad alone, with a verdaging; the history shows each step and who did it', async () => {
    // Intake through the page's form (POST /klachten, as integrations do), with the facts the regeling asks.
    await open(page, o.base, '/beheer/werkvoorraad', o.sleutels.behandelaar, 'werkvoorraad');
    await Promise.all([page.waitForURL(/\/beheer\/klachten\/nieuw$/), page.click('#nieuwe-klacht')]);
    await page.waitForSelector('body[data-klaar="intake"]');
    expect(await page.textContent('#intake-feiten legend')).toContain('Vragen van de klachtregeling');
    await page.fill('#intake-onderwerp', 'Pasje voor het leerlingenvervoer niet ontvangen');
    await page.fill('#intake-ontvangenDag', '2026-09-14');
    await page.fill('#intake-ontvangenTijd', '10:30');
    await page.selectOption('#intake-kanaal', 'telefoon');
    await page.selectOption('#intake-feiten-wilDirectBijGemeente', 'true');
    await page.selectOption('#intake-feiten-gerichtAan', 'gemeente');
    await Promise.all([page.waitForURL(/\/beheer\/klachten\/[0-9a-f-]{36}$/), page.click('#intake button[type=submit]')]);
    await page.waitForSelector('body[data-klaar="tijdlijn"]');
    expect(await page.textContent('#melding')).toContain('geregistreerd');
    const id = page.url().split('/').pop()!;
    const [ingenomen] = await o.db.query(`select onderwerp, kanaal, ontvangen_op, feiten from klacht where id = $1`, [id]);
    expect(ingenomen.onderwerp).toBe('Pasje voor het leerlingenvervoer niet ontvangen');
    expect(ingenomen.kanaal).toBe('telefoon');
    // 10:30 in Amsterdam (CEST, +02:00) whatever the browser's own time zone.
    expect(new Date(ingenomen.ontvangen_op).toISOString()).toBe('2026-09-14T08:30:00.000Z');
    expect(ingenomen.feiten).toMatchObject({ wilDirectBijGemeente: true, gerichtAan: 'gemeente' });
    const stappen: Array<[string, Record<string, string>]> = [
      ['FORMELE_BEHANDELING', {}],
      ['IN_BEHANDELING_NEMEN', { beklaagde: 'Afdeling Leerlingenvervoer' }],
      ['VERDAGEN', { termijn: 'afhandeling', duur: '4', reden: 'Het vervoersbedrijf moet nog reageren' }],
      ['HOREN_UITNODIGEN', {}],
      ['HOORZITTING_GEHOUDEN', {}],
      ['VERSLAG_VASTGESTELD', {}],
      ['AFDOENEN', { oordeel: 'deelsGegrond' }],
    ];
    for (const [type, velden] of stappen) {
      await bekijkGevolgen(type, velden);
      await page.waitForSelector(`#gevolgen-${type} p`);
      await slaOp(type);
    }
    expect(await page.textContent('#afdoening')).toBe('deels gegrond');
    const geschiedenis = await page.$$eval('#gebeurtenissen li', (li) =>
      li.map((x) => [x.getAttribute('data-type'), x.querySelector('.wie')?.textContent]),
    );
    expect(geschiedenis).toEqual([
      ['KLACHT_ONTVANGEN', 'Door: Fatima de Vries'],
      ...stappen.map(([type]) => [type, 'Door: Fatima de Vries']),
    ]);
    const [{ oordeel, state }] = await o.db.query(`select oordeel, state from klacht where id = $1`, [id]);
    expect([oordeel, state]).toEqual(['deelsGegrond', 'gemeente.tevredenheidscheck']);
    await page.screenshot({ path: join(__dirname, 'artifacts', 'werkvoorraad-afgedaan-390.png'), fullPage: true });
  }, 180_000);

  test('the consequences endpoint checks like the events endpoint: 422 naming the field, 409 for an event that does not fit, 403 for a process owner', async () => {
    const auth = `Bearer ${o.sleutels.behandelaar}`;
    const fout = await request(o.t.http)
      .post(`/api/v1/klachten/${o.opTijd}/gebeurtenis-gevolgen`)
      .set('Authorization', auth)
      .send({ type: 'VERDAGEN', data: { termijn: 'afhandeling', duur: 'vier weken' } });
    expect(fout.status).toBe(422);
    expect(fout.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['data.duur']);
    const echt = await request(o.t.http)
      .post(`/api/v1/klachten/${o.opTijd}/gebeurtenissen`)
      .set('Authorization', auth)
      .send({ type: 'VERDAGEN', data: { termijn: 'afhandeling', duur: 'vier weken' } });
    expect([echt.status, echt.body.invalidParams]).toEqual([422, fout.body.invalidParams]);
    expect(
      (
        await request(o.t.http)
          .post(`/api/v1/klachten/${o.opTijd}/gebeurtenis-gevolgen`)
          .set('Authorization', auth)
          .send({ type: 'AFDOENEN', data: { oordeel: 'gegrond' } })
      ).status,
    ).toBe(409);
    expect(
      (
        await request(o.t.http)
          .post(`/api/v1/klachten/${o.opTijd}/gebeurtenis-gevolgen`)
          .set('Authorization', `Bearer ${o.sleutels.eigenaar}`)
          .send({ type: 'FORMELE_BEHANDELING' })
      ).status,
    ).toBe(403);
  });

  test('AVG art. 5 lid 1 sub c: the intake form asks exactly the facts of the regeling in force on the day of receipt (GET /intake-vragen)', async () => {
    const auth = `Bearer ${o.sleutels.behandelaar}`;
    const v = await request(o.t.http).get('/api/v1/intake-vragen?op=2026-09-14').set('Authorization', auth);
    expect(v.status).toBe(200);
    expect(v.body.definitie.id).toBe('gm0363-amsterdam');
    const namen = v.body.feiten.map((f: { naam: string }) => f.naam);
    expect(namen).toEqual(expect.arrayContaining(['complex', 'eerderBijAanbieder', 'gerichtAan', 'wilDirectBijGemeente']));
    expect(namen.slice(-2)).toEqual(['calamiteit', 'geweld']);
    // Every question is one POST /klachten accepts, and nothing else is (one list, feiten.ts).
    const w = (f: { type: string; waarden?: string[] }) =>
      f.type === 'boolean' ? true : f.type === 'getal' ? 1 : f.type === 'keuze' ? f.waarden![0] : 'x';
    const feiten = Object.fromEntries(v.body.feiten.map((f: { naam: string; type: string; waarden?: string[] }) => [f.naam, w(f)]));
    const intake = { ...amsterdamIntake('2026-09-14T10:00:00+02:00', 'Alle vragen beantwoord'), feiten };
    const ja = await request(o.t.http).post('/api/v1/klachten').set('Authorization', auth).send(intake);
    expect(ja.status).toBe(201);
    const nee = await request(o.t.http)
      .post('/api/v1/klachten')
      .set('Authorization', auth)
      .send({ ...intake, feiten: { ...feiten, nietGevraagd: true } });
    expect([nee.status, nee.body.invalidParams?.map((p: { name: string }) => p.name)]).toEqual([422, ['feiten.nietGevraagd']]);
    // A day without a regeling in force, and a day that is not a date.
    const geen = await request(o.t.http).get('/api/v1/intake-vragen?op=1990-01-01').set('Authorization', auth);
    expect([geen.status, geen.body.type]).toEqual([404, expect.stringContaining('geen-definitie')]);
    const fout = await request(o.t.http).get('/api/v1/intake-vragen?op=2026-13-01').set('Authorization', auth);
    expect([fout.status, fout.body.invalidParams.map((p: { name: string }) => p.name)]).toEqual([400, ['op']]);
    expect((await request(o.t.http).get('/api/v1/intake-vragen').set('Authorization', `Bearer ${o.sleutels.eigenaar}`)).status).toBe(403);
  });

  test('a refused intake shows each error under its field, focuses the first, and stores nothing; corrected, the same form registers the klacht', async () => {
    const [{ n: voor }] = await o.db.query(`select count(*)::int as n from klacht`);
    await open(page, o.base, '/beheer/klachten/nieuw', o.sleutels.behandelaar, 'intake');
    // The proposed moment of receipt is now by the service's clock, in Dutch time, whatever the browser's clock says.
    expect([await page.inputValue('#intake-ontvangenDag'), await page.inputValue('#intake-ontvangenTijd')]).toEqual([
      '2026-09-15',
      '10:00',
    ]);
    await page.fill('#intake-onderwerp', 'Rolstoel niet geleverd');
    await page.fill('#intake-aanbieders-0-id', 'zorg west!');
    await page.click('#intake button[type=submit]');
    await page.waitForSelector('#intake-aanbieders-0-id[aria-invalid="true"]');
    expect(await page.textContent('#intake-aanbieders-0-id-fout')).toMatch(/letters, cijfers/);
    // The channel was not chosen: its error too, and the focus on the first field in error in the form's order.
    expect(await page.getAttribute('#intake-kanaal', 'aria-invalid')).toBe('true');
    expect(await page.textContent('#intake-kanaal-fout')).toMatch(/kanaal/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('intake-kanaal');
    expect(await page.getAttribute('#intake-aanbieders-0-id', 'aria-describedby')).toContain('intake-aanbieders-0-id-fout');
    expect(await o.db.query(`select count(*)::int as n from klacht`)).toEqual([{ n: voor }]);

    await page.selectOption('#intake-kanaal', 'balie');
    await page.fill('#intake-aanbieders-0-id', 'zorg-west');
    await page.fill('#intake-aanbieders-0-naam', 'Zorg West');
    await page.selectOption('#intake-aanbieders-0-type', 'wmo');
    await Promise.all([page.waitForURL(/\/beheer\/klachten\/[0-9a-f-]{36}$/), page.click('#intake button[type=submit]')]);
    const id = page.url().split('/').pop()!;
    const [k] = await o.db.query(`select aanbieders from klacht where id = $1`, [id]);
    expect(k.aanbieders).toEqual([{ id: 'zorg-west', naam: 'Zorg West', type: 'wmo' }]);
    expect(await o.db.query(`select count(*)::int as n from klacht`)).toEqual([{ n: voor + 1 }]);
  }, 60_000);
});
