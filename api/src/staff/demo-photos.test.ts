import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { toStaffPhoto } from './staff-photo.service';
import { initialsPortrait } from './demo-photos';

describe('demo staff portraits', () => {
  it('renders initials on a colour that passes the upload pipeline as a 256×256 WebP', async () => {
    const photo = await toStaffPhoto(await initialsPortrait('Miriam Çelik'));
    expect(photo.contentType).toBe('image/webp');
    expect(await sharp(photo.image).metadata()).toMatchObject({ width: 256, height: 256, format: 'webp' });
    const { dominant } = await sharp(photo.image).stats();
    expect(dominant.r + dominant.g + dominant.b).toBeLessThan(600); // a colour, not a blank white square
  });
});
