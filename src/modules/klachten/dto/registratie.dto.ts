import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const LIJST =
  'Een waarde uit registratie.{veld} van de definitie(versie) van de klacht; een andere waarde geeft 422 met de toegestane waarden.';
const uitLijst = (veld: string) => LIJST.replace('{veld}', veld);

/**
 * Registration of a klacht for the reports ("Uitgangspunten klachtenmanagement Sociaal Domein
 * Stichtse Vecht" art. 11.1: naar aard en oorzaak, met afwikkeling en getroffen maatregelen;
 * "Klachtenprotocol Wmo keten Amsterdam" §5A, §6: tevredenheid). Given at intake (`registratie`),
 * on any event (`data.registratie`) or with PATCH /klachten/{id}/registratie. The allowed values
 * are in the klacht view (`registratieWaarden`).
 */
export class RegistratieDto {
  @ApiPropertyOptional({ description: `Aard (categorie) van de klacht. ${uitLijst('aard')}`, example: 'bejegening', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  aard?: string;

  @ApiPropertyOptional({ description: `Oorzaak. ${uitLijst('oorzaak')}`, example: 'planning', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  oorzaak?: string;

  @ApiPropertyOptional({ description: `Hoe de klacht is afgewikkeld. ${uitLijst('afwikkeling')}`, example: 'excuses', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  afwikkeling?: string;

  @ApiPropertyOptional({
    type: [String],
    description: `Getroffen of te treffen maatregelen (vervangt de vorige lijst). Elk ${uitLijst('maatregelen').toLowerCase()}`,
    example: ['werkinstructie aangepast'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  maatregelen?: string[];

  @ApiPropertyOptional({
    description: `Of de klager tevreden is. ${uitLijst('tevredenheid')} KLAGER_TEVREDEN en KLAGER_ONTEVREDEN vullen dit zelf (tevreden / ontevreden).`,
    example: 'tevreden',
    maxLength: 100,
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  tevredenheid?: string;
}

/** The allowed registration values of the klacht's definition version (empty: not registered there). */
export class RegistratieWaardenDto {
  @ApiProperty({ type: [String], example: ['bejegening', 'bereikbaarheid'] }) aard: string[];
  @ApiProperty({ type: [String], example: ['planning', 'personeelstekort'] }) oorzaak: string[];
  @ApiProperty({ type: [String], example: ['excuses', 'uitleg'] }) afwikkeling: string[];
  @ApiProperty({ type: [String], example: ['werkinstructie aangepast'] }) maatregelen: string[];
  @ApiProperty({ type: [String], example: ['tevreden', 'ontevreden'] }) tevredenheid: string[];
}

export class RegistratieWijzigingDto extends RegistratieDto {
  @ApiPropertyOptional({
    description: 'Wanneer geregistreerd (ISO 8601 met tijdzone); standaard nu. Komt in de historie.',
    example: '2026-05-20T14:00:00+02:00',
  })
  @IsOptional()
  @IsISO8601(
    { strict: true, strictSeparator: true },
    { message: 'at moet een ISO 8601-tijdstip zijn, bijvoorbeeld 2026-05-20T14:00:00+02:00' },
  )
  @Matches(/(Z|[+-]\d{2}:\d{2})$/, { message: 'at moet een tijdzone hebben (Z of +02:00)' })
  at?: string;
}
