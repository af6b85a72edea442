import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiUnprocessableEntityResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { KLOK, type Klok } from '../../common/klok';
import { probleemSchema } from '../../common/openapi';
import { DIAGRAM_GRAAF_SCHEMA } from './definitie.schema';
import { ProblemException } from '../../common/problem';
import { GEBEURTENISSEN } from '../../machines';
import type { CompiledRegime, DefinitionError } from '../../machines/contract';
import { regimeDiagramGraph, toMermaid, toSvg } from '../../machines/diagram';
import { kalenderdag } from '../../machines/termijnen';
import { Rollen } from '../auth/rollen.decorator';
import { HuidigeTenant, type Tenant } from '../auth/tenant';
import {
  DefinitieDto,
  DefinitieLijstDto,
  DefinitieValidatieDto,
  DefinitieVersieDto,
  DefinitieYamlDto,
  DiagramQuery,
  GebeurtenisTypeDto,
  PaginaQuery,
} from './definities.dto';
import { DefinitiesService } from './definities.service';

const LEZERS = ['beleidsmedewerker', 'klachtbehandelaar', 'procesEigenaar', 'systeem', 'beheerder'] as const;

function tekst(e: DefinitionError) {
  return { ...e, tekst: `${e.file}:${e.line}:${e.column}: ${e.message}` };
}

@ApiTags('definities')
@Controller()
export class DefinitiesController {
  constructor(
    private readonly definities: DefinitiesService,
    @Inject(KLOK) private readonly klok: Klok,
  ) {}

  private versieDto(r: CompiledRegime): DefinitieVersieDto {
    const s = r.summary;
    return {
      definitieId: s.id,
      gemeente: s.gemeente.cbsCode,
      gemeenteNaam: s.gemeente.naam,
      versie: s.versie,
      geldigVanaf: s.geldigVanaf,
      ...(s.geldigTot ? { geldigTot: s.geldigTot } : {}),
      bron: this.definities.register?.isGepubliceerd(s.id, s.versie) ? 'api' : 'repository',
    };
  }

  @Get('definities')
  @Rollen(...LEZERS)
  @ApiOperation({ operationId: 'definitiesZoeken', summary: 'De definitieversies van de gemeente (nieuwste eerst)' })
  @ApiOkResponse({ type: DefinitieLijstDto })
  lijst(@HuidigeTenant() tenant: Tenant, @Query() q: PaginaQuery): Omit<DefinitieLijstDto, 'links'> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const alle = this.definities.regimesVan(tenant.gemeente).map((r) => this.versieDto(r));
    return { resultaten: alle.slice((page - 1) * pageSize, page * pageSize), totaal: alle.length, page, pageSize };
  }

  @Get('definities/:id')
  @Rollen(...LEZERS)
  @ApiOperation({ operationId: 'definitieOphalen', summary: 'Een definitie met al haar versies' })
  @ApiOkResponse({ type: DefinitieDto })
  @ApiNotFoundResponse({ description: 'Onbekende definitie (definitie-niet-gevonden)' })
  een(@HuidigeTenant() tenant: Tenant, @Param('id') id: string): DefinitieDto {
    const versies = this.definities.regimesVan(tenant.gemeente).filter((r) => r.summary.id === id);
    if (versies.length === 0) throw ProblemException.notFound(`Geen definitie ${id} voor ${tenant.gemeente}.`, 'definitie-niet-gevonden');
    return { id, gemeente: tenant.gemeente, versies: versies.map((r) => this.versieDto(r)) };
  }

  @Get('definities/:id/diagram')
  @Rollen(...LEZERS)
  @ApiOperation({
    operationId: 'definitieDiagram',
    summary: 'Het diagram van een definitie, gegenereerd uit de machine (mermaid, svg of json)',
  })
  @ApiOkResponse({
    description: 'Diagram in het gevraagde formaat (formaat=json, svg of mermaid)',
    content: {
      'application/json': { schema: DIAGRAM_GRAAF_SCHEMA },
      'image/svg+xml': { schema: { type: 'string' } },
      'text/vnd.mermaid': { schema: { type: 'string' } },
    },
  })
  @ApiNotFoundResponse({ description: 'Onbekende definitie of versie (definitie-niet-gevonden)' })
  async diagram(
    @HuidigeTenant() tenant: Tenant,
    @Param('id') id: string,
    @Query() q: DiagramQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    const versies = this.definities.regimesVan(tenant.gemeente).filter((r) => r.summary.id === id);
    // The version in force today by the service's one clock (src/common/klok.ts), as everywhere else.
    const vandaag = kalenderdag(this.klok.nu().toISOString());
    const regime = q.versie
      ? versies.find((r) => r.summary.versie === q.versie)
      : (versies.find((r) => r.summary.geldigVanaf <= vandaag && (!r.summary.geldigTot || vandaag <= r.summary.geldigTot)) ?? versies[0]);
    if (!regime)
      throw ProblemException.notFound(
        `Geen definitie ${id}${q.versie ? ` versie ${q.versie}` : ''} voor ${tenant.gemeente}.`,
        'definitie-niet-gevonden',
      );
    const graaf = regimeDiagramGraph(regime);
    switch (q.formaat ?? 'json') {
      case 'mermaid':
        res.type('text/vnd.mermaid; charset=utf-8');
        return toMermaid(graaf);
      case 'svg':
        res.type('image/svg+xml');
        return await toSvg(graaf);
      default:
        return graaf;
    }
  }

  @Post('definities/validaties')
  @Rollen('beleidsmedewerker')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'definitieValideren',
    summary: 'Valideer een definitie (YAML) zonder te publiceren: fouten als bestand:regel:kolom met wat u in plaats daarvan schrijft',
  })
  @ApiOkResponse({ type: DefinitieValidatieDto })
  async valideer(@HuidigeTenant() tenant: Tenant, @Body() body: DefinitieYamlDto): Promise<DefinitieValidatieDto> {
    const u = await this.definities.valideer(body.yaml, tenant.gemeente);
    return {
      definitieId: u.definitieId,
      ...(u.versie ? { versie: u.versie } : {}),
      geldig: u.fouten.length === 0,
      fouten: u.fouten.map(tekst),
    };
  }

  @Post('definities')
  @Rollen('beleidsmedewerker')
  @ApiOperation({
    operationId: 'definitiePubliceren',
    summary: 'Publiceer een nieuwe versie van de definitie; een gepubliceerde versie verandert nooit meer',
  })
  @ApiCreatedResponse({ type: DefinitieVersieDto })
  @ApiConflictResponse({
    description: 'Deze versie bestaat al en verandert niet meer (definitie-versie-bestaat).',
    schema: probleemSchema('DefinitieFoutenProblem'),
  })
  @ApiUnprocessableEntityResponse({
    description: 'De definitie is ongeldig (definitie-ongeldig); er is niets gepubliceerd.',
    schema: probleemSchema('DefinitieFoutenProblem'),
  })
  async publiceer(@HuidigeTenant() tenant: Tenant, @Body() body: DefinitieYamlDto): Promise<DefinitieVersieDto> {
    const u = await this.definities.publiceer(body.yaml, tenant.gemeente, tenant.subject);
    if (u.fouten.some((f) => /bestaat al en verandert niet meer/.test(f.message))) {
      throw ProblemException.conflict('definitie-versie-bestaat', 'Versie bestaat al', u.fouten[0].message, {
        fouten: u.fouten.map(tekst),
      });
    }
    if (u.fouten.length > 0 || !u.regime) {
      throw new ProblemException({
        status: 422,
        code: 'definitie-ongeldig',
        title: 'De definitie is ongeldig',
        detail: `${u.fouten.length} fout(en); er is niets gepubliceerd.`,
        extensions: { fouten: u.fouten.map(tekst) },
      });
    }
    return this.versieDto(u.regime);
  }

  @Get('gebeurtenis-typen')
  @Rollen(...LEZERS, 'aanbieder')
  @ApiOperation({ operationId: 'gebeurtenisTypen', summary: 'De gebeurtenissen die POST /klachten/{id}/gebeurtenissen kent, met hun data' })
  @ApiOkResponse({ type: GebeurtenisTypeDto, isArray: true })
  gebeurtenisTypen(): GebeurtenisTypeDto[] {
    return Object.entries(GEBEURTENISSEN).map(([type, g]) => ({
      type,
      omschrijving: g.omschrijving,
      data: g.data,
      velden: g.velden.map((v) => ({
        naam: v.naam,
        verplicht: v.verplicht,
        soort: v.soort,
        omschrijving: v.omschrijving,
        ...(v.waarden ? { waarden: [...v.waarden] } : {}),
      })),
    }));
  }
}
