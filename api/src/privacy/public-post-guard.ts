import { checkPublicPost, type PublicPostFinding } from '@peerdesk/guardrails';
import { DomainError, type FieldError } from '../platform/errors';

export interface GuardedField {
  /** The input field, e.g. `title` or `body`. */
  field: string;
  /** The text exactly as submitted: finding offsets refer to it. */
  text: string;
}

/** What the client needs to show the same hints the composer shows: no value, only kind and span. */
export interface PersonalDataFinding {
  field: string;
  kind: string;
  severity: string;
  start: number;
  end: number;
  blocking: boolean;
  message: string;
  messageDe: string;
}

/** A post needs at least this many letters besides the personal data, or it says nothing to the public. */
const MIN_LETTERS_WITHOUT_DATA = 10;
const LETTER = /\p{L}/gu;

function lettersOutside(text: string, findings: readonly PublicPostFinding[]): number {
  let rest = '';
  let from = 0;
  for (const f of findings) {
    rest += text.slice(from, f.start);
    from = Math.max(from, f.end);
  }
  rest += text.slice(from);
  return rest.match(LETTER)?.length ?? 0;
}

/**
 * The PII guard of public posts (questions, answers, comments, edits). IBANs and card numbers are never
 * published; other personal data goes out only when the author acknowledged it; a post that is nothing but
 * personal data is refused. Throws BAD_USER_INPUT with field codes and the findings in `extensions.personalData`.
 */
export function assertNoPersonalData(fields: readonly GuardedField[], acknowledged: boolean | null | undefined): void {
  const problems: FieldError[] = [];
  const personalData: PersonalDataFinding[] = [];
  for (const { field, text } of fields) {
    const check = checkPublicPost(text);
    if (check.findings.length === 0) continue;
    personalData.push(
      ...check.findings.map((f) => ({
        field,
        kind: f.kind,
        severity: f.severity,
        start: f.start,
        end: f.end,
        blocking: f.blocking,
        message: f.message,
        messageDe: f.messageDe,
      })),
    );
    const kinds = [...new Set(check.findings.map((f) => f.kind))].join(', ');
    if (check.blocking)
      problems.push({
        field,
        code: 'personal_data_blocked',
        message: `Bank and card numbers are never published (found: ${kinds}). Remove them, or continue privately with our team.`,
      });
    else if (lettersOutside(text, check.findings) < MIN_LETTERS_WITHOUT_DATA)
      problems.push({ field, code: 'only_personal_data', message: 'This consists only of personal data; say in words what you need.' });
    else if (!acknowledged)
      problems.push({
        field,
        code: 'personal_data_unacknowledged',
        message: `This looks like personal data (${kinds}) that everyone could read. Remove it, or confirm that you want to post it.`,
      });
  }
  if (problems.length > 0) throw new DomainError('BAD_USER_INPUT', problems.map((p) => p.message).join(' '), problems, { personalData });
}

/** Replaces the given spans with a marker, right to left so earlier offsets stay valid. */
export function replaceSpans(text: string, spans: readonly { start: number; end: number }[], marker: string): string {
  let result = text;
  for (const span of [...spans].sort((a, b) => b.start - a.start)) result = result.slice(0, span.start) + marker + result.slice(span.end);
  return result;
}
