import { describe, expect, it } from 'vitest';
import { detectPii } from './detect.js';

const found = (text: string) => detectPii(text).map((f) => [f.kind, text.slice(f.start, f.end)]);

describe('values wrapped over a line, grouped with dots, or labelled briefly', () => {
  it.each([
    ['Karte 4111 1111\n1111 1111 bitte sperren', 'card', '4111 1111\n1111 1111'],
    ['Kreditkarte: 4111111111\n111111', 'card', '4111111111\n111111'],
    ['Visa 4222222222222, exp 12/27', 'card', '4222222222222'],
    ['meine Kreditkarte 4222 2222 2222 2', 'card', '4222 2222 2222 2'],
    ['IBAN DE89 3704 0044\n0532 0130 00 danke', 'iban', 'DE89 3704 0044\n0532 0130 00'],
    ['IBAN: DE89370400440532\r\n013000', 'iban', 'DE89370400440532\r\n013000'],
    ['Tel 0171.234.56.78', 'phone', '0171.234.56.78'],
    ['erreichbar unter 030.1234.5678', 'phone', '030.1234.5678'],
    ['Tel +49.30.1234567', 'phone', '+49.30.1234567'],
    ['call +44.20.7946.0958', 'phone', '+44.20.7946.0958'],
    ['Kd-Nr. 4711', 'customer_number', '4711'],
    ['Kundennummer: 123', 'customer_number', '123'],
    ['Kunde: 4711', 'customer_number', '4711'],
    ['Vertrag: AB-12-3456', 'contract_number', 'AB-12-3456'],
    ['Bestellung: B-4711', 'order_number', 'B-4711'],
  ])('finds %j', (text, kind, value) => {
    expect(found(text)).toEqual([[kind, value]]);
  });

  it('does not report the second half of a wrapped IBAN as a phone number', () => {
    expect(found('Bitte auf DE89 3704 0044\n0532 0130 00 überweisen').map(([kind]) => kind)).toEqual(['iban']);
  });

  it('keeps two phone numbers on two lines apart', () => {
    expect(found('Tel 0171 1234567\n030 1234567')).toEqual([
      ['phone', '0171 1234567'],
      ['phone', '030 1234567'],
    ]);
  });

  it.each([
    'clone git@github.com:org/repo.git please',
    'remote: ssh://git@gitlab.example.com/team/app.git',
    'EAN 4006381333931 auf der Verpackung', // 13 digits starting with 4, but no card word
    'Firmware 1.2.3.4 und 10.0.0.138',
    'IP 192.168.178.24, MAC 00:1A:2B:3C:4D:5E',
    'IMEI 356938035643809',
    'Sendungsnummer 00340434161234567890',
    'tracking 1Z999AA10123456784',
    'Preis 1.299,00 € statt 1.499.00',
    'Karte 4111 1111 1111 1112', // Luhn fails
    'IBAN DE89 3704 0044\n0532 0130 01', // checksum fails
    'Karte **** **** **** 1111',
    'IBAN DE89 **** **** **** **** 00',
    'Vertrag: 2024 abgeschlossen',
    'Kunde seit 2019',
    'Version 0.9.12.4471',
  ])('leaves %j alone', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('spans are UTF-16 offsets into the original text', () => {
  it.each([
    ['😀 Steuer-ID 86095742719', '86095742719'],
    ['👨‍👩‍👧 NHS number 943 476 5919', '943 476 5919'],
    ['🏠 Mariahilfer Straße 45/3/12, 1060 Wien', 'Mariahilfer Straße 45/3/12, 1060 Wien'],
    ['🎂🎂 DOB: 12 Mar 1985', '12 Mar 1985'],
    ['💳 Karte 4111 1111\n1111 1111', '4111 1111\n1111 1111'],
    ['🏦 IBAN DE89 3704 0044\n0532 0130 00', 'DE89 3704 0044\n0532 0130 00'],
    ['📞 Tel 0171.234.56.78', '0171.234.56.78'],
    ['🇨🇭 AHV 756.9217.0769.85', '756.9217.0769.85'],
    ['😀 Ｓｔｅｕｅｒ-ID ８６０９５７４２７１９', '８６０９５７４２７１９'],
    ['😀\u200b Kd-Nr.\u00a04711', '4711'],
  ])('%j', (text, value) => {
    const findings = detectPii(text);
    expect(findings.map((f) => text.slice(f.start, f.end))).toEqual([value]);
  });
});
