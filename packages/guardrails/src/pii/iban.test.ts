import { describe, expect, it } from 'vitest';
import { detectPii } from './detect.js';

const ibans = (text: string) => detectPii(text, { kinds: ['iban'] }).map((f) => text.slice(f.start, f.end));

describe('IBAN detection', () => {
  it.each([
    ['Meine IBAN ist DE89 3704 0044 0532 0130 00, danke.', 'DE89 3704 0044 0532 0130 00'],
    ['Refund to GB82WEST12345698765432 please', 'GB82WEST12345698765432'],
    ['Konto: de89370400440532013000', 'de89370400440532013000'],
    ['bank FR14 2004 1010 0505 0001 3M02 606.', 'FR14 2004 1010 0505 0001 3M02 606'],
    ['NO93 8601 1117 947', 'NO93 8601 1117 947'],
    ['IBAN DE89-3704-0044-0532-0130-00', 'DE89-3704-0044-0532-0130-00'],
    ['IBAN DE89.3704.0044.0532.0130.00 bitte', 'DE89.3704.0044.0532.0130.00'],
    ['IBAN D E 8 9 3 7 0 4 0 0 4 4 0 5 3 2 0 1 3 0 0 0 bitte', 'D E 8 9 3 7 0 4 0 0 4 4 0 5 3 2 0 1 3 0 0 0'],
  ])('finds the IBAN in %j', (text, match) => {
    expect(ibans(text)).toEqual([match]);
  });

  it('is high severity', () => {
    expect(detectPii('DE89 3704 0044 0532 0130 00')[0]).toMatchObject({ kind: 'iban', severity: 'high', rule: 'iban' });
  });

  it.each([
    'DE89 3704 0044 0532 0130 01', // checksum off by one digit
    'DE89 3704 0044 0532 0130', // too short for Germany
    'XX89 3704 0044 0532 0130 00', // no such country
    'Zählpunkt DE0001234567890000000000000012345', // a metering point id is longer than any German IBAN
  ])('ignores %j', (text) => {
    expect(ibans(text)).toEqual([]);
  });
});
