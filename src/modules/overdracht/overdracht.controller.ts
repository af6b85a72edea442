import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import type { Response } from 'express';
import { ProblemException } from '../../common/problem';
import { Rollen } from '../auth/rollen.decorator';
import { TenantContext } from '../auth/tenant';
import { GeenIdempotentie } from '../idempotency/geen-idempotentie.decorator';
import { OverdrachtService } from './overdracht.service';

export class OverdrachtDto {
  @ApiProperty({ format: 'date', example: '2026-05-31', description: 'de laatste dag van het contract met de aanbieder' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'contractEinde is een datum JJJJ-MM-DD' })
  contractEinde: string;
}

const ECHTE_DATUM = (d: string) =>
  !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

@ApiTags('bewaring')
@Controller('aanbieders/:aanbiederId/overdracht')
export class OverdrachtController {
  constructor(private readonly overdracht: OverdrachtService) {}

  @Post()
  @Rollen('beheerder', 'procesEigenaar')
  // Writes its own reply (@Res(), the archive): a stored reply could never be replayed, a retry would hang. The
  // hand-over is repeatable, so a retry simply hands over again (docs/api.md, Idempotentie).
  @GeenIdempotentie()
  @ApiOperation({
    operationId: 'aanbiederOverdragen',
    summary:
      'Einde contract (Klachtenprotocol Wmo keten Amsterdam §9): alle klachten en dossiers van de aanbieder als archief (tar met manifest.json en SHA256SUMS) voor de gemeente; daarna heeft de aanbieder er geen toegang meer toe.',
  })
  @ApiOkResponse({
    description:
      'Het archief; X-Manifest-SHA256 is de SHA-256 van manifest.json, X-Overdracht-Uiterlijk de dag waarop de overdracht uiterlijk af moet zijn.',
    content: { 'application/x-tar': { schema: { type: 'string', format: 'binary' } } },
  })
  async draagOver(@Param('aanbiederId') aanbiederId: string, @Body() dto: OverdrachtDto, @Res() res: Response): Promise<void> {
    if (!/^[A-Za-z0-9._-]{1,100}$/.test(aanbiederId))
      throw ProblemException.invalid([
        { name: 'aanbiederId', reason: 'letters, cijfers, punt, streep of liggend streepje, hoogstens 100' },
      ]);
    if (!ECHTE_DATUM(dto.contractEinde)) throw ProblemException.invalid([{ name: 'contractEinde', reason: 'geen bestaande datum' }]);
    if (dto.contractEinde > this.overdracht.vandaag())
      throw ProblemException.invalid([{ name: 'contractEinde', reason: 'ligt in de toekomst: draag over als het contract geëindigd is' }]);
    const { archief, overdracht } = await this.overdracht.draagOver(TenantContext.huidige()!, aanbiederId, dto.contractEinde);
    res.status(200);
    res.setHeader('Content-Type', 'application/x-tar');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="overdracht-${overdracht.gemeente}-${aanbiederId}-${overdracht.contractEinde}.tar"`,
    );
    res.setHeader('X-Manifest-SHA256', overdracht.manifestSha256);
    res.setHeader('X-Overdracht-Uiterlijk', overdracht.uiterlijkOp);
    res.end(archief);
  }
}
