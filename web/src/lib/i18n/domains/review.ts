import type { Catalog, Plural } from '../en.ts';

/** Four-eyes review of staff replies, PII guard, staff faces. */
export const reviewEn = {} satisfies Record<string, string | Plural>;

/** Vier-Augen-Prüfung, Schutz persönlicher Daten, Gesichter des Teams. */
export const reviewDe: Catalog<typeof reviewEn> = {};
