import { Controller, Get, HttpCode, Logger, Param, Post, UploadedFile, UseInterceptors, Body } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { IdempotencyNaUpload } from '../idempotency/idempotency.interceptor';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { ProblemException } from '../../common/problem';
import { uploadGrenzen } from '../../common/upload-grenzen';
import { Rollen } from '../auth/rollen.decorator';
import { TenantContext } from '../auth/tenant';
import { ImportDto } from './dto/import-view.dto';
import { ImportService } from './import.service';

/** The largest import file one request takes; split larger files (docs/import.md). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
const MB = MAX_IMPORT_BYTES / 1024 / 1024;

class ImportUploadDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'Het importbestand: NDJSON, één klacht per regel (docs/import.md).' })
  bestand: unknown;
  @ApiPropertyOptional({ description: 'Naam van de import; standaard de bestandsnaam.', maxLength: 200 })
  naam?: string;
}

const ImportUploadGrenzen = uploadGrenzen({
  code: 'importbestand-te-groot',
  detail: `Een importbestand is hoogstens ${MB} MiB; splits het bestand.`,
  maxMb: MB,
});

/**
 * Bulk import of historic klachten (docs/import.md): a beheerder sends an NDJSON file, the service works
 * through it in the background, and the import resource shows the progress and every bad line.
 */
@ApiTags('imports')
@Controller('imports')
@Rollen('beheerder')
export class ImportController {
  private readonly logger = new Logger('Import');

  constructor(private readonly imports: ImportService) {}

  @Post()
  @HttpCode(202)
  @UseInterceptors(
    ImportUploadGrenzen,
    FileInterceptor('bestand', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5 } }),
    IdempotencyNaUpload,
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ImportUploadDto })
  @ApiOperation({
    operationId: 'importStarten',
    summary:
      'Importeer historische klachten uit een NDJSON-bestand (één klacht per regel, met haar gebeurtenissen); hetzelfde bestand opnieuw sturen hervat de import.',
  })
  @ApiAcceptedResponse({ type: ImportDto, description: 'De import loopt (of liep al); volg hem met GET /imports/{id}.' })
  @ApiPayloadTooLargeResponse({ description: `importbestand-te-groot: groter dan ${MB} MiB; er is niets bewaard.` })
  async start(
    @UploadedFile() bestand: { originalname: string; buffer: Buffer } | undefined,
    @Body() body: Record<string, unknown>,
  ): Promise<ImportDto> {
    if (!bestand || bestand.buffer.length === 0) {
      throw ProblemException.invalid([
        { name: 'bestand', reason: 'een niet-leeg NDJSON-bestand is verplicht (multipart/form-data, veld bestand)' },
      ]);
    }
    const naam = typeof body?.naam === 'string' && body.naam.trim() ? body.naam.trim() : bestand.originalname || 'import';
    if (naam.length > 200) throw ProblemException.invalid([{ name: 'naam', reason: 'hoogstens 200 tekens' }]);
    const inhoud = bestand.buffer.toString('utf8');
    if (inhoud.includes('\uFFFD')) throw ProblemException.invalid([{ name: 'bestand', reason: 'geen geldige UTF-8' }]);
    const tenant = TenantContext.huidige()!;
    const { id } = await this.imports.maak(inhoud, { naam, actor: tenant.subject, scope: tenant.gemeente });
    this.achtergrond(id);
    return (await this.imports.bekijk(id, tenant.gemeente))!;
  }

  @Get(':id')
  @ApiOperation({
    operationId: 'importOphalen',
    summary: 'De voortgang van een import, met elke regel die niet is geïmporteerd (regel en veld).',
  })
  @ApiOkResponse({ type: ImportDto })
  @ApiNotFoundResponse({ description: 'Onbekende import (import-niet-gevonden).' })
  async get(@Param('id') id: string): Promise<ImportDto> {
    const imp = await this.imports.bekijk(id, TenantContext.huidige()!.gemeente);
    if (!imp) throw ProblemException.notFound(`Import ${id} bestaat niet.`, 'import-niet-gevonden');
    return imp;
  }

  @Post(':id/hervatten')
  @HttpCode(202)
  @ApiOperation({
    operationId: 'importHervatten',
    summary: 'Hervat een import die is gestopt (bijvoorbeeld door een herstart); verwerkte regels blijven verwerkt.',
  })
  @ApiAcceptedResponse({ type: ImportDto })
  @ApiNotFoundResponse({ description: 'Onbekende import (import-niet-gevonden).' })
  async hervat(@Param('id') id: string): Promise<ImportDto> {
    const imp = await this.imports.bekijk(id, TenantContext.huidige()!.gemeente);
    if (!imp) throw ProblemException.notFound(`Import ${id} bestaat niet.`, 'import-niet-gevonden');
    this.achtergrond(id);
    return imp;
  }

  /** Processing outlives the request; a second call while it runs returns at once (advisory lock). */
  private achtergrond(id: string): void {
    setImmediate(() => {
      this.imports.verwerk(id).catch((e: Error) => this.logger.error(`Import ${id} gestopt: ${e.message}`));
    });
  }
}
