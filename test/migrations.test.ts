import { Client } from 'pg';
import { runMigrationCli } from '../src/database/cli';
import { createDataSource } from '../src/database/data-source-options';
import { createTestDatabase, TestDatabase } from './support';

function captureIo() {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

describe('migrations', () => {
  const dbs: TestDatabase[] = [];
  afterAll(async () => {
    for (const db of dbs) await db.drop();
  });

  it('migration check passes: after migration:run on an empty database the entities match the schema', async () => {
    const db = await createTestDatabase('migrations_empty', { migrate: false });
    dbs.push(db);
    const run = captureIo();
    expect(await runMigrationCli(['run'], run, { DATABASE_URL: db.url })).toBe(0);
    const check = captureIo();
    const code = await runMigrationCli(['check'], check, { DATABASE_URL: db.url });
    expect(check.stderr).toBe('');
    expect(code).toBe(0);
    expect(check.stdout).toContain('The entities match the migrated schema.');
  });

  it('migration check fails on an empty database: migrations are pending', async () => {
    const db = await createTestDatabase('migrations_pending', { migrate: false });
    dbs.push(db);
    const dataSource = createDataSource({ url: db.url, poolSize: 1 });
    await dataSource.initialize();
    const migrations = dataSource.migrations.length;
    await dataSource.destroy();
    expect(migrations).toBeGreaterThan(0);
    const check = captureIo();
    expect(await runMigrationCli(['check'], check, { DATABASE_URL: db.url })).toBe(1);
    expect(check.stderr).toContain('Migrations are pending');
  });

  it('migration check fails and prints the SQL when the schema differs from the entities', async () => {
    const db = await createTestDatabase('migrations_drift');
    dbs.push(db);
    const dataSource = createDataSource({ url: db.url, poolSize: 1 });
    await dataSource.initialize();
    const table = dataSource.entityMetadatas.find((m) => m.tableType === 'regular')?.tableName;
    await dataSource.destroy();
    expect(table).toBeDefined(); // the service has entities; without them this test proves nothing
    const client = new Client({ connectionString: db.url });
    await client.connect();
    await client.query(`drop table ${client.escapeIdentifier(table!)} cascade`);
    await client.end();

    const check = captureIo();
    expect(await runMigrationCli(['check'], check, { DATABASE_URL: db.url })).toBe(1);
    expect(check.stderr).toContain('The entities differ from the migrated schema');
    expect(check.stderr).toContain(`CREATE TABLE "${table}"`);
  });

  it('migration CLI: an unknown command prints the usage and exits 2', async () => {
    const io = captureIo();
    expect(await runMigrationCli(['revert'], io, {})).toBe(2);
    expect(io.stderr).toContain('usage: cli.js run | generate <Name> | check');
  });
});
