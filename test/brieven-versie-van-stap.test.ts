/**
 * A letter is the written mededeling of one step (Awb 9:6, 9:11 lid 2, 2:3), decided under the version of the regeling
 * the klacht was on when it took that step, and it states what that step knew. The letters are made after the commit,
 * from the outbox, so a version migration (Awb 9:31 too) may be committed between the step and its letter. The engine
 * writes the step's version and the gemeente's receipt into the step's outbox rows (stap-feiten.ts); a row written
 * before it did so is read by the history rule (versie-van-stap.ts). The old reading compared the migration's history
 * `recorded_at` with the outbox row's `created_at`, both the start of their transactions: a step whose transaction began
 * before a migration but locked the klacht after it was read as taken on the version the migration left.
 * Real PostgreSQL, Amsterdam's definition in two versions (the letters of 2026-06 signed by another team), the seed
 * definitions for Stichtse Vecht, the service's clock (KLOK).
 */
import request from 'supertest';
import type { KlachtEvent } from '../src/machines/contract';
import { ruimTijdelijkeMappenOp } from '../src/machines/definition/test-fixture';
import type { EngineApp } from './support/engine-harness';
import { amsterdamTweeVersies, verstelbareKlok } from './support/amsterdam-twee-versies';
import { bearer } from './auth-support';
import type { TestDatabase } from './support';
import { briefLaterApp, type BriefLater } from './support/brief-later';

const AMSTERDAM = 'GM0363';
const STICHTSE_VECHT = 'GM1904';
const SJABLOON_2015 = 'gm0363-amsterdam/brieven/2015-01/verdaging.hbs';
const SJABLOON_2026 = 'gm0363-amsterdam/brieven/2026-06/verdaging.hbs';

interface Brief {
  id: string;
  soort: string;
  aan: string;
  status: string;
  sjabloon?: string | null;
}

/** The facts the engine carries in a step's outbox rows, taken out: the row as one written before it carried them. */
const ALS_OUDE_RIJ = `update outbox set payload = payload - 'definitieVersie' - 'ontvangenBijGemeente' where klacht_id = $1 and processed_at is null`;

describe('Awb 9:6, 9:11 lid 2: a letter is made from the version its step was taken on, whenever a migration was committed', () => {
  let db: TestDatabase;
  let t: EngineApp;
  let auth: string;
  let beleid: string;
  const klok = verstelbareKlok();
  /** While `weg` the dossier storage refuses every write, so the outbox makes the letter when it retries. */
  const opslag = { weg: false };

  beforeAll(async () => {
    ({ db, t, auth, beleid } = await amsterdamTweeVersies('brieven_versie_van_stap', klok, opslag));
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

  async function stap(id: string, type: string, at: string, data?: Record<string, unknown>): Promise<string[]> {
    klok.moment = new Date(new Date(at).getTime() + 5 * 60_000);
    const r = await request(t.http)
      .post(`/api/v1/klachten/${id}/gebeurtenissen`)
      .set('Authorization', auth)
      .send({ type, at, ...(data ? { data } : {}) });
    expect([r.status, r.body.detail]).toEqual([200, undefined]);
    await verwerk();
    return (r.body.volgendeEvents as Array<{ type: string }>).map((v) => v.type);
  }

  /** A klacht on 2015-01, received on 20 May 2026 and taken into formal handling: VERDAGEN is open. */
  async function klacht(): Promise<string> {
    klok.moment = new Date('2026-05-20T10:05:00+02:00');
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
    await verwerk();
    let kan = (k.body.volgendeEvents as Array<{ type: string }>).map((v) => v.type);
    for (const type of ['FORMELE_BEHANDELING', 'IN_BEHANDELING_NEMEN'])
      if (kan.includes(type)) kan = await stap(id, type, '2026-05-21T10:00:00+02:00');
    expect(kan).toContain('VERDAGEN');
    return id;
  }

  async function migreer(id: string, om: string): Promise<void> {
    klok.moment = new Date(om);
    const m = await request(t.http)
      .post('/api/v1/definities/gm0363-amsterdam/versies/2026-06/migraties')
      .set('Authorization', beleid)
      .send({ klachten: [id], reden: 'Klachtenprotocol Wmo keten, versie 2026' });
    expect([m.status, m.body.klachten?.[0]?.naarVersie, m.body.detail]).toEqual([200, '2026-06', undefined]);
  }

  /** The storage is back: the outbox makes the letters it could not make. */
  async function opslagTerug(id: string, om: string): Promise<void> {
    opslag.weg = false;
    klok.moment = new Date(om);
    await t.db.query(`update outbox set volgende_poging_op = null where klacht_id = $1 and processed_at is null`, [id]);
    await verwerk();
  }

  const verdagingsbrieven = async (id: string): Promise<Array<[string, string, string | null | undefined]>> =>
    ((await request(t.http).get(`/api/v1/klachten/${id}/brieven`).set('Authorization', auth).expect(200)).body.resultaten as Brief[])
      .filter((b) => b.soort === 'verdaging')
      .map((b): [string, string, string | null | undefined] => [b.aan, b.status, b.sjabloon])
      .sort((a, b) => b[0].localeCompare(a[0]));

  it('Awb 9:11 lid 2: a migration committed between the verdaging and the making of its letters leaves them on the version of the verdaging', async () => {
    const id = await klacht();
    opslag.weg = true;
    await stap(id, 'VERDAGEN', '2026-06-03T10:00:00+02:00', { termijn: 'afhandeling', duur: 'P2W' });
    expect(await verdagingsbrieven(id)).toEqual([]);
    await migreer(id, '2026-06-03T11:00:00+02:00');
    await opslagTerug(id, '2026-06-03T12:00:00+02:00');
    expect(await verdagingsbrieven(id)).toEqual([
      ['klager', 'opgemaakt', SJABLOON_2015],
      ['beklaagde', 'opgemaakt', SJABLOON_2015],
    ]);
  });

  it('Awb 9:11 lid 2: a verdaging whose transaction began before a migration and locked the klacht after it was taken on the new version, and its letters say so', async () => {
    const id = await klacht();
    const qr = t.db.createQueryRunner();
    await qr.connect();
    try {
      // The step's transaction begins (its now(), which its outbox rows get as created_at) ...
      await qr.startTransaction('READ COMMITTED');
      await qr.query(`select now()`);
      // ... a migration begins after it and commits while the step has not yet locked the klacht (a wake-up reading
      // first, a group waiting on another klacht) ...
      await migreer(id, '2026-06-03T11:00:00+02:00');
      // ... and the step locks the klacht, now on 2026-06, and is taken on that version.
      const row = await t.engine.vergrendel(qr.manager, id);
      expect(row.definitieVersie).toBe('2026-06');
      const event: KlachtEvent = {
        type: 'VERDAGEN',
        at: '2026-06-03T11:30:00+02:00',
        actor: 'behandelaar',
        data: { termijn: 'afhandeling', duur: 'P2W' },
      };
      const result = t.engine.regimeVan(row).step(row.snapshot, event);
      expect([result.accepted, result.reason]).toEqual([true, undefined]);
      await t.engine.schrijfStap(qr.manager, row, row.state, event, result, { actor: 'behandelaar' });
      await qr.commitTransaction();
    } finally {
      if (qr.isTransactionActive) await qr.rollbackTransaction();
      await qr.release();
    }
    // The history as the old reading saw it: the migration's recorded_at after the step's outbox rows' created_at.
    const [{ misleid }] = (await t.db.query(
      `select (select recorded_at from klacht_gebeurtenis where klacht_id = $1 and type = 'VERSIE_GEMIGREERD')
            > (select min(created_at) from outbox where klacht_id = $1 and type like 'intent.%' and payload->>'event' = 'VERDAGEN') as misleid`,
      [id],
    )) as Array<{ misleid: boolean }>;
    expect(misleid).toBe(true);
    klok.moment = new Date('2026-06-03T11:35:00+02:00');
    await verwerk();
    expect(await verdagingsbrieven(id)).toEqual([
      ['klager', 'opgemaakt', SJABLOON_2026],
      ['beklaagde', 'opgemaakt', SJABLOON_2026],
    ]);
  });

  it('Awb 9:11 lid 2: the letters of a verdaging written before steps carried their version follow the migrations registered after the step', async () => {
    const id = await klacht();
    opslag.weg = true;
    await stap(id, 'VERDAGEN', '2026-06-03T10:00:00+02:00', { termijn: 'afhandeling', duur: 'P2W' });
    await t.db.query(ALS_OUDE_RIJ, [id]);
    await migreer(id, '2026-06-03T11:00:00+02:00');
    await opslagTerug(id, '2026-06-03T12:00:00+02:00');
    expect(await verdagingsbrieven(id)).toEqual([
      ['klager', 'opgemaakt', SJABLOON_2015],
      ['beklaagde', 'opgemaakt', SJABLOON_2015],
    ]);
  });
});

describe("Awb 9:6, 9:11 lid 1: the letter names the gemeente's receipt as its step knew it, also from a row written before steps carried it", () => {
  let omgeving: BriefLater;
  let auth: string;

  beforeAll(async () => {
    omgeving = await briefLaterApp('brieven_versie_ontvangst', new Date('2024-05-06T10:05:00+02:00'));
    auth = await bearer(omgeving.t.app, STICHTSE_VECHT, 'klachtbehandelaar');
  });

  afterAll(async () => {
    await omgeving?.sluit();
  });

  it('Uitgangspunten §5A, §11-III: filed with the ketenpartner on 6 mei, brought to the gemeente on 20 juni; the ontvangstbevestiging of a row without the carried receipt still names 20 juni', async () => {
    const k = await request(omgeving.t.http)
      .post('/api/v1/klachten')
      .set('Authorization', auth)
      .send({
        gemeente: STICHTSE_VECHT,
        kanaal: 'brief',
        ontvangenOp: '2024-05-06T10:00:00+02:00',
        ingediendBij: 'aanbieder',
        soort: 'klacht',
        onderwerp: 'De hulp kwam niet',
        aanbieders: [{ id: 'zorg-x', naam: 'Zorg X', type: 'wmo' }],
        feiten: { aantalAanbieders: 1 },
      });
    expect([k.status, k.body.detail]).toEqual([201, undefined]);
    const id = k.body.id as string;
    await omgeving.verwerk();
    await omgeving.stap(auth, id, 'AFDOENEN', '2024-06-03T10:00:00+02:00', { oordeel: 'ongegrond' });
    await omgeving.stap(auth, id, 'KLACHT_BIJ_GEMEENTE', '2024-06-20T10:00:00+02:00');
    // The step whose letter is the ontvangstbevestiging, its row as one written before the engine carried the receipt.
    omgeving.opslag.weg = true;
    await omgeving.stap(auth, id, 'FORMELE_BEHANDELING', '2024-06-21T10:00:00+02:00');
    const [{ gedragen }] = (await omgeving.t.db.query(
      `select payload->>'ontvangenBijGemeente' as gedragen from outbox where klacht_id = $1 and type = 'intent.ONTVANGSTBEVESTIGING' and processed_at is null`,
      [id],
    )) as Array<{ gedragen: string }>;
    expect(new Date(gedragen).toISOString()).toBe(new Date('2024-06-20T10:00:00+02:00').toISOString());
    await omgeving.t.db.query(ALS_OUDE_RIJ, [id]);
    omgeving.opslag.weg = false;
    await omgeving.t.db.query(`update outbox set volgende_poging_op = null where klacht_id = $1 and processed_at is null`, [id]);
    await omgeving.verwerk();
    const lijst = (await request(omgeving.t.http).get(`/api/v1/klachten/${id}/brieven`).set('Authorization', auth).expect(200)).body
      .resultaten as Brief[];
    const b = lijst.find((x) => x.soort === 'ontvangstbevestiging' && x.aan === 'klager' && x.status === 'opgemaakt');
    expect(b).toBeDefined();
    const html = await request(omgeving.t.http)
      .get(`/api/v1/klachten/${id}/brieven/${b!.id}`)
      .set('Authorization', auth)
      .set('Accept', 'text/html')
      .expect(200);
    const tekst = html.text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(tekst).toContain('Wij hebben uw klacht op donderdag 20 juni 2024 ontvangen.');
    expect(tekst).not.toContain('6 mei 2024');
  });
});
