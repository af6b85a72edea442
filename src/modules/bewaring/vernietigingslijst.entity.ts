import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { KlachtEntity } from '../klachten/klacht.entity';

export type LijstStatus = 'voorgesteld' | 'uitgevoerd';

/**
 * A vernietigingslijst (Archiefwet art. 3; Selectielijst gemeenten 2020): the closed klachten whose
 * retention has passed, proposed by the daily job or a person, destroyed only after a second person
 * approves (vier-ogenprincipe). After execution it is the proces-verbaal: what was destroyed, when, on
 * whose approval, without personal data (the klacht id is replaced by its SHA-256).
 */
@Entity('vernietigingslijst')
@Index('IDX_vernietigingslijst_gemeente', ['gemeente', 'opgesteldOp'])
export class VernietigingslijstEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 6 })
  gemeente: string;

  @Column({ type: 'varchar', length: 20 })
  status: LijstStatus;

  /** The day the retention was checked against. */
  @Column({ type: 'date' })
  peildatum: string;

  @Column({ name: 'opgesteld_op', type: 'timestamptz' })
  opgesteldOp: Date;

  /** `klachtregie` for the daily job, otherwise the proposer's subject. */
  @Column({ name: 'opgesteld_door', type: 'varchar', length: 300 })
  opgesteldDoor: string;

  /**
   * The first of the two people of the vier-ogenprincipe (Archiefwet 1995 art. 3 with the Selectielijst gemeenten 2020:
   * destruction on a list a person answers for): whoever drew the list up, or, for a list the daily job drew up, the
   * person who signed it (POST /vernietigingslijsten/{id}/ondertekening). Null while a job's list is unsigned: it cannot
   * be approved then. The approver is always someone else (migration 1796600000000).
   */
  @Column({ name: 'ondertekend_door', type: 'varchar', length: 300, nullable: true })
  ondertekendDoor: string | null;

  @Column({ name: 'ondertekend_op', type: 'timestamptz', nullable: true })
  ondertekendOp: Date | null;

  @Column({ name: 'goedgekeurd_door', type: 'varchar', length: 300, nullable: true })
  goedgekeurdDoor: string | null;

  @Column({ name: 'goedgekeurd_rol', type: 'varchar', length: 40, nullable: true })
  goedgekeurdRol: string | null;

  @Column({ name: 'uitgevoerd_op', type: 'timestamptz', nullable: true })
  uitgevoerdOp: Date | null;
}

/**
 * `uitgesteld`: approved, but the klacht's outbox rows were not all handled yet (BewaringService.outboxBezwaar; a row
 * that failed OUTBOX_OPGEGEVEN_NA times no longer counts), or a request linked to it still stands; the daily run destroys
 * it once they are, on the same approval.
 */
export type RegelStatus = 'voorgesteld' | 'vernietigd' | 'overgeslagen' | 'uitgesteld';

export interface Aantallen {
  gebeurtenissen: number;
  termijnen: number;
  brieven: number;
  documenten: number;
}

/** One klacht on a list. `klachtId` is cleared when the klacht is destroyed; `kenmerk` stays. */
@Entity('vernietigingslijst_regel')
@Index('IDX_vernietigingslijst_regel_klacht', ['klachtId'])
export class VernietigingslijstRegelEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'lijst_id', type: 'uuid' })
  lijstId: string;

  @ManyToOne(() => VernietigingslijstEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lijst_id' })
  lijst?: VernietigingslijstEntity;

  @Column({ name: 'klacht_id', type: 'uuid', nullable: true })
  klachtId: string | null;

  /** SHA-256 of the klacht id: proves which klacht was destroyed to whoever still knows the id. */
  @Column({ type: 'char', length: 64 })
  kenmerk: string;

  @Column({ type: 'varchar', length: 20 })
  categorie: string;

  @Column({ type: 'varchar', length: 200 })
  grondslag: string;

  @Column({ type: 'varchar', length: 10 })
  bewaartermijn: string;

  @Column({ name: 'afgesloten_op', type: 'date' })
  afgeslotenOp: string;

  @Column({ name: 'vernietigbaar_vanaf', type: 'date' })
  vernietigbaarVanaf: string;

  @Column({ type: 'jsonb' })
  aantallen: Aantallen;

  @Column({ type: 'varchar', length: 20 })
  status: RegelStatus;

  @Column({ type: 'text', nullable: true })
  reden: string | null;

  /**
   * When the klacht was destroyed (the injected clock, in the transaction that destroyed it): at the approval, or at the
   * daily run that carried out a postponed one. Null while it is not destroyed (migration 1795902400000).
   */
  @Column({ name: 'vernietigd_op', type: 'timestamptz', nullable: true })
  vernietigdOp: Date | null;
}

/** A hold (bijvoorbeeld een lopend bezwaar, een Woo-verzoek of een rechtszaak): the klacht is never listed or destroyed. */
@Entity('bewaar_blokkade')
export class BewaarBlokkadeEntity {
  @PrimaryColumn({ name: 'klacht_id', type: 'uuid' })
  klachtId: string;

  @ManyToOne(() => KlachtEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'klacht_id' })
  klacht?: KlachtEntity;

  @Column({ type: 'varchar', length: 6 })
  gemeente: string;

  @Column({ type: 'text' })
  reden: string;

  @Column({ type: 'varchar', length: 300 })
  door: string;

  @Column({ type: 'timestamptz' })
  at: Date;
}

/**
 * Selectielijst gemeenten 2020, 13.1.3 ("Geschil met invloed op een te bewaren zaak": waardering blijvend bewaren): the
 * klacht affected a zaak the gemeente keeps permanently, so the klacht is kept too and never listed or destroyed. Nothing
 * in a klacht's history says so (the zaak lives in another system), so whoever handles it records it, naming the zaak.
 */
@Entity('blijvend_bewaren')
export class BlijvendBewarenEntity {
  @PrimaryColumn({ name: 'klacht_id', type: 'uuid' })
  klachtId: string;

  @ManyToOne(() => KlachtEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'klacht_id' })
  klacht?: KlachtEntity;

  @Column({ type: 'varchar', length: 6 })
  gemeente: string;

  /** The permanently kept zaak the klacht affected (its identification in the zaaksysteem, or a description). */
  @Column({ type: 'varchar', length: 200 })
  zaak: string;

  @Column({ type: 'varchar', length: 300 })
  door: string;

  @Column({ type: 'timestamptz' })
  at: Date;
}

export type BewaarMaatregel = 'bewaarblokkade' | 'blijvendBewaren';
export type BewaarHandelingSoort = 'gezet' | 'opgeheven';

/**
 * Who set and who lifted a bewaarblokkade or a 13.1.3 mark (Selectielijst gemeenten 2020), when and why: lifting one makes
 * a klacht destroyable again, so it is recorded with its reason (Archiefwet 1995 art. 3; BIO 12.4: logging of who did
 * what). The current hold stays in bewaar_blokkade / blijvend_bewaren; this is their history. It goes with the klacht
 * when the klacht is destroyed (its reasons may name people; the proces-verbaal keeps no personal data).
 */
@Entity('bewaar_handeling')
@Index('IDX_bewaar_handeling_klacht', ['klachtId', 'at'])
export class BewaarHandelingEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'klacht_id', type: 'uuid' })
  klachtId: string;

  @ManyToOne(() => KlachtEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'klacht_id' })
  klacht?: KlachtEntity;

  @Column({ type: 'varchar', length: 6 })
  gemeente: string;

  @Column({ type: 'varchar', length: 20 })
  maatregel: BewaarMaatregel;

  @Column({ type: 'varchar', length: 20 })
  handeling: BewaarHandelingSoort;

  /** What was set or lifted: the hold's reden, or the 13.1.3 zaak. */
  @Column({ type: 'text' })
  grond: string;

  /** Why it was lifted (required then); null when set. */
  @Column({ type: 'text', nullable: true })
  reden: string | null;

  @Column({ type: 'varchar', length: 300 })
  door: string;

  /** The role it was done in; null on rows taken over from before this history (migration 1796600000000). */
  @Column({ type: 'varchar', length: 40, nullable: true })
  rol: string | null;

  @Column({ type: 'timestamptz' })
  at: Date;
}
