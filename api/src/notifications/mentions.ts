/**
 * A mention is a Markdown link whose text starts with "@" to a profile, `[@Anna Berg](/users/12)`,
 * as the composer's autocomplete writes it: it renders as a plain link everywhere and names one
 * account unambiguously, whatever the display names are. At most this many people are told per post.
 */
export const MAX_MENTIONS = 10;

const MENTION = /\[@[^\]\n]{1,80}\]\((?:https?:\/\/[^/\s)]+)?\/users\/(\d{1,18})(?:[/?#][^)\s]*)?\)/g;

/** The user ids a post's Markdown mentions, in order, each once (inline code and code blocks do not count). */
export function mentionedUserIds(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```|~~~[\s\S]*?~~~|`[^`\n]*`/g, '');
  const ids = [...prose.matchAll(MENTION)].map((m) => m[1]!);
  return [...new Set(ids)].slice(0, MAX_MENTIONS);
}
