import { PaginaDto } from '../paginering/pagina.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DOCUMENT_SOORTEN } from './dossier-document.entity';

export class DocumentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: DOCUMENT_SOORTEN, description: 'brief: een brief die Klachtregie zelf opmaakte (HTML of PDF)' })
  soort: string;

  @ApiProperty({ example: 'klaagschrift.pdf' })
  titel: string;

  @ApiProperty({ example: 'application/pdf', description: 'bepaald uit de inhoud, niet uit wat de client opgaf' })
  mediaType: string;

  @ApiProperty({ description: 'in bytes' })
  grootte: number;

  @ApiProperty({ description: 'SHA-256 van de inhoud (hex)', example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' })
  sha256: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'de brief waarvan dit de HTML of PDF is' })
  briefId?: string;

  @ApiProperty({ description: 'wie het document toevoegde (api-sleutel:<id>, oidc:<sub>, klachtregie)' })
  door: string;

  @ApiProperty({ format: 'date-time' })
  op: string;
}

export class DocumentUploadDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'het bestand: PDF, PNG, JPEG, platte tekst (UTF-8) of .docx, hoogstens 10 MiB',
  })
  bestand: unknown;

  @ApiProperty({ enum: DOCUMENT_SOORTEN.filter((s) => s !== 'brief') })
  soort: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'standaard de bestandsnaam' })
  titel?: string;
}

export class DocumentPaginaDto extends PaginaDto {
  @ApiProperty({ type: [DocumentDto] }) resultaten: DocumentDto[];
}
