import sharp from 'sharp';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, ask, seedSpace, signUp, type TestUser } from '../test-support/builders';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { UNUSED_UPLOAD_GRACE_HOURS, UnusedUploadSweeper } from './unused-upload-sweeper';

/** A picture with a gradient (so encoders have something to do) in the given format, with metadata if asked. */
function picture(format: 'png' | 'jpeg' | 'webp', width = 120, height = 80, exif?: Record<string, string>): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 7) % 256;
  let image = sharp(pixels, { raw: { width, height, channels: 3 } });
  if (exif) image = image.withExif({ IFD0: exif });
  return image.toFormat(format).toBuffer();
}

interface UploadError {
  errors: { extensions: { code: string; fields?: { field: string; code: string }[] } }[];
}

describe('uploads (images in posts)', () => {
  let t: TestApp;
  let member: TestUser;
  let other: TestUser;

  const upload = (cookie: string | null, file: Buffer, filename = 'screenshot.png') => {
    let req = request(t.app.getHttpServer()).post('/uploads').set('x-peerdesk-upload', '1');
    if (cookie) req = req.set('cookie', cookie);
    return req.attach('image', file, filename);
  };
  const serve = (path: string) => request(t.app.getHttpServer()).get(path).buffer(true);
  const rows = async () => Number((await t.dataSource.query(`SELECT count(*) FROM uploads`))[0].count);
  const fieldCode = (body: unknown) => (body as UploadError).errors[0]!.extensions.fields?.[0]?.code;

  beforeAll(async () => {
    t = await createTestApp();
    member = await signUp(t, 'Pia Picture');
    other = await signUp(t, 'Otto Other');
  });
  afterAll(() => t?.close());

  it('accepts PNG, JPEG and WebP by their content, re-encoded in the same family without metadata', async () => {
    const cases = [
      { format: 'png', mime: 'image/png', ext: 'png', name: 'shot.PNG' },
      { format: 'jpeg', mime: 'image/jpeg', ext: 'jpg', name: 'photo.jpeg' },
      // The file name does not decide anything: a WebP called .png is a WebP.
      { format: 'webp', mime: 'image/webp', ext: 'webp', name: 'looks-like.png' },
    ] as const;
    for (const c of cases) {
      const file = await picture(c.format, 120, 80, { Copyright: 'Secret Place 47.3769N', Artist: 'Pia' });
      expect(file.includes('Secret Place')).toBe(true);
      const res = await upload(member.cookie, file, c.name);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({ mime: c.mime, width: 120, height: 80 });
      expect(res.body.url).toMatch(new RegExp(`^/uploads/[0-9a-f-]{36}-120x80\\.${c.ext}$`));

      const served = await serve(res.body.url);
      expect(served.status).toBe(200);
      const bytes = served.body as Buffer;
      expect(bytes.equals(file)).toBe(false);
      expect(bytes.includes('Secret Place')).toBe(false);
      const meta = await sharp(bytes).metadata();
      expect(meta.format).toBe(c.format);
      expect(meta.exif).toBeUndefined();
    }
  });

  it('serves an upload as an inert image: its type, nosniff, no active content, cached for good', async () => {
    const res = await upload(member.cookie, await picture('png', 40, 30));
    const url = res.body.url as string;
    const served = await serve(url);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-security-policy']).toBe("default-src 'none'");
    expect(served.headers['content-disposition']).toMatch(/^inline/);
    expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const again = await serve(url).set('if-none-match', served.headers.etag!);
    expect(again.status).toBe(304);
    // Another extension, an unknown id or anything else than an id: not found.
    expect((await serve(url.replace(/\.png$/, '.jpg'))).status).toBe(404);
    // The name carries the size (pages reserve the space); another size is not this image, no size is the older name.
    expect(url).toMatch(/-40x30\.png$/);
    expect((await serve(url.replace('-40x30.', '-41x30.'))).status).toBe(404);
    expect((await serve(url.replace('-40x30.', '.'))).status).toBe(200);
    expect((await serve('/uploads/00000000-0000-4000-8000-000000000000.png')).status).toBe(404);
    expect((await serve('/uploads/..%2Fetc%2Fpasswd')).status).toBe(404);
  });

  it('scales a large screenshot down to 2560 px on the long side', async () => {
    const screenshot = await sharp({ create: { width: 3000, height: 1200, channels: 3, background: '#f4f6f8' } })
      .png()
      .toBuffer();
    const res = await upload(member.cookie, screenshot);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ mime: 'image/png', width: 2560, height: 1024 });
    const meta = await sharp((await serve(res.body.url)).body as Buffer).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 2560, 1024]);
  });

  it('stores an image whose lossless encoding would exceed 5 MB as WebP', async () => {
    // Small as uploaded (a repeating pattern), but scaling it down makes every pixel different: about 5.3 MB as PNG.
    const pixels = Buffer.alloc(3000 * 1200 * 3);
    for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 7 + (i >> 12)) % 256;
    const file = await sharp(pixels, { raw: { width: 3000, height: 1200, channels: 3 } })
      .png()
      .toBuffer();
    expect(file.length).toBeLessThan(200 * 1024);
    const res = await upload(member.cookie, file);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ mime: 'image/webp', width: 2560, height: 1024 });
    expect(res.body.url).toMatch(/\.webp$/);
    expect(res.body.size).toBeLessThanOrEqual(5 * 1024 * 1024);
  });

  it('keeps one copy when the same person uploads the same image again', async () => {
    const file = await picture('jpeg', 64, 64);
    const before = await rows();
    const first = await upload(member.cookie, file);
    const second = await upload(member.cookie, file);
    expect(second.body.url).toBe(first.body.url);
    const byOther = await upload(other.cookie, file);
    expect(byOther.body.url).not.toBe(first.body.url);
    expect(await rows()).toBe(before + 2);
  });

  it('refuses what is not an image, whatever it is called, with stable codes, and stores nothing', async () => {
    const png = await picture('png', 16, 16);
    const cases: [string, Buffer, string][] = [
      ['svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'diagram.svg'],
      ['html named .png', Buffer.from('<!doctype html><script>alert(document.cookie)</script>'), 'screenshot.png'],
      // GIF header and JavaScript in one file (a GIF/JS polyglot): the header matches, the decoder refuses the body.
      ['GIF/JS polyglot', Buffer.from('GIF89a/*\x01\x00\x01\x00\x00\x00\x00*/=1;alert(document.cookie);//'), 'cat.gif'],
      ['PNG signature on HTML', Buffer.concat([png.subarray(0, 8), Buffer.from('<html><script>alert(1)</script></html>')]), 'x.png'],
      ['PNG header on a JPEG body', Buffer.concat([png.subarray(0, 8), await picture('jpeg', 16, 16)]), 'x.png'],
      ['PDF', Buffer.from('%PDF-1.7\n1 0 obj\n'), 'report.jpg'],
    ];
    const before = await rows();
    for (const [label, file, name] of cases) {
      const res = await upload(member.cookie, file, name);
      expect(res.status, label).toBe(400);
      expect(fieldCode(res.body), label).toBe('not_an_image');
    }
    expect((await upload(member.cookie, Buffer.alloc(0), 'empty.png')).status).toBe(400);
    expect(await rows()).toBe(before);
  });

  it('drops what a polyglot hides after the image data', async () => {
    const html = '<html><body><script>alert(document.cookie)</script></body></html>';
    const file = Buffer.concat([await picture('png', 20, 20), Buffer.from(html)]);
    const res = await upload(member.cookie, file, 'innocent.png');
    expect(res.status).toBe(201);
    const served = (await serve(res.body.url)).body as Buffer;
    expect(served.includes('<script>')).toBe(false);
  });

  it('refuses a file over 5 MB and a decompression bomb, with stable codes', async () => {
    const before = await rows();
    const huge = Buffer.concat([await picture('png'), Buffer.alloc(5 * 1024 * 1024 + 1)]);
    const big = await upload(member.cookie, huge);
    expect(big.status).toBe(400);
    expect(fieldCode(big.body)).toBe('too_large');
    // A tiny PNG that declares 10,000 × 10,000 pixels.
    const bomb = await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const res = await upload(member.cookie, bomb);
    expect(res.status).toBe(400);
    expect(fieldCode(res.body)).toBe('too_many_pixels');
    expect(await rows()).toBe(before);
  });

  it('takes uploads only from signed-in, not suspended people through the site', async () => {
    const file = await picture('png', 8, 8);
    const before = await rows();
    const anonymous = await upload(null, file);
    expect(anonymous.status).toBe(401);
    expect((anonymous.body as UploadError).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    expect((await request(t.app.getHttpServer()).post('/uploads').set('cookie', member.cookie).attach('image', file, 'a.png')).status).toBe(
      403,
    );
    const foreign = await upload(member.cookie, file).set('origin', 'https://evil.example');
    expect(foreign.status).toBe(403);
    const suspended = await signUp(t, 'Sam Suspended');
    await t.dataSource.query(`UPDATE users SET suspended_until = now() + interval '1 day' WHERE id = $1`, [suspended.id]);
    const refused = await upload(suspended.cookie, file);
    expect(refused.status).toBe(403);
    expect((refused.body as UploadError).errors[0]!.extensions.code).toBe('FORBIDDEN');
    expect(await rows()).toBe(before);
  });

  it('limits uploads per person and hour', async () => {
    const busy = await signUp(t, 'Busy Bea');
    await t.dataSource.query(
      `INSERT INTO rate_limit_buckets (key, window_start, hits) VALUES ($1, to_timestamp(floor(extract(epoch FROM now()) / 3600) * 3600), 60)`,
      [`upload:user:${busy.id}`],
    );
    const res = await upload(busy.cookie, await picture('png', 8, 8));
    expect(res.status).toBe(429);
    expect((res.body as UploadError).errors[0]!.extensions.code).toBe('RATE_LIMITED');
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
  });

  it('deletes images nobody used in a text within a day, and keeps used ones for good', async () => {
    await seedSpace(t.dataSource);
    const writer = await signUp(t, 'Walter Writer');
    const uploadOf = async (user: TestUser, width: number) =>
      (await upload(user.cookie, await picture('png', width, 20))).body as { url: string };
    const inQuestion = await uploadOf(writer, 31);
    const inAnswer = await uploadOf(writer, 32);
    const dropped = await uploadOf(writer, 33);
    const othersUse = await uploadOf(other, 34);
    const questionId = await ask(t, writer, {
      body: `The meter shows this since Monday:\n\n![meter](${inQuestion.url})\n\nWhat does it mean?`,
    });
    await answer(t, writer, questionId, `Here is the same screen after a restart: ![after](${inAnswer.url})`);
    // Someone else writing another's image into their own post does not make it used: only the owner's texts count.
    await answer(t, member, questionId, `Looks like this one: ![theirs](${othersUse.url})`);

    const sweeper = t.app.get(UnusedUploadSweeper);
    const status = async (url: string) => (await serve(url)).status;
    // Within the grace period nothing goes.
    expect(await sweeper.sweep(new Date(Date.now() + (UNUSED_UPLOAD_GRACE_HOURS - 1) * 3_600_000))).toEqual({ kept: 0, deleted: 0 });
    // Uploading the dropped image again (it is the same row) starts its grace period anew.
    const later = new Date(Date.now() + (UNUSED_UPLOAD_GRACE_HOURS + 1) * 3_600_000);
    await t.dataSource.query(`UPDATE uploads SET last_uploaded_at = now() + interval '2 hours' WHERE id = $1`, [dropped.url.slice(9, 45)]);
    const first = await sweeper.sweep(later);
    expect(first.kept).toBe(2);
    expect(await status(inQuestion.url)).toBe(200);
    expect(await status(inAnswer.url)).toBe(200);
    expect(await status(othersUse.url)).toBe(404);
    expect(await status(dropped.url)).toBe(200);

    const afterRegrace = await sweeper.sweep(new Date(later.getTime() + 3 * 3_600_000));
    expect(afterRegrace.kept).toBe(0);
    expect(await status(dropped.url)).toBe(404);
    // Used ones stay, even when the text is edited later and no longer shows them (older versions do).
    expect(await status(inQuestion.url)).toBe(200);
    const inUse = await t.dataSource.query(`SELECT count(*)::int AS n FROM uploads WHERE in_use_at IS NOT NULL`);
    expect(inUse[0].n).toBe(2);
  });
});
