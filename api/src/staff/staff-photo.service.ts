import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, fieldError } from '../platform/errors';
import { StaffPhotoEntity } from './staff-photo.entity';

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** Decompression bombs: a small file may declare a huge canvas; sharp refuses to decode more pixels than this. */
const MAX_PHOTO_PIXELS = 40_000_000;
export const PHOTO_SIZE = 256;

/** The formats we accept, recognised by their first bytes (the file name and declared type are ignored). */
const SIGNATURES: readonly { format: string; matches: (b: Buffer) => boolean }[] = [
  { format: 'jpeg', matches: (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { format: 'png', matches: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { format: 'webp', matches: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  { format: 'gif', matches: (b) => /^GIF8[79]a$/.test(b.subarray(0, 6).toString('latin1')) },
];

const notAnImage = () => fieldError('photo', 'not_an_image', 'This file is not a JPEG, PNG, WebP or GIF image.');

/** Checks an uploaded photo by its content and re-encodes it: a square 256×256 WebP without metadata. */
export async function toStaffPhoto(upload: Buffer): Promise<{ image: Buffer; contentType: string; etag: string }> {
  if (upload.length === 0) throw fieldError('photo', 'required', 'Choose a photo to upload.');
  if (upload.length > MAX_PHOTO_BYTES) throw fieldError('photo', 'too_large', 'The photo may be at most 5 MB.');
  const signature = SIGNATURES.find((s) => s.matches(upload));
  if (!signature) throw notAnImage();
  let image: Buffer;
  try {
    const decoder = sharp(upload, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'error', animated: false });
    const meta = await decoder.metadata();
    // A PNG header on a JPEG body (or any other mismatch) is not what it claims to be.
    if (meta.format !== signature.format) throw notAnImage();
    image = await decoder.rotate().resize(PHOTO_SIZE, PHOTO_SIZE, { fit: 'cover', position: 'attention' }).webp({ quality: 82 }).toBuffer();
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message))
      throw fieldError('photo', 'too_many_pixels', 'The image is too large; use one of at most 40 megapixels.');
    if (error instanceof DomainError) throw error;
    throw notAnImage();
  }
  return { image, contentType: 'image/webp', etag: createHash('sha256').update(image).digest('hex').slice(0, 32) };
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
