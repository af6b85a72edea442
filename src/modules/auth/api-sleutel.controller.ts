import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GeenIdempotentie } from '../idempotency/geen-idempotentie.decorator';
import { ProblemException } from '../../common/problem';
import { ApiSleutelEntity } from './api-sleutel.entity';
import { AangemaakteApiSleutelDto, ApiSleutelDto, NieuweApiSleutelDto } from './api-sleutel.dto';
import { ApiSleutelService } from './api-sleutel.service';
import { ROLLEN, type Rol } from './rol';
import { Rollen } from './rollen.decorator';
import { aanbiederGemeenteFout, HuidigeTenant, klachtGemeenten, type Tenant } from './tenant';

/** Roles whose keys only the operator issues (CLI) or the identity provider grants: see `maak`. */
const VOORBEHOUDEN_ROLLEN: ReadonlySet<Rol> = new Set<Rol>(['beheerder', 'beleidsmedewerker', 'procesEigenaar']);
const UIT_TE_GEVEN_ROLLEN = ROLLEN.filter((r) => !VOORBEHOUDEN_ROLLEN.has(r));

function toDto(e: ApiSleutelEntity): ApiSleutelDto {
  return {
    id: e.id,
    gemeente: e.gemeente,
    rol: e.rol,
    aanbiederId: e.aanbiederId,
    aanbiederGemeente: e.rol === 'aanbieder' ? (e.aanbiederGemeente ?? e.gemeente) : null,
    naam: e.naam,
    prefix: e.prefix,
    aangemaaktOp: e.createdAt.toISOString(),
    ingetrokkenOp: e.revokedAt ? e.revokedAt.toISOString() : null,
  };
}

/** API keys of the caller's gemeente; only the beheerder manages them. */
@ApiTags('api-sleutels')
@Rollen('beheerder')
@Controller('api-sleutels')
export class ApiSleutelController {
  constructor(private readonly sleutels: ApiSleutelService) {}

  @GeenIdempotentie() // the response carries a secret that is never stored
  @Post()
  @ApiOperation({ operationId: 'maakApiSleutel', summary: 'Maak een API-sleutel (de sleutel wordt één keer getoond)' })
  @ApiCreatedResponse({ type: AangemaakteApiSleutelDto })
  @ApiForbiddenResponse({
    description:
      'De rol mag dit niet (geen-toegang), of een sleutel voor beleidsmedewerker, procesEigenaar of beheerder (sleutel-rol-voorbehouden): die geeft de beheerder van de server uit met de CLI, of de rol komt uit OIDC.',
  })
  async maak(@HuidigeTenant() tenant: Tenant, @Body() body: NieuweApiSleutelDto): Promise<AangemaakteApiSleutelDto> {
    // Separation of duties: the roles that set the two signatures of a 4-ogen decision (a regeling published by one
    // beleidsmedewerker and approved by another, a vernietigingslijst by two procesEigenaren) and the beheerder role
    // itself are not minted by whoever manages keys; else one beheerder could make both signatures. The operator issues
    // them on the server (`klachtregie sleutel uitgeven`), or the identity provider grants them (OIDC).
    if (VOORBEHOUDEN_ROLLEN.has(body.rol)) {
      throw new ProblemException({
        status: 403,
        code: 'sleutel-rol-voorbehouden',
        title: 'Rol niet uit te geven via de API',
        detail:
          `Een sleutel met rol '${body.rol}' geeft de beheerder van de server uit met 'klachtregie sleutel uitgeven', of de rol komt ` +
          `uit de OIDC-login: wie sleutels beheert, mag niet zelf beide handtekeningen van een vier-ogenbesluit kunnen zetten.`,
        invalidParams: [{ name: 'rol', reason: `via de API alleen: ${UIT_TE_GEVEN_ROLLEN.join(', ')}` }],
      });
    }
    if (body.rol !== 'aanbieder' && body.aanbiederId) {
      throw ProblemException.invalid([{ name: 'aanbiederId', reason: 'alleen bij rol aanbieder' }]);
    }
    if (body.aanbiederGemeente !== undefined) {
      // An aanbieder id is per gemeente. The gemeente issues keys for its own aanbieders and, after a herindeling, for those
      // of a gemeente opgeheven into it, whose rights and duties it took over (Wet arhi art. 40): those are its
      // klachtGemeenten today. Any other gemeente's aanbieders are not its to speak for.
      const reden =
        body.rol !== 'aanbieder'
          ? 'alleen bij rol aanbieder'
          : aanbiederGemeenteFout(tenant.gemeente, klachtGemeenten(tenant), body.aanbiederGemeente);
      if (reden) throw ProblemException.invalid([{ name: 'aanbiederGemeente', reason: reden }]);
    }
    const { entity, sleutel } = await this.sleutels.maak({ ...body, gemeente: tenant.gemeente });
    return { ...toDto(entity), sleutel };
  }

  @Get()
  @ApiOperation({ operationId: 'lijstApiSleutels', summary: 'De API-sleutels van de gemeente (zonder de sleutels zelf)' })
  @ApiOkResponse({ type: ApiSleutelDto, isArray: true })
  async lijst(@HuidigeTenant() tenant: Tenant): Promise<ApiSleutelDto[]> {
    return (await this.sleutels.lijst(tenant.gemeente)).map(toDto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'trekApiSleutelIn', summary: 'Trek een API-sleutel in' })
  @ApiNoContentResponse({ description: 'Ingetrokken' })
  async trekIn(@HuidigeTenant() tenant: Tenant, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    if (!(await this.sleutels.trekIn(tenant.gemeente, id))) throw ProblemException.notFound(`Geen actieve API-sleutel ${id}.`);
  }
}
