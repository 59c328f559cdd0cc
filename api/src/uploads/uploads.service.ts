import { Injectable } from '@nestjs/common';
import { parseUploadFile } from '@peerdesk/markdown';
import { createHash } from 'node:crypto';
import { authorize, type Actor } from '../identity/policy';
import { RateLimitService } from '../platform/rate-limit/rate-limit.service';
import { EXTENSIONS, toPostImage } from './upload-image';
import { UploadStore, type UploadRecord } from './upload-store';

/** Uploads per person and hour; every attempt counts, as decoding is the expensive part. */
const UPLOADS_PER_HOUR = 60;

/** The path of an upload on the web origin, as posts embed it: `/uploads/<id>-<width>x<height>.<ext>` (see `parseUploadFile`). */
export const uploadPath = (upload: Pick<UploadRecord, 'id' | 'mime' | 'width' | 'height'>): string =>
  `/uploads/${upload.id}-${upload.width}x${upload.height}.${EXTENSIONS[upload.mime]}`;

@Injectable()
export class UploadsService {
  constructor(
    private readonly store: UploadStore,
    private readonly rateLimits: RateLimitService,
  ) {}

  /** authorize → count the attempt → check and re-encode → store (deduplicated per owner). */
  async create(actor: Actor | null, file: () => Promise<Buffer>): Promise<UploadRecord> {
    authorize(actor, 'upload.create', undefined);
    await this.rateLimits.hit({ key: `upload:user:${actor.id}`, max: UPLOADS_PER_HOUR, windowSeconds: 3600 });
    const image = await toPostImage(await file());
    return this.store.save({
      ownerId: actor.id,
      bytes: image.image,
      mime: image.contentType,
      width: image.width,
      height: image.height,
      size: image.image.length,
      sha256: createHash('sha256').update(image.image).digest('hex'),
    });
  }

  /** The upload behind a file name; null unless its extension (and its size, where named) match the stored image. */
  async open(fileName: string): Promise<{ upload: UploadRecord; bytes: Buffer } | null> {
    const file = parseUploadFile(fileName.toLowerCase());
    if (!file) return null;
    const found = await this.store.open(file.id);
    if (!found || EXTENSIONS[found.upload.mime] !== file.ext) return null;
    return file.width === null || (file.width === found.upload.width && file.height === found.upload.height) ? found : null;
  }
}
