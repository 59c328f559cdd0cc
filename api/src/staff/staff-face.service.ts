import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, type EntityManager } from 'typeorm';
import type { StaffFaceRef } from '../identity/policy';
import type { RequestContext } from '../platform/graphql/request-context';
import { isRealDisplayName } from './display-name';
import { StaffPhotoService } from './staff-photo.service';

const PHOTO_VERSIONS = Symbol('staffPhotoVersions');

/** What a staff member shows the public: real name and photo. */
@Injectable()
export class StaffFaceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly photos: StaffPhotoService,
  ) {}

  /** The face of a user as the policy's `staff.speakPublicly` rule reads it. */
  async faceOf(manager: EntityManager, userId: string): Promise<StaffFaceRef & { displayName: string; photoVersion: string | null }> {
    const rows: { display_name: string; etag: string | null }[] = await manager.query(
      `SELECT u.display_name, p.etag FROM users u LEFT JOIN staff_photos p ON p.user_id = u.id WHERE u.id = $1`,
      [userId],
    );
    const row = rows[0];
    return {
      displayName: row?.display_name ?? '',
      hasRealName: !!row && isRealDisplayName(row.display_name),
      hasPhoto: !!row?.etag,
      photoVersion: row?.etag ?? null,
    };
  }

  face(userId: string): ReturnType<StaffFaceService['faceOf']> {
    return this.faceOf(this.dataSource.manager, userId);
  }

  /** Batched per request. */
  photoVersion(ctx: RequestContext, userId: string): Promise<string | null> {
    return ctx.loader(PHOTO_VERSIONS, () => new DataLoader<string, string | null>((ids) => this.photos.versions(ids))).load(userId);
  }
}
