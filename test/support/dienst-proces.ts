import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The checkout (the directory with package.json), also when this file runs compiled from dist/ (bench). */
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
const root = projectRoot();

/** A real service process (src/main.ts or src/worker.ts, through ts-register), as a gemeente runs several. */
export interface DienstProces {
  proces: ChildProcess;
  uitvoer(): string;
  stop(): Promise<void>;
}

/**
 * Starts `entry` as its own node process with exactly `env` (plus PATH) and waits until it is ready: an
 * HTTP process (`port` given) when /api/v1/health answers 200, a worker when it has rebuilt its wake-ups
 * (the sweep's boot line, so its workers are consuming).
 */
export async function startDienst(
  entry: 'src/main.ts' | 'src/worker.ts',
  env: Record<string, string>,
  port?: number,
): Promise<DienstProces> {
  let uitvoer = '';
  const proces = spawn(process.execPath, ['-r', './test/support/ts-register.js', entry], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', LOG_FORMAT: 'json', ...env, ...(port ? { PORT: String(port) } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proces.stdout!.on('data', (d) => (uitvoer += d));
  proces.stderr!.on('data', (d) => (uitvoer += d));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (proces.exitCode !== null || proces.signalCode !== null) return resolve();
      const hard = setTimeout(() => proces.kill('SIGKILL'), 20_000);
      proces.once('exit', () => {
        clearTimeout(hard);
        resolve();
      });
      proces.kill('SIGTERM');
    });
  const tot = Date.now() + 180_000;
  for (;;) {
    if (proces.exitCode !== null) throw new Error(`${entry} stopped during start:\n${uitvoer}`);
    const klaar = port
      ? await fetch(`http://127.0.0.1:${port}/api/v1/health`).then(
          (r) => r.ok,
          () => false,
        )
      : /Rebuilt \d+ termijn wake-up/.test(uitvoer);
    if (klaar) return { proces, uitvoer: () => uitvoer, stop };
    if (Date.now() > tot) {
      await stop();
      throw new Error(`${entry} did not start in 180 s:\n${uitvoer}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
