import { describe, expect, it } from 'vitest';
import { createTranslator } from '#lib/i18n/index.ts';
import { checkFields, redactFindings, removedSummary, removedValues } from './personal-data.ts';

describe('personal data hints', () => {
  it('finds an IBAN typed with full-width digits and marks it blocking', () => {
    const [body] = checkFields([{ name: 'body', text: 'Meine IBAN: ＤＥ８９ ３７０４ ００４４ ０５３２ ０１３０ ００ danke' }]);
    expect(body!.blocking).toBe(true);
    expect(body!.findings.map((f) => f.kind)).toEqual(['iban']);
  });

  it('replaces the findings with placeholders in the composer’s language and keeps the sentence readable', () => {
    const text = 'Erreichbar unter 0171 1234567, oder per Mail max@example.com. Danke!';
    const [check] = checkFields([{ name: 'body', text }]);
    expect(redactFindings(text, check!.findings, 'de').text).toBe(
      'Erreichbar unter [Telefonnummer entfernt], oder per Mail [E-Mail-Adresse entfernt]. Danke!',
    );
    expect(redactFindings(text, check!.findings, 'en').text).toBe(
      'Erreichbar unter [phone number removed], oder per Mail [e-mail address removed]. Danke!',
    );
    expect(removedValues(text, check!.findings)).toEqual(['0171 1234567', 'max@example.com']);
  });

  it('says what was removed, summed over the fields, with plurals in both languages', () => {
    const removed = [
      { kind: 'iban' as const, count: 1 },
      { kind: 'phone' as const, count: 1 },
      { kind: 'phone' as const, count: 1 },
    ];
    expect(removedSummary(createTranslator('en'), removed)).toBe(
      'Removed: 1 IBAN, 2 phone numbers — share them in a private conversation instead.',
    );
    expect(removedSummary(createTranslator('de'), removed.slice(0, 2))).toBe(
      'Entfernt: 1 IBAN, 1 Telefonnummer – teile sie stattdessen in einer privaten Unterhaltung.',
    );
    expect(removedSummary(createTranslator('en'), [])).toBeNull();
  });

  it('leaves text without findings alone', () => {
    const [check] = checkFields([{ name: 'title', text: 'Firmware v2.4.13 zeigt Fehler E-1042' }]);
    expect(check!.findings).toEqual([]);
    expect(redactFindings(check!.text, [], 'en')).toEqual({ text: check!.text, removed: [] });
  });
});
