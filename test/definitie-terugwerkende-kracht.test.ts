/**
 * Terugwerkende kracht of a definition version (rechtszekerheid): a version whose geldigVanaf lies before the day it
 * is approved governs days that already passed. Klachten of those days registered before the approval stay on the
 * version they were pinned to; one of the same days registered after it follows the new version; and whatever reads
 * the regime of such a day answers differently from then on. So the approval (4-ogen, Uitgangspunten
 * klachtenmanagement Sociaal Domein §1D) of such a version is refused unless the approver confirms it, and the audit
 * trail records that confirmation; the author is warned when validating and proposing. Today is the Dutch calendar day
 * of the service clock (KLOK), moved per test.
 */
import request from 'supertest';
import { DataSource } from 'typeorm';
import { KLOK, type Klok } from '../src/common/klok';
import type { IntakeInput } from '../src/machines/contract';
import { ApiSleutelService } from '../src/modules/auth/api-sleutel.service';
import { EngineService } from '../src/modules/engine/engine.service';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';
import { amsterdamVersie } from './support/amsterdam-versie';

let moment = new Date('2026-09-15T08:00:00Z');
const klok: Klok = { nu: () => new Date(moment.getTime()) };

function intake(gemeente: string, ontvangenOp: string, onderwerp: string): IntakeInput {
  return { gemeente, kanaal: 'brief', ontvangenOp, ingediendBij: 'gemeente', soort: 'klacht', onderwerp, aanbieders: [], feiten: {} };
}

describe('terugwerkende kracht: approving a definition version whose geldigVanaf lies before the approval day', () => {
  let db: TestDatabase;
  let t: TestApp;
  let dataSource: DataSource;
  let sanne: string;
  let ahmed: string;
  let ahmedId: string;
  let behandelaar: string;

  async function sleutel(naam: string) {
    const s = await t.app.get(ApiSleutelService).maak({ gemeente: 'GM0363', rol: 'beleidsmedewerker', naam, medewerker: naam });
    return { bearer: `Bearer ${s.sleutel}`, id: s.entity.id };
  }
  const stelVoor = (yaml: string) =>
    request(t.http).post('/api/v1/definities/gm0363-amsterdam/voorstellen').set('Authorization', sanne).send({ yaml });
  const keurGoed = (id: string, body?: object) => {
    const r = request(t.http).post(`/api/v1/definities/gm0363-amsterdam/voorstellen/${id}/goedkeuring`).set('Authorization', ahmed);
    return body ? r.send(body) : r;
  };
  const gepubliceerd = async (versie: string) =>
    ((await dataSource.query('select 1 from definitie_versie where versie = $1', [versie])) as unknown[]).length;

  beforeAll(async () => {
    db = await createTestDatabase('terugwerkende_kracht');
    t = await createTestApp({ databaseUrl: db.url, env: { ROLE: 'api' }, override: (b) => b.overrideProvider(KLOK).useValue(klok) });
    dataSource = t.app.get(DataSource);
    sanne = (await sleutel('Sanne Jansen')).bearer;
    const a = await sleutel('Ahmed El Amrani');
    [ahmed, ahmedId] = [a.bearer, a.id];
    behandelaar = `Bearer ${(await t.app.get(ApiSleutelService).maak({ gemeente: 'GM0363', rol: 'klachtbehandelaar', naam: 'Fatima de Vries' })).sleutel}`;
    // Klachten registered on the repository's 2015-01 (the only version yet), around the days a new version covers.
    const engine = t.app.get(EngineService);
    for (const [gemeente, op, onderwerp] of [
      // Days are Dutch calendar days: 00:30 on 1 September is in it (22:30 UTC on 31 August), 23:30 on 31 August not.
      ['GM0363', '2026-08-31T23:30:00+02:00', 'de dag vóór de nieuwe versie'],
      ['GM0363', '2026-09-01T00:30:00+02:00', 'net na middernacht op de eerste dag'],
      ['GM0363', '2026-09-03T09:00:00+02:00', 'klacht A'],
      // Weesp's klachten follow Amsterdam's regeling since the herindeling (neemtOver): they count too.
      ['GM0457', '2026-09-05T10:00:00+02:00', 'klacht van Weesp'],
      ['GM0363', '2026-09-14T23:30:00+02:00', 'klacht B, laat op de dag'],
      ['GM0363', '2026-09-15T07:00:00+02:00', 'vandaag ontvangen'],
      ['GM1904', '2026-09-04T09:00:00+02:00', 'een andere gemeente'],
    ] as const)
      await engine.create(intake(gemeente, op, onderwerp), { actor: 'kcc' });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('Awb rechtszekerheid: a version in force from a past day is published only when the reviewer confirms its retroactive effect, and the audit trail says so', async () => {
    moment = new Date('2026-09-15T08:00:00Z');
    const yaml = amsterdamVersie('2026-08', '2026-09-01');
    const v = await stelVoor(yaml);
    expect(v.status).toBe(201);
    // The past days 1 to 14 September; four klachten of Amsterdam (Weesp's included) received in them stay on 2015-01.
    const verwacht = {
      vandaag: '2026-09-15',
      van: '2026-09-01',
      tot: '2026-09-14',
      dagen: 14,
      klachten: 4,
      perVersie: [{ definitieId: 'gm0363-amsterdam', versie: '2015-01', klachten: 4 }],
    };
    expect(v.body.terugwerkendeKracht).toEqual(expect.objectContaining(verwacht));

    // The regime of a past day, as the intake form reads it: 2015-01 on 3 September until the approval.
    const versieOp = async (dag: string) =>
      (await request(t.http).get(`/api/v1/intake-vragen?op=${dag}`).set('Authorization', behandelaar)).body.definitie?.versie;
    expect(await versieOp('2026-09-03')).toBe('2015-01');

    const zonder = await keurGoed(v.body.id);
    expect(zonder.status).toBe(422);
    expect(zonder.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(zonder.body.code).toBe('terugwerkende-kracht');
    expect(zonder.body.invalidParams).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'geldigVanaf' }),
        expect.objectContaining({ name: 'terugwerkendeKrachtBevestigd' }),
      ]),
    );
    expect(zonder.body.detail).toMatch(/terug over 14 dagen, 1 september 2026 t\/m 14 september 2026/);
    expect(zonder.body.detail).toMatch(/4 klachten van de gemeente, ontvangen in die dagen, blijven op versie 2015-01/);
    expect(zonder.body.detail).toMatch(/Er is niets gepubliceerd/);
    expect(zonder.body.terugwerkendeKracht).toEqual(expect.objectContaining(verwacht));
    // An explicit false is no confirmation either; nothing was published, the proposal still waits, no step was added.
    expect((await keurGoed(v.body.id, { terugwerkendeKrachtBevestigd: false })).status).toBe(422);
    expect(await gepubliceerd('2026-08')).toBe(0);
    const nogOpen = await request(t.http).get(`/api/v1/definities/gm0363-amsterdam/voorstellen/${v.body.id}`).set('Authorization', ahmed);
    expect(nogOpen.body.status).toBe('voorgesteld');
    expect(nogOpen.body.stappen.map((s: { stap: string }) => s.stap)).toEqual(['voorgesteld']);

    const goed = await keurGoed(v.body.id, { terugwerkendeKrachtBevestigd: true });
    expect(goed.status).toBe(201);
    expect(goed.body.status).toBe('goedgekeurd');
    expect(await gepubliceerd('2026-08')).toBe(1);
    const stap = goed.body.stappen.find((s: { stap: string }) => s.stap === 'goedgekeurd');
    expect(stap).toEqual(
      expect.objectContaining({
        door: `api-sleutel:${ahmedId}`,
        doorNaam: 'Ahmed El Amrani',
        terugwerkendeKracht: expect.objectContaining(verwacht),
      }),
    );
    const spoor = await request(t.http).get('/api/v1/definities/gm0363-amsterdam/auditspoor?pageSize=100').set('Authorization', sanne);
    expect(spoor.body.resultaten).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          versie: '2026-08',
          stap: 'goedgekeurd',
          doorNaam: 'Ahmed El Amrani',
          terugwerkendeKracht: expect.objectContaining(verwacht),
        }),
      ]),
    );

    // What the retroactive effect does: two regimes for one day. Klacht A (3 September) stays on 2015-01; a klacht of
    // the same day registered now follows 2026-08.
    const a = (await dataSource.query(`select definitie_versie from klacht where onderwerp = 'klacht A'`)) as Array<{
      definitie_versie: string;
    }>;
    expect(a).toEqual([{ definitie_versie: '2015-01' }]);
    const later = await t.app.get(EngineService).create(intake('GM0363', '2026-09-03T11:00:00+02:00', 'ook 3 september'), { actor: 'kcc' });
    expect(later.klacht.definitieVersie).toBe('2026-08');
    // And whatever reads the regime of that past day now answers with the new version.
    expect(await versieOp('2026-09-03')).toBe('2026-08');
    expect(await versieOp('2026-08-31')).toBe('2015-01');
  });

  it('Awb rechtszekerheid: today is the Dutch calendar day; a version from today needs no confirmation, one from yesterday does', async () => {
    // 00:30 on 20 September in the Netherlands, still the 19th in UTC.
    moment = new Date('2026-09-19T22:30:00Z');
    const gisteren = await stelVoor(amsterdamVersie('2026-19', '2026-09-19'));
    expect(gisteren.status).toBe(201);
    const weg = await keurGoed(gisteren.body.id);
    expect(weg.status).toBe(422);
    expect(weg.body.code).toBe('terugwerkende-kracht');
    expect(weg.body.terugwerkendeKracht).toEqual(
      expect.objectContaining({ vandaag: '2026-09-20', van: '2026-09-19', tot: '2026-09-19', dagen: 1 }),
    );
    expect(weg.body.detail).toMatch(/terug over 1 dag, 19 september 2026\. /);
    // Decided, so no open proposal of this test stays behind.
    await request(t.http)
      .post(`/api/v1/definities/gm0363-amsterdam/voorstellen/${gisteren.body.id}/afwijzing`)
      .set('Authorization', ahmed)
      .send({ reden: 'laat haar vandaag ingaan' })
      .expect(201);

    const vandaag = await stelVoor(amsterdamVersie('2026-20', '2026-09-20'));
    expect(vandaag.status).toBe(201);
    expect(vandaag.body.terugwerkendeKracht).toBeUndefined();
    expect(vandaag.body.waarschuwingen).toEqual([]);
    const goed = await keurGoed(vandaag.body.id);
    expect(goed.status).toBe(201);
    expect(goed.body.terugwerkendeKracht).toBeUndefined();
    expect(goed.body.stappen.every((s: { terugwerkendeKracht?: unknown }) => s.terugwerkendeKracht === undefined)).toBe(true);
  });

  it('Awb rechtszekerheid: retroactive effect is judged on the day of approval, not of the proposal', async () => {
    moment = new Date('2026-10-05T08:00:00Z');
    const v = await stelVoor(amsterdamVersie('2026-11', '2026-11-01'));
    expect(v.status).toBe(201);
    expect(v.body.terugwerkendeKracht).toBeUndefined();
    // Approved on 3 November: it works back over 1 and 2 November.
    moment = new Date('2026-11-03T08:00:00Z');
    const open = await request(t.http).get(`/api/v1/definities/gm0363-amsterdam/voorstellen/${v.body.id}`).set('Authorization', ahmed);
    expect(open.body.terugwerkendeKracht).toEqual(expect.objectContaining({ van: '2026-11-01', tot: '2026-11-02', dagen: 2, klachten: 0 }));
    const weg = await keurGoed(v.body.id, {});
    expect(weg.status).toBe(422);
    expect(weg.body.detail).toMatch(/Er zijn in die dagen geen klachten van de gemeente ontvangen/);
    expect((await keurGoed(v.body.id, { terugwerkendeKrachtBevestigd: true })).status).toBe(201);
  });

  it('the confirmation is a boolean: anything else is a 400 naming terugwerkendeKrachtBevestigd, and nothing is published', async () => {
    moment = new Date('2026-12-15T08:00:00Z');
    const v = await stelVoor(amsterdamVersie('2026-12', '2026-12-01'));
    expect(v.status).toBe(201);
    for (const body of [{ terugwerkendeKrachtBevestigd: 'ja' }, { terugwerkendeKrachtBevestigd: 1 }]) {
      const r = await keurGoed(v.body.id, body);
      expect(r.status).toBe(400);
      expect(r.body.invalidParams).toEqual([expect.objectContaining({ name: 'terugwerkendeKrachtBevestigd' })]);
    }
    const typo = await keurGoed(v.body.id, { terugwerkendeKrachtBevestig: true });
    expect(typo.status).toBe(400);
    expect(typo.body.invalidParams).toEqual([expect.objectContaining({ name: 'terugwerkendeKrachtBevestig' })]);
    expect(await gepubliceerd('2026-12')).toBe(0);
    await request(t.http)
      .post(`/api/v1/definities/gm0363-amsterdam/voorstellen/${v.body.id}/afwijzing`)
      .set('Authorization', ahmed)
      .send({ reden: 'alleen de invoer getoetst' })
      .expect(201);
  });

  it('the author sees it first: validation warns at the geldigVanaf line (still valid) with the days and the klachten; not for a version from today', async () => {
    moment = new Date('2026-09-15T08:00:00Z');
    // From 4 September: Weesp's klacht and klacht B fall in it (not the one of 3 September another test adds).
    const yaml = amsterdamVersie('2026-31', '2026-09-04');
    const regel = yaml.split('\n').findIndex((r) => r.startsWith('geldigVanaf:')) + 1;
    const r = await request(t.http).post('/api/v1/definities/validaties').set('Authorization', sanne).send({ yaml });
    expect(r.status).toBe(200);
    expect(r.body.geldig).toBe(true);
    expect(r.body.waarschuwingen).toEqual([
      expect.objectContaining({
        line: regel,
        column: 14,
        ernst: 'waarschuwing',
        tekst: expect.stringMatching(
          new RegExp(
            `^gm0363-amsterdam/2026-31\\.yaml:${regel}:14: waarschuwing: terugwerkende kracht: versie 2026-31 geldt vanaf 4 september 2026, vóór vandaag \\(15 september 2026\\): zij werkt terug over 11 dagen, 4 september 2026 t/m 14 september 2026\\. 2 klachten van de gemeente, ontvangen in die dagen, blijven op versie 2015-01;`,
          ),
        ),
        hint: expect.stringContaining('bevestigen'),
      }),
    ]);
    const vandaag = await request(t.http)
      .post('/api/v1/definities/validaties')
      .set('Authorization', sanne)
      .send({ yaml: amsterdamVersie('2026-32', '2026-09-15') });
    expect(vandaag.body.waarschuwingen).toEqual([]);
  });
});
