import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsObject, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

/** A real calendar date from 1980 to 2199 (2026-02-31 has the shape, not the existence, of one). */
const DATUM = /^(19[89]\d|2[01]\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATUM_FOUT = (veld: string) => `${veld} moet een datum JJJJ-MM-DD zijn, bijvoorbeeld 2026-06-30`;

export const FORMATEN = ['json', 'csv', 'html'] as const;
export type Formaat = (typeof FORMATEN)[number];

/** Query of GET /rapportages: period (days in Europe/Amsterdam, both inclusive) and optional filters. */
export class RapportageQueryDto {
  @ApiProperty({ description: 'Eerste dag (ontvangstdatum), inclusief.', example: '2025-12-01' })
  @Matches(DATUM, { message: DATUM_FOUT('van') })
  @IsISO8601({ strict: true }, { message: DATUM_FOUT('van') })
  van: string;

  @ApiProperty({ description: 'Laatste dag (ontvangstdatum), inclusief.', example: '2026-06-30' })
  @Matches(DATUM, { message: DATUM_FOUT('tot') })
  @IsISO8601({ strict: true }, { message: DATUM_FOUT('tot') })
  tot: string;

  @ApiPropertyOptional({
    description:
      'Alleen klachten over deze aanbieder (id). Een aanbieder-id is van de gemeente die het koos: zonder aanbiederGemeente is het de aanbieder van de eigen gemeente, ook na een herindeling.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  aanbieder?: string;

  @ApiPropertyOptional({
    description:
      'Alleen met aanbieder: de gemeente (CBS-code) die de aanbieder-id koos, bijvoorbeeld GM0457 voor de aanbieder van Weesp in een rapportage van Amsterdam na de herindeling (Wet arhi art. 40). Standaard de eigen gemeente.',
    example: 'GM0457',
  })
  @IsOptional()
  @Matches(/^GM\d{4}$/, { message: 'aanbiederGemeente moet een CBS-gemeentecode zijn, bijvoorbeeld GM0457' })
  aanbiederGemeente?: string;

  @ApiPropertyOptional({ description: 'Alleen deze aard (categorie).' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  aard?: string;

  @ApiPropertyOptional({ description: 'Alleen deze oorzaak.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  oorzaak?: string;

  @ApiPropertyOptional({ description: 'Alleen dit kanaal.', enum: ['telefoon', 'balie', 'brief', 'webformulier', 'email'] })
  @IsOptional()
  @IsIn(['telefoon', 'balie', 'brief', 'webformulier', 'email'], { message: 'kanaal moet telefoon, balie, brief, webformulier of email zijn' })
  kanaal?: string;

  @ApiPropertyOptional({ description: 'Terugkerende klacht: zelfde aanbieder en aard minstens zo vaak in de periode.', default: 3, minimum: 2 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'drempel moet een geheel getal zijn, bijvoorbeeld 3' })
  @Min(2, { message: 'drempel moet minstens 2 zijn' })
  @Max(10000)
  drempel?: number;

  @ApiPropertyOptional({ description: 'json (standaard), csv (text/csv; ; gescheiden, UTF-8 met BOM) of html (afdrukbaar). Of via de Accept-header.', enum: FORMATEN })
  @IsOptional()
  @IsIn(FORMATEN, { message: 'formaat moet json, csv of html zijn' })
  formaat?: Formaat;
}

/** Query of GET /rapportages/opgeslagen: optionally only the stored reports of one aanbieder (gemeente that chose the id + id). */
export class OpgeslagenRapportagesQueryDto {
  @ApiPropertyOptional({
    description:
      'Alleen de bewaarde rapportages van deze aanbieder (id). Een aanbieder-id is van de gemeente die het koos: zonder aanbiederGemeente is het de aanbieder van de eigen gemeente, ook na een herindeling. Een aanbieder ziet alleen de eigen.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  aanbieder?: string;

  @ApiPropertyOptional({
    description:
      'Alleen met aanbieder: de gemeente (CBS-code) die de aanbieder-id koos, bijvoorbeeld GM0457 voor de aanbieder van Weesp, die na de herindeling ook op de momenten van Amsterdam rapporteert (Wet samenvoeging Amsterdam en Weesp; Wet arhi art. 40). Standaard de eigen gemeente; een gemeente die niet in de eigen is opgegaan geeft 400.',
    example: 'GM0457',
  })
  @IsOptional()
  @Matches(/^GM\d{4}$/, { message: 'aanbiederGemeente moet een CBS-gemeentecode zijn, bijvoorbeeld GM0457' })
  aanbiederGemeente?: string;
}

/** Query of GET /rapportages/opgeslagen/{id}: the format (or the Accept header). */
export class OpgeslagenRapportageQueryDto {
  @ApiPropertyOptional({ description: 'json (standaard), csv (text/csv; ; gescheiden, UTF-8 met BOM; niet voor een jaaroverzicht) of html (afdrukbaar). Of via de Accept-header.', enum: FORMATEN })
  @IsOptional()
  @IsIn(FORMATEN, { message: 'formaat moet json, csv of html zijn' })
  formaat?: Formaat;
}

export class JaaroverzichtQueryDto {
  @ApiProperty({ description: 'Kalenderjaar.', example: 2025 })
  @Type(() => Number)
  @IsInt({ message: 'jaar moet een geheel getal zijn, bijvoorbeeld 2025' })
  @Min(2000)
  @Max(2100)
  jaar: number;

  @ApiPropertyOptional({ enum: ['json', 'html'] })
  @IsOptional()
  @IsIn(['json', 'html'], { message: 'formaat moet json of html zijn' })
  formaat?: 'json' | 'html';
}

/** An aanbieder's periodic report (Uitgangspunten klachtenmanagement Sociaal Domein §10, contract art. 11.1, Klachtenprotocol Wmo keten Amsterdam §10). */
export class AanbiederRapportageDto {
  @ApiProperty({ description: 'De deadline waarvoor dit de rapportage is (JJJJ-MM-DD).', example: '2026-07-01' })
  @Matches(DATUM, { message: DATUM_FOUT('deadline') })
  @IsISO8601({ strict: true }, { message: DATUM_FOUT('deadline') })
  deadline: string;

  @ApiPropertyOptional({
    description:
      'Overbodig: de gemeente (CBS-code) die uw aanbieder-id koos staat in uw sleutel (aanbiederGemeente van de sleutel, standaard de gemeente die hem uitgaf). Na een herindeling levert de aanbieder van de opgeheven gemeente in met een sleutel die de opvolger voor die gemeente uitgaf, bijvoorbeeld een sleutel van Amsterdam met aanbiederGemeente GM0457 voor de laatste rapportage van Weesp (vóór 1 juli 2022; Wet arhi art. 40). Noemt u hier een gemeente, dan moet het die van de sleutel zijn; anders 400.',
    example: 'GM0457',
  })
  @IsOptional()
  @Matches(/^GM\d{4}$/, { message: 'aanbiederGemeente moet een CBS-gemeentecode zijn, bijvoorbeeld GM0457' })
  aanbiederGemeente?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'De rapportage zelf (naar aard en oorzaak, afwikkeling, maatregelen).' })
  @IsOptional()
  @IsObject()
  inhoud?: Record<string, unknown>;
}
