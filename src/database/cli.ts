// Migration CLI shared by package.json scripts and CI (docs/architecture.md §4: schema changes by migrations only).
//   node dist/src/database/cli.js run              apply pending migrations
//   node dist/src/database/cli.js generate <Name>  write src/database/migrations/<timestamp>-<name>.ts from the entity diff
//   node dist/src/database/cli.js check            exit 1 (and print the SQL) when entities and migrated schema differ
// Reads DATABASE_URL through src/config; without it, uses the embedded PostgreSQL in KLACHTREGIE_DATA_DIR.
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { DataSource } from 'typeorm';
import { EnvSource, loadConfigOrExit, processEnv } from '../config';
import { createDataSource } from './data-source-options';
import { resolveDatabase } from './database-runtime';
import { runMigrationsLocked } from './run-migrations';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const USAGE = 'usage: cli.js run | generate <Name> | check';

/** The repository root (where package.json is), from src/database or dist/src/database alike. */
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + __dirname);
    dir = up;
  }
  return dir;
}

/** Pending schema SQL (up and down) between the entities and the database. */
export async function schemaDiff(dataSource: DataSource): Promise<{ up: string[]; down: string[] }> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  const render = (q: { query: string; parameters?: unknown[] }) =>
    q.parameters?.length ? `${q.query} -- parameters: ${JSON.stringify(q.parameters)}` : q.query;
  return { up: sql.upQueries.map(render), down: sql.downQueries.map(render) };
}

function toPascal(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

function toKebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}

/** TypeORM reads the migration's timestamp from the last 13 digits of its class name. */
export function migrationSource(className: string, up: string[], down: string[]): string {
  const lines = (queries: string[]) =>
    queries
      .map((q) => `    await queryRunner.query(\`${q.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${')}\`);`)
      .join('\n');
  return `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines([...down].reverse())}
  }
}
`;
}

export async function runMigrationCli(argv: string[], io: CliIo, env: EnvSource = processEnv()): Promise<number> {
  const [command, name] = argv;
  if (!command || !['run', 'generate', 'check'].includes(command)) {
    io.err(USAGE + '\n');
    return 2;
  }
  if (command === 'generate' && !name) {
    io.err('generate needs a name, e.g. `npm run migration:generate -- KlachtTermijnIndex`\n');
    return 2;
  }
  const config = loadConfigOrExit(env);
  const database = await resolveDatabase(config, (m) => io.err(m + '\n'));
  const dataSource = createDataSource({ url: database.url, poolSize: 2, applicationName: 'klachtregie-migrations' });
  try {
    await dataSource.initialize();
    if (command === 'run') {
      const applied = await runMigrationsLocked(dataSource);
      io.out(
        applied.length === 0
          ? `No pending migrations on ${database.displayUrl}.\n`
          : `Applied ${applied.length} migration(s) on ${database.displayUrl}:\n${applied.map((m) => `  ${m.name}\n`).join('')}`,
      );
      return 0;
    }
    if (command === 'check') {
      if (await dataSource.showMigrations()) {
        io.err(`Migrations are pending on ${database.displayUrl}: run \`npm run migration:run\` first.\n`);
        return 1;
      }
      const diff = await schemaDiff(dataSource);
      if (diff.up.length === 0) {
        io.out('The entities match the migrated schema.\n');
        return 0;
      }
      io.err(
        `The entities differ from the migrated schema. Generate a migration (npm run migration:generate -- <Name>) for:\n` +
          diff.up.map((q) => `  ${q};\n`).join(''),
      );
      return 1;
    }
    // generate: diff against a database with every existing migration applied.
    const applied = await runMigrationsLocked(dataSource);
    if (applied.length > 0) io.err(`Applied ${applied.length} pending migration(s) first.\n`);
    const diff = await schemaDiff(dataSource);
    if (diff.up.length === 0) {
      io.out('No changes between the entities and the schema: no migration written.\n');
      return 0;
    }
    const timestamp = Date.now();
    const className = `${toPascal(name)}${timestamp}`;
    const dir = join(projectRoot(), 'src', 'database', 'migrations');
    await mkdir(dir, { recursive: true });
    const file = join(dir, `${timestamp}-${toKebab(name)}.ts`);
    await writeFile(file, migrationSource(className, diff.up, diff.down));
    io.out(`Wrote ${relative(process.cwd(), file)} (${diff.up.length} statement(s)). Review it, then npm run migration:run.\n`);
    return 0;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.stop();
  }
}

if (require.main === module) {
  runMigrationCli(process.argv.slice(2), {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
  }).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`migration: ${(e as Error).stack ?? e}\n`);
      process.exit(1);
    },
  );
}
