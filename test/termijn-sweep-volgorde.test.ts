/**
 * Awb 9:11 lid 1 (a termijn passes on its own day, whoever fires it): the sweep, the safety net under the queue, hands
 * over the wake-ups of termijnen that passed at the same moment in the order the wake-up's catch-up fires them: by name
 * in code-point order (verval-volgorde.ts, COLLATE "C"), not in the database's collation. Before, the sweep ordered by
 * name in the database's collation and the catch-up by code point, so on a cluster initialised with nl_NL.UTF-8 the sweep
 * delivered 'afhandeling' before 'Contact' while the catch-up fires 'Contact' first.
 *
 * A database of its own created with a Dutch ICU collation (as a cluster initialised with nl_NL.UTF-8; the test server's
 * is C), migrated as test/support/database.ts does; a small real XState regime on the CompiledRegime contract (as
 * test/support/test-regime.ts) whose two termijnen differ in case; the service's clock injected (KLOK); no worker runs
 * (ROLE=api): the test runs the sweep itself.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { assign, initialTransition, setup, transition, type SnapshotFrom } from 'xstate';
import { KLOK, vasteKlok } from '../src/common/klok';
import { createDataSource } from '../src/database/data-source-options';
import { runMigrationsLocked } from '../src/database/run-migrations';
import type { CompiledRegime, IntakeInput, KlachtEvent, StepResult, TermijnView } from '../src/machines/contract';
import { REGIME_BRON, type RegimeBron } from '../src/modules/engine/regime-bron';
import { dagVan } from '../src/modules/termijnen/termijn-tijd';
import { TermijnSweep } from '../src/modules/termijnen/termijn-sweep.service';
import { queryKlachtenInState } from '../src/modules/reports/rapportage.repository';
import { WerkvoorraadService } from '../src/modules/web/werkvoorraad.service';
import { deleteRedisPrefix, testDatabaseServerUrl, uniqueRedisPrefix } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';
import { testTermijn } from './support/test-termijn';

const NU = new Date('2026-03-25T11:00:00+01:00');
const GEMEENTE = 'GM9994';

const termijn = (naam: string, vanaf: string, dagen: number): TermijnView => testTermijn(naam, vanaf, dagen);

type Ctx = { termijnen: Record<string, TermijnView> };
type Ev = { type: string; at: string; data?: Record<string, unknown> };
const zonder = (naam: string) =>
  assign<Ctx, Ev, undefined, Ev, never>({
    termijnen: ({ context }) => Object.fromEntries(Object.entries(context.termijnen).filter(([n]) => n !== naam)),
  });

/** `Contact` and `afhandeling` pass at the same moment; each expiry is taken, in whatever order it comes. */
const machine = setup({
  types: { context: {} as Ctx, events: {} as Ev, input: {} as { ontvangenOp: string } },
  guards: {
    contact: ({ event }) => event.data?.termijn === 'Contact',
    afhandeling: ({ event }) => event.data?.termijn === 'afhandeling',
  },
}).createMachine({
  id: 'gelijk',
  initial: 'loopt',
  context: ({ input }) => {
    const start = dagVan(new Date(input.ontvangenOp));
    return { termijnen: { Contact: termijn('Contact', start, 5), afhandeling: termijn('afhandeling', start, 5) } };
  },
  states: {
    loopt: {
      on: {
        TERMIJN_VERLOPEN: [
          { guard: 'contact', actions: zonder('Contact') },
          { guard: 'afhandeling', actions: zonder('afhandeling') },
        ],
      },
    },
  },
});

const resultaat = (snap: SnapshotFrom<typeof machine>, accepted = true, reason?: string): StepResult => ({
  accepted,
  reason,
  snapshot: { value: snap.value, context: snap.context },
  state: String(snap.value),
  done: snap.status === 'done',
  termijnen: Object.values(snap.context.termijnen),
  intents: [],
  volgendeEvents: Object.keys(snap.context.termijnen).length > 0 ? ['TERMIJN_VERLOPEN'] : [],
});
const resolve = (snapshot: unknown) => machine.resolveState(snapshot as { value: string; context: Ctx });
const regime: CompiledRegime = {
  summary: { id: 'sweep-volgorde', gemeente: { cbsCode: GEMEENTE, naam: 'Testgemeente' }, versie: '1', geldigVanaf: '2000-01-01' },
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
const bron: RegimeBron = {
  forGemeente: (cbs) => (cbs === GEMEENTE ? regime : undefined),
  byId: (id, versie) => (id === regime.summary.id && versie === regime.summary.versie ? regime : undefined),
};

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: testDatabaseServerUrl() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const naam = `kr_sweep_volgorde_${randomBytes(4).toString('hex')}`;
const url = (() => {
  const u = new URL(testDatabaseServerUrl());
  u.pathname = `/${naam}`;
  return u.toString();
})();
const queuePrefix = uniqueRedisPrefix('sweep-volgorde');
let a: EngineApp;

beforeAll(async () => {
  // Dutch collation for every text column, as in a cluster initialised with nl_NL.UTF-8 (the ICU locale of PostgreSQL 15+).
  await admin((c) =>
    c.query(`create database ${c.escapeIdentifier(naam)} template template0 locale_provider icu icu_locale 'nl-NL' locale 'C.UTF-8'`),
  );
  const ds = createDataSource({ url, poolSize: 2, applicationName: 'klachtregie-test-migrations' });
  await ds.initialize();
  try {
    await runMigrationsLocked(ds);
  } finally {
    await ds.destroy();
  }
  a = await createEngineApp({
    databaseUrl: url,
    queuePrefix,
    regimes: 'definities',
    env: { ROLE: 'api', SWEEP_INTERVAL_MS: '600000' },
    override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(NU)).overrideProvider(REGIME_BRON).useValue(bron),
  });
}, 120_000);

afterAll(async () => {
  await a?.close();
  await admin((c) => c.query(`drop database if exists ${c.escapeIdentifier(naam)} with (force)`));
  await deleteRedisPrefix(queuePrefix);
});

it('Awb 9:11 lid 1: the sweep hands over the wake-ups of termijnen passing at the same moment in the order the wake-up fires them (code point), under a Dutch database collation', async () => {
  // The precondition: the database sorts the names linguistically, 'afhandeling' before 'Contact'.
  const [sortering] = (await a.db.query(
    `select array_agg(n order by n) as taal, array_agg(n order by n collate "C") as codepunt from unnest(array['Contact', 'afhandeling']) n`,
  )) as Array<{ taal: string[]; codepunt: string[] }>;
  expect(sortering).toEqual({ taal: ['afhandeling', 'Contact'], codepunt: ['Contact', 'afhandeling'] });

  // Received 10 March: both termijnen pass at the end of 15 March; no wake-up ran (no worker).
  const { klacht } = await a.engine.create(
    {
      gemeente: GEMEENTE,
      kanaal: 'brief',
      ontvangenOp: '2026-03-10T10:00:00+01:00',
      ingediendBij: 'gemeente',
      soort: 'klacht',
      aanbieders: [],
      feiten: {},
    },
    { actor: 'kcc' },
  );
  const verval = jest.spyOn(a.wake, 'verval');
  try {
    await new TermijnSweep(a.config, a.db, a.wake, a.scheduler, a.relay, vasteKlok(NU)).sweepOnce(NU);
    const afgeleverd = await Promise.all(
      verval.mock.calls.map(async ([job], i) => `${job.termijnNaam}: ${await verval.mock.results[i].value}`),
    );
    const gevuurd = (
      (await a.db.query(
        `select payload->>'termijn' as termijn from klacht_gebeurtenis where klacht_id = $1 and type = 'TERMIJN_VERLOPEN' order by id`,
        [klacht.id],
      )) as Array<{ termijn: string }>
    ).map((g) => g.termijn);
    // The catch-up of the first wake-up fires both, 'Contact' first; the second wake-up finds its termijn fired.
    expect(gevuurd).toEqual(['Contact', 'afhandeling']);
    expect(afgeleverd).toEqual(['Contact: verwerkt', 'afhandeling: stale']);
  } finally {
    verval.mockRestore();
  }
});

it('One meaning, one place (te-laat.ts eersteOpenVerplichting): the werkvoorraad and the klachten of a diagram state name the same first open obligation of termijnen falling due at the same moment, by code point as the wake-ups fire them, under a Dutch database collation', async () => {
  // Received 24 March: both termijnen run to the end of 29 March, open at NU (25 March).
  const { klacht } = await a.engine.create(
    {
      gemeente: GEMEENTE,
      kanaal: 'brief',
      ontvangenOp: '2026-03-24T10:00:00+01:00',
      ingediendBij: 'gemeente',
      soort: 'klacht',
      aanbieders: [],
      feiten: {},
    },
    { actor: 'kcc' },
  );
  const inState = await queryKlachtenInState(a.db, [GEMEENTE], regime.summary.id, regime.summary.versie, 'loopt', NU);
  const lijst = await a.app.get(WerkvoorraadService).lijst({ gemeente: GEMEENTE, rol: 'klachtbehandelaar', subject: 'test' }, {}, NU);
  expect({
    diagram: inState.find((k) => k.id === klacht.id)?.termijn,
    werkvoorraad: lijst.resultaten.find((k) => k.id === klacht.id)?.eersteTermijn?.label,
  }).toEqual({ diagram: 'Contact (test)', werkvoorraad: 'Contact (test)' });
});
