/**
 * AVG art. 5 lid 2 and art. 32 (and art. 15 lid 1 sub c: the klager hears who received his data): every route that shows
 * a klacht's dossier writes dossier_inzage, also a HEAD and the list of klachten in a state of the process overview.
 */
import request from 'supertest';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { KLOK, vasteKlok } from '../src/common/klok';
import type { IntakeInput } from '../src/machines/contract';
import { ApiSleutelService } from '../src/modules/auth/api-sleutel.service';
import type { Rol } from '../src/modules/auth/rol';
import { EngineService } from '../src/modules/engine/engine.service';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';

const NU = new Date('2026-09-15T10:00:00+02:00');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

describe('dossier_inzage on every read route of a dossier', () => {
  let tdb: TestDatabase;
  let t: TestApp;
  let db: DataSource;
  let klacht: { id: string; state: string; definitieVersie: string };
  let andere: string;

  const sleutel = async (rol: Rol, gemeente = 'GM0363') =>
    `Bearer ${(await t.app.get(ApiSleutelService).maak({ gemeente, rol, naam: `inzage ${rol}` })).sleutel}`;
  const rijen = async (id: string) =>
    (await db.query('select rol from dossier_inzage where klacht_id = $1 order by id', [id])) as Array<{ rol: string }>;

  beforeAll(async () => {
    tdb = await createTestDatabase('inzage_leesroutes');
    t = await createTestApp({
      databaseUrl: tdb.url,
      env: { ROLE: 'api' },
      override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(NU)),
    });
    db = t.app.get<DataSource>(getDataSourceToken());
    const engine = t.app.get(EngineService);
    const intake = (onderwerp: string, gemeente = 'GM0363'): IntakeInput => ({
      gemeente,
      kanaal: 'brief',
      ontvangenOp: '2026-09-10T11:00:00+02:00',
      ingediendBij: 'gemeente',
      soort: 'klacht',
      onderwerp,
      aanbieders: [{ id: 'zorg-west', naam: 'Zorg West', type: 'wmo' }],
      feiten: {},
    });
    const k = (await engine.create(intake('Huishoudelijke hulp kwam niet'), { actor: 'kcc' })).klacht;
    klacht = { id: k.id, state: k.state, definitieVersie: k.definitieVersie };
    andere = (await engine.create(intake('Andere klacht'), { actor: 'kcc' })).klacht.id;
  });

  afterAll(async () => {
    await t?.close();
    await tdb?.drop();
  });

  it('AVG art. 30, 32: each read of a klacht, its tijdlijn, dossier, brieven, documenten and a document logs one row', async () => {
    const behandelaar = await sleutel('klachtbehandelaar');
    const doc = await request(t.http)
      .post(`/api/v1/klachten/${klacht.id}/documenten`)
      .set('Authorization', behandelaar)
      .field('soort', 'klaagschrift')
      .attach('bestand', PDF, { filename: 'klaagschrift.pdf', contentType: 'application/pdf' });
    expect(doc.status).toBe(201);
    const routes = ['', '/tijdlijn', '/dossier', '/brieven', '/documenten', `/documenten/${doc.body.id}/inhoud`, '/bewaring'];
    for (const r of routes) {
      const voor = (await rijen(klacht.id)).length;
      const res = await request(t.http).get(`/api/v1/klachten/${klacht.id}${r}`).set('Authorization', behandelaar);
      expect([r, res.status]).toEqual([r, 200]);
      expect([r, (await rijen(klacht.id)).length]).toEqual([r, voor + 1]);
    }
  });

  it("AVG art. 30, 32: a HEAD on a document's content is a read (its headers name the document) and is logged like a GET", async () => {
    const behandelaar = await sleutel('klachtbehandelaar');
    const doc = await request(t.http)
      .post(`/api/v1/klachten/${klacht.id}/documenten`)
      .set('Authorization', behandelaar)
      .field('soort', 'correspondentie')
      .attach('bestand', PDF, { filename: 'brief-van-klager.pdf', contentType: 'application/pdf' });
    expect(doc.status).toBe(201);
    const voor = (await rijen(klacht.id)).length;
    const head = await request(t.http)
      .head(`/api/v1/klachten/${klacht.id}/documenten/${doc.body.id}/inhoud`)
      .set('Authorization', behandelaar);
    expect(head.status).toBe(200);
    expect(head.headers['content-disposition']).toContain('brief-van-klager.pdf');
    expect((await rijen(klacht.id)).length).toBe(voor + 1);
    const headTijdlijn = await request(t.http).head(`/api/v1/klachten/${klacht.id}/tijdlijn`).set('Authorization', behandelaar);
    expect(headTijdlijn.status).toBe(200);
    expect((await rijen(klacht.id)).length).toBe(voor + 2);
  });

  it("AVG art. 30, 32: the klachten in a state (process overview) log one row per klacht shown, with the reader's role; another gemeente sees and logs none", async () => {
    const eigenaar = await sleutel('procesEigenaar');
    const voor = { klacht: (await rijen(klacht.id)).length, andere: (await rijen(andere)).length };
    const res = await request(t.http)
      .get(
        `/api/v1/procesoverzichten/gm0363-amsterdam/versies/${klacht.definitieVersie}/toestanden/${encodeURIComponent(klacht.state)}/klachten`,
      )
      .set('Authorization', eigenaar);
    expect(res.status).toBe(200);
    const getoond = (res.body.klachten as Array<{ id: string }>).map((k) => k.id);
    expect(getoond).toEqual(expect.arrayContaining([klacht.id, andere]));
    expect((await rijen(klacht.id)).slice(voor.klacht)).toEqual([{ rol: 'procesEigenaar' }]);
    expect((await rijen(andere)).slice(voor.andere)).toEqual([{ rol: 'procesEigenaar' }]);
    // Another gemeente's process owner: no klacht of Amsterdam in its reply, so no row in Amsterdam's dossiers.
    const wijdemeren = await sleutel('procesEigenaar', 'GM1696');
    const anders = await request(t.http)
      .get(`/api/v1/procesoverzichten/gm1696-wijdemeren/versies/2015-01/toestanden/nieuw/klachten`)
      .set('Authorization', wijdemeren);
    expect([200, 404]).toContain(anders.status);
    expect((await rijen(klacht.id)).length).toBe(voor.klacht + 1);
  });
});
