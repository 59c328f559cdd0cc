import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { idempotentCreate } from '../platform/idempotent-create';
import { UploadEntity } from './upload.entity';

export type UploadRecord = Omit<UploadEntity, 'bytes' | 'lastUploadedAt' | 'inUseAt'>;
export type NewUpload = Omit<UploadEntity, 'id' | 'createdAt' | 'lastUploadedAt' | 'inUseAt'>;

/**
 * Where uploaded images live. PostgreSQL is the one implementation; an object store would implement
 * the same two calls (the row keeps the metadata, the store the bytes).
 */
export abstract class UploadStore {
  /** Stores an image; the same owner storing the same bytes again gets the first record back. */
  abstract save(upload: NewUpload): Promise<UploadRecord>;
  abstract open(id: string): Promise<{ upload: UploadRecord; bytes: Buffer } | null>;
}

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

@Injectable()
export class PostgresUploadStore extends UploadStore {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

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
      create: async () => {
        const {
          bytes: _bytes,
          lastUploadedAt: _last,
          inUseAt: _inUse,
          ...record
        } = await uploads.save(uploads.create({ ...upload, id: randomUUID() }));
        return record;
      },
    });
  }

  async open(id: string): Promise<{ upload: UploadRecord; bytes: Buffer } | null> {
    const row = await this.dataSource.getRepository(UploadEntity).findOneBy({ id });
    if (!row) return null;
    const { bytes, lastUploadedAt: _last, inUseAt: _inUse, ...upload } = row;
    return { upload, bytes };
  }
}
