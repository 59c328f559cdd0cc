import { describe, expect, it } from 'vitest';
import { checkPiiRequest } from './pii-request.js';

const requests = (text: string) => checkPiiRequest(text).map((f) => text.slice(f.start, f.end));

describe('pii-request-in-public', () => {
  it.each([
    'Nennen Sie uns bitte Ihre Kundennummer, dann schauen wir nach.',
    'Bitte schicken Sie uns Ihre vollständige Adresse und die IBAN.',
    'Wie lautet Ihre Vertragsnummer?',
    'Für die Prüfung benötigen wir Ihr Geburtsdatum.',
    'Please send us your customer number and address here.',
    'Could you post your order number so we can check?',
    'What is your date of birth?',
    'We need your IBAN to process the refund.',
  ])('flags %j', (text) => {
    expect(requests(text)).toEqual([text]);
  });

  it('is an error that spans only the asking sentence', () => {
    const text = 'Danke für die Geduld! Posten Sie bitte Ihre Bestellnummer. Wir melden uns.';
    const [finding] = checkPiiRequest(text);
    expect(finding).toMatchObject({ rule: 'pii-request-in-public', severity: 'error' });
    expect(text.slice(finding!.start, finding!.end)).toBe('Posten Sie bitte Ihre Bestellnummer.');
  });

  it.each([
    'Ich habe Ihnen eine private Unterhaltung geöffnet; bitte nennen Sie mir dort Ihre Kundennummer.',
    'I opened a private conversation, please send your order number there.',
    'Bitte posten Sie Ihre IBAN nicht hier im Forum.',
    'Please do not post your card number here.',
    'Ihre Adresse können Sie im Portal unter Profil selbst ändern.',
    'Your order number is printed on the invoice, top right.',
    'Bitte prüfen Sie Ihre Bankverbindung im Kundenkonto.',
    'Geben Sie Ihre Kundennummer im Portal unter „Verträge“ ein.',
    'Wenn Sie Ihre IBAN ändern möchten, brauchen Sie nur das Formular in der App.',
    'If you need to update your address, you can do it in the app.',
    'Your invoice will include your customer number at the top.',
    'We never share your phone number with third parties.',
  ])('leaves %j alone', (text) => {
    expect(requests(text)).toEqual([]);
  });
});
