import { describe, expect, it } from 'vitest';
import { checkStaffReply } from './check-staff-reply.js';

describe('checkStaffReply', () => {
  it('has nothing to say about a personal, self-contained reply', () => {
    const draft =
      'Hallo Anna,\n\nich habe dir eine private Unterhaltung geöffnet, dort klären wir die Vertragsdaten.\n\nViele Grüße, Miriam';
    expect(checkStaffReply(draft, { recentStaffReplies: ['Hallo Jonas, das Update kommt morgen. Viele Grüße, Tobias'] })).toEqual([]);
  });

  it('combines all rules, in text order, with spans in the original text', () => {
    const draft =
      'Hallo zusammen,\n\nbitte rufen Sie unsere Hotline an und nennen Sie dort Ihre Kundennummer. Posten Sie hier Ihre Adresse.\n\nIhr Team';
    const findings = checkStaffReply(draft);
    expect(findings.map((f) => [f.rule, draft.slice(f.start, f.end)])).toEqual([
      ['impersonal', 'Hallo zusammen,'],
      ['pii-request-in-public', 'bitte rufen Sie unsere Hotline an und nennen Sie dort Ihre Kundennummer.'],
      ['channel-redirect', 'rufen Sie unsere Hotline'],
      ['pii-request-in-public', 'Posten Sie hier Ihre Adresse.'],
      ['impersonal', 'Ihr Team'],
    ]);
  });

  it('maps spans back through Unicode normalization', () => {
    const draft = 'Hallo\u00a0Anna,\u200b\u200b bitte nutzen Sie das Ｋｏｎｔａｋｔｆｏｒｍｕｌａｒ. Viele Grüße, Miriam';
    const [finding] = checkStaffReply(draft);
    expect(finding?.rule).toBe('channel-redirect');
    expect(draft.slice(finding!.start, finding!.end)).toBe('Ｋｏｎｔａｋｔｆｏｒｍｕｌａｒ');
  });

  it('flags a near-copy of a recent reply', () => {
    const earlier =
      'Hallo Anna, danke für deine Geduld. Bitte starte das Gateway einmal neu, warte fünf Minuten und lade die Seite dann erneut. Danach sollten die Werte wieder stimmen. Viele Grüße, Miriam';
    const draft = earlier.replace('Anna', 'Jonas');
    expect(checkStaffReply(draft, { recentStaffReplies: [earlier] }).map((f) => f.rule)).toEqual(['near-copy']);
  });
});
