/**
 * One regeling per day (docs/definities.md: two versions of a gemeente never begin on the same day, versions never
 * overlap), with 4-ogen (Uitgangspunten klachtenmanagement Sociaal Domein §1D). Each proposal is validated next to
 * the served versions only, so two proposals that exclude each other can both wait; the approval validates again. Two
 * approvals at the same moment must not each pass without the other and publish both: the second is judged with the
 * first one's version published.
 */
import request from 'supertest';
import { DataSource } from 'typeorm';
import { KLOK, vasteKlok } from '../src/common/klok';
import { ApiSleutelService } from '../src/modules/auth/api-sleutel.service';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';
import { amsterdamVersie } from './support/amsterdam-versie';

describe('two approvals of one gemeente at the same moment', () => {
  let db: TestDatabase;
  let t: TestApp;
  let sanne: string;
  let ahmed: string;
  let fleur: string;

  beforeAll(async () => {
    db = await createTestDatabase('definitie_tijd_gelijktijdig');
    t = await createTestApp({
      databaseUrl: db.url,
      env: { ROLE: 'api' },
      override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(new Date('2026-09-15T08:00:00Z'))),
    });
    const sleutel = async (naam: string) =>
      `Bearer ${(await t.app.get(ApiSleutelService).maak({ gemeente: 'GM0363', rol: 'beleidsmedewerker', naam, medewerker: naam })).sleutel}`;
    sanne = await sleutel('Sanne Jansen');
    ahmed = await sleutel('Ahmed El Amrani');
    fleur = await sleutel('Fleur Bakker');
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const stelVoor = async (versie: string, vanaf: string, extra = '') => {
    const r = await request(t.http)
      .post('/api/v1/definities/gm0363-amsterdam/voorstellen')
      .set('Authorization', sanne)
      .send({ yaml: amsterdamVersie(versie, vanaf, extra) });
    expect([r.status, r.body.detail]).toEqual([201, undefined]);
    return r.body.id as string;
  };
  const keurGoed = (id: string, door: string) =>
    request(t.http).post(`/api/v1/definities/gm0363-amsterdam/voorstellen/${id}/goedkeuring`).set('Authorization', door).send({});
  const gepubliceerd = async () =>
    ((await t.app.get(DataSource).query(`select versie from definitie_versie order by versie`)) as Array<{ versie: string }>).map(
      (r) => r.versie,
    );

  it('one regeling per day: of two proposals beginning on the same day, approved at the same moment, one is published and the other refused (422)', async () => {
    const a = await stelVoor('2027-01', '2027-01-01');
    const b = await stelVoor('2027-01b', '2027-01-01');
    const [ra, rb] = await Promise.all([keurGoed(a, ahmed), keurGoed(b, fleur)]);
    expect([ra.status, rb.status].sort()).toEqual([201, 422]);
    const geweigerd = ra.status === 422 ? ra : rb;
    expect(geweigerd.body.code).toBe('definitie-ongeldig');
    expect(geweigerd.body.detail).toMatch(/dezelfde dag als versie/);
    expect(await gepubliceerd()).toHaveLength(1);
  });

  it('no overlap: a version with geldigTot and one that begins inside it, approved at the same moment, are not both published', async () => {
    const a = await stelVoor('2028-01', '2028-01-01', '\ngeldigTot: 2028-06-30');
    const b = await stelVoor('2028-03', '2028-03-01');
    const [ra, rb] = await Promise.all([keurGoed(a, ahmed), keurGoed(b, fleur)]);
    expect([ra.status, rb.status].sort()).toEqual([201, 422]);
    expect((await gepubliceerd()).filter((v) => v.startsWith('2028'))).toHaveLength(1);
  });
});
