import { reencodeImage, type EncodedImage, type ImageLimits } from '../platform/images';

/** Longest side of a stored image; larger screenshots are scaled down to it. */
export const MAX_SIDE = 2560;
export const UPLOAD_LIMITS: ImageLimits = { field: 'image', noun: 'image', maxBytes: 5 * 1024 * 1024, maxPixels: 40_000_000 };

/** The stored formats and their file extensions (the extension is part of the URL). */
export const EXTENSIONS: Readonly<Record<string, string>> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

/**
 * Checks an image for a post by its content and re-encodes it in its own family: screenshots (PNG, and
 * GIF's first frame) stay lossless PNG, photos stay JPEG, WebP stays WebP; at most 2560 px on the long side.
 */
export function toPostImage(upload: Buffer): Promise<EncodedImage> {
  return reencodeImage(upload, UPLOAD_LIMITS, async (decoder, format) => {
    const fitted = decoder.resize(MAX_SIDE, MAX_SIDE, { fit: 'inside', withoutEnlargement: true });
    const encoded =
      format === 'jpeg'
        ? { sharp: fitted.jpeg({ quality: 85 }), contentType: 'image/jpeg' }
        : format === 'webp'
          ? { sharp: fitted.webp({ quality: 85 }), contentType: 'image/webp' }
          : { sharp: fitted.png({ compressionLevel: 9 }), contentType: 'image/png' };
    const { data, info } = await encoded.sharp.toBuffer({ resolveWithObject: true });
    return { image: data, contentType: encoded.contentType, width: info.width, height: info.height };
  });
}
