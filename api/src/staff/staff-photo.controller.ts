import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { AuditLogService } from '../audit/audit-log.service';
import { authorize } from '../identity/policy';
import { SESSION_COOKIE, SessionService } from '../identity/session.service';
import { AppConfig } from '../platform/config';
import { assertSiteUpload, readSingleFile, sendDomainError } from '../platform/http-upload';
import { isId } from '../platform/ids';
import { PHOTO_LIMITS, StaffPhotoService, toStaffPhoto } from './staff-photo.service';

/** Staff photos over plain HTTP (multipart is no business of GraphQL); errors have the GraphQL error shape. */
@Controller('staff')
export class StaffPhotoController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly photos: StaffPhotoService,
    private readonly audit: AuditLogService,
    private readonly config: AppConfig,
  ) {}

  @Post('photo')
  async upload(@Req() req: Request, @Res() res: Response): Promise<void> {
    try {
      assertSiteUpload(req, this.config.publicUrl);
      const actor = await this.sessions.resolve(req.cookies?.[SESSION_COOKIE] as string | undefined);
      authorize(actor, 'staff.editFace', undefined);
      const photo = await toStaffPhoto(await readSingleFile(req, res, PHOTO_LIMITS));
      await this.dataSource.transaction(async (manager) => {
        await this.photos.store(manager, actor.id, photo);
        await this.audit.record(manager, {
          actorId: actor.id,
          action: 'staff.photo_changed',
          subjectType: 'user',
          subjectId: actor.id,
          details: { etag: photo.etag },
        });
      });
      res.status(201).json({ photoVersion: photo.etag });
    } catch (error) {
      sendDomainError(res, error);
    }
  }

  @Get('photos/:userId')
  async photo(@Param('userId') userId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const photo = isId(userId) ? await this.photos.get(userId) : null;
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (!photo) {
      res.status(404).type('text/plain').send('No photo.');
      return;
    }
    const etag = `"${photo.etag}"`;
    // The page links the photo with its version (?v=etag), so a versioned URL never changes its content.
    res.setHeader('Cache-Control', req.query.v === photo.etag ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
    res.setHeader('ETag', etag);
    res.setHeader('Content-Security-Policy', "default-src 'none'");
    if (req.headers['if-none-match'] === etag) {
      res.status(304).end();
      return;
    }
    res.status(200).type(photo.contentType).send(photo.image);
  }
}
