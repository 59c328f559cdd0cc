import { describe, expect, it } from 'vitest';
import { maskPreview } from './mask.js';

describe('maskPreview', () => {
  it('keeps separators and a few characters at the ends', () => {
    expect(maskPreview('DE89 3704 0044 0532 0130 00')).toBe('DE•• •••• •••• •••• •••• 00');
    expect(maskPreview('0171 1234567')).toBe('0••• ••••••7');
  });

  it('hides short values completely and folds line breaks', () => {
    expect(maskPreview('12345')).toBe('•••••');
    expect(maskPreview('Hauptstraße 12\n10115 Berlin')).not.toContain('\n');
  });
});
