import { IdempotentInTransactie } from '../idempotency/geen-idempotentie.decorator';
import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { probleemSchema } from '../../common/openapi';
import { ProblemException } from '../../common/problem';
import { TenantContext } from '../auth/tenant';
import {
  DefinitieOntbreektError,
  EngineError,
  GebeurtenisDataOngeldigError,
  GebeurtenisNietToegestaanError,
  GeenDefinitieError,
  IntakeGeweigerdError,
  KlachtNietGevondenError,
  FeitenOngeldigError,
  RegistratieOngeldigError,
} from '../engine/engine.errors';
import { SYSTEEM_GEBEURTENISSEN } from '../../machines/compiler/gebeurtenissen';
import { GebeurtenisDto } from './dto/gebeurtenis.dto';
import { KlachtIntakeDto } from './dto/klacht-intake.dto';
import { KlachtLijstQuery } from './dto/klacht-lijst.query';
import { KlachtDetailDto, KlachtPaginaDto } from './dto/klacht-view.dto';
import { RegistratieWijzigingDto } from './dto/registratie.dto';
import { KlachtenService } from './klachten.service';

// The caller as the auth module identified it (`api-sleutel:<id>` / `oidc:<sub>`), for the history.
const actor = (): string => TenantContext.huidige()?.subject ?? 'api';

/** Maps the engine's domain errors to problem+json with stable codes (docs/api.md). */
export function alsProblem(e: unknown): unknown {
  if (!(e instanceof EngineError)) return e;
  if (e instanceof GebeurtenisNietToegestaanError) {
    return ProblemException.conflict(e.code, 'Gebeurtenis niet toegestaan', e.reden, {
      gebeurtenis: e.eventType,
      state: e.state,
      toegestaneGebeurtenissen: e.toegestaneEvents.filter((t) => !SYSTEEM_GEBEURTENISSEN.has(t)),
    });
  }
  // The event fits the state but its data does not, or a registration value is not in the gemeente's list.
  if (e instanceof GebeurtenisDataOngeldigError) {
    return new ProblemException({
      status: 422,
      code: e.code,
      title: 'Gegevens van de gebeurtenis ongeldig',
      detail: e.message,
      invalidParams: e.velden,
      extensions: { gebeurtenis: e.eventType },
    });
  }
  if (e instanceof RegistratieOngeldigError) {
    return new ProblemException({ status: 422, code: e.code, title: 'Registratie ongeldig', detail: e.message, invalidParams: e.velden });
  }
  if (e instanceof FeitenOngeldigError) {
    return new ProblemException({
      status: 422,
      code: e.code,
      title: 'Feiten passen niet bij de klachtregeling',
      detail: e.message,
      invalidParams: e.velden,
    });
  }
  if (e instanceof KlachtNietGevondenError) return ProblemException.notFound(e.message, e.code);
  if (e instanceof GeenDefinitieError) {
    // Either field can be what is wrong: a gemeentecode without a regeling, or a day no version of it covers.
    return new ProblemException({
      status: 422,
      code: e.code,
      title: 'Intake niet verwerkbaar',
      detail: e.message,
      invalidParams: [
        { name: 'ontvangenOp', reason: `op ${e.datum} geldt voor gemeente ${e.gemeente} geen klachtregeling` },
        { name: 'gemeente', reason: `${e.gemeente} heeft op ${e.datum} geen klachtregeling; controleer de gemeentecode` },
      ],
    });
  }
  if (e instanceof IntakeGeweigerdError) {
    return new ProblemException({ status: 422, code: e.code, title: 'Intake niet verwerkbaar', detail: e.message });
  }
  if (e instanceof DefinitieOntbreektError) return new ProblemException({ status: 500, code: e.code, detail: e.message });
  return e;
}

async function metProblemen<T>(werk: () => Promise<T>): Promise<T> {
  try {
    return await werk();
  } catch (e) {
    throw alsProblem(e);
  }
}

@ApiTags('klachten')
@Controller('klachten')
export class KlachtenController {
  constructor(private readonly klachten: KlachtenService) {}

  @Post()
  @IdempotentInTransactie()
  @ApiOperation({
    operationId: 'klachtIndienen',
    summary: 'Registreer een klacht (intake); de termijnen starten volgens de definitie van de gemeente.',
  })
  @ApiHeader({ name: 'X-Correlation-ID', required: false, description: 'Wordt meegeschreven in de historie.' })
  @ApiCreatedResponse({ type: KlachtDetailDto })
  @ApiUnprocessableEntityResponse({
    description:
      'Geen definitie voor de gemeente op de ontvangstdatum (geen-definitie), een registratiewaarde die niet in de lijst van de gemeente staat (registratie-ongeldig), of een feit waar de klachtregeling niet naar vraagt of van de verkeerde soort (feiten-ongeldig); invalidParams noemt het veld.',
  })
  create(@Body() dto: KlachtIntakeDto, @Headers('x-correlation-id') correlationId?: string): Promise<KlachtDetailDto> {
    return metProblemen(() => this.klachten.intake(dto, actor(), correlationId || undefined));
  }

  @Get()
  @ApiOperation({ operationId: 'klachtenZoeken', summary: 'Klachten, gefilterd en gepagineerd.' })
  @ApiOkResponse({ type: KlachtPaginaDto })
  list(@Query() q: KlachtLijstQuery): Promise<Omit<KlachtPaginaDto, 'links'>> {
    return this.klachten.lijst(q);
  }

  @Get(':id')
  @ApiOperation({
    operationId: 'klachtOphalen',
    summary: 'Een klacht met termijnen (met uitleg), historie en de gebeurtenissen die nu kunnen.',
  })
  @ApiOkResponse({ type: KlachtDetailDto })
  @ApiNotFoundResponse({ description: 'Onbekende klacht (klacht-niet-gevonden).' })
  get(@Param('id') id: string): Promise<KlachtDetailDto> {
    return metProblemen(() => this.klachten.detail(id));
  }

  @Post(':id/gebeurtenissen')
  @IdempotentInTransactie()
  @HttpCode(200)
  @ApiOperation({ operationId: 'gebeurtenisToevoegen', summary: 'Voer een gebeurtenis door op een klacht.' })
  @ApiHeader({ name: 'X-Correlation-ID', required: false, description: 'Wordt meegeschreven in de historie.' })
  @ApiOkResponse({ type: KlachtDetailDto })
  @ApiNotFoundResponse({ description: 'Onbekende klacht (klacht-niet-gevonden).' })
  @ApiConflictResponse({
    description:
      'De gebeurtenis is in de huidige toestand niet toegestaan (gebeurtenis-niet-toegestaan) of voorbehouden aan het systeem (gebeurtenis-voorbehouden), of de klacht wordt nog geïmporteerd terwijl een termijn vóór de gebeurtenis verstreek (klacht-wordt-geimporteerd: stuur haar opnieuw als de import klaar is); er is niets gewijzigd.',
    schema: probleemSchema('GebeurtenisNietToegestaanProblem'),
  })
  @ApiUnprocessableEntityResponse({
    schema: probleemSchema('GebeurtenisDataOngeldigProblem'),
    description:
      'De gebeurtenis past, maar de data niet (gebeurtenis-data-ongeldig: ontbrekend veld, onbekende waarde, geen ISO 8601-duur) of een registratiewaarde staat niet in de lijst van de gemeente; invalidParams noemt elk veld. Er is niets gewijzigd.',
  })
  gebeurtenis(
    @Param('id') id: string,
    @Body() dto: GebeurtenisDto,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<KlachtDetailDto> {
    if (SYSTEEM_GEBEURTENISSEN.has(dto.type)) {
      throw ProblemException.conflict(
        'gebeurtenis-voorbehouden',
        'Gebeurtenis voorbehouden aan het systeem',
        `${dto.type} wordt door Klachtregie zelf verstuurd (uit de termijnen en de intake) en kan niet via de API worden ingediend.`,
      );
    }
    return metProblemen(() => this.klachten.gebeurtenis(id, dto, actor(), correlationId || undefined));
  }

  @Patch(':id/registratie')
  @ApiOperation({
    operationId: 'klachtRegistreren',
    summary:
      'Registreer aard, oorzaak, afwikkeling, maatregelen en tevredenheid van een klacht voor de rapportages (ook na afsluiten); waarden uit de lijsten van de gemeente.',
  })
  @ApiHeader({ name: 'X-Correlation-ID', required: false, description: 'Wordt meegeschreven in de historie.' })
  @ApiOkResponse({ type: KlachtDetailDto })
  @ApiNotFoundResponse({ description: 'Onbekende klacht (klacht-niet-gevonden).' })
  @ApiUnprocessableEntityResponse({
    description:
      'Een waarde staat niet in de lijst van de definitieversie van de klacht (registratie-ongeldig); invalidParams noemt het veld en de toegestane waarden. Er is niets gewijzigd.',
  })
  registreer(
    @Param('id') id: string,
    @Body() dto: RegistratieWijzigingDto,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<KlachtDetailDto> {
    return metProblemen(() => this.klachten.registreer(id, dto, actor(), correlationId || undefined));
  }
}
