import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { KLOK, type Klok } from '../../common/klok';
import { ProblemException } from '../../common/problem';
import { EngineError, KlachtNietGevondenError } from '../engine/engine.errors';
import { EngineService, INTAKE_EVENT, REGISTRATIE_EVENT, type Erbij } from '../engine/engine.service';
import { REGIME_BRON, type RegimeBron } from '../engine/regime-bron';
import { aanbiederGemeenteVan, type Tenant } from '../auth/tenant';
import { claimSleutel, IdempotentHerhaald, IdempotentieContext } from '../idempotency/idempotentie-context';
import type { KlachtIntakeDto } from '../klachten/dto/klacht-intake.dto';
import { KlachtEntity } from '../klachten/klacht.entity';
import { controleerTijdstip, KlachtenService } from '../klachten/klachten.service';
import { dagVan } from '../termijnen/termijn-tijd';
import { TermijnEntity } from '../termijnen/termijn.entity';
import { opvolgerVan } from '../../machines/definition/gemeentecodes.data';
import type { OmbudsmanVerzoekDto, OmbudsmanVerzoekViewDto, TerugkoppelingDto, TerugkoppelingViewDto } from './klacht-acties.dto';
import { KlachtKoppelingEntity, type OmbudsmanVerzoekSoort } from './klacht-koppeling.entity';
import { TerugkoppelingEntity } from './terugkoppeling.entity';

/** The event a terugkoppeling stands for (the event vocabulary of src/machines/compiler/gebeurtenissen.ts), with its registratie. */
function terugkoppelingEvent(dto: TerugkoppelingDto): { type: string; data?: Record<string, unknown> } | undefined {
  const e = eventZonderRegistratie(dto);
  if (!e || !dto.registratie) return e;
  return { ...e, data: { ...e.data, registratie: dto.registratie } };
}

function eventZonderRegistratie(dto: TerugkoppelingDto): { type: string; data?: Record<string, unknown> } | undefined {
  switch (dto.soort) {
    case 'behandeling':
      return { type: 'AANBIEDER_NEEMT_IN_BEHANDELING' };
    case 'afdoening':
      return {
        type: 'AFDOENEN',
        data: { oordeel: dto.oordeel ?? 'geenOordeel', ...(dto.maatregelen ? { maatregelen: dto.maatregelen } : {}) },
      };
    case 'maatregelen':
      return { type: 'REACTIE_AANBIEDER', data: { maatregelen: dto.maatregelen ?? [] } };
    case 'tevredenheid':
      return { type: dto.tevreden === false ? 'KLAGER_ONTEVREDEN' : 'KLAGER_TEVREDEN' };
    case 'registratie':
      return undefined;
  }
}

/** A report's row, as the act that goes with it writes it in its own transaction (EngineService Erbij). */
const TERUGKOPPELING_SQL = `INSERT INTO terugkoppeling (id, klacht_id, gemeente, aanbieder_id, soort, data, gebeurtenis, opmerking, door)
  VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9)`;

/** The report's row as the statement the engine runs before the COMMIT of its act; the key's result names the row. */
function rijBijHandeling(id: string, rij: Omit<TerugkoppelingEntity, 'id' | 'createdAt'>): Erbij {
  return {
    naam: 'terugkoppeling_rij',
    sql: TERUGKOPPELING_SQL,
    waarden: [
      id,
      rij.klachtId,
      rij.gemeente,
      rij.aanbiederId,
      rij.soort,
      JSON.stringify(rij.data),
      rij.gebeurtenis,
      rij.opmerking,
      rij.door,
    ],
    resultaat: { terugkoppelingId: id },
  };
}

/** What a terugkoppeling did to the klacht: applied (with the state after it), or why not. */
interface Uitkomst {
  toegepast: boolean;
  reden?: string;
  state?: string;
}

/** The event each kind of ombudsman request stands for (also what its link means for retention, bewaring.service.ts). */
export const OMBUDSMAN_EVENTS: Record<OmbudsmanVerzoekSoort, string> = {
  informatievraag: 'OMBUDSMAN_INFORMATIEVRAAG',
  interventieverzoek: 'OMBUDSMAN_INTERVENTIEVERZOEK',
  doorgezondenKlacht: 'OMBUDSMAN_DOORGEZONDEN',
  eigenOnderzoek: 'OMBUDSMAN_EIGEN_ONDERZOEK',
};

/**
 * Typed convenience actions on a klacht: an aanbieder's terugkoppeling and an ombudsman request as
 * a linked sub-case. Both go through the engine (KlachtenService), so termijnen, history and
 * outbox (webhooks) follow as for any event. The caller's access to the klacht is checked by the
 * auth module before these run (404 for another gemeente or aanbieder).
 */
@Injectable()
export class KlachtActiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly klachten: KlachtenService,
    private readonly engine: EngineService,
    @Inject(REGIME_BRON) private readonly regimes: RegimeBron,
    @Inject(KLOK) private readonly klok: Klok,
  ) {}

  /**
   * The facts of the hoofdklacht that the regeling in force on the request's day asks about. The request is a klacht
   * of its own under that regeling, which after a herindeling or a new version need not be the hoofdklacht's: a fact
   * it does not know would refuse the request (AVG art. 5 lid 1 sub c: only what the regeling asks).
   */
  private feitenVoorVerzoek(gemeente: string, ontvangenOp: string, feiten: Record<string, unknown>): Record<string, unknown> {
    const controles = this.regimes.forGemeente(gemeente, dagVan(new Date(ontvangenOp)))?.controles;
    if (!controles) return feiten;
    return Object.fromEntries(Object.entries(feiten).filter(([naam, w]) => controles.controleerFeiten({ [naam]: w }).length === 0));
  }

  private async klacht(id: string): Promise<KlachtEntity> {
    return this.dataSource.getRepository(KlachtEntity).findOneByOrFail({ id });
  }

  /** Does the state lie with the aanbieder (fase aanbieder, or a special regime run by the aanbieder)? */
  private ligtBijAanbieder(klacht: KlachtEntity, state: string): boolean {
    const fase = this.regimes.byId(klacht.definitieId, klacht.definitieVersie)?.faseVan?.(state);
    return fase === 'aanbieder' || fase === 'bijzonder';
  }

  /**
   * Why an aanbieder's report may not step the klacht in `state`, or undefined when the handling lies with THIS aanbieder.
   * Object-level authorisation (OWASP API1): every aanbieder named on a klacht reads it, but the handling lies with one,
   * its first (the one it was filed with or forwarded to: doorzenden, and the hand-over's neemLopendeOver), in that
   * gemeente's id space (an aanbieder is gemeente + id, aanbiederGemeenteVan). Another one named beside it is beklaagde or
   * party, not the one who decides or ends that handling (Awb 9:12 oordeel). Where the gemeente handles the klacht (Awb
   * titel 9.1) or the second line has it, no aanbieder ends or decides that handling (Uitgangspunten klachtenmanagement
   * Sociaal Domein §10; Awb 9:12a: the gemeente's registration is its own).
   */
  private nietBijDezeAanbieder(klacht: KlachtEntity, state: string, tenant: Tenant, wat: string): string | undefined {
    if (tenant.rol !== 'aanbieder') return undefined;
    if (!this.ligtBijAanbieder(klacht, state)) {
      return `${wat} is aan de gemeente: de klacht ligt niet bij de aanbieder (toestand ${state}); de terugkoppeling is vastgelegd.`;
    }
    if (klacht.aanbieders[0]?.id !== tenant.aanbiederId || klacht.gemeente !== aanbiederGemeenteVan(tenant)) {
      return `${wat} is aan de aanbieder die de klacht behandelt: de klacht ligt niet bij ${tenant.aanbiederId ?? 'u'} (toestand ${state}); de terugkoppeling is vastgelegd.`;
    }
    return undefined;
  }

  /** The klacht's running termijn rows: which expiries have passed without their wake-up (EngineService.alsRegistratieOp). */
  private lopend(klachtId: string): Promise<TermijnEntity[]> {
    return this.dataSource.getRepository(TermijnEntity).findBy({ klachtId, status: 'lopend' });
  }

  /**
   * Why the klacht does not take the event at `at` (default: now) from this caller; undefined when it may try. Judged on
   * the klacht as the registration of the act will step it, `lopend` its running termijn rows: registering first records
   * every expiry that passed before the act and whose wake-up did not run (Awb 9:11 lid 1, 9:24 lid 1 sub b;
   * metWekkersBij), so the stored klacht would offer what the registration then refuses (the klager's answer after his
   * wait passed at midnight) and leave out what it takes (his request to the second line once the afhandeltermijn
   * passed). EngineService.mogelijkOp, the one composition the tijdlijn and GET /klachten/{id} use too; the state and the
   * list are those of the act's moment (volgende-events.ts), from one replay of the wake-ups since the last act.
   */
  private waaromNiet(
    klacht: KlachtEntity,
    lopend: readonly TermijnEntity[],
    type: string,
    tenant: Tenant,
    at?: string,
  ): string | undefined {
    const op = at ?? this.klok.nu().toISOString();
    const { state, volgendeEvents: mogelijk } = this.engine.mogelijkOp(klacht, lopend, op);
    // The aanbieder reports on the part of the klacht that lies with it (its own handling, or its own statutory regime:
    // the jeugdhulpaanbieder's reactie, Jeugdwet 4.2.1 lid 5; the zorgaanbieder's outcome, Wkkgz 17): nietBijDezeAanbieder.
    // Its report is kept, the step is the gemeente's or the handling aanbieder's.
    // Both where the klacht was at the act's moment: the klager's answer on the last day of his wait, reported the next
    // morning after the wake-up closed the klacht, was given while it lay with the aanbieder (Awb 9:11 lid 1; stepping
    // takes it there, regime.ts `inhalen`).
    // A klacht on which nothing can happen any more (closed, also by an expiry the registration records first) is not
    // 'aan de gemeente': the reason is that the act no longer fits, as for the gemeente's own users.
    if (mogelijk.length > 0) {
      const reden = this.nietBijDezeAanbieder(klacht, state, tenant, type);
      if (reden !== undefined) return reden;
    }
    if (!mogelijk.includes(type)) {
      return `${type} past nu niet (toestand ${state}; mogelijk: ${mogelijk.join(', ') || 'geen'}).`;
    }
    return undefined;
  }

  /**
   * Applies an event when the klacht accepts it now, with the report's row in its transaction (`rij`); otherwise says why
   * not (nothing changes then).
   */
  private async probeer(
    klacht: KlachtEntity,
    event: { type: string; data?: Record<string, unknown> },
    at: string | undefined,
    tenant: Tenant,
    rij: Erbij,
  ): Promise<Uitkomst> {
    const reden = this.waaromNiet(klacht, await this.lopend(klacht.id), event.type, tenant, at);
    if (reden !== undefined) return { toegepast: false, reden };
    try {
      const detail = await this.klachten.gebeurtenis(
        klacht.id,
        { type: event.type, ...(at ? { at } : {}), ...(event.data ? { data: event.data } : {}) },
        tenant.subject,
        undefined,
        rij,
      );
      return { toegepast: true, state: detail.state };
    } catch (e) {
      // Refused under the lock (the klacht moved on meanwhile): its transaction wrote nothing, the report is kept.
      // Anything else (409 wekker-achterstand, 503) fails the request, and the event's transaction took its row with it:
      // nothing changes (503 uitkomst-onbekend: both were written, or neither).
      if (e instanceof EngineError) return { toegepast: false, reden: e.message };
      throw e;
    }
  }

  /**
   * Whether this request's Idempotency-Key is on record already (committed): a replay, another request with the same key
   * (422), or a key of another route. Nothing is done again then; the row's transaction claims the key and says which.
   */
  private async sleutelBestaat(): Promise<boolean> {
    const v = IdempotentieContext.huidig();
    if (!v) return false;
    const rijen = (await this.dataSource.query(`SELECT 1 FROM idempotentie_sleutel WHERE gemeente = $1 AND sleutel = $2`, [
      v.gemeente,
      v.sleutel,
    ])) as unknown[];
    return rijen.length > 0;
  }

  async terugkoppeling(klachtId: string, dto: TerugkoppelingDto, tenant: Tenant): Promise<TerugkoppelingViewDto> {
    // An event is something that happened: a moment in the future is refused (422 naming at, as POST
    // /klachten/{id}/gebeurtenissen) before the report is stored, so a retry leaves no second row and no act is judged
    // at a moment that has not come.
    if (dto.at !== undefined) controleerTijdstip(dto.at, 'at', this.klok.nu());
    const klacht = await this.klacht(klachtId);
    // "Uitgangspunten klachtenmanagement Sociaal Domein" art. 11.1: the aanbieder reports aard, oorzaak,
    // afwikkeling and maatregelen. Values outside the gemeente's lists are refused before anything is stored.
    if (dto.registratie) this.klachten.controleerRegistratie(klacht, dto.registratie);
    const { soort, at, opmerking, ...data } = dto;
    let event = terugkoppelingEvent(dto);
    let uitkomst: Uitkomst = { toegepast: false, reden: 'registratie: alleen vastgelegd' };
    const nieuw = {
      klachtId,
      gemeente: klacht.gemeente,
      aanbiederId: tenant.aanbiederId ?? null,
      soort,
      data: { ...data, ...(at ? { at } : {}) },
      opmerking: opmerking ?? null,
      door: tenant.subject,
    };
    // The row goes with the act that takes it, in that act's transaction before its COMMIT (EngineService Erbij): both
    // are stored or neither, also after a crash (accepted input is never lost, nor kept without its act). Written with
    // the outcome (docs/api.md, Idempotentie: a failed request, 4xx or 5xx, changes nothing): an act refused with an
    // error (409, 503) leaves no row behind, and a retry none twice. One id for every attempt (metWekkersBij, a group
    // run again on its own): only the one that commits writes it.
    const rijId = randomUUID();
    const rijMet = (gebeurtenis: string | null) => rijBijHandeling(rijId, { ...nieuw, gebeurtenis });
    // A key on record: a replay (or a misused key); nothing is judged or applied again, the row's transaction answers.
    const herhaling = await this.sleutelBestaat();
    if (!herhaling && event) uitkomst = await this.probeer(klacht, event, at, tenant, rijMet(event.type));
    // The event's transaction claimed the key (EngineService.apply, with the key in its transaction) when it was taken.
    const doorEngine = uitkomst.toegepast;
    // Set when this request's act wrote the row.
    let metHandeling = doorEngine;
    // The registration counts also when the event does not fit now (or there is none): only the values change; from an
    // aanbieder only while the handling lies with it (Uitgangspunten klachtenmanagement Sociaal Domein §10, Awb 9:12a:
    // the gemeente's registration of a klacht it handles is the gemeente's), otherwise it is kept with the report.
    if (!herhaling && !IdempotentieContext.huidig()?.herhaald && dto.registratie && !uitkomst.toegepast) {
      const niet = this.registratieNiet(klacht, await this.lopend(klacht.id), tenant, at);
      if (niet !== undefined) {
        if (!event) uitkomst = { toegepast: false, reden: niet };
      } else {
        // The row with the registration, in its transaction (which claims the key, as an event's): REGISTRATIE_GEWIJZIGD
        // when that is all the report does, none beside an event that is only kept.
        let detail: Awaited<ReturnType<KlachtenService['registreer']>> | undefined;
        try {
          detail = await this.klachten.registreer(
            klachtId,
            { ...dto.registratie, ...(at ? { at } : {}) },
            tenant.subject,
            undefined,
            rijMet(event ? null : REGISTRATIE_EVENT),
          );
          metHandeling = true;
        } catch (e) {
          // A concurrent duplicate with the same key registered it (and its row): the key's row answers (legVast).
          if (!(e instanceof IdempotentHerhaald)) throw e;
        }
        if (!event) {
          event = { type: REGISTRATIE_EVENT };
          uitkomst = { toegepast: true, state: detail?.state };
        }
      }
    }
    // Written with the act: as it stands. Not found: the act was a replay of the key (KlachtenService.gebeurtenis answers
    // IdempotentHerhaald with the klacht), whose first request's row the key names (legVast).
    const eigen = metHandeling ? await this.dataSource.getRepository(TerugkoppelingEntity).findOneBy({ id: rijId }) : null;
    if (eigen) return this.view(eigen, { ...uitkomst, state: uitkomst.state ?? klacht.state });
    const { rij, herhaald } = await this.legVast(
      { ...nieuw, gebeurtenis: uitkomst.toegepast && event ? event.type : null },
      doorEngine,
      // A first request whose event was taken and that stopped before its row: the row is the event's.
      event && event.type !== REGISTRATIE_EVENT ? event.type : null,
    );
    if (herhaald) {
      // Answered only when the first request's reply was not stored (IdempotencyInterceptor answers that one instead).
      const nu = await this.klacht(klachtId);
      return this.view(rij, { toegepast: rij.gebeurtenis !== null, state: nu.state });
    }
    return this.view(rij, { ...uitkomst, state: uitkomst.state ?? klacht.state });
  }

  /** Why an aanbieder's registratie at `at` (default: now) is only kept (nietBijDezeAanbieder), on the klacht as then stepped. */
  private registratieNiet(klacht: KlachtEntity, lopend: readonly TermijnEntity[], tenant: Tenant, at?: string): string | undefined {
    if (tenant.rol !== 'aanbieder') return undefined;
    const { state } = this.engine.mogelijkOp(klacht, lopend, at ?? this.klok.nu().toISOString());
    return this.nietBijDezeAanbieder(klacht, state, tenant, 'De registratie');
  }

  private view(rij: TerugkoppelingEntity, uitkomst: Uitkomst & { state: string }): TerugkoppelingViewDto {
    return {
      id: rij.id,
      klachtId: rij.klachtId,
      soort: rij.soort,
      aanbiederId: rij.aanbiederId,
      gebeurtenis: uitkomst.toegepast ? rij.gebeurtenis : null,
      toegepast: uitkomst.toegepast,
      ...(uitkomst.reden ? { reden: uitkomst.reden } : {}),
      state: uitkomst.state,
      aangemaaktOp: rij.createdAt.toISOString(),
    };
  }

  /**
   * The report's row, once (docs/api.md, Idempotentie), when no act of this request wrote it (the report only kept, or
   * a replay of its key; an act writes it in its own transaction: EngineService Erbij). With an Idempotency-Key the row's
   * transaction claims the key (unless an event's transaction did: `doorEngine`, a concurrent replay) and records the
   * row with the key's result, so the report and the key commit together: a replay writes no second row and answers the
   * first; a crash before the commit leaves neither (the retry runs again). A key whose event was taken without its row
   * (a request made before the row went into the event's transaction, keys are kept 24 hours) gets the row now, as the
   * event's (`eventBijHerhaling`): the report is not lost, nor written twice (the key's row is locked while it is decided).
   */
  private async legVast(
    nieuw: Omit<TerugkoppelingEntity, 'id' | 'createdAt'>,
    doorEngine: boolean,
    eventBijHerhaling: string | null,
  ): Promise<{ rij: TerugkoppelingEntity; herhaald: boolean }> {
    const v = IdempotentieContext.huidig();
    const repo = (m: EntityManager) => m.getRepository(TerugkoppelingEntity);
    if (!v) return { rij: await repo(this.dataSource.manager).save(nieuw), herhaald: false };
    // READ COMMITTED (ADR 0009): after waiting for the key's row lock it reads the report its previous holder committed.
    return this.dataSource.transaction('READ COMMITTED', async (m) => {
      let herhaald = v.herhaald === true;
      if (!doorEngine && !herhaald) {
        try {
          await claimSleutel(m);
        } catch (e) {
          if (!(e instanceof IdempotentHerhaald)) throw e;
          herhaald = true;
        }
      }
      const [sleutel] = (await m.query(`SELECT resultaat FROM idempotentie_sleutel WHERE gemeente = $1 AND sleutel = $2 FOR UPDATE`, [
        v.gemeente,
        v.sleutel,
      ])) as Array<{ resultaat: { terugkoppelingId?: string } | null }>;
      const eerder = sleutel?.resultaat?.terugkoppelingId;
      if (eerder) {
        const rij = await repo(m).findOneBy({ id: eerder });
        if (rij) return { rij, herhaald: true };
      }
      const rij = await repo(m).save(herhaald ? { ...nieuw, gebeurtenis: eventBijHerhaling } : nieuw);
      await m.query(
        `UPDATE idempotentie_sleutel SET resultaat = $3::jsonb, completed_at = clock_timestamp() WHERE gemeente = $1 AND sleutel = $2`,
        [v.gemeente, v.sleutel, JSON.stringify({ klachtId: nieuw.klachtId, terugkoppelingId: rij.id })],
      );
      return { rij, herhaald };
    });
  }

  async ombudsmanVerzoek(hoofdKlachtId: string, dto: OmbudsmanVerzoekDto, tenant: Tenant): Promise<OmbudsmanVerzoekViewDto> {
    // Awb 9:31 lid 1: the ombudsman sets the date by which he is to be answered, so it lies after the day his request came
    // in (as for a later date he sets, OMBUDSMAN_TERMIJN_GEWIJZIGD). An earlier one is a slip of the pen that would make
    // the request late, and escalate it, the moment it is filed: refused, and nothing is written.
    const ontvangen = dagVan(new Date(dto.ontvangenOp));
    if (dto.termijn !== undefined && dto.termijn <= ontvangen) {
      const reden = `de termijn ${dto.termijn} die de ombudsman stelde ligt niet na de ontvangst van het verzoek (${ontvangen}); geef de datum uit zijn brief (Awb 9:31 lid 1)`;
      throw new ProblemException({
        status: 422,
        code: 'termijn-ongeldig',
        title: 'Termijn van de ombudsman ongeldig',
        detail: reden,
        invalidParams: [{ name: 'termijn', reason: reden }],
      });
    }
    const hoofd = await this.klacht(hoofdKlachtId);
    // Received by the gemeente of that day: after a herindeling the one the hoofdklacht's gemeente went into (Wet arhi art. 40 e.v.).
    const gemeente = opvolgerVan(hoofd.gemeente, dagVan(new Date(dto.ontvangenOp)));
    // An aanbieder id is chosen per gemeente (tenant.ts, tenantScope matches gemeente + id): after a herindeling the
    // hoofdklacht's ids are the dissolved gemeente's, and the successor's aanbieder with the same id is another
    // organisation, which must not read the request nor find it in its werkvoorraad (AVG art. 5 lid 1 sub f; Wet arhi
    // art. 40: the klacht was the gemeente's). The request's klacht names none of them then, nor facts derived from them;
    // the linked hoofdklacht still does, and the request stays with the gemeente's loket.
    const zelfdeIds = gemeente === hoofd.gemeente;
    const feiten = { ...this.feitenVoorVerzoek(hoofd.gemeente, dto.ontvangenOp, hoofd.feiten) };
    if (!zelfdeIds) for (const naam of ['aantalAanbieders', 'aanbiederType']) delete feiten[naam];
    // The request as a klacht of its own (Awb 9.2: its own termijnen), filed by the ombudsman.
    const intake: KlachtIntakeDto = {
      gemeente,
      kanaal: 'brief',
      ontvangenOp: dto.ontvangenOp,
      ingediendBij: 'ombudsman',
      // Awb 9:26: an investigation on the ombudsman's own initiative is no klacht (no Awb 9.1 termijnen).
      soort: dto.soort === 'eigenOnderzoek' ? 'eigenOnderzoek' : 'klacht',
      onderwerp: dto.onderwerp ?? `Ombudsman: ${dto.soort} over klacht ${hoofd.id}`,
      aanbieders: zelfdeIds
        ? hoofd.aanbieders.map((a) => ({ id: a.id, ...(a.naam ? { naam: a.naam } : {}), ...(a.type ? { type: a.type } : {}) }))
        : [],
      feiten: {
        ...feiten,
        ombudsmanVerzoek: dto.soort,
        ...(dto.termijn ? { ombudsmanTermijn: dto.termijn } : {}),
      },
    } as KlachtIntakeDto;
    const event = { type: OMBUDSMAN_EVENTS[dto.soort], ...(dto.termijn ? { data: { termijn: dto.termijn } } : {}) };
    // One request of the ombudsman, taken all or nothing in one transaction (Awb 9.2; accepted input is never half
    // applied): the sub-klacht, its link, and the event on the hoofdklacht when that takes it now. The link decides the
    // reports and the retention of the dossier; the event decides the hoofdklacht's phase and termijnen (a doorgezonden
    // klacht: the hoofdklacht leaves the second line and the sub-klacht is the gemeente's own handling, Awb 9:20, with its
    // Awb 9:11 termijn; an informatievraag is answered within the ombudsman's term, Awb 9:31): none of it may stand without the rest. The hoofdklacht is locked first:
    // destroyed meanwhile (retention), nothing is written (404); destroyed after, the retention finds the open link.
    const correlationId = randomUUID();
    let uit: Awaited<ReturnType<KlachtenService['intakeBij']>>;
    try {
      uit = await this.klachten.intakeBij(
        intake,
        tenant.subject,
        {
          klachtId: hoofd.id,
          erbij: async (m, sub) => {
            await m.insert(KlachtKoppelingEntity, {
              klachtId: sub.id,
              hoofdKlachtId: hoofd.id,
              gemeente: hoofd.gemeente,
              soort: dto.soort,
            });
            // An aanbieder that handed the hoofdklacht over at contract end no longer reaches it (Klachtenprotocol Wmo
            // keten Amsterdam §9: no copy kept; AVG art. 5 lid 1 sub f, art. 32), nor a request about it that names it:
            // the request is marked with the same hand-overs, in this transaction (the access checks read
            // overgedragen_klacht by the klacht's own id). Every hand-over committed before this statement is seen.
            if (zelfdeIds) {
              await m.query(
                `INSERT INTO overgedragen_klacht (klacht_id, overdracht_id, aanbieder_id)
                 SELECT $1, overdracht_id, aanbieder_id FROM overgedragen_klacht WHERE klacht_id = $2`,
                [sub.id, hoofd.id],
              );
            }
          },
          // The request's own klacht gives the loket its task (Awb 9:31); the hoofdklacht records that the ombudsman
          // asked and names that klacht, so the loket does not get the task a second time from the hoofdklacht.
          event: (k, sub, termijnen) => {
            // Asked at the moment the engine steps it: the request's receipt (EngineService.createBij). On the hoofdklacht's
            // running rows as read with it under its lock: rows read before it may miss an expiry a wake-up (or the
            // catch-up before a retry, metWekkersBij) fired in between, or a termijn that expiry started.
            const lopend = termijnen.filter((t) => t.status === 'lopend');
            const reden = this.waaromNiet(k, lopend, event.type, tenant, dto.ontvangenOp);
            return reden === undefined ? { ...event, data: { ...event.data, verzoekKlacht: sub.id } } : { reden };
          },
        },
        correlationId,
      );
    } catch (e) {
      if (e instanceof KlachtNietGevondenError && e.klachtId === hoofd.id) {
        throw ProblemException.notFound(
          `De klacht ${hoofd.id} bestaat niet meer (vernietigd); het verzoek van de ombudsman is niet vastgelegd.`,
          'klacht-niet-gevonden',
        );
      }
      throw e;
    }
    // A replay of the Idempotency-Key: the request was taken before, with its event if the hoofdklacht took it then.
    const toegepast = uit.bij ? uit.bij.toegepast : await this.eerderToegepast(hoofd.id, uit.klacht.id, event.type);
    return {
      klachtId: uit.klacht.id,
      hoofdKlachtId,
      soort: dto.soort,
      state: uit.klacht.state,
      gebeurtenisHoofdKlacht: toegepast ? event.type : null,
    };
  }

  /** Whether the hoofdklacht took the event in the transaction that took the request (the same correlation id). */
  private async eerderToegepast(hoofdKlachtId: string, subKlachtId: string, type: string): Promise<boolean> {
    const rijen = (await this.dataSource.query(
      `SELECT 1 FROM klacht_gebeurtenis h
         JOIN klacht_gebeurtenis s ON s.klacht_id = $2 AND s.type = $4 AND s.correlation_id = h.correlation_id
       WHERE h.klacht_id = $1 AND h.type = $3 LIMIT 1`,
      [hoofdKlachtId, subKlachtId, type, INTAKE_EVENT],
    )) as unknown[];
    return rijen.length > 0;
  }
}
