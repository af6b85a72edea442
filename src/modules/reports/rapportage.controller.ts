import { Body, Controller, Get, Header, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { KLOK, type Klok } from '../../common/klok';
import { ProblemException } from '../../common/problem';
import { Rollen } from '../auth/rollen.decorator';
import { aanbiederGemeenteFout, aanbiederGemeenteVan, HuidigeTenant, type Tenant } from '../auth/tenant';
import {
  AanbiederRapportageDto,
  JaaroverzichtQueryDto,
  OpgeslagenRapportageQueryDto,
  OpgeslagenRapportagesQueryDto,
  RapportageQueryDto,
  type Formaat,
} from './rapportage.dto';
import {
  AANBIEDER_RAPPORTAGE_ONTVANGEN_SCHEMA,
  JAAROVERZICHT_SCHEMA,
  OPGESLAGEN_RAPPORTAGE_MET_INHOUD_SCHEMA,
  OPGESLAGEN_RAPPORTAGE_SCHEMA,
  RAPPORTAGE_MOMENT_SCHEMA,
  RAPPORTAGE_SCHEMA,
} from './rapportage.schema';
import { RapportageService, type OpgeslagenRapportage } from './rapportage.service';
import { aanbiederRapportage, gemeenteRapportage, inleverGemeenten, jaarPeriode, rapportageGemeenten, type Periode } from './rapportage-gemeenten';

/** `formaat=` wins; otherwise the Accept header (text/csv, text/html); JSON by default. */
function kiesFormaat(req: Request, formaat?: Formaat): Formaat {
  if (formaat) return formaat;
  const accept = req.headers.accept ?? '';
  if (/text\/csv/.test(accept)) return 'csv';
  if (/text\/html/.test(accept) && !/application\/json/.test(accept)) return 'html';
  return 'json';
}

/**
 * The gemeenten whose klachten the gemeente's report over `periode` counts: `rapportageGemeenten` of the period (its last
 * day decides, Wet arhi art. 40 e.v.), not the gemeenten of the caller's login today, so one period gives one answer
 * whenever it is asked.
 */
function teTellen(tenant: Tenant, periode: Pick<Periode, 'tot'>): string[] {
  return rapportageGemeenten(tenant.gemeente, periode);
}

/**
 * The CSV's file name, one rule for the report on request and the stored one: the gemeente, the period and, for an
 * aanbieder's report, its id, preceded by the gemeente that chose the id only when that is not the report's (Weesp's
 * aanbieder on Amsterdam's report, Wet samenvoeging Amsterdam en Weesp).
 */
function csvNaam(gemeente: string, van: string, tot: string, aanbieder?: { id: string; gemeente?: string | null }): string {
  const andere = aanbieder?.gemeente && aanbieder.gemeente !== gemeente ? `-${aanbieder.gemeente.toLowerCase()}` : '';
  const wie = aanbieder ? `${andere}-${aanbieder.id.replace(/[^A-Za-z0-9_-]/g, '')}` : '';
  return `klachtenrapportage-${gemeente.toLowerCase()}-${van}-${tot}${wie}.csv`;
}

/**
 * The gemeenten whose moments' stored reports the caller reads: its own and those opgeheven into it by today (the successor
 * takes over the dissolved gemeente's records, Wet arhi art. 40 e.v.). Also for the aanbieder role: a stored report is on
 * the moment's gemeente, and its own is found by its aanbieder (the gemeente that chose its id + the id), so Weesp's
 * aanbieder with Amsterdam's key reads its reports on Weesp's last moment and on Amsterdam's.
 */
function momentGemeenten(tenant: Tenant): string[] {
  return tenant.gemeenten?.length ? tenant.gemeenten : [tenant.gemeente];
}

/**
 * The aanbieder (gemeente that chose the id + id) whose stored reports GET /rapportages/opgeslagen lists, or undefined for
 * all. The rule of GET /rapportages: an aanbieder only its own (403 for another); `aanbieder` alone is the gemeente's own
 * aanbieder, `aanbiederGemeente` names the gemeente opgeheven into it that chose the id (Wet samenvoeging Amsterdam en
 * Weesp: GM0457 for Weesp's), 400 without `aanbieder` or for a gemeente not opgeheven into the caller's (aanbiederGemeenteFout).
 */
function opgeslagenAanbieder(tenant: Tenant, q: OpgeslagenRapportagesQueryDto): { gemeente: string; id: string } | undefined {
  if (tenant.rol === 'aanbieder') {
    const eigen = { gemeente: aanbiederGemeenteVan(tenant), id: tenant.aanbiederId ?? '' };
    if ((q.aanbieder !== undefined && q.aanbieder !== eigen.id) || (q.aanbiederGemeente !== undefined && q.aanbiederGemeente !== eigen.gemeente)) {
      throw new ProblemException({ status: 403, detail: 'Een aanbieder ziet alleen de eigen rapportages.' });
    }
    return eigen;
  }
  if (q.aanbiederGemeente !== undefined) {
    if (q.aanbieder === undefined) {
      throw ProblemException.invalid([{ name: 'aanbiederGemeente', reason: 'alleen samen met aanbieder: de gemeente die die aanbieder-id koos' }]);
    }
    const fout = aanbiederGemeenteFout(tenant.gemeente, momentGemeenten(tenant), q.aanbiederGemeente);
    if (fout) throw ProblemException.invalid([{ name: 'aanbiederGemeente', reason: fout }]);
  }
  return q.aanbieder === undefined ? undefined : { gemeente: q.aanbiederGemeente ?? tenant.gemeente, id: q.aanbieder };
}

/**
 * Reports per gemeente (docs/beheer-en-rapportages.md; Uitgangspunten klachtenmanagement Sociaal Domein §10, contract art. 11.1, Klachtenprotocol Wmo keten Amsterdam §10, Awb 9:12a). The gemeente is
 * the caller's; an aanbieder only ever sees its own report (`aanbiederRapportage`: the klachten of its id's gemeente,
 * `aanbiederGemeenteVan`, naming its id, without those it handed over). The gemeente's report counts those of `teTellen` (the period's gemeenten); the stored reports readable are those of the moments of `momentGemeenten(tenant)` (an aanbieder's only its own): after a herindeling the
 * remaining gemeente takes over the dissolved one's records (Wet algemene regels herindeling art. 40 e.v.). What the
 * gemeente configures itself (schedule, aanbieder submissions, the report's header and file name) stays on its own code.
 */
@ApiTags('rapportages')
@Rollen('procesEigenaar', 'beleidsmedewerker', 'klachtbehandelaar', 'aanbieder')
@Controller()
export class RapportageController {
  constructor(
    private readonly rapportages: RapportageService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(KLOK) private readonly klok: Klok,
  ) {}

  @Get('rapportages')
  @ApiOperation({ operationId: 'rapportage', summary: 'Rapportage per aanbieder, aard en oorzaak over een periode (JSON, CSV of afdrukbare HTML)' })
  @ApiOkResponse({
    description: 'De rapportage (formaat= of de Accept-header kiest JSON, CSV of afdrukbare HTML)',
    content: {
      'application/json': { schema: RAPPORTAGE_SCHEMA },
      'text/csv': { schema: { type: 'string', description: 'Puntkomma-gescheiden, UTF-8 met BOM.' } },
      'text/html': { schema: { type: 'string' } },
    },
  })
  async rapportage(@HuidigeTenant() tenant: Tenant, @Query() q: RapportageQueryDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (tenant.rol === 'aanbieder' && q.aanbieder && q.aanbieder !== tenant.aanbiederId) {
      throw new ProblemException({ status: 403, detail: 'Een aanbieder ziet alleen de rapportage over de eigen klachten.' });
    }
    // The gemeente of an aanbieder's id is its key's (aanbiederGemeenteVan): by default the issuing gemeente.
    if (tenant.rol === 'aanbieder' && q.aanbiederGemeente && q.aanbiederGemeente !== aanbiederGemeenteVan(tenant)) {
      throw new ProblemException({ status: 403, detail: 'Een aanbieder ziet alleen de rapportage over de eigen klachten.' });
    }
    const aanbieder = tenant.rol === 'aanbieder' ? tenant.aanbiederId : q.aanbieder;
    if (q.aanbiederGemeente && !aanbieder) {
      throw ProblemException.invalid([{ name: 'aanbiederGemeente', reason: 'alleen samen met aanbieder: de gemeente die die aanbieder-id koos' }]);
    }
    // An aanbieder gets its own report: the scope of its stored report and of the escalation (`aanbiederRapportage`). The
    // gemeente's `aanbieder=` is its own aanbieder unless aanbiederGemeente names another (an id is per gemeente).
    const scope =
      tenant.rol === 'aanbieder'
        ? aanbiederRapportage(aanbiederGemeenteVan(tenant), tenant.aanbiederId ?? '')
        : gemeenteRapportage(tenant.gemeente, q, { aanbieder: q.aanbieder, aanbiederGemeente: q.aanbiederGemeente });
    if (q.aanbiederGemeente && !scope.gemeenten.includes(q.aanbiederGemeente)) {
      throw ProblemException.invalid([
        { name: 'aanbiederGemeente', reason: `${q.aanbiederGemeente} telt niet mee in deze rapportage (wel: ${scope.gemeenten.join(', ')})` },
      ]);
    }
    const r = await this.rapportages.maak({ gemeente: tenant.gemeente, ...scope, van: q.van, tot: q.tot, aard: q.aard, oorzaak: q.oorzaak, kanaal: q.kanaal, drempel: q.drempel });
    const formaat = kiesFormaat(req, q.formaat);
    res.vary('Accept');
    if (formaat === 'csv') {
      const idVan = tenant.rol === 'aanbieder' ? aanbiederGemeenteVan(tenant) : q.aanbiederGemeente;
      const naam = csvNaam(tenant.gemeente, q.van, q.tot, aanbieder ? { id: aanbieder, gemeente: idVan } : undefined);
      res.status(200).type('text/csv; charset=utf-8').setHeader('Content-Disposition', `attachment; filename="${naam}"`);
      res.send(this.rapportages.csv(r));
      return;
    }
    if (formaat === 'html') {
      const params = new URLSearchParams(Object.entries({ ...q, formaat: undefined }).filter(([, v]) => v !== undefined).map(([k, v]): [string, string] => [k, String(v)]));
      res.status(200).type('text/html; charset=utf-8');
      res.send(this.rapportages.html(r, { csv: `?${params}&formaat=csv`, json: `?${params}&formaat=json` }));
      return;
    }
    res.status(200).json(r);
  }

  @Get('rapportages/jaaroverzicht')
  // Awb 9:12a: the gemeente's own yearly publication over all its klachten; an aanbieder gets its own report only.
  @Rollen('procesEigenaar', 'beleidsmedewerker', 'klachtbehandelaar')
  @ApiOperation({ operationId: 'jaaroverzicht', summary: 'Awb 9:12a: geregistreerde schriftelijke klachten van een jaar' })
  @ApiOkResponse({
    description: 'Het jaaroverzicht',
    content: { 'application/json': { schema: JAAROVERZICHT_SCHEMA }, 'text/html': { schema: { type: 'string' } } },
  })
  async jaaroverzicht(@HuidigeTenant() tenant: Tenant, @Query() q: JaaroverzichtQueryDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    const j = await this.rapportages.jaaroverzicht(tenant.gemeente, teTellen(tenant, jaarPeriode(q.jaar)), q.jaar);
    if ((q.formaat ?? (kiesFormaat(req) === 'html' ? 'html' : 'json')) === 'html') {
      res.status(200).type('text/html; charset=utf-8').send(this.rapportages.jaaroverzichtHtml(j));
      return;
    }
    res.status(200).json(j);
  }

  @Get('rapportages/planning')
  @ApiOperation({ operationId: 'rapportagePlanning', summary: 'De rapportagemomenten van de gemeente (uit de definitie)' })
  @ApiOkResponse({ description: 'De rapportagemomenten', schema: { type: 'array', items: RAPPORTAGE_MOMENT_SCHEMA } })
  async planning(@HuidigeTenant() tenant: Tenant): Promise<unknown[]> {
    return this.dataSource.query(
      `select soort, cadans, to_char(periode_van, 'YYYY-MM-DD') as "periodeVan", to_char(periode_tot, 'YYYY-MM-DD') as "periodeTot",
              to_char(deadline, 'YYYY-MM-DD') as deadline, to_char(herinnering, 'YYYY-MM-DD') as herinnering, naar, label,
              herinnering_verzonden_op as "herinneringVerzondenOp", verwerkt_op as "verwerktOp"
       from rapportage_moment where gemeente = $1 order by deadline, soort`,
      [tenant.gemeente],
    );
  }

  @Get('rapportages/opgeslagen')
  @ApiOperation({ operationId: 'opgeslagenRapportages', summary: 'Rapportages die op hun deadline zijn gemaakt en bewaard' })
  @ApiOkResponse({ description: 'De bewaarde rapportages, zonder inhoud', schema: { type: 'array', items: OPGESLAGEN_RAPPORTAGE_SCHEMA } })
  async opgeslagen(@HuidigeTenant() tenant: Tenant, @Query() q: OpgeslagenRapportagesQueryDto): Promise<unknown[]> {
    const aanbieder = opgeslagenAanbieder(tenant, q);
    return this.dataSource.query(
      `select id, gemeente, soort, aanbieder_id as "aanbiederId", aanbieder_gemeente as "aanbiederGemeente", to_char(periode_van, 'YYYY-MM-DD') as "periodeVan",
              to_char(periode_tot, 'YYYY-MM-DD') as "periodeTot", to_char(deadline, 'YYYY-MM-DD') as deadline, label, gegenereerd_op as "gegenereerdOp",
              peildatum
       from rapportage where gemeente = any($1::text[]) and ($2::text is null or (aanbieder_id = $2 and aanbieder_gemeente = $3))
       order by deadline desc, soort, aanbieder_id, aanbieder_gemeente nulls first, gemeente`,
      [momentGemeenten(tenant), aanbieder?.id ?? null, aanbieder?.gemeente ?? null],
    );
  }

  @Get('rapportages/opgeslagen/:id')
  @ApiOperation({ operationId: 'opgeslagenRapportage', summary: 'Eén bewaarde rapportage met inhoud (JSON, CSV of afdrukbare HTML)' })
  @ApiOkResponse({
    description:
      'De bewaarde rapportage, met de peildatum waarop haar cijfers staan (formaat= of de Accept-header kiest JSON, CSV of afdrukbare HTML; een jaaroverzicht heeft geen CSV)',
    content: {
      'application/json': { schema: OPGESLAGEN_RAPPORTAGE_MET_INHOUD_SCHEMA },
      'text/csv': { schema: { type: 'string', description: 'Puntkomma-gescheiden, UTF-8 met BOM; de laatste kolom is de peildatum.' } },
      'text/html': { schema: { type: 'string' } },
    },
  })
  @ApiNotFoundResponse({ description: 'Geen rapportage met dit id voor de aanroeper (niet-gevonden)' })
  async opgeslagenEen(
    @HuidigeTenant() tenant: Tenant,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() q: OpgeslagenRapportageQueryDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const rows: OpgeslagenRapportage[] = await this.dataSource.query(
      `select id, gemeente, soort, aanbieder_id as "aanbiederId", aanbieder_gemeente as "aanbiederGemeente", to_char(periode_van, 'YYYY-MM-DD') as "periodeVan", to_char(periode_tot, 'YYYY-MM-DD') as "periodeTot",
              to_char(deadline, 'YYYY-MM-DD') as deadline, label, gegenereerd_op as "gegenereerdOp", peildatum, inhoud
       from rapportage where id = $1 and gemeente = any($2::text[]) and ($3::text is null or (aanbieder_id = $3 and aanbieder_gemeente = $4))`,
      // An aanbieder reads its own reports only: its id as the gemeente that chose it (gemeente + id).
      [id, momentGemeenten(tenant), tenant.rol === 'aanbieder' ? tenant.aanbiederId : null, aanbiederGemeenteVan(tenant)],
    );
    if (rows.length === 0) throw ProblemException.notFound(`Geen rapportage ${id}.`);
    const o = rows[0];
    const formaat = kiesFormaat(req, q.formaat);
    res.vary('Accept');
    if (formaat === 'csv') {
      if (o.soort === 'jaarverslag') {
        throw ProblemException.invalid([{ name: 'formaat', reason: 'een jaaroverzicht (Awb 9:12a) heeft geen CSV; kies json of html' }]);
      }
      // As the report on request names it (csvNaam).
      const naam = csvNaam(
        o.gemeente,
        o.periodeVan,
        o.periodeTot,
        o.aanbiederGemeente === null ? undefined : { id: o.aanbiederId, gemeente: o.aanbiederGemeente },
      );
      res.status(200).type('text/csv; charset=utf-8').setHeader('Content-Disposition', `attachment; filename="${naam}"`);
      res.send(this.rapportages.opgeslagenCsv(o));
      return;
    }
    if (formaat === 'html') {
      res.status(200).type('text/html; charset=utf-8');
      res.send(this.rapportages.opgeslagenHtml(o, { csv: '?formaat=csv', json: '?formaat=json' }));
      return;
    }
    res.status(200).json(o);
  }

  @Post('aanbieder-rapportages')
  @Rollen('aanbieder')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ operationId: 'dienAanbiederRapportageIn', summary: 'Een aanbieder levert de periodieke rapportage aan (voorkomt escalatie naar de contractmanager)' })
  @ApiCreatedResponse({
    description:
      'Ontvangen; een tweede inzending van dezelfde aanbieder (gemeente die de id koos + id) voor dezelfde deadline vervangt de inhoud van de eerste. ingediendOp blijft het moment van de eerste inzending (op tijd als vóór 00:00 op de deadline, contract art. 11.1); laatstIngediendOp is het moment van deze, de inhoud die nu geldt.',
    schema: AANBIEDER_RAPPORTAGE_ONTVANGEN_SCHEMA,
  })
  async dienIn(
    @HuidigeTenant() tenant: Tenant,
    @Body() body: AanbiederRapportageDto,
  ): Promise<{ id: string; deadline: string; aanbiederGemeente: string; ingediendOp: string; laatstIngediendOp: string }> {
    // An aanbieder is gemeente + id: the submission is for the moment of the gemeente that chose the id, which the key
    // says (aanbiederGemeenteVan: the issuing gemeente, or after a herindeling the dissolved gemeente a key of the
    // successor was issued for, Wet arhi art. 40 e.v.), never the body: else any aanbieder with the same id could submit
    // for another gemeente's. The body's field, kept for older clients, must agree. The moment counts a submission under
    // the key's code only where `inleverGemeenten` says so (the same rule as the deadline check).
    const aanbiederGemeente = aanbiederGemeenteVan(tenant);
    if (body.aanbiederGemeente !== undefined && body.aanbiederGemeente !== aanbiederGemeente) {
      throw ProblemException.invalid([
        {
          name: 'aanbiederGemeente',
          reason: `deze sleutel spreekt voor de aanbieder ${tenant.aanbiederId} van ${aanbiederGemeente}, niet van ${body.aanbiederGemeente}: de gemeente van de aanbieder-id staat in de sleutel`,
        },
      ]);
    }
    const onder = inleverGemeenten(aanbiederGemeente, body.deadline);
    if (!onder.includes(tenant.gemeente)) {
      throw ProblemException.invalid([
        {
          name: 'aanbiederGemeente',
          reason: `een inlevering onder ${tenant.gemeente} telt niet voor de rapportage van ${aanbiederGemeente} met deadline ${body.deadline} (wel onder: ${onder.join(', ')})`,
        },
      ]);
    }
    // ingediend_op from the service's clock (KLOK), not the database's now(): the deadline check compares it with 00:00 on
    // the deadline ("vóór 1 juli", contract art. 11.1). A replacement keeps the first submission's moment, submitter and code:
    // a report was delivered then, and that decides the escalation. The report held now is the last one, and
    // laatst_ingediend_op / _door say when and by whom it came: a replacement after the deadline is not delivered in time.
    const rows: Array<{ id: string; ingediend_op: Date; laatst_ingediend_op: Date }> = await this.dataSource.query(
      `insert into aanbieder_rapportage (gemeente, aanbieder_gemeente, aanbieder_id, deadline, ingediend_door, inhoud, ingediend_op, laatst_ingediend_op, laatst_ingediend_door)
       values ($1, $2, $3, $4, $5, $6, $7, $7, $5)
       on conflict (aanbieder_gemeente, aanbieder_id, deadline) do update
         set inhoud = excluded.inhoud, laatst_ingediend_op = excluded.laatst_ingediend_op, laatst_ingediend_door = excluded.laatst_ingediend_door
       returning id, ingediend_op, laatst_ingediend_op`,
      [tenant.gemeente, aanbiederGemeente, tenant.aanbiederId, body.deadline, tenant.subject, JSON.stringify(body.inhoud ?? {}), this.klok.nu()],
    );
    return {
      id: rows[0].id,
      deadline: body.deadline,
      aanbiederGemeente,
      ingediendOp: new Date(rows[0].ingediend_op).toISOString(),
      laatstIngediendOp: new Date(rows[0].laatst_ingediend_op).toISOString(),
    };
  }
}
