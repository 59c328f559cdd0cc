import { normalizeText, toOriginalSpan } from '../normalize.js';
import { checkChannelRedirect } from './channel-redirect.js';
import { checkImpersonal } from './impersonal.js';
import { checkNearCopy } from './near-copy.js';
import { checkPiiRequest } from './pii-request.js';
import type { Finding, StaffReplyOptions } from './types.js';

/** Hints for a staff reply draft before it goes to review: guardrails, not templates. */
export function checkStaffReply(text: string, options: StaffReplyOptions = {}): Finding[] {
  const normalized = normalizeText(text);
  const t = normalized.text;
  const { locale } = options;
  const phraseFindings = [
    ...checkChannelRedirect(t, locale),
    ...checkPiiRequest(t, locale),
    ...checkImpersonal(t, locale, options.authorName),
  ].map((f) => {
    const [start, end] = toOriginalSpan(normalized, f.start, f.end);
    return { ...f, start, end };
  });
  const nearCopy = checkNearCopy(text, options.recentStaffReplies ?? [], options.nearCopyThreshold);
  const all = [...phraseFindings, ...nearCopy].sort((a, b) => a.start - b.start || a.end - b.end);
  // The same tip on the same words once: e.g. a sentence matched by two phrasings of one rule.
  return all.filter(
    (f, i) => !all.slice(0, i).some((g) => g.rule === f.rule && g.start === f.start && g.end === f.end && g.message === f.message),
  );
}
