import { describe, expect, it } from 'vitest';
import { similarity, similarityTo, textProfile } from './similarity.js';

const reply =
  'Hallo Anna, danke für deine Geduld. Wir haben das Problem mit der Zählerablesung geprüft: Bitte starte das Gateway einmal neu, warte fünf Minuten und lade die Seite dann erneut. Danach sollten die Werte wieder stimmen. Viele Grüße, Miriam';

describe('similarity', () => {
  it('is 1 for the same text, whatever the case, punctuation and width of characters', () => {
    expect(similarity(reply, reply)).toBeCloseTo(1);
    expect(similarity('Bitte das Gateway neu starten.', 'bitte DAS ｇａｔｅｗａｙ neu starten!!')).toBeCloseTo(1);
  });

  it('stays high when only the name and a detail change', () => {
    const copy = reply.replace('Anna', 'Jonas').replace('fünf', 'zehn');
    expect(similarity(reply, copy)).toBeGreaterThan(0.85);
  });

  it('is low for a different answer in the same voice', () => {
    const other =
      'Hallo Jonas, deine Abschlagszahlung wurde angepasst, weil sich der Arbeitspreis zum Juli geändert hat. Die neue Höhe findest du im Portal unter Verträge. Viele Grüße, Miriam';
    expect(similarity(reply, other)).toBeLessThan(0.3);
  });

  it('notices word order, not just shared vocabulary', () => {
    expect(similarity('the meter reads the gateway data', 'the gateway reads the meter data')).toBeLessThan(0.7);
  });

  it('is 0 when either text has no words', () => {
    expect(similarity('', reply)).toBe(0);
    expect(similarity('!!!', '???')).toBe(0);
  });

  it('gives the same score through a prepared profile', () => {
    const texts = [reply, reply.replace('Anna', 'Jonas'), 'Bitte das Gateway neu starten.', '', reply.slice(40)];
    const toReply = similarityTo(textProfile(reply));
    for (const other of texts) expect(toReply(textProfile(other))).toBeCloseTo(similarity(reply, other), 10);
  });

  it('is symmetric', () => {
    const other = reply.slice(0, 120);
    expect(similarity(reply, other)).toBeCloseTo(similarity(other, reply));
  });
});
