import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Rollen } from '../auth/rollen.decorator';
import { TenantContext } from '../auth/tenant';
import { OverdrachtService } from './overdracht.service';

/**
 * AVG art. 15 (inzageverzoek): the privacy officer exports everything kept about the klager of a klacht.
 * Tenant-checked and logged in dossier_inzage like every read of /klachten/:id.
 */
@ApiTags('bewaring')
@Controller('klachten/:id/inzageverzoek')
export class InzageverzoekController {
  constructor(private readonly overdracht: OverdrachtService) {}

  @Get()
  @Rollen('beheerder')
  @ApiOperation({
    operationId: 'inzageverzoekExport',
    summary:
      'AVG art. 15: alles wat over de klager van deze klacht bewaard wordt, met wie het dossier las (tar met manifest.json en SHA256SUMS).',
  })
  @ApiOkResponse({
    description: 'Het archief; X-Manifest-SHA256 is de SHA-256 van manifest.json.',
    content: { 'application/x-tar': { schema: { type: 'string', format: 'binary' } } },
  })
  async export(@Param('id', ParseUUIDPipe) id: string, @Res() res: Response): Promise<void> {
    const { archief, manifestSha256 } = await this.overdracht.inzage(TenantContext.huidige()!, id);
    res.status(200);
    res.setHeader('Content-Type', 'application/x-tar');
    res.setHeader('Content-Disposition', `attachment; filename="inzage-${id}.tar"`);
    res.setHeader('X-Manifest-SHA256', manifestSha256);
    res.end(archief);
  }
}
