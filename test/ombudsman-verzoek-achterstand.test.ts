/**
 * Awb 9:20 lid 1 with 9:24 lid 1 sub b: once the afhandeltermijn has passed without an afdoening, the internal handling
 * no longer stands in the ombudsman's way, and what the ombudsman asks about the klacht (an informatievraag, Awb 9:31) is
 * recorded on it. A request of the ombudsman is filed as a klacht of its own together with its event on the hoofdklacht
 * (POST /klachten/{id}/ombudsman-verzoeken: KlachtenService.intakeBij, EngineService.createBij, one transaction). Whether
 * the worker has run the expiry's wake-up yet must not change that: the wake-up runs first (its expiry, history row and
 * escalation), then the request with its event, as on the plain events path (test/wekker-achterstand.test.ts).
 *
 * The seed definitions have no state in which the ombudsman's request waits on a termijn's expiry (their second line
 * opens for the klager's own VERZOEK_OMBUDSMAN, which that test covers), so this test runs on a small real XState regime
 * of its own, in the manner of test/support/test-regime.ts: at the gemeente with an Awb 9:11 termijn; its expiry opens
 * the second line (Awb 9:24 lid 1 sub b), and the list of events is that of its state, whatever the day, as the seed
 * regimes' list after the afhandeltermijn (their second line opens by the expiry's step, not by a day guard): so whether
 * the request's event is offered is judged on the hoofdklacht as the registration will step it, after the expiry
 * (EngineService.alsRegistratieOp), not as stored. Fixed dates by the injected clock; no worker runs (ROLE=api).
 */
import request from 'supertest';
import { assign, initialTransition, setup, transition, type SnapshotFrom } from 'xstate';
import { KLOK, vasteKlok } from '../src/common/klok';
import type { CompiledRegime, IntakeInput, KlachtEvent, StepResult, TermijnView } from '../src/machines/contract';
import { REGIME_BRON, type RegimeBron } from '../src/modules/engine/regime-bron';
import { dagVan } from '../src/modules/termijnen/termijn-tijd';
import { bearer } from './auth-support';
import { createTestDatabase, deleteRedisPrefix, uniqueRedisPrefix, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';
import { plusDagen } from './support/test-termijn';

const GEMEENTE = 'GM9999';
const NU = new Date('2026-06-01T10:00:00+02:00');

/** Awb 9:11 lid 1: six weeks from the receipt. */
function afhandeling(ontvangen: string): TermijnView {
  const vervaldatum = plusDagen(ontvangen, 42);
  return {
    naam: 'afhandeling',
    label: 'Afhandeltermijn',
    vervaldatum,
    uitleg: [`zes weken na ontvangst ${ontvangen} = ${vervaldatum}`],
    herinneringen: [],
    escalatieNaar: 'leidinggevende',
    grondslag: 'Awb 9:11 lid 1',
    mutaties: [],
  };
}

type Ctx = { termijnen: Record<string, TermijnView>; intents: StepResult['intents'] };
type Ev = { type: string; at: string; data?: Record<string, unknown> };

const machine = setup({
  types: { context: {} as Ctx, events: {} as Ev, input: {} as { ontvangenOp: string } },
  guards: { afhandelingVerlopen: ({ event }) => event.data?.termijn === 'afhandeling' },
}).createMachine({
  id: 'ombudsman-achterstand',
  initial: 'inBehandeling',
  context: ({ input }) => ({ termijnen: { afhandeling: afhandeling(dagVan(new Date(input.ontvangenOp))) }, intents: [] }),
  states: {
    inBehandeling: {
      on: {
        // Awb 9:24 lid 1 sub b: the termijn passed without an afdoening; the second line is open.
        TERMIJN_VERLOPEN: {
          guard: 'afhandelingVerlopen',
          target: 'tweedeLijnOpen',
          actions: assign({ termijnen: () => ({}), intents: () => [] }),
        },
      },
    },
    tweedeLijnOpen: {
      on: {
        // Awb 9:31: the loket answers the ombudsman's question (the task is in the request's own klacht).
        OMBUDSMAN_INFORMATIEVRAAG: { actions: assign({ intents: () => [] }) },
      },
    },
  },
});

type Snap = SnapshotFrom<typeof machine>;
const EVENTS = ['TERMIJN_VERLOPEN', 'OMBUDSMAN_INFORMATIEVRAAG'];

function resultaat(snap: Snap, accepted = true, reason?: string): StepResult {
  return {
    accepted,
    reason,
    snapshot: { value: snap.value, context: snap.context },
    state: String(snap.value),
    done: false,
    termijnen: Object.values(snap.context.termijnen),
    intents: accepted ? snap.context.intents : [],
    volgendeEvents: EVENTS.filter((type) => snap.can({ type, at: '', data: { termijn: 'afhandeling' } })),
  };
}

const regime: CompiledRegime = {
  summary: { id: 'ombudsman-achterstand', gemeente: { cbsCode: GEMEENTE, naam: 'Testgemeente' }, versie: '1', geldigVanaf: '2000-01-01' },
  machine,
  start: (intake: IntakeInput) => resultaat(initialTransition(machine, { ontvangenOp: intake.ontvangenOp })[0]),
  step(snapshot: unknown, event: KlachtEvent): StepResult {
    const vorige = machine.resolveState(snapshot as { value: string; context: Ctx });
    const ev: Ev = { type: event.type, at: event.at, data: event.data };
    if (!vorige.can(ev)) return resultaat(vorige, false, `In de toestand "${String(vorige.value)}" kan ${event.type} niet.`);
    return resultaat(transition(machine, vorige, ev)[0]);
  },
  // The list of its state, whatever the day: the second line opens by the expiry's step (Awb 9:24 lid 1 sub b).
  volgendeEventsOp: (snapshot: unknown) => resultaat(machine.resolveState(snapshot as { value: string; context: Ctx })).volgendeEvents,
};

const bron: RegimeBron = {
  forGemeente: (cbs) => (cbs === GEMEENTE ? regime : undefined),
  byId: (id, versie) => (id === regime.summary.id && versie === regime.summary.versie ? regime : undefined),
};

let tdb: TestDatabase;
let a: EngineApp;
let behandelaar: string;
const queuePrefix = uniqueRedisPrefix('ombudsman-achterstand');

beforeAll(async () => {
  tdb = await createTestDatabase('ombudsman_achterstand');
  a = await createEngineApp({
    databaseUrl: tdb.url,
    queuePrefix,
    regimes: 'definities',
    env: { ROLE: 'api', SWEEP_INTERVAL_MS: '600000' },
    override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(NU)).overrideProvider(REGIME_BRON).useValue(bron),
  });
  behandelaar = await bearer(a.app, GEMEENTE, 'klachtbehandelaar');
}, 120_000);

afterAll(async () => {
  await a?.close();
  await tdb?.drop();
  await deleteRedisPrefix(queuePrefix);
});

/** A klacht received on 2 April 2026 and not afgedaan: its afhandeltermijn ends 14 May (due at midnight); no wake-up ran. */
async function hoofdklacht(): Promise<{ id: string; revision: number }> {
  const { klacht } = await a.engine.create(
    {
      gemeente: GEMEENTE,
      kanaal: 'brief',
      ontvangenOp: '2026-04-02T10:00:00+02:00',
      ingediendBij: 'gemeente',
      soort: 'klacht',
      aanbieders: [],
      feiten: {},
    },
    { actor: 'kcc' },
  );
  const [t] = (await a.db.query(
    `select revision, vervaldatum::text as vervaldatum, verval_gemeld_op from termijn where klacht_id = $1 and naam = 'afhandeling'`,
    [klacht.id],
  )) as Array<{ revision: number; vervaldatum: string; verval_gemeld_op: Date | null }>;
  expect(t).toMatchObject({ vervaldatum: '2026-05-14', verval_gemeld_op: null });
  return { id: klacht.id, revision: t.revision };
}

const rij = async (id: string) =>
  (await a.db.query(
    `select status, verval_gemeld_op is not null as gemeld from termijn where klacht_id = $1 and naam = 'afhandeling' order by revision`,
    [id],
  )) as Array<{ status: string; gemeld: boolean }>;

const historie = async (id: string) =>
  (
    (await a.db.query(`select type, payload from klacht_gebeurtenis where klacht_id = $1 and accepted order by id`, [id])) as Array<{
      type: string;
      payload: { termijn?: string } | null;
    }>
  ).map((g) => (g.type === 'TERMIJN_VERLOPEN' ? `${g.type}:${g.payload?.termijn}` : g.type));

const escalaties = async (id: string) =>
  (
    (await a.db.query(`select payload from outbox where klacht_id = $1 and type = 'termijn.escalatie' order by id`, [id])) as Array<{
      payload: { naam: string; naar: string; at: string };
    }>
  ).map((r) => ({ naam: r.payload.naam, naar: r.payload.naar, at: r.payload.at }));

const informatievraag = (hoofd: string, ontvangenOp: string) =>
  request(a.http)
    .post(`/api/v1/klachten/${hoofd}/ombudsman-verzoeken`)
    .set('Authorization', behandelaar)
    .send({ soort: 'informatievraag', ontvangenOp });

describe('Awb 9:20 lid 1 with 9:24 lid 1 sub b: an ombudsman request (createBij) sees the termijn that passed before its receipt, whether or not the worker ran its wake-up', () => {
  it("Awb 9:24 lid 1 sub b, Awb 9:31: the ombudsman's informatievraag received after the afhandeltermijn passed, before the worker fired the wake-up, is recorded on the klacht after the expiry, which is escalated", async () => {
    const { id, revision } = await hoofdklacht();
    const res = await informatievraag(id, '2026-05-20T10:00:00+02:00');
    expect(res.status).toBe(201);
    expect(res.body.gebeurtenisHoofdKlacht).toBe('OMBUDSMAN_INFORMATIEVRAAG');
    // The expiry first, at its own moment, then the request's event; the termijn passed as its wake-up writes it.
    const h = await historie(id);
    expect(h.slice(-2)).toEqual(['TERMIJN_VERLOPEN:afhandeling', 'OMBUDSMAN_INFORMATIEVRAAG']);
    expect(await rij(id)).toEqual([{ status: 'verlopen', gemeld: true }]);
    expect(await escalaties(id)).toEqual([{ naam: 'afhandeling', naar: 'leidinggevende', at: '2026-05-14T22:00:00.000Z' }]);
    // The request is a klacht of its own, linked to the hoofdklacht.
    const [link] = (await a.db.query(`select hoofd_klacht_id as hoofd from klacht_koppeling where klacht_id = $1`, [
      res.body.klachtId,
    ])) as Array<{
      hoofd: string;
    }>;
    expect(link.hoofd).toBe(id);
    // The worker's wake-up, when it comes, finds the termijn fired and does nothing.
    expect(await a.wake.verval({ klachtId: id, termijnNaam: 'afhandeling', revision, kind: 'verval' }, NU)).toBe('stale');
    expect(await historie(id)).toEqual(h);
  });

  it('Awb 9:11 lid 1: a request received on the termijn’s last day finds the internal handling still running: filed as a klacht of its own, the hoofdklacht unchanged and no expiry fired', async () => {
    const { id } = await hoofdklacht();
    const voor = await historie(id);
    const res = await informatievraag(id, '2026-05-14T16:00:00+02:00');
    expect(res.status).toBe(201);
    expect(res.body.gebeurtenisHoofdKlacht).toBeNull();
    expect(await historie(id)).toEqual(voor);
    expect(await rij(id)).toEqual([{ status: 'lopend', gemeld: false }]);
    expect(await escalaties(id)).toEqual([]);
  });
});
