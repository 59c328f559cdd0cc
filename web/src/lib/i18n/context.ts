import { createContext } from 'svelte';
import type { Translate } from './index.ts';

export interface I18nContext {
  readonly t: Translate;
  /** The reference time for relative dates; the same on the server and during hydration. */
  readonly now: number;
  /** The reader's time zone for dates with a time (from the browser's `pd_tz` cookie; UTC until known). */
  readonly timeZone: string;
}

const [getI18n, setI18n] = createContext<I18nContext>();

/** Translations and formatting for components below the root layout. */
export const useI18n = getI18n;
export { setI18n };
