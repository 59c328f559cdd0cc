import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per question with what the self-service figures need (first community and staff answer,
 * who wrote the accepted answer, whether it was escalated), so a period reads one index range of this
 * table instead of three subqueries per question. Recomputed whole for a question whenever an outbox
 * event touches it (`InsightsRollupWorker`), rebuilt for all by `pnpm cli insights:rebuild`. No foreign key
 * (insights may not name qa's entities): a refresh drops the row of a question that no longer exists.
 */
@Entity('insights_questions')
@Index('insights_questions_created_idx', ['createdAt'])
@Index('insights_questions_space_created_idx', ['spaceId', 'createdAt'])
export class QuestionFactsEntity {
  @PrimaryColumn({ name: 'question_id', type: 'bigint' })
  questionId: string;

  @Column({ name: 'space_id', type: 'bigint' })
  spaceId: string;

  @Column({ name: 'author_id', type: 'bigint', nullable: true })
  authorId: string | null;

  @Column({ name: 'tag_ids', type: 'bigint', array: true, default: () => "'{}'" })
  tagIds: string[];

  /** questions.language: 'de', 'en', or null when the text does not tell. */
  @Column({ type: 'varchar', length: 2, nullable: true })
  language: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ type: 'boolean' })
  deleted: boolean;

  @Column({ type: 'varchar', length: 16 })
  status: string;

  @Column({ name: 'solved_at', type: 'timestamptz', precision: 3, nullable: true })
  solvedAt: Date | null;

  /** The first published answer by a member. */
  @Column({ name: 'first_community_at', type: 'timestamptz', precision: 3, nullable: true })
  firstCommunityAt: Date | null;

  /** The first published answer by staff (role other than member). */
  @Column({ name: 'first_staff_at', type: 'timestamptz', precision: 3, nullable: true })
  firstStaffAt: Date | null;

  /** The role of the accepted answer's author. */
  @Column({ name: 'accepted_role', type: 'varchar', length: 16, nullable: true })
  acceptedRole: string | null;

  @Column({ type: 'boolean' })
  escalated: boolean;
}
