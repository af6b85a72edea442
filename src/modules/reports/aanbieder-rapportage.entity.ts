import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A report an aanbieder submitted to the gemeente for one deadline (Uitgangspunten klachtenmanagement Sociaal Domein §10, contract art. 11.1: twice a year,
 * by aard and oorzaak, with afwikkeling and maatregelen; Klachtenprotocol Wmo keten Amsterdam §10: quarterly). Its absence at the
 * deadline is what escalates to the contractmanager. One per aanbieder (the gemeente that chose its id + the id) and deadline:
 * after a herindeling Weesp's 'zorgbalans' and Amsterdam's are two organisations, both submitting under Amsterdam's code for
 * Weesp's last moment (Wet arhi art. 40 e.v.), and neither's report replaces or counts for the other's.
 */
@Entity('aanbieder_rapportage')
@Index('UQ_aanbieder_rapportage_aanbieder', ['aanbiederGemeente', 'aanbiederId', 'deadline'], { unique: true })
export class AanbiederRapportageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The gemeente under whose code (key) it was first submitted: the one of the moment or, after its opheffing, its successor (`inleverGemeenten`). */
  @Column({ type: 'varchar', length: 6 })
  gemeente: string;

  /** The gemeente (CBS code) that chose `aanbiederId`: an aanbieder is gemeente + id. The key's gemeente unless the aanbieder named a gemeente opgeheven into it. */
  @Column({ name: 'aanbieder_gemeente', type: 'varchar', length: 6 })
  aanbiederGemeente: string;

  @Column({ name: 'aanbieder_id', type: 'varchar', length: 100 })
  aanbiederId: string;

  @Column({ type: 'date' })
  deadline: string;

  /**
   * Who submitted it first (the key's subject), with `ingediendOp`. A replacement keeps it. (Before migration
   * AanbiederRapportageLaatsteInlevering a replacement overwrote it: for such a row it may be the last submitter.)
   */
  @Column({ name: 'ingediend_door', type: 'varchar', length: 200 })
  ingediendDoor: string;

  /** What the aanbieder reported last (free structure; the gemeente's own figures are in `rapportage`): received at `laatstIngediendOp`. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  inhoud: Record<string, unknown>;

  /**
   * When it was first received, written from the service's clock (KLOK) by the controller: the deadline check counts it in
   * time only before 00:00 on the deadline (contract art. 11.1, "vóór 1 juli"). A replacement keeps it (`laatstIngediendOp`
   * says when the report held now came).
   */
  @CreateDateColumn({ name: 'ingediend_op', type: 'timestamptz' })
  ingediendOp: Date;

  /**
   * When the report held now (`inhoud`) was received, from the same clock: `ingediendOp` for a report never replaced, else
   * the moment of the last replacement. Contract art. 11.1 ("vóór 1 juli ... dient te zijn ingediend") is met by the first
   * submission before the deadline (`ingediendOp`, what the escalation reads); a replacement after the deadline does not undo
   * that, but what the contractmanager now reads was delivered then, not in time, and this says so (Klachtenprotocol Wmo keten
   * Amsterdam §10; Uitgangspunten klachtenmanagement Sociaal Domein §10). Null (unknown) for a row stored before migration
   * AanbiederRapportageLaatsteInlevering and not submitted again since: its replacements were not recorded.
   */
  @Column({ name: 'laatst_ingediend_op', type: 'timestamptz', nullable: true })
  laatstIngediendOp: Date | null;

  /** Who submitted the report held now (the key's subject of the last submission); null as `laatstIngediendOp`. */
  @Column({ name: 'laatst_ingediend_door', type: 'varchar', length: 200, nullable: true })
  laatstIngediendDoor: string | null;
}
