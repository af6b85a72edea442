import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiExtraModels,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiUnprocessableEntityResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { PROBLEEM_SCHEMAS, probleemSchema } from '../../common/openapi';
import { DIAGRAM_GRAAF_SCHEMA } from './definitie.schema';
import { ProblemException } from '../../common/problem';
import { GEBEURTENISSEN } from '../../machines';
import type { CompiledRegime } from '../../machines/contract';
import { regimeDiagramGraph, toMermaid, toSvg } from '../../machines/diagram';
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
  AfwijzingDto,
  DefinitieTekstDto,
  GoedkeuringDto,
  TerugwerkendeKrachtDto,
  VersieQuery,
  VoorstelDto,
  VoorstelLijstDto,
  VoorstelQuery,
  VoorstelStapDto,
  VoorstelStappenLijstDto,
} from './definities.dto';
import { DefinitiesService } from './definities.service';
import type { DefinitieVoorstelStapEntity } from './definitie-voorstel.entity';
import { DefinitieVoorstellenService, metTekst, type VoorstelMetStappen } from './definitie-voorstellen.service';

const LEZERS = ['beleidsmedewerker', 'klachtbehandelaar', 'procesEigenaar', 'systeem', 'beheerder'] as const;

const tekst = metTekst;

function stapDto(s: DefinitieVoorstelStapEntity): VoorstelStapDto {
  return {
    stap: s.stap,
    door: s.door,
    doorNaam: s.doorNaam,
    op: s.op.toISOString(),
    ...(s.reden ? { reden: s.reden } : {}),
    definitieId: s.definitieId,
    versie: s.versie,
    voorstelId: s.voorstelId,
    ...(s.terugwerkendeKracht ? { terugwerkendeKracht: s.terugwerkendeKracht } : {}),
  };
}

/** The 422s of an approval: the definition became invalid (fouten), or it works back and was not confirmed (terugwerkendeKracht). */
const GOEDKEURING_PROBLEEM = {
  ...PROBLEEM_SCHEMAS.DefinitieFoutenProblem,
  description:
    'Het voorstel is niet goedgekeurd, er is niets gepubliceerd: de definitie is inmiddels ongeldig (definitie-ongeldig, met `fouten`), of zij werkt terug en dat is niet bevestigd (terugwerkende-kracht, met `terugwerkendeKracht`; invalidParams noemt geldigVanaf en terugwerkendeKrachtBevestigd).',
  properties: {
    ...PROBLEEM_SCHEMAS.DefinitieFoutenProblem.properties,
    terugwerkendeKracht: { $ref: getSchemaPath(TerugwerkendeKrachtDto) },
  },
};

@ApiTags('definities')
@ApiExtraModels(TerugwerkendeKrachtDto)
@Controller()
export class DefinitiesController {
  constructor(
    private readonly definities: DefinitiesService,
    private readonly voorstellen: DefinitieVoorstellenService,
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
    const regime = q.versie ? versies.find((r) => r.summary.versie === q.versie) : this.definities.vandaagOfNieuwste(tenant.gemeente, id);
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

  @Get('definities/:id/tekst')
  @Rollen(...LEZERS)
  @ApiOperation({
    operationId: 'definitieTekst',
    summary:
      'De YAML van een versie zoals geschreven (standaard de versie die vandaag geldt): het begin van een nieuwe versie in de editor',
  })
  @ApiOkResponse({ type: DefinitieTekstDto })
  @ApiNotFoundResponse({ description: 'Onbekende definitie of versie (definitie-niet-gevonden)' })
  async tekst(@HuidigeTenant() tenant: Tenant, @Param('id') id: string, @Query() q: VersieQuery): Promise<DefinitieTekstDto> {
    const versies = this.definities.regimesVan(tenant.gemeente).filter((r) => r.summary.id === id);
    const regime = q.versie ? versies.find((r) => r.summary.versie === q.versie) : this.definities.vandaagOfNieuwste(tenant.gemeente, id);
    const yaml = regime ? await this.definities.yamlVan(id, regime.summary.versie) : undefined;
    if (!regime || yaml === undefined)
      throw ProblemException.notFound(
        `Geen definitie ${id}${q.versie ? ` versie ${q.versie}` : ''} voor ${tenant.gemeente}.`,
        'definitie-niet-gevonden',
      );
    return { definitieId: id, versie: regime.summary.versie, geldigVanaf: regime.summary.geldigVanaf, yaml };
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
      waarschuwingen: u.waarschuwingen.map(tekst),
    };
  }

  private voorstelDto({ voorstel: v, stappen, terugwerkendeKracht, gesplitsteDag }: VoorstelMetStappen): VoorstelDto {
    return {
      id: v.id,
      definitieId: v.definitieId,
      gemeente: v.gemeente,
      versie: v.versie,
      geldigVanaf: v.geldigVanaf,
      status: v.status,
      voorgesteldDoor: v.voorgesteldDoor,
      voorgesteldOp: v.voorgesteldOp.toISOString(),
      ...(v.beoordeeldDoor ? { beoordeeldDoor: v.beoordeeldDoor } : {}),
      ...(v.beoordeeldOp ? { beoordeeldOp: v.beoordeeldOp.toISOString() } : {}),
      ...(v.reden ? { reden: v.reden } : {}),
      yaml: v.yaml,
      waarschuwingen: (v.waarschuwingen ?? []).map(tekst),
      stappen: stappen.map(stapDto),
      ...(terugwerkendeKracht ? { terugwerkendeKracht } : {}),
      ...(gesplitsteDag ? { gesplitsteDag } : {}),
    };
  }

  @Post('definities')
  @Rollen('beleidsmedewerker')
  @ApiOperation({
    operationId: 'definitiePubliceren',
    summary:
      'Stel een nieuwe versie van de definitie voor (4-ogen): hetzelfde als POST /definities/{id}/voorstellen, met de definitie afgeleid uit de YAML. Er wordt niets actief tot een andere beleidsmedewerker het voorstel goedkeurt.',
  })
  @ApiCreatedResponse({ type: VoorstelDto, description: 'Het voorstel (status voorgesteld); de versie geldt pas na goedkeuring.' })
  @ApiConflictResponse({
    description:
      'Deze versie bestaat al en verandert niet meer (definitie-versie-bestaat), of er ligt al een voorstel voor (voorstel-bestaat).',
    schema: probleemSchema('DefinitieFoutenProblem'),
  })
  @ApiUnprocessableEntityResponse({
    description: 'De definitie is ongeldig (definitie-ongeldig; fouten als bestand:regel:kolom); er is niets opgeslagen.',
    schema: probleemSchema('DefinitieFoutenProblem'),
  })
  async publiceer(@HuidigeTenant() tenant: Tenant, @Body() body: DefinitieYamlDto): Promise<VoorstelDto> {
    return this.voorstelDto(await this.voorstellen.stelVoor(body.yaml, tenant));
  }

  @Post('definities/:id/voorstellen')
  @Rollen('beleidsmedewerker')
  @ApiOperation({
    operationId: 'definitieVoorstellen',
    summary:
      'Stel een nieuwe versie voor (4-ogen). De volledige validatie moet slagen; de versie wordt pas actief als een andere beleidsmedewerker van de gemeente hem goedkeurt.',
  })
  @ApiCreatedResponse({ type: VoorstelDto, description: 'Het voorstel, status voorgesteld, met het auditspoor.' })
  @ApiConflictResponse({
    description:
      'Deze versie bestaat al (definitie-versie-bestaat) of er ligt al een voorstel voor (voorstel-bestaat); er is niets opgeslagen.',
    schema: probleemSchema('DefinitieFoutenProblem'),
  })
  @ApiUnprocessableEntityResponse({
    description: 'De definitie is ongeldig (definitie-ongeldig): `fouten` noemt bestand:regel:kolom; er is niets opgeslagen.',
    schema: probleemSchema('DefinitieFoutenProblem'),
  })
  async stelVoor(@HuidigeTenant() tenant: Tenant, @Param('id') id: string, @Body() body: DefinitieYamlDto): Promise<VoorstelDto> {
    return this.voorstelDto(await this.voorstellen.stelVoor(body.yaml, tenant, id));
  }

  @Get('definities/:id/voorstellen')
  @Rollen(...LEZERS)
  @ApiOperation({
    operationId: 'definitieVoorstellenZoeken',
    summary: 'De voorstellen voor nieuwe versies van een definitie, nieuwste eerst',
  })
  @ApiOkResponse({ type: VoorstelLijstDto })
  async voorstellenLijst(
    @HuidigeTenant() tenant: Tenant,
    @Param('id') id: string,
    @Query() q: VoorstelQuery,
  ): Promise<Omit<VoorstelLijstDto, 'links'>> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const alle = (await this.voorstellen.lijst(tenant, id, q.status)).map((v) => this.voorstelDto(v));
    return { resultaten: alle.slice((page - 1) * pageSize, page * pageSize), totaal: alle.length, page, pageSize };
  }

  @Get('definities/:id/voorstellen/:voorstelId')
  @Rollen(...LEZERS)
  @ApiOperation({ operationId: 'definitieVoorstelOphalen', summary: 'Een voorstel met zijn YAML en auditspoor' })
  @ApiOkResponse({ type: VoorstelDto })
  @ApiNotFoundResponse({ description: 'Geen voorstel met dit id bij deze definitie van de gemeente (voorstel-niet-gevonden)' })
  async voorstel(
    @HuidigeTenant() tenant: Tenant,
    @Param('id') id: string,
    @Param('voorstelId', ParseUUIDPipe) voorstelId: string,
  ): Promise<VoorstelDto> {
    return this.voorstelDto(await this.voorstellen.een(tenant, id, voorstelId));
  }

  @Post('definities/:id/voorstellen/:voorstelId/goedkeuring')
  @Rollen('beleidsmedewerker')
  @ApiOperation({
    operationId: 'definitieVoorstelGoedkeuren',
    summary:
      'Keur een voorstel goed (4-ogen): de versie wordt gepubliceerd en geldt vanaf haar geldigVanaf. Niet door wie het voorstelde. Ligt geldigVanaf vóór vandaag, dan werkt de versie terug en moet u dat bevestigen (terugwerkendeKrachtBevestigd).',
  })
  @ApiBody({ type: GoedkeuringDto, required: false })
  @ApiCreatedResponse({
    type: VoorstelDto,
    description:
      'Het voorstel, nu goedgekeurd; de versie staat in GET /definities. Met terugwerkende kracht: in het auditspoor bij de stap goedgekeurd.',
  })
  @ApiForbiddenResponse({
    description:
      'U stelde dit voorstel zelf voor, ook met een andere sleutel of login (vier-ogen); uw sleutel, of die waarmee het voorstel werd gedaan, staat op naam van geen medewerker (vier-ogen-geen-medewerker); of uw rol mag dit niet (geen-toegang).',
  })
  @ApiNotFoundResponse({ description: 'Geen voorstel met dit id bij deze definitie van de gemeente (voorstel-niet-gevonden)' })
  @ApiConflictResponse({
    description: 'Het voorstel is al beoordeeld (voorstel-al-beoordeeld), of de versie bestaat inmiddels (definitie-versie-bestaat).',
    schema: probleemSchema('DefinitieFoutenProblem'),
  })
  @ApiUnprocessableEntityResponse({
    description:
      'Het voorstel is inmiddels ongeldig, bijv. door een andere goedgekeurde versie (definitie-ongeldig); of geldigVanaf ligt vóór vandaag en terugwerkendeKrachtBevestigd is niet true (terugwerkende-kracht: welke dagen, en hoeveel klachten uit die dagen op hun versie blijven). Er is niets gepubliceerd.',
    schema: GOEDKEURING_PROBLEEM,
  })
  async keurGoed(
    @HuidigeTenant() tenant: Tenant,
    @Param('id') id: string,
    @Param('voorstelId', ParseUUIDPipe) voorstelId: string,
    @Body() body: GoedkeuringDto,
  ): Promise<VoorstelDto> {
    return this.voorstelDto(await this.voorstellen.keurGoed(tenant, id, voorstelId, body?.terugwerkendeKrachtBevestigd === true));
  }

  @Post('definities/:id/voorstellen/:voorstelId/afwijzing')
  @Rollen('beleidsmedewerker')
  @ApiOperation({
    operationId: 'definitieVoorstelAfwijzen',
    summary: 'Wijs een voorstel af, met een reden (verplicht). Niet door wie het voorstelde; er wordt niets gepubliceerd.',
  })
  @ApiCreatedResponse({ type: VoorstelDto, description: 'Het voorstel, nu afgewezen, met de reden in het auditspoor.' })
  @ApiForbiddenResponse({
    description:
      'U stelde dit voorstel zelf voor, ook met een andere sleutel of login (vier-ogen); uw sleutel, of die waarmee het voorstel werd gedaan, staat op naam van geen medewerker (vier-ogen-geen-medewerker); of uw rol mag dit niet (geen-toegang).',
  })
  @ApiNotFoundResponse({ description: 'Geen voorstel met dit id bij deze definitie van de gemeente (voorstel-niet-gevonden)' })
  @ApiConflictResponse({ description: 'Het voorstel is al beoordeeld (voorstel-al-beoordeeld).' })
  async wijsAf(
    @HuidigeTenant() tenant: Tenant,
    @Param('id') id: string,
    @Param('voorstelId', ParseUUIDPipe) voorstelId: string,
    @Body() body: AfwijzingDto,
  ): Promise<VoorstelDto> {
    return this.voorstelDto(await this.voorstellen.wijsAf(tenant, id, voorstelId, body.reden.trim()));
  }

  @Get('definities/:id/auditspoor')
  @Rollen(...LEZERS)
  @ApiOperation({
    operationId: 'definitieAuditspoor',
    summary: 'Het auditspoor van een definitie: elke stap (voorgesteld, goedgekeurd, afgewezen) met wie, wanneer en waarom, oudste eerst',
  })
  @ApiOkResponse({ type: VoorstelStappenLijstDto })
  async auditspoor(
    @HuidigeTenant() tenant: Tenant,
    @Param('id') id: string,
    @Query() q: PaginaQuery,
  ): Promise<Omit<VoorstelStappenLijstDto, 'links'>> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const alle = (await this.voorstellen.stappen(tenant, id)).map(stapDto);
    return { resultaten: alle.slice((page - 1) * pageSize, page * pageSize), totaal: alle.length, page, pageSize };
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
