import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { reencodeImage, type ImageLimits } from '../platform/images';
import { StaffPhotoEntity } from './staff-photo.entity';

export const PHOTO_SIZE = 256;
export const PHOTO_LIMITS: ImageLimits = { field: 'photo', noun: 'photo', maxBytes: 5 * 1024 * 1024, maxPixels: 40_000_000 };

/** Checks an uploaded photo by its content and re-encodes it: a square 256×256 WebP without metadata. */
export async function toStaffPhoto(upload: Buffer): Promise<{ image: Buffer; contentType: string; etag: string }> {
  const { image, contentType } = await reencodeImage(upload, PHOTO_LIMITS, async (decoder) => ({
    image: await decoder.resize(PHOTO_SIZE, PHOTO_SIZE, { fit: 'cover', position: 'attention' }).webp({ quality: 82 }).toBuffer(),
    contentType: 'image/webp',
    width: PHOTO_SIZE,
    height: PHOTO_SIZE,
  }));
  return { image, contentType, etag: createHash('sha256').update(image).digest('hex').slice(0, 32) };
}

@Injectable()
export class StaffPhotoService {
  constructor(private readonly dataSource: DataSource) {}

  async store(manager: EntityManager, userId: string, photo: { image: Buffer; contentType: string; etag: string }): Promise<void> {
    await manager.upsert(StaffPhotoEntity, { userId, ...photo }, ['userId']);
  }

  get(userId: string): Promise<StaffPhotoEntity | null> {
    return this.dataSource.getRepository(StaffPhotoEntity).findOneBy({ userId });
  }

  /** The photo versions (etags) of these users, batched for a page full of staff posts. */
  async versions(userIds: readonly string[]): Promise<(string | null)[]> {
    const rows: { user_id: string; etag: string }[] = await this.dataSource.query(
      `SELECT user_id, etag FROM staff_photos WHERE user_id = ANY($1::bigint[])`,
      [userIds],
    );
    const byId = new Map(rows.map((r) => [r.user_id, r.etag]));
    return userIds.map((id) => byId.get(id) ?? null);
  }
}
