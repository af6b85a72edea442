import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { KLOK, type Klok, vandaagVan } from '../../common/klok';
import { ProblemException } from '../../common/problem';
import type { Regime } from '../../machines';
import { gemeentenVan, opvolgerVan } from '../../machines/definition/gemeentecodes.data';
import { bewaarKenmerken, bewaartermijnVoor, vernietigbaarVanaf } from '../../machines/definition/bewaring';
import { kalenderdag } from '../../machines/termijnen';
import type { Tenant } from '../auth/tenant';
import { DossierService } from '../dossier/dossier.service';
import { REGIME_BRON, type RegimeBron } from '../engine/regime-bron';
import { KlachtEntity } from '../klachten/klacht.entity';
import { BewaarBlokkadeEntity, VernietigingslijstEntity, VernietigingslijstRegelEntity, type Aantallen } from './vernietigingslijst.entity';

export const kenmerkVan = (klachtId: string): string => createHash('sha256').update(klachtId).digest('hex');

/** Tables that refer to a klacht by a column of their own, besides those that cascade from `klacht`. */
const VERWIJZINGEN: ReadonlyArray<{ tabel: string; kolom: string }> = [
  { tabel: 'outbox', kolom: 'klacht_id' },
  { tabel: 'dossier_inzage', kolom: 'klacht_id' },
  { tabel: 'terugkoppeling', kolom: 'klacht_id' },
  { tabel: 'klacht_koppeling', kolom: 'klacht_id' },
  { tabel: 'klacht_koppeling', kolom: 'hoofd_klacht_id' },
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

  /** The retention of one klacht, or undefined when its definition declares none (a test regime). */
  private async termijnVan(m: EntityManager, k: KlachtEntity) {
    const regime = this.regimes.byId(k.definitieId, k.definitieVersie) as Partial<Regime> | undefined;
    const b = regime?.definitie?.bewaartermijnen;
    if (!b) return undefined;
    const historie = (await m.query('SELECT type, naar_state AS "naarState" FROM klacht_gebeurtenis WHERE klacht_id = $1 AND accepted', [
      k.id,
    ])) as Array<{ type: string; naarState: string }>;
    const termijn = bewaartermijnVoor(
      b,
      bewaarKenmerken(
        historie.map((h) => h.type),
        historie.map((h) => h.naarState),
      ),
    );
    const afgeslotenOp = kalenderdag(k.stateSinds.toISOString());
    return { ...termijn, afgeslotenOp, vanaf: vernietigbaarVanaf(afgeslotenOp, termijn.duur) };
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

  /** Why a klacht may not be destroyed now, or undefined when it may. Checked again on approval. */
  private async bezwaar(m: EntityManager, k: KlachtEntity | null, peildatum: string): Promise<string | undefined> {
    if (!k) return 'de klacht bestaat niet meer';
    if (!k.done) return 'de klacht is niet afgesloten';
    if (await m.existsBy(BewaarBlokkadeEntity, { klachtId: k.id })) return 'er geldt een bewaarblokkade';
    const t = await this.termijnVan(m, k);
    if (!t) return 'de definitie noemt geen bewaartermijn';
    if (t.vanaf > peildatum) return `de bewaartermijn loopt tot ${t.vanaf}`;
    return undefined;
  }

  /**
   * Proposes a vernietigingslijst for a gemeente: every closed klacht past its period, without a hold and
   * not already on a list awaiting approval. Undefined when nothing is due.
   */
  async stelOp(gemeente: string, door: string): Promise<VernietigingslijstEntity | undefined> {
    return this.dataSource.transaction(async (m) => {
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
          `NOT EXISTS (SELECT 1 FROM vernietigingslijst_regel r JOIN vernietigingslijst l ON l.id = r.lijst_id WHERE r.klacht_id = k.id AND l.status = 'voorgesteld')`,
        )
        .orderBy('k.state_sinds', 'ASC')
        .getMany();
      const regels: Array<Omit<VernietigingslijstRegelEntity, 'id' | 'lijstId' | 'lijst'>> = [];
      for (const k of kandidaten) {
        const t = await this.termijnVan(m, k);
        if (!t || t.vanaf > peildatum) continue;
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
        });
      }
      if (regels.length === 0) return undefined;
      const lijst: VernietigingslijstEntity = {
        id: randomUUID(),
        gemeente,
        status: 'voorgesteld',
        peildatum,
        opgesteldOp: this.klok.nu(),
        opgesteldDoor: door,
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
      const l = await this.stelOp(gemeente, 'klachtregie');
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
    return { lijst, regels };
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
   * Approves and executes a list (vier-ogenprincipe: never by whoever proposed it). Each klacht is checked
   * again and destroyed in its own transaction; one that became ineligible (reopened, a hold) is skipped
   * with the reason. Returns the proces-verbaal.
   */
  async keurGoed(tenant: Tenant, id: string): Promise<{ lijst: VernietigingslijstEntity; regels: VernietigingslijstRegelEntity[] }> {
    const { lijst } = await this.lijst(tenant.gemeente, id);
    if (lijst.status !== 'voorgesteld')
      throw ProblemException.conflict(
        'vernietigingslijst-afgehandeld',
        'Vernietigingslijst al uitgevoerd',
        `Deze lijst is op ${lijst.uitgevoerdOp?.toISOString()} uitgevoerd.`,
      );
    if (lijst.opgesteldDoor === tenant.subject) {
      throw ProblemException.conflict(
        'vier-ogen',
        'Goedkeuring door een ander nodig',
        'Wie de vernietigingslijst opstelde, keurt haar niet zelf goed (vier-ogenprincipe): laat een andere bevoegde medewerker goedkeuren.',
      );
    }
    const peildatum = vandaagVan(this.klok);
    const regels = await this.dataSource
      .getRepository(VernietigingslijstRegelEntity)
      .find({ where: { lijstId: id, status: 'voorgesteld' }, order: { id: 'ASC' } });
    for (const regel of regels) {
      const klachtId = regel.klachtId!;
      // Content first: a crash after this leaves the rows, and the next approval attempt removes them.
      await this.dataSource.transaction(async (m) => {
        const k = await m.findOne(KlachtEntity, { where: { id: klachtId }, lock: { mode: 'pessimistic_write' } });
        const bezwaar = await this.bezwaar(m, k, peildatum);
        if (bezwaar) {
          await m.update(VernietigingslijstRegelEntity, { id: regel.id }, { status: 'overgeslagen', reden: bezwaar });
          return;
        }
        await this.vernietig(m, klachtId);
        await m.update(VernietigingslijstRegelEntity, { id: regel.id }, { status: 'vernietigd', klachtId: null });
      });
    }
    await this.dataSource
      .getRepository(VernietigingslijstEntity)
      .update({ id }, { status: 'uitgevoerd', goedgekeurdDoor: tenant.subject, goedgekeurdRol: tenant.rol, uitgevoerdOp: this.klok.nu() });
    this.logger.log(`Vernietigingslijst ${id} (${tenant.gemeente}) uitgevoerd op goedkeuring van ${tenant.subject}`);
    return this.lijst(tenant.gemeente, id);
  }

  /** Removes everything of one klacht (also used at hand-over): content, referring rows, then the klacht and what cascades from it. */
  async vernietig(m: EntityManager, klachtId: string): Promise<void> {
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
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(BewaarBlokkadeEntity)
      .values(rij)
      .orUpdate(['reden', 'door', 'at'], ['klacht_id'])
      .execute();
    return rij as BewaarBlokkadeEntity;
  }

  async deblokkeer(klachtId: string): Promise<void> {
    await this.dataSource.getRepository(BewaarBlokkadeEntity).delete({ klachtId });
  }
}
