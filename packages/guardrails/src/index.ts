export { detectPii } from './pii/detect.js';
export type { CustomPattern, NumberKind, PiiFinding, PiiKind, PiiOptions, PiiSeverity } from './pii/types.js';
export { checkPublicPost, type PublicPostCheck, type PublicPostFinding } from './public-post.js';
export { checkStaffReply } from './reply/check-staff-reply.js';
export { NEAR_COPY_THRESHOLD } from './reply/near-copy.js';
export type { Finding, FindingSeverity, Locale, ReplyRule, StaffReplyOptions } from './reply/types.js';
export { similarity } from './similarity.js';
export { maskPreview } from './mask.js';
export { redactionPlaceholder, redactSpans, type KindSpan, type Redaction } from './redact.js';
