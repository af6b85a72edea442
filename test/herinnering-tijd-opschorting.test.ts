/**
 * A reminder (`herinneringen: - { voor: P1W, naar: ... }`) is there so a termijn can still be met before its last day
 * (Awb 9:11; Klachtenprotocol Wmo keten Amsterdam §6). A termijn that a regeling lets suspend (opschorting) does not run
 * while suspended: its old last day no longer holds and its new one is known only at the hervatting. A reminder due in
 * that time would announce a last day that is not one; it waits, and after the hervatting the reminder before the new
 * last day is sent, once.
 *
 * Amsterdam's seed definition with `opschorting` on aanbiederAfhandeling (none of the seeds enables it), through the
 * engine and the real wake-ups and scheduler, at fixed dates; no worker runs (ROLE=api).
 */
import { termijnJobId, type TermijnJob } from '../src/jobs/queues';
import { TermijnEntity } from '../src/modules/termijnen/termijn.entity';
import { amsterdamContract, aanbiederIntakeOp, type AmsterdamContract } from './support/amsterdam-contract';
import type { EngineApp } from './support/engine-harness';

let contract: AmsterdamContract;
let a: EngineApp;

beforeAll(async () => {
  contract = await amsterdamContract('herinnering_tijd_opschorting', (definitie) => {
    definitie.termijnen.aanbiederAfhandeling.opschorting = { grondslag: 'Klachtenprotocol Wmo keten §6 (contractueel)' };
  });
  a = contract.a;
}, 120_000);

afterAll(async () => {
  await contract?.close();
});

const aanbiederIntake = aanbiederIntakeOp('2026-03-02T10:00:00+01:00');

const rij = async (id: string) =>
  (await a.db
    .getRepository(TermijnEntity)
    .findOneByOrFail({ klachtId: id, naam: 'aanbiederAfhandeling', status: 'lopend' })) as TermijnEntity;

const verzonden = async (id: string) =>
  (
    (await a.db.query(`select payload from outbox where klacht_id = $1 and type = 'termijn.herinnering' order by id`, [id])) as Array<{
      payload: { vervaldatum: string; datum: string; revision: number };
    }>
  ).map((r) => r.payload);

const herinneringJob = (t: TermijnEntity): TermijnJob => ({
  klachtId: t.klachtId,
  termijnNaam: t.naam,
  revision: t.revision,
  kind: 'herinnering',
  herinnering: t.herinneringen[0].naam,
});

async function gecontacteerd() {
  const { klacht } = await a.engine.create(aanbiederIntake, { actor: 'kcc' });
  const stap = (type: string, at: string, data?: Record<string, unknown>) =>
    a.engine.apply(klacht.id, { type, at, ...(data ? { data } : {}) }, { actor: 'behandelaar' });
  // Klachtenprotocol Wmo keten §6: contact in time; the handling runs to 13 April, its reminder on 6 April.
  await stap('CONTACT_OPGENOMEN', '2026-03-03T10:00:00+01:00');
  const t = await rij(klacht.id);
  expect([t.vervaldatum, t.herinneringen.map((h) => h.datum)]).toEqual(['2026-04-13', ['2026-04-06']]);
  return { id: klacht.id, stap };
}

it('Klachtenprotocol Wmo keten Amsterdam §6 with Awb 9:11: a reminder due while its termijn is suspended is neither queued nor sent; after the hervatting the reminder before the new last day is sent once', async () => {
  const { id, stap } = await gecontacteerd();
  await stap('OPSCHORTEN', '2026-04-01T10:00:00+02:00', { termijn: 'aanbiederAfhandeling', reden: 'klager in het ziekenhuis' });
  const opgeschort = await rij(id);
  // Nothing for the sweep or a Redis rebuild to pick up, and the scheduler queues no reminder job.
  expect(opgeschort.volgendeHerinneringOp).toBeNull();
  await a.scheduler.planRij(opgeschort, Date.parse('2026-04-06T00:00:00+02:00'));
  expect(await a.scheduler.queue.getJob(termijnJobId(herinneringJob(opgeschort)))).toBeUndefined();
  // A job queued before the opschorting (same revision) wakes on 6 April: it sends nothing, marks nothing.
  expect(await a.wake.herinnering(herinneringJob(opgeschort), new Date('2026-04-06T00:00:05+02:00'))).toBe('stale');
  expect(await verzonden(id)).toEqual([]);
  expect((await rij(id)).herinneringen.filter((h) => h.verzondenOp || h.overgeslagenOp)).toEqual([]);
  // Also not after the old last day has gone by.
  expect(await a.wake.herinnering(herinneringJob(opgeschort), new Date('2026-04-15T09:00:00+02:00'))).toBe('stale');
  expect(await verzonden(id)).toEqual([]);

  // 20 days suspended (1 to 21 April): last day 3 May, its reminder on 26 April.
  await stap('HERVATTEN', '2026-04-21T10:00:00+02:00', { termijn: 'aanbiederAfhandeling' });
  const hervat = await rij(id);
  expect([hervat.vervaldatum, hervat.herinneringen.map((h) => h.datum)]).toEqual(['2026-05-03', ['2026-04-26']]);
  expect(hervat.volgendeHerinneringOp).toEqual(new Date('2026-04-26T00:00:00+02:00'));
  // The old job is stale; the new one sends, once, naming the new last day.
  expect(await a.wake.herinnering(herinneringJob(opgeschort), new Date('2026-04-26T00:00:05+02:00'))).toBe('stale');
  expect(await a.wake.herinnering(herinneringJob(hervat), new Date('2026-04-26T00:00:05+02:00'))).toBe('verwerkt');
  expect(await a.wake.herinnering(herinneringJob(hervat), new Date('2026-04-26T00:00:06+02:00'))).toBe('stale');
  expect(await verzonden(id)).toEqual([
    expect.objectContaining({ vervaldatum: '2026-05-03', datum: '2026-04-26', revision: hervat.revision }),
  ]);
});

it('Klachtenprotocol Wmo keten Amsterdam §6: a termijn suspended and resumed on the same day keeps its last day, and its reminder still comes', async () => {
  const { id, stap } = await gecontacteerd();
  await stap('OPSCHORTEN', '2026-04-02T09:00:00+02:00', { termijn: 'aanbiederAfhandeling', reden: 'klager onbereikbaar' });
  await stap('HERVATTEN', '2026-04-02T16:00:00+02:00', { termijn: 'aanbiederAfhandeling' });
  const t = await rij(id);
  expect([t.vervaldatum, t.volgendeHerinneringOp]).toEqual(['2026-04-13', new Date('2026-04-06T00:00:00+02:00')]);
  expect(await a.wake.herinnering(herinneringJob(t), new Date('2026-04-06T00:00:05+02:00'))).toBe('verwerkt');
  expect(await verzonden(id)).toEqual([expect.objectContaining({ vervaldatum: '2026-04-13', datum: '2026-04-06' })]);
});

it('Klachtenprotocol Wmo keten Amsterdam §6: a suspended termijn whose row still names a next reminder (written before this rule) is cleared by its wake-up, so the sweep stops picking it', async () => {
  const { id, stap } = await gecontacteerd();
  await stap('OPSCHORTEN', '2026-04-01T10:00:00+02:00', { termijn: 'aanbiederAfhandeling', reden: 'klager in het ziekenhuis' });
  await a.db.query(`update termijn set volgende_herinnering_op = '2026-04-05T22:00:00Z' where klacht_id = $1 and status = 'lopend'`, [id]);
  expect(await a.wake.herinnering(herinneringJob(await rij(id)), new Date('2026-04-06T00:00:05+02:00'))).toBe('stale');
  expect((await rij(id)).volgendeHerinneringOp).toBeNull();
  expect(await verzonden(id)).toEqual([]);
});
