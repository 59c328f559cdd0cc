/** A piece of a text, marked when a guardrail finding covers it. */
export interface Segment {
  text: string;
  severity: string | null;
}

const RANK: Record<string, number> = { error: 3, warning: 2, info: 1 };

/**
 * Cuts a text into plain and marked pieces for highlighting findings; where findings overlap, the
 * piece takes the most severe one. Spans outside the text are clipped.
 */
export function findingSegments(text: string, findings: readonly { start: number; end: number; severity: string }[]): Segment[] {
  const cuts = new Set([0, text.length]);
  for (const f of findings) {
    cuts.add(Math.max(0, Math.min(text.length, f.start)));
    cuts.add(Math.max(0, Math.min(text.length, f.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    if (from === to) continue;
    let severity: string | null = null;
    for (const f of findings)
      if (f.start <= from && f.end >= to && (RANK[f.severity] ?? 0) > (severity ? (RANK[severity] ?? 0) : -1)) severity = f.severity;
    const last = segments.at(-1);
    if (last && last.severity === severity) last.text += text.slice(from, to);
    else segments.push({ text: text.slice(from, to), severity });
  }
  return segments;
}

/** How many findings of each severity, most severe first (the queue's summary per draft). */
export function countBySeverity(findings: readonly { severity: string }[]): [string, number][] {
  const counts: Record<string, number> = {};
  for (const f of findings) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
  return Object.entries(counts).sort(([a], [b]) => (RANK[b] ?? 0) - (RANK[a] ?? 0));
}

/**
 * The words a finding is about, short enough for a hint: a span longer than `max` characters (an
 * "impersonal" finding can cover the whole draft, which is already shown above) keeps its start and
 * end around an ellipsis, cut at word boundaries where there are any.
 */
export function findingQuote(text: string, start: number, end: number, max = 80): string {
  const quote = text.slice(Math.max(0, start), Math.max(0, end)).replace(/\s+/g, ' ').trim();
  if (quote.length <= max) return quote;
  const headLength = Math.round(max * 0.6);
  const tailLength = max - headLength;
  let head = quote.slice(0, headLength);
  const headCut = head.lastIndexOf(' ');
  if (headCut > headLength / 2) head = head.slice(0, headCut);
  let tail = quote.slice(quote.length - tailLength);
  const tailCut = tail.indexOf(' ');
  if (tailCut >= 0 && tailCut < tailLength / 2) tail = tail.slice(tailCut + 1);
  return `${head.trimEnd()} … ${tail.trimStart()}`;
}

/** A draft's findings in two: those still to act on, and those of rules a reviewer dismissed (one dismissal covers its rule). */
export function splitDismissed<F extends { rule: string }, D extends { rule: string }>(
  findings: readonly F[],
  dismissals: readonly D[],
): { active: F[]; dismissed: (D & { findings: F[] })[] } {
  const byRule = new Map(dismissals.map((d) => [d.rule, d]));
  return {
    active: findings.filter((f) => !byRule.has(f.rule)),
    dismissed: dismissals.map((d) => ({ ...d, findings: findings.filter((f) => f.rule === d.rule) })).filter((d) => d.findings.length > 0),
  };
}
