import type { EntityManager } from 'typeorm';
import { initialsOf } from '../identity/models/user.model';
import { loadSharp } from '../platform/images';
import { toStaffPhoto } from './staff-photo.service';

/** Calm background colours from the design palette, one per person (by name). */
const COLOURS = ['#2a7f62', '#3b6ea8', '#8a5a9e', '#b4643c', '#4f7a8a', '#a34d5e'];

function colourOf(name: string): string {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  return COLOURS[hash % COLOURS.length]!;
}

const escapeXml = (text: string): string => text.replace(/[<>&"']/g, (ch) => `&#${ch.codePointAt(0)};`);

/** A portrait placeholder for demo staff: their initials on a colour, through the same pipeline as an upload. */
export async function initialsPortrait(displayName: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256">
    <rect width="256" height="256" fill="${colourOf(displayName)}"/>
    <text x="128" y="128" dy=".35em" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif" font-size="104" font-weight="600" fill="#fff">${escapeXml(initialsOf(displayName))}</text>
  </svg>`;
  const sharp = await loadSharp();
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** Gives the demo's staff accounts a photo, so they can publish (staff need a face). */
export async function seedDemoStaffPhotos(manager: EntityManager, staff: readonly { id: string; displayName: string }[]): Promise<void> {
  for (const person of staff) {
    const photo = await toStaffPhoto(await initialsPortrait(person.displayName));
    await manager.query(
      `INSERT INTO staff_photos (user_id, image, content_type, etag) VALUES ($1, $2, $3, $4) ON CONFLICT (user_id) DO NOTHING`,
      [person.id, photo.image, photo.contentType, photo.etag],
    );
  }
}
