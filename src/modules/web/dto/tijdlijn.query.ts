import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';

/** The moment the tijdlijn's `volgendeEvents` are about (docs/beheer-en-rapportages.md, "Gedaan op"). */
export class TijdlijnQuery {
  @ApiPropertyOptional({
    description:
      'Het moment waarop een stap is gezet die u gaat registreren (ISO 8601 met tijdzone, zoals at van POST /klachten/{id}/gebeurtenissen); ' +
      'standaard nu. volgendeEvents zijn dan de gebeurtenissen die de klacht op dat moment aanneemt, met bij een gebeurtenis die een termijn ' +
      'noemt de termijnen die zij op dat moment kan noemen. Een moment in de toekomst geeft 422 met op.',
    example: '2026-05-18T16:00:00+02:00',
  })
  @IsOptional()
  @IsISO8601(
    { strict: true, strictSeparator: true },
    { message: 'op moet een ISO 8601-tijdstip zijn, bijvoorbeeld 2026-05-18T16:00:00+02:00' },
  )
  @Matches(/(Z|[+-]\d{2}:\d{2})$/, { message: 'op moet een tijdzone hebben (Z of +02:00)' })
  op?: string;
}
