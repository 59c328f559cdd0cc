import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { SpaceEntity } from '../qa/space.entity';

export const POST_KINDS = ['question', 'answer', 'comment'] as const;
export type PostKind = (typeof POST_KINDS)[number];
export const TONE_LABELS = ['negative', 'neutral', 'positive'] as const;

/** The tone of one public post, written once when the roll-up worker first reads it (its presence makes replays count nothing twice). */
@Entity('post_tones')
@Check('post_tones_post_type_check', `"post_type" IN ('question', 'answer', 'comment')`)
@Check('post_tones_label_check', `"label" IN ('negative', 'neutral', 'positive')`)
@Index('post_tones_space_created_idx', ['spaceId', 'createdAt'])
export class PostToneEntity {
  @PrimaryColumn({ name: 'post_type', type: 'varchar', length: 8 })
  postType: PostKind;

  @PrimaryColumn({ name: 'post_id', type: 'bigint' })
  postId: string;

  @ForeignKey(() => SpaceEntity, { onDelete: 'CASCADE' })
  @Column({ name: 'space_id', type: 'bigint' })
  spaceId: string;

  /** The thread the post belongs to (its own id for a question). */
  @Column({ name: 'question_id', type: 'bigint' })
  questionId: string;

  @Column({ type: 'varchar', length: 8 })
  label: (typeof TONE_LABELS)[number];

  @Column({ type: 'real' })
  score: number;

  /** When the post was written (not when it was scored): the hour it counts in. */
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export const SCOPES = ['space', 'tag'] as const;
export type Scope = (typeof SCOPES)[number];

/** Public posts and negative posts per space or tag and hour: what spike detection reads instead of the posts. */
@Entity('tone_hourly')
@Check('tone_hourly_scope_check', `"scope" IN ('space', 'tag')`)
@Index('tone_hourly_hour_idx', ['hour'])
export class ToneHourEntity {
  @PrimaryColumn({ type: 'varchar', length: 8 })
  scope: Scope;

  @PrimaryColumn({ name: 'scope_id', type: 'bigint' })
  scopeId: string;

  @PrimaryColumn({ type: 'timestamptz' })
  hour: Date;

  @Column({ type: 'integer', default: 0 })
  posts: number;

  @Column({ type: 'integer', default: 0 })
  negative: number;
}
