import { fail, redirect, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import { createTranslator, fieldErrorMessage, type Locale, type MessageKey } from '#lib/i18n/index.ts';
import { signInPath } from '#lib/paths.ts';
import { isAskSession, newAskSession } from '#lib/similar.ts';
import type { WatchLevel } from '#lib/graphql/generated.ts';
import { isApiError } from './api.ts';

/** What every failed form action returns, so forms re-render with messages and the input kept. */
export interface FormFailure<V extends FormValues = FormValues> {
  /** Which form on the page failed (pages such as a thread have several). */
  form: string;
  /** A message for the whole form, if any. */
  message: string | null;
  /** Localised messages by field name. */
  fields: Record<string, string>;
  /** What was submitted, to fill the form again (never passwords). */
  values: V;
}

export type FormValues = Record<string, string | string[]>;

/** Reads text fields from a submission. Missing fields become ''. */
export function readText<const K extends string>(data: FormData, names: readonly K[]): Record<K, string> {
  const result = {} as Record<K, string>;
  for (const name of names) {
    const value = data.get(name);
    result[name] = typeof value === 'string' ? value : '';
  }
  return result;
}

/** Reads a repeated field (checkboxes), without empty entries and duplicates. */
export function readList(data: FormData, name: string): string[] {
  const values = data.getAll(name).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  return [...new Set(values.map((v) => v.trim()))];
}

/** The per-render idempotency key from the form, or a fresh one if a client dropped it. */
export function readClientMutationId(data: FormData): string {
  const value = data.get('clientMutationId');
  return typeof value === 'string' && /^[\w-]{8,100}$/.test(value) ? value : crypto.randomUUID();
}

/** The ask-page visit id the form carries, or a fresh one if a client dropped or mangled it. */
export function readAskSession(data: FormData): string {
  const value = data.get('askSession');
  return isAskSession(value) ? value : newAskSession();
}

/** Field names as the api reports them, without an `input.` prefix. */
function formFieldName(field: string): string {
  return field.replace(/^input\./, '');
}

interface FailureContext<V extends FormValues> {
  locale: Locale;
  form: string;
  values: V;
  /** Fields the form shows; api field errors for other fields go into the form message. */
  fields: readonly string[];
  /** The page to come back to after signing in, when the session has expired. */
  returnTo: string;
}

/**
 * Turns an error from an api call inside a form action into the answer for the browser:
 * `fail()` with localised field messages for input errors and a form message for the other
 * expected cases; an expired session goes to sign-in. Anything unexpected is rethrown.
 */
export function formFailure<V extends FormValues>(error: unknown, context: FailureContext<V>): ActionFailure<FormFailure<V>> {
  if (!isApiError(error)) throw error;
  const t = createTranslator(context.locale);
  const result = (status: number, messageKey: MessageKey | null, fields: Record<string, string> = {}, extra: string[] = []) =>
    fail(status, {
      form: context.form,
      message: [messageKey ? t(messageKey) : null, ...extra].filter(Boolean).join(' ') || null,
      fields,
      values: context.values,
    } satisfies FormFailure<V>);

  switch (error.code) {
    case 'BAD_USER_INPUT':
    case 'CONFLICT': {
      const fields: Record<string, string> = {};
      const other: string[] = [];
      for (const fieldError of error.fields) {
        const name = formFieldName(fieldError.field);
        const message = fieldErrorMessage(t, name, fieldError.code, fieldError.message);
        if (context.fields.includes(name)) fields[name] ??= message;
        else other.push(message);
      }
      if (error.code === 'CONFLICT' && error.fields.length === 0) return result(409, 'form.conflict');
      if (error.fields.length === 0) other.push(error.message);
      const status = error.code === 'CONFLICT' ? 409 : 400;
      // "Correct the marked fields" only when a field is marked; else just say what is wrong.
      const marked = Object.keys(fields).length > 0;
      return result(status, marked || other.length === 0 ? 'form.invalid' : null, fields, other);
    }
    case 'UNAUTHENTICATED':
      return redirect(303, signInPath(context.returnTo));
    case 'FORBIDDEN':
      return result(403, 'form.forbidden');
    case 'NOT_FOUND':
      return result(404, 'form.notFound');
    case 'RATE_LIMITED':
      return result(429, 'form.rateLimited');
    case 'UNAVAILABLE':
      return result(503, 'form.unavailable');
    default:
      throw error;
  }
}

/** Requires a signed-in viewer for an action; otherwise sends the person to sign in. */
export function requireViewer(event: Pick<RequestEvent, 'locals' | 'url'>, returnTo?: string) {
  const viewer = event.locals.viewer;
  if (!viewer) redirect(303, signInPath(returnTo ?? event.url.pathname + event.url.search));
  return viewer;
}

/** A watch or follow level from a form: watching, muted, or none for anything else. */
export function readWatchLevel(value: FormDataEntryValue | null): WatchLevel {
  return value === 'WATCHING' || value === 'MUTED' ? value : 'NONE';
}
