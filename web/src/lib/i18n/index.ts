import { de } from './de.ts';
import { en, type MessageKey, type Messages, type Plural } from './en.ts';
import type { Locale } from './locale.ts';

export type { MessageKey, Messages } from './en.ts';
export * from './locale.ts';

export const catalogs: Record<Locale, Messages> = { en, de };

export type Params = Record<string, string | number>;

export interface Translate {
  (key: MessageKey, params?: Params): string;
  readonly locale: Locale;
  /** Whether `key` exists in the catalogs (for keys built at run time, e.g. from an api code). */
  has(key: string): key is MessageKey;
}

function interpolate(template: string, params: Params | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

const translators = new Map<Locale, Translate>();

/** The translator of a locale; made once per locale and shared (its Intl rules cost more to build than a page's texts). */
export function createTranslator(locale: Locale): Translate {
  let translator = translators.get(locale);
  if (!translator) {
    translator = makeTranslator(locale);
    translators.set(locale, translator);
  }
  return translator;
}

function makeTranslator(locale: Locale): Translate {
  const messages = catalogs[locale];
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);

  const t = (key: MessageKey, params?: Params): string => {
    const entry: string | Plural = messages[key] ?? en[key];
    if (typeof entry === 'string') return interpolate(entry, params);
    const count = Number(params?.count ?? 0);
    const form = plurals.select(count) === 'one' ? entry.one : entry.other;
    return interpolate(form, { ...params, count: numbers.format(count) });
  };

  return Object.assign(t, {
    locale,
    has: (key: string): key is MessageKey => Object.hasOwn(en, key),
  });
}

/**
 * The message for an api field error: a field-specific text (`err.title.too_short`), else the
 * code's general text (`err.too_short`), else what the api said, else a generic "not valid".
 */
export function fieldErrorMessage(t: Translate, field: string, code: string, apiMessage?: string): string {
  const specific = `err.${field}.${code}`;
  if (t.has(specific)) return t(specific);
  const general = `err.${code}`;
  if (t.has(general)) return t(general);
  return apiMessage || t('err.invalid');
}
