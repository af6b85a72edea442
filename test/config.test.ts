import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../src/config';

const root = join(__dirname, '..');

/** Runs src/main.ts as its own process with exactly this environment (plus PATH). */
function boot(env: Record<string, string>) {
  return spawnSync(process.execPath, ['-r', './test/support/ts-register.js', 'src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('config', () => {
  it('config: an invalid PORT stops the boot with a message naming the key', () => {
    const result = boot({ PORT: 'drieduizend', KLACHTREGIE_DATA_DIR: '/nonexistent/never-created' });
    expect(result.status).toBe(78); // EX_CONFIG, before any database is started
    expect(result.stderr).toContain('Klachtregie cannot start: the configuration is invalid.');
    expect(result.stderr).toMatch(/PORT: .*\(got "drieduizend"\)\. Write a TCP port 1-65535, e\.g\. PORT=3000\./);
  });

  it('config: every bad key is listed at once, each with what to write', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: '70000', ROLE: 'beide', DATABASE_URL: 'mysql://x/y', REDIS_URL: 'nee', SWEEP_INTERVAL_MS: '0' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems.map((p) => p.key).sort()).toEqual(['DATABASE_URL', 'PORT', 'REDIS_URL', 'ROLE', 'SWEEP_INTERVAL_MS']);
    expect((error as ConfigError).message).toContain('ROLE: ');
    expect((error as ConfigError).message).toContain('Write one of all, api, worker');
  });

  it('config: the editor runs the scenario suites from SCENARIOS_DIR, by default the scenarios folder beside the definitions', () => {
    expect(loadConfig({ DEFINITIONS_DIR: '/srv/klachtregie/definitions' }).scenariosDir).toBe('/srv/klachtregie/scenarios');
    expect(loadConfig({ DEFINITIONS_DIR: '/app/definitions', SCENARIOS_DIR: '/data/scenarios' }).scenariosDir).toBe('/data/scenarios');
  });

  it('config: no configuration at all gives the zero-config defaults (embedded PostgreSQL, queue on PostgreSQL)', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      // Not fixed: two checkouts started side by side pick the next free HTTP port and any free PostgreSQL port.
      portVast: false,
      databaseUrl: undefined,
      redisUrl: undefined,
      role: 'all',
      embeddedPostgresPort: undefined,
      queuePrefix: 'klachtregie',
      logFormat: 'auto',
      metricsToken: undefined,
    });
    expect(loadConfig({ PORT: '3000', EMBEDDED_POSTGRES_PORT: '54329' })).toMatchObject({
      port: 3000,
      portVast: true,
      embeddedPostgresPort: 54329,
    });
    expect(config.dataDir).toBe(join(process.cwd(), '.klachtregie'));
  });

  it('config: empty values count as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', REDIS_URL: ' ' })).toMatchObject({ databaseUrl: undefined, redisUrl: undefined });
  });
});
