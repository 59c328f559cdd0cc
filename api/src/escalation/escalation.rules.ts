/** Lengths after trimming; the web shows the same limits. */
export const ESCALATION_LIMITS = {
  reason: { min: 1, max: 500 },
  note: { min: 1, max: 4000 },
  message: { min: 1, max: 4000 },
  callbackNote: { min: 0, max: 500 },
} as const;

/** How far ahead a call back may be asked for, and the shortest window that makes sense. */
export const CALLBACK = { maxDaysAhead: 30, minWindowMinutes: 15 } as const;

/** Digits, spaces, "+", "-" and parentheses; "+" only in front. */
const PHONE_SHAPE = /^\+?[0-9 ()-]+$/;
export const PHONE_DIGITS = { min: 6, max: 20 } as const;

/**
 * A phone number in international ("+49 30 1234567") or national ("030 1234-567") form, with its
 * spaces tidied; a problem code when it is not one.
 */
export function checkPhone(value: string | null | undefined): { phone: string } | { problem: 'required' | 'invalid' | 'digits' } {
  const phone = (value ?? '').trim().replace(/\s+/g, ' ');
  if (phone === '') return { problem: 'required' };
  if (!PHONE_SHAPE.test(phone)) return { problem: 'invalid' };
  const digits = phone.replace(/\D/g, '').length;
  return digits < PHONE_DIGITS.min || digits > PHONE_DIGITS.max ? { problem: 'digits' } : { phone };
}
