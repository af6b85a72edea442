import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { DossierInzageService } from './dossier-inzage.service';
import { KlachtToegang } from './klacht-toegang.interceptor';
import { Rollen } from './rollen.decorator';
import { HuidigeTenant, klachtGemeenten, type Tenant } from './tenant';

export class DossierInzageDto {
  @ApiProperty({ description: 'Wanneer het dossier werd ingezien.' }) op: string;
  @ApiProperty({ description: 'Wie: de API-sleutel of de OIDC-gebruiker.' }) wie: string;
  @ApiProperty({ description: 'De rol waarmee.' }) rol: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'De aanbieder, bij de rol aanbieder.' }) aanbiederId: string | null;
}

/**
 * The access log of one dossier, for the gemeente's privacy officer (AVG art. 15 and 30: who saw which
 * personal data, and when). Reading the log is itself not a read of the dossier.
 */
@ApiTags('klachten')
@Controller('klachten')
export class DossierInzageController {
  constructor(private readonly inzage: DossierInzageService) {}

  @Get(':id/inzage')
  @Rollen('beheerder')
  @KlachtToegang({ inzageLoggen: false })
  @ApiOperation({
    operationId: 'dossierInzageLijst',
    summary: 'Wie dit dossier inzag en wanneer (voor de functionaris gegevensbescherming)',
  })
  @ApiOkResponse({ type: DossierInzageDto, isArray: true })
  async lijst(@HuidigeTenant() tenant: Tenant, @Param('id') id: string): Promise<DossierInzageDto[]> {
    return (await this.inzage.voorKlacht(klachtGemeenten(tenant), id)).map((r) => ({
      op: r.at.toISOString(),
      wie: r.wie,
      rol: r.rol,
      aanbiederId: r.aanbiederId,
    }));
  }
}
