import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { HuidigeTenant, type Tenant } from '../auth/tenant';
import { IdempotentInTransactie } from '../idempotency/geen-idempotentie.decorator';
import { alsProblem } from '../klachten/klachten.controller';
import { OmbudsmanVerzoekDto, OmbudsmanVerzoekViewDto, TerugkoppelingDto, TerugkoppelingViewDto } from './klacht-acties.dto';
import { KlachtActiesService } from './klacht-acties.service';

/** Typed actions on a klacht. Roles per route: src/modules/auth/toegangsbeleid.ts. */
@ApiTags('klachten')
@Controller('klachten')
export class KlachtActiesController {
  constructor(private readonly acties: KlachtActiesService) {}

  @Post(':id/terugkoppelingen')
  // The key is claimed in the transaction that takes the event or writes the report: a retry never runs it twice.
  @IdempotentInTransactie()
  @ApiOperation({
    operationId: 'terugkoppelingToevoegen',
    summary:
      'Terugkoppeling van de aanbieder (registratie, behandeling, afdoening, maatregelen, tevredenheid); past de bijbehorende gebeurtenis toe als die nu kan',
  })
  @ApiCreatedResponse({ type: TerugkoppelingViewDto })
  @ApiNotFoundResponse({ description: 'Onbekende klacht (klacht-niet-gevonden)' })
  @ApiConflictResponse({
    description:
      'De klacht wordt nog geïmporteerd terwijl een termijn vóór de terugkoppeling verstreek (klacht-wordt-geimporteerd: stuur haar opnieuw als de import klaar is), of een verzoek met dezelfde Idempotency-Key is nog in behandeling (idempotency-key-in-behandeling). Er is niets vastgelegd.',
  })
  @ApiUnprocessableEntityResponse({
    description:
      'Een registratiewaarde staat niet in de lijst van de gemeente (registratie-ongeldig, met invalidParams), of at ligt in de toekomst (tijdstip-in-de-toekomst; invalidParams noemt at). Er is niets vastgelegd.',
  })
  async terugkoppeling(
    @HuidigeTenant() tenant: Tenant,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: TerugkoppelingDto,
  ): Promise<TerugkoppelingViewDto> {
    try {
      return await this.acties.terugkoppeling(id, dto, tenant);
    } catch (e) {
      throw alsProblem(e);
    }
  }

  @Post(':id/ombudsman-verzoeken')
  // The key is claimed in the transaction that takes the request: a retry after a crash never makes a second sub-klacht.
  @IdempotentInTransactie()
  @ApiOperation({
    operationId: 'ombudsmanVerzoekToevoegen',
    summary:
      'Verzoek van de ombudsman (informatievraag, interventieverzoek, doorgezonden klacht, eigen onderzoek) als gekoppelde sub-klacht met eigen termijnen',
  })
  @ApiCreatedResponse({ type: OmbudsmanVerzoekViewDto })
  @ApiNotFoundResponse({ description: 'Onbekende klacht (klacht-niet-gevonden)' })
  @ApiUnprocessableEntityResponse({
    description:
      'De definitie kent geen behandeling voor dit verzoek (geen-definitie / intake-geweigerd), of de termijn van de ombudsman ligt niet na de ontvangst van het verzoek (termijn-ongeldig, Awb 9:31 lid 1; invalidParams noemt termijn). Er is niets gewijzigd.',
  })
  async ombudsmanVerzoek(
    @HuidigeTenant() tenant: Tenant,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: OmbudsmanVerzoekDto,
  ): Promise<OmbudsmanVerzoekViewDto> {
    try {
      return await this.acties.ombudsmanVerzoek(id, dto, tenant);
    } catch (e) {
      throw alsProblem(e);
    }
  }
}
