/**
 * Operations (issue 12): `klachtregie sleutel` issues, lists and revokes API keys for any gemeente
 * and role, also for a gemeente added to definitions/ after the first start (which made keys only
 * for the gemeenten there then). The key is printed once; only its hash is stored.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { draaiCli } from './support/cli';
import { hashSleutel } from '../src/modules/auth/api-sleutel.service';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';

let db: TestDatabase;
let t: TestApp;
let defs: string;

const cli = (...args: string[]) => draaiCli({ DATABASE_URL: db.url, DEFINITIONS_DIR: defs }, 'sleutel', ...args);

beforeAll(async () => {
  db = await createTestDatabase('sleutel_cli');
  defs = mkdtempSync(join(tmpdir(), 'klachtregie-defs-'));
  cpSync(join(__dirname, '..', 'definitions'), defs, { recursive: true });
  // The first start: beheerder keys for the gemeenten in definitions/ at that moment.
  t = await createTestApp({ databaseUrl: db.url, env: { ROLE: 'api', DEFINITIONS_DIR: defs } });
}, 60_000);

afterAll(async () => {
  await t?.close();
  await db?.drop();
  rmSync(defs, { recursive: true, force: true });
});

describe('klachtregie sleutel (CLI)', () => {
  test('a gemeente added to definitions/ after the first start gets a beheerder key: printed once, stored as a hash, and it works', async () => {
    mkdirSync(join(defs, 'gm0772-eindhoven'));
    const { code, out } = await cli('uitgeven', '--gemeente', 'GM0772', '--rol', 'beheerder', '--naam', 'Beheer Eindhoven');
    expect(code).toBe(0);
    const sleutel = /^(kr_[a-z0-9]{12}_[A-Za-z0-9_-]{43})$/m.exec(out)?.[1];
    expect(sleutel).toBeDefined();
    const id = /id ([0-9a-f-]{36})/.exec(out)![1];

    const ds = t.app.get(DataSource);
    const [rij] = (await ds.query(
      'select gemeente, rol, naam, hash, row_to_json(api_sleutel)::text as alles from api_sleutel where id = $1',
      [id],
    )) as Array<Record<string, string>>;
    expect(rij).toMatchObject({ gemeente: 'GM0772', rol: 'beheerder', naam: 'Beheer Eindhoven', hash: hashSleutel(sleutel!) });
    // The secret is everything after `kr_<prefix>_` (base64url: it may itself contain '_').
    expect(rij.alles).not.toContain(sleutel!.slice(sleutel!.indexOf('_', 3) + 1));

    // The key works against the running service, for its own gemeente.
    const eigen = await request(t.http).get('/api/v1/api-sleutels').set('Authorization', `Bearer ${sleutel}`);
    expect(eigen.status).toBe(200);
    expect(JSON.stringify(eigen.body)).toContain(id);

    // lijst shows it without the key itself.
    const l = await cli('lijst', '--gemeente', 'GM0772');
    expect(l.code).toBe(0);
    expect(l.out).toContain(id);
    expect(l.out).toContain('Beheer Eindhoven');
    expect(l.out).not.toContain(sleutel!);

    // intrekken: from now on the key is refused.
    const weg = await cli('intrekken', id);
    expect(weg.code).toBe(0);
    expect(weg.out).toContain('ingetrokken');
    expect((await request(t.http).get('/api/v1/api-sleutels').set('Authorization', `Bearer ${sleutel}`)).status).toBe(401);
    expect((await cli('lijst', '--gemeente', 'GM0772')).out).toMatch(/ingetrokken \d{4}-/);
  });

  test('any role: an aanbieder key is bound to its aanbieder (as POST /api-sleutels requires)', async () => {
    const zonder = await cli('uitgeven', '--gemeente', 'GM0363', '--rol', 'aanbieder', '--naam', 'Zorg Noord');
    expect(zonder.code).toBe(2);
    expect(zonder.err).toContain('--aanbieder');
    const met = await cli(
      'uitgeven',
      '--gemeente',
      'GM0363',
      '--rol',
      'aanbieder',
      '--aanbieder',
      'zorg-noord',
      '--naam',
      'Zorg Noord',
      '--json',
    );
    expect(met.code).toBe(0);
    expect(JSON.parse(met.out)).toMatchObject({
      gemeente: 'GM0363',
      rol: 'aanbieder',
      aanbiederId: 'zorg-noord',
      sleutel: expect.stringMatching(/^kr_/),
    });
  });

  test('Wet arhi art. 40: Amsterdam issues a key for Weesp’s aanbieder (--aanbieder-gemeente GM0457), as POST /api-sleutels does; another gemeente or role is refused naming the option', async () => {
    const ds = t.app.get(DataSource);
    const met = await cli(
      'uitgeven',
      '--gemeente',
      'GM0363',
      '--rol',
      'aanbieder',
      '--aanbieder',
      'zorg-x',
      '--aanbieder-gemeente',
      'GM0457',
      '--naam',
      'Zorg X (Weesp)',
      '--json',
    );
    expect(met.code).toBe(0);
    const uit = JSON.parse(met.out) as { id: string; aanbiederGemeente: string };
    expect(uit).toMatchObject({ gemeente: 'GM0363', aanbiederId: 'zorg-x', aanbiederGemeente: 'GM0457' });
    const [rij] = (await ds.query('select aanbieder_gemeente from api_sleutel where id = $1', [uit.id])) as Array<{
      aanbieder_gemeente: string;
    }>;
    expect(rij.aanbieder_gemeente).toBe('GM0457');
    const lijst = await cli('lijst', '--gemeente', 'GM0363', '--json');
    expect(
      (JSON.parse(lijst.out) as Array<{ id: string; aanbiederGemeente?: string }>).find((r) => r.id === uit.id)?.aanbiederGemeente,
    ).toBe('GM0457');
    const [{ n: voor }] = (await ds.query('select count(*)::int as n from api_sleutel')) as Array<{ n: number }>;
    for (const args of [
      ['--rol', 'aanbieder', '--aanbieder', 'zorg-x', '--aanbieder-gemeente', 'GM0344'],
      ['--rol', 'klachtbehandelaar', '--aanbieder-gemeente', 'GM0457'],
      ['--rol', 'aanbieder', '--aanbieder', 'zorg-x', '--aanbieder-gemeente', 'Weesp'],
    ]) {
      const fout = await cli('uitgeven', '--gemeente', 'GM0363', '--naam', 'x', ...args);
      expect([args, fout.code]).toEqual([args, 2]);
      expect(fout.err).toContain('--aanbieder-gemeente');
    }
    const [{ n: na }] = (await ds.query('select count(*)::int as n from api_sleutel')) as Array<{ n: number }>;
    expect(na).toBe(voor);
  });

  test('bad input names the option and stores nothing: unknown gemeente, a gemeente opgeheven at a herindeling, unknown role, no name', async () => {
    const ds = t.app.get(DataSource);
    const [{ n: voor }] = (await ds.query('select count(*)::int as n from api_sleutel')) as Array<{ n: number }>;
    const onbekend = await cli('uitgeven', '--gemeente', 'GM0001', '--rol', 'beheerder', '--naam', 'x');
    expect(onbekend.code).toBe(2);
    expect(onbekend.err).toContain('onbekende gemeente GM0001');
    // Wet arhi art. 40: Weesp went into Amsterdam on 24 maart 2022; a key of Weesp would be refused at every request.
    const weesp = await cli('uitgeven', '--gemeente', 'GM0457', '--rol', 'beheerder', '--naam', 'x');
    expect(weesp.code).toBe(2);
    expect(weesp.err).toContain('Amsterdam (GM0363)');
    const rol = await cli('uitgeven', '--gemeente', 'GM0363', '--rol', 'baas', '--naam', 'x');
    expect(rol.code).toBe(2);
    expect(rol.err).toContain('--rol');
    const naam = await cli('uitgeven', '--gemeente', 'GM0363', '--rol', 'beheerder');
    expect(naam.code).toBe(2);
    expect(naam.err).toContain('--naam');
    expect((await cli('intrekken', 'geen-uuid')).code).toBe(2);
    const [{ n: na }] = (await ds.query('select count(*)::int as n from api_sleutel')) as Array<{ n: number }>;
    expect(na).toBe(voor);
  });
});
