/** Where a post stands with moderation. Only `published` posts are public; see `visibility.ts`. */
export const MODERATION_STATES = ['published', 'pending_review', 'hidden', 'deleted'] as const;
export type ModerationState = (typeof MODERATION_STATES)[number];

/** The CHECK constraint each post table carries. */
export const MODERATION_STATE_CHECK = `"moderation_state" IN ('published', 'pending_review', 'hidden', 'deleted')`;
