import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Rollen } from '../auth/rollen.decorator';
import { TenantContext, type Tenant } from '../auth/tenant';
import { pagina } from '../dossier/lijst';
import { PaginaQuery } from '../paginering/pagina.query';
import { BewaringService } from './bewaring.service';
import {
  BewaarBlokkadeDto,
  BewaarBlokkadeStandDto,
  BewaarOpheffenDto,
  BewaringStandDto,
  BlijvendBewarenDto,
  BlijvendBewarenStandDto,
  VernietigingslijstDto,
  VernietigingslijstPaginaDto,
} from './bewaring.dto';
import { GRONDSLAG_BLIJVEND } from './selectielijst';
import type { VernietigingslijstEntity, VernietigingslijstRegelEntity } from './vernietigingslijst.entity';

function tenant(): Tenant {
  return TenantContext.huidige()!;
}

function view(l: VernietigingslijstEntity, regels?: VernietigingslijstRegelEntity[]): VernietigingslijstDto {
  return {
    id: l.id,
    gemeente: l.gemeente,
    status: l.status,
    peildatum: l.peildatum,
    opgesteldOp: l.opgesteldOp.toISOString(),
    opgesteldDoor: l.opgesteldDoor,
    ondertekendDoor: l.ondertekendDoor ?? undefined,
    ondertekendOp: l.ondertekendOp?.toISOString(),
    goedgekeurdDoor: l.goedgekeurdDoor ?? undefined,
    goedgekeurdRol: l.goedgekeurdRol ?? undefined,
    uitgevoerdOp: l.uitgevoerdOp?.toISOString(),
    regels: regels?.map((r) => ({
      klachtId: r.klachtId ?? undefined,
      kenmerk: r.kenmerk,
      categorie: r.categorie,
      grondslag: r.grondslag,
      bewaartermijn: r.bewaartermijn,
      afgeslotenOp: r.afgeslotenOp,
      vernietigbaarVanaf: r.vernietigbaarVanaf,
      aantallen: { ...r.aantallen },
      status: r.status,
      reden: r.reden ?? undefined,
      vernietigdOp: r.vernietigdOp?.toISOString(),
    })),
  };
}

/**
 * Vernietigingslijsten (Archiefwet 1995 art. 3; Selectielijst gemeenten 2020): two people, always (vier-ogenprincipe). The
 * beheerder or the process owner draws a list up, or the daily job does and one of them signs it; another of them
 * approves; approval executes the destruction.
 */
@ApiTags('bewaring')
@Controller()
export class BewaringController {
  constructor(private readonly bewaring: BewaringService) {}

  @Post('vernietigingslijsten')
  @Rollen('beheerder', 'procesEigenaar')
  @ApiOperation({
    operationId: 'vernietigingslijstOpstellen',
    summary:
      'Stel een vernietigingslijst op: alle afgesloten klachten van de gemeente waarvan de bewaartermijn verstreken is, zonder bewaarblokkade.',
  })
  @ApiCreatedResponse({ type: VernietigingslijstDto })
  @ApiNoContentResponse({ description: 'Er is niets te vernietigen.' })
  async stelOp(@Res({ passthrough: true }) res: Response): Promise<VernietigingslijstDto | undefined> {
    const t = tenant();
    const lijst = await this.bewaring.stelOp(t.gemeente, t.subject);
    if (!lijst) {
      res.status(204);
      return undefined;
    }
    res.status(201);
    const { regels } = await this.bewaring.lijst(t.gemeente, lijst.id);
    return view(lijst, regels);
  }

  @Get('vernietigingslijsten')
  @Rollen('beheerder', 'procesEigenaar')
  @ApiOperation({ operationId: 'vernietigingslijstenOphalen', summary: 'De vernietigingslijsten van de gemeente, nieuwste eerst.' })
  @ApiOkResponse({ type: VernietigingslijstPaginaDto })
  async lijsten(@Query() q: PaginaQuery): Promise<Omit<VernietigingslijstPaginaDto, 'links'>> {
    return pagina(
      (await this.bewaring.lijsten(tenant().gemeente)).map((l) => view(l)),
      q,
    );
  }

  @Get('vernietigingslijsten/:lijstId')
  @Rollen('beheerder', 'procesEigenaar')
  @ApiOperation({
    operationId: 'vernietigingslijstOphalen',
    summary: 'Een vernietigingslijst met haar regels; na uitvoering het proces-verbaal (zonder persoonsgegevens).',
  })
  @ApiOkResponse({ type: VernietigingslijstDto })
  async een(@Param('lijstId', ParseUUIDPipe) id: string): Promise<VernietigingslijstDto> {
    const { lijst, regels } = await this.bewaring.lijst(tenant().gemeente, id);
    return view(lijst, regels);
  }

  @Post('vernietigingslijsten/:lijstId/ondertekening')
  @HttpCode(200)
  @Rollen('beheerder', 'procesEigenaar')
  @ApiOperation({
    operationId: 'vernietigingslijstOndertekenen',
    summary:
      'Onderteken een lijst die de dagelijkse taak opstelde (de eerste van de vier ogen); een ander keurt haar daarna goed. Een lijst die een medewerker opstelde, is door die medewerker ondertekend. Een handtekening met een sleutel die op naam van geen medewerker staat (van vóór sleutels op naam), telt niet: de medewerker die ondertekent, komt in haar plaats.',
  })
  @ApiOkResponse({ type: VernietigingslijstDto })
  @ApiConflictResponse({
    description:
      'vernietigingslijst-ondertekend: een ander ondertekende haar al; vernietigingslijst-afgehandeld: de lijst is al uitgevoerd. Er is niets gewijzigd.',
  })
  async onderteken(@Param('lijstId', ParseUUIDPipe) id: string): Promise<VernietigingslijstDto> {
    const { lijst, regels } = await this.bewaring.onderteken(tenant(), id);
    return view(lijst, regels);
  }

  @Post('vernietigingslijsten/:lijstId/goedkeuring')
  @HttpCode(200)
  @Rollen('beheerder', 'procesEigenaar')
  @ApiOperation({
    operationId: 'vernietigingslijstGoedkeuren',
    summary:
      'Keur de lijst goed (niet door wie haar opstelde of ondertekende) en vernietig de klachten erop; antwoordt met het proces-verbaal.',
  })
  @ApiOkResponse({ type: VernietigingslijstDto })
  @ApiConflictResponse({
    description:
      'vier-ogen: wie de lijst opstelde of ondertekende keurt haar niet zelf goed, ook niet met een andere sleutel of login (vier-ogenprincipe); ondertekening-nodig: de dagelijkse taak stelde de lijst op en niemand ondertekende haar nog, of zij is ondertekend met een sleutel die op naam van geen medewerker staat (een medewerker ondertekent haar opnieuw); vernietigingslijst-afgehandeld: de lijst is al uitgevoerd. Er is niets gewijzigd.',
  })
  async keurGoed(@Param('lijstId', ParseUUIDPipe) id: string): Promise<VernietigingslijstDto> {
    const { lijst, regels } = await this.bewaring.keurGoed(tenant(), id);
    return view(lijst, regels);
  }

  @Put('klachten/:id/bewaarblokkade')
  @Rollen('klachtbehandelaar', 'beheerder', 'procesEigenaar')
  @ApiOperation({
    operationId: 'bewaarblokkadeZetten',
    summary: 'Blokkeer vernietiging van een klacht (bijvoorbeeld een lopend Woo-verzoek of een rechtszaak).',
  })
  @ApiOkResponse({ type: BewaarBlokkadeStandDto, description: 'De blokkade zoals zij nu staat.' })
  async blokkeer(@Param('id', ParseUUIDPipe) id: string, @Body() dto: BewaarBlokkadeDto): Promise<BewaarBlokkadeStandDto> {
    const b = await this.bewaring.blokkeer(tenant(), id, dto.reden);
    return { klachtId: b.klachtId, reden: b.reden, door: b.door, op: b.at.toISOString() };
  }

  @Delete('klachten/:id/bewaarblokkade')
  @HttpCode(204)
  @Rollen('beheerder', 'procesEigenaar')
  @ApiOperation({
    operationId: 'bewaarblokkadeOpheffen',
    summary:
      'Hef de bewaarblokkade van een klacht op, met de reden (verplicht): daarna kan de klacht weer op een vernietigingslijst komen. Wie, wanneer en waarom staat in GET /klachten/{id}/bewaring.',
  })
  async deblokkeer(@Param('id', ParseUUIDPipe) id: string, @Body() dto: BewaarOpheffenDto): Promise<void> {
    await this.bewaring.deblokkeer(tenant(), id, dto.reden);
  }

  @Get('klachten/:id/bewaring')
  @Rollen('klachtbehandelaar', 'beheerder', 'procesEigenaar')
  @ApiOperation({
    operationId: 'bewaringOphalen',
    summary:
      'De bewaarblokkade en de markering blijvend bewaren (13.1.3) van een klacht zoals zij nu staan, en wie ze zette en ophief, wanneer en waarom.',
  })
  @ApiOkResponse({ type: BewaringStandDto })
  async stand(@Param('id', ParseUUIDPipe) id: string): Promise<BewaringStandDto> {
    const { blokkade, blijvend, historie } = await this.bewaring.stand(id);
    return {
      klachtId: id,
      bewaarblokkade: blokkade ? { klachtId: id, reden: blokkade.reden, door: blokkade.door, op: blokkade.at.toISOString() } : undefined,
      blijvendBewaren: blijvend
        ? { klachtId: id, zaak: blijvend.zaak, grondslag: GRONDSLAG_BLIJVEND, door: blijvend.door, op: blijvend.at.toISOString() }
        : undefined,
      historie: historie.map((h) => ({
        maatregel: h.maatregel,
        handeling: h.handeling,
        grond: h.grond,
        reden: h.reden ?? undefined,
        door: h.door,
        rol: h.rol ?? undefined,
        op: h.at.toISOString(),
      })),
    };
  }

  @Put('klachten/:id/blijvend-bewaren')
  @Rollen('klachtbehandelaar', 'beheerder', 'procesEigenaar')
  @ApiOperation({
    operationId: 'blijvendBewarenMarkeren',
    summary:
      'Markeer dat de klacht invloed had op een blijvend te bewaren zaak (Selectielijst gemeenten 2020, 13.1.3): de klacht wordt blijvend bewaard en komt op geen vernietigingslijst; een wachtende lijst slaat haar bij goedkeuring over.',
  })
  @ApiOkResponse({ type: BlijvendBewarenStandDto, description: 'De markering zoals zij nu staat.' })
  async markeerBlijvend(@Param('id', ParseUUIDPipe) id: string, @Body() dto: BlijvendBewarenDto): Promise<BlijvendBewarenStandDto> {
    const b = await this.bewaring.markeerBlijvend(tenant(), id, dto.zaak);
    return { klachtId: b.klachtId, zaak: b.zaak, grondslag: GRONDSLAG_BLIJVEND, door: b.door, op: b.at.toISOString() };
  }

  @Delete('klachten/:id/blijvend-bewaren')
  @HttpCode(204)
  @Rollen('beheerder', 'procesEigenaar')
  @ApiOperation({
    operationId: 'blijvendBewarenOpheffen',
    summary:
      'Hef de markering blijvend bewaren (13.1.3) op, als zij ten onrechte gezet is, met de reden (verplicht): de bewaartermijn volgt dan weer uit de klacht. Wie, wanneer en waarom staat in GET /klachten/{id}/bewaring.',
  })
  async verwijderBlijvend(@Param('id', ParseUUIDPipe) id: string, @Body() dto: BewaarOpheffenDto): Promise<void> {
    await this.bewaring.verwijderBlijvend(tenant(), id, dto.reden);
  }
}
