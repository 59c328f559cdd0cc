export type NumberKind = 'customer_number' | 'contract_number' | 'order_number';
export type PiiKind = 'email' | 'phone' | 'iban' | 'card' | 'person_id' | 'address' | 'dob' | NumberKind;
export type PiiSeverity = 'low' | 'medium' | 'high';

export interface PiiFinding {
  kind: PiiKind;
  severity: PiiSeverity;
  /** Span in the original text (UTF-16 offsets), end exclusive. */
  start: number;
  end: number;
  /** Masked preview of the match, safe to show in logs and hints. */
  text: string;
  /** Which detector rule matched, e.g. `iban`, `phone-national`, `custom-order_number`. */
  rule: string;
}

export interface CustomPattern {
  kind: NumberKind;
  /** Matched against the normalized text (NFKC, invisible characters removed); a string is compiled without flags. */
  pattern: RegExp | string;
  severity?: PiiSeverity;
  rule?: string;
}

export interface PiiOptions {
  customPatterns?: readonly CustomPattern[];
  /** Only report these kinds (default: all). */
  kinds?: readonly PiiKind[];
}

/** A detector hit in normalized-text offsets, before overlaps are resolved and spans are mapped back. */
export interface Candidate {
  kind: PiiKind;
  start: number;
  end: number;
  rule: string;
  severity?: PiiSeverity;
}

/**
 * Default severities. Bank and card data and national identifiers (tax id, social security, passport, …) are
 * high (they enable fraud and identity theft and are never published); data that
 * reaches a person is medium; customer and contract numbers are medium because they unlock an account at
 * the hotline, an order number alone is low.
 */
export const DEFAULT_SEVERITY: Readonly<Record<PiiKind, PiiSeverity>> = {
  iban: 'high',
  card: 'high',
  person_id: 'high',
  email: 'medium',
  phone: 'medium',
  address: 'medium',
  dob: 'medium',
  customer_number: 'medium',
  contract_number: 'medium',
  order_number: 'low',
};
