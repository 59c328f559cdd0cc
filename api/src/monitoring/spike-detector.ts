/**
 * Spike detection against a seasonal baseline: the window now (the previous hour and the current one
 * so far) is compared with the same window, same weekday and hours, in each of the previous weeks.
 * A spike needs both: many more posts than those weeks had (a Poisson z-score on the expected count,
 * and more than any single week), and a clearly larger share of negative posts (a one-sided
 * proportion test against the weeks' pooled share). Ordinary peaks (Monday mornings) are in the
 * baseline, so they raise nothing; a scope without enough history raises nothing either.
 */

export const BASELINE_WEEKS = 6;
/** Weeks with any posts in the window that a baseline needs. */
export const MIN_BASELINE_WEEKS = 3;
export const MIN_POSTS = 8;
export const MIN_VOLUME_Z = 4;
export const MIN_SHARE_Z = 3;
export const MIN_SHARE_RISE = 0.2;

/** Posts and negative posts of one scope in one hour. */
export interface HourCount {
  posts: number;
  negative: number;
}

/** One scope's hours: `recent` = [previous hour, current hour], `weeks[k]` = the same two hours k + 1 weeks ago. */
export interface ScopeWindow {
  recent: readonly [HourCount, HourCount];
  weeks: readonly (readonly [HourCount, HourCount])[];
}

export interface Spike {
  posts: number;
  negative: number;
  expectedPosts: number;
  expectedNegativeShare: number;
  volumeZ: number;
  shareZ: number;
}

/**
 * `elapsed` is the share of the current hour that has passed (0–1): the baseline weeks count the whole
 * previous hour and that share of the current one.
 */
export function detectSpike(window: ScopeWindow, elapsed: number): Spike | null {
  const posts = window.recent[0].posts + window.recent[1].posts;
  const negative = window.recent[0].negative + window.recent[1].negative;
  if (posts < MIN_POSTS) return null;
  const weekly = window.weeks.map(([previous, current]) => ({
    posts: previous.posts + elapsed * current.posts,
    negative: previous.negative + elapsed * current.negative,
    any: previous.posts + current.posts > 0,
  }));
  if (weekly.filter((w) => w.any).length < MIN_BASELINE_WEEKS) return null;
  const expectedPosts = weekly.reduce((sum, w) => sum + w.posts, 0) / weekly.length;
  const mostInAWeek = Math.max(...weekly.map((w) => w.posts));
  const volumeZ = (posts - expectedPosts) / Math.sqrt(Math.max(expectedPosts, 1));
  if (volumeZ < MIN_VOLUME_Z || posts <= mostInAWeek) return null;
  // Laplace-smoothed, so a quiet history with no negative post does not make one negative post a spike.
  const baselinePosts = weekly.reduce((sum, w) => sum + w.posts, 0);
  const baselineNegative = weekly.reduce((sum, w) => sum + w.negative, 0);
  const expectedNegativeShare = (baselineNegative + 1) / (baselinePosts + 2);
  const share = negative / posts;
  const shareZ = (share - expectedNegativeShare) / Math.sqrt((expectedNegativeShare * (1 - expectedNegativeShare)) / posts);
  if (shareZ < MIN_SHARE_Z || share - expectedNegativeShare < MIN_SHARE_RISE) return null;
  return { posts, negative, expectedPosts, expectedNegativeShare, volumeZ, shareZ };
}
