import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 100;
export const SORTERINGEN = ['ontvangenOp', '-ontvangenOp', 'createdAt', '-createdAt', 'updatedAt', '-updatedAt'] as const;
export type Sortering = (typeof SORTERINGEN)[number];

export class KlachtLijstQuery {
  @ApiPropertyOptional({ example: 'GM0363' })
  @IsOptional()
  @Matches(/^GM\d{4}$/, { message: 'gemeente moet een CBS-gemeentecode zijn, bijvoorbeeld GM0363' })
  gemeente?: string;

  @ApiPropertyOptional({ description: 'State of een bovenliggende state (prefix op punt).', example: 'intern' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  state?: string;

  @ApiPropertyOptional({ description: 'Id van een aanbieder.', example: 'zorgaanbieder-noord' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  aanbieder?: string;

  @ApiPropertyOptional({ description: 'Alleen klachten met een verlopen, nog lopende termijn.' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'overdue moet true of false zijn' })
  overdue?: boolean;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;

  @ApiPropertyOptional({ enum: SORTERINGEN, default: '-ontvangenOp', description: 'Veld; met - aflopend.' })
  @IsOptional()
  @IsIn(SORTERINGEN)
  sorteer?: Sortering;
}
