import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { Response } from 'express';
import { ProblemException } from '../../common/problem';
import { Rollen } from '../auth/rollen.decorator';
import { aanbiederGemeenteFout, klachtGemeenten, TenantContext } from '../auth/tenant';
import { GeenIdempotentie } from '../idempotency/geen-idempotentie.decorator';
import { OverdrachtService } from './overdracht.service';

export class OverdrachtDto {
  @ApiProperty({ format: 'date', example: '2026-05-31', description: 'de laatste dag van het contract met de aanbieder' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'contractEinde is een datum JJJJ-MM-DD' })
  contractEinde: string;

  @ApiPropertyOptional({
    example: 'GM0457',
    description:
      'De gemeente (CBS-code) die de aanbieder-id koos; standaard de eigen gemeente. Een aanbieder is gemeente + id: na een herindeling is dezelfde id van de opgeheven gemeente een andere organisatie (Wet arhi art. 40). Met GM0457 draagt Amsterdam de klachten van de aanbieder van Weesp met die id over, zonder: alleen die van de eigen aanbieder. Een gemeente wier klachten de aanroeper niet behandelt geeft 400.',
  })
  @IsOptional()
  @Matches(/^GM\d{4}$/, { message: 'aanbiederGemeente moet een CBS-gemeentecode zijn, bijvoorbeeld GM0457' })
  aanbiederGemeente?: string;
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
      'Einde contract (Klachtenprotocol Wmo keten Amsterdam §9): alle klachten en dossiers van de aanbieder (gemeente + id: de klachten van de gemeente die de id koos, aanbiederGemeente, standaard de eigen) als archief (tar met manifest.json en SHA256SUMS) voor de gemeente; daarna heeft de aanbieder er geen toegang meer toe. Een klacht die nog bij de aanbieder loopt (doorgestuurd of in behandeling) neemt de gemeente meteen over (AANBIEDER_CONTRACT_BEEINDIGD, Wmo 2015 art. 2.1.1): de termijnen van de aanbieder stoppen.',
  })
  @ApiOkResponse({
    description:
      'Het archief; X-Manifest-SHA256 is de SHA-256 van manifest.json, X-Overdracht-Uiterlijk de dag waarop de overdracht uiterlijk af moet zijn, X-Klachten-Overgenomen hoeveel lopende klachten de gemeente van de aanbieder overnam, X-Klachten-Niet-Meegenomen hoeveel klachten deze overdracht liet staan omdat een verstreken termijn nog niet verwerkt is (Awb 9:11 lid 1; bijvoorbeeld een klacht die nog wordt geïmporteerd): niet overgenomen, niet in het archief, de aanbieder houdt toegang; manifest.json noemt ze met de reden (nietMeegenomen), een volgende overdracht neemt ze mee.',
    content: { 'application/x-tar': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiConflictResponse({
    description:
      'overdracht-gelijktijdig: bij elke poging veranderde een klacht van de aanbieder (een stap, een verzoek van de ombudsman) terwijl de overdracht haar archief maakte; er is niets vastgelegd en de aanbieder houdt toegang. Draag opnieuw over.',
  })
  async draagOver(@Param('aanbiederId') aanbiederId: string, @Body() dto: OverdrachtDto, @Res() res: Response): Promise<void> {
    if (!/^[A-Za-z0-9._-]{1,100}$/.test(aanbiederId))
      throw ProblemException.invalid([
        { name: 'aanbiederId', reason: 'letters, cijfers, punt, streep of liggend streepje, hoogstens 100' },
      ]);
    if (!ECHTE_DATUM(dto.contractEinde)) throw ProblemException.invalid([{ name: 'contractEinde', reason: 'geen bestaande datum' }]);
    if (dto.contractEinde > this.overdracht.vandaag())
      throw ProblemException.invalid([{ name: 'contractEinde', reason: 'ligt in de toekomst: draag over als het contract geëindigd is' }]);
    const tenant = TenantContext.huidige()!;
    // An aanbieder is gemeente + id (Wet arhi art. 40 e.v.): another gemeente's aanbieder only as one of the caller's
    // klachtGemeenten, by the one rule of keys and webhook subscriptions (aanbiederGemeenteFout).
    const fout =
      dto.aanbiederGemeente === undefined
        ? undefined
        : aanbiederGemeenteFout(tenant.gemeente, klachtGemeenten(tenant), dto.aanbiederGemeente);
    if (fout) throw ProblemException.invalid([{ name: 'aanbiederGemeente', reason: fout }]);
    const { archief, overdracht, aanbiederGemeente, overgenomen, nietMeegenomen } = await this.overdracht.draagOver(
      tenant,
      aanbiederId,
      dto.contractEinde,
      dto.aanbiederGemeente,
    );
    const andere = aanbiederGemeente !== overdracht.gemeente ? `-${aanbiederGemeente}` : '';
    res.status(200);
    res.setHeader('Content-Type', 'application/x-tar');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="overdracht-${overdracht.gemeente}${andere}-${aanbiederId}-${overdracht.contractEinde}.tar"`,
    );
    res.setHeader('X-Manifest-SHA256', overdracht.manifestSha256);
    res.setHeader('X-Overdracht-Uiterlijk', overdracht.uiterlijkOp);
    res.setHeader('X-Klachten-Overgenomen', String(overgenomen.length));
    res.setHeader('X-Klachten-Niet-Meegenomen', String(nietMeegenomen.length));
    res.end(archief);
  }
}
