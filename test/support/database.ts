import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createDataSource } from '../../src/database/data-source-options';
import { runMigrationsLocked } from '../../src/database/run-migrations';

/** The server tests run on (global-setup.js sets the default; .ci/run exports it). */
export function testDatabaseServerUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export interface TestDatabase {
  /** postgres:// URL of the new database. */
  url: string;
  name: string;
  /** Drops the database (connections are terminated first). */
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** One query on a database of its own connection (a test reading what the service wrote, outside its pool). */
export async function sqlOp<T = Record<string, unknown>>(url: string, q: string, params: unknown[] = []): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(q, params)).rows as T[];
  } finally {
    await c.end();
  }
}

async function admin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testDatabaseServerUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A uniquely named database on TEST_DATABASE_URL with every migration applied (one per test file:
 * tests never share tables). `label` shows up in the name to find leftovers.
 */
export async function createTestDatabase(label = 'test', options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const slug = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 30);
  const name = `kr_${slug}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`create database ${c.escapeIdentifier(name)}`));
  const url = withDatabase(testDatabaseServerUrl(), name);
  if (options.migrate !== false) {
    const dataSource = createDataSource({ url, poolSize: 2, applicationName: 'klachtregie-test-migrations' });
    await dataSource.initialize();
    try {
      await runMigrationsLocked(dataSource);
    } finally {
      await dataSource.destroy();
    }
  }
  let dropped = false;
  return {
    url,
    name,
    async drop() {
      if (dropped) return;
      dropped = true;
      await admin((c) => c.query(`drop database if exists ${c.escapeIdentifier(name)} with (force)`));
    },
  };
}
