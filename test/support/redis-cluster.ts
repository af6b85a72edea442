import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import IORedis from 'ioredis';

/** A real Redis Cluster of masters on loopback, each a redis-server of the test's own. */
export interface TestRedisCluster {
  ports: number[];
  /** For REDIS_CLUSTER_NODES. */
  nodes: string;
  stop(): Promise<void>;
}

function vrij(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

/**
 * A port whose cluster bus port (port + 10000, Redis's fixed offset) is free as well: an OS-chosen
 * ephemeral port would often put the bus above 65535, so pick from 20000-29999 ourselves.
 */
async function clusterPort(bezet: Set<number>): Promise<number> {
  for (let poging = 0; poging < 200; poging++) {
    const p = 20000 + Math.floor(Math.random() * 10000);
    if (bezet.has(p)) continue;
    if ((await vrij(p)) && (await vrij(p + 10000))) {
      bezet.add(p);
      return p;
    }
  }
  throw new Error('no free port pair for a Redis Cluster node');
}

async function wachtOp(port: number, controle: (r: IORedis) => Promise<boolean>, ms: number, wat: string): Promise<void> {
  const tot = Date.now() + ms;
  for (;;) {
    const r = new IORedis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    r.on('error', () => undefined);
    try {
      await r.connect();
      if (await controle(r)) return;
    } catch {
      // not yet
    } finally {
      r.disconnect();
    }
    if (Date.now() > tot) throw new Error(`redis-server on ${port}: ${wat} not reached within ${ms} ms`);
    await new Promise((res) => setTimeout(res, 100));
  }
}

/**
 * Starts `masters` redis-servers with `--cluster-enabled yes` in a temporary directory and joins them with
 * `redis-cli --cluster create ... --cluster-replicas 0 --cluster-yes`; resolves once every node reports
 * `cluster_state:ok`. `stop()` ends the servers and removes the directory.
 */
export async function startRedisCluster(masters = 3): Promise<TestRedisCluster> {
  const map = mkdtempSync(join(tmpdir(), 'kr-redis-cluster-'));
  const bezet = new Set<number>();
  const ports: number[] = [];
  for (let i = 0; i < masters; i++) ports.push(await clusterPort(bezet));
  const servers: ChildProcess[] = ports.map((port) =>
    spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--cluster-enabled',
        'yes',
        '--cluster-config-file',
        join(map, `nodes-${port}.conf`),
        '--cluster-node-timeout',
        '3000',
        '--dir',
        map,
        '--save',
        '',
        '--appendonly',
        'no',
      ],
      { stdio: 'ignore' },
    ),
  );
  const stop = async () => {
    await Promise.all(
      servers.map(
        (s) =>
          new Promise<void>((resolve) => {
            if (s.exitCode !== null || s.signalCode !== null) return resolve();
            s.once('exit', () => resolve());
            s.kill('SIGTERM');
          }),
      ),
    );
    rmSync(map, { recursive: true, force: true });
  };
  try {
    for (const port of ports) await wachtOp(port, async (r) => (await r.ping()) === 'PONG', 10_000, 'PONG');
    const maak = spawnSync(
      'redis-cli',
      ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes'],
      {
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    if (maak.status !== 0) throw new Error(`redis-cli --cluster create failed:\n${maak.stdout}\n${maak.stderr}`);
    for (const port of ports) {
      await wachtOp(port, async (r) => /cluster_state:ok/.test(String(await r.call('CLUSTER', 'INFO'))), 30_000, 'cluster_state:ok');
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return { ports, nodes: ports.map((p) => `127.0.0.1:${p}`).join(','), stop };
}
