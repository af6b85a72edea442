/**
 * TermijnDefinitie.geldtVoor: the `contact` termijn binds the aanbieder (Klachtenprotocol Wmo keten Amsterdam §6), the
 * gemeente (its own klachtenregeling, Uitgangspunten klachtenmanagement Sociaal Domein §5A), or both. Each row says whose it
 * is (`termijn.voor`), as the step that started it said; the same name for the other party is another termijn, so the
 * aanbieder's contact never takes over the gemeente's due date (or the other way round), and the aanbieder loses its own
 * termijn by the klacht leaving it (Klachtenprotocol §9), not by meeting it. The migration TermijnVoor gives rows written
 * before it the same party.
 *
 * Stichtse Vecht's seed definition with a contact termijn of five werkdagen for both parties, through the engine at fixed
 * dates; no worker runs (ROLE=api).
 */
import request from 'supertest';
import { KLOK, vasteKlok } from '../src/common/klok';
import type { IntakeInput } from '../src/machines/contract';
import { intake } from '../src/machines/intake.spec-hulp';
import { TermijnVoor1796560000000 as Migratie } from '../src/database/migrations/1796560000000-TermijnVoor';
import { REGIME_BRON } from '../src/modules/engine/regime-bron';
import { contactVoorBeide } from './support/contact-beide';
import { aanbiederRapportage } from '../src/modules/reports/rapportage-gemeenten';
import { RapportageService } from '../src/modules/reports/rapportage.service';
import { KlachtenService } from '../src/modules/klachten/klachten.service';
import { createTestDatabase, deleteRedisPrefix, uniqueRedisPrefix, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';
import { bearer } from './auth-support';

const NU = new Date('2026-08-20T10:00:00Z');

// The contract lets the klager ask for a pause (as Amsterdam's contract termijnen).
const bron = contactVoorBeide({ opschorting: { grondslag: 'contract (op verzoek van de klager)' } });

let tdb: TestDatabase;
let a: EngineApp;
const queuePrefix = uniqueRedisPrefix('termijn-partij');

/** Received at aanbieder `id` on Monday 1 June 2026: its contact within five werkdagen ends 8 June. */
const bijAanbieder = (id: string): IntakeInput =>
  intake({ ontvangenOp: '2026-06-01T10:00:00+02:00', ingediendBij: 'aanbieder', aanbieders: [{ id, naam: `Zorg ${id}`, type: 'wmo' }] });

async function maak(input: IntakeInput, stappen: Array<[string, string, Record<string, unknown>?]>): Promise<string> {
  const { klacht } = await a.engine.create(input, { actor: 'kcc' });
  for (const [type, at, data] of stappen)
    await a.engine.apply(klacht.id, { type, at, ...(data ? { data } : {}) }, { actor: 'behandelaar' });
  return klacht.id;
}

type ContactRij = { voor: string | null; status: string; vervaldatum: string };
const contactRijen = async (id: string): Promise<ContactRij[]> =>
  a.db.query(
    `select voor, status, to_char(vervaldatum, 'YYYY-MM-DD') as vervaldatum from termijn where klacht_id = $1 and naam = 'contact' order by created_at, revision`,
    [id],
  );

beforeAll(async () => {
  tdb = await createTestDatabase('termijn_partij');
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

describe('TermijnDefinitie.geldtVoor: whose contact termijn a row is', () => {
  it("§5A: the aanbieder's contact row and the gemeente's, begun when the klager went on to the gemeente, each name their party", async () => {
    const id = await maak(bijAanbieder('a1'), [
      ['CONTACT_OPGENOMEN', '2026-06-02T10:00:00+02:00'],
      ['AFDOENEN', '2026-06-20T10:00:00+02:00', { oordeel: 'gegrond' }],
      ['KLACHT_BIJ_GEMEENTE', '2026-06-25T10:00:00+02:00'],
    ]);
    expect(await contactRijen(id)).toEqual([
      { voor: 'aanbieder', status: 'nagekomen', vervaldatum: '2026-06-08' },
      { voor: 'gemeente', status: 'lopend', vervaldatum: '2026-07-02' },
    ]);
    // GET /klachten/{id} says it too (TermijnViewDto.voor), so two termijnen with one label can be told apart.
    const detail = await a.app.get(KlachtenService, { strict: false }).detail(id);
    expect(detail.termijnen.filter((t) => t.naam === 'contact').map((t) => [t.voor, t.status])).toEqual([
      ['aanbieder', 'nagekomen'],
      ['gemeente', 'lopend'],
    ]);
    expect(detail.termijnen.filter((t) => t.naam !== 'contact').every((t) => t.voor === null)).toBe(true);
  });

  it("Klachtenprotocol Wmo keten Amsterdam §9: the contract ends while the aanbieder's contact stands suspended; the gemeente's contact is a new termijn from its takeover, the aanbieder's ends vervallen, not met", async () => {
    const id = await maak(bijAanbieder('a2'), [
      ['OPSCHORTEN', '2026-06-03T10:00:00+02:00', { termijn: 'contact', reden: 'klager in het ziekenhuis' }],
      ['AANBIEDER_CONTRACT_BEEINDIGD', '2026-06-15T10:00:00+02:00'],
    ]);
    const rijen = await contactRijen(id);
    expect(rijen.map(({ voor, status }) => ({ voor, status }))).toEqual([
      { voor: 'aanbieder', status: 'vervallen' },
      { voor: 'gemeente', status: 'lopend' },
    ]);
    // Five werkdagen from the gemeente's takeover on Monday 15 June, not the aanbieder's suspended date.
    expect(rijen[1].vervaldatum).toBe('2026-06-22');
    // The aanbieder's own report: the gemeente's running contact is not its obligation, its own ended without lateness.
    const r = await a.app.get(RapportageService).maak({
      gemeente: 'GM1904',
      ...aanbiederRapportage('GM1904', 'a2'),
      van: '2026-06-01',
      tot: '2026-06-30',
      peildatum: new Date('2026-06-29T12:00:00+02:00'),
      peildatumVerleden: true,
    });
    expect(r.cijfers.perTermijn.find((t) => t.waarde === 'teLaat')).toBeUndefined();
  });

  it('GET /klachten/{id} and its tijdlijn say whose each contact termijn is, as the OpenAPI document describes', async () => {
    const id = await maak(bijAanbieder('a4'), [
      ['CONTACT_OPGENOMEN', '2026-06-02T10:00:00+02:00'],
      ['AFDOENEN', '2026-06-20T10:00:00+02:00', { oordeel: 'gegrond' }],
      ['KLACHT_BIJ_GEMEENTE', '2026-06-25T10:00:00+02:00'],
    ]);
    const sleutel = await bearer(a.app, 'GM1904', 'klachtbehandelaar');
    const voorVan = (termijnen: Array<{ naam: string; voor: string | null }>) => termijnen.map((t) => `${t.naam}:${t.voor}`);
    const klacht = await request(a.app.getHttpServer()).get(`/api/v1/klachten/${id}`).set('Authorization', sleutel).expect(200);
    expect(voorVan(klacht.body.termijnen).filter((x: string) => x.startsWith('contact'))).toEqual([
      'contact:aanbieder',
      'contact:gemeente',
    ]);
    const tijdlijn = await request(a.app.getHttpServer()).get(`/api/v1/klachten/${id}/tijdlijn`).set('Authorization', sleutel).expect(200);
    expect(voorVan(tijdlijn.body.termijnen).sort()).toEqual(voorVan(klacht.body.termijnen).sort());
  });

  it('migration TermijnVoor: rows written before the engine recorded the party get the party the engine gives them; a row the old reconciliation took over is the gemeente’s', async () => {
    // Written as the engine writes them now: the aanbieder's contact met, the gemeente's running.
    const eigen = await maak(bijAanbieder('a3'), [
      ['CONTACT_OPGENOMEN', '2026-06-02T10:00:00+02:00'],
      ['AFDOENEN', '2026-06-20T10:00:00+02:00', { oordeel: 'ongegrond' }],
      ['KLACHT_BIJ_GEMEENTE', '2026-06-25T10:00:00+02:00'],
    ]);
    // As the old reconciliation left a klacht whose suspended aanbieder contact the gemeente's took over (§9, the test
    // above): one running contact row, begun at the aanbieder, with the gemeente's last day, the klacht at the gemeente.
    const overgenomen = await maak(bijAanbieder('a5'), [
      ['OPSCHORTEN', '2026-06-03T10:00:00+02:00', { termijn: 'contact', reden: 'klager in het ziekenhuis' }],
      ['AANBIEDER_CONTRACT_BEEINDIGD', '2026-06-15T10:00:00+02:00'],
    ]);
    const [aanbieders, gemeentes] = [
      `select id from termijn where klacht_id = $1 and naam = 'contact' and voor = 'aanbieder'`,
      `select id, vervaldatum from termijn where klacht_id = $1 and naam = 'contact' and voor = 'gemeente'`,
    ];
    const [oud] = (await a.db.query(aanbieders, [overgenomen])) as Array<{ id: string }>;
    const [nieuw] = (await a.db.query(gemeentes, [overgenomen])) as Array<{ id: string; vervaldatum: string }>;
    await a.db.query(`delete from termijn where id = $1`, [nieuw.id]);
    await a.db.query(`update termijn set status = 'lopend', beeindigd_op = null, beeindigd_door = null, vervaldatum = $2 where id = $1`, [
      oud.id,
      nieuw.vervaldatum,
    ]);
    const rijen = async () =>
      a.db.query(`select id, naam, voor from termijn where klacht_id = any($1::uuid[]) order by id`, [[eigen, overgenomen]]) as Promise<
        Array<{ id: string; naam: string; voor: string | null }>
      >;
    const doorEngine = await rijen();
    expect(doorEngine.filter((r) => r.naam !== 'contact').every((r) => r.voor === null)).toBe(true);
    const qr = a.db.createQueryRunner();
    try {
      await new Migratie().down(qr);
      await new Migratie().up(qr);
    } finally {
      await qr.release();
    }
    expect(await rijen()).toEqual(doorEngine.map((r) => (r.id === oud.id ? { ...r, voor: 'gemeente' } : r)));
  });
});
