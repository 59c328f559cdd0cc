import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { authorize, type Actor } from '../identity/policy';
import { RateLimitService } from '../platform/rate-limit/rate-limit.service';
import { EXTENSIONS, toPostImage } from './upload-image';
import { UploadStore, type UploadRecord } from './upload-store';

/** Uploads per person and hour; every attempt counts, as decoding is the expensive part. */
const UPLOADS_PER_HOUR = 60;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The path of an upload on the web origin, as posts embed it: `/uploads/<id>.<ext>`. */
export const uploadPath = (upload: Pick<UploadRecord, 'id' | 'mime'>): string => `/uploads/${upload.id}.${EXTENSIONS[upload.mime]}`;

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

  /** The upload behind a file name `<id>.<ext>`; null unless both match a stored image. */
  async open(fileName: string): Promise<{ upload: UploadRecord; bytes: Buffer } | null> {
    const [id, ext] = fileName.toLowerCase().split('.');
    if (!id || !UUID.test(id)) return null;
    const found = await this.store.open(id);
    return found && EXTENSIONS[found.upload.mime] === ext ? found : null;
  }
}
