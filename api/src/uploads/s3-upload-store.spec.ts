import { AwsClient } from 'aws4fetch';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import sharp from 'sharp';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type TestUser } from '../test-support/builders';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { UNUSED_UPLOAD_GRACE_HOURS, UnusedUploadSweeper } from './unused-upload-sweeper';

const BUCKET = 'peerdesk-uploads';

/** A small picture of its own colour, so each call is another image. */
const picture = (shade: number): Promise<Buffer> =>
  sharp({ create: { width: 24, height: 16, channels: 3, background: { r: shade, g: 90, b: 160 } } })
    .png()
    .toBuffer();

/**
 * Uploads kept in an S3-compatible bucket (`UPLOADS_S3_URL`), against a local S3 server (s3rver) standing
 * in for the object store, the one part outside the machine. It checks the access key, not the
 * Signature V4 itself.
 */
describe('uploads in an object store', () => {
  let s3: S3rver;
  let directory: string;
  let endpoint: string;
  let t: TestApp;
  let member: TestUser;

  const object = (key: string) =>
    new AwsClient({ accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', service: 's3', region: 'us-east-1' }).fetch(
      `${endpoint}/${BUCKET}/${key}`,
    );
  const upload = (cookie: string, file: Buffer) =>
    request(t.app.getHttpServer()).post('/uploads').set('x-peerdesk-upload', '1').set('cookie', cookie).attach('image', file, 'shot.png');
  const serve = (path: string) => request(t.app.getHttpServer()).get(path).buffer(true);
  const idOf = (url: string) => url.slice('/uploads/'.length, '/uploads/'.length + 36);

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'peerdesk-s3-'));
    s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: BUCKET, configs: [] }] });
    const address = (await s3.run()) as AddressInfo;
    endpoint = `http://127.0.0.1:${address.port}`;
    t = await createTestApp({ UPLOADS_S3_URL: `http://S3RVER:S3RVER@127.0.0.1:${address.port}/${BUCKET}/images?region=us-east-1` });
    member = await signUp(t, 'Sina Storage');
  });
  afterAll(async () => {
    await t?.close();
    await s3?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('puts the bytes in the bucket, keeps only the row in PostgreSQL, and serves them back', async () => {
    const res = await upload(member.cookie, await picture(10));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const id = idOf(res.body.url as string);
    const [row] = await t.dataSource.query(`SELECT bytes IS NULL AS elsewhere, size FROM uploads WHERE id = $1`, [id]);
    expect(row.elsewhere).toBe(true);

    const stored = await object(`images/${id}`);
    expect(stored.status).toBe(200);
    const bytes = Buffer.from(await stored.arrayBuffer());
    expect(bytes.length).toBe(row.size);

    const served = await serve(res.body.url as string);
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect((served.body as Buffer).equals(bytes)).toBe(true);

    // The same image again is the same upload: no second object.
    const again = await upload(member.cookie, await picture(10));
    expect(again.body.url).toBe(res.body.url);
  });

  it('still serves images stored in PostgreSQL before the site moved to the bucket', async () => {
    const bytes = await picture(20);
    const [row] = await t.dataSource.query(
      `INSERT INTO uploads (id, owner_id, bytes, mime, width, height, size, sha256)
       VALUES (gen_random_uuid(), $1, $2, 'image/png', 24, 16, $3, repeat('a', 64)) RETURNING id`,
      [member.id, bytes, bytes.length],
    );
    const served = await serve(`/uploads/${row.id}.png`);
    expect(served.status).toBe(200);
    expect((served.body as Buffer).equals(bytes)).toBe(true);
  });

  it('deletes the object of an upload nobody used', async () => {
    const res = await upload(member.cookie, await picture(30));
    const id = idOf(res.body.url as string);
    expect((await object(`images/${id}`)).status).toBe(200);
    const swept = await t.app.get(UnusedUploadSweeper).sweep(new Date(Date.now() + (UNUSED_UPLOAD_GRACE_HOURS + 1) * 3_600_000));
    expect(swept.deleted).toBeGreaterThanOrEqual(1);
    expect((await object(`images/${id}`)).status).toBe(404);
    expect((await serve(res.body.url as string)).status).toBe(404);
  });

  it('stores nothing when the bucket refuses the request (an unknown access key)', async () => {
    const wrong = await createTestApp(
      { UPLOADS_S3_URL: `${endpoint.replace('//', '//NOBODY:secret@')}/${BUCKET}/images?region=us-east-1` },
      { sameDatabaseAs: t },
    );
    try {
      const before = (await t.dataSource.query(`SELECT count(*)::int AS n FROM uploads`))[0].n;
      const res = await request(wrong.app.getHttpServer())
        .post('/uploads')
        .set('x-peerdesk-upload', '1')
        .set('cookie', member.cookie)
        .attach('image', await picture(40), 'shot.png');
      expect(res.status).toBeGreaterThanOrEqual(500);
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM uploads`))[0].n).toBe(before);
    } finally {
      await wrong.close();
    }
  });
});
