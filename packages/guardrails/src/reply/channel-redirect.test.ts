import { describe, expect, it } from 'vitest';
import { checkChannelRedirect } from './channel-redirect.js';

const redirects = (text: string, locale?: 'de' | 'en') => checkChannelRedirect(text, locale).map((f) => text.slice(f.start, f.end));

describe('channel-redirect', () => {
  it.each([
    ['Bitte rufen Sie unsere Hotline an.', 'rufen Sie unsere Hotline'],
    ['Ruf uns doch kurz an, dann klären wir das.', 'Ruf uns'],
    ['Schreiben Sie an support@example.com.', 'an support@example.com'],
    ['Nutzen Sie bitte unser Kontaktformular.', 'Kontaktformular'],
    ['Schicken Sie uns bitte eine E-Mail mit dem Foto.', 'Schicken Sie uns bitte eine E-Mail'],
    ['Das klären wir am besten per Telefon.', 'per Telefon'],
    ['Wenden Sie sich bitte an unseren Kundenservice.', 'Wenden Sie sich bitte an unseren Kundenservice'],
    ['Please call our hotline, they can reset it.', 'call our hotline'],
    ['Send us an e-mail with the meter photo.', 'Send us an e-mail'],
    ['Please use our contact form.', 'contact form'],
    ['Just DM us and we will sort it out.', 'DM us'],
    ['Give us a call tomorrow.', 'Give us a call'],
    ['Reach out via WhatsApp.', 'via WhatsApp'],
    ['Write to help@example.org please.', 'to help@example.org'],
    ['Melden Sie sich bitte per E-Mail bei uns.', 'Melden Sie sich bitte per E-Mail'],
    ['You can also contact us by phone.', 'contact us by phone'],
  ])('flags %j', (text, match) => {
    expect(redirects(text)).toEqual([match]);
  });

  it('is a warning with an English and a German message', () => {
    expect(checkChannelRedirect('Rufen Sie uns an.')[0]).toMatchObject({ rule: 'channel-redirect', severity: 'warning' });
    expect(checkChannelRedirect('Rufen Sie uns an.')[0]!.messageDe).toMatch(/private Unterhaltung/);
  });

  it.each([
    'Ich habe Ihnen eine private Unterhaltung hier im Forum geöffnet.',
    'I opened a private conversation with you here, see the envelope icon.',
    'Der Wechselrichter ruft die Daten jede Minute ab.',
    'The gateway calls home every 15 minutes.',
    'Danke für das Foto, damit konnten wir den Fehler finden.',
    'Die Bestätigung erhalten Sie per E-Mail, sobald der Zähler getauscht ist.',
    'We will confirm the new tariff by e-mail.',
  ])('leaves %j alone', (text) => {
    expect(redirects(text)).toEqual([]);
  });

  it('checks only the phrases of the given language', () => {
    expect(redirects('Bitte nutzen Sie das Kontaktformular.', 'en')).toEqual([]);
    expect(redirects('Bitte nutzen Sie das Kontaktformular.', 'de')).toEqual(['Kontaktformular']);
  });
});
