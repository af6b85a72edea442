import { Controller, Get, Headers, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ProblemException } from '../../common/problem';
import { BRIEF_SOORTEN, isBriefSoort } from '../../machines/definition/brieven';
import { omschrijvingVan } from '../../machines';
import { Rollen } from '../auth/rollen.decorator';
import { documentView, stuurDocument } from '../dossier/documenten.controller';
import type { DossierDocumentEntity } from '../dossier/dossier-document.entity';
import { DossierService } from '../dossier/dossier.service';
import { pagina } from '../dossier/lijst';
import { KlachtGebeurtenisEntity } from '../klachten/klacht-gebeurtenis.entity';
import { PaginaQuery } from '../paginering/pagina.query';
import { BriefEntity } from './brief.entity';
import { BriefDto, BriefPaginaDto, DossierPaginaDto, type DossierRegelDto } from './brieven.dto';

const LEZERS = ['klachtbehandelaar', 'procesEigenaar', 'systeem', 'aanbieder'] as const;

const titelVan = (soort: string) => (isBriefSoort(soort) ? BRIEF_SOORTEN[soort].titel : soort);

function briefView(b: BriefEntity, docs: DossierDocumentEntity[]): BriefDto {
  const html = docs.find((d) => d.briefId === b.id && d.mediaType === 'text/html');
  const pdf = docs.find((d) => d.briefId === b.id && d.mediaType === 'application/pdf');
  return {
    id: b.id,
    soort: b.soort,
    titel: titelVan(b.soort),
    aan: b.aan,
    grondslag: b.grondslag ?? undefined,
    datum: b.datum,
    status: b.status,
    reden: b.reden ?? undefined,
    ontbrekend: b.ontbrekend,
    sjabloon: b.sjabloon ?? undefined,
    html: html ? documentView(html) : undefined,
    pdf: pdf ? documentView(pdf) : undefined,
    gemaaktOp: b.gemaaktOp.toISOString(),
  };
}

/** The stored renderings of a letter, sent byte for byte (media types in the document: docs/api.md, the document is the contract). */
const PDF = { 'application/pdf': { schema: { type: 'string', format: 'binary' } } };
const HTML = { 'text/html': { schema: { type: 'string' } } };

/**
 * The letters of a klacht and its dossier timeline. Reads go through KlachtToegangInterceptor like every
 * /klachten/:id route: tenant and aanbieder check in SQL, and one dossier_inzage row per GET.
 */
@ApiTags('dossier')
@Controller('klachten/:id')
export class BrievenController {
  constructor(
    private readonly dossier: DossierService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  private async brieven(klachtId: string): Promise<{ brieven: BriefEntity[]; docs: DossierDocumentEntity[] }> {
    const [brieven, docs] = await Promise.all([
      this.dataSource.getRepository(BriefEntity).find({ where: { klachtId }, order: { at: 'ASC', id: 'ASC' } }),
      this.dossier.lijst(klachtId),
    ]);
    return { brieven, docs };
  }

  @Get('brieven')
  @Rollen(...LEZERS)
  @ApiOperation({
    operationId: 'brievenOphalen',
    summary: 'De brieven van een klacht (Awb 9:6, 9:8 lid 3, 9:11 lid 2, 9:12, 2:3), elk met de SHA-256 van de HTML en de PDF.',
  })
  @ApiOkResponse({ type: BriefPaginaDto })
  async lijst(@Param('id', ParseUUIDPipe) id: string, @Query() q: PaginaQuery): Promise<Omit<BriefPaginaDto, 'links'>> {
    const { brieven, docs } = await this.brieven(id);
    return pagina(
      brieven.map((b) => briefView(b, docs)),
      q,
    );
  }

  @Get('brieven/:briefId')
  @Rollen(...LEZERS)
  @ApiOperation({
    operationId: 'briefOphalen',
    summary: 'Een brief: JSON (standaard), of met Accept: application/pdf de PDF en met Accept: text/html de HTML.',
  })
  @ApiExtraModels(BriefDto)
  @ApiOkResponse({
    description: 'De brief als JSON, of op Accept de PDF of de HTML zoals bewaard.',
    content: { 'application/json': { schema: { $ref: getSchemaPath(BriefDto) } }, ...PDF, ...HTML },
  })
  async een(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('briefId', ParseUUIDPipe) briefId: string,
    @Headers('accept') accept: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const a = (accept ?? '').toLowerCase();
    if (a.includes('application/pdf')) return this.stuur(id, briefId, 'application/pdf', res);
    if (a.includes('text/html')) return this.stuur(id, briefId, 'text/html', res);
    const { brieven, docs } = await this.brieven(id);
    const b = brieven.find((x) => x.id === briefId);
    if (!b) throw ProblemException.notFound(`Brief ${briefId} bestaat niet bij deze klacht.`, 'brief-niet-gevonden');
    res.status(200).json(briefView(b, docs));
  }

  @Get('brieven/:briefId/pdf')
  @Rollen(...LEZERS)
  @ApiOperation({ operationId: 'briefPdf', summary: 'De PDF van een brief, zoals bewaard (SHA-256 in Digest en ETag).' })
  @ApiOkResponse({ description: 'De PDF zoals bewaard.', content: PDF })
  pdf(@Param('id', ParseUUIDPipe) id: string, @Param('briefId', ParseUUIDPipe) briefId: string, @Res() res: Response): Promise<void> {
    return this.stuur(id, briefId, 'application/pdf', res);
  }

  @Get('brieven/:briefId/html')
  @Rollen(...LEZERS)
  @ApiOperation({ operationId: 'briefHtml', summary: 'De HTML van een brief, zoals bewaard (SHA-256 in Digest en ETag).' })
  @ApiOkResponse({ description: 'De HTML zoals bewaard.', content: HTML })
  html(@Param('id', ParseUUIDPipe) id: string, @Param('briefId', ParseUUIDPipe) briefId: string, @Res() res: Response): Promise<void> {
    return this.stuur(id, briefId, 'text/html', res);
  }

  private async stuur(klachtId: string, briefId: string, mediaType: string, res: Response): Promise<void> {
    const doc = (await this.dossier.lijst(klachtId)).find((d) => d.briefId === briefId && d.mediaType === mediaType);
    if (!doc)
      throw ProblemException.notFound(
        `Brief ${briefId} heeft geen ${mediaType === 'application/pdf' ? 'PDF' : 'HTML'} bij deze klacht.`,
        'brief-niet-gevonden',
      );
    await stuurDocument(res, doc, await this.dossier.inhoud(doc));
  }

  @Get('dossier')
  @Rollen(...LEZERS)
  @ApiOperation({ operationId: 'dossierTijdlijn', summary: 'De tijdlijn van het dossier: gebeurtenissen, brieven en documenten, op tijd.' })
  @ApiOkResponse({ type: DossierPaginaDto })
  async tijdlijn(@Param('id', ParseUUIDPipe) id: string, @Query() q: PaginaQuery): Promise<Omit<DossierPaginaDto, 'links'>> {
    const [gebeurtenissen, { brieven, docs }] = await Promise.all([
      this.dataSource
        .getRepository(KlachtGebeurtenisEntity)
        .find({ where: { klachtId: id, accepted: true }, order: { at: 'ASC', id: 'ASC' } }),
      this.brieven(id),
    ]);
    const regels: Array<DossierRegelDto & { volgorde: number }> = [
      ...gebeurtenissen.map((g) => ({
        volgorde: 0,
        soort: 'gebeurtenis',
        op: g.at.toISOString(),
        gebeurtenis: g.type,
        omschrijving: omschrijvingVan(g.type),
      })),
      ...brieven.map((b) => {
        const pdf = docs.find((d) => d.briefId === b.id && d.mediaType === 'application/pdf');
        return {
          volgorde: 1,
          soort: 'brief',
          op: b.at.toISOString(),
          briefId: b.id,
          sha256: pdf?.sha256,
          omschrijving: `Brief: ${titelVan(b.soort)}${b.grondslag ? ` (${b.grondslag})` : ''} aan ${b.aan}${b.status === 'niet-opgemaakt' ? ` — niet opgemaakt${b.reden ? `: ${b.reden}` : ''}` : ''}`,
        };
      }),
      ...docs
        .filter((d) => d.soort !== 'brief')
        .map((d) => ({
          volgorde: 2,
          soort: 'document',
          op: d.at.toISOString(),
          documentId: d.id,
          sha256: d.sha256,
          omschrijving: `Document (${d.soort}): ${d.titel}`,
        })),
    ];
    regels.sort((a, b) => a.op.localeCompare(b.op) || a.volgorde - b.volgorde);
    return pagina(
      regels.map(({ volgorde: _v, ...r }) => r),
      q,
    );
  }
}
