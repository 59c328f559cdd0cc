import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { SESSION_COOKIE, SessionService } from '../identity/session.service';
import { AppConfig } from '../platform/config';
import { assertSiteUpload, readSingleFile, sendDomainError } from '../platform/http-upload';
import { UPLOAD_LIMITS } from './upload-image';
import { uploadPath, UploadsService } from './uploads.service';

/** Images for posts over plain HTTP (multipart is no business of GraphQL); errors have the GraphQL error shape. */
@Controller('uploads')
export class UploadsController {
  constructor(
    private readonly sessions: SessionService,
    private readonly uploads: UploadsService,
    private readonly config: AppConfig,
  ) {}

  @Post()
  async upload(@Req() req: Request, @Res() res: Response): Promise<void> {
    try {
      assertSiteUpload(req, this.config.publicUrl);
      const actor = await this.sessions.resolve(req.cookies?.[SESSION_COOKIE] as string | undefined);
      const upload = await this.uploads.create(actor, () => readSingleFile(req, res, UPLOAD_LIMITS));
      res.status(201).json({ url: uploadPath(upload), mime: upload.mime, width: upload.width, height: upload.height, size: upload.size });
    } catch (error) {
      sendDomainError(res, error);
    }
  }

  @Get(':file')
  async serve(@Param('file') file: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const found = await this.uploads.open(file);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (!found) {
      res.status(404).type('text/plain').send('No such image.');
      return;
    }
    const etag = `"${found.upload.sha256}"`;
    // An upload never changes under its id, so it may be cached for good.
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.setHeader('ETag', etag);
    res.setHeader('Content-Security-Policy', "default-src 'none'");
    res.setHeader('Content-Disposition', `inline; filename="${file.toLowerCase()}"`);
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    if (req.headers['if-none-match'] === etag) {
      res.status(304).end();
      return;
    }
    res.status(200).type(found.upload.mime).send(found.bytes);
  }
}
