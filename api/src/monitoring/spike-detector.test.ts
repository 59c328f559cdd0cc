import { describe, expect, it } from 'vitest';
import { detectSpike, type HourCount, type ScopeWindow } from './spike-detector';

const hours = (posts: number, negative: number): readonly [HourCount, HourCount] => [
  { posts, negative },
  { posts, negative },
];
const usual = (posts: number, negative: number, weeks = 6): ScopeWindow['weeks'] =>
  Array.from({ length: weeks }, () => hours(posts, negative));

describe('detectSpike', () => {
  it('raises when both the volume and the negative share rise well above the same hours of previous weeks', () => {
    const spike = detectSpike({ recent: hours(15, 13), weeks: usual(2, 0) }, 1);
    expect(spike).toMatchObject({ posts: 30, negative: 26 });
    expect(spike!.expectedPosts).toBe(4);
  });

  it('stays quiet on a peak that every week has (more posts and more complaints, as usual)', () => {
    expect(detectSpike({ recent: hours(20, 10), weeks: usual(20, 10) }, 1)).toBeNull();
  });

  it('needs both: many posts with the usual share, or the usual number of angry posts, raise nothing', () => {
    expect(detectSpike({ recent: hours(30, 3), weeks: usual(2, 0) }, 1)).toBeNull();
    expect(detectSpike({ recent: hours(3, 3), weeks: usual(3, 0) }, 1)).toBeNull();
  });

  it('compares a partly elapsed hour with the same part of the baseline hours', () => {
    const window: ScopeWindow = {
      recent: [
        { posts: 2, negative: 0 },
        { posts: 10, negative: 10 },
      ],
      weeks: usual(2, 0).map(() => [
        { posts: 2, negative: 0 },
        { posts: 12, negative: 0 },
      ]),
    };
    // Ten minutes in, ten angry posts are far more than the usual two; at the end of the hour they are fewer than usual.
    expect(detectSpike(window, 1 / 6)).not.toBeNull();
    expect(detectSpike(window, 1)).toBeNull();
  });

  it('raises nothing without enough history', () => {
    expect(detectSpike({ recent: hours(15, 13), weeks: [...usual(2, 0, 2), ...usual(0, 0, 4)] }, 1)).toBeNull();
  });
});
