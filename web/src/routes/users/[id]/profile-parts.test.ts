import { describe, expect, it } from 'vitest';
import { renderWithI18n } from '#lib/testing/render.ts';
import ReputationHistory from './ReputationHistory.svelte';
import TrustProgress from './TrustProgress.svelte';

const event = {
  id: '1',
  kind: 'question_upvoted',
  delta: 5,
  reason: null,
  reversal: false,
  questionId: '3',
  createdAt: '2026-12-07T09:00:00Z',
} as Parameters<typeof ReputationHistory>[1]['events'][number];

describe('a profile with one day of reputation', () => {
  it('draws no chart from a single day (it would be an empty box)', () => {
    const { html } = renderWithI18n(ReputationHistory, {
      events: [event],
      chart: [{ day: '2026-12-07', total: 5 }],
      total: 5,
      olderHref: null,
      newestHref: null,
    });
    expect(html).not.toContain('<svg viewBox="0 0 600 120"');
    expect(html).not.toContain('<figure');
  });

  it('draws the chart once there are two days', () => {
    const { html } = renderWithI18n(ReputationHistory, {
      events: [event],
      chart: [
        { day: '2026-12-06', total: 2 },
        { day: '2026-12-07', total: 5 },
      ],
      total: 5,
      olderHref: null,
      newestHref: null,
    });
    expect(html).toContain('<figure');
  });

  it('shows only what the next trust level asks for, never "0 of 0"', () => {
    const { text } = renderWithI18n(TrustProgress, {
      progress: {
        reputation: 5,
        daysVisited: 1,
        postsRead: 0,
        answersAccepted: 0,
        pinned: false,
        heldByPenalty: false,
        next: { level: 1, name: 'basic', reputation: 0, daysVisited: 2, postsRead: 5, answersAccepted: 0 },
      },
    } as Parameters<typeof TrustProgress>[1]);
    expect(text).not.toContain('0 of 0');
    expect(text).not.toContain('Accepted answers');
    expect(text).toContain('1 of 2');
    expect(text).toContain('0 of 5');
  });
});
