/**
 * A command-line process (klachtregie import, migratie, zgw) loads only its own modules, so only some outbox handlers.
 * Its relay never drains: a row it claimed would be marked processed without the webhook, letter or ZGW handler that
 * lives in the service, and that side effect would be lost. The rows wait for the service's relay.
 */
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config';
import { ImportCliModule } from '../src/modules/import/import-cli.module';
import { OutboxRelay } from '../src/modules/outbox/outbox-relay.service';
import { VersieMigratieCliModule } from '../src/modules/versiemigratie/versiemigratie-cli.module';
import { ZgwCliModule } from '../src/modules/zgw/zgw-cli.module';
import { createTestDatabase, deleteRedisPrefix, uniqueRedisPrefix, type TestDatabase } from './support';

let db: TestDatabase;
const prefix = uniqueRedisPrefix('outbox-cli');

beforeAll(async () => {
  db = await createTestDatabase('outbox_cli');
});

afterAll(async () => {
  await db?.drop();
  await deleteRedisPrefix(prefix);
});

describe.each([
  ['klachtregie import', ImportCliModule],
  ['klachtregie migratie', VersieMigratieCliModule],
  ['klachtregie zgw', ZgwCliModule],
] as const)('%s', (_naam, module) => {
  it("leaves the outbox to the service's relay: a kick marks nothing processed", async () => {
    const config = loadConfig({ ...process.env, DATABASE_URL: db.url, QUEUE_PREFIX: prefix });
    let ctx: INestApplicationContext | undefined;
    try {
      ctx = await NestFactory.createApplicationContext(module.forRoot({ ...config, databaseUrl: db.url, role: 'api' }), { logger: false });
      const ds = ctx.get(DataSource);
      const [{ id }] = await ds.query(
        `insert into outbox (klacht_id, type, payload) values (null, 'rapportage.gegenereerd', '{"gemeente":"GM0363"}') returning id`,
      );
      const relay = ctx.get(OutboxRelay);
      relay.kick();
      await new Promise((r) => setTimeout(r, 100));
      await relay.idle();
      const [rij] = await ds.query(`select processed_at, attempts from outbox where id = $1`, [id]);
      expect(rij).toEqual({ processed_at: null, attempts: 0 });
    } finally {
      await ctx?.close();
    }
  });
});
