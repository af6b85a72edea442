/**
 * A reminder is skipped when its wake-up comes after its termijn passed (Awb 9:11; test/termijn-herinnering.test.ts).
 * Passed by which last day? A termijn row written under an older calendar (Algemene termijnenwet art. 3 lid 3: a day
 * equated with a holiday by decree since) stands on an earlier day than the regime gives now; its expiry wake-up then
 * finds the termijn still running and moves the row (test/wekker-en-late-registratie.test.ts). The reminder asks the
 * same question (termijn-wake.service.ts vraagVerval): between the row's day and the regime's it is sent, naming the
 * regime's day; after the regime's day it is skipped.
 *
 * The seed definitions (Stichtse Vecht), the real wake-ups at fixed dates; no worker runs (ROLE=api).
 */
import { intake } from '../src/machines/intake.spec-hulp';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

let tdb: TestDatabase;
let a: EngineApp;

beforeAll(async () => {
  tdb = await createTestDatabase('herinnering_regime_dag');
  a = await createEngineApp({ databaseUrl: tdb.url, regimes: 'definities', env: { ROLE: 'api', SWEEP_INTERVAL_MS: '600000' } });
}, 120_000);

afterAll(async () => {
  await a?.close();
  await tdb?.drop();
});

interface Rij {
  revision: number;
  vervaldatum: string;
  herinneringen: Array<{ naam: string; datum: string; verzondenOp?: string; overgeslagenOp?: string }>;
}

const afhandeling = async (id: string): Promise<Rij[]> =>
  (await a.db.query(
    `select revision, vervaldatum::text as vervaldatum, herinneringen from termijn
      where klacht_id = $1 and naam = 'afhandeling' and status = 'lopend'`,
    [id],
  )) as Rij[];

const herinneringen = async (id: string) =>
  (
    (await a.db.query(`select payload from outbox where klacht_id = $1 and type = 'termijn.herinnering' order by id`, [id])) as Array<{
      payload: Record<string, unknown>;
    }>
  ).map((r) => r.payload);

/**
 * A klacht in formal handling since 3 April 2026 whose afhandeltermijn the regime ends on Monday 18 May 2026 (six weeks
 * from 2 April end on Hemelvaartsdag 14 May; Friday 15 May is equated with a holiday by decree), while its row, written
 * by a release that did not know that decree, says Friday 15 May.
 */
async function rijOpOudeKalender(): Promise<{ id: string; rij: Rij }> {
  const { klacht } = await a.engine.create(intake(), { actor: 'kcc' });
  await a.engine.apply(klacht.id, { type: 'FORMELE_BEHANDELING', at: '2026-04-03T10:00:00+02:00' }, { actor: 'behandelaar' });
  // The termijn before it passes first (a step of the klacht would put every row right by itself).
  const [kennisgeving] = await a.db.query(`select revision from termijn where klacht_id = $1 and naam = 'nietBehandelenKennisgeving'`, [
    klacht.id,
  ]);
  await a.wake.verval(
    { klachtId: klacht.id, termijnNaam: 'nietBehandelenKennisgeving', revision: kennisgeving.revision, kind: 'verval' },
    new Date('2026-05-01T00:00:05+02:00'),
  );
  const [nu] = await afhandeling(klacht.id);
  expect(nu.vervaldatum).toBe('2026-05-18');
  await a.db.query(
    `update termijn set vervaldatum = '2026-05-15', vervalt_op = '2026-05-15T22:00:00Z' where klacht_id = $1 and naam = 'afhandeling'`,
    [klacht.id],
  );
  await a.db.query(`update klacht set eerste_vervalt_op = '2026-05-15T22:00:00Z' where id = $1`, [klacht.id]);
  const [rij] = await afhandeling(klacht.id);
  expect(rij).toMatchObject({ vervaldatum: '2026-05-15' });
  expect(rij.herinneringen).toHaveLength(1);
  expect(rij.herinneringen[0].verzondenOp).toBeUndefined();
  return { id: klacht.id, rij };
}

const wekHerinnering = (id: string, rij: Rij, op: string) =>
  a.wake.herinnering(
    { klachtId: id, termijnNaam: 'afhandeling', revision: rij.revision, kind: 'herinnering', herinnering: rij.herinneringen[0].naam },
    new Date(op),
  );

describe('Algemene termijnenwet art. 3 lid 3 with Awb 9:11: a reminder judged by the regime’s last day, not its row’s', () => {
  it('Awb 9:11 lid 1: woken after the row’s last day but before the regime’s, the reminder is sent, naming the regime’s day, and the expiry agrees', async () => {
    const { id, rij } = await rijOpOudeKalender();
    // The worker was down from before the reminder's day; the queue delivers the reminder first, on Saturday 16 May.
    expect(await wekHerinnering(id, rij, '2026-05-16T00:00:05+02:00')).toBe('verwerkt');
    expect(await herinneringen(id)).toEqual([expect.objectContaining({ naam: 'afhandeling', vervaldatum: '2026-05-18' })]);
    const [na] = await afhandeling(id);
    expect(na.herinneringen[0]).toEqual(expect.objectContaining({ verzondenOp: '2026-05-15T22:00:05.000Z' }));
    expect(na.herinneringen[0].overgeslagenOp).toBeUndefined();
    // The expiry's wake-up of the same moment finds the termijn running too: it moves the row to the regime's day.
    expect(
      await a.wake.verval(
        { klachtId: id, termijnNaam: 'afhandeling', revision: rij.revision, kind: 'verval' },
        new Date('2026-05-16T00:00:06+02:00'),
      ),
    ).toBe('verwerkt');
    const [verplaatst] = await afhandeling(id);
    expect(verplaatst).toMatchObject({ revision: rij.revision + 1, vervaldatum: '2026-05-18' });
    // The reminder it sent stays sent: not sent again under the new revision.
    expect(verplaatst.herinneringen[0].verzondenOp).toBe('2026-05-15T22:00:05.000Z');
    expect(await wekHerinnering(id, verplaatst, '2026-05-16T00:00:07+02:00')).toBe('stale');
    expect(await herinneringen(id)).toHaveLength(1);
  });

  it('Awb 9:11: woken after the regime’s last day too, the reminder is skipped, never sent', async () => {
    const { id, rij } = await rijOpOudeKalender();
    expect(await wekHerinnering(id, rij, '2026-05-19T00:00:05+02:00')).toBe('stale');
    expect(await herinneringen(id)).toEqual([]);
    const [na] = await afhandeling(id);
    expect(na.herinneringen[0]).toEqual(expect.objectContaining({ overgeslagenOp: '2026-05-18T22:00:05.000Z' }));
    expect(na.herinneringen[0].verzondenOp).toBeUndefined();
  });
});
