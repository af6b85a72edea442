import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { KLOK, vasteKlok } from '../src/common/klok';
import { bearer } from './auth-support';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

/**
 * docs/api.md "Van intake tot afdoening (Amsterdam)" is executed as written: every curl of the block runs
 * against the service (every answer also checked against the OpenAPI document, test/support/contract.ts),
 * with `NU` on the test's clock, and must give the status and the values its `# <status> {…}` comment names.
 */
interface Stap {
  methode: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** `KLACHT=$(curl … | jq -r .id)`: the variable that takes the answer's id. */
  bewaarIdIn?: string;
  status: number;
  /** The comment after the curl: the documented answer. */
  verwacht: string;
}

/** Shell words of one command line: '…' literal, "…" and bare words with $VAR expanded. */
function woorden(regel: string, vars: Record<string, string>): string[] {
  const expand = (s: string) =>
    s.replace(/\$([A-Z_]+)/g, (_, naam: string) => {
      if (!(naam in vars)) throw new Error(`docs/api.md gebruikt $${naam} voordat het gezet is`);
      return vars[naam];
    });
  const uit: string[] = [];
  const re = /'([^']*)'|"((?:[^"\\]|\\.)*)"|(\S+)/g;
  let huidig: string | undefined;
  let laatsteEind = -1;
  for (let m = re.exec(regel); m; m = re.exec(regel)) {
    const deel = m[1] !== undefined ? m[1] : expand(m[2] ?? m[3]);
    // Adjacent quoted parts form one word (`"a"'b'`).
    if (huidig !== undefined && m.index === laatsteEind) huidig += deel;
    else {
      if (huidig !== undefined) uit.push(huidig);
      huidig = deel;
    }
    laatsteEind = m.index + m[0].length;
  }
  if (huidig !== undefined) uit.push(huidig);
  return uit;
}

function stappen(md: string, vars: Record<string, string>): Stap[] {
  const begin = md.indexOf('## Van intake tot afdoening (Amsterdam)');
  const blok = md.slice(md.indexOf('```bash\n', begin) + 8, md.indexOf('\n```', md.indexOf('```bash\n', begin) + 8));
  const regels = blok.split('\n');
  const uit: Stap[] = [];
  for (let i = 0; i < regels.length; i++) {
    let regel = regels[i];
    const toewijzing = /^([A-Z]+)=(?!\$\()(.*)$/.exec(regel);
    if (toewijzing) {
      if (!(toewijzing[1] in vars)) throw new Error(`docs/api.md zet ${toewijzing[1]}, de test kent het niet`);
      continue;
    }
    if (!/curl /.test(regel)) continue;
    while (regel.endsWith('\\')) regel = `${regel.slice(0, -1)} ${regels[++i]}`;
    const bewaar = /^([A-Z]+)=\$\((.*)$/.exec(regel);
    let body: string | undefined;
    if (/<<EOF/.test(regel)) {
      const stuk: string[] = [];
      while (regels[++i] !== 'EOF') stuk.push(regels[i]);
      body = stuk.join('\n').replace(/\$([A-Z_]+)/g, (_, n: string) => vars[n]);
      if (bewaar && regels[i + 1] === ')') i++;
    }
    const cmd = (bewaar ? bewaar[2] : regel).replace(/<<EOF/, '').replace(/\|\s*jq.*$/, '');
    const w = woorden(cmd, vars);
    const headers: Record<string, string> = {};
    let url = '';
    for (let j = 1; j < w.length; j++) {
      if (w[j] === '-s') continue;
      if (w[j] === '-H') {
        const [k, ...v] = w[++j].split(':');
        headers[k.trim()] = v.join(':').trim();
      } else if (w[j] === '-d') {
        const d = w[++j];
        if (d !== '@-') body = d;
      } else url = w[j];
    }
    const commentaar: string[] = [];
    while (regels[i + 1]?.startsWith('#') && !/^# \d+\. /.test(regels[i + 1])) commentaar.push(regels[++i].slice(1).trim());
    const status = /^(\d{3})\b/.exec(commentaar[0] ?? '');
    if (!status) throw new Error(`docs/api.md: na "${cmd.slice(0, 60)}…" ontbreekt het antwoord (# <status> {…})`);
    uit.push({
      methode: body === undefined ? 'GET' : 'POST',
      url,
      headers,
      body,
      bewaarIdIn: bewaar?.[1],
      status: Number(status[1]),
      verwacht: commentaar.join(' '),
    });
  }
  return uit;
}

/** The `"naam":"waarde"` (and true/false/number) pairs a documented answer names, without the elided `…` ones. */
function genoemdeWaarden(verwacht: string): Array<[string, unknown]> {
  const paren: Array<[string, unknown]> = [];
  for (const m of verwacht.matchAll(/"([A-Za-z]+)":("([^"…]*)"|true|false|\d+)(?=[,}\]])/g)) {
    paren.push([m[1], m[3] !== undefined ? m[3] : JSON.parse(m[2])]);
  }
  return paren;
}

/** Whether some object anywhere in `waarde` has `naam` equal to `verwacht`. */
function bevat(waarde: unknown, naam: string, verwacht: unknown): boolean {
  if (Array.isArray(waarde)) return waarde.some((w) => bevat(w, naam, verwacht));
  if (!waarde || typeof waarde !== 'object') return false;
  const o = waarde as Record<string, unknown>;
  return o[naam] === verwacht || Object.values(o).some((w) => bevat(w, naam, verwacht));
}

describe('docs/api.md: the Amsterdam walkthrough runs as documented', () => {
  let db: TestDatabase;
  let t: EngineApp;
  // The test's clock: the walkthrough's NU, the service's now.
  const nu = new Date(Math.floor(Date.now() / 1000) * 1000);

  beforeAll(async () => {
    db = await createTestDatabase('docs_api');
    t = await createEngineApp({
      databaseUrl: db.url,
      regimes: 'definities',
      override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(nu)),
    });
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('intake, aanbieder, terugkoppeling, verdaging, afdoening and dossier answer as docs/api.md says', async () => {
    const vars: Record<string, string> = {
      API: 'https://klachten.example.nl/api/v1',
      KCC: (await bearer(t.app, 'GM0363', 'klachtbehandelaar')).replace(/^Bearer /, ''),
      ZORGWEST: (await bearer(t.app, 'GM0363', 'aanbieder', 'zorg-west')).replace(/^Bearer /, ''),
      NU: nu.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      KLACHT: '',
    };
    const md = readFileSync(join(__dirname, '..', 'docs', 'api.md'), 'utf8');
    // Parsed lazily per step: $KLACHT is known only after the intake.
    const aantal = stappen(md, vars).length;
    expect(aantal).toBe(6);
    for (let n = 0; n < aantal; n++) {
      const stap = stappen(md, vars)[n];
      expect(stap.url.startsWith(vars.API)).toBe(true);
      let req =
        stap.methode === 'GET'
          ? request(t.http).get(`/api/v1${stap.url.slice(vars.API.length)}`)
          : request(t.http).post(`/api/v1${stap.url.slice(vars.API.length)}`);
      for (const [k, v] of Object.entries(stap.headers)) req = req.set(k, v);
      const res = stap.body === undefined ? await req : await req.send(stap.body);
      if (res.status !== stap.status)
        throw new Error(`stap ${n + 1} (${stap.methode} ${stap.url}): ${res.status} in plaats van ${stap.status}: ${res.text}`);
      for (const [naam, waarde] of genoemdeWaarden(stap.verwacht)) {
        if (!bevat(res.body, naam, waarde))
          throw new Error(`stap ${n + 1}: het antwoord noemt geen "${naam}": ${JSON.stringify(waarde)} (docs/api.md)`);
      }
      if (stap.bewaarIdIn) vars[stap.bewaarIdIn] = res.body.id;
    }
  });
});
