/**
 * Contract art. 11.1, Klachtenprotocol Wmo keten Amsterdam §10 (the ketenpartner reports to the contractmanager on its
 * klachten, "bijvoorbeeld termijn van afhandelen") with Uitgangspunten klachtenmanagement Sociaal Domein §5A and Awb 9:11:
 * the aanbieder's own report (`aanbiederRapportage`) classes a klacht by the aanbieder's own termijnen only. An aanbieder
 * that did a klacht af in time is 'op tijd' in its report also when the klager went on to the gemeente and the gemeente let
 * its Awb 9:11 termijn pass; an aanbieder that was late stays 'te laat' / 'te laat afgehandeld' (its afhandeltermijn, its
 * contact termijn). The gemeente's reports, also per aanbieder, keep one class per klacht, the same as overdue=true
 * (docs/te-laat.md). Now and as at a past peildatum (the stored report). Real PostgreSQL, the seeded definitions.
 */
import { KLOK, vasteKlok } from '../src/common/klok';
import { intake } from '../src/machines/intake.spec-hulp';
import type { IntakeInput } from '../src/machines/contract';
import { aanbiederRapportage, gemeenteRapportage } from '../src/modules/reports/rapportage-gemeenten';
import { RapportageService } from '../src/modules/reports/rapportage.service';
import { haalWekkersIn } from '../src/modules/termijnen/achterstand';
import { teLaat } from '../src/modules/termijnen/te-laat';
import { createTestDatabase, deleteRedisPrefix, uniqueRedisPrefix, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

const NU = new Date('2026-08-20T10:00:00Z');
/** A stored report's peildatum: 00:00 on its deadline, made later (`peildatumVerleden`). */
const VERLEDEN = new Date('2026-07-01T00:00:00+02:00');
let tdb: TestDatabase;
let a: EngineApp;
const queuePrefix = uniqueRedisPrefix('rapport-aanbieder-eigen');
const ids: Record<string, string> = {};

/** Stichtse Vecht, received at aanbieder `id` on Thursday 2 April 2026: its afhandeltermijn (6 weeks) ends 14 May. */
const bijAanbieder = (id: string): IntakeInput =>
  intake({ ingediendBij: 'aanbieder', aanbieders: [{ id, naam: `Zorg ${id}`, type: 'wmo' }] });

async function maak(input: IntakeInput, stappen: Array<[string, string, Record<string, unknown>?] | ['WEKKER', string]>): Promise<string> {
  const { klacht } = await a.engine.create(input, { actor: 'kcc' });
  for (const [type, at, data] of stappen) {
    if (type === 'WEKKER') await haalWekkersIn(a.wake, a.db.manager, [klacht.id], new Date(at));
    else await a.engine.apply(klacht.id, { type, at, ...(data ? { data } : {}) }, { actor: 'behandelaar' });
  }
  await haalWekkersIn(a.wake, a.db.manager, [klacht.id], NU);
  return klacht.id;
}

beforeAll(async () => {
  tdb = await createTestDatabase('rapport_aanbieder_eigen');
  a = await createEngineApp({
    databaseUrl: tdb.url,
    queuePrefix,
    regimes: 'definities',
    env: { ROLE: 'api', SWEEP_INTERVAL_MS: '600000' },
    override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(NU)),
  });
  // Afgedaan by the aanbieder in time (20 April), then the klager went to the gemeente (25 April, §5A): the gemeente's
  // Awb 9:11 termijn of six weeks passed in June and it has not done the klacht af.
  ids.opTijd = await maak(bijAanbieder('a1'), [
    ['AFDOENEN', '2026-04-20T10:00:00+02:00', { oordeel: 'gegrond' }],
    ['KLACHT_BIJ_GEMEENTE', '2026-04-25T10:00:00+02:00'],
  ]);
  // The aanbieder let its afhandeltermijn pass and has not done the klacht af.
  ids.teLaat = await maak(bijAanbieder('a2'), []);
  // The aanbieder did the klacht af after its termijn had passed (20 May), then the klager went to the gemeente (25 May),
  // whose six weeks passed on 6 July.
  ids.teLaatAfgehandeld = await maak(bijAanbieder('a3'), [
    ['WEKKER', '2026-05-16T00:00:00+02:00'],
    ['AFDOENEN', '2026-05-20T10:00:00+02:00', { oordeel: 'ongegrond' }],
    ['KLACHT_BIJ_GEMEENTE', '2026-05-25T10:00:00+02:00'],
  ]);
  // Amsterdam, at the aanbieder on Monday 10 August: contact within five werkdagen (§6) passed on 17 August without it;
  // its afhandeltermijn still runs.
  ids.contact = await maak(
    intake({
      gemeente: 'GM0363',
      ontvangenOp: '2026-08-10T10:00:00+02:00',
      ingediendBij: 'aanbieder',
      aanbieders: [{ id: 'a4', naam: 'Zorg West', type: 'wmo' }],
      feiten: { aantalAanbieders: 1 },
    }),
    [],
  );
}, 180_000);

afterAll(async () => {
  await a?.close();
  await tdb?.drop();
  await deleteRedisPrefix(queuePrefix);
});

const APRIL = { van: '2026-04-01', tot: '2026-04-30' };
const AUGUSTUS = { van: '2026-08-01', tot: '2026-08-31' };

/** The termijn classes of aanbieder `id`'s own report (now, or as at VERLEDEN as a stored report makes it). */
async function vanAanbieder(gemeente: string, id: string, periode: { van: string; tot: string }, verleden = false) {
  const r = await a.app.get(RapportageService).maak({
    gemeente,
    ...aanbiederRapportage(gemeente, id),
    ...periode,
    peildatum: verleden ? VERLEDEN : NU,
    peildatumVerleden: verleden,
  });
  return r.cijfers.perTermijn;
}

/** The termijn classes of the gemeente's report about aanbieder `id` (its per-aanbieder breakdown) and of its whole report. */
async function vanGemeente(gemeente: string, id: string | undefined, periode: { van: string; tot: string }, verleden = false) {
  const r = await a.app.get(RapportageService).maak({
    gemeente,
    ...gemeenteRapportage(gemeente, periode, { aanbieder: id }),
    ...periode,
    peildatum: verleden ? VERLEDEN : NU,
    peildatumVerleden: verleden,
  });
  return r.cijfers.perTermijn;
}

const overdue = async (id: string): Promise<boolean> =>
  ((await a.db.query(`select ${teLaat('k', '$2')} as laat from klacht k where k.id = $1`, [id, NU])) as Array<{ laat: boolean }>)[0].laat;

describe("Klachtenprotocol Wmo keten Amsterdam §10, contract art. 11.1: the aanbieder's own report reads its own termijnen", () => {
  it("§5A, Awb 9:11: a klacht the aanbieder did af in time is 'op tijd' in its report when the gemeente is late after it", async () => {
    expect(await vanAanbieder('GM1904', 'a1', APRIL)).toEqual([{ waarde: 'opTijd', aantal: 1 }]);
    // The stored report made after its deadline (as at 1 July): the same.
    expect(await vanAanbieder('GM1904', 'a1', APRIL, true)).toEqual([{ waarde: 'opTijd', aantal: 1 }]);
  });

  it("an aanbieder that let its afhandeltermijn pass stays 'te laat' in its own report, now and as at a past peildatum", async () => {
    expect(await vanAanbieder('GM1904', 'a2', APRIL)).toEqual([{ waarde: 'teLaat', aantal: 1 }]);
    expect(await vanAanbieder('GM1904', 'a2', APRIL, true)).toEqual([{ waarde: 'teLaat', aantal: 1 }]);
  });

  it("an aanbieder that did the klacht af after its termijn is 'te laat afgehandeld', whatever the gemeente did after it", async () => {
    expect(await vanAanbieder('GM1904', 'a3', APRIL)).toEqual([{ waarde: 'teLaatAfgehandeld', aantal: 1 }]);
    expect(await vanAanbieder('GM1904', 'a3', APRIL, true)).toEqual([{ waarde: 'teLaatAfgehandeld', aantal: 1 }]);
  });

  it("§6: a passed contact termijn of the aanbieder is its lateness: 'te laat', not 'nog in behandeling'", async () => {
    expect(await vanAanbieder('GM0363', 'a4', AUGUSTUS)).toEqual([{ waarde: 'teLaat', aantal: 1 }]);
  });
});

describe("docs/te-laat.md: the gemeente's reports keep one class per klacht, the same as overdue=true", () => {
  it("the klacht the gemeente let pass is 'te laat' in the gemeente's report, whole and per aanbieder, now and as at a past peildatum", async () => {
    expect(await overdue(ids.opTijd)).toBe(true);
    expect(await vanGemeente('GM1904', 'a1', APRIL)).toEqual([{ waarde: 'teLaat', aantal: 1 }]);
    expect(await vanGemeente('GM1904', 'a1', APRIL, true)).toEqual([{ waarde: 'teLaat', aantal: 1 }]);
    expect(await overdue(ids.teLaatAfgehandeld)).toBe(true);
    expect(await vanGemeente('GM1904', 'a3', APRIL)).toEqual([{ waarde: 'teLaat', aantal: 1 }]);
    // Every klacht of April is te laat now in the gemeente's report, as overdue=true finds them.
    expect(await vanGemeente('GM1904', undefined, APRIL)).toEqual([{ waarde: 'teLaat', aantal: 3 }]);
    expect(await overdue(ids.contact)).toBe(true);
    expect(await vanGemeente('GM0363', 'a4', AUGUSTUS)).toEqual([{ waarde: 'teLaat', aantal: 1 }]);
  });
});
