import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { ProblemException } from '../../common/problem';
import { Rollen } from '../auth/rollen.decorator';
import { HuidigeTenant, klachtGemeenten, type Tenant } from '../auth/tenant';
import { paginaLinks } from '../paginering/pagina';
import { ZgwAfleveringDto, ZgwAfleveringLijstDto, ZgwAfleveringQuery } from './dto/zgw.dto';
import { ZgwAfleveringService } from './zgw-aflevering.service';
import { ZgwZaakEntity } from './zgw-zaak.entity';

function dto(r: ZgwZaakEntity): ZgwAfleveringDto {
  return {
    klachtId: r.klachtId,
    gemeente: r.gemeente,
    zaakUrl: r.zaakUrl,
    status: r.status,
    pogingen: r.attempts,
    volgendePogingOp: r.nextAttemptAt.toISOString(),
    laatsteFout: r.lastError,
    afgeleverdOp: r.afgeleverdOp ? r.afgeleverdOp.toISOString() : null,
  };
}

/** The zaken of the gemeente's klachten in its ZGW registers, and the dead-letter list (docs/zgw.md §5). */
@ApiTags('zgw')
@Controller()
export class ZgwController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly aflevering: ZgwAfleveringService,
  ) {}

  @Get('zgw-afleveringen')
  @Rollen('beheerder', 'systeem')
  @ApiOperation({
    operationId: 'lijstZgwAfleveringen',
    summary: 'De zaak per klacht en de stand van de aflevering; status=vastgelopen is de dead-letterlijst',
  })
  @ApiOkResponse({ type: ZgwAfleveringLijstDto })
  async lijst(@HuidigeTenant() tenant: Tenant, @Query() q: ZgwAfleveringQuery, @Req() req: Request): Promise<ZgwAfleveringLijstDto> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const qb = this.dataSource
      .getRepository(ZgwZaakEntity)
      .createQueryBuilder('z')
      .where('z.gemeente = ANY(:gemeenten)', { gemeenten: klachtGemeenten(tenant) });
    if (q.status) qb.andWhere('z.status = :status', { status: q.status });
    if (q.klachtId) qb.andWhere('z.klachtId = :klachtId', { klachtId: q.klachtId });
    const [rows, totaal] = await qb
      .orderBy('z.updatedAt', 'DESC')
      .addOrderBy('z.klachtId', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { resultaten: rows.map(dto), totaal, page, pageSize, links: paginaLinks(req, page, pageSize, totaal) };
  }

  @Post('zgw-afleveringen/:klachtId/opnieuw')
  @Rollen('beheerder', 'systeem')
  @HttpCode(202)
  @ApiOperation({ operationId: 'leverZgwOpnieuw', summary: 'Zet een vastgelopen aflevering weer in de rij (pogingen vanaf nul)' })
  @ApiAcceptedResponse({ type: ZgwAfleveringDto })
  @ApiNotFoundResponse({ description: 'Geen vastgelopen aflevering voor deze klacht (ook: van een andere gemeente)' })
  async opnieuw(@HuidigeTenant() tenant: Tenant, @Param('klachtId', new ParseUUIDPipe()) klachtId: string): Promise<ZgwAfleveringDto> {
    if ((await this.aflevering.opnieuw(tenant.gemeente, [klachtId])) === 0)
      throw ProblemException.notFound(`Geen vastgelopen ZGW-aflevering voor klacht ${klachtId}.`);
    return dto(await this.dataSource.getRepository(ZgwZaakEntity).findOneByOrFail({ klachtId }));
  }
}
