import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { bearer } from './auth-support';
import { createTestDatabase, type TestDatabase } from './support';
import { createTestApp, type TestApp } from './support/app';

/**
 * One role table, three places that must agree: what the guard lets through, what the OpenAPI document says
 * (`x-rollen` per operation) and the table per route in docs/api.md. Every operation is called with every
 * role (unknown ids and an empty body: the guard answers before anything is looked up or validated).
 */
const ROLLEN = ['beleidsmedewerker', 'klachtbehandelaar', 'aanbieder', 'procesEigenaar', 'systeem', 'beheerder'] as const;
type Rol = (typeof ROLLEN)[number];
const GEMEENTE = 'GM0363';
const BEGIN = '<!-- rollen-per-route:begin -->';
const EIND = '<!-- rollen-per-route:eind -->';

interface Operatie {
  sleutel: string;
  methode: string;
  pad: string;
  heeftBody: boolean;
  rollen: string[];
}

describe('the role table: guard, OpenAPI document and docs/api.md agree', () => {
  let db: TestDatabase;
  let t: TestApp;
  let basis: string;
  let operaties: Operatie[];
  let tokens: Record<Rol, string>;

  beforeAll(async () => {
    db = await createTestDatabase('rollen_tabel');
    t = await createTestApp({ databaseUrl: db.url, env: { ROLE: 'api', RATE_LIMIT_PER_MINUUT: '100000' } });
    await t.app.listen(0, '127.0.0.1');
    basis = `http://127.0.0.1:${(t.http.address() as AddressInfo).port}/api/v1`;
    tokens = Object.fromEntries(
      await Promise.all(
        ROLLEN.map(async (r) => [r, await bearer(t.app, GEMEENTE, r, r === 'aanbieder' ? 'zorg-noord' : undefined)] as const),
      ),
    ) as Record<Rol, string>;
    const doc = (await (await fetch(`${basis}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { security?: unknown[]; requestBody?: unknown; 'x-rollen'?: string[] }>>;
    };
    operaties = Object.entries(doc.paths).flatMap(([pad, item]) =>
      Object.entries(item)
        .filter(([, op]) => op.security?.length !== 0)
        .map(([methode, op]) => ({
          sleutel: `${methode.toUpperCase()} ${pad}`,
          methode: methode.toUpperCase(),
          pad,
          heeftBody: Boolean(op.requestBody),
          rollen: op['x-rollen'] ?? [],
        })),
    );
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('every operation with a token names its roles in the OpenAPI document (x-rollen)', () => {
    expect(operaties.length).toBeGreaterThan(30);
    expect(operaties.filter((o) => o.rollen.length === 0).map((o) => o.sleutel)).toEqual([]);
  });

  it('the guard refuses (403) exactly the roles the OpenAPI document leaves out, on every operation', async () => {
    const fouten: string[] = [];
    for (const op of operaties) {
      const url = basis + op.pad.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      for (const rol of ROLLEN) {
        // An aanbieder registers only klachten about itself (checked on the body before validation).
        const body = op.sleutel === 'POST /klachten' ? { aanbieders: [{ id: 'zorg-noord' }] } : {};
        const res = await fetch(url, {
          method: op.methode,
          headers: { Authorization: tokens[rol], 'Content-Type': 'application/json' },
          body: op.heeftBody ? JSON.stringify(body) : undefined,
        });
        const geweigerd = res.status === 403;
        if (geweigerd === op.rollen.includes(rol))
          fouten.push(`${op.sleutel} as ${rol}: ${res.status}, document says ${op.rollen.join(', ')}`);
      }
    }
    expect(fouten).toEqual([]);
  }, 120_000);

  it('docs/api.md lists the same roles per route as the OpenAPI document', () => {
    const bestand = join(__dirname, '..', 'docs', 'api.md');
    const tekst = readFileSync(bestand, 'utf8');
    const verwacht = [
      '| route | rollen |',
      '|---|---|',
      ...[...operaties]
        .sort((a, b) => a.pad.localeCompare(b.pad) || a.methode.localeCompare(b.methode))
        .map((o) => `| \`${o.sleutel}\` | ${o.rollen.join(', ')} |`),
    ].join('\n');
    const begin = tekst.indexOf(BEGIN);
    const eind = tekst.indexOf(EIND);
    const gevonden = begin >= 0 && eind > begin ? tekst.slice(begin + BEGIN.length, eind).trim() : '(no table between the markers)';
    // SCHRIJF_ROLLEN_TABEL=1 writes the table between the markers (after a change of roles, then review the diff).
    if (process.env.SCHRIJF_ROLLEN_TABEL && begin >= 0 && eind > begin)
      writeFileSync(bestand, `${tekst.slice(0, begin + BEGIN.length)}\n${verwacht}\n${tekst.slice(eind)}`);
    else expect(gevonden).toBe(verwacht);
  });
});
