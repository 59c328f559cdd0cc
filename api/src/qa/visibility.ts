import { can, type Actor, type ModeratedPostRef } from '../identity/policy';

/** Published posts are public; the policy decides who sees the others (the author, staff). */
export const isVisible = (actor: Actor | null, post: ModeratedPostRef): boolean =>
  post.moderationState === 'published' || can(actor, 'post.view', post);

/**
 * The same rule as SQL over a post table alias, for lists and thread queries: staff see every
 * state, authors their own posts except deleted ones, everyone else published posts only.
 * Uses the named parameter `:viewerId` (query builder).
 */
export function visibleToSql(actor: Actor | null, alias: string): { where: string; params: { viewerId: string } } {
  if (can(actor, 'post.seeAllStates', undefined)) return { where: 'true', params: { viewerId: '0' } };
  return {
    where: `(${alias}.moderation_state = 'published' OR (${alias}.author_id = :viewerId AND ${alias}.moderation_state <> 'deleted'))`,
    params: { viewerId: actor?.id ?? '0' },
  };
}
