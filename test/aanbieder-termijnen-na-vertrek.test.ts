/**
 * The aanbieder's contract termijnen bind it only while it has the klacht (Klachtenprotocol Wmo keten Amsterdam §6). When the
 * klager goes to the second line after the aanbieder let its afhandeltermijn pass (Awb 9:24 lid 1 sub b naar analogie;
 * Klachtenprotocol Wmo keten Amsterdam §4, §12), the aanbieder's passed obligation ends with that step: on record as passed
 * (verlopen, not met), and no longer open, so the klacht at the ombudsman is not counted late against the aanbieder for
 * ever. The same whether the aanbieder took the forwarded klacht up or never did.
 *
 * Amsterdam's seed definition (its ombudsman judges aanbieders), fixed dates by the injected clock; no worker runs
 * (ROLE=api): the wake-ups that passed are fired before the klager's request by the API, as it does for every event
 * (src/modules/termijnen/achterstand.ts), with their escalation.
 */
import request from 'supertest';
import { KLOK, vasteKlok } from '../src/common/klok';
import type { IntakeInput } from '../src/machines/contract';
import { bearer } from './auth-support';
import { createTestDatabase, deleteRedisPrefix, uniqueRedisPrefix, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

const NU = new Date('2026-06-01T09:00:00Z');

let tdb: TestDatabase;
let a: EngineApp;
let auth: string;
const queuePrefix = uniqueRedisPrefix('aanbieder-na-vertrek');

beforeAll(async () => {
  tdb = await createTestDatabase('aanbieder_na_vertrek');
  a = await createEngineApp({
    databaseUrl: tdb.url,
    queuePrefix,
    regimes: 'definities',
    env: { ROLE: 'api', SWEEP_INTERVAL_MS: '600000' },
    override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(NU)),
  });
  auth = await bearer(a.app, 'GM0363', 'klachtbehandelaar');
}, 120_000);

afterAll(async () => {
  await a?.close();
  await tdb?.drop();
  await deleteRedisPrefix(queuePrefix);
});

/** A klacht about one aanbieder, received at the gemeente on 2 April 2026: Amsterdam forwards it (warme doorverwijzing). */
const intake = (aanbiederId: string): IntakeInput => ({
  gemeente: 'GM0363',
  kanaal: 'telefoon',
  ontvangenOp: '2026-04-02T10:00:00+02:00',
  ingediendBij: 'gemeente',
  soort: 'klacht',
  aanbieders: [{ id: aanbiederId, naam: aanbiederId, type: 'wmo' }],
  feiten: { complex: false, eerderBijAanbieder: false },
});

/** The request to the ombudsman, on 1 June 2026: after the aanbieder's last day (14 May 2026). */
const VERZOEK = '2026-06-01T10:00:00+02:00';

const aanbiederTermijnen = async (id: string) =>
  (await a.db.query(
    `select naam, status, verval_gemeld_op is not null as gemeld, gesloten_op as "geslotenOp"
       from termijn where klacht_id = $1 and naam in ('contact', 'aanbiederAfhandeling') order by naam, revision`,
    [id],
  )) as Array<{ naam: string; status: string; gemeld: boolean; geslotenOp: Date | null }>;

const escalaties = async (id: string) =>
  (
    (await a.db.query(`select payload from outbox where klacht_id = $1 and type = 'termijn.escalatie' order by id`, [id])) as Array<{
      payload: { naam: string; naar: string };
    }>
  ).map((r) => [r.payload.naam, r.payload.naar]);

const state = async (id: string) =>
  ((await a.db.query(`select state from klacht where id = $1`, [id])) as Array<{ state: string }>)[0].state;

describe('Klachtenprotocol Wmo keten Amsterdam §6: the aanbieder’s termijnen end when the klacht leaves it', () => {
  it.each([
    ['never took the forwarded klacht up', undefined],
    ['took the forwarded klacht up', 'AANBIEDER_NEEMT_IN_BEHANDELING'],
  ])(
    'Awb 9:24 lid 1 sub b naar analogie, Klachtenprotocol Wmo keten Amsterdam §4, §12: the aanbieder %s and let its termijn pass; the request to the ombudsman closes its passed afhandeltermijn as passed (verlopen), not left open at the aanbieder',
    async (_wat, opgepakt) => {
      const { klacht } = await a.engine.create(intake(`zorg-${opgepakt ? 'op' : 'stil'}`), { actor: 'kcc' });
      if (opgepakt) await a.engine.apply(klacht.id, { type: opgepakt, at: '2026-04-03T10:00:00+02:00' }, { actor: 'aanbieder' });
      expect(await state(klacht.id)).toBe(opgepakt ? 'bijAanbieder.inBehandeling' : 'doorgestuurdNaarAanbieder');

      const res = await request(a.http)
        .post(`/api/v1/klachten/${klacht.id}/gebeurtenissen`)
        .set('Authorization', auth)
        .send({ type: 'VERZOEK_OMBUDSMAN', at: VERZOEK });
      expect(res.status).toBe(200);
      expect(res.body.state).toMatch(/^bijOmbudsman\./);
      // Both passed before the request (contact within 5 werkdagen, the afhandeling in six weeks): fired first, in order, with
      // their escalations (the afhandeltermijn's to the Klachtenteam), on record as not met, and each closed by the request at its
      // moment: nothing of the aanbieder's stays open.
      expect(await aanbiederTermijnen(klacht.id)).toEqual([
        { naam: 'aanbiederAfhandeling', status: 'verlopen', gemeld: true, geslotenOp: new Date(VERZOEK) },
        { naam: 'contact', status: 'verlopen', gemeld: true, geslotenOp: new Date(VERZOEK) },
      ]);
      expect(await escalaties(klacht.id)).toEqual([
        ['contact', 'klachtenfunctionaris'],
        ['aanbiederAfhandeling', 'klachtenteam'],
      ]);
    },
  );
});
