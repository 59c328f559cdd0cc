import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Maps a record of an imported community (source + kind + its id there) to ours, so a re-run adds
 * nothing twice and an interrupted import resumes where it stopped.
 */
@Entity('external_refs')
export class ExternalRefEntity {
  @PrimaryColumn({ type: 'varchar', length: 120 })
  source: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  kind: 'user' | 'question' | 'answer' | 'comment' | 'vote' | 'tag';

  @PrimaryColumn({ name: 'external_id', type: 'varchar', length: 64 })
  externalId: string;

  @Column({ name: 'internal_id', type: 'bigint' })
  internalId: string;
}
