/**
 * `klachtregie sleutel`: issue, list and revoke API keys from the command line, for any gemeente and
 * role, also for a gemeente added to definitions/ after the first start (which only made keys for
 * the gemeenten there at that moment). The only way to issue a key: the API mints none (POST /api/v1/api-sleutels answers
 * 403 sleutel-rol-voorbehouden; minimal access, AVG art. 25). Same validation (NieuweApiSleutelDto) and code
 * (ApiSleutelService): the key is printed once, only its hash is stored.
 */
import { parseArgs } from 'node:util';
import { Logger } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { DataSource } from 'typeorm';
import { loadConfig, processEnv, ConfigError } from '../../config';
import { resolveDatabase } from '../../database/database-runtime';
import { createDataSource } from '../../database/data-source-options';
import { runMigrationsLocked } from '../../database/run-migrations';
import { systeemKlok, vandaagVan } from '../../common/klok';
import { gemeentenVan, opheffing } from '../../machines/definition/gemeentecodes.data';
import { NieuweApiSleutelDto } from '../../modules/auth/api-sleutel.dto';
import { ApiSleutelEntity } from '../../modules/auth/api-sleutel.entity';
import { ApiSleutelService } from '../../modules/auth/api-sleutel.service';
import { medewerkerSubject } from '../../modules/auth/medewerker.service';
import { aanbiederGemeenteFout } from '../../modules/auth/tenant';
import { gemeentenUitDefinities } from '../../modules/auth/eerste-sleutel.service';
import { GEMEENTE_PATROON, ROLLEN } from '../../modules/auth/rol';
import type { CliCommand, CliIo } from '../main';
import { isUuid } from '../../common/uuid';

const USAGE = [
  'Gebruik:',
  '  klachtregie sleutel uitgeven --gemeente GM0363 --rol beheerder --naam "Beheer Amsterdam" [--medewerker <sub>] [--aanbieder <id> [--aanbieder-gemeente GM0457]] [--json]',
  '  klachtregie sleutel lijst --gemeente GM0363 [--json]',
  '  klachtregie sleutel intrekken <id>',
  '',
  'Geeft API-sleutels uit voor elke gemeente en rol, toont ze en trekt ze in. De sleutel wordt bij uitgeven EENMALIG',
  'getoond; alleen de hash wordt bewaard. Werkt op de database van de dienst: DATABASE_URL, of de ingebouwde',
  'PostgreSQL in KLACHTREGIE_DATA_DIR (ook terwijl de dienst draait).',
  '',
  `  --gemeente GM0363   CBS-code; de gemeente heeft een map in definitions/ (gm0363-...) of een gepubliceerde definitie`,
  `  --rol ROL           een van: ${ROLLEN.join(', ')}`,
  '  --naam TEKST        waarvoor de sleutel is (herkenbaar in de lijst), hooguit 200 tekens',
  '  --medewerker SUB    de medewerker die de sleutel krijgt: de sub van zijn of haar OIDC-login (of een ander vast',
  '                      persoonsnummer, overal hetzelfde). Vier ogen (een versie publiceren, een vernietigingslijst',
  '                      ondertekenen en goedkeuren) zijn twee medewerkers: een sleutel zonder medewerker zet geen van',
  '                      beide handtekeningen, en twee sleutels of een sleutel en een login van één medewerker zijn één persoon',
  '  --aanbieder ID      verplicht bij rol aanbieder: het id van de aanbieder',
  '  --aanbieder-gemeente GM0457',
  '                      de gemeente die dat id koos (een id is per gemeente): standaard --gemeente; na een herindeling',
  '                      ook een gemeente die erin is opgegaan (Wet arhi art. 40), voor haar aanbieders',
  '  --json              uitvoer als JSON',
].join('\n');

function gebruiksfout(io: CliIo, melding: string): number {
  io.err(`klachtregie sleutel: ${melding}`);
  io.err('Zie: klachtregie sleutel --help');
  return 2;
}

/** Gemeenten Klachtregie knows: a definitions folder (as the first start reads it) or a definition published through the API. */
async function bekendeGemeenten(ds: DataSource, definitionsDir: string): Promise<Set<string>> {
  const uitMap = await gemeentenUitDefinities(definitionsDir);
  const gepubliceerd = (await ds.query('select distinct gemeente from definitie_versie')) as Array<{ gemeente: string }>;
  return new Set([...uitMap, ...gepubliceerd.map((r) => r.gemeente)]);
}

async function metDatabase<T>(io: CliIo, werk: (ds: DataSource, definitionsDir: string) => Promise<T>): Promise<T> {
  const config = loadConfig(io.env ?? processEnv());
  // The service's own log lines (migrations) stay out of the CLI's output unless they are errors.
  Logger.overrideLogger(['fatal', 'error']);
  const database = await resolveDatabase(config, (m) => io.err(m), { deelMetDraaiende: true });
  const ds = createDataSource({ url: database.url, poolSize: 2, applicationName: 'klachtregie-cli' });
  try {
    await ds.initialize();
    // A database the service never started on yet gets its schema first (same migrations, same lock).
    await runMigrationsLocked(ds);
    return await werk(ds, config.definitionsDir);
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await database.stop();
  }
}

export const command: CliCommand = {
  name: 'sleutel',
  summary: 'API-sleutels uitgeven, tonen en intrekken (elke gemeente en rol)',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const [sub, ...rest] = args;
    let values: {
      gemeente?: string;
      rol?: string;
      naam?: string;
      medewerker?: string;
      aanbieder?: string;
      'aanbieder-gemeente'?: string;
      json?: boolean;
    };
    let positionals: string[];
    try {
      ({ values, positionals } = parseArgs({
        args: rest,
        options: {
          gemeente: { type: 'string' },
          rol: { type: 'string' },
          naam: { type: 'string' },
          medewerker: { type: 'string' },
          aanbieder: { type: 'string' },
          'aanbieder-gemeente': { type: 'string' },
          json: { type: 'boolean' },
        },
        allowPositionals: true,
      }));
    } catch (e) {
      return gebruiksfout(io, `ongeldige opties (${(e as Error).message}).`);
    }
    try {
      switch (sub) {
        case 'uitgeven':
          return await uitgeven(io, values);
        case 'lijst':
          return await lijst(io, values);
        case 'intrekken':
          return await intrekken(io, positionals);
        default:
          return gebruiksfout(
            io,
            sub ? `onbekende opdracht '${sub}': kies uitgeven, lijst of intrekken.` : 'kies uitgeven, lijst of intrekken.',
          );
      }
    } catch (e) {
      if (e instanceof ConfigError) {
        io.err(e.message);
        return 78;
      }
      io.err(`klachtregie sleutel: ${(e as Error).message}`);
      return 1;
    }
  },
};

async function uitgeven(
  io: CliIo,
  v: {
    gemeente?: string;
    rol?: string;
    naam?: string;
    medewerker?: string;
    aanbieder?: string;
    'aanbieder-gemeente'?: string;
    json?: boolean;
  },
): Promise<number> {
  if (!v.gemeente || !GEMEENTE_PATROON.test(v.gemeente))
    return gebruiksfout(io, '--gemeente: geef een CBS-code, bijvoorbeeld --gemeente GM0363.');
  const medewerker = v.medewerker === undefined ? null : medewerkerSubject(v.medewerker);
  if (medewerker === undefined)
    return gebruiksfout(io, '--medewerker: geef de sub van de medewerker (geen stuurtekens, hooguit 295 tekens).');
  // The API's own input rules (one place): naam, rol, aanbiederId, aanbiederGemeente.
  const dto = plainToInstance(NieuweApiSleutelDto, {
    naam: v.naam,
    rol: v.rol,
    ...(v.aanbieder !== undefined ? { aanbiederId: v.aanbieder } : {}),
    ...(v['aanbieder-gemeente'] !== undefined ? { aanbiederGemeente: v['aanbieder-gemeente'] } : {}),
  });
  const fouten = await validate(dto);
  if (fouten.length) {
    const optie: Record<string, string> = {
      naam: '--naam',
      rol: '--rol',
      aanbiederId: '--aanbieder',
      aanbiederGemeente: '--aanbieder-gemeente',
    };
    return gebruiksfout(
      io,
      fouten.map((f) => `${optie[f.property] ?? f.property}: ${Object.values(f.constraints ?? {}).join('; ')}`).join(' '),
    );
  }
  if (dto.aanbiederId !== undefined && dto.rol !== 'aanbieder') return gebruiksfout(io, '--aanbieder hoort alleen bij --rol aanbieder.');
  const gemeente = v.gemeente;
  if (dto.aanbiederGemeente !== undefined) {
    // As webhook subscriptions and the hand-over: the gemeente's own aanbieders, or after a herindeling those of a gemeente opgeheven into it
    // by today, whose rights and duties it took over (Wet arhi art. 40).
    if (dto.rol !== 'aanbieder') return gebruiksfout(io, '--aanbieder-gemeente hoort alleen bij --rol aanbieder.');
    const fout = aanbiederGemeenteFout(gemeente, gemeentenVan(gemeente, vandaagVan(systeemKlok)), dto.aanbiederGemeente);
    if (fout) return gebruiksfout(io, `--aanbieder-gemeente: ${fout}.`);
  }
  // A key of a gemeente opgeheven at a herindeling would be refused at every request (AuthGuard, Wet arhi art. 40 e.v.).
  const opgeheven = opheffing(gemeente, vandaagVan(systeemKlok));
  if (opgeheven) {
    const { opvolger } = opgeheven;
    return gebruiksfout(
      io,
      `--gemeente: ${gemeente} is per ${opgeheven.gemeente.opgeheven} opgeheven${opvolger ? `; geef een sleutel van ${opvolger.naam} (${opvolger.code}) uit, die haar klachten behandelt` : ''}.`,
    );
  }
  return metDatabase(io, async (ds, definitionsDir) => {
    if (!(await bekendeGemeenten(ds, definitionsDir)).has(gemeente)) {
      io.err(
        `klachtregie sleutel: onbekende gemeente ${gemeente}: geen map ${gemeente.toLowerCase()}-<naam> in ${definitionsDir} en geen via de API gepubliceerde definitie. ` +
          'Voeg eerst de definitie van de gemeente toe.',
      );
      return 2;
    }
    const { entity, sleutel } = await new ApiSleutelService(ds.getRepository(ApiSleutelEntity)).maak({ ...dto, gemeente, medewerker });
    if (v.json) {
      io.out(
        JSON.stringify({
          id: entity.id,
          gemeente,
          rol: entity.rol,
          aanbiederId: entity.aanbiederId,
          ...(entity.aanbiederId ? { aanbiederGemeente: entity.aanbiederGemeente ?? gemeente } : {}),
          naam: entity.naam,
          medewerker: entity.medewerker,
          sleutel,
        }),
      );
    } else {
      io.out(
        `API-sleutel voor ${gemeente}, rol ${entity.rol}${entity.aanbiederId ? ` (aanbieder ${entity.aanbiederId}${entity.aanbiederGemeente ? ` van ${entity.aanbiederGemeente}` : ''})` : ''}, "${entity.naam}"${entity.medewerker ? ` van medewerker ${entity.medewerker}` : ''} (id ${entity.id}).`,
      );
      io.out('Deze sleutel wordt NU EENMALIG getoond; alleen de hash is bewaard. Gebruik: Authorization: Bearer <sleutel>');
      io.out(sleutel);
    }
    return 0;
  });
}

async function lijst(io: CliIo, v: { gemeente?: string; json?: boolean }): Promise<number> {
  if (!v.gemeente || !GEMEENTE_PATROON.test(v.gemeente))
    return gebruiksfout(io, '--gemeente: geef een CBS-code, bijvoorbeeld --gemeente GM0363.');
  const gemeente = v.gemeente;
  return metDatabase(io, async (ds) => {
    const rijen = await new ApiSleutelService(ds.getRepository(ApiSleutelEntity)).lijst(gemeente);
    if (v.json) {
      io.out(
        JSON.stringify(
          rijen.map((r) => ({
            id: r.id,
            rol: r.rol,
            aanbiederId: r.aanbiederId,
            ...(r.aanbiederId ? { aanbiederGemeente: r.aanbiederGemeente ?? gemeente } : {}),
            naam: r.naam,
            medewerker: r.medewerker,
            prefix: r.prefix,
            aangemaaktOp: r.createdAt.toISOString(),
            ingetrokkenOp: r.revokedAt?.toISOString() ?? null,
          })),
        ),
      );
      return 0;
    }
    if (rijen.length === 0) io.out(`Geen API-sleutels voor ${gemeente}.`);
    for (const r of rijen) {
      const status = r.revokedAt ? `ingetrokken ${r.revokedAt.toISOString()}` : 'geldig';
      io.out(
        `${r.id}  ${r.rol.padEnd(17)} kr_${r.prefix}_…  ${status.padEnd(34)} ${r.naam}${r.aanbiederId ? ` (aanbieder ${r.aanbiederId}${r.aanbiederGemeente ? ` van ${r.aanbiederGemeente}` : ''})` : ''}`,
      );
    }
    return 0;
  });
}

async function intrekken(io: CliIo, positionals: string[]): Promise<number> {
  const [id] = positionals;
  if (!id || !isUuid(id) || positionals.length > 1)
    return gebruiksfout(
      io,
      'geef één sleutel-id (een UUID uit klachtregie sleutel lijst), bijvoorbeeld klachtregie sleutel intrekken 3f2c…',
    );
  return metDatabase(io, async (ds) => {
    const rij = await ds.getRepository(ApiSleutelEntity).findOneBy({ id });
    if (!rij) {
      io.err(`klachtregie sleutel: geen API-sleutel met id ${id}.`);
      return 1;
    }
    if (rij.revokedAt) {
      io.out(`API-sleutel ${id} (${rij.gemeente}, ${rij.rol}, "${rij.naam}") was al ingetrokken op ${rij.revokedAt.toISOString()}.`);
      return 0;
    }
    await new ApiSleutelService(ds.getRepository(ApiSleutelEntity)).trekIn(rij.gemeente, id);
    io.out(`API-sleutel ${id} (${rij.gemeente}, ${rij.rol}, "${rij.naam}") is ingetrokken; hij werkt vanaf nu niet meer.`);
    return 0;
  });
}
