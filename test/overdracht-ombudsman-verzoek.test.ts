/**
 * Klachtenprotocol Wmo keten Amsterdam §9 (at contract end every file goes to the gemeente, no copy kept) with AVG art. 5
 * lid 1 sub f and art. 32: from the hand-over on the former aanbieder gets 404 on the klachten it handed over
 * (docs/brieven-en-dossier.md), also on a request of the ombudsman about such a klacht that comes in afterwards. That
 * request is a klacht of its own (Awb 9:31) naming the hoofdklacht's aanbieders; the access checks read the hand-over by
 * the klacht's own id, so the request carries the hoofdklacht's hand-overs.
 *
 * Amsterdam's seed definition, the clock on 1 June 2026 (the day after the contract end), no worker (ROLE=api).
 */
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearer } from './auth-support';
import type { EngineApp } from './support/engine-harness';
import { overdrachtApp, type OverdrachtApp } from './support/overdracht';

let overdracht: OverdrachtApp;
let a: EngineApp;

beforeAll(async () => {
  overdracht = await overdrachtApp('overdracht_ombudsman_verzoek');
  a = overdracht.a;
}, 120_000);

afterAll(async () => {
  await overdracht?.close();
});

/** What an aanbieder's key reaches of klacht `id`: the klacht itself, and whether it is in its klacht list and werkvoorraad. */
async function bereik(sleutel: string, id: string): Promise<{ klacht: number; lijst: boolean; werkvoorraad: boolean }> {
  const klacht = await request(a.http).get(`/api/v1/klachten/${id}`).set('Authorization', sleutel);
  const lijst = await request(a.http).get('/api/v1/klachten?pageSize=100').set('Authorization', sleutel).expect(200);
  const werkvoorraad = await request(a.http).get('/api/v1/werkvoorraad').set('Authorization', sleutel).expect(200);
  const ids = (body: { resultaten: Array<{ id: string }> }) => body.resultaten.map((k) => k.id);
  return { klacht: klacht.status, lijst: ids(lijst.body).includes(id), werkvoorraad: ids(werkvoorraad.body).includes(id) };
}

it('Klachtenprotocol Wmo keten Amsterdam §9, AVG art. 5 lid 1 sub f: a request of the ombudsman about a klacht handed over at contract end is not shown to the former aanbieder', async () => {
  const behandelaar = await bearer(a.app, 'GM0363', 'klachtbehandelaar');
  const west = await bearer(a.app, 'GM0363', 'aanbieder', 'zorg-west');
  const noord = await bearer(a.app, 'GM0363', 'aanbieder', 'zorg-noord');
  const hoofd = await overdracht.klacht('zorg-west', '2026-05-20');
  // The control: a klacht about an aanbieder whose contract runs on.
  const anders = await overdracht.klacht('zorg-noord', '2026-05-20');
  expect((await overdracht.draagOver('zorg-west')).status).toBe(200);
  expect((await request(a.http).get(`/api/v1/klachten/${hoofd}`).set('Authorization', west)).status).toBe(404);

  const verzoek = async (id: string) => {
    const r = await request(a.http)
      .post(`/api/v1/klachten/${id}/ombudsman-verzoeken`)
      .set('Authorization', behandelaar)
      .send({ soort: 'informatievraag', ontvangenOp: '2026-06-01T09:00:00+02:00', termijn: '2026-06-22' });
    expect(r.status).toBe(201);
    return r.body.klachtId as string;
  };
  const sub = await verzoek(hoofd);
  const subAnders = await verzoek(anders);

  const rijen = await a.app
    .get(DataSource)
    .query(
      'select o.aanbieder_id, o.overdracht_id = h.overdracht_id as zelfde from overgedragen_klacht o, overgedragen_klacht h where o.klacht_id = $1 and h.klacht_id = $2',
      [sub, hoofd],
    );
  expect({
    zorgWestOpVerzoek: await bereik(west, sub),
    zorgNoordOpVerzoek: await bereik(noord, subAnders),
    behandelaar: (await request(a.http).get(`/api/v1/klachten/${sub}`).set('Authorization', behandelaar)).status,
    overgedragen: rijen,
  }).toEqual({
    zorgWestOpVerzoek: { klacht: 404, lijst: false, werkvoorraad: false },
    zorgNoordOpVerzoek: { klacht: 200, lijst: true, werkvoorraad: true },
    behandelaar: 200,
    // The request carries the hoofdklacht's hand-over (the same overdracht), written with it.
    overgedragen: [{ aanbieder_id: 'zorg-west', zelfde: true }],
  });
});
