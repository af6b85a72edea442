import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

/** How much text the process-owner diagram carries (docs/beheer-en-rapportages.md). */
export class DiagramWeergaveQuery {
  @ApiPropertyOptional({
    enum: ['volledig', 'overzicht'],
    default: 'volledig',
    description:
      'volledig: bij elke pijl wat er gebeurt; overzicht: alleen de stappen (wat er bij een pijl gebeurt staat in de tooltip), ' +
      'zodat ook de grootste regeling leesbaar op het scherm past.',
  })
  @IsOptional()
  @IsIn(['volledig', 'overzicht'])
  weergave?: 'volledig' | 'overzicht';
}
