import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Rollen } from '../auth/rollen.decorator';
import { HuidigeTenant, type Tenant } from '../auth/tenant';
import { VOORBEELD_SCHEMA } from './api.schema';
import { VoorbeeldService, type Voorbeeld } from './voorbeeld.service';

export class DefinitieVoorbeeldDto {
  @ApiProperty({ description: 'De YAML van de definitie, zoals in definitions/<gemeente>/<versie>.yaml.' })
  @IsString()
  @MaxLength(500_000, { message: 'yaml is te lang (meer dan 500 000 tekens); een definitie is enkele honderden regels' })
  yaml: string;

  @ApiPropertyOptional({ description: 'Bestandsnaam voor de foutmeldingen, bijvoorbeeld 2026-01.yaml.', example: '2026-01.yaml' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,80}\.yaml$/, {
    message:
      'bestandsnaam moet eindigen op .yaml en alleen letters, cijfers, punt, streep of liggend streepje bevatten, bijvoorbeeld 2026-01.yaml',
  })
  bestandsnaam?: string;
}

/**
 * Preview of a definition before it is published (docs/definities.md): the same validation as
 * `klachtregie validate` (schema, references, graph, legal lint) with `file:line:column` errors, and
 * the statechart when it compiles. Nothing is stored.
 */
@ApiTags('definities')
@Rollen('beleidsmedewerker', 'procesEigenaar')
@Controller('definitie-voorbeelden')
export class VoorbeeldController {
  constructor(private readonly voorbeelden: VoorbeeldService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ operationId: 'definitieVoorbeeld', summary: 'Valideer een definitie en teken het diagram, zonder te publiceren' })
  @ApiOkResponse({
    description: 'Fouten (file:line:column) en, als de definitie compileert, het diagram als SVG',
    schema: VOORBEELD_SCHEMA,
  })
  voorbeeld(@HuidigeTenant() tenant: Tenant, @Body() body: DefinitieVoorbeeldDto): Promise<Voorbeeld> {
    return this.voorbeelden.voorbeeld(body.yaml, tenant.gemeente, body.bestandsnaam);
  }
}
