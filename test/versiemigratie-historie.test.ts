/**
 * Jeugdwet 4.2.1 lid 6 with Wet Nationale ombudsman art. 11c, 11d (590fdb3), through the migration's API on PostgreSQL: a
 * Jeugdwet klacht of Stichtse Vecht stored at the Kinderombudsman, or forwarded by him into the gemeente's handling,
 * before the Kinderombudsman had a state of his own moves to a new version of the regeling; what happened stays as it
 * happened, the rule of now governs what comes after (docs/definities.md, "Lopende klachten naar een nieuwe versie").
 *
 * Stichtse Vecht's regeling in two versions: 2015-01 and 2026-04 (from 1 April 2026, the same rules). The klachten are
 * received on Monday 2 March 2026 (so on 2015-01), taken through the API to the Kinderombudsman on 6 April; the rows
 * then get what the engine wrote before 590fdb3. The service's clock stands on Tuesday 21 April 2026; no worker runs.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { KLOK, vasteKlok } from '../src/common/klok';
import { ruimTijdelijkeMappenOp, schrijfBestanden } from '../src/machines/definition/test-fixture';
import { bearer } from './auth-support';
import { createTestDatabase, type TestDatabase } from './support/database';
import { createEngineApp, type EngineApp } from './support/engine-harness';
import { JEUGDHULP_WEST } from './support/kinderombudsman';

const DEFINITIE = 'gm1904-stichtse-vecht';
const BRON = join(__dirname, '..', 'definitions', DEFINITIE);
const YAML = readFileSync(join(BRON, '2015-01.yaml'), 'utf8');

describe('Jeugdwet 4.2.1 lid 6 with Wet Nationale ombudsman art. 11c, 11d (590fdb3): a Jeugdwet klacht stored before moves to a new version', () => {
  let db: TestDatabase;
  let t: EngineApp;
  let behandelaar: string;
  let beleid: string;

  beforeAll(async () => {
    const root = schrijfBestanden({
      [`definitions/${DEFINITIE}/2015-01.yaml`]: YAML,
      [`definitions/${DEFINITIE}/2026-04.yaml`]: YAML.replace("versie: '2015-01'", "versie: '2026-04'").replace(
        /^geldigVanaf: 2015-01-01$/m,
        'geldigVanaf: 2026-04-01',
      ),
    });
    for (const versie of ['2015-01', '2026-04'])
      cpSync(join(BRON, 'brieven', '2015-01'), join(root, 'definitions', DEFINITIE, 'brieven', versie), { recursive: true });
    db = await createTestDatabase('versiemigratie_historie');
    t = await createEngineApp({
      databaseUrl: db.url,
      regimes: 'definities',
      env: { ROLE: 'api', DEFINITIONS_DIR: join(root, 'definitions') },
      override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(new Date('2026-04-21T09:00:00+02:00'))),
    });
    behandelaar = await bearer(t.app, 'GM1904', 'klachtbehandelaar');
    beleid = await bearer(t.app, 'GM1904', 'beleidsmedewerker');
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await db?.drop();
    ruimTijdelijkeMappenOp();
  });

  const stap = async (id: string, type: string, at: string, data?: Record<string, unknown>) => {
    const r = await request(t.http)
      .post(`/api/v1/klachten/${id}/gebeurtenissen`)
      .set('Authorization', behandelaar)
      .send({ type, at, ...(data ? { data } : {}) });
    expect([r.status, r.body.detail]).toEqual([200, undefined]);
    return r.body as { state: string };
  };
  const klacht = async (id: string) =>
    (await request(t.http).get(`/api/v1/klachten/${id}`).set('Authorization', behandelaar).expect(200)).body as {
      state: string;
      definitieVersie: string;
    };
  const proef = async () =>
    (await request(t.http).get(`/api/v1/definities/${DEFINITIE}/versies/2026-04/migratieproef`).set('Authorization', beleid).expect(200))
      .body.klachten as Array<{ klachtId: string; migreerbaar: boolean; vanState: string; naarState?: string; bezwaren: string[] }>;
  const migreer = (klachten: string[]) =>
    request(t.http)
      .post(`/api/v1/definities/${DEFINITIE}/versies/2026-04/migraties`)
      .set('Authorization', beleid)
      .send({ klachten, reden: 'Uitgangspunten klachtenmanagement Sociaal Domein, versie 2026-04' });
  const lopend = async (id: string) =>
    (
      (await t.db.query(`SELECT naam FROM termijn WHERE klacht_id = $1 AND status = 'lopend' ORDER BY naam`, [id])) as Array<{
        naam: string;
      }>
    ).map((r) => r.naam);

  /**
   * A Jeugdwet klacht at the Kinderombudsman as the engine stored it before 590fdb3: taken there through the API, then
   * its row and the request's history row at bijOmbudsman.onderzoek (the same context: only the target changed).
   */
  async function bijOmbudsmanVoor590fdb3(): Promise<string> {
    const k = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', behandelaar)
      .send({
        gemeente: 'GM1904',
        kanaal: 'brief',
        ontvangenOp: '2026-03-02T10:00:00+01:00',
        ingediendBij: 'gemeente',
        soort: 'klacht',
        onderwerp: 'Ouders van J., over de jeugdhulp',
        aanbieders: [JEUGDHULP_WEST],
        feiten: {},
      })
      .expect(201);
    const id = k.body.id as string;
    expect([k.body.state, (await klacht(id)).definitieVersie]).toEqual(['jeugdwetKlachtencommissie.oordeelCommissie', '2015-01']);
    await stap(id, 'OORDEEL_KLACHTENCOMMISSIE', '2026-03-16T10:00:00+01:00', { oordeel: 'gegrond' });
    await stap(id, 'REACTIE_AANBIEDER', '2026-03-30T10:00:00+02:00', { maatregelen: 'scholing' });
    expect((await stap(id, 'VERZOEK_OMBUDSMAN', '2026-04-06T10:00:00+02:00')).state).toBe('bijOmbudsman.kinderombudsman.onderzoek');
    await t.db.query(
      `UPDATE klacht SET state = 'bijOmbudsman.onderzoek', snapshot = jsonb_set(snapshot::jsonb, '{value}', '{"bijOmbudsman":"onderzoek"}') WHERE id = $1`,
      [id],
    );
    await t.db.query(
      `UPDATE klacht_gebeurtenis SET naar_state = 'bijOmbudsman.onderzoek' WHERE klacht_id = $1 AND type = 'VERZOEK_OMBUDSMAN'`,
      [id],
    );
    return id;
  }

  it('Wet Nationale ombudsman art. 11c, 11d (590fdb3): a klacht stored at bijOmbudsman.onderzoek moves to the new version in that state, and the Kinderombudsman’s forwarding then takes it to the klachtencommissie', async () => {
    const id = await bijOmbudsmanVoor590fdb3();
    expect((await proef()).find((k) => k.klachtId === id)).toEqual(
      expect.objectContaining({ migreerbaar: true, bezwaren: [], vanState: 'bijOmbudsman.onderzoek', naarState: 'bijOmbudsman.onderzoek' }),
    );
    expect((await migreer([id])).status).toBe(200);
    expect(await klacht(id)).toEqual(expect.objectContaining({ definitieVersie: '2026-04', state: 'bijOmbudsman.onderzoek' }));
    // After the migration the rule of now: Jeugdwet 4.2.1 lid 6, back to the klachtencommissie with its oordeeltermijn.
    expect((await stap(id, 'OMBUDSMAN_DOORGEZONDEN', '2026-04-21T09:00:00+02:00')).state).toBe(
      'jeugdwetKlachtencommissie.oordeelCommissie',
    );
    expect(await lopend(id)).toEqual(['jeugdwetOordeel']);
  });

  it('Jeugdwet 4.2.1 lid 6 (590fdb3): a klacht the Kinderombudsman forwarded into the gemeente’s Awb titel 9.1 handling before moves to the new version where it is, with its afhandeltermijn', async () => {
    const id = await bijOmbudsmanVoor590fdb3();
    // The forwarding as the engine took it before 590fdb3: the gemeente's transition of bijOmbudsman.onderzoek (the one
    // every klacht not on the Jeugdwet route takes), with its actions, written as any step (schrijfStap).
    await t.db.transaction(async (m) => {
      const row = await t.engine.vergrendel(m, id);
      const event = { type: 'OMBUDSMAN_DOORGEZONDEN', at: '2026-04-20T10:00:00+02:00', actor: 'kcc' };
      const r = t.engine.regimeVan(row).step(row.snapshot, event, { naarState: 'gemeente.informeleFase' });
      expect(r.state).toBe('gemeente.informeleFase');
      await t.engine.schrijfStap(m, row, row.state, event, r, { actor: 'kcc' });
    });
    expect(await lopend(id)).toContain('afhandeling');
    const voor = (await proef()).find((k) => k.klachtId === id);
    expect(voor).toEqual(
      expect.objectContaining({ migreerbaar: true, bezwaren: [], vanState: 'gemeente.informeleFase', naarState: 'gemeente.informeleFase' }),
    );
    expect((await migreer([id])).status).toBe(200);
    expect(await klacht(id)).toEqual(expect.objectContaining({ definitieVersie: '2026-04', state: 'gemeente.informeleFase' }));
    expect(await lopend(id)).toContain('afhandeling');
    expect(await lopend(id)).not.toContain('jeugdwetOordeel');
  });
});
