import { describe, expect, it } from 'vitest';
import { wordDiff } from './revision-diff';

const text = (segments: { change: string; text: string }[], side: 'before' | 'after') =>
  segments
    .filter((s) => s.change !== (side === 'before' ? 'added' : 'removed'))
    .map((s) => s.text)
    .join('');

describe('wordDiff', () => {
  it('joins a rewritten phrase into one removed and one added run, keeping both texts exact', () => {
    const before = 'Restart the meter\nand wait a minute.';
    const after = 'Unplug the meter for ten seconds\nand wait a minute.';
    const segments = wordDiff(before, after);
    expect(segments).toEqual([
      { change: 'removed', text: 'Restart' },
      { change: 'added', text: 'Unplug' },
      { change: 'same', text: ' the meter' },
      { change: 'added', text: ' for ten seconds' },
      { change: 'same', text: '\nand wait a minute.' },
    ]);
    expect([text(segments, 'before'), text(segments, 'after')]).toEqual([before, after]);
  });

  it('shows the first version as it is', () => {
    expect(wordDiff(null, 'Hello there')).toEqual([{ change: 'same', text: 'Hello there' }]);
    expect(wordDiff('Same', 'Same')).toEqual([{ change: 'same', text: 'Same' }]);
  });

  it('gives up on texts that differ everywhere: the old one removed, the new one added', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `a${i}`).join(' ');
    const after = Array.from({ length: 3000 }, (_, i) => `b${i}`).join(' ');
    expect(wordDiff(before, after)).toEqual([
      { change: 'removed', text: before },
      { change: 'added', text: after },
    ]);
  });
});
