import type { PiiKind } from './pii/types.js';
import type { Locale } from './reply/types.js';

/** A span of a text in UTF-16 offsets, end exclusive, as the detector reports it. */
export interface KindSpan {
  kind: PiiKind;
  start: number;
  end: number;
}

export interface Redaction {
  /** The text with every span replaced by its placeholder. */
  text: string;
  /** What was replaced, per kind, in the order the kinds first occur in the text. */
  removed: { kind: PiiKind; count: number }[];
}

/** What a placeholder calls each kind: short, so the sentence around it stays readable. */
const LABEL: Readonly<Record<PiiKind, Record<Locale, string>>> = {
  email: { en: 'e-mail address', de: 'E-Mail-Adresse' },
  phone: { en: 'phone number', de: 'Telefonnummer' },
  iban: { en: 'IBAN', de: 'IBAN' },
  card: { en: 'card number', de: 'Kartennummer' },
  person_id: { en: 'ID number', de: 'Kennnummer' },
  address: { en: 'address', de: 'Adresse' },
  dob: { en: 'date of birth', de: 'Geburtsdatum' },
  customer_number: { en: 'customer number', de: 'Kundennummer' },
  contract_number: { en: 'contract number', de: 'Vertragsnummer' },
  order_number: { en: 'order number', de: 'Bestellnummer' },
};

/** The visible placeholder for a removed value, e.g. "[IBAN removed]" or "[Telefonnummer entfernt]". */
export function redactionPlaceholder(kind: PiiKind, locale: Locale): string {
  return locale === 'de' ? `[${LABEL[kind].de} entfernt]` : `[${LABEL[kind].en} removed]`;
}

const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** Moves an offset that falls between the halves of a surrogate pair (an emoji, say) to the pair's start or end. */
function snap(text: string, offset: number, direction: -1 | 1): number {
  if (offset <= 0 || offset >= text.length) return offset;
  if (!isLow(text.charCodeAt(offset)) || !isHigh(text.charCodeAt(offset - 1))) return offset;
  return direction < 0 ? offset - 1 : offset + 1;
}

/**
 * Replaces each span with a visible placeholder the person can edit ("…call me on [phone number removed].")
 * instead of deleting it, so the sentence keeps its shape and says what was there. Spans are clipped to the
 * text, widened so they never split a surrogate pair, and merged where they overlap (the earlier span's kind
 * names the merged one); replacement runs right to left so earlier offsets stay valid. Two spans that touch
 * get a space between their placeholders.
 */
export function redactSpans(text: string, spans: readonly KindSpan[], locale: Locale): Redaction {
  const clipped = spans
    .map((s) => ({
      kind: s.kind,
      start: snap(text, Math.max(0, Math.min(text.length, Math.floor(s.start))), -1),
      end: snap(text, Math.max(0, Math.min(text.length, Math.ceil(s.end))), 1),
    }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);

  const merged: KindSpan[] = [];
  for (const span of clipped) {
    const last = merged.at(-1);
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }

  let result = text;
  for (let i = merged.length - 1; i >= 0; i--) {
    const span = merged[i]!;
    const touchesNext = i + 1 < merged.length && merged[i + 1]!.start === span.end;
    result = result.slice(0, span.start) + redactionPlaceholder(span.kind, locale) + (touchesNext ? ' ' : '') + result.slice(span.end);
  }

  const removed: Redaction['removed'] = [];
  for (const span of merged) {
    const entry = removed.find((r) => r.kind === span.kind);
    if (entry) entry.count++;
    else removed.push({ kind: span.kind, count: 1 });
  }
  return { text: result, removed };
}
