/**
 * Uitgangspunten klachtenmanagement Sociaal Domein Stichtse Vecht art. 11.1 (rapportage naar aard, oorzaak, afwikkeling),
 * Klachtenprotocol Wmo keten Amsterdam §5A, §6 (tevredenheid): a klacht's registration is the last value each field got
 * by the moment of the act (`at`), whatever the order the acts were recorded in. The klacht's columns (the report of now,
 * lists) and registratieSql (a stored report as at its peildatum) say the same once the peildatum lies after every act:
 * a registration change recorded on its own (PATCH .../registratie) and a step whose `at` lies before it, recorded after
 * it, and the other way round. Real PostgreSQL, the seed definitions, an injected clock.
 */
import request from 'supertest';
import { KLOK, vasteKlok } from '../src/common/klok';
import { loadAndValidate } from '../src/machines/definition/validate';
import { registratieSql, tevredenheidPerDefinitie } from '../src/modules/reports/rapportage.repository';
import { bearer } from './auth-support';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

const SV = 'GM1904';
const definities = loadAndValidate(['definitions']).definities.map((d) => ({ id: d.id, definitie: d.definitie }));

let db: TestDatabase;
let t: EngineApp;
let sv: Record<string, string>;

beforeAll(async () => {
  db = await createTestDatabase('registratie_volgorde');
  t = await createEngineApp({
    databaseUrl: db.url,
    regimes: 'definities',
    env: { ROLE: 'api' },
    override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(new Date('2026-06-01T10:00:00+02:00'))),
  });
  sv = { Authorization: await bearer(t.app, SV, 'klachtbehandelaar') };
}, 120_000);

afterAll(async () => {
  await t?.close();
  await db?.drop();
});

async function klacht(): Promise<string> {
  const r = await request(t.http)
    .post('/api/v1/klachten')
    .set(sv)
    .send({
      gemeente: SV,
      kanaal: 'brief',
      ontvangenOp: '2026-05-04T10:00:00+02:00',
      ingediendBij: 'gemeente',
      soort: 'klacht',
      onderwerp: 'bejegening door een consulent',
      aanbieders: [],
      feiten: { betreftGemeentelijkeFunctionaris: true },
    });
  expect([r.status, r.body.detail]).toEqual([201, undefined]);
  return r.body.id as string;
}

const patch = async (id: string, body: Record<string, unknown>) => {
  const r = await request(t.http).patch(`/api/v1/klachten/${id}/registratie`).set(sv).send(body);
  expect([r.status, r.body.detail]).toEqual([200, undefined]);
  return r.body;
};

const tevreden = async (id: string, at: string, registratie: Record<string, unknown>) => {
  const r = await request(t.http)
    .post(`/api/v1/klachten/${id}/gebeurtenissen`)
    .set(sv)
    .send({ type: 'KLAGER_TEVREDEN', at, data: { registratie } });
  expect([r.status, r.body.detail]).toEqual([200, undefined]);
};

type Registratie = { categorie: string | null; oorzaak: string | null; afdoening: string | null; tevredenheid: string | null };

const kolommen = async (id: string): Promise<Registratie> =>
  ((await t.db.query(`select categorie, oorzaak, afdoening, tevredenheid from klacht where id = $1`, [id])) as Registratie[])[0];

/** As a stored report as at 1 June 2026 reads it, from the history. */
const opPeildatum = async (id: string): Promise<Registratie> =>
  (
    (await t.db.query(
      `select r.categorie, r.oorzaak, r.afdoening, r.tevredenheid from klacht k cross join lateral ${registratieSql('k', '$2::timestamptz', '$3::jsonb')} r where k.id = $1`,
      [id, '2026-06-01T00:00:00+02:00', JSON.stringify(tevredenheidPerDefinitie(definities))],
    )) as Registratie[]
  )[0];

describe('Stichtse Vecht art. 11.1: the registration is the last value of each field by the moment of the act', () => {
  it("Thursday's call recorded after Friday's classification: Friday's aard and tevredenheid stand, the call's afwikkeling is added", async () => {
    const id = await klacht();
    // Friday 8 May: the behandelaar classifies the klacht.
    await patch(id, { aard: 'bejegening', tevredenheid: 'ontevreden', at: '2026-05-08T09:00:00+02:00' });
    // Then Thursday 7 May's call is recorded: the klager was satisfied then, with the aard the caller gave.
    await tevreden(id, '2026-05-07T15:00:00+02:00', { aard: 'bereikbaarheid', afwikkeling: 'informeel opgelost' });
    const nu = await kolommen(id);
    expect(nu).toEqual({ categorie: 'bejegening', oorzaak: null, afdoening: 'informeel opgelost', tevredenheid: 'ontevreden' });
    // One klacht, one moment after all its history: one registration.
    expect(await opPeildatum(id)).toEqual(nu);
  });

  it("a classification dated before an act's registration, recorded after it, does not undo it; the fields only it names are taken", async () => {
    const id = await klacht();
    await tevreden(id, '2026-05-07T15:00:00+02:00', { aard: 'bereikbaarheid', afwikkeling: 'informeel opgelost' });
    await patch(id, { aard: 'bejegening', oorzaak: 'planning', at: '2026-05-06T09:00:00+02:00' });
    const nu = await kolommen(id);
    expect(nu).toEqual({ categorie: 'bereikbaarheid', oorzaak: 'planning', afdoening: 'informeel opgelost', tevredenheid: 'tevreden' });
    expect(await opPeildatum(id)).toEqual(nu);
  });

  it('in the order of time, the later value wins as before', async () => {
    const id = await klacht();
    await patch(id, { aard: 'bejegening', at: '2026-05-06T09:00:00+02:00' });
    await tevreden(id, '2026-05-07T15:00:00+02:00', { aard: 'bereikbaarheid' });
    await patch(id, { oorzaak: 'planning', at: '2026-05-08T09:00:00+02:00' });
    const nu = await kolommen(id);
    expect(nu).toEqual({ categorie: 'bereikbaarheid', oorzaak: 'planning', afdoening: null, tevredenheid: 'tevreden' });
    expect(await opPeildatum(id)).toEqual(nu);
  });
});
