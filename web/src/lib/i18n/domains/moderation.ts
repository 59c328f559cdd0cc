import type { Catalog, Plural } from '../en.ts';

/** Flags, review queue, audit log, verification. */
export const moderationEn = {} satisfies Record<string, string | Plural>;

/** Meldungen, Prüfwarteschlange, Audit-Log, Verifizierung. */
export const moderationDe: Catalog<typeof moderationEn> = {};
