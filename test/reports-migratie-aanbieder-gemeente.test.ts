/**
 * Migration RapportageAanbiederGemeente on reports stored before it (Wet samenvoeging Amsterdam en Weesp; Wet arhi art. 40):
 * a stored report names the gemeente that chose its aanbieder's id, and one made for a Weesp aanbieder on Amsterdam's
 * moment, until now filed under GM0457, goes to Amsterdam's moment. Reversible.
 */
import { RapportageAanbiederGemeente1795989000000 as Migratie } from '../src/database/migrations/1795989000000-RapportageAanbiederGemeente';
import { createDataSource } from '../src/database/data-source-options';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from './support';

const AMSTERDAM = 'GM0363';
const WEESP = 'GM0457';

let tdb: TestDatabase;
let ds: DataSource;

async function migreer(richting: 'up' | 'down'): Promise<void> {
  const qr = ds.createQueryRunner();
  await qr.startTransaction();
  try {
    await new Migratie()[richting](qr);
    await qr.commitTransaction();
  } catch (e) {
    await qr.rollbackTransaction();
    throw e;
  } finally {
    await qr.release();
  }
}

type Rij = { label: string; gemeente: string; aanbieder_gemeente?: string | null; aanbieder_id: string };
const rijen = async (): Promise<Rij[]> => {
  const kolommen: Array<{ column_name: string }> = await ds.query(
    `select column_name from information_schema.columns where table_name = 'rapportage' and column_name = 'aanbieder_gemeente'`,
  );
  return ds.query(`select label, gemeente, ${kolommen.length ? 'aanbieder_gemeente, ' : ''}aanbieder_id from rapportage order by label`);
};
const rij = (label: string, gemeente: string, aanbiederId: string, deadline: string, definitieId: string, soort = 'aanbieders') =>
  ds.query(
    `insert into rapportage (gemeente, definitie_id, soort, aanbieder_id, periode_van, periode_tot, deadline, label, inhoud)
     values ($1, $2, $3, $4, '2022-01-01', '2022-03-31', $5, $6, '{"totaal": 1}')`,
    [gemeente, definitieId, soort, aanbiederId, deadline, label],
  );

beforeAll(async () => {
  tdb = await createTestDatabase('reports_migratie_aanbieder_gemeente');
  ds = createDataSource({ url: tdb.url, poolSize: 2 });
  await ds.initialize();
  // The schema before the migration, with reports stored as the planning stored them then.
  await migreer('down');
  for (const [gemeente, definitie, soort, deadline] of [
    [AMSTERDAM, 'gm0363-amsterdam', 'aanbieders', '2022-05-01'],
    [WEESP, 'gm0457-weesp', 'aanbieders', '2022-07-01'],
    [WEESP, 'gm0457-weesp', 'jaarverslag', '2022-01-01'],
  ]) {
    await ds.query(
      `insert into rapportage_moment (gemeente, definitie_id, definitie_versie, soort, cadans, periode_van, periode_tot, deadline, naar, label, verwerkt_op)
       values ($1, $2, '2015-01', $3, 'kwartaal', '2022-01-01', '2022-03-31', $4, 'contractmanager', 'moment', now())`,
      [gemeente, definitie, soort, deadline],
    );
  }
  await rij('1 Amsterdam, hele gemeente', AMSTERDAM, '*', '2022-05-01', 'gm0363-amsterdam');
  await rij('2 Amsterdam, eigen zorgbalans', AMSTERDAM, 'zorgbalans', '2022-05-01', 'gm0363-amsterdam');
  // Weesp's aanbieder on Amsterdam's moment: filed under the gemeente that chose its id, with Amsterdam's definition.
  await rij('3 Weesps zorgbalans op het moment van Amsterdam', WEESP, 'zorgbalans', '2022-05-01', 'gm0363-amsterdam');
  await rij('4 Weesps zorgbalans op het eigen moment', WEESP, 'zorgbalans', '2022-07-01', 'gm0457-weesp');
  await rij('5 Weesp, jaaroverzicht', WEESP, '*', '2022-01-01', 'gm0457-weesp', 'jaarverslag');
  await migreer('up');
}, 120000);

afterAll(async () => {
  await ds?.destroy();
  await tdb?.drop();
});

describe('migration RapportageAanbiederGemeente', () => {
  test("Wet samenvoeging Amsterdam en Weesp: a Weesp aanbieder's report made on Amsterdam's moment (filed under GM0457) goes to Amsterdam's moment with aanbieder_gemeente GM0457; every other aanbieder report names its own gemeente, a gemeente-wide report none", async () => {
    expect(await rijen()).toEqual([
      { label: '1 Amsterdam, hele gemeente', gemeente: AMSTERDAM, aanbieder_gemeente: null, aanbieder_id: '*' },
      { label: '2 Amsterdam, eigen zorgbalans', gemeente: AMSTERDAM, aanbieder_gemeente: AMSTERDAM, aanbieder_id: 'zorgbalans' },
      {
        label: '3 Weesps zorgbalans op het moment van Amsterdam',
        gemeente: AMSTERDAM,
        aanbieder_gemeente: WEESP,
        aanbieder_id: 'zorgbalans',
      },
      { label: '4 Weesps zorgbalans op het eigen moment', gemeente: WEESP, aanbieder_gemeente: WEESP, aanbieder_id: 'zorgbalans' },
      { label: '5 Weesp, jaaroverzicht', gemeente: WEESP, aanbieder_gemeente: null, aanbieder_id: '*' },
    ]);
  });

  test("the key: an aanbieder's report must name the gemeente of its id and a gemeente-wide report none, a moment has one gemeente-wide report, and Weesp's and Amsterdam's 'zorgbalans' on one moment are two reports", async () => {
    const voeg = (gemeente: string, aanbiederGemeente: string | null, aanbiederId: string) =>
      ds.query(
        `insert into rapportage (gemeente, definitie_id, soort, aanbieder_id, aanbieder_gemeente, periode_van, periode_tot, deadline, label, inhoud)
         values ($1, 'gm0363-amsterdam', 'aanbieders', $2, $3, '2022-04-01', '2022-06-30', '2022-08-01', 'nieuw', '{}')`,
        [gemeente, aanbiederId, aanbiederGemeente],
      );
    await expect(voeg(AMSTERDAM, null, 'zorgbalans')).rejects.toThrow(/CHK_rapportage_aanbieder_gemeente/);
    await expect(voeg(AMSTERDAM, AMSTERDAM, '*')).rejects.toThrow(/CHK_rapportage_aanbieder_gemeente/);
    await voeg(AMSTERDAM, null, '*');
    await expect(voeg(AMSTERDAM, null, '*')).rejects.toThrow(/UQ_rapportage_moment_gemeente/);
    await voeg(AMSTERDAM, AMSTERDAM, 'zorgbalans');
    await voeg(AMSTERDAM, WEESP, 'zorgbalans');
    await expect(voeg(AMSTERDAM, WEESP, 'zorgbalans')).rejects.toThrow(/"UQ_rapportage_moment"/);
    await ds.query(`delete from rapportage where label = 'nieuw'`);
  });

  test("down files an aanbieder's report under the gemeente of its id again and drops the column; with two reports the old key cannot tell apart it fails and nothing is lost", async () => {
    // Weesp's aanbieder on Weesp's own moment due the same day as Amsterdam's: under the old key one row with report 3.
    await ds.query(
      `insert into rapportage (gemeente, definitie_id, soort, aanbieder_id, aanbieder_gemeente, periode_van, periode_tot, deadline, label, inhoud)
       values ($1, 'gm0457-weesp', 'aanbieders', 'zorgbalans', $1, '2021-07-01', '2021-12-31', '2022-05-01', '6 Weesps zorgbalans, eigen moment 1 mei', '{}')`,
      [WEESP],
    );
    const voor = await rijen();
    await expect(migreer('down')).rejects.toThrow(/UQ_rapportage_moment|duplicate key|could not create unique index/);
    expect(await rijen()).toEqual(voor);
    await ds.query(`delete from rapportage where label like '6 %'`);
    await migreer('down');
    expect(await rijen()).toEqual([
      { label: '1 Amsterdam, hele gemeente', gemeente: AMSTERDAM, aanbieder_id: '*' },
      { label: '2 Amsterdam, eigen zorgbalans', gemeente: AMSTERDAM, aanbieder_id: 'zorgbalans' },
      { label: '3 Weesps zorgbalans op het moment van Amsterdam', gemeente: WEESP, aanbieder_id: 'zorgbalans' },
      { label: '4 Weesps zorgbalans op het eigen moment', gemeente: WEESP, aanbieder_id: 'zorgbalans' },
      { label: '5 Weesp, jaaroverzicht', gemeente: WEESP, aanbieder_id: '*' },
    ]);
    // And up again, as a deployment that goes back and forth would.
    await migreer('up');
    expect((await rijen()).map((r) => [r.gemeente, r.aanbieder_gemeente])).toEqual([
      [AMSTERDAM, null],
      [AMSTERDAM, AMSTERDAM],
      [AMSTERDAM, WEESP],
      [WEESP, WEESP],
      [WEESP, null],
    ]);
  });
});
