import { Controller, Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { KLOK, type Klok, vandaagVan } from '../../common/klok';
import { ProblemException } from '../../common/problem';
import { omschrijvingVan } from '../../machines/compiler/gebeurtenissen';
import type { IsoDate, TermijnMutatie } from '../../machines/contract';
import { Rollen } from '../auth/rollen.decorator';
import { HuidigeTenant, klachtGemeenten, type Tenant } from '../auth/tenant';
import { kalenderdag } from '../../machines/termijnen';
import { EngineService } from '../engine/engine.service';
import { REGIME_BRON, type RegimeBron } from '../engine/regime-bron';
import { controleerTijdstip } from '../klachten/klachten.service';
import { teLaat, termijnTeLaat } from '../termijnen/te-laat';
import { WerkvoorraadService } from './werkvoorraad.service';
import { TIJDLIJN_SCHEMA } from './api.schema';
import { TijdlijnQuery } from './dto/tijdlijn.query';
import { stappenOp, type StapOp } from './termijn-keuzes';

export interface Tijdlijn {
  klacht: {
    id: string;
    gemeente: string;
    gemeenteNaam: string;
    onderwerp: string | null;
    definitieId: string;
    definitieVersie: string;
    state: string;
    stateOmschrijving: string;
    done: boolean;
    soort: string;
    kanaal: string;
    ontvangenOp: string;
    aanbieders: Array<{ id: string; naam?: string }>;
    categorie: string | null;
    oorzaak: string | null;
    afdoening: string | null;
    oordeel: string | null;
    /** te-laat.ts: an obligation is past its termijn and not yet met. */
    teLaat: boolean;
  };
  gebeurtenissen: Array<{
    type: string;
    omschrijving: string;
    at: string;
    van: string | null;
    vanOmschrijving: string | null;
    naar: string;
    naarOmschrijving: string;
    actor: string;
    actorNaam: string;
  }>;
  termijnen: Array<{
    naam: string;
    label: string;
    vervaldatum: string;
    status: string;
    uitleg: string[];
    grondslag: string | null;
    escalatieNaar: string | null;
    mutaties: unknown[];
    beeindigdOp: string | null;
    teLaat: boolean;
    voor: string | null;
  }>;
  /** The moment `volgendeEvents` is about: `op` of the request, else now by the service's clock. */
  op: string;
  /**
   * What can happen at `op` (Awb/regeling events the klacht accepts then), in Dutch; for an event that names a termijn
   * the termijnen it can name at that moment (termijn-keuzes.ts).
   */
  volgendeEvents: Array<{ type: string; omschrijving: string } & Pick<StapOp, 'termijnKeuze'>>;
}

/**
 * The timeline of one klacht for process owners: history, termijnen with their Dutch explanation,
 * and what can happen next. `/klachten/:id/...` routes get the tenant check and the dossier log of
 * the auth module; the SQL is scoped to the caller's gemeenten (`klachtGemeenten`) and aanbieder as well.
 */
@ApiTags('klachten')
// Not the beheerder: a timeline is dossier content, and the beheerder manages keys and webhooks (least privilege, AVG art. 25).
@Rollen('klachtbehandelaar', 'procesEigenaar', 'aanbieder')
@Controller('klachten')
export class TijdlijnController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(KLOK) private readonly klok: Klok,
    private readonly werkvoorraad: WerkvoorraadService,
    @Inject(REGIME_BRON) private readonly regimes: RegimeBron,
    private readonly engine: EngineService,
  ) {}

  @Get(':id/tijdlijn')
  @ApiOperation({
    operationId: 'klachtTijdlijn',
    summary: 'Tijdlijn van een klacht: gebeurtenissen, termijnen met uitleg, wat er nu kan gebeuren',
  })
  @ApiOkResponse({ description: 'De tijdlijn', schema: TIJDLIJN_SCHEMA })
  @ApiNotFoundResponse({ description: 'Onbekende klacht, of niet van de aanroeper (klacht-niet-gevonden)' })
  @ApiUnprocessableEntityResponse({
    description:
      'op ligt in de toekomst (tijdstip-in-de-toekomst), zoals at bij POST /klachten/{id}/gebeurtenissen; invalidParams noemt op.',
  })
  async tijdlijn(
    @HuidigeTenant() tenant: Tenant,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() q: TijdlijnQuery,
  ): Promise<Tijdlijn> {
    // The moment of an act being registered is checked as the registration checks its `at` (none in the future).
    const op = controleerTijdstip(q.op, 'op', this.klok.nu());
    const rows = await this.dataSource.query(
      `select id, gemeente, onderwerp, definitie_id, definitie_versie, state, state_sinds, done, soort, kanaal, ontvangen_op, aanbieders, categorie, oorzaak,
              afdoening, oordeel, volgende_events, snapshot, coalesce(${teLaat('k', '$4')}, false) as te_laat
       from klacht k where id = $1 and gemeente = ANY($2::text[]) and ($3::text is null or aanbieders @> jsonb_build_array(jsonb_build_object('id', $3::text)))`,
      [id, klachtGemeenten(tenant), tenant.rol === 'aanbieder' ? (tenant.aanbiederId ?? '') : null, this.klok.nu()],
    );
    if (rows.length === 0) throw ProblemException.notFound(`Geen klacht ${id}.`, 'klacht-niet-gevonden');
    const k = rows[0];
    // Every state here reads by the klacht's own days (WerkvoorraadService.beschrijfKlacht, as in the werkvoorraad).
    const beschrijf = this.werkvoorraad.omschrijver();
    const stand = (state: string) => ({ definitieId: k.definitie_id as string, versie: k.definitie_versie as string, state });
    // Accepted steps only: a wake-up an act of the termijn's last day undid (regime.ts `inhalen`) did not happen.
    const gebeurtenissen = await this.dataSource.query(
      `select type, at, van_state, naar_state, actor from klacht_gebeurtenis where klacht_id = $1 and accepted order by id`,
      [id],
    );
    // The stored actor is the auth subject (api-sleutel:<id>, oidc:<sub>); people read the key's name.
    const namen = await this.werkvoorraad.actorNamen(gebeurtenissen.map((g: { actor: string }) => g.actor));
    const termijnen = await this.dataSource.query(
      `select t.naam, t.label, to_char(t.vervaldatum, 'YYYY-MM-DD') as vervaldatum, t.status, t.uitleg, t.grondslag, t.escalatie_naar, t.mutaties, t.beeindigd_op, t.voor,
              t.verval_gemeld_op, ${termijnTeLaat('t', 'k', '$2')} as te_laat
       from termijn t join klacht k on k.id = t.klacht_id where t.klacht_id = $1 order by t.created_at, t.vervaldatum`,
      [id, this.klok.nu()],
    );
    // The klacht as the registration of an act at `op` will step it: after the expiries that passed by then and whose
    // wake-up did not run (Awb 9:11 lid 1; EngineService.mogelijkOp, as the dry run of 'Bekijk de gevolgen' judges it),
    // with the events it takes at `op`.
    const voorStap = this.engine.mogelijkOp(
      {
        definitieId: k.definitie_id as string,
        definitieVersie: k.definitie_versie as string,
        snapshot: k.snapshot as unknown,
        state: k.state as string,
        volgendeEvents: k.volgende_events as string[],
      },
      (termijnen as Array<{ naam: string; vervaldatum: string; status: string; mutaties: TermijnMutatie[]; verval_gemeld_op: Date | null }>)
        .filter((t) => t.status === 'lopend')
        .map((t) => ({ naam: t.naam, vervaldatum: t.vervaldatum, mutaties: t.mutaties, vervalGemeldOp: t.verval_gemeld_op })),
      op,
    );
    // A history row reads as on its own day; a state's `sinds` is the day the klacht entered it (as klacht.state_sinds:
    // an event that keeps the state keeps the day), so each row names the second line of that day.
    let sinds: IsoDate | null = null;
    const historie = (gebeurtenissen as Array<{ type: string; at: Date; van_state: string | null; naar_state: string; actor: string }>).map(
      (g) => {
        const dag = kalenderdag(new Date(g.at).toISOString());
        const vanSinds: IsoDate = sinds ?? dag;
        if (g.van_state === null || g.van_state !== g.naar_state) sinds = dag;
        return { ...g, dag, vanSinds, naarSinds: sinds ?? dag };
      },
    );
    return {
      klacht: {
        id: k.id,
        gemeente: k.gemeente,
        gemeenteNaam: this.werkvoorraad.gemeenteNaam(k.gemeente),
        onderwerp: k.onderwerp,
        definitieId: k.definitie_id,
        definitieVersie: k.definitie_versie,
        state: k.state,
        // This klacht's state: where it names the second line, the body of its own day (today, or since it is in it).
        stateOmschrijving: beschrijf(stand(k.state), {
          vandaag: vandaagVan(this.klok),
          sinds: kalenderdag(new Date(k.state_sinds).toISOString()),
        }),
        done: k.done,
        soort: k.soort,
        kanaal: k.kanaal,
        ontvangenOp: new Date(k.ontvangen_op).toISOString(),
        aanbieders: k.aanbieders,
        categorie: k.categorie,
        oorzaak: k.oorzaak,
        afdoening: k.afdoening,
        oordeel: k.oordeel,
        teLaat: k.te_laat,
      },
      gebeurtenissen: historie.map((g) => ({
        type: g.type,
        omschrijving: omschrijvingVan(g.type),
        at: new Date(g.at).toISOString(),
        van: g.van_state,
        vanOmschrijving: g.van_state === null ? null : beschrijf(stand(g.van_state), { vandaag: g.dag, sinds: g.vanSinds }),
        naar: g.naar_state,
        naarOmschrijving: beschrijf(stand(g.naar_state), { vandaag: g.dag, sinds: g.naarSinds }),
        actor: g.actor,
        actorNaam: namen.get(g.actor) ?? g.actor,
      })),
      termijnen: termijnen.map(
        (t: {
          naam: string;
          label: string;
          vervaldatum: string;
          status: string;
          uitleg: string[];
          grondslag: string | null;
          escalatie_naar: string | null;
          mutaties: unknown[];
          beeindigd_op: Date | null;
          te_laat: boolean;
          voor: string | null;
        }) => ({
          naam: t.naam,
          label: t.label,
          vervaldatum: t.vervaldatum,
          status: t.status,
          uitleg: t.uitleg,
          grondslag: t.grondslag,
          escalatieNaar: t.escalatie_naar,
          mutaties: t.mutaties,
          beeindigdOp: t.beeindigd_op ? new Date(t.beeindigd_op).toISOString() : null,
          teLaat: t.te_laat,
          voor: t.voor,
        }),
      ),
      op,
      // Asked of the klacht's regime at `op` (volgende-events.ts): the stored list is the one of its last step. The
      // termijnen an event can name are those stepping it at `op` accepts (termijn-keuzes.ts), so the event form offers
      // the termijnen of the day the act was done, not of today.
      volgendeEvents: stappenOp(this.regimes.byId(k.definitie_id, k.definitie_versie), voorStap, op).map((s) => ({
        type: s.type,
        omschrijving: omschrijvingVan(s.type),
        ...(s.termijnKeuze ? { termijnKeuze: s.termijnKeuze } : {}),
      })),
    };
  }
}
