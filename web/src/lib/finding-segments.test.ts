import { describe, expect, it } from 'vitest';
import { countBySeverity, findingQuote, findingSegments, splitDismissed } from './finding-segments.ts';

describe('findingSegments', () => {
  it('marks the spans of findings and keeps the rest plain', () => {
    expect(findingSegments('Bitte rufen Sie die Hotline an.', [{ start: 6, end: 31, severity: 'warning' }])).toEqual([
      { text: 'Bitte ', severity: null },
      { text: 'rufen Sie die Hotline an.', severity: 'warning' },
    ]);
  });

  it('gives overlapping pieces the most severe finding and clips spans outside the text', () => {
    const segments = findingSegments('abcdef', [
      { start: 0, end: 4, severity: 'info' },
      { start: 2, end: 99, severity: 'error' },
    ]);
    expect(segments).toEqual([
      { text: 'ab', severity: 'info' },
      { text: 'cdef', severity: 'error' },
    ]);
  });

  it('returns the whole text without findings', () => {
    expect(findingSegments('Hallo', [])).toEqual([{ text: 'Hallo', severity: null }]);
  });

  it('counts findings by severity, most severe first', () => {
    expect(countBySeverity([{ severity: 'info' }, { severity: 'error' }, { severity: 'info' }])).toEqual([
      ['error', 1],
      ['info', 2],
    ]);
  });
});

describe('findingQuote', () => {
  it('quotes a short span as it is', () => {
    expect(findingQuote('Please call our hotline tomorrow.', 7, 23)).toBe('call our hotline');
  });

  it('does not repeat a whole long draft: start … end, cut at words, at most about the limit', () => {
    const draft =
      'Thank you for your patience. We have checked the meter reading on your final invoice and billing will correct the estimate within a few days.';
    const quote = findingQuote(draft, 0, draft.length);
    expect(quote.length).toBeLessThanOrEqual(84);
    expect(quote).toMatch(/^Thank you for your patience\. We \S.* … \S.*within a few days\.$/);
    expect(quote).not.toContain(draft);
  });

  it('collapses line breaks', () => {
    expect(findingQuote('one\n\ntwo', 0, 8)).toBe('one two');
  });
});

describe('splitDismissed', () => {
  const findings = [
    { rule: 'impersonal', start: 0, end: 5 },
    { rule: 'channel-redirect', start: 10, end: 20 },
    { rule: 'impersonal', start: 30, end: 35 },
  ];

  it('sets aside every finding of a dismissed rule and keeps the others to act on', () => {
    const { active, dismissed } = splitDismissed(findings, [{ rule: 'impersonal', reason: 'It greets by name.' }]);
    expect(active.map((f) => f.rule)).toEqual(['channel-redirect']);
    expect(dismissed).toEqual([{ rule: 'impersonal', reason: 'It greets by name.', findings: [findings[0], findings[2]] }]);
  });

  it('forgets a dismissal whose rule no longer fires after an edit', () => {
    expect(splitDismissed(findings.slice(1, 2), [{ rule: 'impersonal' }])).toEqual({ active: findings.slice(1, 2), dismissed: [] });
  });
});
