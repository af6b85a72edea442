/**
 * `klachtregie zgw <opdracht> --gemeente GM0363`: the ZGW connector from the command line (docs/zgw.md).
 * Reads the same configuration as the service (ZGW_CONFIG, DATABASE_URL, REDIS_URL).
 */
import { writeFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { CliCommand, CliIo } from '../main';
import { ConfigError, loadConfig, processEnv, type AppConfig } from '../../config';
import { ZgwClient } from '../../modules/zgw/zgw-client';

const USAGE = [
  'Gebruik: klachtregie zgw <opdracht> --gemeente <CBS-code> [opties]',
  '',
  'Opdrachten:',
  '  reconcile   vergelijk elke klacht van de gemeente met haar zaak in het zaakregister en herstel',
  '              wat ontbreekt of afwijkt (zaak, statussen, rollen, documenten, resultaat, einddatum)',
  '              [--klacht <id>]... alleen deze klachten',
  '  catalogus   exporteer de catalogus van de gemeente uit de Catalogi API als JSON, voor',
  '              klachtregie validate --zgw-catalogus [--uit <bestand.json>] (anders naar stdout)',
  '  vastgelopen toon de afleveringen die na ZGW_MAX_POGINGEN pogingen zijn gestopt',
  '  opnieuw     zet vastgelopen afleveringen weer in de rij [--klacht <id>]...',
].join('\n');

function optie(args: string[], naam: string): string | undefined {
  const i = args.indexOf(naam);
  return i >= 0 ? args[i + 1] : undefined;
}

function alle(args: string[], naam: string): string[] {
  return args.flatMap((a, i) => (a === naam && args[i + 1] ? [args[i + 1]] : []));
}

type ZgwAfleveringService = import('../../modules/zgw/zgw-aflevering.service').ZgwAfleveringService;

async function metContext<T>(config: AppConfig, f: (svc: ZgwAfleveringService) => Promise<T>): Promise<T> {
  // Loaded only here: the other commands (and `zgw catalogus`) start without NestJS and the database.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { NestFactory } = require('@nestjs/core') as typeof import('@nestjs/core');
  const { ZgwCliModule } = require('../../modules/zgw/zgw-cli.module') as typeof import('../../modules/zgw/zgw-cli.module');
  const svc = require('../../modules/zgw/zgw-aflevering.service') as typeof import('../../modules/zgw/zgw-aflevering.service');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const ctx = await NestFactory.createApplicationContext(ZgwCliModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    return await f(ctx.get(svc.ZgwAfleveringService));
  } finally {
    await ctx.close();
  }
}

export async function zgwOpdracht(args: string[], io: CliIo, config: AppConfig): Promise<number> {
  const [opdracht] = args;
  const gemeente = optie(args, '--gemeente')?.toUpperCase();
  if (!opdracht || !['reconcile', 'catalogus', 'vastgelopen', 'opnieuw'].includes(opdracht) || !gemeente) {
    io.err(USAGE);
    return 2;
  }
  const cfg = config.zgw.find((g) => g.gemeente === gemeente);
  if (!cfg?.aan) {
    io.err(`klachtregie zgw: ZGW staat niet aan voor ${gemeente}; zet de gemeente in het bestand van ZGW_CONFIG (docs/zgw.md)`);
    return 1;
  }
  if (opdracht === 'catalogus') {
    const json = JSON.stringify(await new ZgwClient(cfg).catalogusExport(), null, 2);
    const uit = optie(args, '--uit');
    if (uit) {
      writeFileSync(isAbsolute(uit) ? uit : resolve(io.cwd, uit), json + '\n');
      io.out(`Catalogus van ${gemeente} geschreven naar ${uit}.`);
    } else io.out(json);
    return 0;
  }
  if (!config.databaseUrl) {
    io.err('klachtregie zgw: zet DATABASE_URL op de database van de dienst');
    return 2;
  }
  const klachten = alle(args, '--klacht');
  return metContext(config, async (svc) => {
    if (opdracht === 'vastgelopen') {
      const lijst = await svc.vastgelopen(gemeente);
      for (const r of lijst) io.out(`${r.klachtId}  ${r.attempts} pogingen  ${r.updatedAt.toISOString()}  ${r.lastError ?? ''}`);
      io.out(`${lijst.length} vastgelopen.`);
      return 0;
    }
    if (opdracht === 'opnieuw') {
      io.out(`${await svc.opnieuw(gemeente, klachten.length ? klachten : undefined)} aflevering(en) weer in de rij.`);
      return 0;
    }
    const uitkomsten = await svc.reconcile(gemeente, klachten.length ? klachten : undefined);
    let hersteld = 0;
    let fouten = 0;
    for (const u of uitkomsten) {
      if (u.fout) {
        fouten++;
        io.err(`${u.klachtId}: ${u.fout}`);
      }
      if (u.wijzigingen.length) hersteld++;
      for (const w of u.wijzigingen) io.out(`${u.klachtId}: ${w.tekst}`);
    }
    io.out(`${uitkomsten.length} klachten vergeleken, ${hersteld} hersteld, ${fouten} mislukt.`);
    return fouten ? 1 : 0;
  });
}

export const command: CliCommand = {
  name: 'zgw',
  summary: 'zaakgericht werken: reconcile met het zaakregister, catalogus exporteren, vastgelopen afleveringen',
  usage: USAGE,
  async run(args, io) {
    let config: AppConfig;
    try {
      config = loadConfig(processEnv());
    } catch (e) {
      io.err(e instanceof ConfigError ? e.message : String(e));
      return 78;
    }
    return zgwOpdracht(args, io, config);
  },
};
