import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The name of a person who logged in with an OIDC token, as the token last gave it (claim OIDC_CLAIM_NAAM).
 * The history stores who did a step as `oidc:<sub>` (stable, also when a name changes); this table lets
 * timelines and the werkvoorraad show the person's name instead (accountability, AVG art. 5 lid 2), and
 * holds nothing more than the name the identity provider already publishes to Klachtregie.
 */
@Entity('medewerker')
export class MedewerkerEntity {
  /** `oidc:<sub>`, as in klacht_gebeurtenis.actor. */
  @PrimaryColumn({ type: 'varchar', length: 300, primaryKeyConstraintName: 'PK_medewerker' })
  subject: string;

  @Column({ type: 'varchar', length: 200 })
  naam: string;

  /** The gemeente of the token that last gave this name. */
  @Column({ type: 'varchar', length: 6 })
  gemeente: string;

  @Column({ name: 'bijgewerkt_op', type: 'timestamptz', default: () => 'now()' })
  bijgewerktOp: Date;
}
