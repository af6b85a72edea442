import type { DataSource } from 'typeorm';
import { createDataSource } from '../src/database/data-source-options';
import { parseCsv, rapportageCsv, BOM, CSV_KOLOMMEN } from '../src/modules/reports/rapportage-csv';
import {
  queryJaaroverzicht,
  queryRapportage,
  queryStateTellingen,
  AFHANDEL_TERMIJNEN,
  type RapportageFilter,
} from '../src/modules/reports/rapportage.repository';
import { createTestDatabase, type TestDatabase } from './support';
import { AANBIEDERS, genereerKlachten, insertKlachten, type TestKlacht } from './reports-data';

const NU = new Date('2026-06-15T10:00:00Z');
const SV = { gemeente: 'GM1904', definitieId: 'gm1904-stichtse-vecht' };

let tdb: TestDatabase;
let db: DataSource;
let klachten: TestKlacht[];

beforeAll(async () => {
  tdb = await createTestDatabase('reports');
  db = createDataSource({ url: tdb.url, poolSize: 3 });
  await db.initialize();
  klachten = genereerKlachten({
    n: 1500,
    seed: 6,
    ...SV,
    van: new Date('2025-10-01T00:00:00Z'),
    tot: new Date('2026-06-14T00:00:00Z'),
    nu: NU,
  });
  // Another gemeente's klachten in the same tables: the reports must never count them.
  const amsterdam = genereerKlachten({
    n: 300,
    seed: 7,
    gemeente: 'GM0363',
    definitieId: 'gm0363-amsterdam',
    van: new Date('2025-10-01T00:00:00Z'),
    tot: new Date('2026-06-14T00:00:00Z'),
    nu: NU,
  });
  await insertKlachten(db, [...klachten, ...amsterdam]);
  // Awb 9:11 lid 3: forty termijnen met after an uitstel the klager consented to in writing (mutation instemming), with no
  // verdaging; the generator writes verdagingen only. The first forty received in the half year of `halfjaar`: the same rows every run.
  await db.query(
    `update termijn set mutaties = '[{"soort":"instemming","at":"2026-01-05T09:00:00Z","tot":"2026-03-01","schriftelijk":true}]'::jsonb
     where id in (select t.id from termijn t join klacht k on k.id = t.klacht_id
                  where k.gemeente = 'GM1904' and t.status = 'nagekomen' and t.mutaties = '[]'::jsonb
                    and k.ontvangen_op >= '2025-12-01T00:00:00+01:00'
                  order by k.ontvangen_op, k.kanaal limit 40)`,
  );
});

afterAll(async () => {
  await db?.destroy();
  await tdb?.drop();
});

const halfjaar: RapportageFilter = { gemeenten: [SV.gemeente], van: '2025-12-01', tot: '2026-06-30', drempel: 10, peildatum: NU };

/** Direct count, written independently of the report SQL. */
async function tel(where: string, params: unknown[] = []): Promise<number> {
  const [{ n }] = await db.query(
    `select count(*)::int as n from klacht k where k.gemeente = 'GM1904'
       and k.ontvangen_op >= '2025-12-01T00:00:00+01:00' and k.ontvangen_op < '2026-07-01T00:00:00+02:00' and ${where}`,
    params,
  );
  return n;
}

describe('rapportage per gemeente en periode (Uitgangspunten klachtenmanagement Sociaal Domein §10, contract art. 11.1: naar aard en oorzaak, met afwikkeling en maatregelen)', () => {
  test('counts per aanbieder, aard, oorzaak and kanaal match a direct SQL count', async () => {
    const r = await queryRapportage(db, halfjaar);
    expect(r.totaal).toBe(await tel('true'));
    expect(r.totaal).toBeGreaterThan(500);
    for (const a of AANBIEDERS) {
      const rij = r.perAanbieder.find((x) => x.waarde === a.id);
      expect({ a: a.id, n: rij?.aantal ?? 0 }).toEqual({
        a: a.id,
        n: await tel(`k.aanbieders @> $1::jsonb`, [JSON.stringify([{ id: a.id }])]),
      });
      expect(rij?.naam).toBe(a.naam);
    }
    expect(r.perAanbieder.find((x) => x.waarde === '(gemeente)')?.aantal).toBe(await tel(`jsonb_array_length(k.aanbieders) = 0`));
    for (const t of r.perAard) {
      const n = t.waarde === '(onbekend)' ? await tel('k.categorie is null') : await tel('k.categorie = $1', [t.waarde]);
      expect({ aard: t.waarde, n: t.aantal }).toEqual({ aard: t.waarde, n });
    }
    for (const t of r.perOorzaak) {
      const n = t.waarde === '(onbekend)' ? await tel('k.oorzaak is null') : await tel('k.oorzaak = $1', [t.waarde]);
      expect({ oorzaak: t.waarde, n: t.aantal }).toEqual({ oorzaak: t.waarde, n });
    }
    for (const t of r.perKanaal) expect(t.aantal).toBe(await tel('k.kanaal = $1', [t.waarde]));
    for (const t of r.perOordeel.filter((x) => x.waarde !== 'zonderOordeel' && x.waarde !== 'nogOpen'))
      expect(t.aantal).toBe(await tel('k.oordeel = $1', [t.waarde]));
    // Regels: one per aanbieder x aard x oorzaak; summed they give the per-aanbieder totals.
    for (const a of r.perAanbieder) {
      expect(r.regels.filter((x) => x.aanbiederId === a.waarde).reduce((s, x) => s + x.aantal, 0)).toBe(a.aantal);
    }
    const zb = r.regels.find((x) => x.aanbiederId === 'zorgbalans' && x.aard === 'bejegening' && x.oorzaak === 'planning')!;
    expect(zb.aantal).toBe(await tel(`k.aanbieders @> '[{"id":"zorgbalans"}]' and k.categorie = 'bejegening' and k.oorzaak = 'planning'`));
    expect(zb.gegrond).toBe(
      await tel(
        `k.aanbieders @> '[{"id":"zorgbalans"}]' and k.categorie = 'bejegening' and k.oorzaak = 'planning' and k.oordeel = 'gegrond'`,
      ),
    );
    // Uitgangspunten klachtenmanagement Sociaal Domein §10, contract art. 11.1: "met de getroffen maatregelen" — the distinct maatregelen of exactly those klachten.
    const maatregelen: Array<{ m: string }> = await db.query(
      `select distinct m from klacht k, jsonb_array_elements_text(k.maatregelen) m where k.gemeente = 'GM1904'
         and k.ontvangen_op >= '2025-12-01T00:00:00+01:00' and k.ontvangen_op < '2026-07-01T00:00:00+02:00'
         and k.aanbieders @> '[{"id":"zorgbalans"}]' and k.categorie = 'bejegening' and k.oorzaak = 'planning' order by m`,
    );
    expect(zb.maatregelen).toEqual(maatregelen.map((r) => r.m));
    expect(r.regels.some((x) => x.maatregelen.length > 0)).toBe(true);
  });

  test("Awb 9:11: termijn compliance splits on time, on time after verdaging or an uitstel with the klager's consent (lid 3), late now, late when met and still running (from termijn rows)", async () => {
    const r = await queryRapportage(db, halfjaar);
    const get = (w: string) => r.perTermijn.find((t) => t.waarde === w)?.aantal ?? 0;
    const namen = AFHANDEL_TERMIJNEN;
    const t = (cond: string) => tel(`exists (select 1 from termijn t where t.klacht_id = k.id and t.naam = any($1) and ${cond})`, [namen]);
    // Late now: an open klacht with an obligation past its termijn and not met (docs/te-laat.md).
    const teLaat = await t(`not k.done and t.verplichting and t.vervalt_op <= '${NU.toISOString()}'
      and (t.status = 'lopend' or (t.status = 'verlopen' and t.gesloten_op is null))`);
    expect(get('teLaat')).toBe(teLaat);
    expect(get('teLaat')).toBeGreaterThan(0);
    // Was late when met: the afhandeltermijn passed before the klacht was afgedaan (these klachten all ended).
    expect(get('teLaatAfgehandeld')).toBe(await t(`t.status = 'verlopen' and k.done`));
    expect(get('teLaatAfgehandeld')).toBeGreaterThan(0);
    // Awb 9:11 lid 2 and 3: met after a verdaging, or after an uitstel the klager consented to, is naVerdaging, never opTijd.
    const verlengd = `(t.mutaties @> '[{"soort":"verdaging"}]' or t.mutaties @> '[{"soort":"instemming"}]')`;
    expect(get('naVerdaging')).toBe(await t(`t.status = 'nagekomen' and ${verlengd}`));
    expect(get('opTijd')).toBe(await t(`t.status = 'nagekomen' and not ${verlengd}`));
    // Both kinds are in the period: an uitstel alone must count, not only a verdaging.
    expect(
      await t(`t.status = 'nagekomen' and t.mutaties @> '[{"soort":"instemming"}]' and not t.mutaties @> '[{"soort":"verdaging"}]'`),
    ).toBeGreaterThan(0);
    expect(await t(`t.status = 'nagekomen' and t.mutaties @> '[{"soort":"verdaging"}]'`)).toBeGreaterThan(0);
    expect(get('lopend')).toBe(await t(`t.status = 'lopend' and t.vervalt_op > '${NU.toISOString()}'`));
    expect(get('geenTermijn')).toBe(await tel(`not exists (select 1 from termijn t where t.klacht_id = k.id)`));
  });

  test('filter on one aanbieder: only its klachten, and the gemeente scope holds', async () => {
    const r = await queryRapportage(db, { ...halfjaar, aanbieder: 'jeugdformaat' });
    expect(r.totaal).toBe(await tel(`k.aanbieders @> '[{"id":"jeugdformaat"}]'`));
    expect(r.perAanbieder.map((a) => a.waarde)).toEqual(['jeugdformaat']);
    const ander = await queryRapportage(db, { ...halfjaar, gemeenten: ['GM0457'] });
    expect(ander.totaal).toBe(0);
  });

  test('Team Geschilbeslechting (Klachtenprotocol Wmo keten Amsterdam §11): same aanbieder + aard at the threshold is flagged as terugkerend, one below is not', async () => {
    const [{ n }] = await db.query(
      `select count(*)::int as n from klacht k where k.gemeente = 'GM1904' and k.categorie = 'vervoer te laat'
         and k.aanbieders @> '[{"id":"vervoer-plus"}]'
         and k.ontvangen_op >= '2025-12-01T00:00:00+01:00' and k.ontvangen_op < '2026-07-01T00:00:00+02:00'`,
    );
    expect(n).toBeGreaterThan(2);
    const op = await queryRapportage(db, { ...halfjaar, drempel: n });
    expect(op.terugkerend).toContainEqual({
      gemeente: 'GM1904',
      aanbiederId: 'vervoer-plus',
      aanbiederNaam: 'Vervoer Plus',
      aard: 'vervoer te laat',
      aantal: n,
    });
    expect(op.regels.filter((x) => x.aanbiederId === 'vervoer-plus' && x.aard === 'vervoer te laat').every((x) => x.terugkerend)).toBe(
      true,
    );
    const boven = await queryRapportage(db, { ...halfjaar, drempel: n + 1 });
    expect(boven.terugkerend.find((t) => t.aanbiederId === 'vervoer-plus' && t.aard === 'vervoer te laat')).toBeUndefined();
    expect(boven.regels.filter((x) => x.aanbiederId === 'vervoer-plus' && x.aard === 'vervoer te laat').some((x) => x.terugkerend)).toBe(
      false,
    );
    // About an aanbieder only: klachten the gemeente handled without one are never "terugkerend".
    const laag = await queryRapportage(db, { ...halfjaar, drempel: 2 });
    expect(laag.regels.some((x) => x.aanbiederId === '(gemeente)' && x.aantal >= 2)).toBe(true);
    expect(laag.terugkerend.map((x) => x.aanbiederId)).not.toContain('(gemeente)');
  });

  test('the CSV opens with Dutch headers, a UTF-8 BOM and ; separators, and parses back to the report lines', async () => {
    const r = await queryRapportage(db, halfjaar);
    const csv = rapportageCsv(r.regels, { gemeente: 'GM1904', van: halfjaar.van, tot: halfjaar.tot });
    expect(csv.startsWith(BOM)).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(CSV_KOLOMMEN.map((k) => k.kop));
    expect(rows[0].slice(0, 8)).toEqual([
      'Gemeente',
      'Periode van',
      'Periode tot en met',
      'Aanbieder',
      'Aanbieder-id',
      'Aard',
      'Oorzaak',
      'Aantal klachten',
    ]);
    expect(rows).toHaveLength(r.regels.length + 1);
    const kol = (naam: string) => rows[0].indexOf(naam);
    const som = rows.slice(1).reduce((s, row) => s + Number(row[kol('Aantal klachten')]), 0);
    expect(som).toBe(r.regels.reduce((s, x) => s + x.aantal, 0));
    expect(new Set(rows.slice(1).map((row) => row[kol('Terugkerende klacht')]))).toEqual(
      new Set(
        r.regels.some((x) => x.terugkerend)
          ? ['ja', 'nee'].filter((v) => r.regels.some((x) => (x.terugkerend ? 'ja' : 'nee') === v))
          : ['nee'],
      ),
    );
  });

  test('CSV fields with ; quotes or formulas are quoted and defused', () => {
    const csv = rapportageCsv(
      [
        {
          gemeente: 'GM1904',
          aanbiederId: 'x',
          aanbiederNaam: 'Zorg; "Goed"',
          aard: '=HYPERLINK("x")',
          oorzaak: 'a\nb',
          aantal: 1,
          gegrond: 0,
          deelsGegrond: 0,
          ongegrond: 0,
          zonderOordeel: 1,
          opTijd: 0,
          naVerdaging: 0,
          teLaat: 0,
          teLaatAfgehandeld: 0,
          lopend: 1,
          tevreden: 0,
          nietTevreden: 0,
          maatregelen: [],
          terugkerend: false,
        },
      ],
      { gemeente: 'GM1904', van: '2026-01-01', tot: '2026-06-30' },
    );
    const [, row] = parseCsv(csv);
    expect(row[3]).toBe('Zorg; "Goed"');
    expect(row[5]).toBe(`'=HYPERLINK("x")`);
    expect(row[6]).toBe('a\nb');
  });
});

describe('Awb 9:12a jaaroverzicht', () => {
  test('Awb 9:12a: the yearly overview counts only registered written klachten (brief, webformulier, e-mail), not oral ones, signalen or meldingen', async () => {
    const j = await queryJaaroverzicht(db, 'GM1904', ['GM1904'], { van: '2026-01-01', tot: '2026-12-31' });
    const [{ n }] = await db.query(
      `select count(*)::int as n from klacht where gemeente = 'GM1904' and soort = 'klacht' and kanaal in ('brief', 'webformulier', 'email')
         and ontvangen_op >= '2026-01-01T00:00:00+01:00' and ontvangen_op < '2027-01-01T00:00:00+01:00'`,
    );
    const [{ alle }] = await db.query(
      `select count(*)::int as alle from klacht where gemeente = 'GM1904' and ontvangen_op >= '2026-01-01T00:00:00+01:00'`,
    );
    expect(j.schriftelijk).toBe(n);
    expect(j.schriftelijk).toBeLessThan(alle);
    expect(j.perAard.reduce((s, t) => s + t.aantal, 0)).toBe(n);
  });
});

describe('state heatmap', () => {
  test('counts per state, overdue / nearly due bands and median days in state agree with the tables', async () => {
    const rows = await queryStateTellingen(db, ['GM1904'], 'gm1904-stichtse-vecht', '2015-01', NU);
    const [{ n }] = await db.query(`select count(*)::int as n from klacht where gemeente = 'GM1904'`);
    expect(rows.reduce((s, r) => s + r.count, 0)).toBe(n);
    for (const r of rows) {
      const [{ c }] = await db.query(`select count(*)::int as c from klacht where gemeente = 'GM1904' and state = $1`, [r.state]);
      expect(r.count).toBe(c);
      // Te laat (docs/te-laat.md): an open obligation past its termijn and not met, the klacht still open.
      const [{ o }] = await db.query(
        `select count(*)::int as o from klacht k where gemeente = 'GM1904' and state = $1 and not done
           and exists (select 1 from termijn t where t.klacht_id = k.id and t.verplichting and t.vervalt_op <= $2
                       and (t.status = 'lopend' or (t.status = 'verlopen' and t.gesloten_op is null)))`,
        [r.state, NU],
      );
      expect(r.overdue).toBe(o);
    }
    const open = rows.filter((r) => ['ontvangen', 'inBehandeling', 'hoorzitting'].includes(r.state));
    expect(open.every((r) => r.medianDays !== null && r.medianDays >= 0)).toBe(true);
    expect(rows.filter((r) => ['afgedaan', 'informeelAfgedaan'].includes(r.state)).every((r) => r.medianDays === null)).toBe(true);
  });
});
