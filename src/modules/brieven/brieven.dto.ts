import { PaginaDto } from '../paginering/pagina.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DocumentDto } from '../dossier/documenten.dto';

export class BriefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['ontvangstbevestiging', 'niet-behandelen', 'verdaging', 'afdoening', 'doorzending'] }) soort: string;
  @ApiProperty({ example: 'Afhandeling van uw klacht' }) titel: string;
  @ApiProperty({ example: 'klager' }) aan: string;
  @ApiPropertyOptional({ example: 'Awb 9:12' }) grondslag?: string;
  @ApiProperty({ format: 'date', description: 'datum van de brief: de dag waarop Klachtregie hem opmaakte' }) datum: string;
  @ApiProperty({ enum: ['opgemaakt', 'niet-opgemaakt'] }) status: string;
  @ApiPropertyOptional({
    description:
      'waarom de brief niet is opgemaakt: geen of een ongeldig sjabloon, een handeling die achteraf is geregistreerd, of geïmporteerde historie',
  })
  reden?: string;
  @ApiProperty({ type: [String], description: 'velden die de wet eist en die in het dossier nog leeg waren, bijvoorbeeld bevindingen' })
  ontbrekend: string[];
  @ApiPropertyOptional({ example: 'gm0363-amsterdam/brieven/2015-01/afdoening.hbs' }) sjabloon?: string;
  @ApiPropertyOptional({ type: DocumentDto, description: 'de HTML (GET …/brieven/{briefId}/html)' }) html?: DocumentDto;
  @ApiPropertyOptional({ type: DocumentDto, description: 'de PDF (GET …/brieven/{briefId}/pdf)' }) pdf?: DocumentDto;
  @ApiProperty({ format: 'date-time' }) gemaaktOp: string;
}

export class BriefPaginaDto extends PaginaDto {
  @ApiProperty({ type: [BriefDto] }) resultaten: BriefDto[];
}

export class DossierRegelDto {
  @ApiProperty({ enum: ['gebeurtenis', 'brief', 'document'] }) soort: string;
  @ApiProperty({ format: 'date-time' }) op: string;
  @ApiProperty({ description: 'in het Nederlands, bijvoorbeeld "Brief: Afhandeling van uw klacht (Awb 9:12) aan klager"' })
  omschrijving: string;
  @ApiPropertyOptional({ description: 'het type gebeurtenis' }) gebeurtenis?: string;
  @ApiPropertyOptional({ format: 'uuid' }) briefId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) documentId?: string;
  @ApiPropertyOptional({ description: 'SHA-256 van de PDF van de brief, of van het document' }) sha256?: string;
}

export class DossierPaginaDto extends PaginaDto {
  @ApiProperty({ type: [DossierRegelDto] }) resultaten: DossierRegelDto[];
}
