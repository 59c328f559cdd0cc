/** Lower-case, trimmed, inner whitespace collapsed: the form a watched keyword is stored and matched in. */
export function normalizeTerm(term: string): string {
  return term.trim().toLowerCase().replace(/\s+/g, ' ');
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The watched terms that occur in a text as whole words (case-insensitive; "Ausfall" does not match "Ausfallzeit"). */
export function matchTerms(text: string, terms: readonly string[]): string[] {
  if (terms.length === 0) return [];
  const lower = text.toLowerCase();
  return terms.filter((term) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(term)}(?![\\p{L}\\p{N}])`, 'u').test(lower));
}
