import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { RegistratieDto } from '../klachten/dto/registratie.dto';
import { OMBUDSMAN_VERZOEK_SOORTEN, type OmbudsmanVerzoekSoort } from './klacht-koppeling.entity';
import { TERUGKOPPELING_SOORTEN, type TerugkoppelingSoort } from './terugkoppeling.entity';

export const OORDELEN = ['gegrond', 'ongegrond', 'deelsGegrond', 'geenOordeel'] as const;

export class TerugkoppelingDto {
  @ApiProperty({
    enum: TERUGKOPPELING_SOORTEN,
    description: 'registratie, behandeling (in behandeling genomen), afdoening, maatregelen, tevredenheid',
  })
  @IsIn(TERUGKOPPELING_SOORTEN)
  soort: TerugkoppelingSoort;

  @ApiPropertyOptional({ description: 'Wanneer (ISO 8601 met tijdzone); standaard nu.', example: '2026-04-20T14:00:00+02:00' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/(Z|[+-]\d{2}:\d{2})$/, { message: 'at moet een tijdzone hebben (Z of +02:00)' })
  at?: string;

  @ApiPropertyOptional({ enum: OORDELEN, description: 'Bij afdoening: het oordeel (Awb 9:12).' })
  @IsOptional()
  @IsIn(OORDELEN)
  oordeel?: (typeof OORDELEN)[number];

  @ApiPropertyOptional({ type: [String], description: 'Bij afdoening of maatregelen: getroffen of te treffen maatregelen.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  maatregelen?: string[];

  @ApiPropertyOptional({ description: 'Bij tevredenheid: is de klager tevreden?' })
  @IsOptional()
  @IsBoolean()
  tevreden?: boolean;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  opmerking?: string;

  @ApiPropertyOptional({
    type: RegistratieDto,
    description:
      'Bij elke soort: aard, oorzaak, afwikkeling, maatregelen, tevredenheid voor de rapportage van de gemeente, uit haar lijsten (registratieWaarden van de klacht). Een waarde buiten de lijst: 422, er wordt niets vastgelegd.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => RegistratieDto)
  registratie?: RegistratieDto;
}

export class TerugkoppelingViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) klachtId: string;
  @ApiProperty({ enum: TERUGKOPPELING_SOORTEN }) soort: string;
  @ApiPropertyOptional({ type: String, nullable: true }) aanbiederId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'De toegepaste gebeurtenis, of null als alleen vastgelegd' })
  gebeurtenis: string | null;
  @ApiProperty({ description: 'Of de gebeurtenis op de klacht is toegepast' }) toegepast: boolean;
  @ApiPropertyOptional({ description: 'Waarom niet toegepast' }) reden?: string;
  @ApiProperty({ example: 'aanbieder.inBehandeling' }) state: string;
  @ApiProperty({ format: 'date-time' }) aangemaaktOp: string;
}

export class OmbudsmanVerzoekDto {
  @ApiProperty({ enum: OMBUDSMAN_VERZOEK_SOORTEN })
  @IsIn(OMBUDSMAN_VERZOEK_SOORTEN)
  soort: OmbudsmanVerzoekSoort;

  @ApiProperty({ description: 'Ontvangen op (ISO 8601 met tijdzone).', example: '2026-05-04T09:00:00+02:00' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/(Z|[+-]\d{2}:\d{2})$/, { message: 'ontvangenOp moet een tijdzone hebben (Z of +02:00)' })
  ontvangenOp: string;

  @ApiPropertyOptional({ format: 'date', description: 'Door de ombudsman gestelde termijn (JJJJ-MM-DD).', example: '2026-05-25' })
  @IsOptional()
  // A real calendar date (2026-02-31 is not), not just the shape of one.
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'termijn is een datum JJJJ-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'termijn is een bestaande datum JJJJ-MM-DD' })
  termijn?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  onderwerp?: string;
}

export class OmbudsmanVerzoekViewDto {
  @ApiProperty({ format: 'uuid', description: 'De sub-klacht met eigen termijnen' }) klachtId: string;
  @ApiProperty({ format: 'uuid' }) hoofdKlachtId: string;
  @ApiProperty({ enum: OMBUDSMAN_VERZOEK_SOORTEN }) soort: string;
  @ApiProperty({ example: 'ombudsman.informatievraag' }) state: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'De gebeurtenis op de hoofdklacht, als die nu past' })
  gebeurtenisHoofdKlacht: string | null;
}
