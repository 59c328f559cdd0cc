import { describe, expect, it } from 'vitest';
import { checkFields, removedValues, removeFindings } from './personal-data.ts';

describe('personal data hints', () => {
  it('finds an IBAN typed with full-width digits and marks it blocking', () => {
    const [body] = checkFields([{ name: 'body', text: 'Meine IBAN: ＤＥ８９ ３７０４ ００４４ ０５３２ ０１３０ ００ danke' }]);
    expect(body!.blocking).toBe(true);
    expect(body!.findings.map((f) => f.kind)).toEqual(['iban']);
  });

  it('removes the findings and keeps the sentence readable', () => {
    const text = 'Erreichbar unter 0171 1234567, oder per Mail max@example.com. Danke!';
    const [check] = checkFields([{ name: 'body', text }]);
    expect(removeFindings(text, check!.findings)).toBe('Erreichbar unter oder per Mail. Danke!');
    expect(removedValues(text, check!.findings)).toEqual(['0171 1234567', 'max@example.com']);
  });

  it('leaves text without findings alone', () => {
    const [check] = checkFields([{ name: 'title', text: 'Firmware v2.4.13 zeigt Fehler E-1042' }]);
    expect(check!.findings).toEqual([]);
    expect(removeFindings(check!.text, [])).toBe(check!.text);
  });
});
