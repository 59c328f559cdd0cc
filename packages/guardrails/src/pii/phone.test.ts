import { describe, expect, it } from 'vitest';
import { detectPii } from './detect.js';

const phones = (text: string) => detectPii(text, { kinds: ['phone'] }).map((f) => text.slice(f.start, f.end));

describe('phone number detection', () => {
  it.each([
    ['erreichbar unter 0171 1234567.', '0171 1234567'],
    ['Tel. +49 (0)30 123456-78', '+49 (0)30 123456-78'],
    ['Festnetz 030/1234567', '030/1234567'],
    ['Rückruf 089 / 123 456 78 bitte', '089 / 123 456 78'],
    ['Nummer: 01711234567', '01711234567'],
    ['Rufnummer (0221) 9876543', '(0221) 9876543'],
    ['call +44 20 7946 0958', '+44 20 7946 0958'],
    ['US +1 (415) 555-0100', '+1 (415) 555-0100'],
    ['cell 212-555-0199', '212-555-0199'],
    ['Number: 415.555.0132', '415.555.0132'],
    ['0049 89 12345678 (Vermieter)', '0049 89 12345678'],
  ])('finds the number in %j', (text, match) => {
    expect(phones(text)).toEqual([match]);
  });

  it('splits two numbers joined by " / "', () => {
    expect(phones('0171 1234567 / 030 1234567')).toEqual(['0171 1234567', '030 1234567']);
  });

  it('needs a cue for weak shapes', () => {
    expect(phones('415 555 0190')).toEqual([]);
    expect(phones('Call me at 415 555 0190')).toEqual(['415 555 0190']);
  });

  it.each([
    'Firmware v2.4.13 und 1.2.3.4',
    'Rechnung vom 01.03.2024',
    'am 01/03/2024 bestellt',
    'Fehler 0x80070005',
    'Modell FW-3000X, E-1042',
    'Zählerstand 0012345678 kWh',
    'Seriennummer 0045-7782-1190',
    'Tracking 00340434161234567890',
    'IP 192.168.0.1, Gateway 010.000.000.001',
    'Öffnungszeiten 0800-1700',
    'Mein Zähler hat die Nummer 1 EMH 00 1234 5678',
    'Preis 0171 €',
  ])('ignores %j', (text) => {
    expect(phones(text)).toEqual([]);
  });
});
