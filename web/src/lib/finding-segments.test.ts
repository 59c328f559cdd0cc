import { describe, expect, it } from 'vitest';
import { countBySeverity, findingSegments } from './finding-segments.ts';

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
