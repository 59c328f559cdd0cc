import type { Candidate } from './types.js';

const LOCAL_CHAR = /[\p{L}\p{N}\p{M}._%+'-]/u;
const LABEL = /[\p{L}\p{N}\p{M}-]{1,63}/uy;
const LABEL_CHAR = /[\p{L}\p{N}\p{M}]/u;
const TLD = /^(?:[\p{L}]{2,24}|xn--[a-z0-9-]{1,59})$/iu;
/** "name@2x.png" is an image, not an address. */
const FILE_EXTENSION = /^(?:png|jpe?g|gif|svg|webp|bmp|ico|heic|js|mjs|ts|css|scss|json|txt|log|md|pdf|html?|ya?ml|xml|exe|dll|zip)$/i;
/** Written-out forms: "max (at) example (dot) com", "max [at] example.com", "max at example dot com". */
const AT_WORD = /[[({<]\s{0,2}(?:at|ät|@)\s{0,2}[\])}>]\s{0,2}|\s(?:at|ät)\s/giu;
/** Cheap test whether a written-out form can be there at all. */
const SPELLED = /(?:at|ät|@)\s{0,2}[\])}>]|\b(?:dot|punkt)\b|\sat\s[\w-]+\.[a-z]/i;
/** A local part spelled out before the at: "max punkt mustermann ät …". */
const SPELLED_LOCAL = /[\p{L}\p{N}_%+-]{1,64}\s(?:dot|punkt)\s$/iu;
/** Addresses that reach no person: the reserved never-resolving .invalid and .localhost (RFC 2606) and no-reply senders. */
const NOT_A_MAILBOX = /^(?:no-?reply|do-?not-?reply|mailer-daemon)@|\.(?:invalid|localhost)$/i;
/** A machine's local part: a UUID or a long hex id (message ids, bounce and tracking addresses). */
const MACHINE_LOCAL = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{16,})@/i;
/** A configuration value: "SMTP_USER=alerts@…", "MAIL_FROM=\"…\"", "smtp_user: …" (an upper-case or snake_case key). */
/** A shell login ("ssh git@host", "scp -P 22 root@host") or a URL's user and password ("https://user:pass@host"). */
const LOGIN_BEFORE = /(?:\b(?:ssh|scp|sftp|rsync|mosh)\s(?:-\S+\s(?:\d+\s)?)*|:\/\/[^\s/@:]+:)$/;
const CONFIG_KEY_BEFORE = /(?:\b[A-Z][A-Z0-9]*_[A-Z0-9_]+|\b[A-Z]{3,}|\b[a-z][a-z0-9]*_[a-z0-9_]+)\s?[=:]\s?["']?$/;
/**
 * Placeholders: a generic mailbox on a reserved example domain ("name@example.com", "john.doe@example.org" in a form
 * hint or template) and an address masked with x's ("xxx@xxx.de").
 */
const PLACEHOLDER =
  /^(?:(?:name|user(?:name)?|you|your[._]?name|(?:john|jane)[._]?doe|e?-?mail)@(?:[\w-]+\.)*example\.(?:com|org|net)|(?:first[._]?name[._]?(?:last[._]?name|surname)|vorname[._]?nachname|v\.nachname|f\.lastname)@[\w.-]+|x+@x+(?:\.x+)*\.[a-z]{2,6})$/i;
const DOT_WORD = /\s{0,2}[[({<]\s{0,2}(?:dot|punkt)\s{0,2}[\])}>]\s{0,2}|\s(?:dot|punkt)\s/iuy;

function localStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && at - i < 64 && LOCAL_CHAR.test(text[i - 1]!)) i--;
  while (text[i] === '.' && i < at) i++;
  return i;
}

/** Reads a domain from `from`; labels are separated by "." (and by written-out dots when `spelled`). Null when it is not one. */
function domainEnd(text: string, from: number, spelled: boolean): { end: number; spelledDot: boolean } | null {
  const labels: string[] = [];
  let i = from;
  let spelledDot = false;
  while (labels.length < 10) {
    LABEL.lastIndex = i;
    const label = LABEL.exec(text);
    if (!label) break;
    labels.push(label[0]);
    i += label[0].length;
    if (text[i] === '.' && LABEL_CHAR.test(text[i + 1] ?? '')) {
      i++;
      continue;
    }
    if (!spelled) break;
    DOT_WORD.lastIndex = i;
    const dot = DOT_WORD.exec(text);
    if (!dot) break;
    i += dot[0].length;
    spelledDot = true;
  }
  const tld = labels[labels.length - 1];
  if (labels.length < 2 || !tld || !TLD.test(tld) || FILE_EXTENSION.test(tld) || tld.endsWith('-')) return null;
  return { end: i, spelledDot };
}

export function detectEmails(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    const start = localStart(text, at);
    const domain = start < at ? domainEnd(text, at + 1, false) : null;
    // An SSH remote (git@github.com:org/repo.git) or a URL's user (ssh://git@host/…) is not a mailbox.
    if (domain && (/^:[\w~/.-]/.test(text.slice(domain.end, domain.end + 2)) || text.slice(Math.max(0, start - 3), start) === '://'))
      continue;
    if (domain && (NOT_A_MAILBOX.test(text.slice(start, domain.end)) || PLACEHOLDER.test(text.slice(start, domain.end)))) continue;
    const before = text.slice(Math.max(0, start - 40), start);
    // Masked: "m*****r@…", "m•••r@…", "ma…@…" (NFKC makes the ellipsis three dots, which no address has in a row).
    if (domain && (/[*•]$/.test(before) || text.slice(start, at).includes('..'))) continue;
    if (domain && (MACHINE_LOCAL.test(text.slice(start, at + 1)) || CONFIG_KEY_BEFORE.test(before) || LOGIN_BEFORE.test(before))) continue;
    if (domain) found.push({ kind: 'email', start, end: domain.end, rule: 'email' });
  }
  if (SPELLED.test(text)) {
    for (const m of text.matchAll(AT_WORD)) {
      let localEnd = m.index;
      while (localEnd > 0 && m.index - localEnd < 2 && text[localEnd - 1] === ' ') localEnd--;
      let start = localStart(text, localEnd);
      let spelledLocal = false;
      for (let dot = SPELLED_LOCAL.exec(text.slice(Math.max(0, start - 80), start)); dot && start >= 0;) {
        start -= dot[0].length;
        spelledLocal = true;
        dot = SPELLED_LOCAL.exec(text.slice(Math.max(0, start - 80), start));
      }
      const domain = start < localEnd ? domainEnd(text, m.index + m[0].length, true) : null;
      // "code=2049 at de.shop.Card.authorize(Card.java:318)": a stack frame, not an address.
      if (!domain || localEnd - start < 2 || text[domain.end] === '(') continue;
      // A bare " at " is ordinary prose ("I work at example.com") unless the domain or the local part is spelled out
      // too, or the local part looks like a mailbox's ("jo.hansen at example.com").
      const local = text.slice(start, localEnd);
      const mailboxLike = /[\p{L}\d][._+-]?\d|[\p{L}\d][._+][\p{L}\d]/u.test(local);
      if (!/[[({<]/.test(m[0]) && !domain.spelledDot && !spelledLocal && !mailboxLike) continue;
      found.push({ kind: 'email', start, end: domain.end, rule: 'email-obfuscated' });
    }
  }
  return found;
}
