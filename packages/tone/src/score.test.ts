import { describe, expect, it } from 'vitest';
import { detectLanguage, scoreTone, tokenize } from './index.js';

describe('scoreTone', () => {
  it.each([
    ['The app has been down for hours, this is unacceptable.', 'negative'],
    ['Seit heute früh ein kompletter Ausfall, völlig inakzeptabel.', 'negative'],
    ['How do I export my contacts to CSV?', 'neutral'],
    ['Wie exportiere ich meine Kontakte?', 'neutral'],
    ['Thanks, that fixed it. Great support!', 'positive'],
    ['Danke, das hat den Fehler behoben. Super!', 'positive'],
  ] as const)('%s → %s', (text, label) => {
    expect(scoreTone(text).label).toBe(label);
  });

  it('turns a negated complaint into faint praise and a negated compliment into a complaint', () => {
    expect(scoreTone('bad').score).toBeLessThan(0);
    expect(scoreTone('not bad').score).toBeGreaterThan(0);
    expect(scoreTone('good').score).toBeGreaterThan(0);
    expect(scoreTone('not good').score).toBeLessThan(0);
  });

  it('reads German negation after the verb', () => {
    expect(scoreTone('Es klappt.').score).toBeGreaterThan(0);
    expect(scoreTone('Es klappt nicht.').score).toBeLessThan(0);
    expect(scoreTone('Der Export funktioniert seit gestern nicht.').score).toBeLessThan(0);
  });

  it('lets intensifiers weigh a word more', () => {
    expect(scoreTone('I am very disappointed').negative).toBeGreaterThan(scoreTone('I am disappointed').negative);
    expect(scoreTone('Ich bin sehr enttäuscht').negative).toBeGreaterThan(scoreTone('Ich bin enttäuscht').negative);
  });

  it('ignores quoted error messages and damps symptoms named in a question', () => {
    expect(scoreTone('The log says "fatal error: disk failed". How do I fix it?').label).toBe('neutral');
    expect(scoreTone('Which error codes can the webhook return?').label).toBe('neutral');
    expect(scoreTone('Error after error, everything failed again. Terrible.').label).toBe('negative');
  });

  it('reads an exclamation of praise around a complaint as sarcasm', () => {
    expect(scoreTone('Great, another update that broke the export.').label).toBe('negative');
    expect(scoreTone('Na toll, schon wieder kaputt.').label).toBe('negative');
    expect(scoreTone('Great, thanks!').label).toBe('positive');
  });

  it('reports the language and the words that counted', () => {
    const tone = scoreTone('Die Suche ist kaputt.');
    expect(tone.language).toBe('de');
    expect(tone.hits).toEqual([{ text: 'kaputt', value: -3 }]);
  });
});

describe('tokenize', () => {
  it('marks quoted words and counts clauses', () => {
    expect(tokenize('Oh no, „Fehler 5“ again')).toEqual([
      { word: 'oh', clause: 0, quoted: false },
      { word: 'no', clause: 0, quoted: false },
      { word: 'fehler', clause: 1, quoted: true },
      { word: '5', clause: 1, quoted: true },
      { word: 'again', clause: 1, quoted: false },
    ]);
  });
});

describe('detectLanguage', () => {
  it('tells German from English by function words', () => {
    expect(detectLanguage(tokenize('Ich habe ein Problem mit der App').map((t) => t.word))).toBe('de');
    expect(detectLanguage(tokenize('I have a problem with the app').map((t) => t.word))).toBe('en');
  });
});
