/**
 * TermijnDefinitie.geldtVoor with Klachtenprotocol Wmo keten Amsterdam §9: "Bekijk de gevolgen" (POST
 * /klachten/{id}/gebeurtenis-gevolgen, WerkvoorraadService.gevolgen) must say what the registration will do to each
 * termijn. The same name for another party is another termijn (the registration's rule, termijn-reconcile.ts
 * planTermijnen): when the contract ends while the aanbieder's `contact` stands suspended, the registration ends the
 * aanbieder's row (vervallen) and starts the gemeente's; the dry run compared by name only and said the contact moved.
 *
 * Stichtse Vecht's seed definition with a contact termijn of five werkdagen for both parties (test/support/contact-beide.ts),
 * through the engine at fixed dates; no worker runs (ROLE=api).
 */
import { KLOK, vasteKlok } from '../src/common/klok';
import { intake } from '../src/machines/intake.spec-hulp';
import { REGIME_BRON } from '../src/modules/engine/regime-bron';
import { WerkvoorraadService } from '../src/modules/web/werkvoorraad.service';
import { contactVoorBeide } from './support/contact-beide';
import { createTestDatabase, deleteRedisPrefix, uniqueRedisPrefix, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

const NU = new Date('2026-08-20T10:00:00Z');
const bron = contactVoorBeide({ opschorting: { grondslag: 'contract (op verzoek van de klager)' } });

let tdb: TestDatabase;
let a: EngineApp;
const queuePrefix = uniqueRedisPrefix('proef-partij');

beforeAll(async () => {
  tdb = await createTestDatabase('proef_partij');
  a = await createEngineApp({
    databaseUrl: tdb.url,
    queuePrefix,
    regimes: 'definities',
    env: { ROLE: 'api', SWEEP_INTERVAL_MS: '600000' },
    override: (b) => b.overrideProvider(REGIME_BRON).useValue(bron).overrideProvider(KLOK).useValue(vasteKlok(NU)),
  });
}, 180_000);

afterAll(async () => {
  await a?.close();
  await tdb?.drop();
  await deleteRedisPrefix(queuePrefix);
});

describe('TermijnDefinitie.geldtVoor: the dry run compares a termijn by name and party, as the registration does', () => {
  it("Klachtenprotocol Wmo keten Amsterdam §9: the contract ends while the aanbieder's contact stands suspended; the dry run says the aanbieder's contact stops and the gemeente's starts, as the registration does", async () => {
    const { klacht } = await a.engine.create(
      intake({
        ontvangenOp: '2026-06-01T10:00:00+02:00',
        ingediendBij: 'aanbieder',
        aanbieders: [{ id: 'p1', naam: 'Zorg p1', type: 'wmo' }],
      }),
      { actor: 'kcc' },
    );
    await a.engine.apply(
      klacht.id,
      { type: 'OPSCHORTEN', at: '2026-06-03T10:00:00+02:00', data: { termijn: 'contact', reden: 'klager in het ziekenhuis' } },
      { actor: 'behandelaar' },
    );
    const act = { type: 'AANBIEDER_CONTRACT_BEEINDIGD', at: '2026-06-15T10:00:00+02:00' };
    const gevolgen = await a.app.get(WerkvoorraadService, { strict: false }).gevolgen(klacht.id, act, 'behandelaar');
    const contact = gevolgen.termijnen
      .filter((g) => g.naam === 'contact')
      .map(({ voor, gevolg, vervaldatum }) => ({ voor, gevolg, vervaldatum }));
    expect(contact).toEqual([
      { voor: 'aanbieder', gevolg: 'stopt', vervaldatum: null },
      { voor: 'gemeente', gevolg: 'nieuw', vervaldatum: '2026-06-22' },
    ]);

    // The registration: each line of the dry run is what it did to the row of that name and party.
    await a.engine.apply(klacht.id, act, { actor: 'behandelaar' });
    const rijen = await a.db.query<Array<{ naam: string; voor: string | null; status: string; vervaldatum: string; na: boolean }>>(
      `select naam, voor, status, to_char(vervaldatum, 'YYYY-MM-DD') as vervaldatum, created_at >= $2 as na
         from termijn where klacht_id = $1`,
      [klacht.id, await laatsteStap(klacht.id)],
    );
    for (const g of gevolgen.termijnen) {
      const rij = rijen.filter((r) => r.naam === g.naam && (r.voor ?? null) === g.voor);
      if (g.gevolg === 'nieuw') expect(rij.filter((r) => r.na && r.status === 'lopend').map((r) => r.vervaldatum)).toEqual([g.vervaldatum]);
      else if (g.gevolg === 'stopt') expect(rij.filter((r) => !r.na).map((r) => r.status)).not.toContain('lopend');
      else expect(rij.filter((r) => r.status === 'lopend').map((r) => r.vervaldatum)).toEqual([g.vervaldatum]);
    }
    expect(rijen.filter((r) => r.naam === 'contact').map(({ voor, status }) => ({ voor, status }))).toEqual(
      expect.arrayContaining([
        { voor: 'aanbieder', status: 'vervallen' },
        { voor: 'gemeente', status: 'lopend' },
      ]),
    );
  });
});

/** When the last step was registered (its transaction's time: the created_at of the rows it started, now() as well). */
async function laatsteStap(id: string): Promise<Date> {
  const [r] = await a.db.query<Array<{ op: Date }>>(`select max(recorded_at) as op from klacht_gebeurtenis where klacht_id = $1`, [id]);
  return r.op;
}
