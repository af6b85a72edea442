/**
 * Contract art. 11.1, Klachtenprotocol Wmo keten Amsterdam §10 (the ketenpartner reports on its klachten, "bijvoorbeeld
 * termijn van afhandelen") with Uitgangspunten klachtenmanagement Sociaal Domein §5A: a regeling whose `contact` termijn
 * binds the gemeente too (TermijnDefinitie.geldtVoor: [aanbieder, gemeente]; the schema allows it, no seed uses it yet)
 * starts a second `contact` row, the gemeente's, when the klager goes on to the gemeente. That row shares the aanbieder's
 * name, but it is not the aanbieder's obligation: an aanbieder that made contact and did the klacht af in time is 'op tijd'
 * in its own report, also when the gemeente then lets its own contact termijn pass; the gemeente's report has the klacht
 * 'te laat' (overdue=true). The aanbieder's own passed contact termijn stays its lateness. Now and as at a past peildatum.
 *
 * Stichtse Vecht's seed definition with a contact termijn of five werkdagen for both parties, through the engine at fixed
 * dates; no worker runs (ROLE=api).
 */
import { KLOK, vasteKlok } from '../src/common/klok';
import type { IntakeInput } from '../src/machines/contract';
import { intake } from '../src/machines/intake.spec-hulp';
import { REGIME_BRON } from '../src/modules/engine/regime-bron';
import { contactVoorBeide } from './support/contact-beide';
import { aanbiederRapportage, gemeenteRapportage } from '../src/modules/reports/rapportage-gemeenten';
import { RapportageService } from '../src/modules/reports/rapportage.service';
import { haalWekkersIn } from '../src/modules/termijnen/achterstand';
import { teLaat } from '../src/modules/termijnen/te-laat';
import { createTestDatabase, deleteRedisPrefix, uniqueRedisPrefix, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

const NU = new Date('2026-08-20T10:00:00Z');
/** A stored report's peildatum in the past (made later, `peildatumVerleden`): after the gemeente's contact passed. */
const VERLEDEN = new Date('2026-07-15T00:00:00+02:00');
const JUNI = { van: '2026-06-01', tot: '2026-06-30' };

const bron = contactVoorBeide();

let tdb: TestDatabase;
let a: EngineApp;
const queuePrefix = uniqueRedisPrefix('rapport-aanbieder-contact-gemeente');
const ids: Record<string, string> = {};

/** Received at aanbieder `id` on Monday 1 June 2026: its contact within five werkdagen ends 8 June. */
const bijAanbieder = (id: string): IntakeInput =>
  intake({ ontvangenOp: '2026-06-01T10:00:00+02:00', ingediendBij: 'aanbieder', aanbieders: [{ id, naam: `Zorg ${id}`, type: 'wmo' }] });

async function maak(input: IntakeInput, stappen: Array<[string, string, Record<string, unknown>?]>): Promise<string> {
  const { klacht } = await a.engine.create(input, { actor: 'kcc' });
  for (const [type, at, data] of stappen)
    await a.engine.apply(klacht.id, { type, at, ...(data ? { data } : {}) }, { actor: 'behandelaar' });
  await haalWekkersIn(a.wake, a.db.manager, [klacht.id], NU);
  return klacht.id;
}

beforeAll(async () => {
  tdb = await createTestDatabase('rapport_aanbieder_contact_gemeente');
  a = await createEngineApp({
    databaseUrl: tdb.url,
    queuePrefix,
    regimes: 'definities',
    env: { ROLE: 'api', SWEEP_INTERVAL_MS: '600000' },
    override: (b) => b.overrideProvider(REGIME_BRON).useValue(bron).overrideProvider(KLOK).useValue(vasteKlok(NU)),
  });
  // The aanbieder made contact the next day and did the klacht af in time; the klager went on to the gemeente on 25 June
  // (§5A), whose contact termijn (five werkdagen, to 2 July) passed without contact.
  ids.opTijd = await maak(bijAanbieder('a1'), [
    ['CONTACT_OPGENOMEN', '2026-06-02T10:00:00+02:00'],
    ['AFDOENEN', '2026-06-20T10:00:00+02:00', { oordeel: 'gegrond' }],
    ['KLACHT_BIJ_GEMEENTE', '2026-06-25T10:00:00+02:00'],
  ]);
  // The aanbieder made contact only on 10 June, after its five werkdagen (to 8 June): its own lateness.
  ids.laat = await maak(bijAanbieder('a2'), [['CONTACT_OPGENOMEN', '2026-06-10T10:00:00+02:00']]);
}, 180_000);

afterAll(async () => {
  await a?.close();
  await tdb?.drop();
  await deleteRedisPrefix(queuePrefix);
});

async function vanAanbieder(id: string, verleden = false) {
  const r = await a.app.get(RapportageService).maak({
    gemeente: 'GM1904',
    ...aanbiederRapportage('GM1904', id),
    ...JUNI,
    peildatum: verleden ? VERLEDEN : NU,
    peildatumVerleden: verleden,
  });
  return r.cijfers.perTermijn;
}

async function vanGemeente(id: string, verleden = false) {
  const r = await a.app.get(RapportageService).maak({
    gemeente: 'GM1904',
    ...gemeenteRapportage('GM1904', JUNI, { aanbieder: id }),
    ...JUNI,
    peildatum: verleden ? VERLEDEN : NU,
    peildatumVerleden: verleden,
  });
  return r.cijfers.perTermijn;
}

describe('Klachtenprotocol Wmo keten Amsterdam §10, contract art. 11.1: a contact termijn of the gemeente (geldtVoor) is not the aanbieder’s', () => {
  it("§5A: the gemeente's passed contact termijn, begun when the klager went on to the gemeente, does not make the aanbieder 'te laat' in its own report", async () => {
    // Two contact rows: the aanbieder's (met in time) and the gemeente's (passed).
    const rijen = (await a.db.query(`select naam, status from termijn where klacht_id = $1 and naam = 'contact' order by created_at`, [
      ids.opTijd,
    ])) as Array<{ naam: string; status: string }>;
    expect(rijen.map((r) => r.status)).toEqual(['nagekomen', 'verlopen']);
    expect(await vanAanbieder('a1')).toEqual([{ waarde: 'opTijd', aantal: 1 }]);
    expect(await vanAanbieder('a1', true)).toEqual([{ waarde: 'opTijd', aantal: 1 }]);
  });

  it("docs/te-laat.md: in the gemeente's report, also per aanbieder, the same klacht is 'te laat', as overdue=true finds it", async () => {
    const [{ laat }] = (await a.db.query(`select ${teLaat('k', '$2')} as laat from klacht k where k.id = $1`, [ids.opTijd, NU])) as Array<{
      laat: boolean;
    }>;
    expect(laat).toBe(true);
    expect(await vanGemeente('a1')).toEqual([{ waarde: 'teLaat', aantal: 1 }]);
    expect(await vanGemeente('a1', true)).toEqual([{ waarde: 'teLaat', aantal: 1 }]);
  });

  it("§6: the aanbieder's own contact termijn, passed before it made contact, stays its lateness in its own report", async () => {
    // As at 9 June: its contact termijn (to 8 June) had passed and it had not made contact.
    const r = await a.app.get(RapportageService).maak({
      gemeente: 'GM1904',
      ...aanbiederRapportage('GM1904', 'a2'),
      ...JUNI,
      peildatum: new Date('2026-06-09T12:00:00+02:00'),
      peildatumVerleden: true,
    });
    expect(r.cijfers.perTermijn).toEqual([{ waarde: 'teLaat', aantal: 1 }]);
  });
});
