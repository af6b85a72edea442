import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Largest page any list returns, so one request cannot pull a whole table. */
export const MAX_PAGE_SIZE = 100;
/** Highest page number accepted (10 million klachten at the largest page size). */
export const MAX_PAGE = 100_000;

/** `page` / `pageSize` query keys shared by every paged list (NL API Design Rules: camelCase query keys). */
export class PaginaQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  // Bounded: a page number beyond any table must be a 400, not an offset the database cannot hold.
  @Max(MAX_PAGE)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;
}
