import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const TERUGKOPPELING_SOORTEN = [
  'registratie',
  'behandeling',
  'afdoening',
  'maatregelen',
  'terugkoppelingKlager',
  'tevredenheid',
] as const;
export type TerugkoppelingSoort = (typeof TERUGKOPPELING_SOORTEN)[number];

/**
 * What an aanbieder reports back to the gemeente about a klacht it handles (Amsterdam protocol:
 * registratie, behandeling, afdoening, maatregelen, tevredenheid). Stored with its outcome, also when
 * the regime has no step for it right now or it is not this aanbieder's to take (accepted input is never
 * lost); a refused request (4xx/5xx) stores none. `gebeurtenis` says which event it applied, if any; such a row is
 * written in that event's (or registration's) own transaction, so neither is stored without the other (EngineService Erbij).
 */
@Entity('terugkoppeling')
@Index('IDX_terugkoppeling_klacht', ['klachtId', 'createdAt'])
export class TerugkoppelingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'klacht_id', type: 'uuid' })
  klachtId: string;

  @Column({ type: 'varchar', length: 6 })
  gemeente: string;

  @Column({ name: 'aanbieder_id', type: 'varchar', length: 100, nullable: true })
  aanbiederId: string | null;

  @Column({ type: 'varchar', length: 30 })
  soort: TerugkoppelingSoort;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  /** The event applied on the klacht (SCREAMING_SNAKE), or null when only recorded. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  gebeurtenis: string | null;

  @Column({ type: 'text', nullable: true })
  opmerking: string | null;

  @Column({ type: 'varchar', length: 300 })
  door: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
