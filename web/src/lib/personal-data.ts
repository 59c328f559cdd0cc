import { checkPublicPost, redactSpans, type KindSpan, type PiiKind, type PublicPostFinding, type Redaction } from '@peerdesk/guardrails';
import type { Translate } from '#lib/i18n/index.ts';
import type { Locale } from '#lib/i18n/locale.ts';

export interface FieldCheck {
  name: string;
  text: string;
  findings: PublicPostFinding[];
  blocking: boolean;
}

/** The same check the api runs on public posts, for the hints shown while typing (and after a failed submit). */
export function checkFields(fields: readonly { name: string; text: string }[]): FieldCheck[] {
  return fields.map(({ name, text }) => ({ name, text, ...checkPublicPost(text) }));
}

/**
 * The text with each finding replaced by a visible placeholder the person can edit ("[IBAN removed]",
 * "[Telefonnummer entfernt]"), so the sentence keeps its shape, and how many of each kind were replaced.
 */
export function redactFindings(text: string, findings: readonly KindSpan[], locale: Locale): Redaction {
  return redactSpans(text, findings, locale);
}

/** "Removed: 1 IBAN, 1 phone number — share them in a private conversation instead." Null when nothing was removed. */
export function removedSummary(t: Translate, removed: readonly { kind: PiiKind; count: number }[]): string | null {
  const totals = new Map<PiiKind, number>();
  for (const { kind, count } of removed) totals.set(kind, (totals.get(kind) ?? 0) + count);
  if (totals.size === 0) return null;
  const items = [...totals].map(([kind, count]) => t(`pii.count.${kind}`, { count })).join(', ');
  return t('pii.removed', { items });
}

/** What was removed, for the private message to staff ("continue privately"). */
export function removedValues(text: string, findings: readonly { start: number; end: number }[]): string[] {
  return findings.map((f) => text.slice(f.start, f.end));
}

/** The composer's "post it anyway" checkbox. */
export function readAcknowledgement(data: FormData): boolean {
  return data.get('acknowledgePersonalData') === 'true';
}
