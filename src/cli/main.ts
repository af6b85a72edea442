/**
 * `klachtregie` CLI for beleidsmedewerkers and CI. Each command lives in its own file in
 * `src/cli/commands/` and is discovered at run time, so commands can be added without touching this file.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Klok } from '../common/klok';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  cwd: string;
  /** The environment for commands that read the service's configuration (`sleutel`); default the process's. */
  env?: Record<string, string | undefined>;
  /** Rewrites one status line in place (a progress bar); only when stderr is a terminal. */
  voortgang?(line: string): void;
  /**
   * "Now" for commands that ask what has passed (`migratie`: the wake-ups of termijnen passed before it run first; `import`:
   * which moments lie in the future, the termijnen passed by the end of a line); default
   * the system clock. The tests run the command on their own fixed moment, never on today's date.
   */
  klok?: Klok;
}

export interface CliCommand {
  name: string;
  /** One line for `klachtregie --help`. */
  summary: string;
  usage: string;
  /** Returns the process exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}

export function loadCommands(): CliCommand[] {
  const dir = join(__dirname, 'commands');
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((f) => /\.(js|ts)$/.test(f) && !/\.(spec|test|d)\.(js|ts)$/.test(f));
  // Commands are discovered from the folder at run time, so a static import is not possible here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const commands = files.map((f) => (require(join(dir, f)) as { command: CliCommand }).command).filter(Boolean);
  return commands.sort((a, b) => a.name.localeCompare(b.name));
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const commands = loadCommands();
  const [name, ...rest] = argv;
  const cmd = commands.find((c) => c.name === name);
  if (!name || name === '--help' || name === '-h' || !cmd) {
    if (name && name !== '--help' && name !== '-h') io.err(`klachtregie: onbekend commando '${name}'`);
    io.out('Gebruik: klachtregie <commando> [opties]\n');
    for (const c of commands) io.out(`  ${c.name.padEnd(10)} ${c.summary}`);
    return name && !cmd && name !== '--help' && name !== '-h' ? 2 : 0;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(cmd.usage);
    return 0;
  }
  return cmd.run(rest, io);
}

export const processIo: CliIo = {
  out: (l) => process.stdout.write(l + '\n'),
  err: (l) => process.stderr.write(l + '\n'),
  cwd: process.cwd(),
  ...(process.stderr.isTTY ? { voortgang: (l: string) => void process.stderr.write(`\r${l}\u001b[K`) } : {}),
};

if (require.main === module) {
  runCli(process.argv.slice(2), processIo).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`klachtregie: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    },
  );
}
