import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer from 'multer';
import { DataSource } from 'typeorm';
import { AuditLogService } from '../audit/audit-log.service';
import { authorize } from '../identity/policy';
import { SESSION_COOKIE, SessionService } from '../identity/session.service';
import { AppConfig } from '../platform/config';
import { DomainError, fieldError, forbidden } from '../platform/errors';
import { isId } from '../platform/ids';
import { MAX_PHOTO_BYTES, StaffPhotoService, toStaffPhoto } from './staff-photo.service';

/** Browsers cannot send a custom header to another origin without a preflight, which this api never grants. */
export const UPLOAD_HEADER = 'x-peerdesk-upload';

const STATUS: Record<DomainError['code'], number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 0 } }).single('photo');

function readUpload(req: Request, res: Response): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    upload(req, res, (error: unknown) => {
      if (error instanceof multer.MulterError)
        reject(
          error.code === 'LIMIT_FILE_SIZE'
            ? fieldError('photo', 'too_large', 'The photo may be at most 5 MB.')
            : fieldError('photo', 'invalid', 'Send one file in the form field "photo".'),
        );
      else if (error) reject(fieldError('photo', 'invalid', 'The upload could not be read.'));
      else resolve(req.file?.buffer ?? Buffer.alloc(0));
    });
  });
}

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
      const origin = req.headers.origin;
      if (req.headers[UPLOAD_HEADER] !== '1' || (origin !== undefined && origin !== new URL(this.config.publicUrl).origin))
        throw forbidden('Upload through the Peerdesk site.');
      const actor = await this.sessions.resolve(req.cookies?.[SESSION_COOKIE] as string | undefined);
      authorize(actor, 'staff.editFace', undefined);
      const photo = await toStaffPhoto(await readUpload(req, res));
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
      if (!(error instanceof DomainError)) throw error;
      res.status(STATUS[error.code]).json({
        errors: [{ message: error.message, extensions: { code: error.code, ...(error.fields.length ? { fields: error.fields } : {}) } }],
      });
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
