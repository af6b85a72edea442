/**
 * Awb 9:11 lid 1 with 9:24 lid 1 sub b: registering an act first records every expiry that passed before it and whose
 * wake-up did not run (metWekkersBij, TermijnWakeService.verval's catch-up); whatever judges the act before it is
 * registered (the dry run EngineService.proef / 'Bekijk de gevolgen', GET /klachten/{id} volgendeEvents, the tijdlijn,
 * klacht-acties) steps the klacht the same way in memory (EngineService.alsRegistratieOp, naVerstreken). Three ways they
 * parted:
 * 1. A running termijn whose expiry already ran (the regime refused it in the state of then; the wake-up marked it fired,
 *    so the registration never fires it again) was left out of the dry run's rows, and once the dry run stepped another
 *    expiry the regime's list named it again, unfired: the dry run fired it a second time.
 * 2. The wake-up's catch-up ordered two termijnen passing at the same moment by the database's collation, the dry run by
 *    code point (verstreken-termijnen.ts): under a linguistic collation 'afhandeling' fires before 'Contact'.
 * 3. An ombudsman request (EngineService.createBij) judged its event on the hoofdklacht locked with rows read before the
 *    lock; the catch-up before a retry fired an expiry in between, and the stale rows hid the termijn it started.
 *
 * The four seed definitions take every running, unsuspended, passed termijn's expiry in every state (one root
 * transition) and do not start two termijnen on one moment that differ in case, so they do not show 1 and 2; the
 * CompiledRegime contract and the wake-up allow both (an expiry a state does not take is marked fired, names are free).
 * Small real XState regimes in the manner of test/support/test-regime.ts, served to the real service on PostgreSQL;
 * fixed dates by the injected clock; no worker runs (ROLE=api).
 */
import request from 'supertest';
import { assign, initialTransition, setup, transition, type AnyStateMachine, type SnapshotFrom } from 'xstate';
import { KLOK, vasteKlok } from '../src/common/klok';
import type { CompiledRegime, IntakeInput, KlachtEvent, StepResult, TermijnView } from '../src/machines/contract';
import { REGIME_BRON, type RegimeBron } from '../src/modules/engine/regime-bron';
import { KlachtenService } from '../src/modules/klachten/klachten.service';
import { dagVan } from '../src/modules/termijnen/termijn-tijd';
import { bearer } from './auth-support';
import { createTestDatabase, deleteRedisPrefix, sqlOp, uniqueRedisPrefix, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';
import { testTermijn } from './support/test-termijn';

const NU = new Date('2026-03-25T11:00:00+01:00');

const termijn = (naam: string, vanaf: string, dagen: number): TermijnView => testTermijn(naam, vanaf, dagen);

type Ctx = { termijnen: Record<string, TermijnView> };
type Ev = { type: string; at: string; data?: Record<string, unknown> };
const verloopt =
  (naam: string) =>
  ({ event }: { event: Ev }) =>
    event.data?.termijn === naam;
const zonder = (...namen: string[]) =>
  assign<Ctx, Ev, undefined, Ev, never>({
    termijnen: ({ context }) => Object.fromEntries(Object.entries(context.termijnen).filter(([n]) => !namen.includes(n))),
  });

/** The CompiledRegime of a machine: its list is that of its state, whatever the day (volgendeEventsOp). */
function alsRegime(gemeente: string, machine: AnyStateMachine, events: string[]): CompiledRegime {
  const resultaat = (snap: SnapshotFrom<AnyStateMachine>, accepted = true, reason?: string): StepResult => {
    const ctx = snap.context as Ctx;
    return {
      accepted,
      reason,
      snapshot: { value: snap.value, context: snap.context },
      state: String(snap.value),
      done: snap.status === 'done',
      termijnen: Object.values(ctx.termijnen),
      intents: [],
      volgendeEvents: events.filter((type) =>
        type === 'TERMIJN_VERLOPEN'
          ? Object.keys(ctx.termijnen).some((termijn) => snap.can({ type, at: '', data: { termijn } }))
          : snap.can({ type, at: '' }),
      ),
    };
  };
  const resolve = (snapshot: unknown) => machine.resolveState(snapshot as { value: string; context: Ctx });
  return {
    summary: { id: `proef-${gemeente}`, gemeente: { cbsCode: gemeente, naam: 'Testgemeente' }, versie: '1', geldigVanaf: '2000-01-01' },
    machine,
    start: (intake: IntakeInput) => resultaat(initialTransition(machine, { ontvangenOp: intake.ontvangenOp })[0]),
    step(snapshot: unknown, event: KlachtEvent): StepResult {
      const vorige = resolve(snapshot);
      const ev: Ev = { type: event.type, at: event.at, data: event.data };
      if (!vorige.can(ev)) return resultaat(vorige, false, `In de toestand "${String(vorige.value)}" kan ${event.type} niet.`);
      return resultaat(transition(machine, vorige, ev)[0]);
    },
    volgendeEventsOp: (snapshot: unknown) => resultaat(resolve(snapshot)).volgendeEvents,
  };
}

const start = (input: { ontvangenOp: string }) => dagVan(new Date(input.ontvangenOp));

/**
 * 1. `contact` (5 days) passes in `wacht`, which does not take its expiry (refused: the wake-up marks it fired, the row
 * stays running); `afhandeling` (10 days) passing opens the klacht for AFDOEN, in `open`, where contact's expiry would
 * close it instead.
 */
const EENMAAL = 'GM9991';
const eenmaal = setup({
  types: { context: {} as Ctx, events: {} as Ev, input: {} as { ontvangenOp: string } },
  guards: { contact: verloopt('contact'), afhandeling: verloopt('afhandeling') },
}).createMachine({
  id: 'eenmaal',
  initial: 'wacht',
  context: ({ input }) => ({
    termijnen: { contact: termijn('contact', start(input), 5), afhandeling: termijn('afhandeling', start(input), 10) },
  }),
  states: {
    wacht: { on: { TERMIJN_VERLOPEN: { guard: 'afhandeling', target: 'open', actions: zonder('afhandeling') } } },
    open: {
      on: {
        TERMIJN_VERLOPEN: { guard: 'contact', target: 'gesloten', actions: zonder('contact') },
        AFDOEN: { target: 'afgedaan', actions: zonder('contact', 'afhandeling') },
      },
    },
    gesloten: {},
    afgedaan: { type: 'final' },
  },
});

/** 2. `Contact` and `afhandeling` pass at the same moment; the first to fire decides whether AFDOEN is taken after. */
const GELIJK = 'GM9992';
const gelijk = setup({
  types: { context: {} as Ctx, events: {} as Ev, input: {} as { ontvangenOp: string } },
  guards: { contact: verloopt('Contact'), afhandeling: verloopt('afhandeling') },
}).createMachine({
  id: 'gelijk',
  initial: 'wacht',
  context: ({ input }) => ({
    termijnen: { Contact: termijn('Contact', start(input), 5), afhandeling: termijn('afhandeling', start(input), 5) },
  }),
  states: {
    wacht: {
      on: {
        TERMIJN_VERLOPEN: [
          { guard: 'contact', target: 'viaContact', actions: zonder('Contact') },
          { guard: 'afhandeling', target: 'viaAfhandeling', actions: zonder('afhandeling') },
        ],
      },
    },
    viaContact: {
      on: {
        TERMIJN_VERLOPEN: { guard: 'afhandeling', actions: zonder('afhandeling') },
        AFDOEN: { target: 'afgedaan' },
      },
    },
    viaAfhandeling: { on: { TERMIJN_VERLOPEN: { guard: 'contact', actions: zonder('Contact') } } },
    afgedaan: { type: 'final' },
  },
});

/**
 * 3. Three schakels of a week, each started by the previous one's expiry; only after the last (`klaar`) does the klacht
 * take the ombudsman's informatievraag (Awb 9:31).
 */
const KETEN = 'GM9993';
const keten = setup({
  types: { context: {} as Ctx, events: {} as Ev, input: {} as { ontvangenOp: string } },
  guards: {
    laatste: verloopt('schakel3'),
    lopend: ({ context, event }) => typeof event.data?.termijn === 'string' && event.data.termijn in context.termijnen,
  },
}).createMachine({
  id: 'keten',
  initial: 'keten',
  context: ({ input }) => ({ termijnen: { schakel1: termijn('schakel1', start(input), 7) } }),
  states: {
    keten: {
      on: {
        TERMIJN_VERLOPEN: [
          { guard: 'laatste', target: 'klaar', actions: assign({ termijnen: () => ({}) }) },
          {
            guard: 'lopend',
            actions: assign({
              termijnen: ({ context }) => {
                const [t] = Object.values(context.termijnen);
                const n = Number(t.naam.slice('schakel'.length)) + 1;
                return { [`schakel${n}`]: termijn(`schakel${n}`, t.vervaldatum, 7) };
              },
            }),
          },
        ],
      },
    },
    // Recorded, nothing else (an action: XState takes no transition that neither moves nor acts).
    klaar: { on: { OMBUDSMAN_INFORMATIEVRAAG: { actions: zonder() } } },
  },
});

const regimes = [
  alsRegime(EENMAAL, eenmaal, ['TERMIJN_VERLOPEN', 'AFDOEN']),
  alsRegime(GELIJK, gelijk, ['TERMIJN_VERLOPEN', 'AFDOEN']),
  alsRegime(KETEN, keten, ['TERMIJN_VERLOPEN', 'OMBUDSMAN_INFORMATIEVRAAG']),
];
const bron: RegimeBron = {
  forGemeente: (cbs) => regimes.find((r) => r.summary.gemeente.cbsCode === cbs),
  byId: (id, versie) => regimes.find((r) => r.summary.id === id && r.summary.versie === versie),
};

let tdb: TestDatabase;
let a: EngineApp;
const queuePrefix = uniqueRedisPrefix('proef-gevuurd');

beforeAll(async () => {
  tdb = await createTestDatabase('proef_gevuurd');
  // Termijn names sorting linguistically, as in a cluster initialised with nl_NL.UTF-8 or en_US.utf8 (the usual image
  // default; the test server's is C): before the app starts, whose connections prepare their statements on the table.
  await sqlOp(tdb.url, `alter table termijn alter column naam type varchar(100) collate "und-x-icu"`);
  a = await createEngineApp({
    databaseUrl: tdb.url,
    queuePrefix,
    regimes: 'definities',
    env: { ROLE: 'api', SWEEP_INTERVAL_MS: '600000' },
    override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(NU)).overrideProvider(REGIME_BRON).useValue(bron),
  });
}, 120_000);

afterAll(async () => {
  await a?.close();
  await tdb?.drop();
  await deleteRedisPrefix(queuePrefix);
});

async function nieuw(gemeente: string, ontvangenOp: string): Promise<string> {
  const { klacht } = await a.engine.create(
    { gemeente, kanaal: 'brief', ontvangenOp, ingediendBij: 'gemeente', soort: 'klacht', aanbieders: [], feiten: {} },
    { actor: 'kcc' },
  );
  return klacht.id;
}

const historie = async (id: string) =>
  (
    (await a.db.query(`select type, payload from klacht_gebeurtenis where klacht_id = $1 and accepted order by id`, [id])) as Array<{
      type: string;
      payload: { termijn?: string } | null;
    }>
  ).map((g) => (g.type === 'TERMIJN_VERLOPEN' ? `${g.type}:${g.payload?.termijn}` : g.type));

/** What the dry run says of AFDOEN now, and what GET /klachten/{id} offers. */
async function proef(id: string): Promise<{ proef: string; aangeboden: boolean }> {
  const uitkomst = await a.engine.proef(id, { type: 'AFDOEN', at: NU.toISOString() }, { actor: 'behandelaar' }).then(
    (r) => `aanvaard: ${r.result.state}`,
    (e: Error) => `geweigerd: ${e.message}`,
  );
  const detail = await a.app.get(KlachtenService, { strict: false }).detail(id);
  return { proef: uitkomst, aangeboden: detail.volgendeEvents.some((e) => e.type === 'AFDOEN') };
}

/** What the registration of AFDOEN now does. */
const registreer = (id: string) =>
  a.app
    .get(KlachtenService, { strict: false })
    .gebeurtenis(id, { type: 'AFDOEN' }, 'behandelaar')
    .then(
      (d) => `aanvaard: ${d.state}`,
      (e: Error) => `geweigerd: ${e.message}`,
    );

describe('Awb 9:11 lid 1 with 9:24 lid 1 sub b: the dry run steps the expiries before an act as its registration does', () => {
  it('Awb 9:11 lid 1: a termijn whose expiry already ran (refused in the state of then) is not fired again by the dry run after another expiry', async () => {
    const id = await nieuw(EENMAAL, '2026-03-10T10:00:00+01:00');
    const [contact] = (await a.db.query(`select revision from termijn where klacht_id = $1 and naam = 'contact'`, [id])) as Array<{
      revision: number;
    }>;
    // Contact's last day (15 March) passed; its wake-up runs the next morning, in `wacht`, which does not take it.
    const gewekt = await a.wake.verval(
      { klachtId: id, termijnNaam: 'contact', revision: contact.revision, kind: 'verval' },
      new Date('2026-03-16T09:00:00+01:00'),
    );
    expect(gewekt).toBe('verwerkt');
    const [rij] = (await a.db.query(
      `select status, verval_gemeld_op is not null as gevuurd from termijn where klacht_id = $1 and naam = 'contact'`,
      [id],
    )) as Array<{ status: string; gevuurd: boolean }>;
    expect(rij).toEqual({ status: 'lopend', gevuurd: true });
    // The afhandeltermijn passed at midnight after 20 March; no wake-up ran for it.
    const dryRun = await proef(id);
    const echt = await registreer(id);
    expect(echt).toBe('aanvaard: afgedaan');
    expect(dryRun).toEqual({ proef: echt, aangeboden: true });
    // The registration fired the afhandeltermijn only: contact's expiry ran once, in `wacht`.
    expect(await historie(id)).toEqual(['KLACHT_ONTVANGEN', 'TERMIJN_VERLOPEN:afhandeling', 'AFDOEN']);
  });

  it('Awb 9:11 lid 1: two termijnen passing at the same moment fire in code-point order of their names, as the dry run steps them, whatever the database collation', async () => {
    // The names sort linguistically here (beforeAll): 'afhandeling' before 'Contact', 'Contact' first by code point.
    const [kolom] = (await a.db.query(
      `select attcollation::regcollation::text as collatie, 'afhandeling' < 'Contact' collate "und-x-icu" as voor
         from pg_attribute where attrelid = 'termijn'::regclass and attname = 'naam'`,
    )) as Array<{ collatie: string; voor: boolean }>;
    expect(kolom).toEqual({ collatie: '"und-x-icu"', voor: true });
    const id = await nieuw(GELIJK, '2026-03-10T10:00:00+01:00');
    const dryRun = await proef(id);
    const echt = await registreer(id);
    expect(dryRun).toEqual({ proef: 'aanvaard: afgedaan', aangeboden: true });
    expect(echt).toBe(dryRun.proef);
    expect(await historie(id)).toEqual(['KLACHT_ONTVANGEN', 'TERMIJN_VERLOPEN:Contact', 'TERMIJN_VERLOPEN:afhandeling', 'AFDOEN']);
  });

  it('Awb 9:31 with 9:11 lid 1: an ombudsman request after a chain of expiries nobody fired judges its event on the hoofdklacht with the rows read under its lock, and records it after the whole chain', async () => {
    // Schakels end 9, 16 and 23 March; the request comes on 25 March.
    const id = await nieuw(KETEN, '2026-03-02T10:00:00+01:00');
    const res = await request(a.http)
      .post(`/api/v1/klachten/${id}/ombudsman-verzoeken`)
      .set('Authorization', await bearer(a.app, KETEN, 'klachtbehandelaar'))
      .send({ soort: 'informatievraag', ontvangenOp: '2026-03-25T09:00:00+01:00' });
    expect(res.status).toBe(201);
    expect(res.body.gebeurtenisHoofdKlacht).toBe('OMBUDSMAN_INFORMATIEVRAAG');
    expect(await historie(id)).toEqual([
      'KLACHT_ONTVANGEN',
      'TERMIJN_VERLOPEN:schakel1',
      'TERMIJN_VERLOPEN:schakel2',
      'TERMIJN_VERLOPEN:schakel3',
      'OMBUDSMAN_INFORMATIEVRAAG',
    ]);
  });
});
