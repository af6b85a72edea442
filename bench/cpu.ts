/**
 * CPU time of the database server and of this process's finished children (pgbench), read from /proc, so that
 * `npm run bench` can say what one engine event and one pgbench transaction cost in CPU, and what that allows on
 * this machine's cores: the ratio the engine can reach against pgbench when both are limited by the CPU.
 *
 * Linux only, and only for a server on this machine (its postmaster's process must be readable): otherwise the
 * figures are left out. /proc/<pid>/stat counts in clock ticks of 1/100 s (USER_HZ, fixed at 100 on Linux).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Client } from 'pg';

const TICK_MS = 10;

/** utime, stime, cutime, cstime and the parent pid of a process, or null when it is gone or not readable. */
function stat(pid: number | 'self'): { eigen: number; kinderen: number; ouder: number } | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces and parentheses: the fields start after the last ')'.
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { ouder: Number(f[1]), eigen: Number(f[11]) + Number(f[12]), kinderen: Number(f[13]) + Number(f[14]) };
  } catch {
    return null;
  }
}

/**
 * A reader of the database server's CPU time in ms: the postmaster and every process it started, those still
 * running and those that ended (counted in the postmaster's children's time once it reaped them). Null when the
 * server is not on this machine.
 */
export async function serverCpuLezer(url: string): Promise<(() => number) | null> {
  const c = new Client({ connectionString: url });
  await c.connect();
  let postmaster: number | undefined;
  try {
    // Read while the backend runs: its parent is the postmaster (when the server is on this machine at all).
    const backend = Number((await c.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0].pid);
    postmaster = stat(backend)?.ouder;
  } finally {
    await c.end();
  }
  if (!postmaster || !/postgres/.test(leesComm(postmaster))) return null;
  return () => {
    const pm = stat(postmaster);
    if (!pm) return NaN;
    let ticks = pm.eigen + pm.kinderen;
    for (const naam of readdirSync('/proc')) {
      if (!/^\d+$/.test(naam)) continue;
      const p = stat(Number(naam));
      if (p && p.ouder === postmaster) ticks += p.eigen;
    }
    return ticks * TICK_MS;
  };
}

function leesComm(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8');
  } catch {
    return '';
  }
}

/** CPU time in ms of this process's children that have ended (pgbench runs as one), or NaN off Linux. */
export function kinderenCpuMs(): number {
  const s = stat('self');
  return s ? s.kinderen * TICK_MS : NaN;
}
