import sharp from 'sharp';
import request from 'supertest';
import { setRole, signUp, type TestUser } from './builders';
import type { TestApp } from './test-app';

/** A small PNG portrait, as a browser would upload it. */
export function portrait(width = 64, height = 64): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#2a7f62' } })
    .png()
    .toBuffer();
}

export function uploadPhoto(t: TestApp, cookie: string, file: Buffer, filename = 'me.png'): request.Test {
  return request(t.app.getHttpServer())
    .post('/staff/photo')
    .set('cookie', cookie)
    .set('x-peerdesk-upload', '1')
    .attach('photo', file, filename);
}

/** A staff member with a real name and a photo, so public replies may go out. */
export async function signUpStaff(t: TestApp, displayName: string, role = 'agent'): Promise<TestUser> {
  const user = await signUp(t, displayName);
  await setRole(t.dataSource, user.id, role);
  const res = await uploadPhoto(t, user.cookie, await portrait());
  if (res.status !== 201) throw new Error(`photo upload failed: ${res.status} ${JSON.stringify(res.body)}`);
  return user;
}

/**
 * For tests about other things than four-eyes review: staff replies in every space go out directly,
 * and the given staff members have a face (photo row; their display names must be real names).
 */
export async function allowDirectStaffReplies(t: TestApp, staffUserIds: readonly string[] = []): Promise<void> {
  await t.dataSource.query(
    `INSERT INTO space_review_settings (space_id, review_staff_replies) SELECT id, false FROM spaces
     ON CONFLICT (space_id) DO UPDATE SET review_staff_replies = false`,
  );
  const image = await portrait();
  for (const userId of staffUserIds)
    await t.dataSource.query(
      `INSERT INTO staff_photos (user_id, image, content_type, etag) VALUES ($1, $2, 'image/png', md5($1::text))
       ON CONFLICT (user_id) DO NOTHING`,
      [userId, image],
    );
}
