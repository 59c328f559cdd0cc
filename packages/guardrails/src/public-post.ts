import { detectPii } from './pii/detect.js';
import type { PiiFinding, PiiKind, PiiOptions } from './pii/types.js';

export interface PublicPostFinding extends PiiFinding {
  /** High-severity data (bank account, card, national identifier) is never published: the post cannot go out with it. */
  blocking: boolean;
  message: string;
  messageDe: string;
}

export interface PublicPostCheck {
  findings: PublicPostFinding[];
  blocking: boolean;
}

const WHAT: Readonly<Record<PiiKind, [string, string]>> = {
  email: ['an e-mail address', 'eine E-Mail-Adresse'],
  phone: ['a phone number', 'eine Telefonnummer'],
  iban: ['a bank account (IBAN)', 'eine Bankverbindung (IBAN)'],
  card: ['a payment card number', 'eine Kartennummer'],
  person_id: [
    'a personal identification number (tax id, social security, ID or passport number)',
    'eine persönliche Kennnummer (Steuer-ID, Sozialversicherungs-, Ausweis- oder Passnummer)',
  ],
  address: ['a postal address', 'eine Postanschrift'],
  dob: ['a date of birth', 'ein Geburtsdatum'],
  customer_number: ['a customer number', 'eine Kundennummer'],
  contract_number: ['a contract number', 'eine Vertragsnummer'],
  order_number: ['an order number', 'eine Bestellnummer'],
};

function describe(finding: PiiFinding, blocking: boolean): Pick<PublicPostFinding, 'message' | 'messageDe'> {
  const [en, de] = WHAT[finding.kind];
  return blocking
    ? {
        message: `This looks like ${en}. It cannot be posted publicly; share it with our team in a private conversation.`,
        messageDe: `Das sieht aus wie ${de}. Das kann nicht öffentlich gepostet werden; teilen Sie es unserem Team in einer privaten Unterhaltung mit.`,
      }
    : {
        message: `This looks like ${en}. Everyone can read this post; consider removing it, our team can ask for it privately.`,
        messageDe: `Das sieht aus wie ${de}. Diesen Beitrag kann jede und jeder lesen; entfernen Sie es besser, unser Team kann privat danach fragen.`,
      };
}

/** PII check of a customer's public post (question, answer, comment), with the hint to show and whether it blocks posting. */
export function checkPublicPost(text: string, options: PiiOptions = {}): PublicPostCheck {
  // Pages render many empty composers (a comment form under every answer); nothing to look at there.
  if (text.trim() === '') return { findings: [], blocking: false };
  const findings = detectPii(text, options).map((f) => {
    const blocking = f.severity === 'high';
    return { ...f, blocking, ...describe(f, blocking) };
  });
  return { findings, blocking: findings.some((f) => f.blocking) };
}
