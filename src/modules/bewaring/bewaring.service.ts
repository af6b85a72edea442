import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { KLOK, type Klok, vandaagVan } from '../../common/klok';
import { ProblemException } from '../../common/problem';
import type { Regime } from '../../machines';
import { gemeentenVan, opvolgerVan } from '../../machines/definition/gemeentecodes.data';
import { type BewaarHistorie, vernietigbaarVanaf } from '../../machines/definition/bewaring';
import { kalenderdag } from '../../machines/termijnen';
import { persoonVan, vierOgen, vierOgenPersoon } from '../auth/medewerker.service';
import type { Tenant } from '../auth/tenant';
import { DossierService } from '../dossier/dossier.service';
import { REGIME_BRON, type RegimeBron } from '../engine/regime-bron';
import { OMBUDSMAN_EVENTS } from '../klacht-acties/klacht-acties.service';
import type { OmbudsmanVerzoekSoort } from '../klacht-acties/klacht-koppeling.entity';
import { KlachtEntity } from '../klachten/klacht.entity';
import { GRONDSLAG_BLIJVEND, selectielijstRij, type SelectielijstUitkomst } from './selectielijst';
import {
  BewaarBlokkadeEntity,
  BewaarHandelingEntity,
  BlijvendBewarenEntity,
  type BewaarMaatregel,
  VernietigingslijstEntity,
  VernietigingslijstRegelEntity,
  type Aantallen,
  type RegelStatus,
} from './vernietigingslijst.entity';

/**
 * Failed attempts after which an outbox row no longer postpones its klacht's destruction (outboxBezwaar). The relay
 * waits 2, 4, 8 … seconds between attempts, at most an hour (OutboxRelay), so 168 attempts is about a week of failing:
 * longer than a receiver or register is normally down, far shorter than "for ever".
 */
export const OUTBOX_OPGEGEVEN_NA = 168;

/** Who draws up the daily job's lists (opgesteldDoor): not a person, so such a list needs a person's signature first. */
export const SYSTEEM = 'klachtregie';

export const kenmerkVan = (klachtId: string): string => createHash('sha256').update(klachtId).digest('hex');

/**
 * Tables that refer to a klacht by a column of their own without a foreign key, besides those that cascade from `klacht`.
 * klacht_koppeling has foreign keys (migration KlachtKoppelingSleutels): a sub-klacht's link cascades, and a hoofdklacht
 * is only removed once no sub-klacht links to it (vernietig).
 */
const VERWIJZINGEN: ReadonlyArray<{ tabel: string; kolom: string }> = [
  { tabel: 'outbox', kolom: 'klacht_id' },
  { tabel: 'dossier_inzage', kolom: 'klacht_id' },
  { tabel: 'terugkoppeling', kolom: 'klacht_id' },
  { tabel: 'webhook_aflevering', kolom: 'klacht_id' },
];

/**
 * Retention (Archiefwet, Selectielijst gemeenten 2020; AVG art. 5 lid 1 sub e): lists the closed klachten
 * whose period has passed, and destroys them only on a second person's approval. Destruction is complete:
 * the content in the DossierOpslag, every row that names the klacht, and the klacht itself; what remains
 * is the proces-verbaal without personal data.
 */
@Injectable()
export class BewaringService {
  private readonly logger = new Logger(BewaringService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REGIME_BRON) private readonly regimes: RegimeBron,
    @Inject(KLOK) private readonly klok: Klok,
    private readonly dossier: DossierService,
  ) {}

  /** The ids of a klacht's dossier as committed now: the klacht and every klacht linked to it, either direction, on through the linked ones. */
  private async dossierIds(m: EntityManager, klachtId: string): Promise<string[]> {
    return (
      (await m.query(
        `WITH RECURSIVE dossier(id) AS (
           SELECT $1::uuid
           UNION
           SELECT CASE WHEN kk.klacht_id = d.id THEN kk.hoofd_klacht_id ELSE kk.klacht_id END
           FROM dossier d JOIN klacht_koppeling kk ON d.id IN (kk.klacht_id, kk.hoofd_klacht_id)
         )
         SELECT id FROM dossier`,
        [klachtId],
      )) as Array<{ id: string }>
    ).map((r) => r.id);
  }

  /**
   * Locks a klacht's dossier for its destruction: the klacht FOR UPDATE, every klacht linked to it FOR SHARE, all in one
   * global order (by id, as VERGRENDEL_SQL in the engine), then reads the links again until no new klacht turns up;
   * returns the dossier's ids. Two destructions of klachten of one dossier (two lists approved at once, or an approval
   * and the daily run) used to take their own klacht first and then the other's: the same rows in opposite order, a
   * deadlock in which PostgreSQL ended one of them (a 500). In one order, the later waits for the earlier at the
   * first row they share. A klacht that turns up only in a later read was linked while we waited (a link is written
   * under its hoofdklacht's lock): a new ombudsman request, still open, which no destruction takes FOR UPDATE; it is
   * locked FOR SHARE after the rest and keeps the dossier (beoordeel). Runs again on a dossier already locked without waiting.
   */
  private async vergrendelDossier(m: EntityManager, klachtId: string): Promise<string[]> {
    const vergrendeld = new Set<string>();
    for (;;) {
      const ids = await this.dossierIds(m, klachtId);
      const nieuw = ids.filter((id) => !vergrendeld.has(id)).sort();
      if (nieuw.length === 0) return ids;
      for (const id of nieuw) await m.query(`SELECT 1 FROM klacht WHERE id = $1 FOR ${id === klachtId ? 'UPDATE' : 'SHARE'}`, [id]);
      for (const id of nieuw) vergrendeld.add(id);
    }
  }

  /**
   * A klacht's dossier: the klacht and every klacht linked to it in klacht_koppeling (either direction, and on through
   * the linked ones), each with its own history, and what each link stands for. An ombudsman request is filed as a
   * klacht of its own (POST /ombudsman-verzoeken); its procedure belongs to the dossier of the klacht it is about.
   *
   * Under `vergrendel` (the destruction: vergrendelDossier) the dossier judged is the dossier as it stands under the locks
   * (Archiefwet 1995: nothing of a dossier is destroyed while one of its klachten is open): the klacht FOR UPDATE, the
   * linked klachten FOR SHARE, and the links read again until no new klacht turns up. A link is only written by a transaction
   * that holds its hoofdklacht FOR UPDATE (an ombudsman request, EngineService.createBij): once every klacht of the
   * dossier is locked, none can be added, and one committed while we waited for a lock is seen by the next read.
   * Reading the ids once before the lock missed a request committed in between, and destroyed a klacht whose dossier then
   * held an open ombudsman klacht.
   */
  private async dossierVan(m: EntityManager, klachtId: string, vergrendel: boolean) {
    const ids = vergrendel ? await this.vergrendelDossier(m, klachtId) : await this.dossierIds(m, klachtId);
    const gekoppeld = ids.filter((id) => id !== klachtId);
    const historie = (await m.query(
      'SELECT klacht_id AS "klachtId", type, naar_state AS "naarState", at FROM klacht_gebeurtenis WHERE klacht_id = ANY($1) AND accepted',
      [ids],
    )) as Array<{ klachtId: string; type: string; naarState: string; at: Date }>;
    const van = (id: string): BewaarHistorie => {
      const h = historie.filter((r) => r.klachtId === id);
      return { gebeurtenissen: h.map((r) => r.type), states: h.map((r) => r.naarState) };
    };
    // The moment of each klacht's last accepted step (afgeslotenOp in beoordeel).
    const laatsteStap = new Map<string, Date>();
    for (const r of historie) {
      const vorige = laatsteStap.get(r.klachtId);
      if (!vorige || r.at > vorige) laatsteStap.set(r.klachtId, r.at);
    }
    // Selectielijst 13.1.3: a mark on any klacht of the dossier keeps all of it (destroying one would take the links with it).
    const blijvend = await m.existsBy(BlijvendBewarenEntity, { klachtId: In(ids) });
    if (gekoppeld.length === 0)
      return { eigen: van(klachtId), gekoppeld: [], geblokkeerd: false, blijvend, dossier: undefined, laatsteStap };
    // Under `vergrendel` every one of them is locked by now: this read is what the destruction judges and no event changes it.
    const klachten = (await m.query('SELECT id, done, state_sinds AS "stateSinds" FROM klacht WHERE id = ANY($1) ORDER BY id', [
      gekoppeld,
    ])) as Array<{ id: string; done: boolean; stateSinds: Date }>;
    const koppelingen = (await m.query('SELECT soort FROM klacht_koppeling WHERE klacht_id = ANY($1) OR hoofd_klacht_id = ANY($1)', [
      ids,
    ])) as Array<{ soort: OmbudsmanVerzoekSoort }>;
    return {
      eigen: van(klachtId),
      gekoppeld: klachten,
      // A hold on one klacht of the dossier keeps the others too: destroying them would take the links with them.
      geblokkeerd: await m.existsBy(BewaarBlokkadeEntity, { klachtId: In(gekoppeld) }),
      blijvend,
      dossier: { gekoppeld: klachten.map((k) => van(k.id)), koppelingen: koppelingen.map((k) => OMBUDSMAN_EVENTS[k.soort]) },
      laatsteStap,
    };
  }

  /**
   * Whether one klacht may be destroyed on `peildatum`, and its retention. The one rule for proposing and for executing
   * a proposal (Archiefwet 1995, Selectielijst gemeenten 2020 categorie 13): the category is the dossier's (13.1.2 when
   * the ombudsman had any part of it), and its period runs from the later end of the dossier's klachten, so a klacht is
   * never destroyed while a klacht linked to it is open, or before ten years after the ombudsman's procedure ended.
   */
  private async beoordeel(
    m: EntityManager,
    k: KlachtEntity | null,
    peildatum: string,
    vergrendel = false,
  ): Promise<
    | { bezwaar: string }
    | {
        bezwaar?: undefined;
        termijn: Extract<SelectielijstUitkomst, { termijn: unknown }>['termijn'] & { afgeslotenOp: string; vanaf: string };
      }
  > {
    if (!k) return { bezwaar: 'de klacht bestaat niet meer' };
    if (!k.done) return { bezwaar: 'de klacht is niet afgesloten' };
    if (await m.existsBy(BewaarBlokkadeEntity, { klachtId: k.id })) return { bezwaar: 'er geldt een bewaarblokkade' };
    const regime = this.regimes.byId(k.definitieId, k.definitieVersie) as Partial<Regime> | undefined;
    const b = regime?.definitie?.bewaartermijnen;
    // A test regime declares none.
    if (!b) return { bezwaar: 'de definitie noemt geen bewaartermijn' };
    const d = await this.dossierVan(m, k.id, vergrendel);
    if (d.gekoppeld.some((g) => !g.done)) return { bezwaar: 'een gekoppelde klacht is niet afgesloten' };
    if (d.geblokkeerd) return { bezwaar: 'er geldt een bewaarblokkade op een gekoppelde klacht' };
    // The row of the Selectielijst (selectielijst.ts): 13.1.3 is kept for ever, so never listed nor destroyed.
    const rij = selectielijstRij(b, d.eigen, d.dossier, d.blijvend);
    if (rij.blijvend) return { bezwaar: `${GRONDSLAG_BLIJVEND}: de klacht had invloed op een blijvend te bewaren zaak (blijvend bewaren)` };
    const termijn = rij.termijn;
    // Closed when its last step was taken: the state's start (state_sinds), or a later step of the history. An act of a
    // termijn's last day registered after the wake-up that closed the klacht is stepped before that wake-up (regime.ts
    // `inhalen`, Awb 9:11 lid 1) and set state_sinds to its own, earlier moment though the wake-up still closed the klacht
    // after it: counted from the act, the period ended a day early. The later of the two, for every klacht of the dossier.
    const afgeslotenOp = [k.stateSinds, ...d.gekoppeld.map((g) => g.stateSinds), ...d.laatsteStap.values()]
      .map((t) => kalenderdag(t.toISOString()))
      .reduce((a, b2) => (b2 > a ? b2 : a));
    const vanaf = vernietigbaarVanaf(afgeslotenOp, termijn.duur);
    if (vanaf > peildatum) return { bezwaar: `de bewaartermijn loopt tot ${vanaf}` };
    return { termijn: { ...termijn, afgeslotenOp, vanaf } };
  }

  private async aantallen(m: EntityManager, klachtId: string): Promise<Aantallen> {
    const [r] = (await m.query(
      `SELECT (SELECT count(*) FROM klacht_gebeurtenis WHERE klacht_id = $1)::int AS gebeurtenissen,
              (SELECT count(*) FROM termijn WHERE klacht_id = $1)::int AS termijnen,
              (SELECT count(*) FROM brief WHERE klacht_id = $1)::int AS brieven,
              (SELECT count(*) FROM dossier_document WHERE klacht_id = $1 AND soort <> 'brief')::int AS documenten`,
      [klachtId],
    )) as Aantallen[];
    return r;
  }

  /**
   * Proposes a vernietigingslijst for a gemeente: every closed klacht past its period, without a hold and
   * not already on a list awaiting approval. Undefined when nothing is due.
   */
  async stelOp(gemeente: string, door: string): Promise<VernietigingslijstEntity | undefined> {
    // A person's list is signed by that person, the first of the two (vier ogen): a key issued without a person is nobody.
    if (door !== SYSTEEM) await vierOgenPersoon(this.dataSource, { subject: door }, 'een vernietigingslijst opstellen');
    // READ COMMITTED, whatever the server's default: after the lock the candidates are read with the lists the previous
    // holder committed; under REPEATABLE READ the snapshot predates the wait and both put the klachten on a list.
    return this.dataSource.transaction('READ COMMITTED', async (m) => {
      // One proposal at a time per gemeente: each worker's daily job runs this, and without the lock two transactions
      // both see no waiting list and put the same klachten on two lists (each needing its own approval).
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`vernietigingslijst:${gemeente}`]);
      const peildatum = vandaagVan(this.klok);
      const kandidaten = await m
        .createQueryBuilder(KlachtEntity, 'k')
        // The successor's archive holds the dissolved gemeente's klachten too (Wet arhi art. 40 e.v.; Archiefwet).
        .where('k.gemeente = ANY(:gemeenten) AND k.done = true', { gemeenten: gemeentenVan(gemeente, peildatum) })
        .andWhere('NOT EXISTS (SELECT 1 FROM bewaar_blokkade b WHERE b.klacht_id = k.id)')
        .andWhere(
          // Nor one whose approved destruction was postponed: the daily run carries out that approval (vernietigUitgestelde).
          `NOT EXISTS (SELECT 1 FROM vernietigingslijst_regel r JOIN vernietigingslijst l ON l.id = r.lijst_id
                       WHERE r.klacht_id = k.id AND (l.status = 'voorgesteld' OR r.status = 'uitgesteld'))`,
        )
        .orderBy('k.state_sinds', 'ASC')
        .getMany();
      const regels: Array<Omit<VernietigingslijstRegelEntity, 'id' | 'lijstId' | 'lijst'>> = [];
      for (const k of kandidaten) {
        const b = await this.beoordeel(m, k, peildatum);
        if (b.bezwaar !== undefined) continue;
        const t = b.termijn;
        regels.push({
          klachtId: k.id,
          kenmerk: kenmerkVan(k.id),
          categorie: t.categorie,
          grondslag: t.grondslag,
          bewaartermijn: t.duur,
          afgeslotenOp: t.afgeslotenOp,
          vernietigbaarVanaf: t.vanaf,
          aantallen: await this.aantallen(m, k.id),
          status: 'voorgesteld',
          reden: null,
          vernietigdOp: null,
        });
      }
      if (regels.length === 0) return undefined;
      const nu = this.klok.nu();
      const lijst: VernietigingslijstEntity = {
        id: randomUUID(),
        gemeente,
        status: 'voorgesteld',
        peildatum,
        opgesteldOp: nu,
        opgesteldDoor: door,
        // A person who draws a list up signs it by doing so; the daily job's list waits for a person's signature (onderteken).
        ondertekendDoor: door === SYSTEEM ? null : door,
        ondertekendOp: door === SYSTEEM ? null : nu,
        goedgekeurdDoor: null,
        goedgekeurdRol: null,
        uitgevoerdOp: null,
      };
      await m.insert(VernietigingslijstEntity, lijst);
      await m.insert(
        VernietigingslijstRegelEntity,
        regels.map((r) => ({ ...r, lijstId: lijst.id })),
      );
      return lijst;
    });
  }

  /**
   * Every gemeente that has closed klachten (the daily job): a dissolved gemeente's go on its successor's list, whose
   * people can see and approve it (Wet arhi art. 40 e.v.).
   */
  async stelOpVoorAlleGemeenten(): Promise<VernietigingslijstEntity[]> {
    const codes = (await this.dataSource.query('SELECT DISTINCT gemeente FROM klacht WHERE done ORDER BY gemeente')) as Array<{
      gemeente: string;
    }>;
    const dag = vandaagVan(this.klok);
    const gemeenten = [...new Set(codes.map((c) => opvolgerVan(c.gemeente, dag)))].sort();
    const lijsten: VernietigingslijstEntity[] = [];
    for (const gemeente of gemeenten) {
      const l = await this.stelOp(gemeente, SYSTEEM);
      if (l) lijsten.push(l);
    }
    return lijsten;
  }

  async lijst(gemeente: string, id: string): Promise<{ lijst: VernietigingslijstEntity; regels: VernietigingslijstRegelEntity[] }> {
    const lijst = await this.dataSource.getRepository(VernietigingslijstEntity).findOneBy({ id, gemeente: In(this.archiefVan(gemeente)) });
    if (!lijst) throw ProblemException.notFound(`Vernietigingslijst ${id} bestaat niet.`, 'vernietigingslijst-niet-gevonden');
    const regels = await this.dataSource
      .getRepository(VernietigingslijstRegelEntity)
      .find({ where: { lijstId: id }, order: { id: 'ASC' } });
    if (lijst.status === 'voorgesteld') await this.bezwarenNu(regels);
    return { lijst, regels };
  }

  /**
   * A waiting list as the approver reads it: each proposed row judged again on today (beoordeel, the rule the approval
   * applies), and one that would now be skipped says why in its `reden`, not written (Archiefwet 1995: nothing of a
   * dossier is destroyed, nor presented as destroyable, while a later step reopened it or a second line runs). A list is
   * drawn up on one day and approved on another: in between the klacht may be reopened (a request to the ombudsman of
   * the last day of the klager's year, registered after the wake-up that closed it: Awb 9:24 lid 1 sub b, 9:11 lid 1), an
   * ombudsman request about it may come in (Awb 9:31), or a hold may be set. Read in one snapshot.
   */
  private async bezwarenNu(regels: VernietigingslijstRegelEntity[]): Promise<void> {
    const open = regels.filter((r) => r.status === 'voorgesteld' && r.klachtId !== null);
    if (open.length === 0) return;
    const peildatum = vandaagVan(this.klok);
    await this.dataSource.transaction('REPEATABLE READ', async (m) => {
      for (const r of open) {
        const { bezwaar } = await this.beoordeel(m, await m.findOne(KlachtEntity, { where: { id: r.klachtId! } }), peildatum);
        if (bezwaar !== undefined) r.reden = `bij goedkeuring overgeslagen: ${bezwaar}`;
      }
    });
  }

  lijsten(gemeente: string): Promise<VernietigingslijstEntity[]> {
    return this.dataSource
      .getRepository(VernietigingslijstEntity)
      .find({ where: { gemeente: In(this.archiefVan(gemeente)) }, order: { opgesteldOp: 'DESC', id: 'ASC' } });
  }

  /** The lists a gemeente holds: its own and, after a herindeling, those of the gemeente it took over (Archiefwet). */
  private archiefVan(gemeente: string): string[] {
    return gemeentenVan(gemeente, vandaagVan(this.klok));
  }

  /**
   * Signs a list the daily job drew up (vier-ogenprincipe, Archiefwet 1995 art. 3 with the Selectielijst gemeenten 2020:
   * a person answers for the list): its first person, whom the approval then needs to differ from. The job is not a
   * person; before, its lists needed one approval only, so one beheerder destroyed klachten alone. Signed once: by whoever
   * drew it up (a person's list) or the first to sign; the same person again changes nothing, another gets 409.
   */
  async onderteken(tenant: Tenant, id: string): Promise<{ lijst: VernietigingslijstEntity; regels: VernietigingslijstRegelEntity[] }> {
    const { lijst } = await this.lijst(tenant.gemeente, id);
    this.wachtend(lijst);
    const persoon = await vierOgenPersoon(this.dataSource, tenant, 'een vernietigingslijst ondertekenen');
    // A signature with a key that names no person (given before keys named their medewerker) is nobody's: no approval
    // can follow it (vierOgen), so a medewerker signs in its place, as for the job's list, and the list is not stuck.
    const niemands =
      lijst.ondertekendDoor !== null && (await persoonVan(this.dataSource, lijst.ondertekendDoor)) === undefined
        ? lijst.ondertekendDoor
        : null;
    // Only while unsigned (or signed by nobody): two people signing at once, one of them wins and the other is told who.
    await this.dataSource
      .createQueryBuilder()
      .update(VernietigingslijstEntity)
      .set({ ondertekendDoor: tenant.subject, ondertekendOp: this.klok.nu() })
      .where("id = :id AND status = 'voorgesteld' AND (ondertekend_door IS NULL OR ondertekend_door = :niemands)", { id, niemands })
      .execute();
    const na = await this.lijst(tenant.gemeente, id);
    this.wachtend(na.lijst);
    // The signer again, also with another key or login: one person, nothing changes.
    if (na.lijst.ondertekendDoor === null || (await persoonVan(this.dataSource, na.lijst.ondertekendDoor)) !== persoon)
      throw ProblemException.conflict(
        'vernietigingslijst-ondertekend',
        'Vernietigingslijst al ondertekend',
        `Deze lijst is al ondertekend door ${na.lijst.ondertekendDoor}; zij wacht op de goedkeuring van een ander.`,
      );
    return na;
  }

  private wachtend(lijst: VernietigingslijstEntity): void {
    if (lijst.status !== 'voorgesteld')
      throw ProblemException.conflict(
        'vernietigingslijst-afgehandeld',
        'Vernietigingslijst al uitgevoerd',
        `Deze lijst is op ${lijst.uitgevoerdOp?.toISOString()} uitgevoerd.`,
      );
  }

  /**
   * Approves and executes a list (vier-ogenprincipe: two people, Archiefwet 1995 art. 3). The list's first person is who
   * drew it up or, for the daily job's list, who signed it (onderteken); a job's list that nobody signed is refused
   * (409 ondertekening-nodig), and so is the approval by its first person, with whatever key or login (409 vier-ogen;
   * vierOgen compares people: a key issued without a person neither signs nor approves). Each klacht is checked
   * again and destroyed in its own transaction; one that became ineligible (reopened, a hold) is skipped
   * with the reason, one whose outbox rows are not all handled yet is postponed to the daily run (uitgesteld, with
   * the reason). Returns the proces-verbaal.
   */
  async keurGoed(tenant: Tenant, id: string): Promise<{ lijst: VernietigingslijstEntity; regels: VernietigingslijstRegelEntity[] }> {
    const { lijst } = await this.lijst(tenant.gemeente, id);
    this.wachtend(lijst);
    if (lijst.ondertekendDoor === null) {
      throw ProblemException.conflict(
        'ondertekening-nodig',
        'Eerst ondertekenen',
        'De dagelijkse taak stelde deze lijst op; een bevoegde medewerker ondertekent haar eerst (POST /vernietigingslijsten/{id}/ondertekening) en een ander keurt haar goed (vier-ogenprincipe).',
      );
    }
    if ((await persoonVan(this.dataSource, lijst.ondertekendDoor)) === undefined) {
      throw ProblemException.conflict(
        'ondertekening-nodig',
        'Opnieuw ondertekenen',
        `Deze lijst is ondertekend met een sleutel die op naam van geen medewerker staat (${lijst.ondertekendDoor}); een bevoegde medewerker ondertekent haar opnieuw (POST /vernietigingslijsten/{id}/ondertekening) en een ander keurt haar goed (vier-ogenprincipe). Er is niets gewijzigd.`,
      );
    }
    // Vier ogen between people, not keys (vierOgen): whoever drew the list up or signed it, with any key or login. Who
    // drew it up with a key that names no person (before keys named their medewerker) counts as the job does: the
    // signer is the list's first person.
    const opsteller =
      lijst.opgesteldDoor === SYSTEEM || (await persoonVan(this.dataSource, lijst.opgesteldDoor)) === undefined
        ? []
        : [lijst.opgesteldDoor];
    for (const eerste of new Set([lijst.ondertekendDoor, ...opsteller]))
      await vierOgen(this.dataSource, eerste, tenant, {
        status: 409,
        eerste: 'wie de vernietigingslijst opstelde of ondertekende',
        wat: 'haar goedkeuren',
        titel: 'Goedkeuring door een ander nodig',
      });
    const peildatum = vandaagVan(this.klok);
    const regels = await this.dataSource
      .getRepository(VernietigingslijstRegelEntity)
      .find({ where: { lijstId: id, status: 'voorgesteld' }, order: { id: 'ASC' } });
    for (const regel of await this.verzoekenEerst(regels)) await this.voerUit(regel.id, peildatum);
    await this.dataSource
      .getRepository(VernietigingslijstEntity)
      .update({ id }, { status: 'uitgevoerd', goedgekeurdDoor: tenant.subject, goedgekeurdRol: tenant.rol, uitgevoerdOp: this.klok.nu() });
    this.logger.log(`Vernietigingslijst ${id} (${tenant.gemeente}) uitgevoerd op goedkeuring van ${tenant.subject}`);
    return this.lijst(tenant.gemeente, id);
  }

  /**
   * The daily run (BewaringPlanning): every approved destruction that was postponed is tried again, judged again on
   * today, requests before the klacht they are about, otherwise in the order listed. The approval stands; what changed since (reopened, a hold, a new open klacht in
   * the dossier) skips it with the reason, as at the approval. Returns how many klachten it destroyed.
   */
  async vernietigUitgestelde(): Promise<number> {
    const peildatum = vandaagVan(this.klok);
    const regels = await this.dataSource
      .getRepository(VernietigingslijstRegelEntity)
      .find({ where: { status: 'uitgesteld' }, order: { id: 'ASC' } });
    let vernietigd = 0;
    for (const regel of await this.verzoekenEerst(regels)) if ((await this.voerUit(regel.id, peildatum)) === 'vernietigd') vernietigd++;
    if (regels.length) this.logger.log(`Uitgestelde vernietigingen: ${vernietigd} van ${regels.length} uitgevoerd`);
    return vernietigd;
  }

  /**
   * The rows in the order their klachten can be destroyed: an ombudsman request (a sub-klacht) before the klacht it is
   * about, deepest first, otherwise in list order. A hoofdklacht is not removed while a link to it stands (klacht_koppeling's
   * foreign key: a dossier is destroyed together, from its requests up).
   */
  private async verzoekenEerst(regels: VernietigingslijstRegelEntity[]): Promise<VernietigingslijstRegelEntity[]> {
    const ids = regels.map((r) => r.klachtId).filter((id): id is string => id !== null);
    if (ids.length === 0) return regels;
    const rijen = (await this.dataSource.query(
      `WITH RECURSIVE keten(klacht, stap, diepte) AS (
         SELECT id, id, 0 FROM unnest($1::uuid[]) AS id
         UNION ALL
         SELECT keten.klacht, kk.hoofd_klacht_id, keten.diepte + 1
         FROM keten JOIN klacht_koppeling kk ON kk.klacht_id = keten.stap
         WHERE keten.diepte < 100
       )
       SELECT klacht AS id, max(diepte)::int AS diepte FROM keten GROUP BY klacht`,
      [ids],
    )) as Array<{ id: string; diepte: number }>;
    const diepte = new Map(rijen.map((r) => [r.id, r.diepte]));
    const van = (r: VernietigingslijstRegelEntity) => (r.klachtId === null ? 0 : (diepte.get(r.klachtId) ?? 0));
    // Array.prototype.sort is stable: list order within one depth.
    return [...regels].sort((a, b) => van(b) - van(a));
  }

  /**
   * One approved row, in a transaction of its own: the klacht locked FOR UPDATE, judged again (beoordeel, its dossier
   * under the locks), then destroyed, or skipped or postponed with the reason. The row is locked first and handled only
   * while it waits (voorgesteld, uitgesteld): an approval and the daily run, or two approvals at once, never handle it
   * twice (before, the second found the klacht gone and overwrote 'vernietigd' with 'overgeslagen'). Content goes first
   * (vernietig): a crash after that leaves the rows and this row waiting, and the next attempt removes them. Returns the
   * row's status.
   */
  private async voerUit(regelId: string, peildatum: string): Promise<RegelStatus | undefined> {
    return this.dataSource.transaction(async (m) => {
      const [regel] = (await m.query('SELECT klacht_id AS "klachtId", status FROM vernietigingslijst_regel WHERE id = $1 FOR UPDATE', [
        regelId,
      ])) as Array<{ klachtId: string | null; status: RegelStatus }>;
      if (!regel || regel.klachtId === null || (regel.status !== 'voorgesteld' && regel.status !== 'uitgesteld')) return regel?.status;
      const klachtId = regel.klachtId;
      // The whole dossier in id order before anything else of it (vergrendelDossier: two lists sharing a dossier).
      await this.vergrendelDossier(m, klachtId);
      const k = await m.findOne(KlachtEntity, { where: { id: klachtId } });
      const { bezwaar } = await this.beoordeel(m, k, peildatum, true);
      if (bezwaar !== undefined) {
        await m.update(VernietigingslijstRegelEntity, { id: regelId }, { status: 'overgeslagen', reden: bezwaar });
        return 'overgeslagen';
      }
      const uit = await this.vernietig(m, klachtId);
      if (uit.uitstel !== undefined) {
        await m.update(VernietigingslijstRegelEntity, { id: regelId }, { status: 'uitgesteld', reden: uit.uitstel });
        return 'uitgesteld';
      }
      // The moment of this transaction's destruction, by the injected clock: the proces-verbaal's date per klacht.
      await m.update(
        VernietigingslijstRegelEntity,
        { id: regelId },
        { status: 'vernietigd', klachtId: null, reden: uit.vervallen ?? null, vernietigdOp: this.klok.nu() },
      );
      return 'vernietigd';
    });
  }

  /**
   * Why the klacht's outbox rows keep it from being destroyed now, if they do. The outbox relay handles a row inside its
   * own transaction (claim FOR UPDATE SKIP LOCKED, OutboxRelay.drain) while a handler writes what the row asks for on
   * another connection, such as a brief that refers to the klacht (its foreign key needs the klacht's row, which the
   * destruction holds). Waiting for those rows would wait for that handler, which waits for us: a cycle PostgreSQL
   * cannot see, as one side waits in Node. So the rows are taken without waiting (SKIP LOCKED) and counted: a row held
   * by the relay, or one not yet handled (a letter, webhook or wake-up still to come, or failing and waiting for its
   * next attempt), postpones the destruction. Nothing accepted is lost: no letter or webhook is made half for a klacht
   * that is gone, and the klacht is destroyed at a later run once its rows are handled.
   *
   * Except a row the relay has given up on for this purpose (OUTBOX_OPGEGEVEN_NA failed attempts): the relay retries a
   * failing row for ever (at most an hour apart), so such a row kept its klacht `uitgesteld` for ever, past its
   * retention (AVG art. 5 lid 1 sub e; Archiefwet 1995: an approved destruction is carried out). It no longer postpones;
   * it goes with the klacht, and `vervallen` says so for the proces-verbaal. A row that is failing but not yet that often
   * postpones with a reason that says it is failing and how often. The texts name no data of the klacht (they go into
   * the proces-verbaal): the rows' types and attempts, never their payload or error.
   */
  private async outboxBezwaar(m: EntityManager, klachtId: string): Promise<{ uitstel?: string; vervallen?: string }> {
    const genomen = (await m.query(
      'SELECT processed_at IS NULL AS open, attempts, type FROM outbox WHERE klacht_id = $1 FOR UPDATE SKIP LOCKED',
      [klachtId],
    )) as Array<{ open: boolean; attempts: number; type: string }>;
    const [{ alle }] = (await m.query('SELECT count(*)::int AS alle FROM outbox WHERE klacht_id = $1', [klachtId])) as Array<{
      alle: number;
    }>;
    if (alle > genomen.length)
      return {
        uitstel:
          'de outbox verwerkt nu berichten van de klacht (brief, webhook of termijn); de vernietiging volgt bij de volgende dagelijkse run',
      };
    const open = genomen.filter((g) => g.open);
    const wachtend = open.filter((g) => g.attempts < OUTBOX_OPGEGEVEN_NA);
    const opgegeven = open.filter((g) => g.attempts >= OUTBOX_OPGEGEVEN_NA);
    const berichten = (n: number) => `${n} ${n === 1 ? 'bericht' : 'berichten'}`;
    const soorten = (rijen: Array<{ type: string }>) => [...new Set(rijen.map((r) => r.type))].sort().join(', ');
    const mislukt = wachtend.filter((g) => g.attempts > 0);
    if (mislukt.length > 0)
      return {
        uitstel: `${berichten(wachtend.length)} van de klacht in de outbox nog niet verwerkt, waarvan ${mislukt.length} mislukt (${soorten(mislukt)}; ${Math.max(...mislukt.map((g) => g.attempts))} pogingen tot nu); de vernietiging volgt bij de dagelijkse run nadat ze verwerkt zijn, en wacht niet meer op een bericht dat ${OUTBOX_OPGEGEVEN_NA} keer mislukte`,
      };
    if (wachtend.length > 0)
      return {
        uitstel: `${berichten(wachtend.length)} van de klacht in de outbox nog niet verwerkt; de vernietiging volgt bij de dagelijkse run nadat ${wachtend.length === 1 ? 'het is' : 'ze zijn'} verwerkt`,
      };
    if (opgegeven.length > 0)
      return {
        vervallen: `${berichten(opgegeven.length)} van de klacht in de outbox (${soorten(opgegeven)}) ${opgegeven.length === 1 ? 'mislukte' : 'mislukten'} ${OUTBOX_OPGEGEVEN_NA} keer of vaker en ${opgegeven.length === 1 ? 'is' : 'zijn'} zonder verwerking met de klacht vernietigd`,
      };
    return {};
  }

  /**
   * Removes everything of one klacht, in the caller's transaction that holds the klacht FOR UPDATE (the execution of an
   * approved vernietigingslijst; the hand-over at contract end removes nothing): content, referring rows, then the
   * klacht and what cascades from it (its own link too). Returns `uitstel`, the reason, when it must wait (a request
   * linked to it still there, or outboxBezwaar) and then changes nothing: checked before any content is removed, which
   * for an opslag outside PostgreSQL cannot be rolled back. Otherwise `vervallen` names the outbox rows given up on that
   * went with it (outboxBezwaar), if any.
   */
  async vernietig(m: EntityManager, klachtId: string): Promise<{ uitstel: string } | { uitstel?: undefined; vervallen?: string }> {
    // A dossier goes from its requests up: one of them not destroyed yet (postponed, or not yet due by its own
    // regeling) keeps the klacht it is about, until a later run. No request can be added meanwhile: that locks this klacht.
    const [{ verzoeken }] = (await m.query('SELECT count(*)::int AS verzoeken FROM klacht_koppeling WHERE hoofd_klacht_id = $1', [
      klachtId,
    ])) as Array<{ verzoeken: number }>;
    if (verzoeken > 0)
      return {
        uitstel:
          'een verzoek van de ombudsman dat bij deze klacht hoort, is nog niet vernietigd (een dossier gaat van de verzoeken naar de klacht); de vernietiging volgt bij de dagelijkse run daarna',
      };
    const { uitstel, vervallen } = await this.outboxBezwaar(m, klachtId);
    if (uitstel !== undefined) return { uitstel };
    const docs = (await m.query('SELECT opslag_sleutel AS sleutel FROM dossier_document WHERE klacht_id = $1', [klachtId])) as Array<{
      sleutel: string;
    }>;
    for (const d of docs) {
      if (this.dossier.opslag.soort === 'postgres') await m.query('DELETE FROM dossier_inhoud WHERE sleutel = $1', [d.sleutel]);
      else await this.dossier.opslag.verwijder(d.sleutel);
    }
    for (const v of VERWIJZINGEN) await m.query(`DELETE FROM "${v.tabel}" WHERE "${v.kolom}" = $1`, [klachtId]);
    // The stored result of an idempotent request names the klacht it created.
    await m.query(`DELETE FROM idempotentie_sleutel WHERE resultaat::text LIKE $1 OR response_body::text LIKE $1`, [`%${klachtId}%`]);
    // klacht_gebeurtenis, termijn, brief, dossier_document and bewaar_blokkade cascade.
    await m.query('DELETE FROM klacht WHERE id = $1', [klachtId]);
    return { vervallen };
  }

  /**
   * One row of the history of holds and 13.1.3 marks (BewaarHandelingEntity), in the transaction that sets or lifts it:
   * who, in which role, when, what and (lifting) why.
   */
  private async leg(
    m: EntityManager,
    tenant: Tenant,
    rij: {
      klachtId: string;
      gemeente: string;
      maatregel: BewaarMaatregel;
      handeling: 'gezet' | 'opgeheven';
      grond: string;
      reden?: string;
    },
    at: Date,
  ): Promise<void> {
    await m.insert(BewaarHandelingEntity, { ...rij, reden: rij.reden ?? null, door: tenant.subject, rol: tenant.rol, at });
  }

  async blokkeer(tenant: Tenant, klachtId: string, reden: string): Promise<BewaarBlokkadeEntity> {
    // The klacht's own gemeente, as every row of its dossier (after a herindeling the successor may set it).
    const rij: Omit<BewaarBlokkadeEntity, 'klacht'> = {
      klachtId,
      gemeente: (await this.dossier.gemeenteVan(klachtId)) ?? tenant.gemeente,
      reden,
      door: tenant.subject,
      at: this.klok.nu(),
    };
    await this.dataSource.transaction(async (m) => {
      await m
        .createQueryBuilder()
        .insert()
        .into(BewaarBlokkadeEntity)
        .values(rij)
        .orUpdate(['reden', 'door', 'at'], ['klacht_id'])
        .execute();
      await this.leg(
        m,
        tenant,
        { klachtId, gemeente: rij.gemeente, maatregel: 'bewaarblokkade', handeling: 'gezet', grond: reden },
        rij.at,
      );
    });
    return rij as BewaarBlokkadeEntity;
  }

  /**
   * Lifts a hold, with the reason, recorded (bewaar_handeling): lifting makes the klacht destroyable again (Archiefwet
   * 1995 art. 3), and before nothing said who did it or why. No hold: nothing changes and nothing is recorded.
   */
  async deblokkeer(tenant: Tenant, klachtId: string, reden: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const [weg] = (await m.query('DELETE FROM bewaar_blokkade WHERE klacht_id = $1 RETURNING gemeente, reden', [klachtId])) as [
        Array<{ gemeente: string; reden: string }>,
        number,
      ];
      for (const w of weg)
        await this.leg(
          m,
          tenant,
          { klachtId, gemeente: w.gemeente, maatregel: 'bewaarblokkade', handeling: 'opgeheven', grond: w.reden, reden },
          this.klok.nu(),
        );
    });
  }

  /**
   * Marks a klacht as affecting a permanently kept zaak (Selectielijst gemeenten 2020, 13.1.3: blijvend bewaren): from now
   * on no list proposes it, and a waiting list's approval skips it (beoordeel). Setting it again replaces the zaak.
   */
  async markeerBlijvend(tenant: Tenant, klachtId: string, zaak: string): Promise<BlijvendBewarenEntity> {
    const rij: Omit<BlijvendBewarenEntity, 'klacht'> = {
      klachtId,
      gemeente: (await this.dossier.gemeenteVan(klachtId)) ?? tenant.gemeente,
      zaak,
      door: tenant.subject,
      at: this.klok.nu(),
    };
    await this.dataSource.transaction(async (m) => {
      await m
        .createQueryBuilder()
        .insert()
        .into(BlijvendBewarenEntity)
        .values(rij)
        .orUpdate(['zaak', 'door', 'at'], ['klacht_id'])
        .execute();
      await this.leg(
        m,
        tenant,
        { klachtId, gemeente: rij.gemeente, maatregel: 'blijvendBewaren', handeling: 'gezet', grond: zaak },
        rij.at,
      );
    });
    return rij as BlijvendBewarenEntity;
  }

  /** Removes the 13.1.3 mark (set by mistake), with the reason, recorded: the klacht's period follows from its history again. */
  async verwijderBlijvend(tenant: Tenant, klachtId: string, reden: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const [weg] = (await m.query('DELETE FROM blijvend_bewaren WHERE klacht_id = $1 RETURNING gemeente, zaak', [klachtId])) as [
        Array<{ gemeente: string; zaak: string }>,
        number,
      ];
      for (const w of weg)
        await this.leg(
          m,
          tenant,
          { klachtId, gemeente: w.gemeente, maatregel: 'blijvendBewaren', handeling: 'opgeheven', grond: w.zaak, reden },
          this.klok.nu(),
        );
    });
  }

  /** A klacht's hold and 13.1.3 mark as they stand, and who set and lifted them, oldest first (GET /klachten/{id}/bewaring). */
  async stand(klachtId: string): Promise<{
    blokkade: BewaarBlokkadeEntity | null;
    blijvend: BlijvendBewarenEntity | null;
    historie: BewaarHandelingEntity[];
  }> {
    const m = this.dataSource.manager;
    return {
      blokkade: await m.findOneBy(BewaarBlokkadeEntity, { klachtId }),
      blijvend: await m.findOneBy(BlijvendBewarenEntity, { klachtId }),
      historie: await m.find(BewaarHandelingEntity, { where: { klachtId }, order: { at: 'ASC', id: 'ASC' } }),
    };
  }
}
