import { can, type Actor } from '../identity/policy';
import type { RateLimitService } from '../platform/rate-limit/rate-limit.service';

export type Activity = 'post' | 'vote' | 'flag';

const HOUR = 3600;

/** How many posts, votes and flags per hour each trust level (0–4) may make. */
export const ACTIVITY_LIMITS: Record<Activity, readonly number[]> = {
  post: [10, 30, 60, 120, 120],
  vote: [30, 100, 300, 600, 600],
  flag: [10, 30, 60, 120, 120],
};

/** Counts one activity; throws RATE_LIMITED once the actor's hourly allowance for their level is used. Staff are not metered. */
export async function assertActivityRate(rateLimits: RateLimitService, actor: Actor, activity: Activity): Promise<void> {
  if (can(actor, 'activity.unmetered', undefined)) return;
  const limits = ACTIVITY_LIMITS[activity];
  const max = limits[Math.min(actor.trustLevel, limits.length - 1)]!;
  await rateLimits.hit({ key: `activity:${activity}:user:${actor.id}`, max, windowSeconds: HOUR });
}
