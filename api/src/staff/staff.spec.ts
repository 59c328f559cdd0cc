import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, seedSpace, setRole, signUp, type TestUser } from '../test-support/builders';
import { expectError } from '../test-support/matchers';
import { portrait, uploadPhoto } from '../test-support/staff-builders';
import { createTestApp, type TestApp } from '../test-support/test-app';

const FACE = `query { myStaffFace { displayName hasRealName photoVersion canSpeakPublicly } }`;
const RENAME = `mutation ($input: UpdateStaffNameInput!) { updateStaffName(input: $input) { displayName hasRealName canSpeakPublicly } }`;
const SAVE = `mutation ($input: SaveStaffDraftInput!) { saveStaffDraft(input: $input) { id } }`;

describe('staff faces', () => {
  let t: TestApp;
  let agent: TestUser;
  let member: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    await seedSpace(t.dataSource);
    agent = await signUp(t, 'support');
    await setRole(t.dataSource, agent.id, 'agent');
    member = await signUp(t, 'Other Olga');
  });
  afterAll(() => t?.close());

  const photoRows = async () => Number((await t.dataSource.query(`SELECT count(*) FROM staff_photos`))[0].count);

  it('keeps a staff member without real name and photo from writing public replies', async () => {
    const questionId = await ask(t, member);
    const face = await t.gql<{ myStaffFace: { hasRealName: boolean; canSpeakPublicly: boolean } }>(FACE, {}, agent.cookie);
    expect(face.data.myStaffFace).toMatchObject({ hasRealName: false, canSpeakPublicly: false });
    const res = await t.gql(SAVE, { input: { kind: 'ANSWER', questionId, body: 'Hallo, wir schauen uns das an. Grüße' } }, agent.cookie);
    expectError(res, 'FORBIDDEN');
    expect(res.errors![0]!.message).toMatch(/real name/);
    expectError(await t.gql(FACE, {}, member.cookie), 'FORBIDDEN');
  });

  it.each(['max@example.com', 'Support Team', 'agent 007'])('refuses the placeholder name %j', async (displayName) => {
    expectError(await t.gql(RENAME, { input: { displayName } }, agent.cookie), 'BAD_USER_INPUT', {
      field: 'displayName',
      code: 'not_a_name',
    });
    const [row] = await t.dataSource.query(`SELECT display_name FROM users WHERE id = $1`, [agent.id]);
    expect(row.display_name).toBe('support');
  });

  it('refuses uploads that are not images, whatever they are called, and changes nothing', async () => {
    const cases: [Buffer, string][] = [
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'me.png'],
      [Buffer.from('%PDF-1.7\n…'), 'photo.jpg'],
      [Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('not really a png')]), 'me.png'],
    ];
    for (const [file, name] of cases) {
      const res = await uploadPhoto(t, agent.cookie, file, name);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions.fields[0]).toMatchObject({ field: 'photo', code: 'not_an_image' });
    }
    expect(await photoRows()).toBe(0);
  });

  it('refuses a huge file (over 5 MB) and an image with too many pixels, changing nothing', async () => {
    const huge = Buffer.concat([await portrait(), Buffer.alloc(5 * 1024 * 1024 + 1)]);
    const big = await uploadPhoto(t, agent.cookie, huge);
    expect(big.status).toBe(400);
    expect(big.body.errors[0].extensions.fields[0]).toMatchObject({ field: 'photo', code: 'too_large' });
    // A tiny PNG that declares 10,000 × 10,000 pixels (a decompression bomb).
    const bomb = await portrait(10_000, 10_000);
    const res = await uploadPhoto(t, agent.cookie, bomb);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.fields[0]).toMatchObject({ field: 'photo', code: 'too_many_pixels' });
    expect(await photoRows()).toBe(0);
  });

  it('refuses uploads without the upload header, from another origin, anonymously, or by members', async () => {
    const file = await portrait();
    const server = t.app.getHttpServer();
    expect((await request(server).post('/staff/photo').set('cookie', agent.cookie).attach('photo', file, 'me.png')).status).toBe(403);
    expect(
      (
        await request(server)
          .post('/staff/photo')
          .set('cookie', agent.cookie)
          .set('x-peerdesk-upload', '1')
          .set('origin', 'https://evil.example')
          .attach('photo', file, 'me.png')
      ).status,
    ).toBe(403);
    expect((await request(server).post('/staff/photo').set('x-peerdesk-upload', '1').attach('photo', file, 'me.png')).status).toBe(401);
    expect((await uploadPhoto(t, member.cookie, file)).status).toBe(403);
    expect(await photoRows()).toBe(0);
  });

  it('re-encodes an accepted photo to 256×256 WebP and serves it safely with caching', async () => {
    const res = await uploadPhoto(t, agent.cookie, await portrait(800, 600), 'holiday.JPG');
    expect(res.status).toBe(201);
    const version = res.body.photoVersion as string;
    const photo = await request(t.app.getHttpServer()).get(`/staff/photos/${agent.id}?v=${version}`);
    expect(photo.status).toBe(200);
    expect(photo.headers['content-type']).toBe('image/webp');
    expect(photo.headers['x-content-type-options']).toBe('nosniff');
    expect(photo.headers['cache-control']).toContain('immutable');
    const body = photo.body as Buffer;
    expect(body.subarray(8, 12).toString('latin1')).toBe('WEBP');
    const sharp = (await import('sharp')).default;
    expect(await sharp(body).metadata()).toMatchObject({ width: 256, height: 256, format: 'webp' });
    const again = await request(t.app.getHttpServer()).get(`/staff/photos/${agent.id}`).set('if-none-match', photo.headers.etag!);
    expect(again.status).toBe(304);
    expect((await request(t.app.getHttpServer()).get(`/staff/photos/${member.id}`)).status).toBe(404);
  });

  it('lets the staff member speak publicly once name and photo are set (audited)', async () => {
    const renamed = await t.gql<{ updateStaffName: { canSpeakPublicly: boolean } }>(
      RENAME,
      { input: { displayName: 'Miriam Çelik' } },
      agent.cookie,
    );
    expect(renamed.data.updateStaffName.canSpeakPublicly).toBe(true);
    const questionId = await ask(t, member);
    const res = await t.gql(
      SAVE,
      { input: { kind: 'ANSWER', questionId, body: 'Hallo Olga, wir schauen uns das an. Viele Grüße, Miriam' } },
      agent.cookie,
    );
    expect(res.errors).toBeUndefined();
    const actions = (await t.dataSource.query(`SELECT action FROM audit_log WHERE actor_id = $1 ORDER BY id`, [agent.id])).map(
      (r: { action: string }) => r.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['staff.photo_changed', 'staff.name_changed', 'draft.created']));
  });

  it('shows "who answers here" to everyone: teams with opening hours and their staff faces, and team badges on staff', async () => {
    const [team] = await t.dataSource.query(
      `INSERT INTO teams (name, time_zone, weekly) VALUES ('Billing', 'Europe/Berlin', $1) RETURNING id`,
      [JSON.stringify([1, 2, 3, 4, 5].map((day) => ({ day, start: '08:00', end: '18:00' })))],
    );
    await t.dataSource.query(`INSERT INTO team_members (team_id, user_id) VALUES ($1, $2), ($1, $3)`, [team.id, agent.id, member.id]);
    const res = await t.gql<{
      whoAnswersHere: {
        name: string;
        hoursDescription: string;
        members: { id: string; displayName: string; role: string; photoVersion: string | null }[];
      }[];
    }>(
      `query { whoAnswersHere { name hoursDescription(locale: DE) openNow members { id displayName role photoVersion staffTeams { name } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const [billing] = res.data.whoAnswersHere;
    expect(billing).toMatchObject({ name: 'Billing', hoursDescription: expect.stringContaining('08:00–18:00') });
    // Members who are not staff are not shown.
    expect(billing!.members).toEqual([
      expect.objectContaining({
        id: agent.id,
        displayName: 'Miriam Çelik',
        role: 'AGENT',
        photoVersion: expect.any(String),
        staffTeams: [{ name: 'Billing' }],
      }),
    ]);
  });
});
