import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GeenIdempotentie } from '../idempotency/geen-idempotentie.decorator';
import { ProblemException } from '../../common/problem';
import { ApiSleutelEntity } from './api-sleutel.entity';
import { AangemaakteApiSleutelDto, ApiSleutelDto, NieuweApiSleutelDto } from './api-sleutel.dto';
import { ApiSleutelService } from './api-sleutel.service';
import type { Rol } from './rol';
import { Rollen } from './rollen.decorator';
import { HuidigeTenant, type Tenant } from './tenant';

/**
 * Why a role's key is not issued through the API; every role has a reason, so the operator issues all keys on the
 * server (`klachtregie sleutel uitgeven`) or the identity provider grants the role (OIDC). Whoever manages keys would
 * otherwise hold any role it can mint:
 * - vier-ogen: the roles that set the two signatures of a 4-ogen decision (a regeling published by one
 *   beleidsmedewerker and approved by another, a vernietigingslijst by two procesEigenaren) and the beheerder role
 *   itself: one beheerder could set both signatures;
 * - dossier: the roles that read or change dossiers (klachtbehandelaar, systeem, aanbieder for its own klachten). The
 *   beheerder reads no dossiers (minimal access, AVG art. 25 lid 2); a key it minted itself would read them all.
 */
const VOORBEHOUDEN: Readonly<Record<Rol, 'vier-ogen' | 'dossier'>> = {
  beleidsmedewerker: 'vier-ogen',
  procesEigenaar: 'vier-ogen',
  beheerder: 'vier-ogen',
  klachtbehandelaar: 'dossier',
  systeem: 'dossier',
  aanbieder: 'dossier',
};

const REDEN = {
  'vier-ogen': 'wie sleutels beheert, mag niet zelf beide handtekeningen van een vier-ogenbesluit kunnen zetten',
  dossier:
    'de beheerder leest geen dossiers (minimale toegang, AVG art. 25), en met een sleutel die hij zelf maakt zou hij ze allemaal lezen',
} as const;

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

/** API keys of the caller's gemeente; only the beheerder lists and revokes them (issuing: the CLI or OIDC, see maak). */
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
      'De rol mag dit niet (geen-toegang), of de rol van de sleutel is voorbehouden (sleutel-rol-voorbehouden): sleutels geeft de beheerder van de server uit met de CLI, of de rol komt uit OIDC.',
  })
  maak(@HuidigeTenant() tenant: Tenant, @Body() body: NieuweApiSleutelDto): AangemaakteApiSleutelDto {
    // Separation of duties and minimal access (VOORBEHOUDEN): no role is minted by whoever manages keys.
    throw new ProblemException({
      status: 403,
      code: 'sleutel-rol-voorbehouden',
      title: 'Rol niet uit te geven via de API',
      detail:
        `Een sleutel met rol '${body.rol}' geeft de beheerder van de server uit met 'klachtregie sleutel uitgeven --gemeente ` +
        `${tenant.gemeente} --rol ${body.rol} --naam "..."', of de rol komt uit de OIDC-login: ${REDEN[VOORBEHOUDEN[body.rol]]}.`,
      invalidParams: [{ name: 'rol', reason: 'via de API geen enkele rol: met de CLI op de server, of via OIDC' }],
    });
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
