/**
 * A contractual termijn that the regeling lets suspend (`opschorting`, e.g. a provider's handling term while the klager
 * is in hospital) does not pass while suspended (docs/juridisch-kader.md §6): its old due moment makes nobody late,
 * and its wake-up announces and escalates nothing. HERVATTEN moves the due moment by the suspended days.
 *
 * Amsterdam's seed definition with `opschorting` on aanbiederAfhandeling (none of the seeds enables it), through the
 * engine and the real wake-up, at fixed dates; no worker runs (ROLE=api).
 */
import { OpgeschorteTermijnNietTeLaat1795900800000 } from '../src/database/migrations/1795900800000-OpgeschorteTermijnNietTeLaat';
import { openVerplichting } from '../src/modules/termijnen/te-laat';
import { amsterdamContract, aanbiederIntakeOp, type AmsterdamContract } from './support/amsterdam-contract';
import type { EngineApp } from './support/engine-harness';

let contract: AmsterdamContract;
let a: EngineApp;

beforeAll(async () => {
  contract = await amsterdamContract('opschorting', (definitie) => {
    definitie.termijnen.aanbiederAfhandeling.opschorting = { grondslag: 'Klachtenprotocol Wmo keten §6 (contractueel)' };
  });
  a = contract.a;
}, 120_000);

afterAll(async () => {
  await contract?.close();
});

const aanbiederIntake = aanbiederIntakeOp('2026-03-02T10:00:00+01:00');

/** The aanbieder's handling termijn, its latest revision. */
const termijn = (id: string) => contract.aanbiederAfhandeling(id);
/** The SQL rule every view uses (heatmap, werkvoorraad, reports, metrics): the klacht's open obligations. */
const open = async (id: string) =>
  (
    (await a.db.query(`select t.naam from termijn t where t.klacht_id = $1 and ${openVerplichting('t')}`, [id])) as Array<{ naam: string }>
  ).map((r) => r.naam);
const eersteVervaltOp = async (id: string) =>
  ((await a.db.query(`select eerste_vervalt_op from klacht where id = $1`, [id])) as Array<{ eerste_vervalt_op: Date | null }>)[0]
    .eerste_vervalt_op;

it('a suspended termijn does not pass, also after a verdaging during the opschorting: no lateness and no announcement at its due moment; HERVATTEN moves it by the suspended days', async () => {
  const { klacht } = await a.engine.create(aanbiederIntake, { actor: 'kcc' });
  const stap = (type: string, at: string, data?: Record<string, unknown>) =>
    a.engine.apply(klacht.id, { type, at, ...(data ? { data } : {}) }, { actor: 'behandelaar' });
  // Klachtenprotocol Wmo keten §6: the aanbieder's contact with the klager, in time.
  await stap('CONTACT_OPGENOMEN', '2026-03-03T10:00:00+01:00');
  expect(await termijn(klacht.id)).toEqual({ revision: 1, vervaldatum: '2026-04-13', status: 'lopend' });
  await stap('OPSCHORTEN', '2026-04-01T10:00:00+02:00', { termijn: 'aanbiederAfhandeling', reden: 'klager in het ziekenhuis' });
  expect(await eersteVervaltOp(klacht.id)).toBeNull();
  // A verdaging during the opschorting leaves the termijn suspended.
  await stap('VERDAGEN', '2026-04-02T10:00:00+02:00', { termijn: 'aanbiederAfhandeling', duur: 'P2W', reden: 'stukken opvragen' });
  expect(await eersteVervaltOp(klacht.id)).toBeNull();
  expect(await open(klacht.id)).toEqual([]);

  // Written before this rule: the old due moment as the klacht's first due moment. The migration puts it right.
  await a.db.query(`update klacht set eerste_vervalt_op = '2026-04-13T22:00:00Z' where id = $1`, [klacht.id]);
  const qr = a.db.createQueryRunner();
  await new OpgeschorteTermijnNietTeLaat1795900800000().up(qr).finally(() => qr.release());
  expect(await eersteVervaltOp(klacht.id)).toBeNull();

  // The due moment the verdaging gave (27 April) passes during the suspension: the wake-up changes nothing.
  const verdaagd = await termijn(klacht.id);
  expect(verdaagd).toEqual({ revision: 2, vervaldatum: '2026-04-27', status: 'lopend' });
  await a.wake.verval(
    { klachtId: klacht.id, termijnNaam: 'aanbiederAfhandeling', revision: verdaagd.revision, kind: 'verval' },
    new Date('2026-04-28T00:00:05+02:00'),
  );
  expect(await termijn(klacht.id)).toMatchObject({ revision: 2, status: 'lopend' });
  expect(await eersteVervaltOp(klacht.id)).toBeNull();
  expect(await open(klacht.id)).toEqual([]);
  const meldingen = await a.db.query(`select type from outbox where klacht_id = $1 and type in ('termijn.verlopen', 'termijn.escalatie')`, [
    klacht.id,
  ]);
  expect(meldingen).toEqual([]);

  // 20 days suspended (1 to 21 April): 27 April + 20 days = 17 May 2026.
  await stap('HERVATTEN', '2026-04-21T10:00:00+02:00', { termijn: 'aanbiederAfhandeling' });
  expect(await termijn(klacht.id)).toEqual({ revision: 3, vervaldatum: '2026-05-17', status: 'lopend' });
  expect(await eersteVervaltOp(klacht.id)).toEqual(new Date('2026-05-17T22:00:00Z'));
  expect(await open(klacht.id)).toEqual(['aanbiederAfhandeling']);
});

it('a termijn resumed on its own last day, registered after its wake-up found it suspended, still passes: its wake-up goes again', async () => {
  const { klacht } = await a.engine.create(aanbiederIntake, { actor: 'kcc' });
  const stap = (type: string, at: string, data?: Record<string, unknown>) =>
    a.engine.apply(klacht.id, { type, at, ...(data ? { data } : {}) }, { actor: 'behandelaar' });
  await stap('CONTACT_OPGENOMEN', '2026-03-03T10:00:00+01:00');
  // Suspended in the morning of its last day (maandag 13 april).
  await stap('OPSCHORTEN', '2026-04-13T09:00:00+02:00', { termijn: 'aanbiederAfhandeling', reden: 'klager onbereikbaar' });
  const voor = await termijn(klacht.id);
  expect(voor).toEqual({ revision: 1, vervaldatum: '2026-04-13', status: 'lopend' });
  // At midnight the wake-up finds it suspended: it announces nothing and is marked fired.
  expect(
    await a.wake.verval(
      { klachtId: klacht.id, termijnNaam: 'aanbiederAfhandeling', revision: 1, kind: 'verval' },
      new Date('2026-04-14T00:00:05+02:00'),
    ),
  ).toBe('verwerkt');
  // The hervatting of that same afternoon, registered the next day: no day stood still, the last day stays 13 april,
  // which has passed. The termijn must pass now, with a wake-up of a new revision.
  await stap('HERVATTEN', '2026-04-13T18:00:00+02:00', { termijn: 'aanbiederAfhandeling' });
  const na = (
    (await a.db.query(
      `select revision, vervaldatum::text as vervaldatum, verval_gemeld_op from termijn where klacht_id = $1 and naam = 'aanbiederAfhandeling' and status = 'lopend'`,
      [klacht.id],
    )) as Array<{ revision: number; vervaldatum: string; verval_gemeld_op: Date | null }>
  )[0];
  expect(na).toEqual({ revision: 2, vervaldatum: '2026-04-13', verval_gemeld_op: null });
  const gepland = await a.db.query(
    `select payload->>'revision' as revision from outbox where klacht_id = $1 and type = 'termijn.gepland'`,
    [klacht.id],
  );
  expect(gepland.map((g: { revision: string }) => g.revision)).toContain('2');
  expect(
    await a.wake.verval(
      { klachtId: klacht.id, termijnNaam: 'aanbiederAfhandeling', revision: 2, kind: 'verval' },
      new Date('2026-04-14T18:00:05+02:00'),
    ),
  ).toBe('verwerkt');
  const verlopen = await a.db.query(`select type from outbox where klacht_id = $1 and type = 'termijn.verlopen'`, [klacht.id]);
  expect(verlopen).toHaveLength(1);
  expect(await open(klacht.id)).toEqual(['aanbiederAfhandeling']);
});

it('a termijn ended by the aanbieder while it stands still since before its last day is met in time, also after that old day (not te laat afgehandeld)', async () => {
  const { klacht } = await a.engine.create(aanbiederIntake, { actor: 'kcc' });
  const stap = (type: string, at: string, data?: Record<string, unknown>) =>
    a.engine.apply(klacht.id, { type, at, ...(data ? { data } : {}) }, { actor: 'behandelaar' });
  await stap('CONTACT_OPGENOMEN', '2026-03-03T10:00:00+01:00');
  await stap('OPSCHORTEN', '2026-04-01T10:00:00+02:00', { termijn: 'aanbiederAfhandeling', reden: 'klager in het ziekenhuis' });
  // Its old last day (13 April) passes while it stands still: the wake-up changes nothing.
  await a.wake.verval(
    { klachtId: klacht.id, termijnNaam: 'aanbiederAfhandeling', revision: 1, kind: 'verval' },
    new Date('2026-04-14T00:00:05+02:00'),
  );
  const na = await stap('AFDOENEN', '2026-04-20T10:00:00+02:00', { oordeel: 'gegrond' });
  expect(na.klacht.state).toBe('bijAanbieder.afgedaan');
  const rij = (
    (await a.db.query(
      `select status, gesloten_op from termijn where klacht_id = $1 and naam = 'aanbiederAfhandeling' order by revision desc`,
      [klacht.id],
    )) as Array<{ status: string; gesloten_op: Date | null }>
  )[0];
  // Met, not missed: the reports class it op tijd (rapportage.repository.ts classes by status).
  expect(rij).toEqual({ status: 'nagekomen', gesloten_op: null });
  expect(await open(klacht.id)).not.toContain('aanbiederAfhandeling');
});

it('an opschorting of the last day registered after the wake-up withdraws the announced expiry (verlopenHerroepen) and the termijn stands still', async () => {
  const { klacht } = await a.engine.create(aanbiederIntake, { actor: 'kcc' });
  const stap = (type: string, at: string, data?: Record<string, unknown>) =>
    a.engine.apply(klacht.id, { type, at, ...(data ? { data } : {}) }, { actor: 'behandelaar' });
  await stap('CONTACT_OPGENOMEN', '2026-03-03T10:00:00+01:00');
  // At midnight after its last day (13 April) the wake-up announces the expiry.
  expect(
    await a.wake.verval(
      { klachtId: klacht.id, termijnNaam: 'aanbiederAfhandeling', revision: 1, kind: 'verval' },
      new Date('2026-04-14T00:00:05+02:00'),
    ),
  ).toBe('verwerkt');
  // The opschorting was sent that afternoon, and is registered the next morning.
  await stap('OPSCHORTEN', '2026-04-13T15:00:00+02:00', { termijn: 'aanbiederAfhandeling', reden: 'klager in het ziekenhuis' });
  expect(await open(klacht.id)).toEqual([]);
  const berichten = (
    (await a.db.query(`select type, payload from outbox where klacht_id = $1 and payload->>'naam' = 'aanbiederAfhandeling' order by id`, [
      klacht.id,
    ])) as Array<{ type: string; payload: Record<string, unknown> }>
  ).map((r) => [r.type, r.payload.verlopenHerroepen ?? null]);
  expect(berichten).toContainEqual(['termijn.verlopen', null]);
  expect(berichten[berichten.length - 1]).toEqual(['termijn.gepland', true]);
});
