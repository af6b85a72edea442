/**
 * `klachtregie import <bestand.ndjson>`: historic klachten into the service's database (docs/import.md).
 * Runs on the server with the service's configuration (DATABASE_URL, REDIS_URL), with the same checks
 * as the API. Interrupted (Ctrl-C, a crash, kill -9)? Run the same command again: it continues where it
 * stopped and never imports a klacht twice.
 */
import { readFileSync } from 'node:fs';
import { basename, isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Logger } from '@nestjs/common';
import type { CliCommand, CliIo } from '../main';
import { ConfigError, loadConfig, processEnv } from '../../config';
import { resolveDatabase } from '../../database/database-runtime';

const USAGE = [
  'Gebruik: klachtregie import <bestand.ndjson> [--naam <naam>] [--parallel <n>]',
  '',
  'Importeert historische klachten: één JSON-object per regel { extern, intake, gebeurtenissen } (docs/import.md),',
  'met dezelfde controles als de API. Regels met een fout worden gemeld als bestand:regel: veld: reden en',
  'niet geïmporteerd; de goede regels wel. Hetzelfde bestand opnieuw importeren hervat de import.',
  '',
  '  --naam      naam van de import (standaard de bestandsnaam)',
  '  --parallel  regels tegelijk (standaard 4)',
  '',
  'Exitcode 0: alles geïmporteerd; 1: er waren regels met fouten; 2: verkeerd gebruik; 75: een ander proces verwerkt',
  'deze import nog (niets gedaan; start het commando later opnieuw).',
].join('\n');

/** A progress bar on a terminal, a plain line per round otherwise (logs, CI). */
export function voortgangsregel(s: { totaal: number; verwerkt: number; geimporteerd: number; fout: number }, breedte = 30): string {
  const deel = s.totaal === 0 ? 1 : s.verwerkt / s.totaal;
  const vol = Math.round(deel * breedte);
  return `[${'#'.repeat(vol)}${'.'.repeat(breedte - vol)}] ${s.verwerkt}/${s.totaal} (${Math.floor(deel * 100)}%) geïmporteerd ${s.geimporteerd}, fout ${s.fout}`;
}

export const command: CliCommand = {
  name: 'import',
  summary: 'historische klachten importeren uit een NDJSON-bestand (hervatbaar)',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    let values: { naam?: string; parallel?: string };
    let positionals: string[];
    try {
      ({ values, positionals } = parseArgs({
        args,
        options: { naam: { type: 'string' }, parallel: { type: 'string' } },
        allowPositionals: true,
      }));
    } catch (e) {
      io.err(`klachtregie import: ${(e as Error).message}\n\n${USAGE}`);
      return 2;
    }
    const [pad] = positionals;
    const parallel = values.parallel === undefined ? 4 : Number(values.parallel);
    if (!pad || positionals.length > 1 || !Number.isInteger(parallel) || parallel < 1 || parallel > 64) {
      io.err(USAGE);
      return 2;
    }
    const bestand = isAbsolute(pad) ? pad : resolve(io.cwd, pad);
    let inhoud: string;
    try {
      inhoud = readFileSync(bestand, 'utf8');
    } catch (e) {
      io.err(`klachtregie import: ${pad} niet te lezen: ${(e as Error).message}`);
      return 2;
    }
    let config;
    try {
      config = loadConfig(io.env ?? processEnv());
    } catch (e) {
      if (e instanceof ConfigError) {
        io.err(e.message);
        return 78;
      }
      throw e;
    }
    Logger.overrideLogger(['fatal', 'error']);
    const database = await resolveDatabase(config, (m) => io.err(m), { deelMetDraaiende: true });
    // Loaded only here: the other commands start without NestJS and the database.
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { NestFactory } = require('@nestjs/core') as typeof import('@nestjs/core');
    const { ImportCliModule } =
      require('../../modules/import/import-cli.module') as typeof import('../../modules/import/import-cli.module');
    const svc = require('../../modules/import/import.service') as typeof import('../../modules/import/import.service');
    /* eslint-enable @typescript-eslint/no-require-imports */
    // "Now" from CliIo.klok, as `migratie` takes it: a test imports on its own fixed moment, never on today's date.
    const ctx = await NestFactory.createApplicationContext(
      ImportCliModule.forRoot({ ...config, databaseUrl: database.url, role: 'api' }, io.klok),
      {
        logger: ['error', 'warn'],
      },
    );
    try {
      const imports = ctx.get(svc.ImportService);
      const { id, nieuw } = await imports.maak(inhoud, {
        naam: values.naam ?? basename(pad),
        actor: 'cli:import',
        scope: svc.SCOPE_SERVER,
      });
      io.out(`${nieuw ? 'Import' : 'Hervat import'} ${id} (${pad})`);
      const balk = io.voortgang?.bind(io);
      const stand = await imports.verwerk(id, {
        parallel,
        voortgang: (s) => (balk ? balk(voortgangsregel(s)) : io.out(voortgangsregel(s))),
      });
      if (balk) io.err('');
      // Every bad line, each of its errors (the API's view stops at the first 1000).
      for await (const f of imports.alleFouten(id)) io.err(`${pad}:${f.regel}: ${f.veld}: ${f.reden}`);
      io.out(
        stand.status === 'klaar'
          ? `Klaar: ${stand.geimporteerd} geïmporteerd, ${stand.fout} met fouten, van ${stand.totaal} regels.`
          : `Deze import wordt al door een ander proces verwerkt (${stand.verwerkt}/${stand.totaal}).`,
      );
      // Not done here (another process holds the import): not 'alles geïmporteerd', whatever its lines so far say (EX_TEMPFAIL).
      if (stand.status !== 'klaar') return 75;
      return stand.fout > 0 ? 1 : 0;
    } finally {
      await ctx.close();
      await database.stop();
    }
  },
};
