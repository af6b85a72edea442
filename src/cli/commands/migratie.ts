/**
 * `klachtregie migratie`: running klachten to a new version of their definition, from the command line. The same
 * VersieMigratieService as `GET .../migratieproef` and `POST .../migraties` (docs/definities.md, "Lopende klachten
 * naar een nieuwe versie"): the dry run replays each klacht's history on the new version; applying it is explicit
 * (named klachten or --alle), all or nothing, and refused — naming the klachten — when a running termijn would get
 * shorter or vanish (Awb 9:6, 9:11 lid 2) or a klacht would stand in a state the new version no longer has.
 */
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { Logger } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { ProblemException } from '../../common/problem';
import { ConfigError, loadConfig, processEnv, type AppConfig } from '../../config';
import { resolveDatabase } from '../../database/database-runtime';
import { formatDatum, leesDatum } from '../../machines/termijnen/datum';
import { GEMEENTE_PATROON } from '../../modules/auth/rol';
import type { CliCommand, CliIo } from '../main';

type Service = import('../../modules/versiemigratie/versiemigratie.service').VersieMigratieService;
type KlachtMigratieProef = import('../../modules/versiemigratie/versiemigratie.service').KlachtMigratieProef;

const USAGE = [
  'Gebruik:',
  '  klachtregie migratie proef --gemeente GM0363 --versie 2027-01 [--definitie gm0363-amsterdam] [--json]',
  '  klachtregie migratie uitvoeren --gemeente GM0363 --versie 2027-01 --reden "..." (--klacht <id>... | --alle) [--json]',
  '',
  'proef       toont elke lopende klacht van de gemeente op een andere versie: de toestand nu en op de nieuwe versie,',
  '            elke termijn met de oude en de nieuwe vervaldatum en hun uitleg, en waarom een klacht niet mee kan.',
  '            Er verandert niets.',
  '  uitvoeren zet de genoemde klachten (--klacht, herhaalbaar) of alle lopende klachten uit de proef (--alle) over,',
  '            alles of niets. Geweigerd (exitcode 1, met de klachten en hun bezwaren) als een lopende termijn korter',
  '            zou worden of zou vervallen, of een klacht in een toestand zou staan die de nieuwe versie niet meer',
  '            heeft; en zolang de versie nog niet geldt (geldigVanaf na vandaag). Elke klacht krijgt een regel',
  '            VERSIE_GEMIGREERD in haar historie: wie, wanneer, van en naar welke versie, en de --reden.',
  '',
  'Werkt op de database van de dienst: DATABASE_URL, of de ingebouwde PostgreSQL in KLACHTREGIE_DATA_DIR (ook',
  'terwijl de dienst draait). De versie moet in DEFINITIONS_DIR staan of via de API gepubliceerd zijn.',
].join('\n');

function gebruiksfout(io: CliIo, melding: string): number {
  io.err(`klachtregie migratie: ${melding}`);
  io.err('Zie: klachtregie migratie --help');
  return 2;
}

/** `woensdag 12 juni 2024` from `2024-06-12`. */
function dag(iso: string): string {
  return formatDatum(leesDatum(iso));
}

function verschil(dagen: number | undefined): string {
  if (dagen === undefined || dagen === 0) return dagen === 0 ? 'gelijk' : '';
  const n = Math.abs(dagen);
  return `${n} ${n === 1 ? 'dag' : 'dagen'} ${dagen > 0 ? 'later' : 'eerder'}`;
}

/** One klacht of the dry run, in Dutch, for a person. */
export function beschrijfKlacht(k: KlachtMigratieProef): string[] {
  const regels = [
    `Klacht ${k.klachtId} (versie ${k.vanVersie} → ${k.naarVersie}): ${k.migreerbaar ? 'kan mee' : 'kan NIET mee'}`,
    `  Toestand: ${k.vanState} → ${k.naarState ?? '(geen: de historie past niet in de nieuwe versie)'}`,
  ];
  for (const t of k.termijnen) {
    const oud = t.oud ? dag(t.oud.vervaldatum) : 'loopt nu niet';
    const nieuw = t.nieuw ? dag(t.nieuw.vervaldatum) : 'loopt niet meer';
    const v = verschil(t.verschilDagen);
    regels.push(`  Termijn ${t.label} (${t.naam}): ${oud} → ${nieuw}${v ? ` (${v})` : ''}`);
    if (t.oud) regels.push(...t.oud.uitleg.map((u, i) => `${i === 0 ? '    nu:    ' : '           '}${u}`));
    if (t.nieuw) regels.push(...t.nieuw.uitleg.map((u, i) => `${i === 0 ? '    nieuw: ' : '           '}${u}`));
  }
  if (k.termijnen.length === 0) regels.push('  Geen lopende termijnen.');
  for (const b of k.bezwaren) regels.push(`  Bezwaar: ${b}`);
  return regels;
}

async function metService<T>(io: CliIo, werk: (svc: Service) => Promise<T>): Promise<T> {
  const config = loadConfig(io.env ?? processEnv());
  // The service's own log lines (migrations, loaded definitions) stay out of the output unless they are errors.
  Logger.overrideLogger(['fatal', 'error']);
  const database = await resolveDatabase(config, (m) => io.err(m), { deelMetDraaiende: true });
  // Loaded only here: the other commands start without NestJS and the database.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { NestFactory } = require('@nestjs/core') as typeof import('@nestjs/core');
  const { VersieMigratieCliModule } =
    require('../../modules/versiemigratie/versiemigratie-cli.module') as typeof import('../../modules/versiemigratie/versiemigratie-cli.module');
  const svc =
    require('../../modules/versiemigratie/versiemigratie.service') as typeof import('../../modules/versiemigratie/versiemigratie.service');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const volledig: AppConfig = { ...config, databaseUrl: database.url };
  try {
    const ctx = await NestFactory.createApplicationContext(VersieMigratieCliModule.forRoot(volledig, io.klok), {
      logger: ['fatal', 'error'],
    });
    try {
      return await werk(ctx.get(svc.VersieMigratieService));
    } finally {
      await ctx.close();
    }
  } finally {
    await database.stop();
  }
}

/** Who migrated, for the history line (the API writes the caller's api-sleutel there). */
function actor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

interface Opties {
  gemeente?: string;
  versie?: string;
  definitie?: string;
  reden?: string;
  klacht?: string[];
  alle?: boolean;
  json?: boolean;
}

/** The definition id: --definitie, or the one definition of the gemeente that has this version. */
function definitieVan(io: CliIo, s: Service, v: Opties & { gemeente: string; versie: string }): string | number {
  if (v.definitie) return v.definitie;
  const ids = s.definitiesMetVersie(v.gemeente, v.versie);
  if (ids.length === 1) return ids[0];
  if (ids.length === 0) {
    io.err(`klachtregie migratie: gemeente ${v.gemeente} heeft geen versie ${v.versie} (niet in de definitions-map, niet gepubliceerd).`);
    return 1;
  }
  return gebruiksfout(io, `gemeente ${v.gemeente} heeft versie ${v.versie} in meer definities (${ids.join(', ')}): kies met --definitie.`);
}

export const command: CliCommand = {
  name: 'migratie',
  summary: 'lopende klachten naar een nieuwe versie: proef (toestand en termijnen oud en nieuw) en uitvoeren',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const [sub, ...rest] = args;
    let v: Opties;
    try {
      ({ values: v } = parseArgs({
        args: rest,
        options: {
          gemeente: { type: 'string' },
          versie: { type: 'string' },
          definitie: { type: 'string' },
          reden: { type: 'string' },
          klacht: { type: 'string', multiple: true },
          alle: { type: 'boolean' },
          json: { type: 'boolean' },
        },
        allowPositionals: false,
      }));
    } catch (e) {
      return gebruiksfout(io, `ongeldige opties (${(e as Error).message}).`);
    }
    if (sub !== 'proef' && sub !== 'uitvoeren')
      return gebruiksfout(io, sub ? `onbekende opdracht '${sub}': kies proef of uitvoeren.` : 'kies proef of uitvoeren.');
    const gemeente = v.gemeente?.toUpperCase();
    if (!gemeente || !GEMEENTE_PATROON.test(gemeente))
      return gebruiksfout(io, '--gemeente: geef een CBS-code, bijvoorbeeld --gemeente GM0363.');
    if (!v.versie) return gebruiksfout(io, '--versie: geef de nieuwe versie, bijvoorbeeld --versie 2027-01.');
    const versie = v.versie;
    let klachten: string[] = [];
    if (sub === 'uitvoeren') {
      if (v.alle && v.klacht?.length) return gebruiksfout(io, 'kies --klacht of --alle, niet allebei.');
      if (!v.alle && !v.klacht?.length)
        return gebruiksfout(io, 'noem de klachten met --klacht <id> (herhaalbaar), of --alle voor alle uit de proef.');
      // The API's own input rules (one place): klachten (UUIDs) and reden (3 to 500 characters).
      const { MigratieVerzoekDto } =
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require('../../modules/versiemigratie/dto/migratie.dto') as typeof import('../../modules/versiemigratie/dto/migratie.dto');
      const fouten = await validate(
        plainToInstance(MigratieVerzoekDto, { klachten: v.klacht ?? ['00000000-0000-4000-8000-000000000000'], reden: v.reden }),
      );
      if (fouten.length) {
        const naam: Record<string, string> = { klachten: '--klacht', reden: '--reden' };
        return gebruiksfout(
          io,
          fouten.map((f) => `${naam[f.property] ?? f.property}: ${Object.values(f.constraints ?? {}).join('; ')}`).join(' '),
        );
      }
      klachten = v.klacht ?? [];
    }
    try {
      return await metService(io, async (s) => {
        const definitie = definitieVan(io, s, { ...v, gemeente, versie });
        if (typeof definitie === 'number') return definitie;
        if (sub === 'proef') return proef(io, s, gemeente, definitie, versie, v.json);
        return uitvoeren(io, s, gemeente, definitie, versie, { klachten, alle: !!v.alle, reden: v.reden!, json: v.json });
      });
    } catch (e) {
      if (e instanceof ConfigError) {
        io.err(e.message);
        return 78;
      }
      throw e;
    }
  },
};

async function proef(io: CliIo, s: Service, gemeente: string, definitie: string, versie: string, json?: boolean): Promise<number> {
  const uit = await s.proef(gemeente, definitie, versie);
  if (json) {
    io.out(JSON.stringify({ definitie, ...uit }, null, 2));
    return 0;
  }
  const kunnen = uit.klachten.filter((k) => k.migreerbaar).length;
  io.out(`Proef: versie ${versie} van ${definitie} (${gemeente}). Er verandert niets.`);
  io.out(`${uit.klachten.length} lopende klacht(en) op een andere versie: ${kunnen} kan/kunnen mee, ${uit.klachten.length - kunnen} niet.`);
  for (const k of uit.klachten) {
    io.out('');
    for (const r of beschrijfKlacht(k)) io.out(r);
  }
  return 0;
}

async function uitvoeren(
  io: CliIo,
  s: Service,
  gemeente: string,
  definitie: string,
  versie: string,
  o: { klachten: string[]; alle: boolean; reden: string; json?: boolean },
): Promise<number> {
  const ids = o.alle ? (await s.proef(gemeente, definitie, versie)).klachten.map((k) => k.klachtId) : o.klachten;
  if (ids.length === 0) {
    io.out(`Geen lopende klachten van ${gemeente} op een andere versie dan ${versie}; er is niets gemigreerd.`);
    return 0;
  }
  try {
    const klachten = await s.migreer(gemeente, definitie, versie, ids, o.reden, actor());
    if (o.json) io.out(JSON.stringify({ definitie, naarVersie: versie, klachten }, null, 2));
    else {
      io.out(
        `${klachten.length} klacht(en) staan nu op versie ${versie} van ${definitie}; elke klacht heeft een regel VERSIE_GEMIGREERD in haar historie.`,
      );
      for (const k of klachten) io.out(`  ${k.klachtId}: ${k.vanVersie} → ${k.naarVersie}, ${k.vanState} → ${k.naarState ?? k.vanState}`);
    }
    return 0;
  } catch (e) {
    if (!(e instanceof ProblemException)) throw e;
    // The API's answers: 409 migratie-geweigerd (with the klachten and their bezwaren), 422 versie-nog-niet-geldig (the
    // version begins after today), 404 for an unknown klacht.
    const geweigerd = (e.extensions.klachten ?? []) as Array<{ klachtId: string; bezwaren: string[] }>;
    if (o.json) io.out(JSON.stringify({ code: e.code, detail: e.detail, klachten: geweigerd }, null, 2));
    io.err(`klachtregie migratie: ${e.detail}`);
    for (const g of geweigerd) {
      io.err(`  Klacht ${g.klachtId}:`);
      for (const b of g.bezwaren) io.err(`    - ${b}`);
    }
    return 1;
  }
}
