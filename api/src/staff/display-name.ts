/** Names that say nothing about the person behind a staff account. */
const PLACEHOLDERS = new Set([
  'admin',
  'administrator',
  'agent',
  'moderator',
  'mod',
  'staff',
  'support',
  'service',
  'team',
  'kundenservice',
  'kundendienst',
  'customer service',
  'support team',
  'service team',
  'your team',
  'test',
  'tester',
  'user',
  'benutzer',
  'name',
  'unknown',
  'anonymous',
  'n/a',
  'none',
  'todo',
  'changeme',
]);

const EMAIL_LIKE = /@|\(at\)|\[at\]|\.(com|de|net|org|io|test)\b/i;
const LETTER = /\p{L}/gu;

/** A staff member's display name must be a person's name: not an address, not a role or placeholder, not a user id. */
export function isRealDisplayName(name: string): boolean {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (EMAIL_LIKE.test(trimmed)) return false;
  const words = trimmed
    .toLowerCase()
    .replace(/[\d_.-]+/g, ' ')
    .trim();
  if (PLACEHOLDERS.has(words) || PLACEHOLDERS.has(trimmed.toLowerCase())) return false;
  if (/\d{2,}/.test(trimmed)) return false;
  return (trimmed.match(LETTER)?.length ?? 0) >= 2;
}
