import { runCli, type CliIo } from '../../src/cli/main';
import type { Klok } from '../../src/common/klok';

/** Runs `klachtregie <args>` in-process with this environment; stdout and stderr as text, with the exit code. */
export async function draaiCli(env: Record<string, string>, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return draaiCliOp(undefined, env, ...args);
}

/** As draaiCli, with "now" given (CliIo.klok): a command that asks what has passed runs on the test's moment. */
export async function draaiCliOp(
  klok: Klok | undefined,
  env: Record<string, string>,
  ...args: string[]
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), cwd: process.cwd(), env, ...(klok ? { klok } : {}) };
  const code = await runCli(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}
