import type { Catalog, Plural } from '../en.ts';

/** Reputation, trust levels, badges, leaderboards, profiles. */
export const reputationEn = {} satisfies Record<string, string | Plural>;

/** Reputation, Vertrauensstufen, Abzeichen, Bestenlisten, Profile. */
export const reputationDe: Catalog<typeof reputationEn> = {};
