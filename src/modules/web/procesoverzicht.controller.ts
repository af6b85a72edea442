import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { DefinitionSummary } from '../../machines/contract';
import { KlachtToegang } from '../auth/klacht-toegang.interceptor';
import { Rollen } from '../auth/rollen.decorator';
import { HuidigeTenant, klachtGemeenten, type Tenant } from '../auth/tenant';
import {
  KERNCIJFERS_SCHEMA,
  KLACHTEN_IN_TOESTAND_SCHEMA,
  PADEN_SCHEMA,
  PROCESOVERZICHT_SCHEMA,
  PROCESOVERZICHTEN_SCHEMA,
} from './api.schema';
import { DiagramWeergaveQuery } from './dto/diagram-weergave.query';
import { PadenService, type PadenOverzicht } from './paden.service';
import { ProcesoverzichtService, type Procesoverzicht } from './procesoverzicht.service';

/**
 * Process-owner views of the definitions (docs/beheer-en-rapportages.md): live counts per state as JSON, the
 * statechart as SVG with the overlay, the klachten in a state, and every route in plain Dutch.
 * Read-only; the caller's klachtGemeenten only: its own and, after a herindeling, those opgeheven into it, whose
 * running klachten stay on their own definition (Wet algemene regels herindeling art. 40 e.v.).
 */
@ApiTags('procesoverzichten')
@Rollen('procesEigenaar', 'beleidsmedewerker', 'klachtbehandelaar')
@Controller('procesoverzichten')
export class ProcesoverzichtController {
  constructor(
    private readonly overzichten: ProcesoverzichtService,
    private readonly paden: PadenService,
  ) {}

  @Get()
  @ApiOperation({
    operationId: 'procesoverzichten',
    summary: 'De definities (versies) van de gemeente',
    description: 'Per definitie eerst de versie die vandaag geldt, dan de andere, nieuwste eerst.',
  })
  @ApiOkResponse({ description: 'De definitieversies', schema: PROCESOVERZICHTEN_SCHEMA })
  lijst(@HuidigeTenant() tenant: Tenant): DefinitionSummary[] {
    return this.overzichten.definities(klachtGemeenten(tenant));
  }

  @Get('kerncijfers')
  @ApiOperation({
    operationId: 'kerncijfers',
    summary: 'De gemeente in één oogopslag: open, te laat, bijna verlopen, ontvangen deze maand',
  })
  @ApiOkResponse({
    description: 'Kerncijfers op de peildatum (te laat en bijna verlopen zoals docs/te-laat.md).',
    schema: KERNCIJFERS_SCHEMA,
  })
  kerncijfers(@HuidigeTenant() tenant: Tenant) {
    return this.overzichten.kerncijfers(tenant.gemeente, klachtGemeenten(tenant));
  }

  @Get(':definitieId/versies/:versie')
  @ApiOperation({ operationId: 'procesoverzicht', summary: 'Aantallen per toestand, termijnbanden en mediane tijd in de toestand' })
  @ApiOkResponse({
    description: 'Per toestand van het statechart: aantal, te laat, bijna verlopen, op tijd, mediaan dagen',
    schema: PROCESOVERZICHT_SCHEMA,
  })
  @ApiNotFoundResponse({ description: 'Onbekende definitie of versie voor de gemeente van de aanroeper (definitie-niet-gevonden)' })
  overzicht(@HuidigeTenant() tenant: Tenant, @Param('definitieId') id: string, @Param('versie') versie: string): Promise<Procesoverzicht> {
    return this.overzichten.overzicht(klachtGemeenten(tenant), id, versie);
  }

  @Get(':definitieId/versies/:versie/diagram')
  @ApiOperation({ operationId: 'procesdiagram', summary: 'Het statechart als SVG, met live aantallen per toestand' })
  @ApiOkResponse({ description: 'Het statechart als SVG', content: { 'image/svg+xml': { schema: { type: 'string' } } } })
  @ApiNotFoundResponse({ description: 'Onbekende definitie of versie voor de gemeente van de aanroeper (definitie-niet-gevonden)' })
  @Header('Cache-Control', 'no-store')
  async diagram(
    @HuidigeTenant() tenant: Tenant,
    @Param('definitieId') id: string,
    @Param('versie') versie: string,
    @Query() q: DiagramWeergaveQuery,
    @Res() res: Response,
  ): Promise<void> {
    const svg = await this.overzichten.svg(klachtGemeenten(tenant), id, versie, undefined, q.weergave);
    res.status(200).type('image/svg+xml; charset=utf-8').send(svg);
  }

  @Get(':definitieId/versies/:versie/toestanden/:toestand/klachten')
  // AVG art. 30, 32: a list that shows what klachten are about (their aanbieders, soort, kanaal) is a read of each
  // dossier shown, as GET /klachten and the werkvoorraad: one dossier_inzage row per klacht in the reply.
  @KlachtToegang({ lijst: 'klachten' })
  @ApiOperation({
    operationId: 'klachtenInToestand',
    summary: 'De klachten in een toestand (of in de subtoestanden van een samengestelde toestand)',
  })
  @ApiOkResponse({ description: 'De klachten in de toestand, nieuwste eerst (hooguit 500)', schema: KLACHTEN_IN_TOESTAND_SCHEMA })
  @ApiNotFoundResponse({ description: 'Onbekende definitie, versie of toestand (definitie-niet-gevonden, toestand-niet-gevonden)' })
  klachten(
    @HuidigeTenant() tenant: Tenant,
    @Param('definitieId') id: string,
    @Param('versie') versie: string,
    @Param('toestand') toestand: string,
  ) {
    return this.overzichten.klachten(klachtGemeenten(tenant), id, versie, toestand);
  }

  @Get(':definitieId/versies/:versie/paden')
  @ApiOperation({ operationId: 'procespaden', summary: 'Elke route die een klacht kan nemen, in gewone taal' })
  @ApiOkResponse({ description: 'De routes, elk als zinnen', schema: PADEN_SCHEMA })
  @ApiNotFoundResponse({ description: 'Onbekende definitie of versie voor de gemeente van de aanroeper (definitie-niet-gevonden)' })
  padenLijst(@HuidigeTenant() tenant: Tenant, @Param('definitieId') id: string, @Param('versie') versie: string): PadenOverzicht {
    return this.paden.paden(this.overzichten.regime(klachtGemeenten(tenant), id, versie));
  }
}
