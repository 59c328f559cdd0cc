import { maskPreview } from '../mask.js';
import { normalizeText, toOriginalSpan } from '../normalize.js';
import { detectCuedAddresses } from './address-cued.js';
import { detectGermanAddresses } from './address-de.js';
import { detectEnglishAddresses } from './address-en.js';
import { detectCards } from './card.js';
import { isCompanys, isSample } from './context.js';
import { detectDatesOfBirth } from './dob.js';
import { detectEmails } from './email.js';
import { detectIbans } from './iban.js';
import { numberRuns } from './number-runs.js';
import { detectCuedNumbers, detectCustomPatterns } from './numbers.js';
import { detectPersonIds } from './person-id.js';
import { detectPhones } from './phone.js';
import { DEFAULT_SEVERITY, type Candidate, type PiiFinding, type PiiOptions } from './types.js';

/**
 * Finds personal data in German or English text. Detectors run on the normalized text; where two findings
 * overlap, the one from the more specific detector wins (checksums before formats before cues).
 */
export function detectPii(text: string, options: PiiOptions = {}): PiiFinding[] {
  const normalized = normalizeText(text);
  const t = normalized.text;
  const runs = numberRuns(t);
  const ranked: Candidate[][] = [
    detectIbans(t),
    detectCards(t, runs),
    detectEmails(t),
    detectCustomPatterns(t, options.customPatterns ?? []),
    detectPersonIds(t),
    detectCuedNumbers(t),
    detectDatesOfBirth(t),
    detectGermanAddresses(t),
    detectEnglishAddresses(t),
    detectCuedAddresses(t),
    detectPhones(t, runs),
  ];
  const wanted = options.kinds ? new Set(options.kinds) : null;
  const kept: Candidate[] = [];
  for (const candidates of ranked) {
    const longestFirst = candidates.filter((c) => !wanted || wanted.has(c.kind)).sort((a, b) => b.end - b.start - (a.end - a.start));
    for (const c of longestFirst) {
      if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
      // A value shown as a sample, format or test value is no one's, whatever its kind (asked only of what would be kept).
      if (!isSample(t, c.start, c.end) && !isCompanys(t, c.kind, c.start, c.end)) kept.push(c);
    }
  }
  return kept
    .sort((a, b) => a.start - b.start)
    .map((c) => {
      const [start, end] = toOriginalSpan(normalized, c.start, c.end);
      return {
        kind: c.kind,
        severity: c.severity ?? DEFAULT_SEVERITY[c.kind],
        start,
        end,
        text: maskPreview(t.slice(c.start, c.end)),
        rule: c.rule,
      };
    });
}
