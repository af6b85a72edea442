import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class LinkDto {
  @ApiProperty({ example: '/api/v1/klachten?page=2&pageSize=20' }) href: string;
}

/** HAL-style links of a paged list (pagina.ts). */
export class PaginaLinksDto {
  @ApiProperty({ type: LinkDto }) self: LinkDto;
  @ApiProperty({ type: LinkDto }) first: LinkDto;
  @ApiPropertyOptional({ type: LinkDto }) prev?: LinkDto;
  @ApiPropertyOptional({ type: LinkDto }) next?: LinkDto;
  @ApiProperty({ type: LinkDto }) last: LinkDto;
}

/**
 * The one envelope of every paged list (docs/api.md): `resultaten`, `totaal`, `page`, `pageSize` and
 * `links`. A list DTO extends this and declares `resultaten` with its own item type.
 */
export abstract class PaginaDto {
  @ApiProperty({ description: 'Aantal resultaten over alle pagina’s.' }) totaal: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ type: PaginaLinksDto }) links: PaginaLinksDto;
}
