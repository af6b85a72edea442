import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { ROLLEN, type Rol } from './rol';

export class NieuweApiSleutelDto {
  @ApiProperty({ description: 'Waarvoor de sleutel is, bijv. "Koppeling zaaksysteem".', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  naam: string;

  @ApiProperty({ enum: ROLLEN, description: 'De rol van de houder.' })
  @IsIn(ROLLEN)
  rol: Rol;

  @ApiPropertyOptional({ description: 'Verplicht bij rol aanbieder: het id van de aanbieder.', maxLength: 100 })
  @ValidateIf((o: NieuweApiSleutelDto) => o.rol === 'aanbieder' || o.aanbiederId !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  aanbiederId?: string;

  @ApiPropertyOptional({
    description:
      'Alleen bij rol aanbieder: de gemeente die het aanbieder-id koos (een id is per gemeente). Standaard de eigen gemeente; na een ' +
      'herindeling ook een gemeente die in de eigen gemeente opging (Wet arhi art. 40): de sleutel ziet dan precies de klachten van ' +
      'die gemeente over die aanbieder, niet die van de eigen gemeente met hetzelfde id.',
    example: 'GM0457',
  })
  @IsOptional()
  @Matches(/^GM\d{4}$/, { message: 'aanbiederGemeente moet een CBS-gemeentecode zijn, bijvoorbeeld GM0457' })
  aanbiederGemeente?: string;
}

export class ApiSleutelDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'GM0363' })
  gemeente: string;

  @ApiProperty({ enum: ROLLEN })
  rol: Rol;

  @ApiPropertyOptional({ nullable: true, type: String })
  aanbiederId: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Bij rol aanbieder: de gemeente die het aanbieder-id koos (de eigen, of een gemeente die erin opging); anders null.',
  })
  aanbiederGemeente: string | null;

  @ApiProperty()
  naam: string;

  @ApiProperty({ description: 'Publiek deel van de sleutel (herkenning in logs).' })
  prefix: string;

  @ApiProperty({ format: 'date-time' })
  aangemaaktOp: string;

  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String })
  ingetrokkenOp: string | null;
}

export class AangemaakteApiSleutelDto extends ApiSleutelDto {
  @ApiProperty({ description: 'De sleutel zelf. Wordt maar één keer getoond: bewaar hem nu.' })
  sleutel: string;
}
