import { beforeEach, describe, expect, it } from 'vitest';
import { forgetAnnouncements, loadAnnouncements } from './announcements.ts';
import type { ApiClient } from './api.ts';

const NOTICE = { id: '1', body: 'Portal maintenance tonight', authorName: 'Miriam', createdAt: '2026-12-07T10:00:00Z' };

/** An api client whose every request answers the given announcements (or fails), counting requests. */
function fakeApi(answer: () => Promise<unknown>): ApiClient & { calls: number } {
  const api = {
    calls: 0,
    hasSession: false,
    request: () => {
      api.calls++;
      return answer();
    },
    forward: () => Promise.reject(new Error('not used')),
  };
  return api as unknown as ApiClient & { calls: number };
}

describe('loadAnnouncements', () => {
  beforeEach(() => forgetAnnouncements());

  it('shares one answer per space for a few seconds, then asks again', async () => {
    const api = fakeApi(async () => ({ spaceAnnouncements: [NOTICE] }));
    expect(await loadAnnouncements(api, '7', 1_000)).toEqual([NOTICE]);
    expect(await loadAnnouncements(api, '7', 3_000)).toEqual([NOTICE]);
    expect(api.calls).toBe(1);
    await loadAnnouncements(api, '8', 3_000);
    expect(api.calls).toBe(2);
    await loadAnnouncements(api, '7', 6_500);
    expect(api.calls).toBe(3);
  });

  it('asks again at once after a write forgot them', async () => {
    const api = fakeApi(async () => ({ spaceAnnouncements: [NOTICE] }));
    await loadAnnouncements(api, '7', 1_000);
    forgetAnnouncements();
    await loadAnnouncements(api, '7', 1_001);
    expect(api.calls).toBe(2);
  });

  it('shows none when the api fails, and does not keep the failure', async () => {
    let down = true;
    const api = fakeApi(async () => {
      if (down) throw new Error('api down');
      return { spaceAnnouncements: [NOTICE] };
    });
    expect(await loadAnnouncements(api, '7', 1_000)).toEqual([]);
    down = false;
    expect(await loadAnnouncements(api, '7', 1_001)).toEqual([NOTICE]);
  });
});
