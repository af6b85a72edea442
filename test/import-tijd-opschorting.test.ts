/**
 * Klachtenprotocol Wmo keten Amsterdam §6 with Awb 9:11 lid 2 naar analogie: a regeling may let the ketenpartner's
 * termijnen be suspended at the klager's request (opschorting) and resumed (hervatting: the due date moves by the days
 * suspended). A klacht imported with an opschorting and hervatting in its history ends where the live engine would have put
 * it: a suspended termijn does not pass while suspended, the resumed one passes on its moved day with its escalation, and a
 * contact termijn still suspended when the klager goes to the ombudsman ends 'vervallen', not 'verlopen' or 'nagekomen'.
 * Amsterdam's definition with opschorting on both termijnen; compared with the same klacht registered live (the worker
 * firing every expiry on time) and registered late through the API.
 */
import { join } from 'node:path';
import { loadRegistry } from '../src/machines';
import { maakRegime, type Regime } from '../src/machines/regime';
import { REGIME_BRON, type RegimeBron } from '../src/modules/engine/regime-bron';
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
const seeds = loadRegistry(join(__dirname, '..', 'definitions'));
const amsterdam = seeds.regimes.find((r) => r.summary.id === 'gm0363-amsterdam') as Regime;
const definitie = structuredClone(amsterdam.definitie);
definitie.termijnen.contact.opschorting = { grondslag: 'Klachtenprotocol Wmo keten §6 (contractueel)' };
definitie.termijnen.aanbiederAfhandeling.opschorting = { grondslag: 'Klachtenprotocol Wmo keten §6 (contractueel)' };
const regime = maakRegime(definitie, 'gm0363-amsterdam');
const bron: RegimeBron = {
  forGemeente: (code) => (code === 'GM0363' ? regime : undefined),
  byId: (id, versie) => (id === regime.summary.id && versie === regime.summary.versie ? regime : undefined),
};
let db: TestDatabase;
let t: TestApp;
let imports: ImportService;
let klachten: KlachtenService;
let wake: TermijnWakeService;
const sql = <T = Record<string, unknown>>(q: string, p: unknown[] = []) => sqlOp<T>(db.url, q, p);

beforeAll(async () => {
  db = await createTestDatabase('import_tijd_opschorting');
  t = await createTestApp({
    databaseUrl: db.url,
    postgresQueue: true,
    // No worker or sweep: each path below fires its wake-ups itself, at the moment it names.
    env: { ROLE: 'api', SWEEP_INTERVAL_MS: '600000' },
    override: (b) => b.overrideProvider(KLOK).useValue(klok).overrideProvider(REGIME_BRON).useValue(bron),
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

const GEVALLEN: Array<[string, Gebeurtenis[], Record<string, string>]> = [
  [
    'Klachtenprotocol Wmo keten Amsterdam §6: the contact termijn suspended before its fifth werkdag does not pass; the six weeks pass with their escalation, and the request to the ombudsman ends the suspended contact termijn vervallen',
    [
      { type: 'OPSCHORTEN', at: '2024-03-05T10:00:00+01:00', data: { termijn: 'contact', reden: 'klager in het ziekenhuis' } },
      { type: 'VERZOEK_OMBUDSMAN', at: '2024-05-01T10:00:00+02:00' },
    ],
    { contact: 'vervallen', aanbiederAfhandeling: 'verlopen' },
  ],
  [
    'Klachtenprotocol Wmo keten Amsterdam §6: the six weeks suspended across their last day and resumed pass on the day moved by the days suspended, with their escalation',
    [
      { type: 'CONTACT_OPGENOMEN', at: '2024-03-05T10:00:00+01:00' },
      { type: 'OPSCHORTEN', at: '2024-04-01T10:00:00+02:00', data: { termijn: 'aanbiederAfhandeling', reden: 'klager op reis' } },
      { type: 'HERVATTEN', at: '2024-04-20T10:00:00+02:00', data: { termijn: 'aanbiederAfhandeling' } },
      { type: 'VERZOEK_OMBUDSMAN', at: '2024-06-01T10:00:00+02:00' },
    ],
    { contact: 'nagekomen', aanbiederAfhandeling: 'verlopen' },
  ],
];

describe('Klachtenprotocol Wmo keten Amsterdam §6: opschorting and hervatting in an imported history', () => {
  for (const [naam, events, statussen] of GEVALLEN) {
    it(
      naam,
      async () => {
        const extern = `OPS-${GEVALLEN.findIndex((g) => g[0] === naam)}`;
        const opTijd = await beeld(await live(AMSTERDAM, events, true));
        const laat = await beeld(await live(AMSTERDAM, events, false));
        const geimporteerd = await beeld(await importeer(extern, AMSTERDAM, events));
        expect(Object.fromEntries(geimporteerd.termijnen.map((x) => [x.naam, x.status]))).toEqual(statussen);
        expect(geimporteerd.outbox.some((o) => o.startsWith('termijn.escalatie aanbiederAfhandeling klachtenteam '))).toBe(true);
        expect(geimporteerd).toEqual(opTijd);
        expect(laat).toEqual(opTijd);
      },
      60_000,
    );
  }
});
