/**
 * Readable history for people who log in with an OIDC token: the history keeps the stable subject
 * (`oidc:<sub>`), and the timeline shows the name the token gave (claim `name`, OIDC_CLAIM_NAAM), so a
 * process owner sees who did a step (accountability, AVG art. 5 lid 2) without reading identifiers.
 */
import request from 'supertest';
import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { KLOK, vasteKlok } from '../src/common/klok';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';
import { OIDC_ENV, oidcBearer } from './support/oidc';

const NU = new Date('2026-09-15T10:00:00+02:00');

let db: TestDatabase;
let t: TestApp;
let ds: DataSource;

function token(sub: string, naam?: string): Promise<string> {
  return oidcBearer(sub, { gemeente: 'GM0363', rol: 'klachtbehandelaar', ...(naam === undefined ? {} : { name: naam }) });
}

beforeAll(async () => {
  db = await createTestDatabase('oidc_naam');
  t = await createTestApp({
    databaseUrl: db.url,
    env: { ROLE: 'api', ...OIDC_ENV },
    override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(NU)),
  });
  ds = t.app.get<DataSource>(getDataSourceToken());
}, 120_000);

afterAll(async () => {
  await t?.close();
  await db?.drop();
});

async function klachtDoor(auth: string): Promise<string> {
  const res = await request(t.http).post('/api/v1/klachten').set('Authorization', auth).send({
    gemeente: 'GM0363',
    kanaal: 'telefoon',
    ontvangenOp: '2026-09-14T10:00:00+02:00',
    ingediendBij: 'gemeente',
    onderwerp: 'Vervoer kwam niet',
    aanbieders: [],
    feiten: {},
  });
  expect(res.status).toBe(201);
  return res.body.id;
}

async function actorNaam(id: string, auth: string): Promise<string> {
  const res = await request(t.http).get(`/api/v1/klachten/${id}/tijdlijn`).set('Authorization', auth);
  expect(res.status).toBe(200);
  return res.body.gebeurtenissen[0].actorNaam;
}

describe('OIDC: the name of the person in the history', () => {
  test("the timeline shows the person's name from the token; the history keeps the subject", async () => {
    const sanne = await token('u-123', 'Sanne Jansen');
    const id = await klachtDoor(sanne);
    expect(await actorNaam(id, sanne)).toBe('Sanne Jansen');
    expect((await request(t.http).get('/api/v1/ik').set('Authorization', sanne)).body.naam).toBe('Sanne Jansen');
    expect(await ds.query(`select actor from klacht_gebeurtenis where klacht_id = $1`, [id])).toEqual([{ actor: 'oidc:u-123' }]);
  });

  test('a changed name in a later token is shown for every step of that person, stored once', async () => {
    const id = await klachtDoor(await token('u-789', 'Sanne Jansen'));
    const nieuw = await token('u-789', 'Sanne de Boer');
    expect(await actorNaam(id, nieuw)).toBe('Sanne de Boer');
    await actorNaam(id, nieuw);
    expect(await ds.query(`select naam from medewerker where subject = 'oidc:u-789'`)).toEqual([{ naam: 'Sanne de Boer' }]);
  });

  test('a token without a name claim: the subject, said as a medewerker; control characters never reach a page', async () => {
    const zonder = await token('u-456');
    const id = await klachtDoor(zonder);
    expect(await actorNaam(id, zonder)).toBe('medewerker u-456');
    const raar = await token('u-999', 'Piet\u0000\u001b[31m Pietersen  ');
    const id2 = await klachtDoor(raar);
    expect(await actorNaam(id2, raar)).toBe('Piet  [31m Pietersen');
  });
});
