/**
 * The service as a process of its own (src/main.ts through ts-register; queue on PostgreSQL, no Redis) with the fault of
 * test/support/kill-voor-antwoord.js loaded: given KILL_VOOR_ANTWOORD it is killed (SIGKILL) after a request committed
 * and before a byte of its reply went out, so the client never hears back. For the tests of a client's retry with the
 * same Idempotency-Key across such a kill (idempotentie-kill, ombudsman-verzoek-kill).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

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
 * `Authorization: Bearer …` for a new klachtbehandelaar key of Amsterdam (KCC), made with the beheerder key the first
 * start of a service on an empty database prints, once per gemeente (a JSON log line when stdout is not a terminal, or
 * in the banner).
 */
export async function kccSleutel(basis: string, eerste: KillDienst): Promise<string> {
  const beheerder = /GM0363[^\n]*?(kr_[A-Za-z0-9_-]+)/.exec(eerste.uitvoer())?.[1];
  expect(beheerder).toBeDefined();
  const sleutel = await fetch(`${basis}/api-sleutels`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${beheerder}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ naam: 'KCC', rol: 'klachtbehandelaar' }),
  });
  expect(sleutel.status).toBe(201);
  return `Bearer ${((await sleutel.json()) as { sleutel: string }).sleutel}`;
}
