/**
 * Letters of a klacht moved to a new version of its definition (docs/definities.md, "Lopende klachten naar een nieuwe
 * versie"; docs/brieven-en-dossier.md, "Waar de sjablonen staan": each version has its own letters). A letter is the
 * written mededeling of one step (here Awb 9:11 lid 2: the verdaging), decided under the version the klacht was on: a
 * verdaging of 3 June taken on version 2015-01, whose letters waited for the dossier storage while a beheerder moved the
 * klacht to 2026-06, was made from the 2026-06 templates (what a letter says then depended on when the outbox got to
 * make it). Its letters now come from the version of the step; the next verdaging, taken on 2026-06, from 2026-06's. And
 * a termijn verdaagd twice (Awb 9:11 lid 2: at most four weeks in all) gets two letters, each with its own decision day
 * and the new last day, and no third. Real PostgreSQL, Amsterdam's definition in two versions, the service's clock (KLOK).
 */
import request from 'supertest';
import { ruimTijdelijkeMappenOp } from '../src/machines/definition/test-fixture';
import type { EngineApp } from './support/engine-harness';
import { amsterdamTweeVersies, ONDERTEKENING_2026, verstelbareKlok } from './support/amsterdam-twee-versies';
import type { TestDatabase } from './support';

const AMSTERDAM = 'GM0363';

interface Brief {
  id: string;
  soort: string;
  aan: string;
  datum: string;
  status: string;
  sjabloon?: string | null;
  reden?: string | null;
}

describe('Awb 9:11 lid 2 over versions: a letter is made from the templates of the version its step was taken on', () => {
  let db: TestDatabase;
  let t: EngineApp;
  let auth: string;
  let beleid: string;
  const klok = verstelbareKlok();
  /** While `weg` the dossier storage refuses every write, so the outbox makes the letter when it retries. */
  const opslag = { weg: false };

  beforeAll(async () => {
    ({ db, t, auth, beleid } = await amsterdamTweeVersies('brieven_tijd_versie', klok, opslag));
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
    ruimTijdelijkeMappenOp();
  });

  const verwerk = async () => {
    await t.relay.idle();
    await t.relay.drain();
  };

  /** POST …/gebeurtenissen at `at`, the clock five minutes later; the answer. */
  async function stap(id: string, type: string, at: string, data?: Record<string, unknown>) {
    klok.moment = new Date(new Date(at).getTime() + 5 * 60_000);
    const r = await request(t.http)
      .post(`/api/v1/klachten/${id}/gebeurtenissen`)
      .set('Authorization', auth)
      .send({ type, at, ...(data ? { data } : {}) });
    await verwerk();
    return r;
  }

  const brieven = async (id: string): Promise<Brief[]> =>
    (await request(t.http).get(`/api/v1/klachten/${id}/brieven`).set('Authorization', auth).expect(200)).body.resultaten;

  const tekst = async (id: string, briefId: string): Promise<string> =>
    (
      await request(t.http)
        .get(`/api/v1/klachten/${id}/brieven/${briefId}`)
        .set('Authorization', auth)
        .set('Accept', 'text/html')
        .expect(200)
    ).text
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ');

  it('Awb 9:11 lid 2: the verdaging of 3 June taken on 2015-01, its letters made after the klacht moved to 2026-06, uses the 2015-01 letters; the second verdaging, on 2026-06, its own; four weeks in all, no third', async () => {
    const k = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', auth)
      .send({
        gemeente: AMSTERDAM,
        kanaal: 'brief',
        ontvangenOp: '2026-05-20T10:00:00+02:00',
        ingediendBij: 'gemeente',
        soort: 'klacht',
        onderwerp: 'De wethouder reageerde niet op mijn brief',
        aanbieders: [{ id: 'zorg-noord', naam: 'Zorg Noord', type: 'wmo' }],
        feiten: { aantalAanbieders: 1, gerichtAan: 'wethouder' },
      });
    expect([k.status, k.body.detail]).toEqual([201, undefined]);
    const id = k.body.id as string;
    const [{ versie }] = (await t.db.query(`select definitie_versie as versie from klacht where id = $1`, [id])) as Array<{
      versie: string;
    }>;
    expect(versie).toBe('2015-01');
    await verwerk();
    let kan = (k.body.volgendeEvents as Array<{ type: string }>).map((v) => v.type);
    for (const type of ['FORMELE_BEHANDELING', 'IN_BEHANDELING_NEMEN'])
      if (kan.includes(type))
        kan = (await stap(id, type, '2026-05-21T10:00:00+02:00')).body.volgendeEvents.map((v: { type: string }) => v.type);

    // 3 June 10:00: verdaagd by two weeks on 2015-01 (the afhandeltermijn ran to 1 July); the storage is away.
    opslag.weg = true;
    try {
      expect((await stap(id, 'VERDAGEN', '2026-06-03T10:00:00+02:00', { termijn: 'afhandeling', duur: 'P2W' })).status).toBe(200);
    } finally {
      opslag.weg = false;
    }
    expect((await brieven(id)).filter((b) => b.soort === 'verdaging')).toEqual([]);
    // 11:00: the klacht is moved to 2026-06. 12:00: the storage is back and the outbox makes the letters.
    klok.moment = new Date('2026-06-03T11:00:00+02:00');
    const m = await request(t.http)
      .post('/api/v1/definities/gm0363-amsterdam/versies/2026-06/migraties')
      .set('Authorization', beleid)
      .send({ klachten: [id], reden: 'Klachtenprotocol Wmo keten, versie 2026' });
    expect([m.status, m.body.klachten?.[0]?.naarVersie]).toEqual([200, '2026-06']);
    klok.moment = new Date('2026-06-03T12:00:00+02:00');
    await t.db.query(`update outbox set volgende_poging_op = null where klacht_id = $1 and processed_at is null`, [id]);
    await verwerk();

    // 10 June: verdaagd by another two weeks, on 2026-06: four weeks in all (Awb 9:11 lid 2).
    expect((await stap(id, 'VERDAGEN', '2026-06-10T10:00:00+02:00', { termijn: 'afhandeling', duur: 'P2W' })).status).toBe(200);
    // 11 June: a third verdaging would pass the four weeks; refused (409), and no letter.
    expect((await stap(id, 'VERDAGEN', '2026-06-11T10:00:00+02:00', { termijn: 'afhandeling', duur: 'P1W' })).status).toBe(409);

    const verdaging = (await brieven(id)).filter((b) => b.soort === 'verdaging');
    expect(verdaging.map((b) => [b.aan, b.datum, b.status, b.sjabloon])).toEqual([
      ['klager', '2026-06-03', 'opgemaakt', 'gm0363-amsterdam/brieven/2015-01/verdaging.hbs'],
      ['beklaagde', '2026-06-03', 'opgemaakt', 'gm0363-amsterdam/brieven/2015-01/verdaging.hbs'],
      ['klager', '2026-06-10', 'opgemaakt', 'gm0363-amsterdam/brieven/2026-06/verdaging.hbs'],
      ['beklaagde', '2026-06-10', 'opgemaakt', 'gm0363-amsterdam/brieven/2026-06/verdaging.hbs'],
    ]);
    const eerste = await tekst(id, verdaging[0].id);
    expect(eerste).toContain('Wij stellen de afhandeling met 2 weken uit (Algemene wet bestuursrecht, artikel 9:11 lid 2).');
    expect(eerste).toContain(
      'Dat hebben wij besloten op woensdag 3 juni 2026. De klacht is nu uiterlijk op woensdag 15 juli 2026 afgehandeld.',
    );
    expect(eerste).toContain('Klachtenteam Sociaal Domein namens het college');
    expect(eerste).not.toContain(ONDERTEKENING_2026);
    const tweede = await tekst(id, verdaging[2].id);
    expect(tweede).toContain(
      'Dat hebben wij besloten op woensdag 10 juni 2026. De klacht is nu uiterlijk op woensdag 29 juli 2026 afgehandeld.',
    );
    expect(tweede).toContain(`${ONDERTEKENING_2026} namens het college`);
  });
});
