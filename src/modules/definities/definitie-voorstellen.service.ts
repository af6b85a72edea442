import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { KLOK, type Klok, vandaagVan } from '../../common/klok';
import { ProblemException } from '../../common/problem';
import type { DefinitionError } from '../../machines/contract';
import { persoonVan, vierOgen, vierOgenPersoon } from '../auth/medewerker.service';
import type { Tenant } from '../auth/tenant';
import { DefinitieVersieEntity } from './definitie-versie.entity';
import { DefinitieVoorstelEntity, DefinitieVoorstelStapEntity, type VoorstelStatus } from './definitie-voorstel.entity';
import { DefinitiesService, type GesplitsteDag, type TerugwerkendeKracht } from './definities.service';

/** The advisory lock (pg_advisory_xact_lock) that serialises approvals, i.e. the publication of definition versions. */
const PUBLICATIE_LOCK = 7_240_517_003;

/** A definition error with its `file:line:column: message` line, as every definitions endpoint shows it. */
export function metTekst(e: DefinitionError): DefinitionError & { tekst: string } {
  return { ...e, tekst: `${e.file}:${e.line}:${e.column}: ${e.ernst === 'waarschuwing' ? 'waarschuwing: ' : ''}${e.message}` };
}

function ongeldig(fouten: DefinitionError[], wat: string): ProblemException {
  if (fouten.some((f) => /bestaat al en verandert niet meer/.test(f.message))) {
    const f = fouten.find((x) => /bestaat al en verandert niet meer/.test(x.message))!;
    return ProblemException.conflict('definitie-versie-bestaat', 'Versie bestaat al', f.message, { fouten: fouten.map(metTekst) });
  }
  return new ProblemException({
    status: 422,
    code: 'definitie-ongeldig',
    title: 'De definitie is ongeldig',
    detail: `${fouten.length} fout(en): ${fouten
      .slice(0, 3)
      .map((f) => metTekst(f).tekst)
      .join('; ')}${fouten.length > 3 ? '; …' : ''}. ${wat}`,
    extensions: { fouten: fouten.map(metTekst) },
  });
}

/** Postgres unique_violation: the partial index allows one open proposal per version. */
function isUniekFout(e: unknown): boolean {
  return (
    (e as { code?: string; driverError?: { code?: string } })?.code === '23505' ||
    (e as { driverError?: { code?: string } })?.driverError?.code === '23505'
  );
}

export interface VoorstelMetStappen {
  voorstel: DefinitieVoorstelEntity;
  stappen: DefinitieVoorstelStapEntity[];
  /**
   * Open: what approving it today would do (geldigVanaf before today), so the approver sees it first. Approved: the
   * terugwerkende kracht the approver confirmed (the goedgekeurd step's record).
   */
  terugwerkendeKracht?: TerugwerkendeKracht;
  /**
   * Open: whether approving it now splits today's klachten over two versions (GesplitsteDag). The approval's answer: as
   * at the approval (also kept as a warning in the proposal's waarschuwingen). Otherwise absent.
   */
  gesplitsteDag?: GesplitsteDag;
}

/** The prefix of the warning below. */
const GESPLITST = 'klachten van de dag van goedkeuring op twee versies: ';

/**
 * The warning an approval keeps in the proposal's waarschuwingen when it split the day's klachten over two versions: at
 * the geldigVanaf line, as the validation marks terugwerkende kracht.
 */
function gesplitsteDagWaarschuwing(v: DefinitieVoorstelEntity, g: GesplitsteDag): DefinitionError {
  const regels = v.yaml.split('\n');
  const regel = regels.findIndex((r) => /^geldigVanaf\s*:/.test(r)) + 1 || 1;
  const waarde = /^geldigVanaf\s*:\s*/.exec(regels[regel - 1] ?? '');
  return {
    file: `${v.definitieId}/${v.versie}.yaml`,
    line: regel,
    column: waarde ? waarde[0].length + 1 : 1,
    ernst: 'waarschuwing',
    message: `${GESPLITST}${g.melding}`,
    hint: 'laat een versie ingaan op een dag waarop nog geen klachten zijn geregistreerd als de klachten van één dag op één versie moeten lopen, of zet de eerdere klachten van die dag over met een versiemigratie (docs/definities.md)',
  };
}

/** 422 terugwerkende-kracht: the approval of a version from a past day, not confirmed; nothing is published. */
function terugwerkendeKrachtProbleem(t: TerugwerkendeKracht): ProblemException {
  return new ProblemException({
    status: 422,
    code: 'terugwerkende-kracht',
    title: 'De versie werkt terug',
    detail: `${t.melding.charAt(0).toUpperCase()}${t.melding.slice(1)}. Keur haar alleen goed als dat de klager niet benadeelt (rechtszekerheid), met terugwerkendeKrachtBevestigd: true; of laat een versie voorstellen die vandaag of later ingaat. Er is niets gepubliceerd.`,
    invalidParams: [
      {
        name: 'geldigVanaf',
        reason: `${t.van} ligt vóór de dag van goedkeuring (${t.vandaag}): de versie werkt terug over ${t.dagen} ${t.dagen === 1 ? 'dag' : 'dagen'}`,
      },
      { name: 'terugwerkendeKrachtBevestigd', reason: 'moet true zijn om een versie met terugwerkende kracht goed te keuren' },
    ],
    extensions: { terugwerkendeKracht: t },
  });
}

/**
 * 4-ogen publishing (Uitgangspunten klachtenmanagement Sociaal Domein §1D, het vier-ogenprincipe): a beleidsmedewerker
 * proposes a version (fully validated, not served); another beleidsmedewerker of the same gemeente approves it — then
 * it becomes a definitie_versie, in force from its geldigVanaf — or rejects it with a reason. The proposer can never
 * approve their own proposal. Every step is a definitie_voorstel_stap row: who (subject and name), when (the service
 * clock), why.
 */
@Injectable()
export class DefinitieVoorstellenService {
  constructor(
    private readonly definities: DefinitiesService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(KLOK) private readonly klok: Klok,
  ) {}

  /** The name of the caller's key at this moment (kept in the trail: a key may be revoked later). */
  private async naamVan(subject: string): Promise<string> {
    const id = /^api-sleutel:([0-9a-f-]{36})$/i.exec(subject)?.[1];
    if (id) {
      const rows = (await this.dataSource.query('select naam from api_sleutel where id = $1', [id])) as Array<{ naam: string }>;
      if (rows[0]) return rows[0].naam;
    }
    return subject.startsWith('oidc:') ? `medewerker ${subject.slice(5)}` : subject;
  }

  private async stap(
    m: EntityManager,
    v: DefinitieVoorstelEntity,
    stap: VoorstelStatus,
    tenant: Tenant,
    op: Date,
    reden: string | null,
    terugwerkendeKracht: TerugwerkendeKracht | null = null,
  ) {
    await m.getRepository(DefinitieVoorstelStapEntity).insert({
      voorstelId: v.id,
      gemeente: v.gemeente,
      definitieId: v.definitieId,
      versie: v.versie,
      stap,
      door: tenant.subject,
      doorNaam: await this.naamVan(tenant.subject),
      op,
      reden,
      terugwerkendeKracht,
    });
  }

  /** See VoorstelMetStappen.terugwerkendeKracht. */
  private async metTerugwerkendeKracht(
    voorstel: DefinitieVoorstelEntity,
    stappen: DefinitieVoorstelStapEntity[],
  ): Promise<VoorstelMetStappen> {
    const goedgekeurd = stappen.find((s) => s.stap === 'goedgekeurd')?.terugwerkendeKracht;
    const open =
      voorstel.status === 'voorgesteld' && voorstel.geldigVanaf < vandaagVan(this.klok)
        ? await this.definities.terugwerkendeKracht(voorstel.yaml, voorstel.gemeente)
        : undefined;
    const terugwerkendeKracht = goedgekeurd ?? open;
    const gesplitsteDag =
      voorstel.status === 'voorgesteld' ? await this.definities.gesplitsteDag(voorstel.yaml, voorstel.gemeente) : undefined;
    return { voorstel, stappen, ...(terugwerkendeKracht ? { terugwerkendeKracht } : {}), ...(gesplitsteDag ? { gesplitsteDag } : {}) };
  }

  /**
   * Proposes a version. The full validation (schema, references, graph, legal lint) must pass; nothing is served.
   * `definitieId` (from the path) must be the definition the YAML belongs to; absent = derived from the YAML.
   */
  async stelVoor(yaml: string, tenant: Tenant, definitieId?: string): Promise<VoorstelMetStappen> {
    // The proposer is the first of two people (vier ogen): a key issued without a person cannot propose.
    await vierOgenPersoon(this.dataSource, tenant, 'een versie voorstellen');
    const u = await this.definities.valideer(yaml, tenant.gemeente);
    if (definitieId !== undefined && u.definitieId !== definitieId) {
      u.fouten.unshift({
        file: `${u.definitieId}/${u.versie ?? 'upload'}.yaml`,
        line: 1,
        column: 1,
        message: `deze tekst hoort bij definitie ${u.definitieId}, niet bij ${definitieId}`,
        hint: `stel hem voor bij /definities/${u.definitieId}/voorstellen`,
      });
    }
    if (u.fouten.length > 0 || !u.versie) throw ongeldig(u.fouten, 'Er is niets opgeslagen.');
    const nu = this.klok.nu();
    try {
      const gemaakt = await this.dataSource.transaction(async (m) => {
        const voorstel = m.getRepository(DefinitieVoorstelEntity).create({
          definitieId: u.definitieId,
          versie: u.versie!,
          gemeente: tenant.gemeente,
          geldigVanaf: this.definities.geldigVanafVan(yaml),
          yaml,
          waarschuwingen: u.waarschuwingen,
          status: 'voorgesteld',
          voorgesteldDoor: tenant.subject,
          voorgesteldOp: nu,
          beoordeeldDoor: null,
          beoordeeldOp: null,
          reden: null,
        });
        await m.getRepository(DefinitieVoorstelEntity).insert(voorstel);
        await this.stap(m, voorstel, 'voorgesteld', tenant, nu, null);
        return { voorstel, stappen: await this.stappenVan(m, voorstel.id) };
      });
      // The proposer sees at once what approving it today would mean (also in its waarschuwingen).
      return await this.metTerugwerkendeKracht(gemaakt.voorstel, gemaakt.stappen);
    } catch (e) {
      if (isUniekFout(e))
        throw ProblemException.conflict(
          'voorstel-bestaat',
          'Er ligt al een voorstel voor deze versie',
          `Voor versie ${u.versie} van ${u.definitieId} ligt al een voorstel dat nog niet is beoordeeld. Laat dat eerst goedkeuren of afwijzen, of geef deze tekst een nieuwe versie.`,
        );
      throw e;
    }
  }

  private async stappenVan(m: EntityManager, voorstelId: string): Promise<DefinitieVoorstelStapEntity[]> {
    return m.getRepository(DefinitieVoorstelStapEntity).find({ where: { voorstelId }, order: { id: 'ASC' } });
  }

  async lijst(tenant: Tenant, definitieId: string, status?: VoorstelStatus): Promise<VoorstelMetStappen[]> {
    const voorstellen = await this.dataSource.getRepository(DefinitieVoorstelEntity).find({
      where: { gemeente: tenant.gemeente, definitieId, ...(status ? { status } : {}) },
      order: { voorgesteldOp: 'DESC', id: 'ASC' },
    });
    if (voorstellen.length === 0) return [];
    const stappen = await this.dataSource
      .getRepository(DefinitieVoorstelStapEntity)
      .createQueryBuilder('s')
      .where('s.voorstel_id IN (:...ids)', { ids: voorstellen.map((v) => v.id) })
      .orderBy('s.id', 'ASC')
      .getMany();
    return Promise.all(
      voorstellen.map((voorstel) =>
        this.metTerugwerkendeKracht(
          voorstel,
          stappen.filter((s) => s.voorstelId === voorstel.id),
        ),
      ),
    );
  }

  async een(tenant: Tenant, definitieId: string, voorstelId: string): Promise<VoorstelMetStappen> {
    const voorstel = await this.dataSource
      .getRepository(DefinitieVoorstelEntity)
      .findOne({ where: { id: voorstelId, gemeente: tenant.gemeente, definitieId } });
    if (!voorstel)
      throw ProblemException.notFound(`Geen voorstel ${voorstelId} bij ${definitieId} voor ${tenant.gemeente}.`, 'voorstel-niet-gevonden');
    return this.metTerugwerkendeKracht(voorstel, await this.stappenVan(this.dataSource.manager, voorstel.id));
  }

  /** The audit trail of a definition: every step of every proposal, oldest first. */
  async stappen(tenant: Tenant, definitieId: string): Promise<DefinitieVoorstelStapEntity[]> {
    return this.dataSource
      .getRepository(DefinitieVoorstelStapEntity)
      .find({ where: { gemeente: tenant.gemeente, definitieId }, order: { id: 'ASC' } });
  }

  /**
   * Locks the open proposal for a decision. 404 when it is not this gemeente's, 409 when it was decided already,
   * 403 when the caller is the person who proposed it, or either is no person (vierOgen: the same person cannot be both
   * pairs of eyes, whatever key or login they use).
   */
  private async open(
    m: EntityManager,
    tenant: Tenant,
    definitieId: string,
    voorstelId: string,
    wat: string,
    afwijzen = false,
  ): Promise<DefinitieVoorstelEntity> {
    const v = await m
      .getRepository(DefinitieVoorstelEntity)
      .createQueryBuilder('v')
      .setLock('pessimistic_write')
      .where('v.id = :voorstelId AND v.gemeente = :gemeente AND v.definitie_id = :definitieId', {
        voorstelId,
        gemeente: tenant.gemeente,
        definitieId,
      })
      .getOne();
    if (!v)
      throw ProblemException.notFound(`Geen voorstel ${voorstelId} bij ${definitieId} voor ${tenant.gemeente}.`, 'voorstel-niet-gevonden');
    if (v.status !== 'voorgesteld')
      throw ProblemException.conflict(
        'voorstel-al-beoordeeld',
        'Het voorstel is al beoordeeld',
        `Dit voorstel is al ${v.status}; een beoordeling verandert niet meer. Stel zo nodig een nieuwe versie voor.`,
      );
    // A proposal of a key that names no person (made before keys named their medewerker) can be approved by nobody:
    // whether the approver is someone else cannot be told. Rejecting it publishes nothing, so any medewerker may, and
    // the version number is free again for a proposal of a person (else it stays blocked by the open proposal).
    if (afwijzen && (await persoonVan(m, v.voorgesteldDoor)) === undefined) {
      await vierOgenPersoon(m, tenant, `dit voorstel ${wat}`);
      return v;
    }
    // Vier ogen between people, not keys: the proposer with another key or an OIDC login is still the proposer.
    await vierOgen(m, v.voorgesteldDoor, tenant, {
      status: 403,
      eerste: 'wie het voorstel deed',
      wat: `dit voorstel ${wat}`,
      titel: 'U kunt uw eigen voorstel niet beoordelen',
      ander: 'een andere beleidsmedewerker',
    });
    return v;
  }

  /**
   * Approves: the version is published (definitie_versie) and served from its geldigVanaf, exactly as publishing was.
   * A geldigVanaf before today (the service clock's Dutch calendar day) is terugwerkende kracht: refused (422) unless
   * the approver confirms it (`bevestigd`), and then recorded in the goedgekeurd step (rechtszekerheid).
   */
  async keurGoed(tenant: Tenant, definitieId: string, voorstelId: string, bevestigd = false): Promise<VoorstelMetStappen> {
    const nu = this.klok.nu();
    // READ COMMITTED, whatever the server's default: the validation after the lock must read the versions the previous
    // holder published; under REPEATABLE READ its snapshot predates the wait and the lock would prove nothing.
    const uit = await this.dataSource.transaction('READ COMMITTED', async (m) => {
      // One approval at a time (every gemeente: a herindeling ties the versions of two): the validation below reads the
      // served versions as committed, so two proposals of one gemeente approved at the same moment would each pass it
      // without the other, and both be published though together they are refused (one regeling per day, no overlap:
      // docs/definities.md). The lock holds to the commit, so the second approval judges the first's version.
      await m.query('SELECT pg_advisory_xact_lock($1)', [PUBLICATIE_LOCK]);
      const v = await this.open(m, tenant, definitieId, voorstelId, 'goedkeuren');
      // Validated again: since the proposal another version may have been approved that this one now overlaps.
      const u = await this.definities.valideer(v.yaml, tenant.gemeente);
      if (u.fouten.length > 0) throw ongeldig(u.fouten, 'Het voorstel is niet goedgekeurd; er is niets gepubliceerd.');
      // Judged on the approval day, not the day it was proposed: a proposal for the 1st approved on the 3rd works back.
      const vandaag = vandaagVan({ nu: () => nu });
      const terug = await this.definities.terugwerkendeKracht(v.yaml, tenant.gemeente, m, vandaag);
      if (terug && !bevestigd) throw terugwerkendeKrachtProbleem(terug);
      // Allowed, but said: klachten of the approval day registered before it stay on their version, later ones of the
      // same day follow this one. Counted under the lock, so no approval in between; kept with the proposal's warnings.
      const gesplitst = await this.definities.gesplitsteDag(v.yaml, tenant.gemeente, m, vandaag);
      // The unique (definitie_id, versie) index makes a concurrent second publish fail, not overwrite.
      await m.getRepository(DefinitieVersieEntity).insert({
        definitieId: v.definitieId,
        versie: v.versie,
        gemeente: v.gemeente,
        geldigVanaf: v.geldigVanaf,
        yaml: v.yaml,
        gepubliceerdDoor: tenant.subject,
        voorstelId: v.id,
      });
      await m.getRepository(DefinitieVoorstelEntity).update(v.id, {
        status: 'goedgekeurd',
        beoordeeldDoor: tenant.subject,
        beoordeeldOp: nu,
        ...(gesplitst
          ? {
              waarschuwingen: [
                ...(v.waarschuwingen ?? []).filter((w) => !w.message.startsWith(GESPLITST)),
                gesplitsteDagWaarschuwing(v, gesplitst),
              ],
            }
          : {}),
      });
      await this.stap(m, v, 'goedgekeurd', tenant, nu, null, terug ?? null);
      return { id: v.id, gesplitst };
    });
    await this.definities.verversAlsNodig();
    const goedgekeurd = await this.een(tenant, definitieId, uit.id);
    return uit.gesplitst ? { ...goedgekeurd, gesplitsteDag: uit.gesplitst } : goedgekeurd;
  }

  async wijsAf(tenant: Tenant, definitieId: string, voorstelId: string, reden: string): Promise<VoorstelMetStappen> {
    const nu = this.klok.nu();
    await this.dataSource.transaction(async (m) => {
      const v = await this.open(m, tenant, definitieId, voorstelId, 'afwijzen', true);
      await m
        .getRepository(DefinitieVoorstelEntity)
        .update(v.id, { status: 'afgewezen', beoordeeldDoor: tenant.subject, beoordeeldOp: nu, reden });
      await this.stap(m, v, 'afgewezen', tenant, nu, reden);
    });
    return this.een(tenant, definitieId, voorstelId);
  }
}
