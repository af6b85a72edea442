import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ProblemException } from '../../common/problem';
import { TenantContext } from '../auth/tenant';
import {
  DefinitieOntbreektError,
  EngineError,
  GebeurtenisNietToegestaanError,
  GeenDefinitieError,
  IntakeGeweigerdError,
  KlachtNietGevondenError,
} from '../engine/engine.errors';
import { GebeurtenisDto } from './dto/gebeurtenis.dto';
import { KlachtIntakeDto } from './dto/klacht-intake.dto';
import { KlachtLijstQuery } from './dto/klacht-lijst.query';
import { KlachtDetailDto, KlachtPaginaDto } from './dto/klacht-view.dto';
import { KlachtenService } from './klachten.service';

/** Events only the system sends (termijn expiry comes from the `termijn` table, design.md §5). */
const SYSTEEM_EVENTS = new Set(['TERMIJN_VERLOPEN', 'KLACHT_ONTVANGEN']);
// The caller as the auth module identified it (`api-sleutel:<id>` / `oidc:<sub>`), for the history.
const actor = (): string => TenantContext.huidige()?.subject ?? 'api';

/** Maps the engine's domain errors to problem+json with stable codes (design.md §6). */
export function alsProblem(e: unknown): unknown {
  if (!(e instanceof EngineError)) return e;
  if (e instanceof GebeurtenisNietToegestaanError) {
    return ProblemException.conflict(e.code, 'Gebeurtenis niet toegestaan', e.reden, {
      gebeurtenis: e.eventType,
      state: e.state,
      toegestaneGebeurtenissen: e.toegestaneEvents,
    });
  }
  if (e instanceof KlachtNietGevondenError) return ProblemException.notFound(e.message, e.code);
  if (e instanceof GeenDefinitieError || e instanceof IntakeGeweigerdError) {
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
  @ApiOperation({ operationId: 'klachtIndienen', summary: 'Registreer een klacht (intake); de termijnen starten volgens de definitie van de gemeente.' })
  @ApiHeader({ name: 'X-Correlation-ID', required: false, description: 'Wordt meegeschreven in de historie.' })
  @ApiCreatedResponse({ type: KlachtDetailDto })
  @ApiUnprocessableEntityResponse({ description: 'Geen definitie voor de gemeente op de ontvangstdatum (geen-definitie).' })
  create(@Body() dto: KlachtIntakeDto, @Headers('x-correlation-id') correlationId?: string): Promise<KlachtDetailDto> {
    return metProblemen(() => this.klachten.intake(dto, actor(), correlationId || undefined));
  }

  @Get()
  @ApiOperation({ operationId: 'klachtenZoeken', summary: 'Klachten, gefilterd en gepagineerd.' })
  @ApiOkResponse({ type: KlachtPaginaDto })
  list(@Query() q: KlachtLijstQuery): Promise<KlachtPaginaDto> {
    return this.klachten.lijst(q);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'klachtOphalen', summary: 'Een klacht met termijnen (met uitleg), historie en de gebeurtenissen die nu kunnen.' })
  @ApiOkResponse({ type: KlachtDetailDto })
  @ApiNotFoundResponse({ description: 'Onbekende klacht (klacht-niet-gevonden).' })
  get(@Param('id') id: string): Promise<KlachtDetailDto> {
    return metProblemen(() => this.klachten.detail(id));
  }

  @Post(':id/gebeurtenissen')
  @HttpCode(200)
  @ApiOperation({ operationId: 'gebeurtenisToevoegen', summary: 'Voer een gebeurtenis door op een klacht.' })
  @ApiHeader({ name: 'X-Correlation-ID', required: false, description: 'Wordt meegeschreven in de historie.' })
  @ApiOkResponse({ type: KlachtDetailDto })
  @ApiNotFoundResponse({ description: 'Onbekende klacht (klacht-niet-gevonden).' })
  @ApiConflictResponse({ description: 'De gebeurtenis is in de huidige toestand niet toegestaan (gebeurtenis-niet-toegestaan); er is niets gewijzigd.' })
  gebeurtenis(@Param('id') id: string, @Body() dto: GebeurtenisDto, @Headers('x-correlation-id') correlationId?: string): Promise<KlachtDetailDto> {
    if (SYSTEEM_EVENTS.has(dto.type)) {
      throw ProblemException.conflict(
        'gebeurtenis-voorbehouden',
        'Gebeurtenis voorbehouden aan het systeem',
        `${dto.type} wordt door Klachtregie zelf verstuurd (uit de termijnen en de intake) en kan niet via de API worden ingediend.`,
      );
    }
    return metProblemen(() => this.klachten.gebeurtenis(id, dto, actor(), correlationId || undefined));
  }
}
