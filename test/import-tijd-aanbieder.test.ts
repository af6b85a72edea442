/**
 * Klachtenprotocol Wmo keten Amsterdam §6 (the ketenpartner's six weeks), §9 (contract end), with Awb 9:11 and 9:24 lid 1
 * sub b naar analogie: a klacht imported with its history (docs/import.md) ends where the live engine would have put it.
 * An aanbieder termijn that passed before the import, or between two of its historic events, passes at its own moment:
 * TERMIJN_VERLOPEN in the history, the termijn 'verlopen', the escalation to the gemeente and the webhooks in the outbox,
 * exactly as for the same klacht registered live (the worker firing every expiry on time), and as for one registered late
 * through the API (the engine's catch-up before each event). Reminders of the past are not sent afterwards, as for the late
 * registration (docs/import.md). Real PostgreSQL, the repository's definitions, Weesp across
 * the herindeling into Amsterdam (Wet arhi art. 40 e.v., 24 March 2022).
 */
import { KLOK } from '../src/common/klok';
import { ImportService } from '../src/modules/import/import.service';
import { KlachtenService } from '../src/modules/klachten/klachten.service';
import { TermijnWakeService } from '../src/modules/termijnen/termijn-wake.service';
import { createTestApp, createTestDatabase, sqlOp, type TestApp, type TestDatabase } from './support';
import { verschuifbareKlok } from './support/verschuifbare-klok';
import { aanbiederKlacht, importVergelijking, type Gebeurtenis } from './support/import-vergelijking';

/** The day of the import: every termijn of these klachten has passed or ended by then. */
const NU = new Date('2024-09-02T10:00:00+02:00');
const klok = verschuifbareKlok(NU);
let db: TestDatabase;
let t: TestApp;
let imports: ImportService;
let klachten: KlachtenService;
let wake: TermijnWakeService;
const sql = <T = Record<string, unknown>>(q: string, p: unknown[] = []) => sqlOp<T>(db.url, q, p);

beforeAll(async () => {
  db = await createTestDatabase('import_tijd_aanbieder');
  t = await createTestApp({
    databaseUrl: db.url,
    postgresQueue: true,
    // No worker or sweep: each path below fires its wake-ups itself, at the moment it names.
    env: { ROLE: 'api', SWEEP_INTERVAL_MS: '600000' },
    override: (b) => b.overrideProvider(KLOK).useValue(klok),
  });
  imports = t.app.get(ImportService);
  klachten = t.app.get(KlachtenService, { strict: false });
  wake = t.app.get(TermijnWakeService, { strict: false });
}, 120_000);
afterAll(async () => {
  await t?.close();
  await db?.drop();
});

const { live, importeer, beeld } = importVergelijking(() => ({ t, imports, klachten, wake, sql }), klok, NU);

const AMSTERDAM = aanbiederKlacht('GM0363', '2024-03-04T10:00:00+01:00');
/** Weesp, three weeks before it went into Amsterdam: its six weeks end after the herindeling. */
const WEESP = aanbiederKlacht('GM0457', '2022-03-01T10:00:00+01:00');

const GEVALLEN: Array<[string, Record<string, unknown>, Gebeurtenis[], string[]]> = [
  [
    'Klachtenprotocol Wmo keten Amsterdam §6: the six weeks passed before the import, with nothing after the intake: the termijn passes with its escalation to the Klachtenteam',
    AMSTERDAM,
    [],
    ['termijn.escalatie contact klachtenfunctionaris', 'termijn.escalatie aanbiederAfhandeling klachtenteam'],
  ],
  [
    'Awb 9:24 lid 1 sub b naar analogie: the six weeks passed between the intake and the request to the ombudsman: first the expiry and its escalation, then the request',
    AMSTERDAM,
    [{ type: 'VERZOEK_OMBUDSMAN', at: '2024-05-01T10:00:00+02:00' }],
    ['termijn.escalatie aanbiederAfhandeling klachtenteam'],
  ],
  [
    'Klachtenprotocol Wmo keten Amsterdam §9: the contract ends after the six weeks passed: the termijn passed (escalated, verlopen), then the gemeente takes the klacht over',
    AMSTERDAM,
    [{ type: 'AANBIEDER_CONTRACT_BEEINDIGD', at: '2024-05-01T10:00:00+02:00' }],
    ['termijn.escalatie aanbiederAfhandeling klachtenteam'],
  ],
  [
    'Awb 9:11 lid 2 naar analogie: a verdaging in the history moves the six weeks by four, and the termijn passes on the later day',
    AMSTERDAM,
    [
      { type: 'CONTACT_OPGENOMEN', at: '2024-03-05T10:00:00+01:00' },
      { type: 'VERDAGEN', at: '2024-04-10T10:00:00+02:00', data: { termijn: 'aanbiederAfhandeling', duur: 'P4W' } },
      { type: 'VERZOEK_OMBUDSMAN', at: '2024-05-20T10:00:00+02:00' },
    ],
    ['termijn.escalatie aanbiederAfhandeling klachtenteam'],
  ],
  [
    'Wet arhi art. 40: a Weesp klacht whose aanbieder termijn passed after the herindeling, imported by Amsterdam: it passes with its escalation, then the klager goes to the gemeente',
    WEESP,
    [{ type: 'KLACHT_BIJ_GEMEENTE', at: '2022-05-01T10:00:00+02:00' }],
    ['termijn.escalatie aanbiederAfhandeling beleidsafdeling'],
  ],
];

describe('Klachtenprotocol Wmo keten Amsterdam §6, §9: an imported klacht ends where the live engine would have put it', () => {
  for (const [naam, intake, events, escalaties] of GEVALLEN) {
    it(
      naam,
      async () => {
        const extern = `AANB-${GEVALLEN.findIndex((g) => g[0] === naam)}`;
        const opTijd = await beeld(await live(intake, events, true));
        const laat = await beeld(await live(intake, events, false));
        const geimporteerd = await beeld(await importeer(extern, intake, events));
        // The escalations are there (the outbox's lines name type, termijn, to whom and when)...
        for (const e of escalaties) expect(geimporteerd.outbox.some((o) => o.startsWith(`${e} `))).toBe(true);
        expect(geimporteerd.historie.filter((h) => h.startsWith('TERMIJN_VERLOPEN')).length).toBeGreaterThan(0);
        // ...and the whole klacht is the live one: state, termijn outcomes, history and outbox.
        expect(geimporteerd).toEqual(opTijd);
        expect(laat).toEqual(opTijd);
      },
      60_000,
    );
  }
});

describe('Wet arhi art. 40 e.v.: Weesp went into Amsterdam on 24 March 2022', () => {
  it('a Weesp klacht received until the last minute of 23 March (Amsterdam time) is imported on Weesp’s regeling; from midnight it is an error on intake.gemeente, and nothing of it is written', async () => {
    klok.zet(NU);
    const regels = [
      { extern: 'W-23', intake: { ...WEESP, onderwerp: 'weesp laatste dag', ontvangenOp: '2022-03-23T22:59:00Z' } },
      { extern: 'W-24', intake: { ...WEESP, onderwerp: 'weesp opgeheven', ontvangenOp: '2022-03-23T23:00:00Z' } },
    ].map((r) => JSON.stringify(r));
    const { id } = await imports.maak(regels.join('\n') + '\n', { naam: 'weesp.ndjson', actor: 'import-test', scope: 'GM0363' });
    expect(await imports.verwerk(id)).toMatchObject({ status: 'klaar', totaal: 2, verwerkt: 2, geimporteerd: 1, fout: 1 });
    const view = await imports.bekijk(id, 'GM0363');
    expect(view?.fouten.map((f) => [f.regel, f.veld, f.extern])).toEqual([[2, 'intake.gemeente', 'W-24']]);
    expect(await sql(`select gemeente, definitie_id from klacht where onderwerp like 'weesp %'`)).toEqual([
      { gemeente: 'GM0457', definitie_id: 'gm0457-weesp' },
    ]);
  }, 60_000);
});
