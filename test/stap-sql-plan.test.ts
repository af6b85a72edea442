import { Client } from 'pg';
import { INTAKE_SQL, STAP_SQL, STAP_ZONDER_TERMIJNEN_SQL } from '../src/modules/engine/stap-sql';
import { createTestDatabase, type TestDatabase } from './support';

interface PlanKnoop {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanKnoop[];
}

/** Every scan in a plan, as "<node type> <table>". */
function scans(k: PlanKnoop): string[] {
  const hier = k['Relation Name'] && /Scan$/.test(k['Node Type']) ? [`${k['Node Type']} ${k['Relation Name']}`] : [];
  return [...hier, ...(k.Plans ?? []).flatMap(scans)];
}

/** Literals for EXPLAIN EXECUTE (test values only: no quotes inside). */
const lijst = (w: unknown[]) => w.map((v) => (v === null ? 'NULL' : typeof v === 'boolean' ? String(v) : `'${String(v)}'`)).join(', ');

const KLACHT = '00000000-0000-4000-8000-000000000001';
const PATCH = JSON.stringify([{ id: '00000000-0000-4000-8000-000000000002', status: 'beeindigd' }]);
/** $1..$17 of both statements (stap-sql.ts); then the step's guard $18, $19 or the intake's own $18..$27. */
const GEDEELD = [
  KLACHT,
  '{}',
  'inBehandeling',
  false,
  '[]',
  null,
  '{}',
  null,
  'E',
  'a',
  'kcc',
  '2026-01-05T10:00:00Z',
  null,
  '{}',
  PATCH,
  '[]',
  '[]',
];
const STAP = [...GEDEELD, null, null];
/** A step planned from the cache (klacht-cache.ts): its guard reads the klacht's termijnen too. */
const STAP_BEWAAKT = [...GEDEELD, '1234', '00000000-0000-4000-8000-000000000002:1234'];
/** The same guarded step without termijn changes, for the statement without termijn parts. */
const STAP_KORT = STAP_BEWAAKT.map((w, i) => (i === 14 ? '[]' : w));
const INTAKE = [...GEDEELD, 'GM0363', 'x', 1, 'klacht', 'web', '2026-01-05T10:00:00Z', 'gemeente', null, '[]', '{}'];

describe("the engine's prepared statements", () => {
  let db: TestDatabase;
  let c: Client;
  beforeAll(async () => {
    db = await createTestDatabase('stap_plan');
    c = new Client({ connectionString: db.url });
    await c.connect();
  });
  afterAll(async () => {
    await c?.end();
    await db?.drop();
  });

  // A connection prepares each statement once and keeps its plan; nothing re-plans it when the table grows
  // without an ANALYZE (autovacuum off, or not yet run). A plan made on an empty termijn table must not scan
  // the whole table: it would at every step, as the table grows (issue 17: a step cost 5 ms at 657 termijnen).
  it.each([
    ['step', STAP_SQL, STAP],
    ['guarded step', STAP_SQL, STAP_BEWAAKT],
    ['intake', INTAKE_SQL, INTAKE],
    ['guarded step without termijn parts', STAP_ZONDER_TERMIJNEN_SQL, STAP_KORT],
  ])(
    "the %s statement reaches the termijn rows it changes through the klacht's index, in a plan made on an empty table",
    async (_n, sql, waarden) => {
      await c.query('BEGIN');
      try {
        await c.query('SET LOCAL plan_cache_mode = force_generic_plan');
        await c.query(`PREPARE s AS ${sql}`);
        const plan = async () =>
          scans(
            ((await c.query(`EXPLAIN (FORMAT JSON) EXECUTE s(${lijst(waarden)})`)).rows[0]['QUERY PLAN'] as Array<{ Plan: PlanKnoop }>)[0]
              .Plan,
          );
        const leeg = await plan();
        await c.query(
          `insert into klacht (id, gemeente, definitie_id, definitie_versie, snapshot, state, version, soort, kanaal, ontvangen_op, ingediend_bij)
         select gen_random_uuid(), 'GM0363', 'x', 1, '{}', 'inBehandeling', 1, 'klacht', 'web', now(), 'gemeente' from generate_series(1, 2000)`,
        );
        await c.query(
          `insert into termijn (id, klacht_id, naam, label, vervaldatum, vervalt_op)
         select gen_random_uuid(), k.id, v.n, v.n, current_date, now() from klacht k, (values ('afhandeling'), ('contact')) v(n)`,
        );
        const vol = await plan();
        for (const s of [leeg, vol]) {
          expect(s.filter((x) => x.endsWith(' termijn'))).not.toContainEqual(expect.stringMatching(/^Seq Scan/));
          expect(s).toContainEqual(expect.stringMatching(/Scan termijn$/));
        }
      } finally {
        await c.query('ROLLBACK');
        // A prepared statement outlives the transaction.
        await c.query('DEALLOCATE ALL');
      }
    },
  );

  it('the step without termijn parts writes nothing at all when it is sent termijn changes, so none is lost', async () => {
    await c.query('BEGIN');
    try {
      await c.query(
        `insert into klacht (id, gemeente, definitie_id, definitie_versie, snapshot, state, version, soort, kanaal, ontvangen_op, ingediend_bij)
         values ($1, 'GM0363', 'x', 1, '{}', 'a', 1, 'klacht', 'web', now(), 'gemeente')`,
        [KLACHT],
      );
      await c.query(`PREPARE kort AS ${STAP_ZONDER_TERMIJNEN_SQL}`);
      const stap = async (waarden: unknown[]) => (await c.query(`EXECUTE kort(${lijst(waarden)})`)).rows;
      const stand = async () =>
        (
          await c.query(
            `select (select version from klacht where id = $1) as version, (select count(*)::int from klacht_gebeurtenis where klacht_id = $1) as history`,
            [KLACHT],
          )
        ).rows[0];
      const ongeguard = (w: unknown[]) => [...w.slice(0, 17), null, null];
      // With a termijn patch ($15) or a new termijn ($16): nothing.
      expect(await stap(ongeguard(STAP))).toEqual([]);
      expect(await stap(ongeguard(GEDEELD.map((w, i) => (i === 14 ? '[]' : i === 15 ? '[{"naam":"x"}]' : w))))).toEqual([]);
      expect(await stand()).toEqual({ version: 1, history: 0 });
      // Without: the klacht and its history, in one row back.
      expect(await stap(ongeguard(STAP_KORT))).toEqual([expect.objectContaining({ version: 2 })]);
      expect(await stand()).toEqual({ version: 2, history: 1 });
    } finally {
      await c.query('ROLLBACK');
      await c.query('DEALLOCATE ALL');
    }
  });
});
