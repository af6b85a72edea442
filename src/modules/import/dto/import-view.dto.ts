import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A line that was not imported, with the field that is wrong. */
export class ImportFoutDto {
  @ApiProperty({ description: 'Regelnummer in het bestand (vanaf 1).', example: 7 }) regel: number;
  @ApiProperty({ description: 'Het veld in de regel.', example: 'intake.kanaal' }) veld: string;
  @ApiProperty({ example: 'kanaal must be one of the following values: telefoon, balie, brief, webformulier, email' }) reden: string;
  @ApiPropertyOptional({ description: 'Sleutel van de klacht in het bronsysteem, als de regel die had.', nullable: true, type: String })
  extern: string | null;
  @ApiPropertyOptional({
    description:
      'De klacht die de regel toch maakte: de intake is vastgelegd, een latere gebeurtenis niet (gedeeltelijk geïmporteerd). Leeg als er niets van de regel is vastgelegd.',
    nullable: true,
    type: String,
    format: 'uuid',
  })
  klachtId: string | null;
}

/** An import of historic klachten (docs/import.md): its progress and the lines that failed. */
export class ImportDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'historie-2024.ndjson' }) naam: string;
  @ApiProperty({ enum: ['bezig', 'klaar'], description: 'klaar: elke regel is verwerkt (geïmporteerd of met fouten gemeld).' })
  status: 'bezig' | 'klaar';
  @ApiProperty({ description: 'Niet-lege regels in het bestand.' }) totaal: number;
  @ApiProperty({ description: 'Regels verwerkt (geïmporteerd + fout).' }) verwerkt: number;
  @ApiProperty() geimporteerd: number;
  @ApiProperty({
    description:
      'Regels met een fout. Meestal is er niets van vastgelegd; een regel waarvan de intake wel is vastgelegd en een latere gebeurtenis niet, noemt zijn klacht (fouten[].klachtId).',
  })
  fout: number;
  @ApiProperty({ description: 'SHA-256 van het bestand: hetzelfde bestand opnieuw sturen hervat deze import.' }) bronHash: string;
  @ApiProperty({ type: [ImportFoutDto], description: 'De eerste 1000 fouten, op regelnummer.' }) fouten: ImportFoutDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) voltooidOp: string | null;
}
