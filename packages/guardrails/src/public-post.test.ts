import { describe, expect, it } from 'vitest';
import { checkPublicPost } from './public-post.js';

describe('checkPublicPost', () => {
  it('blocks bank and card data, warns about the rest', () => {
    const result = checkPublicPost('IBAN DE89 3704 0044 0532 0130 00, Tel. 0171 1234567');
    expect(result.blocking).toBe(true);
    expect(result.findings.map((f) => [f.kind, f.blocking])).toEqual([
      ['iban', true],
      ['phone', false],
    ]);
    expect(result.findings[0]!.message).toMatch(/cannot be posted publicly/);
    expect(result.findings[1]!.messageDe).toMatch(/Telefonnummer/);
  });

  it('does not block a post without high-severity data', () => {
    expect(checkPublicPost('Mail an max@example.com').blocking).toBe(false);
    expect(checkPublicPost('Seit Firmware v2.4.13 geht nichts mehr.')).toEqual({ findings: [], blocking: false });
  });

  it('passes options through to the detector', () => {
    const result = checkPublicPost('Konto FW12345678', {
      customPatterns: [{ kind: 'customer_number', pattern: /FW\d{8}/, severity: 'high' }],
    });
    expect(result.blocking).toBe(true);
  });
});
