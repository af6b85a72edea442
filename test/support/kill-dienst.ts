/**
 * The service as a process of its own (src/main.ts through ts-register; queue on PostgreSQL, no Redis) with the fault of
 * test/support/kill-voor-antwoord.js loaded: given KILL_VOOR_ANTWOORD it is killed (SIGKILL) after a request committed
 * and before a byte of its reply went out, so the client never hears back. For the tests of a client's retry with the
 * same Idempotency-Key across such a kill (idempotentie-kill, ombudsman-verzoek-kill).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createDataSource } from '../../src/database/data-source-options';
import { ApiSleutelEntity } from '../../src/modules/auth/api-sleutel.entity';
import { ApiSleutelService } from '../../src/modules/auth/api-sleutel.service';

const root = join(__dirname, '..', '..');

export interface KillDienst {
  proces: ChildProcess;
  /** Everything it printed so far. */
  uitvoer(): string;
}

export interface KillDiensten {
  /** Starts a process on `databaseUrl` and `port` with `env` and waits until /api/v1/health answers (90 s at most). */
  start(databaseUrl: string, port: number, env?: Record<string, string>): Promise<KillDienst>;
  /** Kills it (SIGKILL) and waits until it is gone. */
  stop(proces: ChildProcess): Promise<void>;
  /** Kills the last one started if it still runs (afterAll). */
  ruimOp(): void;
}

export function killDiensten(): KillDiensten {
  let dienst: ChildProcess | undefined;
  return {
    async start(databaseUrl, port, env = {}) {
      let uitvoer = '';
      const proces = spawn(
        process.execPath,
        ['-r', './test/support/ts-register.js', '-r', './test/support/kill-voor-antwoord.js', 'src/main.ts'],
        {
          cwd: root,
          env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl, PORT: String(port), LOG_LEVEL: 'warn', ...env },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      proces.stdout!.on('data', (d) => (uitvoer += d));
      proces.stderr!.on('data', (d) => (uitvoer += d));
      dienst = proces;
      const tot = Date.now() + 90_000;
      for (;;) {
        if (proces.exitCode !== null) throw new Error(`the service stopped during start:\n${uitvoer}`);
        const ok = await fetch(`http://127.0.0.1:${port}/api/v1/health`).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) return { proces, uitvoer: () => uitvoer };
        if (Date.now() > tot) throw new Error(`the service did not start in 90 s:\n${uitvoer}`);
        await new Promise((r) => setTimeout(r, 300));
      }
    },
    async stop(proces) {
      if (proces.exitCode !== null || proces.signalCode !== null) return;
      const weg = new Promise((r) => proces.once('exit', r));
      proces.kill('SIGKILL');
      await weg;
    },
    ruimOp() {
      if (dienst && dienst.exitCode === null && dienst.signalCode === null) dienst.kill('SIGKILL');
    },
  };
}

/**
 * A key of Amsterdam's KCC (klachtbehandelaar), issued on the server as `klachtregie sleutel uitgeven` does: the API
 * mints no keys (docs/api.md API-sleutels).
 */
export async function kccSleutel(databaseUrl: string): Promise<string> {
  const ds = createDataSource({ url: databaseUrl, poolSize: 1, applicationName: 'klachtregie-test-sleutel' });
  await ds.initialize();
  try {
    const { sleutel } = await new ApiSleutelService(ds.getRepository(ApiSleutelEntity)).maak({
      gemeente: 'GM0363',
      rol: 'klachtbehandelaar',
      naam: 'KCC',
    });
    return `Bearer ${sleutel}`;
  } finally {
    await ds.destroy();
  }
}
