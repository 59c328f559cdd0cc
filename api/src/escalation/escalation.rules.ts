/** Lengths after trimming; the web shows the same limits. */
export const ESCALATION_LIMITS = {
  reason: { min: 1, max: 500 },
  note: { min: 1, max: 4000 },
  message: { min: 1, max: 4000 },
  callbackNote: { min: 0, max: 500 },
} as const;

/** How far ahead a call back may be asked for, and the shortest window that makes sense. */
export const CALLBACK = { maxDaysAhead: 30, minWindowMinutes: 15 } as const;
