import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { inStateSql } from './in-state';
import { KLOK, type Klok } from '../../common/klok';
import { IdempotentHerhaald } from '../idempotency/idempotentie-context';
import { ProblemException } from '../../common/problem';
import type { CompiledRegime, IntakeInput, KlachtEvent } from '../../machines/contract';
import { SYSTEEM_GEBEURTENISSEN, omschrijvingVan } from '../../machines/compiler/gebeurtenissen';
import { opgehevenOp } from '../../machines/definition/gemeentecodes.data';
import { kalenderdag } from '../../machines/termijnen';
import { TenantContext, tenantScope } from '../auth/tenant';
import { EngineService, type BijUitkomst, type Erbij, type IntakeBij } from '../engine/engine.service';
import { KlachtNietGevondenError, RegistratieOngeldigError } from '../engine/engine.errors';
import { openVerplichting, teLaat, termijnTeLaat } from '../termijnen/te-laat';
import { TermijnEntity } from '../termijnen/termijn.entity';
import { metWekkersBij } from '../termijnen/achterstand';
import { TermijnWakeService } from '../termijnen/termijn-wake.service';
import type { GebeurtenisDto } from './dto/gebeurtenis.dto';
import type { KlachtIntakeDto } from './dto/klacht-intake.dto';
import type { KlachtLijstQuery } from './dto/klacht-lijst.query';
import type {
  GebeurtenisViewDto,
  KlachtDetailDto,
  KlachtPaginaDto,
  KlachtViewDto,
  TermijnViewDto,
  VolgendeGebeurtenisDto,
} from './dto/klacht-view.dto';
import type { RegistratieWijzigingDto } from './dto/registratie.dto';
import { KlachtGebeurtenisEntity } from './klacht-gebeurtenis.entity';
import { KlachtEntity } from './klacht.entity';

/** Clock skew tolerated between the caller's system and ours. */
const KLOKVERSCHIL_MS = 5 * 60_000;
/** The earliest intake or event time accepted. */
const VROEGSTE_TIJDSTIP = new Date('1980-01-01T00:00:00Z');

/**
 * The moment of an intake or event: given, or now. A moment in the future is refused: the klacht's
 * clock would jump ahead and every real event before that date would then be refused (an event is
 * something that happened). A few minutes of clock skew between systems are tolerated. Shared by the
 * API and the bulk import (src/modules/import), so both accept the same moments.
 */
export function controleerTijdstip(waarde: string | undefined, veld: string, nu: Date): string {
  if (!waarde) return nu.toISOString();
  const t = new Date(waarde);
  // Before the Wet Nationale ombudsman (1982) there was no klachtrecht to run; year 0 breaks the calendar.
  if (t.getTime() < VROEGSTE_TIJDSTIP.getTime()) {
    throw ProblemException.invalid([
      { name: veld, reason: `ligt vóór ${VROEGSTE_TIJDSTIP.toISOString().slice(0, 10)}; geef het werkelijke tijdstip` },
    ]);
  }
  if (t.getTime() > nu.getTime() + KLOKVERSCHIL_MS) {
    throw new ProblemException({
      status: 422,
      code: 'tijdstip-in-de-toekomst',
      title: 'Het tijdstip ligt in de toekomst',
      detail: `${veld} ${waarde} ligt na nu (${nu.toISOString()}): registreer wat gebeurd is, op het moment dat het gebeurde.`,
      invalidParams: [{ name: veld, reason: `ligt in de toekomst (na ${nu.toISOString()})` }],
    });
  }
  return t.toISOString();
}

const SORTEER_KOLOM = { ontvangenOp: 'k.ontvangenOp', createdAt: 'k.createdAt', updatedAt: 'k.updatedAt' } as const;

/** Use cases behind the klachten API: writes go through the engine, reads straight to PostgreSQL. */
@Injectable()
export class KlachtenService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: EngineService,
    @Inject(KLOK) private readonly klok: Klok,
    private readonly wake: TermijnWakeService,
  ) {}

  /** The moment of an intake or event: given, or now (controleerTijdstip). */
  private tijdstip(waarde: string | undefined, veld: string): string {
    return controleerTijdstip(waarde, veld, this.klok.nu());
  }

  /** The intake as the engine takes it: its moment checked (controleerTijdstip), not for a gemeente opgeheven by then. */
  private intakeInput(dto: KlachtIntakeDto): IntakeInput {
    const ontvangenOp = this.tijdstip(dto.ontvangenOp, 'ontvangenOp');
    // A gemeente opgeheven at a herindeling received nothing from that day on: the one it went into did (Wet arhi art. 40 e.v.).
    const opgeheven = opgehevenOp(dto.gemeente, kalenderdag(ontvangenOp));
    if (opgeheven) throw ProblemException.invalid([{ name: 'gemeente', reason: opgeheven }]);
    return {
      gemeente: dto.gemeente,
      kanaal: dto.kanaal,
      ontvangenOp,
      ingediendBij: dto.ingediendBij,
      soort: dto.soort,
      onderwerp: dto.onderwerp,
      aanbieders: dto.aanbieders.map((a) => ({ id: a.id, ...(a.naam ? { naam: a.naam } : {}), ...(a.type ? { type: a.type } : {}) })),
      feiten: dto.feiten,
    };
  }

  async intake(dto: KlachtIntakeDto, actor: string, correlationId: string = randomUUID()): Promise<KlachtDetailDto> {
    const intake = this.intakeInput(dto);
    try {
      const { klacht } = await this.engine.create(intake, { actor, correlationId }, dto.registratie);
      return await this.detail(klacht.id);
    } catch (e) {
      // Idempotency-Key seen before: the klacht it made, as it is now. Only the fallback: IdempotencyInterceptor answers
      // the first reply, stored after its commit, in its place (IETF draft-ietf-httpapi-idempotency-key-header).
      if (e instanceof IdempotentHerhaald) return this.detail(e.klachtId);
      throw e;
    }
  }

  /**
   * An intake about a klacht that exists, written together with what belongs to it (an ombudsman request, its link and
   * the event on its hoofdklacht): one transaction, EngineService.createBij. `bij` is undefined on a replay of the
   * Idempotency-Key: the klacht it made then, as it is now (what goes out only when the first reply was not stored:
   * IdempotencyInterceptor).
   */
  async intakeBij(
    dto: KlachtIntakeDto,
    actor: string,
    bij: IntakeBij,
    correlationId: string = randomUUID(),
  ): Promise<{ klacht: KlachtDetailDto; bij?: BijUitkomst }> {
    const intake = this.intakeInput(dto);
    try {
      // Its event on the klacht it is about, as any event: after the termijnen passed before it (achterstand.ts).
      const uit = await metWekkersBij(this.wake, this.klok, (wekkersBij) =>
        this.engine.createBij(intake, { actor, correlationId, wekkersBij }, bij),
      );
      return { klacht: await this.detail(uit.klacht.id), bij: uit.bij };
    } catch (e) {
      if (e instanceof IdempotentHerhaald) return { klacht: await this.detail(e.klachtId) };
      throw e;
    }
  }

  /** Throws RegistratieOngeldigError (422) when a value is not in the lists of the klacht's definition version. */
  controleerRegistratie(k: KlachtEntity, registratie: unknown): void {
    const controles = this.engine.regimeVan(k).controles;
    const r = controles?.controleerRegistratie(registratie, 'registratie') ?? {
      fouten: [{ name: 'registratie', reason: `de klachtregeling ${k.definitieId} kent geen registratie` }],
    };
    if (r.fouten.length) throw new RegistratieOngeldigError(r.fouten);
  }

  /**
   * PATCH /klachten/{id}/registratie: only the registration changes (also on a closed klacht). `erbij`: a row that belongs
   * with it, in its transaction (EngineService Erbij: a terugkoppeling's report).
   */
  async registreer(
    klachtId: string,
    dto: RegistratieWijzigingDto,
    actor: string,
    correlationId: string = randomUUID(),
    erbij?: Erbij,
  ): Promise<KlachtDetailDto> {
    const { at, ...registratie } = dto;
    await this.engine.registreer(this.uuid(klachtId), registratie, this.tijdstip(at, 'at'), { actor, correlationId }, erbij);
    return this.detail(klachtId);
  }

  /** An event on the klacht; `erbij`: a row that belongs with it, written in the event's transaction (EngineService Erbij). */
  async gebeurtenis(
    klachtId: string,
    dto: GebeurtenisDto,
    actor: string,
    correlationId: string = randomUUID(),
    erbij?: Erbij,
  ): Promise<KlachtDetailDto> {
    const event: KlachtEvent = {
      type: dto.type,
      at: this.tijdstip(dto.at, 'at'),
      actor,
      ...(dto.data ? { data: dto.data } : {}),
    };
    try {
      // A termijn passed before the event whose wake-up has not run yet runs first (achterstand.ts; Awb 9:18, 9:24).
      await metWekkersBij(this.wake, this.klok, (wekkersBij) =>
        this.engine.apply(klachtId, event, { actor, correlationId, wekkersBij }, erbij),
      );
    } catch (e) {
      // A replay: the klacht as it is now, which IdempotencyInterceptor replaces by the first reply when that was stored
      // (a later event must not read as this one's outcome; IETF draft-ietf-httpapi-idempotency-key-header).
      if (!(e instanceof IdempotentHerhaald)) throw e;
    }
    return this.detail(klachtId);
  }

  async detail(id: string): Promise<KlachtDetailDto> {
    const k = await this.dataSource.getRepository(KlachtEntity).findOneBy({ id: this.uuid(id) });
    if (!k) throw new KlachtNietGevondenError(id);
    const [termijnen, gebeurtenissen] = await Promise.all([
      this.dataSource.getRepository(TermijnEntity).find({ where: { klachtId: id }, order: { createdAt: 'ASC', naam: 'ASC' } }),
      this.dataSource.getRepository(KlachtGebeurtenisEntity).find({ where: { klachtId: id }, order: { id: 'ASC' } }),
    ]);
    const nu = this.klok.nu();
    const laat = await this.teLaatVlaggen([k.id], nu);
    return { ...this.view(k, termijnen, laat, nu), gebeurtenissen: gebeurtenissen.map((g) => this.gebeurtenisView(g)) };
  }

  /** One page; PaginaLinksInterceptor adds `links` from the request. */
  async lijst(q: KlachtLijstQuery): Promise<Omit<KlachtPaginaDto, 'links'>> {
    const nu = this.klok.nu();
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const qb = this.dataSource.getRepository(KlachtEntity).createQueryBuilder('k');
    // docs/adr/0003-tenancy-webhooks-idempotency.md: scoped to the caller's gemeente (and for an aanbieder to its own klachten) in SQL.
    const tenant = TenantContext.huidige();
    if (tenant) {
      const scope = tenantScope(tenant, 'k');
      qb.andWhere(scope.sql, scope.params);
    }
    if (q.gemeente) qb.andWhere('k.gemeente = :gemeente', { gemeente: q.gemeente });
    const state = q.state;
    if (state) {
      // A parent state matches its children: `intern` finds `intern.inBehandeling`.
      qb.andWhere(inStateSql('k', ':state'), { state });
    }
    if (q.aanbieder) qb.andWhere('k.aanbieders @> CAST(:aanbieder AS jsonb)', { aanbieder: JSON.stringify([{ id: q.aanbieder }]) });
    if (q.overdue !== undefined) {
      // te-laat.ts: the same definition as the heatmap and the reports, at the injected clock.
      qb.andWhere(q.overdue ? teLaat('k', ':nu') : `NOT coalesce(${teLaat('k', ':nu')}, false)`, { nu });
    }
    const sorteer = q.sorteer ?? '-ontvangenOp';
    const veld = sorteer.replace(/^-/, '') as keyof typeof SORTEER_KOLOM;
    qb.orderBy(SORTEER_KOLOM[veld], sorteer.startsWith('-') ? 'DESC' : 'ASC').addOrderBy('k.id', 'ASC');
    qb.skip((page - 1) * pageSize).take(pageSize);
    const [rows, totaal] = await qb.getManyAndCount();
    const ids = rows.map((r) => r.id);
    // Running termijnen and the passed obligations still open (the ones a klacht is late on).
    const termijnen = rows.length
      ? await this.dataSource
          .getRepository(TermijnEntity)
          .createQueryBuilder('t')
          .where('t.klacht_id = any(:ids)', { ids })
          .andWhere(`(t.status = 'lopend' or ${openVerplichting('t')})`)
          .orderBy('t.vervaltOp', 'ASC')
          .getMany()
      : [];
    const laat = await this.teLaatVlaggen(ids, nu);
    return {
      resultaten: rows.map((k) =>
        this.view(
          k,
          termijnen.filter((t) => t.klachtId === k.id),
          laat,
          nu,
        ),
      ),
      totaal,
      page,
      pageSize,
    };
  }

  private uuid(id: string): string {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new KlachtNietGevondenError(id);
    return id;
  }

  /** Which of these klachten, and which of their termijnen, are te laat at `nu` (te-laat.ts, in SQL). */
  private async teLaatVlaggen(ids: string[], nu: Date): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `select k.id from klacht k where k.id = any($1::uuid[]) and ${teLaat('k', '$2')}
       union all
       select t.id from termijn t join klacht k on k.id = t.klacht_id where t.klacht_id = any($1::uuid[]) and ${termijnTeLaat('t', 'k', '$2')}`,
      [ids, nu],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** The klacht's pinned definition version; undefined when that version is not loaded. */
  private regime(k: KlachtEntity): CompiledRegime | undefined {
    try {
      return this.engine.regimeVan(k);
    } catch {
      return undefined;
    }
  }

  /**
   * The events a caller may send at `nu`, with their data (system events such as TERMIJN_VERLOPEN left out): those of the
   * klacht as the registration will step it (EngineService.mogelijkOp: after the expiries that passed and whose
   * wake-up did not run, Awb 9:11 lid 1), not the stored one, which would offer the uitstel of an afhandeltermijn that
   * passed at midnight and leave out the klager's request to the second line.
   */
  private volgendeEvents(
    k: KlachtEntity,
    regime: CompiledRegime | undefined,
    nu: Date,
    termijnen: TermijnEntity[],
  ): VolgendeGebeurtenisDto[] {
    const { stand, volgendeEvents: types } = this.engine.mogelijkOp(
      k,
      termijnen.filter((t) => t.status === 'lopend'),
      nu.toISOString(),
    );
    if (regime?.controles) return regime.controles.volgendeGebeurtenissen(stand.snapshot, types);
    return types.filter((t) => !SYSTEEM_GEBEURTENISSEN.has(t)).map((type) => ({ type, omschrijving: omschrijvingVan(type), data: [] }));
  }

  private view(k: KlachtEntity, termijnen: TermijnEntity[], laat: Set<string>, nu: Date): KlachtViewDto {
    const regime = this.regime(k);
    const controles = regime?.controles;
    return {
      id: k.id,
      gemeente: k.gemeente,
      definitieId: k.definitieId,
      definitieVersie: k.definitieVersie,
      state: k.state,
      done: k.done,
      version: k.version,
      soort: k.soort,
      kanaal: k.kanaal,
      ontvangenOp: k.ontvangenOp.toISOString(),
      ingediendBij: k.ingediendBij,
      onderwerp: k.onderwerp,
      aanbieders: k.aanbieders,
      categorie: k.categorie,
      oorzaak: k.oorzaak,
      afdoening: k.afdoening,
      oordeel: k.oordeel,
      tevredenheid: k.tevredenheid,
      maatregelen: k.maatregelen,
      feiten: k.feiten as Record<string, unknown>,
      volgendeEvents: this.volgendeEvents(k, regime, nu, termijnen),
      registratieWaarden: controles?.registratieLijsten() ?? null,
      teLaat: laat.has(k.id),
      termijnen: termijnen.map((t): TermijnViewDto => ({
        naam: t.naam,
        label: t.label,
        vervaldatum: t.vervaldatum,
        vervaltOp: t.vervaltOp.toISOString(),
        uitleg: t.uitleg,
        status: t.status,
        revision: t.revision,
        herinneringen: t.herinneringen,
        escalatieNaar: t.escalatieNaar,
        grondslag: t.grondslag,
        mutaties: t.mutaties,
        verplichting: t.verplichting,
        voor: t.voor ?? null,
        geslotenOp: t.geslotenOp ? t.geslotenOp.toISOString() : null,
        overdue: laat.has(t.id),
      })),
      createdAt: k.createdAt.toISOString(),
      updatedAt: k.updatedAt.toISOString(),
    };
  }

  private gebeurtenisView(g: KlachtGebeurtenisEntity): GebeurtenisViewDto {
    return {
      id: String(g.id),
      type: g.type,
      vanState: g.vanState,
      naarState: g.naarState,
      actor: g.actor,
      at: g.at.toISOString(),
      correlationId: g.correlationId,
      payload: g.payload,
    };
  }
}
