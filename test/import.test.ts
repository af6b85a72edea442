import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { runCli } from '../src/cli/main';
import { importIntake } from './support/import-intake';
import { bearer } from './auth-support';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase, sqlOp } from './support';

/**
 * Bulk import of historic klachten (docs/import.md): the API's checks per line with the line and field
 * named, the engine's termijnen from the historic dates, and a real crash (kill -9 of the CLI) midway
 * followed by a re-run that imports every good line once.
 */
const root = join(__dirname, '..');

const LEVENSLOOP: Array<[string, string, Record<string, unknown>?]> = [
  ['FORMELE_BEHANDELING', '2024-03-05T09:00:00+01:00'],
  ['IN_BEHANDELING_NEMEN', '2024-03-06T09:00:00+01:00'],
  ['HOREN_UITNODIGEN', '2024-03-08T09:00:00+01:00'],
  ['HOORZITTING_GEHOUDEN', '2024-03-20T14:00:00+01:00'],
  ['VERSLAG_VASTGESTELD', '2024-03-22T10:00:00+01:00'],
  ['AFDOENEN', '2024-04-05T10:00:00+02:00', { oordeel: 'gegrond' }],
  ['KLAGER_TEVREDEN', '2024-04-10T10:00:00+02:00'],
];

const intake = importIntake;

const volledig = (extern: string, onderwerp: string) =>
  JSON.stringify({
    extern,
    intake: intake(onderwerp),
    gebeurtenissen: LEVENSLOOP.map(([type, at, data]) => ({ type, at, ...(data ? { data } : {}) })),
  });

const sql = sqlOp;

describe('bulk import of historic klachten', () => {
  let db: TestDatabase;
  let t: TestApp;
  let beheerder: string;
  let map: string;

  beforeAll(async () => {
    db = await createTestDatabase('import');
    t = await createTestApp({ databaseUrl: db.url, postgresQueue: true });
    beheerder = await bearer(t.app, 'GM0363', 'beheerder');
    map = mkdtempSync(join(tmpdir(), 'kr-import-'));
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await db?.drop();
    if (map) rmSync(map, { recursive: true, force: true });
  });

  interface ImportAntwoord {
    status: string;
    naam: string;
    totaal: number;
    verwerkt: number;
    geimporteerd: number;
    fout: number;
    fouten: Array<{ regel: number; veld: string; reden: string }>;
  }

  async function wachtTotKlaar(id: string): Promise<ImportAntwoord> {
    const tot = Date.now() + 60_000;
    for (;;) {
      const r = await request(t.http).get(`/api/v1/imports/${id}`).set('Authorization', beheerder);
      expect(r.status).toBe(200);
      if ((r.body as ImportAntwoord).status === 'klaar') return r.body as ImportAntwoord;
      if (Date.now() > tot) throw new Error(`import ${id} not done: ${JSON.stringify(r.body)}`);
      await new Promise((res) => setTimeout(res, 200));
    }
  }

  it('imports the good lines with their historic moments and names every bad line by line number and field; the same file again changes nothing', async () => {
    const regels = [
      volledig('AMS-2024-001', 'import goed 1'),
      JSON.stringify({ extern: 'AMS-2024-002', intake: intake('import fout kanaal', undefined, { kanaal: 'fax' }) }),
      '',
      '{"extern": "AMS-2024-003", "intake": ',
      JSON.stringify({
        extern: 'AMS-2024-004',
        intake: intake('import fout volgorde'),
        gebeurtenissen: [
          { type: 'FORMELE_BEHANDELING', at: '2024-03-06T09:00:00+01:00' },
          { type: 'IN_BEHANDELING_NEMEN', at: '2024-03-05T09:00:00+01:00' },
        ],
      }),
      JSON.stringify({
        extern: 'AMS-2024-005',
        intake: intake('import fout gebeurtenis'),
        gebeurtenissen: [{ type: 'HOORZITTING_GEHOUDEN', at: '2024-03-06T09:00:00+01:00' }],
      }),
      // Months between intake and the next event: the termijnen that passed meanwhile fire at their own moments.
      JSON.stringify({
        extern: 'AMS-2024-006',
        intake: intake('import goed laat', '2024-01-08T10:00:00+01:00'),
        gebeurtenissen: [{ type: 'FORMELE_BEHANDELING', at: '2024-06-03T09:00:00+02:00' }],
      }),
      JSON.stringify({ extern: 'AMS-2024-007', intake: intake('import fout feit', undefined, { feiten: { verzonnenFeit: true } }) }),
      JSON.stringify({
        extern: 'AMS-2024-008',
        intake: intake('import fout systeem'),
        gebeurtenissen: [{ type: 'TERMIJN_VERLOPEN', at: '2024-03-06T09:00:00+01:00', data: { termijn: 'afhandeling' } }],
      }),
    ];
    const bestand = Buffer.from(regels.join('\n') + '\n');
    const start = await request(t.http)
      .post('/api/v1/imports')
      .set('Authorization', beheerder)
      .attach('bestand', bestand, { filename: 'historie.ndjson', contentType: 'application/x-ndjson' });
    expect(start.status).toBe(202);
    const klaar = await wachtTotKlaar(start.body.id);
    expect(klaar).toMatchObject({ naam: 'historie.ndjson', totaal: 8, verwerkt: 8, geimporteerd: 2, fout: 6 });
    const fouten = klaar.fouten.map((f) => `${f.regel}:${f.veld}`);
    expect(fouten).toEqual(
      expect.arrayContaining([
        '2:intake.kanaal',
        '4:(regel)',
        '5:gebeurtenissen[1].at',
        '6:gebeurtenissen[0].type',
        '8:intake.feiten.verzonnenFeit',
        '9:gebeurtenissen[0].type',
      ]),
    );
    // A bad line writes nothing.
    expect(await sql(db.url, `select id from klacht where onderwerp like 'import fout%'`)).toHaveLength(0);

    const [goed] = await sql<{ id: string; state: string; done: boolean; ontvangen_op: Date }>(
      db.url,
      `select id, state, done, ontvangen_op from klacht where onderwerp = 'import goed 1'`,
    );
    expect(goed.done).toBe(true);
    expect(goed.ontvangen_op.toISOString()).toBe('2024-03-04T09:00:00.000Z');
    const historie = await sql<{ type: string; at: Date; actor: string }>(
      db.url,
      `select type, at, actor from klacht_gebeurtenis where klacht_id = $1 order by id`,
      [goed.id],
    );
    // The file's events at their own moments; termijnen that passed since fire at their own due moments too.
    expect(historie.filter((h) => h.type !== 'TERMIJN_VERLOPEN').map((h) => [h.type, h.at.toISOString()])).toEqual([
      ['KLACHT_ONTVANGEN', '2024-03-04T09:00:00.000Z'],
      ...LEVENSLOOP.map(([type, at]) => [type, new Date(at).toISOString()]),
    ]);
    expect(historie.map((h) => h.at.getTime())).toEqual([...historie.map((h) => h.at.getTime())].sort((a, b) => a - b));
    expect(historie[0].actor).toMatch(/^api-sleutel:/);

    // Termijnen from the historic receipt: the afhandeltermijn counts from 4 March 2024, not from today.
    const laat = (await sql<{ id: string }>(db.url, `select id from klacht where onderwerp = 'import goed laat'`))[0];
    const termijnen = await sql<{ naam: string; vervaldatum: string }>(
      db.url,
      `select naam, vervaldatum::text from termijn where klacht_id = $1`,
      [laat.id],
    );
    // Awb 9:11 lid 1: six weeks from receipt on 8 January 2024.
    expect(termijnen.find((x) => x.naam === 'afhandeling')?.vervaldatum).toBe('2024-02-19');
    const h2 = await sql<{ type: string; at: Date; payload: { termijn?: string } }>(
      db.url,
      `select type, at, payload from klacht_gebeurtenis where klacht_id = $1 order by id`,
      [laat.id],
    );
    const formeel = h2.findIndex((h) => h.type === 'FORMELE_BEHANDELING');
    // Passed between the intake (8 January) and the next event (3 June): fired before that event, at the end of its last day.
    expect(h2.slice(0, formeel).map((h) => [h.type, h.payload.termijn, h.at.toISOString()])).toEqual([
      ['KLACHT_ONTVANGEN', undefined, '2024-01-08T09:00:00.000Z'],
      ['TERMIJN_VERLOPEN', 'afhandeling', '2024-02-19T23:00:00.000Z'],
    ]);
    expect(h2.map((h) => h.at.getTime())).toEqual([...h2.map((h) => h.at.getTime())].sort((a, b) => a - b));

    // The same file again: the same import, nothing new.
    const opnieuw = await request(t.http)
      .post('/api/v1/imports')
      .set('Authorization', beheerder)
      .attach('bestand', bestand, { filename: 'historie.ndjson', contentType: 'application/x-ndjson' });
    expect(opnieuw.status).toBe(202);
    expect(opnieuw.body.id).toBe(start.body.id);
    await wachtTotKlaar(start.body.id);
    expect(await sql(db.url, `select id from klacht where onderwerp like 'import goed%'`)).toHaveLength(2);

    // Another file with a line that was imported before, now with other content: named, nothing changes.
    const ander = await request(t.http)
      .post('/api/v1/imports')
      .set('Authorization', beheerder)
      .attach('bestand', Buffer.from(volledig('AMS-2024-001', 'import goed 1 gewijzigd') + '\n'), {
        filename: 'correctie.ndjson',
        contentType: 'application/x-ndjson',
      });
    expect(ander.status).toBe(202);
    const correctie = await wachtTotKlaar(ander.body.id);
    expect(correctie).toMatchObject({ geimporteerd: 0, fout: 1, fouten: [expect.objectContaining({ regel: 1, veld: 'extern' })] });
    expect(await sql(db.url, `select id from klacht where onderwerp like 'import goed%'`)).toHaveLength(2);

    // A new file (say, the export again after a fix elsewhere) with that line unchanged, and with it the same intake
    // whose events differ: the first is imported, nothing written twice; the second is named. Before, the unchanged
    // line's events were applied again: the first lay before the klacht's clock and the line failed.
    const geschiedenis = () =>
      sql<{ n: number }>(
        db.url,
        `select count(*)::int as n from klacht_gebeurtenis g join klacht k on k.id = g.klacht_id where k.onderwerp = 'import goed 1'`,
      );
    const voor = await geschiedenis();
    const anders = JSON.parse(volledig('AMS-2024-001', 'import goed 1')) as { gebeurtenissen: Array<{ at: string }> };
    anders.gebeurtenissen[0].at = '2024-03-05T11:00:00+01:00';
    const weer = await request(t.http)
      .post('/api/v1/imports')
      .set('Authorization', beheerder)
      .attach('bestand', Buffer.from(`${volledig('AMS-2024-001', 'import goed 1')}\n${JSON.stringify(anders)}\n`), {
        filename: 'opnieuw.ndjson',
        contentType: 'application/x-ndjson',
      });
    expect(weer.status).toBe(202);
    expect(weer.body.id).not.toBe(start.body.id);
    expect(await wachtTotKlaar(weer.body.id)).toMatchObject({
      geimporteerd: 1,
      fout: 1,
      fouten: [expect.objectContaining({ regel: 2, veld: 'extern' })],
    });
    expect(await geschiedenis()).toEqual(voor);
    expect(await sql(db.url, `select id from klacht where onderwerp like 'import goed%'`)).toHaveLength(2);
  }, 120_000);

  it('Wet arhi art. 40: Amsterdam imports the history of Weesp, which it took over on 24 maart 2022, and not that of another gemeente', async () => {
    const weesp = {
      ...intake('import Weesp', '2021-06-01T10:00:00+02:00'),
      gemeente: 'GM0457',
      kanaal: 'brief',
      aanbieders: [],
      feiten: { betreftGemeentelijkeFunctionaris: true },
    };
    const regels = [
      JSON.stringify({ extern: 'WSP-2021-001', intake: weesp }),
      JSON.stringify({ extern: 'UTR-2021-001', intake: { ...weesp, gemeente: 'GM0344', onderwerp: 'import Utrecht' } }),
      // Received after the herindeling: by Amsterdam, not by Weesp.
      JSON.stringify({
        extern: 'WSP-2022-002',
        intake: { ...weesp, ontvangenOp: '2022-04-01T10:00:00+02:00', onderwerp: 'import Weesp te laat' },
      }),
    ];
    const start = await request(t.http)
      .post('/api/v1/imports')
      .set('Authorization', beheerder)
      .attach('bestand', Buffer.from(regels.join('\n') + '\n'), { filename: 'weesp.ndjson', contentType: 'application/x-ndjson' });
    expect(start.status).toBe(202);
    const klaar = await wachtTotKlaar(start.body.id);
    expect(klaar).toMatchObject({ geimporteerd: 1, fout: 2 });
    expect(klaar.fouten.map((f) => [f.regel, f.veld])).toEqual([
      [2, 'intake.gemeente'],
      [3, 'intake.gemeente'],
    ]);
    expect(klaar.fouten[1].reden).toContain('registreer de klacht voor Amsterdam (GM0363)');
    const [k] = await sql<{ gemeente: string; definitie_id: string }>(
      db.url,
      `select gemeente, definitie_id from klacht where onderwerp = 'import Weesp'`,
    );
    // Weesp's klacht under Weesp's regeling of its day.
    expect(k).toEqual({ gemeente: 'GM0457', definitie_id: 'gm0457-weesp' });
  }, 60_000);

  it('a CLI import killed midway (kill -9) and run again imports every good line exactly once and reports the bad lines as file:line: field', async () => {
    const goed = 40;
    const regels: string[] = [];
    for (let i = 1; i <= goed; i++) regels.push(volledig(`CLI-${i}`, `cli import ${i}`));
    regels.splice(10, 0, JSON.stringify({ extern: 'CLI-FOUT-1', intake: intake('cli fout', undefined, { kanaal: 'duif' }) }));
    regels.splice(25, 0, JSON.stringify({ extern: 'CLI-FOUT-2', intake: intake('cli fout', '2024-13-01T10:00:00+01:00') }));
    const pad = join(map, 'historie-cli.ndjson');
    writeFileSync(pad, regels.join('\n') + '\n');

    let uitvoer = '';
    const proces: ChildProcess = spawn(
      process.execPath,
      ['-r', './test/support/ts-register.js', 'src/cli/main.ts', 'import', pad, '--parallel', '2'],
      { cwd: root, env: { PATH: process.env.PATH ?? '', DATABASE_URL: db.url, LOG_LEVEL: 'error' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    proces.stdout!.on('data', (d) => (uitvoer += d));
    proces.stderr!.on('data', (d) => (uitvoer += d));
    const gestopt = new Promise<NodeJS.Signals | null>((r) => proces.once('exit', (_c, s) => r(s)));
    // Kill it once some lines are in, mid-import.
    const tot = Date.now() + 90_000;
    for (;;) {
      const [r] = await sql<{ n: number }>(
        db.url,
        `select count(*)::int as n from klacht_import_regel g join klacht_import i on i.id = g.import_id where i.naam = 'historie-cli.ndjson' and g.status <> 'open'`,
      );
      if (r && r.n >= 8) break;
      if (proces.exitCode !== null) throw new Error(`the CLI stopped before it was killed:\n${uitvoer}`);
      if (Date.now() > tot) throw new Error(`the CLI made no progress:\n${uitvoer}`);
      await new Promise((res) => setTimeout(res, 50));
    }
    proces.kill('SIGKILL');
    expect(await gestopt).toBe('SIGKILL');
    const [{ n: naKill }] = await sql<{ n: number }>(db.url, `select count(*)::int as n from klacht where onderwerp like 'cli import %'`);
    expect(naKill).toBeLessThan(goed);

    // Run again: continues, imports the rest, never a second klacht for a line.
    const uit: string[] = [];
    const fout: string[] = [];
    const code = await runCli(['import', pad], {
      out: (l) => uit.push(l),
      err: (l) => fout.push(l),
      cwd: root,
      env: { DATABASE_URL: db.url, LOG_LEVEL: 'error', DEFINITIONS_DIR: join(root, 'definitions') },
    });
    expect(uit.join('\n')).toContain('Hervat import');
    expect(code).toBe(1);
    expect(fout).toEqual(expect.arrayContaining([expect.stringMatching(/historie-cli\.ndjson:11: intake\.kanaal: /)]));
    expect(fout).toEqual(expect.arrayContaining([expect.stringMatching(/historie-cli\.ndjson:26: intake\.ontvangenOp: /)]));
    const klachten = await sql<{ onderwerp: string; n: number; events: number; verlopen: number; termijnen: number }>(
      db.url,
      `select k.onderwerp, count(distinct k.id)::int as n, count(g.id) filter (where g.type <> 'TERMIJN_VERLOPEN')::int as events,
              count(g.id) filter (where g.type = 'TERMIJN_VERLOPEN')::int as verlopen,
              count(distinct g.payload->>'termijn') filter (where g.type = 'TERMIJN_VERLOPEN')::int as termijnen
         from klacht k join klacht_gebeurtenis g on g.klacht_id = k.id
        where k.onderwerp like 'cli import %' group by k.onderwerp`,
    );
    expect(klachten).toHaveLength(goed);
    for (const k of klachten) {
      expect(k.n).toBe(1);
      // Intake + the lifecycle, each once (no step applied twice across the kill).
      expect(k.events).toBe(1 + LEVENSLOOP.length);
      expect(k.verlopen).toBe(k.termijnen);
    }
    const [stand] = await sql<{ status: string }>(db.url, `select status from klacht_import where naam = 'historie-cli.ndjson'`);
    expect(stand.status).toBe('klaar');
  }, 240_000);
});
