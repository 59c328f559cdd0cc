import { Column, Entity, ForeignKey, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity';

/**
 * A staff member's photo, re-encoded by the api (never the uploaded bytes). Kept in PostgreSQL, so api
 * replicas stay stateless and a backup holds everything; 256×256 WebP is about 10–30 kB.
 */
@Entity('staff_photos')
export class StaffPhotoEntity {
  @ForeignKey(() => UserEntity, { onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'user_id', type: 'bigint' })
  userId: string;

  @Column({ type: 'bytea' })
  image: Buffer;

  @Column({ name: 'content_type', type: 'varchar', length: 32 })
  contentType: string;

  /** Hash of the stored image; part of the photo URL, so the image can be cached for good. */
  @Column({ type: 'varchar', length: 32 })
  etag: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
