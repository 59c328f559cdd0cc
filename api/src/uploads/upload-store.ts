import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { idempotentCreate } from '../platform/idempotent-create';
import { UploadEntity } from './upload.entity';

export type UploadRecord = Omit<UploadEntity, 'bytes' | 'lastUploadedAt' | 'inUseAt'>;
export type NewUpload = Omit<UploadRecord, 'id' | 'createdAt'> & { bytes: Buffer };

const RECORD_COLUMNS = {
  id: true,
  ownerId: true,
  mime: true,
  width: true,
  height: true,
  size: true,
  sha256: true,
  createdAt: true,
} as const;

const recordOf = ({ bytes: _bytes, lastUploadedAt: _last, inUseAt: _inUse, ...record }: UploadEntity): UploadRecord => record;

/**
 * Where uploaded images live. Every upload has its row in PostgreSQL (metadata, owner, content hash for
 * deduplication, use); the bytes are in the row (`PostgresUploadStore`, the default) or in an object store
 * (`S3UploadStore`). A row with bytes is always served from them, so a site that moves to an object store
 * keeps serving its earlier images.
 */
export abstract class UploadStore {
  constructor(protected readonly dataSource: DataSource) {}

  /** Stores an image; the same owner storing the same bytes again gets the first record back. */
  save(upload: NewUpload): Promise<UploadRecord> {
    const uploads = this.dataSource.getRepository(UploadEntity);
    return idempotentCreate(upload.sha256, {
      constraint: 'uploads_owner_sha256_key',
      find: async (sha256) => {
        const found = await uploads.findOne({ select: RECORD_COLUMNS, where: { ownerId: upload.ownerId, sha256 } });
        // Uploading it again starts its grace period anew (UnusedUploadSweeper).
        if (found) await uploads.update({ id: found.id }, { lastUploadedAt: () => 'now()' });
        return found;
      },
      create: () => this.create(randomUUID(), upload),
    });
  }

  async open(id: string): Promise<{ upload: UploadRecord; bytes: Buffer } | null> {
    const row = await this.dataSource.getRepository(UploadEntity).findOneBy({ id });
    if (!row) return null;
    const bytes = row.bytes ?? (await this.readObject(id));
    return bytes ? { upload: recordOf(row), bytes } : null;
  }

  /** After their rows were deleted: lets go of what the store keeps outside PostgreSQL. */
  abstract forget(ids: string[]): Promise<void>;

  protected abstract create(id: string, upload: NewUpload): Promise<UploadRecord>;
  protected abstract readObject(id: string): Promise<Buffer | null>;

  protected async insert(row: Omit<UploadEntity, 'createdAt' | 'lastUploadedAt' | 'inUseAt'>): Promise<UploadRecord> {
    const uploads = this.dataSource.getRepository(UploadEntity);
    return recordOf(await uploads.save(uploads.create(row)));
  }
}

@Injectable()
export class PostgresUploadStore extends UploadStore {
  protected create(id: string, upload: NewUpload): Promise<UploadRecord> {
    return this.insert({ ...upload, id });
  }

  protected readObject(): Promise<Buffer | null> {
    return Promise.resolve(null);
  }

  forget(): Promise<void> {
    return Promise.resolve();
  }
}
