import { describe, expect, it } from 'vitest';
import { cosine, meaningOf, readsGerman } from './title-meaning';

const meaning = (lexemes: string[]) => meaningOf(lexemes.map((lexeme) => ({ lexeme, idf: 1 })));

describe('title meaning', () => {
  it('puts titles that say the same in other words closer than titles about something else', () => {
    const asked = meaning(['wifi', 'signal', 'lost']);
    expect(cosine(asked, meaning(['wireless', 'network', 'disconnect']))).toBeGreaterThan(
      cosine(asked, meaning(['batteri', 'drain', 'overnight'])) + 0.2,
    );
  });

  it('has nothing to say about words it does not know', () => {
    expect(meaning(['xqzvw', 'fennwatt'])).toBeNull();
    expect(cosine(meaning(['wifi']), null)).toBe(0);
  });

  it('tells German drafts from English ones, so that the English vectors stay out of German search', () => {
    expect(readsGerman('Das WLAN am Laptop bricht ständig ab')).toBe(true);
    expect(readsGerman('Drucker druckt nicht mehr nach dem Update')).toBe(true);
    expect(readsGerman('Laptop wifi signal lost')).toBe(false);
    expect(readsGerman('How do I install the Müller plugin?')).toBe(false);
  });
});
