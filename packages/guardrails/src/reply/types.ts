export type ReplyRule = 'channel-redirect' | 'pii-request-in-public' | 'near-copy' | 'impersonal';
export type FindingSeverity = 'info' | 'warning' | 'error';
export type Locale = 'de' | 'en';

/** A guardrail hit on a staff reply draft: which rule, how serious, what to do about it, and where. */
export interface Finding {
  rule: ReplyRule;
  severity: FindingSeverity;
  message: string;
  messageDe: string;
  /** Span in the original draft (UTF-16 offsets), end exclusive. */
  start: number;
  end: number;
  /** For near-copy: which of `recentStaffReplies` (index) and how similar (0..1). */
  related?: { index: number; similarity: number };
}

export interface StaffReplyOptions {
  recentStaffReplies?: readonly string[];
  /** Language of the draft; phrase rules of both languages run when it is not given. */
  locale?: Locale;
  /** Similarity from which a draft counts as a near-copy (default 0.85). */
  nearCopyThreshold?: number;
  /** The draft author's name: the sign-off hint suggests it (never the reviewer's, who may be the one re-checking the draft). */
  authorName?: string;
}
