import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, Matches, ValidateNested } from 'class-validator';
import { GebeurtenisDto } from '../../klachten/dto/gebeurtenis.dto';
import { KlachtIntakeDto } from '../../klachten/dto/klacht-intake.dto';

/** The most events one historic klacht may carry in one line (a klacht has a few dozen at most). */
export const MAX_GEBEURTENISSEN_PER_REGEL = 200;

/** A line's `extern`: at most 100 characters (its keys stay within the key column's 255), no `#`. */
export const EXTERN_PATROON = /^[A-Za-z0-9._:/-]{1,100}$/;

/**
 * One line of an import file (docs/import.md): a historic klacht with a stable key of the source
 * system, its intake exactly as POST /klachten takes it, and its events as POST /klachten/{id}/gebeurtenissen
 * takes them, each with the moment it happened (`at`, required here: history has its own dates).
 */
export class ImportRegelDto {
  @ApiProperty({
    description:
      'Stabiele sleutel van de klacht in het bronsysteem (bijvoorbeeld het zaaknummer). Dezelfde sleutel wordt nooit twee keer geïmporteerd.',
    example: 'AMS-2024-000123',
  })
  // Never `#`: it separates an event's index from the extern in the import's keys (import-bezig.ts), which is what keeps
  // the keys of two externs apart (`A:0` may be an extern too).
  @Matches(EXTERN_PATROON, { message: 'extern moet 1-100 tekens zijn: letters, cijfers, punt, _, :, / en -' })
  extern: string;

  @ApiProperty({ type: KlachtIntakeDto })
  @ValidateNested()
  @Type(() => KlachtIntakeDto)
  intake: KlachtIntakeDto;

  @ApiPropertyOptional({ type: [GebeurtenisDto], description: 'In historische volgorde, elk met `at`.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_GEBEURTENISSEN_PER_REGEL)
  @ValidateNested({ each: true })
  @Type(() => GebeurtenisDto)
  gebeurtenissen?: GebeurtenisDto[];
}
