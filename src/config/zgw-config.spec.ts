import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './load-config';
import { isRsin } from './zgw-config';

const SECRET = 'een-gedeeld-geheim-van-minstens-32-tekens';

function bestand(inhoud: string): string {
  const f = join(mkdtempSync(join(tmpdir(), 'zgw-config-')), 'zgw.yaml');
  writeFileSync(f, inhoud);
  return f;
}

const amsterdam = (rsin = '002564440') =>
  [
    'gemeenten:',
    '  GM0363:',
    `    rsin: '${rsin}'`,
    '    zakenApi: https://openzaak.amsterdam.example/zaken/api/v1/',
    '    catalogiApi: https://openzaak.amsterdam.example/catalogi/api/v1',
    '    documentenApi: https://openzaak.amsterdam.example/documenten/api/v1',
    '    clientId: klachtregie',
    '    secretEnv: ZGW_GM0363_SECRET',
  ].join('\n');

function fout(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  throw new Error('no ConfigError');
}

describe('ZGW_CONFIG (validated at boot)', () => {
  it('a valid file gives the registers per gemeente, the secret read from the environment variable it names', () => {
    const c = loadConfig({ ZGW_CONFIG: bestand(amsterdam()), ZGW_GM0363_SECRET: SECRET });
    expect(c.zgw).toEqual([
      expect.objectContaining({
        gemeente: 'GM0363',
        aan: true,
        rsin: '002564440',
        zakenApi: 'https://openzaak.amsterdam.example/zaken/api/v1',
        clientId: 'klachtregie',
        secret: SECRET,
      }),
    ]);
  });

  it('Zaken API bronorganisatie: an RSIN that fails the elfproef stops the boot and names the field', () => {
    expect(isRsin('002564440')).toBe(true);
    expect(isRsin('002564441')).toBe(false);
    expect(fout({ ZGW_CONFIG: bestand(amsterdam('002564441')), ZGW_GM0363_SECRET: SECRET })).toMatch(
      /ZGW_CONFIG: gemeenten\.GM0363\.rsin: geen geldig RSIN/,
    );
  });

  it('a missing or short secret stops the boot; a secret written in the file itself is refused', () => {
    expect(fout({ ZGW_CONFIG: bestand(amsterdam()) })).toMatch(/ZGW_GM0363_SECRET is niet gezet of korter dan 32 tekens/);
    expect(fout({ ZGW_CONFIG: bestand(`${amsterdam()}\n    secret: ${SECRET}`), ZGW_GM0363_SECRET: SECRET })).toMatch(/secret/);
  });
});
