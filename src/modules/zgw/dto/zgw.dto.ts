import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PaginaQuery } from '../../paginering/pagina.query';
import { PaginaDto } from '../../paginering/pagina.dto';

export const ZGW_STATUSSEN = ['wachtend', 'afgeleverd', 'vastgelopen'] as const;

export class ZgwAfleveringDto {
  @ApiProperty({ format: 'uuid' }) klachtId: string;
  @ApiProperty({ example: 'GM0363' }) gemeente: string;
  @ApiProperty({ nullable: true, type: String, description: 'De zaak in het zaakregister (Zaken API), zodra die bestaat.' }) zaakUrl:
    string | null;
  @ApiProperty({
    enum: ZGW_STATUSSEN,
    description:
      'vastgelopen: gestopt (dead letter): na ZGW_MAX_POGINGEN pogingen, of meteen bij een fout die een nieuwe poging niet oplost (geen koppeling voor de versie van de regeling, een eindstatus zonder resultaat)',
  })
  status: string;
  @ApiProperty() pogingen: number;
  @ApiProperty({ format: 'date-time' }) volgendePogingOp: string;
  @ApiProperty({ nullable: true, type: String }) laatsteFout: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) afgeleverdOp: string | null;
}

export class ZgwAfleveringLijstDto extends PaginaDto {
  @ApiProperty({ type: [ZgwAfleveringDto] }) resultaten: ZgwAfleveringDto[];
}

export class ZgwAfleveringQuery extends PaginaQuery {
  @ApiPropertyOptional({ enum: ZGW_STATUSSEN })
  @IsOptional()
  @IsIn(ZGW_STATUSSEN)
  status?: (typeof ZGW_STATUSSEN)[number];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  klachtId?: string;
}
