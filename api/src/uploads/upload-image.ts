import type { Sharp } from 'sharp';
import { reencodeImage, type EncodedImage, type ImageLimits } from '../platform/images';

/** Longest side of a stored image; larger screenshots are scaled down to it. */
export const MAX_SIDE = 2560;
export const UPLOAD_LIMITS: ImageLimits = { field: 'image', noun: 'image', maxBytes: 5 * 1024 * 1024, maxPixels: 40_000_000 };

/** The stored formats and their file extensions (the extension is part of the URL). */
export const EXTENSIONS: Readonly<Record<string, string>> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

/**
 * Checks an image for a post by its content and re-encodes it in its own family: screenshots (PNG, and
 * GIF's first frame) stay lossless PNG, photos stay JPEG, WebP stays WebP; at most 2560 px on the long
 * side. A lossless encoding larger than the upload limit (noise, a photo saved as PNG, scaled down) is
 * stored as WebP instead, so no stored image is bigger than what may be uploaded.
 */
export function toPostImage(upload: Buffer): Promise<EncodedImage> {
  return reencodeImage(upload, UPLOAD_LIMITS, async (decoder, format) => {
    const fitted = decoder.resize(MAX_SIDE, MAX_SIDE, { fit: 'inside', withoutEnlargement: true });
    const encode = async (sharp: Sharp, contentType: string): Promise<EncodedImage> => {
      const { data, info } = await sharp.toBuffer({ resolveWithObject: true });
      return { image: data, contentType, width: info.width, height: info.height };
    };
    if (format === 'jpeg') return encode(fitted.jpeg({ quality: 85 }), 'image/jpeg');
    if (format === 'webp') return encode(fitted.webp({ quality: 85 }), 'image/webp');
    const lossless = await encode(fitted.clone().png({ compressionLevel: 9 }), 'image/png');
    return lossless.image.length <= UPLOAD_LIMITS.maxBytes ? lossless : encode(fitted.webp({ quality: 85 }), 'image/webp');
  });
}
