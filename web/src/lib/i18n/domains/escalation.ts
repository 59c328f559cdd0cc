import type { Catalog, Plural } from '../en.ts';

/** Escalations, opening hours, private conversations, agent console. */
export const escalationEn = {} satisfies Record<string, string | Plural>;

/** Eskalationen, Öffnungszeiten, private Gespräche, Agenten-Konsole. */
export const escalationDe: Catalog<typeof escalationEn> = {};
