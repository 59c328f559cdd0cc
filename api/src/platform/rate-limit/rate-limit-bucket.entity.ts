import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Fixed-window hit counters shared by every api replica. */
@Entity('rate_limit_buckets')
export class RateLimitBucketEntity {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  key: string;

  @Index('rate_limit_buckets_window_idx')
  @PrimaryColumn({ name: 'window_start', type: 'timestamptz' })
  windowStart: Date;

  @Column({ type: 'integer', default: 0 })
  hits: number;
}
