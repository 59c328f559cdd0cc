import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity';

/**
 * An image uploaded for a post, as the api re-encoded it (never the uploaded bytes). Its bytes are kept
 * in the row by default, so api replicas stay stateless and a backup holds everything, or in an object
 * store (`UPLOADS_S3_URL`). The same owner uploading the same image again gets the first row back
 * (`sha256` of the stored bytes).
 */
@Entity('uploads')
@Index('uploads_owner_sha256_key', ['ownerId', 'sha256'], { unique: true })
@Index('uploads_unused_idx', ['lastUploadedAt'], { where: '"in_use_at" IS NULL' })
@Check('uploads_mime_check', `"mime" IN ('image/png', 'image/jpeg', 'image/webp')`)
@Check('uploads_size_check', `"bytes" IS NULL OR "size" = octet_length("bytes")`)
@Check('uploads_dimensions_check', `"width" BETWEEN 1 AND 2560 AND "height" BETWEEN 1 AND 2560`)
export class UploadEntity {
  /** Random (v4), made by the api: the URL of an image cannot be guessed from another's. */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @ForeignKey(() => UserEntity, { onDelete: 'CASCADE' })
  @Column({ name: 'owner_id', type: 'bigint' })
  ownerId: string;

  /** Null when the bytes are in the object store (`S3UploadStore`). */
  @Column({ type: 'bytea', nullable: true })
  bytes: Buffer | null;

  @Column({ type: 'varchar', length: 32 })
  mime: string;

  @Column({ type: 'integer' })
  width: number;

  @Column({ type: 'integer' })
  height: number;

  @Column({ type: 'integer' })
  size: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** The latest time its owner uploaded these bytes (an upload of the same image again is the same row). */
  @Column({ name: 'last_uploaded_at', type: 'timestamptz', default: () => 'now()' })
  lastUploadedAt: Date;

  /** When the sweeper first found a text that embeds it; from then on it is kept. */
  @Column({ name: 'in_use_at', type: 'timestamptz', nullable: true })
  inUseAt: Date | null;
}
