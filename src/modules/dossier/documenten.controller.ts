import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { MulterModuleOptions } from '@nestjs/platform-express';
import { IdempotencyNaUpload } from '../idempotency/idempotency.interceptor';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ProblemException } from '../../common/problem';
import { uploadGrenzen, uploadStroom } from '../../common/upload-grenzen';
import { Rollen } from '../auth/rollen.decorator';
import { TenantContext } from '../auth/tenant';
import { DOCUMENT_SOORTEN, type DossierDocumentEntity } from './dossier-document.entity';
import { DossierService } from './dossier.service';
import { DocumentDto, DocumentPaginaDto, DocumentUploadDto } from './documenten.dto';
import { pagina } from './lijst';
import { PaginaQuery } from '../paginering/pagina.query';
import { kaalMediaType, MAX_DOCUMENT_BYTES, TOEGESTANE_MEDIA_TYPES } from './media-type';
import { UploadStroom, type GestroomdBestand } from './upload-stroom';

const UPLOAD_SOORTEN = DOCUMENT_SOORTEN.filter((s) => s !== 'brief');
const MB = Math.round(MAX_DOCUMENT_BYTES / 1024 / 1024);

const GRENS = { code: 'document-te-groot', detail: `Een document is hoogstens ${MB} MiB.`, maxMb: MB, maxBytes: MAX_DOCUMENT_BYTES };
const UploadGrenzen = uploadGrenzen(GRENS);
/**
 * The file streams to a temporary file, the body is counted as it arrives (413 as soon as it is too large), and each
 * field is small (soort, titel of 200 characters), so the envelope of the body stays within ENVELOP_BYTES.
 */
const UPLOAD_OPTIES = {
  storage: new UploadStroom(),
  limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 10, fieldSize: 4096 },
  ...uploadStroom(GRENS),
} as MulterModuleOptions;

export function documentView(d: DossierDocumentEntity): DocumentDto {
  return {
    id: d.id,
    soort: d.soort,
    titel: d.titel,
    mediaType: d.mediaType,
    grootte: d.grootte,
    sha256: d.sha256,
    briefId: d.briefId ?? undefined,
    door: d.door,
    op: d.at.toISOString(),
  };
}

/**
 * Documents in a klacht's dossier (klaagschrift, verslag horen, correspondentie): the type is decided
 * from the content, the size is bounded, and every read is logged in dossier_inzage (the /klachten/:id
 * routes go through KlachtToegangInterceptor: tenant check, and the log for each GET).
 */
@ApiTags('dossier')
@Controller('klachten/:id/documenten')
export class DocumentenController {
  constructor(private readonly dossier: DossierService) {}

  @Post()
  @Rollen('klachtbehandelaar', 'aanbieder', 'systeem')
  @UseInterceptors(UploadGrenzen, FileInterceptor('bestand', UPLOAD_OPTIES), IdempotencyNaUpload)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: DocumentUploadDto })
  @ApiOperation({
    operationId: 'documentToevoegen',
    summary: `Voeg een document toe aan het dossier (hoogstens ${MB} MiB; ${Object.values(TOEGESTANE_MEDIA_TYPES).join(', ')}).`,
  })
  @ApiCreatedResponse({ type: DocumentDto })
  @ApiPayloadTooLargeResponse({ description: `document-te-groot: het bestand is groter dan ${MB} MiB; er is niets bewaard.` })
  @ApiUnsupportedMediaTypeResponse({
    description: `mediatype-niet-toegestaan: de inhoud is geen ${Object.values(TOEGESTANE_MEDIA_TYPES).join(', ')}; mediatype-klopt-niet: het opgegeven media type is niet wat de inhoud is. Er is niets bewaard.`,
  })
  async upload(
    @Param('id', ParseUUIDPipe) id: string,
    @UploadedFile() bestand: GestroomdBestand | undefined,
    @Body() body: Record<string, unknown>,
  ): Promise<DocumentDto> {
    const soort = typeof body?.soort === 'string' ? body.soort : undefined;
    if (!soort || !(UPLOAD_SOORTEN as readonly string[]).includes(soort)) {
      throw ProblemException.invalid([{ name: 'soort', reason: `één van ${UPLOAD_SOORTEN.join(', ')}` }]);
    }
    if (!bestand || bestand.size === 0)
      throw ProblemException.invalid([
        { name: 'bestand', reason: 'een niet-leeg bestand is verplicht (multipart/form-data, veld bestand)' },
      ]);
    const titel = typeof body.titel === 'string' && body.titel.trim() ? body.titel.trim() : bestand.originalname || soort;
    if (titel.length > 200) throw ProblemException.invalid([{ name: 'titel', reason: 'hoogstens 200 tekens' }]);
    const gevonden = bestand.mediaType;
    const opgegeven = kaalMediaType(bestand.mimetype);
    if (!gevonden) {
      throw new ProblemException({
        status: 415,
        code: 'mediatype-niet-toegestaan',
        detail: `De inhoud is geen ${Object.values(TOEGESTANE_MEDIA_TYPES).join(', ')}.`,
        invalidParams: [{ name: 'bestand', reason: `toegestaan: ${Object.keys(TOEGESTANE_MEDIA_TYPES).join(', ')}` }],
      });
    }
    // A client that says what it sends must say the truth: a .exe labelled application/pdf is refused.
    if (opgegeven && opgegeven !== 'application/octet-stream' && opgegeven !== gevonden) {
      throw new ProblemException({
        status: 415,
        code: 'mediatype-klopt-niet',
        detail: `Het bestand is opgegeven als ${opgegeven}, maar de inhoud is ${gevonden}.`,
        invalidParams: [{ name: 'bestand', reason: `inhoud is ${gevonden}, niet ${opgegeven}` }],
      });
    }
    const tenant = TenantContext.huidige();
    const doc = await this.dossier.bewaarBestand({
      klachtId: id,
      gemeente: (await this.dossier.gemeenteVan(id)) ?? tenant?.gemeente ?? '',
      soort: soort as DossierDocumentEntity['soort'],
      titel,
      mediaType: gevonden,
      pad: bestand.path,
      door: tenant?.subject ?? 'api',
    });
    return documentView(doc);
  }

  @Get()
  @Rollen('klachtbehandelaar', 'procesEigenaar', 'systeem', 'aanbieder')
  @ApiOperation({
    operationId: 'documentenOphalen',
    summary: 'De documenten in het dossier van een klacht, met hun SHA-256 (de lezing wordt gelogd).',
  })
  @ApiOkResponse({ type: DocumentPaginaDto })
  async lijst(@Param('id', ParseUUIDPipe) id: string, @Query() q: PaginaQuery): Promise<Omit<DocumentPaginaDto, 'links'>> {
    return pagina((await this.dossier.lijst(id)).map(documentView), q);
  }

  @Get(':documentId/inhoud')
  @Rollen('klachtbehandelaar', 'procesEigenaar', 'systeem', 'aanbieder')
  @ApiOperation({
    operationId: 'documentInhoud',
    summary: 'De inhoud van een document, onveranderd (gecontroleerd tegen de SHA-256; de lezing wordt gelogd).',
  })
  @ApiOkResponse({
    description: 'De inhoud zoals bewaard, in haar eigen media type (SHA-256 in Digest en ETag).',
    content: Object.fromEntries(
      [...Object.keys(TOEGESTANE_MEDIA_TYPES), 'text/html'].map((t) => [t, { schema: { type: 'string', format: 'binary' } }]),
    ),
  })
  async inhoud(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('documentId', ParseUUIDPipe) documentId: string,
    @Res() res: Response,
  ): Promise<void> {
    const doc = await this.dossier.document(id, documentId);
    if (!doc) throw ProblemException.notFound(`Document ${documentId} bestaat niet in dit dossier.`, 'document-niet-gevonden');
    await stuurDocument(res, doc, await this.dossier.inhoud(doc));
  }
}

/** Sends stored content as it is, never interpreted by the browser as something else. */
export async function stuurDocument(res: Response, doc: DossierDocumentEntity, inhoud: Buffer): Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', doc.mediaType.startsWith('text/') ? `${doc.mediaType}; charset=utf-8` : doc.mediaType);
  res.setHeader('Content-Length', String(inhoud.length));
  res.setHeader('Digest', `sha-256=${Buffer.from(doc.sha256, 'hex').toString('base64')}`);
  res.setHeader('ETag', `"${doc.sha256}"`);
  // Uploads are shown as attachments; only a letter Klachtregie rendered itself may open inline.
  const naam = encodeURIComponent(doc.titel).replace(/['()]/g, escape);
  res.setHeader('Content-Disposition', `${doc.soort === 'brief' ? 'inline' : 'attachment'}; filename*=UTF-8''${naam}`);
  if (doc.mediaType === 'text/html') res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
  res.end(inhoud);
}
