import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export { MAX_PAGE_SIZE } from '../../paginering/pagina.query';
import { PaginaQuery } from '../../paginering/pagina.query';
export const SORTERINGEN = ['ontvangenOp', '-ontvangenOp', 'createdAt', '-createdAt', 'updatedAt', '-updatedAt'] as const;
export type Sortering = (typeof SORTERINGEN)[number];

export class KlachtLijstQuery extends PaginaQuery {
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

  @ApiPropertyOptional({
    description:
      'true: alleen klachten die te laat zijn (een verplichting over haar termijn en nog niet nagekomen, docs/te-laat.md); false: alleen klachten die dat niet zijn.',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'overdue moet true of false zijn' })
  overdue?: boolean;

  @ApiPropertyOptional({ enum: SORTERINGEN, default: '-ontvangenOp', description: 'Veld; met - aflopend.' })
  @IsOptional()
  @IsIn(SORTERINGEN)
  sorteer?: Sortering;
}
