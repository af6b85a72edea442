/**
 * Vier ogen between people, not keys, when a definition version is published (Uitgangspunten klachtenmanagement Sociaal
 * Domein §1D, het vier-ogenprincipe): the beleidsmedewerker who proposed a version does not approve or reject it with a
 * second API key, nor with an OIDC login; a key issued to no medewerker proposes and approves nothing, since it could be
 * anyone's. A key is issued to a medewerker as that person's OIDC subject (`klachtregie sleutel uitgeven --medewerker`).
 *
 * Real PostgreSQL, the seed definitions, OIDC with a shared secret, the clock fixed on 15 September 2026.
 */
import request from 'supertest';
import { DataSource } from 'typeorm';
import { KLOK, vasteKlok } from '../src/common/klok';
import { ApiSleutelService } from '../src/modules/auth/api-sleutel.service';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';
import { OIDC_ENV, oidcBearer } from './support/oidc';
import { amsterdamVersie } from './support/amsterdam-versie';

const NU = new Date('2026-09-15T08:00:00Z');
const PAD = '/api/v1/definities/gm0363-amsterdam/voorstellen';

let db: TestDatabase;
let t: TestApp;
let ds: DataSource;

/** A key of beleidsmedewerker `medewerker` (its OIDC sub), or with null of nobody. */
async function sleutel(medewerker: string | null): Promise<string> {
  const s = await t.app
    .get(ApiSleutelService)
    .maak({ gemeente: 'GM0363', rol: 'beleidsmedewerker', naam: medewerker ?? 'Koppeling', medewerker });
  return `Bearer ${s.sleutel}`;
}

/** An OIDC access token of beleidsmedewerker `sub`. */
function login(sub: string): Promise<string> {
  return oidcBearer(sub, { gemeente: 'GM0363', rol: 'beleidsmedewerker' });
}

beforeAll(async () => {
  db = await createTestDatabase('vier_ogen_definities');
  t = await createTestApp({
    databaseUrl: db.url,
    env: { ROLE: 'api', ...OIDC_ENV },
    override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(NU)),
  });
  ds = t.app.get(DataSource);
}, 120_000);

afterAll(async () => {
  await t?.close();
  await db?.drop();
});

/** Version `versie` in force from 1 December 2026 plus `dagen` days (one regeling per day: each its own day). */
const stelVoor = (wie: string, versie: string, dagen: number) =>
  request(t.http)
    .post(PAD)
    .set('Authorization', wie)
    .send({ yaml: amsterdamVersie(versie, `2026-12-${String(1 + dagen).padStart(2, '0')}`) });
const keurGoed = (wie: string, id: string) => request(t.http).post(`${PAD}/${id}/goedkeuring`).set('Authorization', wie).send({});
const wijsAf = (wie: string, id: string) =>
  request(t.http).post(`${PAD}/${id}/afwijzing`).set('Authorization', wie).send({ reden: 'Liever een andere ingangsdatum.' });
const gepubliceerd = async (versie: string) => (await ds.query('select 1 from definitie_versie where versie = $1', [versie])).length;
const probleem = (r: request.Response) => [r.status, r.body.code, r.headers['content-type']?.split(';')[0]];

it('Uitgangspunten klachtenmanagement Sociaal Domein §1D (vier ogen): who proposed a version neither approves nor rejects it with a second key or an OIDC login; another medewerker does', async () => {
  const sanne = await sleutel('sanne');
  const sanneTweede = await sleutel('sanne');
  const ahmed = await sleutel('ahmed');
  const v = await stelVoor(sanne, '2026-31', 0);
  expect(v.status).toBe(201);
  for (const zelf of [sanneTweede, await login('sanne')]) {
    const goed = await keurGoed(zelf, v.body.id);
    expect(probleem(goed)).toEqual([403, 'vier-ogen', 'application/problem+json']);
    expect(goed.body.detail).toMatch(/ook met een andere sleutel of login is het dezelfde medewerker/);
    expect(probleem(await wijsAf(zelf, v.body.id))).toEqual([403, 'vier-ogen', 'application/problem+json']);
  }
  expect(await gepubliceerd('2026-31')).toBe(0);
  expect((await request(t.http).get(`${PAD}/${v.body.id}`).set('Authorization', ahmed)).body.status).toBe('voorgesteld');

  // The other way round: proposed with the OIDC login, not approved with the same person's key.
  const w = await stelVoor(await login('ahmed'), '2026-32', 1);
  expect(w.status).toBe(201);
  expect(probleem(await keurGoed(ahmed, w.body.id))).toEqual([403, 'vier-ogen', 'application/problem+json']);
  expect(await gepubliceerd('2026-32')).toBe(0);

  // Two people: published.
  expect((await keurGoed(ahmed, v.body.id)).status).toBe(201);
  expect((await keurGoed(sanne, w.body.id)).status).toBe(201);
  expect([await gepubliceerd('2026-31'), await gepubliceerd('2026-32')]).toEqual([1, 1]);
});

it('Uitgangspunten klachtenmanagement Sociaal Domein §1D (vier ogen): a key issued to no medewerker neither proposes nor approves, and a proposal made with one before keys named a person is approved by nobody, but any medewerker rejects it, which frees its version', async () => {
  const koppeling = await sleutel(null);
  const fleur = await sleutel('fleur');
  const voor = (await ds.query('select count(*)::int as n from definitie_voorstel'))[0].n;
  const v = await stelVoor(koppeling, '2026-33', 2);
  expect(probleem(v)).toEqual([403, 'vier-ogen-geen-medewerker', 'application/problem+json']);
  expect((await ds.query('select count(*)::int as n from definitie_voorstel'))[0].n).toBe(voor);

  const w = await stelVoor(fleur, '2026-34', 3);
  expect(w.status).toBe(201);
  expect(probleem(await keurGoed(koppeling, w.body.id))).toEqual([403, 'vier-ogen-geen-medewerker', 'application/problem+json']);
  expect(await gepubliceerd('2026-34')).toBe(0);

  // A proposal of a key that names nobody (made before keys named their medewerker): whether the approver is the same
  // person cannot be told, so nobody approves it; it can be proposed again by a medewerker.
  const id = (
    (await ds.query(`select id from api_sleutel where naam = 'Koppeling' order by created_at desc limit 1`)) as Array<{ id: string }>
  )[0].id;
  await ds.query(`update definitie_voorstel set voorgesteld_door = $1 where id = $2`, [`api-sleutel:${id}`, w.body.id]);
  const oud = await keurGoed(await sleutel('ahmed'), w.body.id);
  expect(probleem(oud)).toEqual([403, 'vier-ogen-geen-medewerker', 'application/problem+json']);
  expect(oud.body.detail).toMatch(/op naam van geen medewerker/);
  expect(await gepubliceerd('2026-34')).toBe(0);

  // Rejecting publishes nothing: any medewerker may (here the one who approves nothing of it), and the version number is
  // free again for a medewerker's proposal; before, the open proposal kept it blocked for good.
  const af = await wijsAf(fleur, w.body.id);
  expect([af.status, af.body.status]).toEqual([201, 'afgewezen']);
  expect((await stelVoor(fleur, '2026-34', 3)).status).toBe(201);
  expect(await gepubliceerd('2026-34')).toBe(0);
});
