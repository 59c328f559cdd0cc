import { describe, expect, it } from 'vitest';
import { checkImpersonal } from './impersonal.js';

const missing = (text: string) => checkImpersonal(text).map((f) => (f.message.startsWith('Greet') ? 'greeting' : 'sign-off'));
const body = '\n\ndanke für die Rückmeldung, das Update ist jetzt eingespielt.\n\n';

describe('impersonal', () => {
  it.each([
    ['Hallo Anna,', 'Viele Grüße, Miriam'],
    ['Hi Sam,', 'Best, Tobias'],
    ['Liebe Frau Weber,', 'Beste Grüße\nMiriam'],
    ['Guten Tag Herr Dr. Müller,', 'Mit freundlichen Grüßen\nTobias Reinhardt'],
    ['Dear Mr. Smith,', 'Kind regards,\nEmma (Peerdesk Support)'],
    ['Hey @solar_sepp!', '– Miriam'],
    ['hi sam', 'Cheers, Miriam vom Service-Team'],
    ['Moin Jonas!', 'Miriam'],
  ])('accepts %j … %j', (greeting, signOff) => {
    expect(missing(greeting + body + signOff)).toEqual([]);
  });

  it.each([
    ['Hallo zusammen,', 'Viele Grüße, Miriam', ['greeting']],
    ['Sehr geehrte Damen und Herren,', 'Viele Grüße, Miriam', ['greeting']],
    ['Hallo, danke für die Nachricht.', 'Viele Grüße, Miriam', ['greeting']],
    ['Hi there,', 'Best, Tobias', ['greeting']],
    ['Hallo Anna,', 'Viele Grüße\nIhr Peerdesk-Team', ['sign-off']],
    ['Hi Sam,', 'Best regards, The Support Team', ['sign-off']],
    ['Hi Sam,', 'Viele Grüße', ['sign-off']],
    ['Das Update ist eingespielt.', 'Ihr Kundenservice', ['greeting', 'sign-off']],
  ])('flags %j … %j', (greeting, signOff, expected) => {
    expect(missing(greeting + body + signOff)).toEqual(expected);
  });

  it('points at the first and the last line, as info', () => {
    const text = 'Hallo zusammen,\nalles erledigt.\nIhr Team';
    const [greeting, signOff] = checkImpersonal(text);
    expect(greeting).toMatchObject({ rule: 'impersonal', severity: 'info' });
    expect(text.slice(greeting!.start, greeting!.end)).toBe('Hallo zusammen,');
    expect(text.slice(signOff!.start, signOff!.end)).toBe('Ihr Team');
  });

  it('says nothing about an empty draft', () => {
    expect(checkImpersonal('  \n ')).toEqual([]);
    expect(checkImpersonal('\n\n')).toEqual([]);
  });

  it('skips blank lines around the draft', () => {
    expect(missing('\n\nHallo Anna,\n\nalles erledigt.\n\nViele Grüße, Miriam\n\n')).toEqual([]);
  });
});
