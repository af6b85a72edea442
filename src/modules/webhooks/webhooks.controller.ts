import { randomBytes } from 'node:crypto';
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { DataSource, In } from 'typeorm';
import { GeenIdempotentie } from '../idempotency/geen-idempotentie.decorator';
import { ProblemException } from '../../common/problem';
import { Rollen } from '../auth/rollen.decorator';
import { aanbiederGemeenteFout, HuidigeTenant, klachtGemeenten, type Tenant } from '../auth/tenant';
import {
  AangemaaktWebhookAbonnementDto,
  NieuwWebhookAbonnementDto,
  WebhookAbonnementDto,
  WebhookAfleveringDto,
  WebhookAfleveringLijstDto,
  WebhookAfleveringQuery,
} from './dto/webhook.dto';
import { WebhookAbonnementEntity } from './webhook-abonnement.entity';
import { WebhookAfleveringEntity } from './webhook-aflevering.entity';
import { WebhookAfleveringService } from './webhook-aflevering.service';
import { paginaLinks } from '../paginering/pagina';
import { type AppConfig, InjectConfig } from '../../config';
import { uitzonderingenVan, webhookUrlFout } from './ssrf';

function abonnementDto(a: WebhookAbonnementEntity): WebhookAbonnementDto {
  return {
    id: a.id,
    gemeente: a.gemeente,
    url: a.url,
    typen: a.typen,
    aanbiederId: a.aanbiederId,
    aanbiederGemeente: a.aanbiederId ? (a.aanbiederGemeente ?? a.gemeente) : null,
    omschrijving: a.omschrijving,
    actief: a.actief,
    aangemaaktOp: a.createdAt.toISOString(),
  };
}

function afleveringDto(d: WebhookAfleveringEntity): WebhookAfleveringDto {
  return {
    id: d.id,
    abonnementId: d.abonnementId,
    eventId: d.eventId,
    eventType: d.eventType,
    klachtId: d.klachtId,
    sequence: String(d.sequence),
    status: d.status,
    pogingen: d.attempts,
    volgendePogingOp: d.nextAttemptAt.toISOString(),
    laatsteStatus: d.lastStatus,
    laatsteFout: d.lastError,
    afgeleverdOp: d.deliveredAt ? d.deliveredAt.toISOString() : null,
    aangemaaktOp: d.createdAt.toISOString(),
  };
}

/**
 * Subscriptions and deliveries are the gemeente's own configuration, and after a herindeling also those of the gemeenten
 * opgeheven into it: the remaining gemeente takes over their rights and duties (Wet arhi art. 40 e.v.), and with them the
 * responsibility for where their klachten's data goes (AVG art. 5 lid 1 sub f, art. 24). The dissolved gemeente's keys
 * are refused (AuthGuard), so only the successor can see and stop its subscriptions: every read, delete and resend here is
 * scoped with klachtGemeenten, the one list the klachten are scoped with. A new subscription is the caller's own.
 */
@ApiTags('webhooks')
@Controller()
export class WebhooksController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly aflevering: WebhookAfleveringService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @GeenIdempotentie() // the response carries a secret that is never stored
  @Post('webhook-abonnementen')
  @Rollen('beheerder')
  @ApiOperation({ operationId: 'maakWebhookAbonnement', summary: 'Abonneer een URL op CloudEvents van de gemeente' })
  @ApiCreatedResponse({ type: AangemaaktWebhookAbonnementDto })
  @ApiUnprocessableEntityResponse({
    description:
      'De URL is geen https (afleveringen bevatten persoonsgegevens, AVG art. 32), wijst naar het eigen netwerk of bevat inloggegevens (webhook-url-geweigerd); invalidParams noemt url. Er is niets opgeslagen.',
  })
  async maak(@HuidigeTenant() tenant: Tenant, @Body() body: NieuwWebhookAbonnementDto): Promise<AangemaaktWebhookAbonnementDto> {
    if (body.aanbiederGemeente !== undefined) {
      // As for an aanbieder key: the gemeente's own aanbieders or those of a gemeente opgeheven into it (Wet arhi art. 40).
      const reden = !body.aanbiederId
        ? 'alleen met aanbiederId'
        : aanbiederGemeenteFout(tenant.gemeente, klachtGemeenten(tenant), body.aanbiederGemeente);
      if (reden) throw ProblemException.invalid([{ name: 'aanbiederGemeente', reason: reden }]);
    }
    // https only (AVG art. 32) and no subscriber inside the deployment's own network (SSRF, ssrf.ts); both checked
    // again at every delivery.
    const fout = webhookUrlFout(body.url, uitzonderingenVan(this.config));
    if (fout) {
      throw new ProblemException({
        status: 422,
        code: 'webhook-url-geweigerd',
        title: 'Deze webhook-URL is niet toegestaan',
        detail: `url: ${fout}. Gebruik een https-adres dat van buiten bereikbaar is.`,
        invalidParams: [{ name: 'url', reason: fout }],
      });
    }
    const repo = this.dataSource.getRepository(WebhookAbonnementEntity);
    const secret = body.secret ?? randomBytes(32).toString('base64url');
    const a = await repo.save(
      repo.create({
        gemeente: tenant.gemeente,
        url: body.url,
        secret,
        typen: body.typen ?? [],
        aanbiederId: body.aanbiederId ?? null,
        aanbiederGemeente: body.aanbiederGemeente && body.aanbiederGemeente !== tenant.gemeente ? body.aanbiederGemeente : null,
        omschrijving: body.omschrijving ?? null,
        actief: true,
      }),
    );
    return { ...abonnementDto(a), secret };
  }

  @Get('webhook-abonnementen')
  @Rollen('beheerder', 'systeem')
  // Also those of a gemeente opgeheven into it (the class comment); the summary stays, the generated client quotes it.
  @ApiOperation({ operationId: 'lijstWebhookAbonnementen', summary: 'De abonnementen van de gemeente' })
  @ApiOkResponse({ type: WebhookAbonnementDto, isArray: true })
  async lijst(@HuidigeTenant() tenant: Tenant): Promise<WebhookAbonnementDto[]> {
    const rows = await this.dataSource
      .getRepository(WebhookAbonnementEntity)
      .find({ where: { gemeente: In(klachtGemeenten(tenant)) }, order: { createdAt: 'ASC' } });
    return rows.map(abonnementDto);
  }

  @Get('webhook-abonnementen/:id')
  @Rollen('beheerder', 'systeem')
  @ApiOperation({ operationId: 'haalWebhookAbonnement', summary: 'Eén abonnement' })
  @ApiOkResponse({ type: WebhookAbonnementDto })
  @ApiNotFoundResponse({ description: 'Niet gevonden (ook: van een andere gemeente)' })
  async een(@HuidigeTenant() tenant: Tenant, @Param('id', new ParseUUIDPipe()) id: string): Promise<WebhookAbonnementDto> {
    const a = await this.dataSource.getRepository(WebhookAbonnementEntity).findOneBy({ id, gemeente: In(klachtGemeenten(tenant)) });
    if (!a) throw ProblemException.notFound(`Geen webhook-abonnement ${id}.`);
    return abonnementDto(a);
  }

  @Delete('webhook-abonnementen/:id')
  @Rollen('beheerder')
  @HttpCode(204)
  @ApiOperation({ operationId: 'verwijderWebhookAbonnement', summary: 'Beëindig een abonnement (wachtende afleveringen vervallen)' })
  @ApiNoContentResponse({ description: 'Verwijderd' })
  @ApiNotFoundResponse({ description: 'Niet gevonden' })
  async verwijder(@HuidigeTenant() tenant: Tenant, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const r = await m.delete(WebhookAbonnementEntity, { id, gemeente: In(klachtGemeenten(tenant)) });
      if (!r.affected) throw ProblemException.notFound(`Geen webhook-abonnement ${id}.`);
      await m.update(
        WebhookAfleveringEntity,
        { abonnementId: id, status: 'wachtend' },
        { status: 'vervallen', lastError: 'abonnement verwijderd' },
      );
    });
  }

  @Get('webhook-afleveringen')
  @Rollen('beheerder', 'systeem')
  @ApiOperation({ operationId: 'lijstWebhookAfleveringen', summary: 'Afleveringen, nieuwste eerst, met filters en paginering' })
  @ApiOkResponse({ type: WebhookAfleveringLijstDto })
  async afleveringen(
    @HuidigeTenant() tenant: Tenant,
    @Query() q: WebhookAfleveringQuery,
    @Req() req: Request,
  ): Promise<WebhookAfleveringLijstDto> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const qb = this.dataSource
      .getRepository(WebhookAfleveringEntity)
      .createQueryBuilder('d')
      .where('d.gemeente = ANY(:gemeenten)', { gemeenten: klachtGemeenten(tenant) });
    if (q.status) qb.andWhere('d.status = :status', { status: q.status });
    if (q.abonnementId) qb.andWhere('d.abonnementId = :abonnementId', { abonnementId: q.abonnementId });
    if (q.klachtId) qb.andWhere('d.klachtId = :klachtId', { klachtId: q.klachtId });
    const [rows, totaal] = await qb
      .orderBy('d.createdAt', 'DESC')
      .addOrderBy('d.sequence', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { resultaten: rows.map(afleveringDto), totaal, page, pageSize, links: paginaLinks(req, page, pageSize, totaal) };
  }

  @Post('webhook-afleveringen/:id/opnieuw')
  @Rollen('beheerder', 'systeem')
  @HttpCode(202)
  @ApiOperation({ operationId: 'leverWebhookOpnieuw', summary: 'Lever een CloudEvent opnieuw af (zelfde id)' })
  @ApiAcceptedResponse({ type: WebhookAfleveringDto })
  @ApiNotFoundResponse({ description: 'Niet gevonden' })
  @ApiConflictResponse({
    description:
      'Niet meer af te leveren (aflevering-niet-meer): het abonnement is van een gemeente die is opgeheven (Wet arhi art. 40), de klacht is bij het einde van het contract van de aanbieder van het abonnement overgedragen, het abonnement is verwijderd, of de URL van het abonnement is http terwijl alleen https is toegestaan (AVG art. 32). Er verandert niets.',
  })
  async opnieuw(@HuidigeTenant() tenant: Tenant, @Param('id', new ParseUUIDPipe()) id: string): Promise<WebhookAfleveringDto> {
    const d = await this.aflevering.opnieuw(klachtGemeenten(tenant), id);
    if (!d) throw ProblemException.notFound(`Geen webhook-aflevering ${id}.`);
    return afleveringDto(d);
  }
}
