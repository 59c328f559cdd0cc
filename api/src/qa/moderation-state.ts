/** The three kinds of post; moderation, flags and review items name them. */
export const POST_TYPES = ['question', 'answer', 'comment'] as const;
export type PostType = (typeof POST_TYPES)[number];

/** Where a post stands with moderation. Only `published` posts are public; see `visibility.ts`. */
export const MODERATION_STATES = ['published', 'pending_review', 'hidden', 'deleted'] as const;
export type ModerationState = (typeof MODERATION_STATES)[number];

/** The CHECK constraint each post table carries. */
export const MODERATION_STATE_CHECK = `"moderation_state" IN ('published', 'pending_review', 'hidden', 'deleted')`;
