import { checkPublicPost, type PublicPostFinding } from '@peerdesk/guardrails';

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

/** The text without the findings: each span goes, with the space or separator it leaves doubled. */
export function removeFindings(text: string, findings: readonly { start: number; end: number }[]): string {
  let result = text;
  for (const f of [...findings].sort((a, b) => b.start - a.start)) {
    const before = result.slice(0, f.start).replace(/[ \t]+$/, '');
    const after = result.slice(f.end).replace(/^[ \t]*([,;:])?/, '');
    result = before + (before && after && !/^[\s.!?]/.test(after) && !/\n$/.test(before) ? ' ' : '') + after;
  }
  return result;
}

/** What was removed, for the private message to staff ("continue privately"). */
export function removedValues(text: string, findings: readonly { start: number; end: number }[]): string[] {
  return findings.map((f) => text.slice(f.start, f.end));
}

/** The composer's "post it anyway" checkbox. */
export function readAcknowledgement(data: FormData): boolean {
  return data.get('acknowledgePersonalData') === 'true';
}
