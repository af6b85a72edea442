import { PaginaDto } from '../../paginering/pagina.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { CLOUD_EVENT_TYPES } from '../cloud-event';
import { PaginaQuery } from '../../paginering/pagina.query';

export class NieuwWebhookAbonnementDto {
  @ApiProperty({
    description: 'URL die de CloudEvents ontvangt (https buiten het eigen netwerk).',
    example: 'https://zaaksysteem.gemeente.nl/klachtregie/events',
  })
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  url: string;

  @ApiPropertyOptional({
    description: `CloudEvent-types om te ontvangen; leeg = alles. Een \`*\` aan het eind kiest een voorvoegsel. Types: ${CLOUD_EVENT_TYPES.join(', ')}.`,
    type: [String],
    example: ['nl.klachtregie.klacht.afgedaan', 'nl.klachtregie.termijn.*'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Matches(/^nl\.klachtregie\.[a-z0-9.-]*\*?$/, { each: true, message: 'elk type begint met nl.klachtregie.' })
  typen?: string[];

  @ApiPropertyOptional({
    description: 'Eigen geheim (minstens 24 tekens) voor de handtekening; zonder dit maakt Klachtregie er een.',
    minLength: 24,
  })
  @IsOptional()
  @IsString()
  @MinLength(24)
  @MaxLength(200)
  secret?: string;

  @ApiPropertyOptional({ description: 'Alleen gebeurtenissen over klachten van deze aanbieder.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  aanbiederId?: string;

  @ApiPropertyOptional({
    example: 'GM0457',
    description:
      'De gemeente die de aanbieder-id koos (een id is per gemeente), standaard de eigen; na een herindeling ook een gemeente die erin is opgegaan (Wet arhi art. 40). Alleen met aanbiederId.',
  })
  @IsOptional()
  @Matches(/^GM\d{4}$/, { message: 'aanbiederGemeente moet een CBS-gemeentecode zijn, bijvoorbeeld GM0457' })
  aanbiederGemeente?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  omschrijving?: string;
}

export class WebhookAbonnementDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'GM0363' }) gemeente: string;
  @ApiProperty() url: string;
  @ApiProperty({ type: [String] }) typen: string[];
  @ApiPropertyOptional({ type: String, nullable: true }) aanbiederId: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'GM0363',
    description: 'De gemeente die de aanbieder-id koos (bij een abonnement voor een aanbieder); anders null.',
  })
  aanbiederGemeente: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) omschrijving: string | null;
  @ApiProperty() actief: boolean;
  @ApiProperty({ format: 'date-time' }) aangemaaktOp: string;
}

export class AangemaaktWebhookAbonnementDto extends WebhookAbonnementDto {
  @ApiProperty({ description: 'Het geheim voor de Klachtregie-Signature; alleen nu zichtbaar.' })
  secret: string;
}

export class WebhookAfleveringDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) abonnementId: string;
  @ApiProperty({ format: 'uuid', description: 'CloudEvent id' }) eventId: string;
  @ApiProperty({ example: 'nl.klachtregie.klacht.afgedaan' }) eventType: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) klachtId: string | null;
  @ApiProperty({ description: 'Volgorde binnen de klacht' }) sequence: string;
  @ApiProperty({ enum: ['wachtend', 'afgeleverd', 'vervallen'] }) status: string;
  @ApiProperty() pogingen: number;
  @ApiProperty({ format: 'date-time' }) volgendePogingOp: string;
  @ApiPropertyOptional({ type: Number, nullable: true }) laatsteStatus: number | null;
  @ApiPropertyOptional({ type: String, nullable: true }) laatsteFout: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) afgeleverdOp: string | null;
  @ApiProperty({ format: 'date-time' }) aangemaaktOp: string;
}

export class WebhookAfleveringLijstDto extends PaginaDto {
  @ApiProperty({ type: [WebhookAfleveringDto] }) resultaten: WebhookAfleveringDto[];
}

export class WebhookAfleveringQuery extends PaginaQuery {
  @ApiPropertyOptional({ enum: ['wachtend', 'afgeleverd', 'vervallen'] })
  @IsOptional()
  @IsIn(['wachtend', 'afgeleverd', 'vervallen'])
  status?: 'wachtend' | 'afgeleverd' | 'vervallen';

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  abonnementId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  klachtId?: string;
}
