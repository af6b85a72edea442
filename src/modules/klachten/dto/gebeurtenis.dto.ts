import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsObject, IsOptional, Matches } from 'class-validator';

/** An event on a running klacht (KlachtEvent in contract.ts). */
export class GebeurtenisDto {
  @ApiProperty({ description: 'Gebeurtenistype in SCREAMING_SNAKE_CASE.', example: 'IN_BEHANDELING_NEMEN' })
  @Matches(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/, { message: 'type moet in SCREAMING_SNAKE_CASE, bijvoorbeeld AFGEDAAN' })
  type: string;

  @ApiPropertyOptional({ description: 'Wanneer het gebeurde (ISO 8601); standaard nu.', example: '2026-04-20T14:00:00+02:00' })
  @IsOptional()
  @IsISO8601(
    { strict: true, strictSeparator: true },
    { message: 'at moet een ISO 8601-tijdstip zijn, bijvoorbeeld 2026-04-20T14:00:00+02:00' },
  )
  @Matches(/(Z|[+-]\d{2}:\d{2})$/, { message: 'at moet een tijdzone hebben (Z of +02:00)' })
  at?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'De data die het type nodig heeft (zie volgendeEvents in de klacht: veldnamen en toegestane waarden). Elke gebeurtenis mag ook `registratie` meegeven ' +
      '({ aard, oorzaak, afwikkeling, maatregelen: [..], tevredenheid }, waarden uit registratieWaarden). Ontbrekende of ongeldige data: 422 met de velden in invalidParams.',
    example: { oordeel: 'deelsGegrond', registratie: { afwikkeling: 'excuses', maatregelen: ['werkinstructie aangepast'] } },
  })
  @IsOptional()
  @IsObject()
  data?: Record<string, unknown>;
}
