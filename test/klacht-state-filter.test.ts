import request from 'supertest';
import { KLOK } from '../src/common/klok';
import { bearer } from './auth-support';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

/** The service's clock, moved by the test; never the wall clock. */
const klok = { moment: new Date('2026-03-02T09:00:00+01:00'), nu: () => new Date(klok.moment.getTime()) };

/** Amsterdam's gemeente route to the end (Awb 9:11, 9:10 horen, 9:12 afdoening), as bench/run.ts walks it. */
const LEVENSLOOP: Array<[string, Record<string, unknown>?]> = [
  ['FORMELE_BEHANDELING'],
  ['IN_BEHANDELING_NEMEN'],
  ['HOREN_UITNODIGEN'],
  ['HOORZITTING_GEHOUDEN'],
  ['VERSLAG_VASTGESTELD'],
  ['AFDOENEN', { oordeel: 'gegrond' }],
  ['KLAGER_TEVREDEN'],
];

/**
 * GET /klachten?state= (docs/api.md): a klacht is found in its state, and in every parent of it, whether it is open or
 * closed. No index holds `state` (an engine step must stay a HOT update, migration 1796700000000): closed klachten are
 * found by `eind_state`, open ones through the partial index of open klachten (in-state.ts).
 */
describe('klachten by state, open and closed (one meaning: in-state.ts)', () => {
  let db: TestDatabase;
  let t: EngineApp;

  beforeAll(async () => {
    db = await createTestDatabase('klacht_state_filter');
    t = await createEngineApp({
      databaseUrl: db.url,
      regimes: 'definities',
      env: { ROLE: 'api' },
      override: (b) => b.overrideProvider(KLOK).useValue(klok),
    });
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const intake = async (auth: string, onderwerp: string): Promise<string> => {
    const r = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', auth)
      .send({
        gemeente: 'GM0363',
        kanaal: 'webformulier',
        ontvangenOp: '2026-03-02T08:30:00+01:00',
        ingediendBij: 'gemeente',
        soort: 'klacht',
        onderwerp,
        aanbieders: [
          { id: 'a1', type: 'wmo' },
          { id: 'b1', type: 'wmo' },
        ],
        feiten: {},
      })
      .expect(201);
    return r.body.id as string;
  };

  const gevonden = async (auth: string, state: string): Promise<string[]> => {
    const r = await request(t.http)
      .get(`/api/v1/klachten?state=${encodeURIComponent(state)}&pageSize=100`)
      .set('Authorization', auth)
      .expect(200);
    return (r.body.resultaten as Array<{ id: string }>).map((k) => k.id).sort();
  };

  it('a closed klacht is found by its final state and an open one by its parent state; neither by the other’s', async () => {
    const auth = await bearer(t.app, 'GM0363', 'klachtbehandelaar');
    const open = await intake(auth, 'Open: de hulp kwam niet');
    const dicht = await intake(auth, 'Afgehandeld: de hulp kwam te laat');
    for (const [type, data] of LEVENSLOOP) {
      klok.moment = new Date(klok.moment.getTime() + 3_600_000);
      await request(t.http)
        .post(`/api/v1/klachten/${dicht}/gebeurtenissen`)
        .set('Authorization', auth)
        .send({ type, ...(data ? { data } : {}) })
        .expect(200);
    }
    // Awb 9:24 lid 1: a year for a request to the second line; when it has passed without one, the klacht is closed.
    const [venster] = (await t.db.query(`select revision, vervalt_op from termijn where klacht_id = $1 and naam = 'tweedeLijnVerzoek'`, [
      dicht,
    ])) as Array<{ revision: number; vervalt_op: Date }>;
    klok.moment = new Date(new Date(venster.vervalt_op).getTime() + 60_000);
    await t.wake.verval({ klachtId: dicht, termijnNaam: 'tweedeLijnVerzoek', revision: venster.revision, kind: 'verval' }, klok.nu());
    const [k1, k2] = (await t.db.query(`select id, state, done from klacht where id = any($1) order by (id = $2) desc`, [
      [open, dicht],
      open,
    ])) as Array<{ id: string; state: string; done: boolean }>;
    expect(k1).toMatchObject({ id: open, done: false });
    expect(k2).toMatchObject({ id: dicht, state: 'afgesloten', done: true });
    const ouder = k1.state.split('.')[0];
    expect(k1.state).not.toBe(ouder); // a substate, so the parent filter is what is tested

    expect(await gevonden(auth, k2.state)).toEqual([dicht]);
    expect(await gevonden(auth, ouder)).toEqual([open]);
    expect(await gevonden(auth, k1.state)).toEqual([open]);
    // `%` and `_` are letters of a state path here, not patterns: nothing matches.
    expect(await gevonden(auth, `${ouder.slice(0, 2)}%`)).toEqual([]);
  });

  it('no index on klacht holds a column that an engine step of an open klacht changes, so the step is a HOT update (issue 17)', async () => {
    // The columns STAP_SQL sets (stap-sql.ts); `done` only flips when the klacht closes, `eind_state` only then.
    const stap = [
      'snapshot',
      'state',
      'volgende_events',
      'state_sinds',
      'categorie',
      'oorzaak',
      'afdoening',
      'oordeel',
      'tevredenheid',
      'maatregelen',
      'eerste_vervalt_op',
      'version',
      'updated_at',
    ];
    const kolommen = (await t.db.query(
      `select i.indexrelid::regclass::text as index, a.attname as kolom
         from pg_index i join pg_attribute a on a.attrelid = i.indrelid
        where i.indrelid = 'klacht'::regclass
          and (a.attnum = any(i.indkey)
               or pg_get_expr(i.indpred, i.indrelid) ~ ('\\m' || a.attname || '\\M')
               or pg_get_expr(i.indexprs, i.indrelid) ~ ('\\m' || a.attname || '\\M'))
          and a.attnum > 0`,
    )) as Array<{ index: string; kolom: string }>;
    expect(kolommen.length).toBeGreaterThan(0);
    expect(kolommen.filter((r) => stap.includes(r.kolom))).toEqual([]);
  });
});
