import type { Request, Response } from 'express';
import multer from 'multer';
import { DomainError, fieldError, forbidden } from './errors';
import { tooLarge, type ImageLimits } from './images';

/** Browsers cannot send a custom header to another origin without a preflight, which this api never grants. */
export const UPLOAD_HEADER = 'x-peerdesk-upload';

/** Plain HTTP uploads (multipart is no business of GraphQL) come from the Peerdesk site only: its header, its origin. */
export function assertSiteUpload(req: Request, publicUrl: string): void {
  const origin = req.headers.origin;
  if (req.headers[UPLOAD_HEADER] !== '1' || (origin !== undefined && origin !== new URL(publicUrl).origin))
    throw forbidden('Upload through the Peerdesk site.');
}

/** Reads the one file of a multipart request into memory, refusing more than `maxBytes` while it streams. */
export function readSingleFile(req: Request, res: Response, limits: Pick<ImageLimits, 'field' | 'noun' | 'maxBytes'>): Promise<Buffer> {
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: limits.maxBytes, files: 1, fields: 0 } }).single(
    limits.field,
  );
  return new Promise((resolve, reject) => {
    upload(req, res, (error: unknown) => {
      if (error instanceof multer.MulterError)
        reject(
          error.code === 'LIMIT_FILE_SIZE'
            ? tooLarge(limits)
            : fieldError(limits.field, 'invalid', `Send one file in the form field "${limits.field}".`),
        );
      else if (error) reject(fieldError(limits.field, 'invalid', 'The upload could not be read.'));
      else resolve(req.file?.buffer ?? Buffer.alloc(0));
    });
  });
}

const STATUS: Record<DomainError['code'], number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

/** Answers a domain error of a plain HTTP endpoint in the GraphQL error shape; anything else is rethrown. */
export function sendDomainError(res: Response, error: unknown): void {
  if (!(error instanceof DomainError)) throw error;
  const retry = error.details.retryAfterSeconds;
  if (typeof retry === 'number') res.setHeader('Retry-After', String(retry));
  res.status(STATUS[error.code]).json({
    errors: [{ message: error.message, extensions: { code: error.code, ...(error.fields.length ? { fields: error.fields } : {}) } }],
  });
}
