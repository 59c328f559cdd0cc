/** What was typed after an "@" right before the caret: up to two words of a name, or null. */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(Math.max(0, caret - 60), caret);
  const match = /(?:^|[\s(])@([\p{L}\p{N}][\p{L}\p{N}._'-]*(?: [\p{L}\p{N}._'-]*)?)$/u.exec(before);
  if (!match) return null;
  return { start: caret - match[1]!.length - 1, query: match[1]! };
}

/** The Markdown a mention is written as: a link to the profile whose text starts with "@". */
export function mentionMarkdown(person: { id: string; displayName: string }): string {
  const name = person.displayName.replace(/[[\]\\]/g, '');
  return `[@${name}](/users/${person.id})`;
}

/** The text with the typed "@query" replaced by the mention, and where the caret goes. */
export function insertMention(
  text: string,
  at: { start: number; query: string },
  person: { id: string; displayName: string },
): { text: string; caret: number } {
  const mention = `${mentionMarkdown(person)} `;
  const end = at.start + 1 + at.query.length;
  const rest = text.slice(end).replace(/^ /, '');
  return { text: text.slice(0, at.start) + mention + rest, caret: at.start + mention.length };
}
