import type { Sharp } from 'sharp';
import { DomainError, fieldError } from './errors';

/** The formats we accept, recognised by their first bytes (the file name and declared type are ignored). */
export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif';

const SIGNATURES: readonly { format: ImageFormat; matches: (b: Buffer) => boolean }[] = [
  { format: 'jpeg', matches: (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { format: 'png', matches: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { format: 'webp', matches: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  { format: 'gif', matches: (b) => /^GIF8[79]a$/.test(b.subarray(0, 6).toString('latin1')) },
];

/**
 * sharp, loaded with the first image rather than at start-up: libvips keeps ~15 MiB resident once
 * loaded, and most api processes never handle an image (uploads and staff photos are rare).
 */
export async function loadSharp(): Promise<typeof import('sharp')> {
  return (await import('sharp')).default;
}

export interface ImageLimits {
  /** The form field the problems are reported on, e.g. `photo`. */
  field: string;
  /** How the message names the file: "photo", "image". */
  noun: string;
  maxBytes: number;
  /** Decompression bombs: a small file may declare a huge canvas; the decoder refuses more pixels than this. */
  maxPixels: number;
}

export interface EncodedImage {
  image: Buffer;
  contentType: string;
  width: number;
  height: number;
}

/**
 * Checks an uploaded image by its content and lets `encode` re-encode it, so only bytes our encoder
 * wrote are ever stored or served: metadata (EXIF, GPS, comments) and anything appended to or hidden
 * in the file are gone. EXIF orientation is applied first. Refusals carry stable codes: `required`,
 * `too_large`, `not_an_image`, `too_many_pixels`.
 */
export async function reencodeImage(
  upload: Buffer,
  limits: ImageLimits,
  encode: (decoder: Sharp, format: ImageFormat) => Promise<EncodedImage>,
): Promise<EncodedImage> {
  const notAnImage = () => fieldError(limits.field, 'not_an_image', `This file is not a JPEG, PNG, WebP or GIF image.`);
  if (upload.length === 0) throw fieldError(limits.field, 'required', `Choose a ${limits.noun} to upload.`);
  if (upload.length > limits.maxBytes) throw tooLarge(limits);
  const signature = SIGNATURES.find((s) => s.matches(upload));
  if (!signature) throw notAnImage();
  const sharp = await loadSharp();
  try {
    const decoder = sharp(upload, { limitInputPixels: limits.maxPixels, failOn: 'error', animated: false });
    const meta = await decoder.metadata();
    // A PNG header on a JPEG body (or any other mismatch) is not what it claims to be.
    if (meta.format !== signature.format) throw notAnImage();
    return await encode(decoder.rotate(), signature.format);
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message))
      throw fieldError(
        limits.field,
        'too_many_pixels',
        `The image is too large; use one of at most ${Math.floor(limits.maxPixels / 1_000_000)} megapixels.`,
      );
    if (error instanceof DomainError) throw error;
    throw notAnImage();
  }
}

export const tooLarge = (limits: Pick<ImageLimits, 'field' | 'noun' | 'maxBytes'>): DomainError =>
  fieldError(limits.field, 'too_large', `The ${limits.noun} may be at most ${Math.floor(limits.maxBytes / (1024 * 1024))} MB.`);
