import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { KLOK, type Klok } from '../../common/klok';
import { probleemSchema } from '../../common/openapi';
import { GEBEURTENIS_GEVOLGEN_SCHEMA, IK_SCHEMA, INTAKE_VRAGEN_SCHEMA, WERKVOORRAAD_SCHEMA } from './api.schema';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ProblemException } from '../../common/problem';
import { SYSTEEM_GEBEURTENISSEN } from '../../machines/compiler/gebeurtenissen';
import { opgehevenOp } from '../../machines';
import { KlachtToegang } from '../auth/klacht-toegang.interceptor';
import { ROLLEN } from '../auth/rol';
import { Rollen } from '../auth/rollen.decorator';
import { aanbiederGemeenteVan, HuidigeTenant, type Tenant } from '../auth/tenant';
import { GebeurtenisDto } from '../klachten/dto/gebeurtenis.dto';
import { alsProblem } from '../klachten/klachten.controller';
import { controleerTijdstip } from '../klachten/klachten.service';
import { WerkvoorraadService, type GebeurtenisGevolgen, type IntakeVragen, type Werkvoorraad } from './werkvoorraad.service';

export class WerkvoorraadQuery {
  @ApiPropertyOptional({ description: 'Alleen klachten in deze toestand (of een subtoestand ervan).', example: 'intern.inBehandeling' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  toestand?: string;

  @ApiPropertyOptional({ description: 'Alleen klachten over deze aanbieder (id).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  aanbieder?: string;

  @ApiPropertyOptional({
    description: 'true: alleen klachten die te laat zijn (docs/te-laat.md); false: alleen klachten die dat niet zijn.',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'teLaat moet true of false zijn' })
  teLaat?: boolean;
}

export class IntakeVragenQuery {
  @ApiPropertyOptional({
    description:
      'De ontvangstdag (JJJJ-MM-DD); standaard vandaag, of de laatste dag van de gemeente van de intake als die is opgeheven. Een dag waarop die gemeente al was opgeheven geeft 400 met op (Wet arhi art. 40: registreer de klacht bij de opvolger).',
    example: '2026-12-04',
  })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'op moet een datum zijn (JJJJ-MM-DD), bijvoorbeeld 2026-12-04' })
  op?: string;
}

/**
 * The werkvoorraad of klachtbehandelaars without their own integration (docs/beheer-en-rapportages.md): the open
 * klachten by urgency, and the consequences of an event before it is sent. The event itself goes
 * through POST /klachten/{id}/gebeurtenissen, the same endpoint integrations use.
 */
@ApiTags('werkvoorraad')
@Controller()
export class WerkvoorraadController {
  constructor(
    private readonly werkvoorraad: WerkvoorraadService,
    @Inject(KLOK) private readonly klok: Klok,
  ) {}

  @Get('ik')
  @Rollen(...ROLLEN)
  @ApiOperation({
    operationId: 'ik',
    summary:
      'Wie u bent voor Klachtregie: rol, gemeente (met naam), bij een aanbieder zijn id en de gemeente die die id koos, en de naam van uw sleutel; en het moment van nu volgens Klachtregie',
  })
  @ApiOkResponse({ description: 'Rol, gemeente en naam van de aanroeper, en de klok van de dienst.', schema: IK_SCHEMA })
  async ik(@HuidigeTenant() tenant: Tenant): Promise<{
    rol: string;
    gemeente: { code: string; naam: string };
    aanbiederId: string | null;
    aanbiederGemeente: { code: string; naam: string } | null;
    naam: string;
    nu: string;
  }> {
    const namen = await this.werkvoorraad.actorNamen([tenant.subject]);
    // An aanbieder is gemeente + id: after a herindeling a key of Amsterdam may speak for Weesp's aanbieder with that id
    // (Wet arhi art. 40), and what it sees, registers and reports follows that gemeente, so the caller is told which.
    const aanbiederGemeente = tenant.rol === 'aanbieder' ? aanbiederGemeenteVan(tenant) : undefined;
    return {
      rol: tenant.rol,
      gemeente: { code: tenant.gemeente, naam: this.werkvoorraad.gemeenteNaam(tenant.gemeente) },
      aanbiederId: tenant.aanbiederId ?? null,
      aanbiederGemeente: aanbiederGemeente ? { code: aanbiederGemeente, naam: this.werkvoorraad.gemeenteNaam(aanbiederGemeente) } : null,
      naam: namen.get(tenant.subject) ?? tenant.subject,
      // The pages propose "now" (a step's moment, a report's last day) by the service's clock, not the browser's:
      // termijnen and lateness are counted by this clock (KLOK).
      nu: this.klok.nu().toISOString(),
    };
  }

  @Get('werkvoorraad')
  @Rollen('klachtbehandelaar', 'aanbieder')
  // AVG art. 30: a list of dossiers is a read of each of them (one dossier_inzage row per klacht shown).
  @KlachtToegang()
  @ApiOperation({
    operationId: 'werkvoorraad',
    summary: 'De open klachten van de gemeente (of de aanbieder), te laat eerst, dan de dichtstbijzijnde termijn',
  })
  @ApiOkResponse({
    description: 'Hoogstens 500 open klachten, de meest dringende eerst, met de keuzes voor de filters.',
    schema: WERKVOORRAAD_SCHEMA,
  })
  lijst(@HuidigeTenant() tenant: Tenant, @Query() q: WerkvoorraadQuery): Promise<Werkvoorraad> {
    return this.werkvoorraad.lijst(tenant, q);
  }

  @Get('intake-vragen')
  @Rollen('klachtbehandelaar', 'aanbieder', 'systeem')
  @ApiOperation({
    operationId: 'intakeVragen',
    summary: 'Wat de klachtregeling van uw gemeente bij de intake vraagt: de keuzes van POST /klachten en de feiten van de regeling',
    description:
      'Voor een intakeformulier: de feiten die de versie van de klachtregeling vraagt die op de ontvangstdag geldt (de versie waaraan de klacht vast komt te zitten). POST /klachten weigert elk ander feit (feiten-ongeldig).',
  })
  @ApiOkResponse({ description: 'De vragen bij de intake.', schema: INTAKE_VRAGEN_SCHEMA })
  @ApiNotFoundResponse({ description: 'Op die dag geldt geen klachtregeling voor uw gemeente (geen-definitie).' })
  intakeVragen(@HuidigeTenant() tenant: Tenant, @Query() q: IntakeVragenQuery): IntakeVragen {
    const gemeente = this.werkvoorraad.intakeGemeente(tenant);
    // POST /klachten refuses a klacht of a gemeente on or after its opheffing (Wet arhi art. 40): say so for that day.
    const opgeheven = q.op === undefined ? undefined : opgehevenOp(gemeente, q.op);
    if (opgeheven) throw ProblemException.invalid([{ name: 'op', reason: opgeheven }]);
    const vragen = this.werkvoorraad.intakeVragen(tenant, q.op);
    if (!vragen) throw ProblemException.notFound(`Op ${q.op ?? 'deze dag'} geldt geen klachtregeling voor ${gemeente}.`, 'geen-definitie');
    return vragen;
  }

  @Post('klachten/:id/gebeurtenis-gevolgen')
  @HttpCode(200)
  @Rollen('klachtbehandelaar')
  @KlachtToegang({ inzageLoggen: false })
  @ApiOperation({
    operationId: 'gebeurtenisGevolgen',
    summary: 'Wat een gebeurtenis zou doen (nieuwe toestand, termijnen met hun nieuwe vervaldatum en uitleg), zonder iets op te slaan',
  })
  @ApiOkResponse({
    description:
      'De gevolgen; dezelfde controles als POST /klachten/{id}/gebeurtenissen (422 met de velden, 409 als de gebeurtenis nu niet kan)',
    schema: GEBEURTENIS_GEVOLGEN_SCHEMA,
  })
  @ApiConflictResponse({
    description: 'De gebeurtenis kan nu niet, of is voorbehouden aan het systeem; er is niets gewijzigd.',
    schema: probleemSchema('GebeurtenisNietToegestaanProblem'),
  })
  @ApiUnprocessableEntityResponse({
    description:
      'De data van de gebeurtenis is niet in orde, of at ligt in de toekomst (tijdstip-in-de-toekomst); invalidParams noemt elk veld.',
    schema: probleemSchema('GebeurtenisDataOngeldigProblem'),
  })
  async gevolgen(@HuidigeTenant() tenant: Tenant, @Param('id') id: string, @Body() dto: GebeurtenisDto): Promise<GebeurtenisGevolgen> {
    if (SYSTEEM_GEBEURTENISSEN.has(dto.type)) {
      throw ProblemException.conflict(
        'gebeurtenis-voorbehouden',
        'Gebeurtenis voorbehouden aan het systeem',
        `${dto.type} wordt door Klachtregie zelf verstuurd.`,
      );
    }
    // The same moments as POST /klachten/{id}/gebeurtenissen: none in the future (an event is something that happened).
    const at = controleerTijdstip(dto.at, 'at', this.klok.nu());
    try {
      return await this.werkvoorraad.gevolgen(id, { type: dto.type, at, ...(dto.data ? { data: dto.data } : {}) }, tenant.subject);
    } catch (e) {
      throw alsProblem(e);
    }
  }
}
