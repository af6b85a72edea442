import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GeenIdempotentie } from '../idempotency/geen-idempotentie.decorator';
import { ProblemException } from '../../common/problem';
import { ApiSleutelEntity } from './api-sleutel.entity';
import { AangemaakteApiSleutelDto, ApiSleutelDto, NieuweApiSleutelDto } from './api-sleutel.dto';
import { ApiSleutelService } from './api-sleutel.service';
import { Rollen } from './rollen.decorator';
import { HuidigeTenant, type Tenant } from './tenant';

function toDto(e: ApiSleutelEntity): ApiSleutelDto {
  return {
    id: e.id,
    gemeente: e.gemeente,
    rol: e.rol,
    aanbiederId: e.aanbiederId,
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
  async maak(@HuidigeTenant() tenant: Tenant, @Body() body: NieuweApiSleutelDto): Promise<AangemaakteApiSleutelDto> {
    if (body.rol !== 'aanbieder' && body.aanbiederId) {
      throw ProblemException.invalid([{ name: 'aanbiederId', reason: 'alleen bij rol aanbieder' }]);
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
