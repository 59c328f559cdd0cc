import { describe, expect, it } from 'vitest';
import { isCardNumber } from './card.js';
import { detectPii } from './detect.js';

const cards = (text: string) => detectPii(text, { kinds: ['card'] }).map((f) => text.slice(f.start, f.end));

describe('payment card detection', () => {
  it.each([
    ['Karte 4111 1111 1111 1111 wurde abgelehnt', '4111 1111 1111 1111'],
    ['MC 5555-5555-5555-4444', '5555-5555-5555-4444'],
    ['amex 3782 822463 10005', '3782 822463 10005'],
    ['paid with 6011.1111.1111.1117', '6011.1111.1111.1117'],
    ['card 5200828282828210', '5200828282828210'],
    ['Karte 4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 bitte', '4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1'],
    ['Karte 4.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1', '4.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1'],
  ])('finds the card in %j', (text, match) => {
    expect(cards(text)).toEqual([match]);
  });

  it('stops before an expiry date that follows in the same run', () => {
    expect(cards('4111 1111 1111 1111 12/26 wurde belastet')).toEqual(['4111 1111 1111 1111']);
  });

  it.each([
    '4111 1111 1111 1112', // Luhn fails
    '1234 5678 1234 5670', // no card network starts with 1
    'IMEI 352099001761481', // Luhn-valid, but no network issues 15 digits starting with 35
    'EAN 4006381333931',
    'Amount due: 4,111.11 EUR',
    '41 11 11 11 11 11 11 11', // not printed like a card
  ])('ignores %j', (text) => {
    expect(cards(text)).toEqual([]);
  });

  it('checks networks and lengths', () => {
    expect(isCardNumber('4111111111111111')).toBe(true);
    expect(isCardNumber('378282246310005')).toBe(true);
    expect(isCardNumber('3782822463100050')).toBe(false);
  });

  it.each([
    ['Kreditkarte 40128888 88881881, Ablauf 07/28', '40128888 88881881'],
    ['my mastercard 55 5555 5555 5544 44 expires 11/27', '55 5555 5555 5544 44'],
    ['Kartennummer 601 1111 1111 11117 (falsch getippt)', '601 1111 1111 11117'],
  ])("after a card word, takes the writer's own grouping in %j", (text, match) => {
    expect(cards(text)).toEqual([match]);
  });

  it('needs the card word for an unusual grouping', () => {
    expect(cards('Referenz 40128888 88881881 im Betreff')).toEqual([]);
  });
});

describe('Luhn-valid numbers that are other ids or published test numbers', () => {
  it.each([
    'Transaktions-ID 4829 1038 5512 9030 – die Bank sagt, die Zahlung ist raus.',
    'Device ID 3580 1244 0066 1898, firmware 2.4.1',
    'The Steam trade offer ID is 6123456789012344, not sure why it failed.',
    'Spotify-Geschenkkarte PIN 4471 9030 2277 1189, lässt sich nicht einlösen',
    'Mastercard test number 5555 5555 5555 4444 works, 4000 0000 0000 0002 is declined as documented.',
    "Adyen test Amex 3700 0000 0000 002 returns 'Refused' in our staging env.",
    'For testing 3-D Secure use 4000 0027 6000 3184.',
    'The docs list 378282246310005 as the American Express test number.',
  ])('leaves %j alone', (text) => {
    expect(cards(text)).toEqual([]);
  });

  it('still finds a card after a card word with an id further back', () => {
    expect(cards('Order ID 4471, paid with my visa 4485 2750 1432 0042')).toEqual(['4485 2750 1432 0042']);
  });
});

describe('cards named by their network, 13-digit Visa in odd groups, and ids of a payment', () => {
  const cards = (text: string) => detectPii(text, { kinds: ['card'] }).map((f) => text.slice(f.start, f.end));

  it.each([
    ['Card used: 4643 501 183 811. Refund please!', '4643 501 183 811'],
    ['Die Abbuchung lief über 4129389820468 (Visa).', '4129389820468'],
    ['ich hab da ne Maestro 6761 792619 672537073 und die geht nicht', '6761 792619 672537073'],
    ['paid with my Amex 3714 496353 98431 yesterday', '3714 496353 98431'],
  ])('finds the card in %j', (text, match) => {
    expect(cards(text)).toEqual([match]);
  });

  it.each([
    'Transaktions-ID der Zahlung: 5042234140274667 (steht so im PayPal-Beleg).',
    'The transaction id of the payment is 5042234140274667.',
    'The API docs use 4000 0566 5566 5556 as the test debit card; that one works in sandbox only.',
    'EAN 4006381333931 auf der Packung',
  ])('reports nothing in %j', (text) => {
    expect(cards(text)).toEqual([]);
  });
});
