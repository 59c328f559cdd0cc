import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity';
import { QuestionEntity } from '../qa/question.entity';

/** One row per user and day with any signed-in request: days visited and streaks. */
@Entity('user_visits')
export class UserVisitEntity {
  @ForeignKey(() => UserEntity, { onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'user_id', type: 'bigint' })
  userId: string;

  @PrimaryColumn({ type: 'date' })
  day: string;
}

/** One row per user and thread read while signed in: "posts read" for trust levels. */
@Entity('thread_reads')
export class ThreadReadEntity {
  @ForeignKey(() => UserEntity, { onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'user_id', type: 'bigint' })
  userId: string;

  @ForeignKey(() => QuestionEntity, { onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'question_id', type: 'bigint' })
  questionId: string;
}

/** Salted hashes of the addresses a user acted from recently, to spot votes on one's own posts from a second account. */
@Entity('user_origins')
@Index('user_origins_hash_idx', ['ipHash', 'lastSeenAt'])
export class UserOriginEntity {
  @ForeignKey(() => UserEntity, { onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'user_id', type: 'bigint' })
  userId: string;

  @PrimaryColumn({ name: 'ip_hash', type: 'varchar', length: 64 })
  ipHash: string;

  @Column({ name: 'last_seen_at', type: 'timestamptz', default: () => 'now()' })
  lastSeenAt: Date;
}
