/**
 * A cheap pattern that matches wherever a long list of cue words can start. A scan of "kunden?[\s-]?(?:numm?er|nr…)|
 * customer…|…" (a hundred alternatives) tries every alternative at every character; the prefilter instead holds each
 * alternative's first few characters, grouped by the first one ("k(?:und|d|nr)|c(?:ust|lie)|…"), and the full pattern
 * is tried, sticky, only where the prefilter matched. Optional parts are expanded ("kunden?" gives "kund"), look-arounds
 * skipped: the prefilter may match more often than the pattern, never less.
 */

/** How many characters (atoms) of each alternative the prefilter keeps. */
const PREFIX_ATOMS = 4;

/** Splits a pattern at its top-level "|". */
function alternatives(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(source.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(source.slice(from));
  return parts;
}

/** The index of the ")" that closes the group opened at `open`. */
function groupEnd(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** An escape that stands for one literal character, or for any space or digit. */
const SIMPLE_ESCAPE = /^\\[-./#&+:,'’()[\]{}*?|^$\\ sd]/;

/** The length of the atom at `i` (a character, a simple escape or a plain character class), or 0 for anything else. */
function atomLength(source: string, i: number): number {
  const c = source[i]!;
  if (c === '\\') return SIMPLE_ESCAPE.test(source.slice(i, i + 2)) ? 2 : 0;
  if (c === '[') {
    const end = source.indexOf(']', i + 2);
    const body = source.slice(i, end + 1);
    return end < 0 || body.includes('\\') ? 0 : body.length;
  }
  return '.^$|?*+{}()'.includes(c) ? 0 : 1;
}

/**
 * The first atoms of every way `source` can match, or null when some way starts with something else (a `\b`, `\d`, a
 * dot, a line start …) and so has no such prefix.
 */
export function prefixes(source: string): string[][] | null {
  const found = new Map<string, string[]>();
  const visit = (rest: string, prefix: string[]): boolean => {
    let i = 0;
    while (i < rest.length && prefix.length < PREFIX_ATOMS) {
      if (rest[i] === '(') {
        const end = groupEnd(rest, i);
        if (end < 0) return false;
        const group = rest.slice(i, end + 1);
        const quantifier = rest[end + 1];
        if (/^\(\?<?[=!]/.test(group)) {
          // A look-around consumes nothing: leaving it out only lets the prefilter match more.
          if (quantifier && '?*+{'.includes(quantifier)) return false;
          i = end + 1;
          continue;
        }
        if (quantifier === '*' || quantifier === '+' || quantifier === '{' || (quantifier === '?' && rest[end + 2] === '?')) break;
        const inner = group.replace(/^\((?:\?:|\?<[A-Za-z_]\w*>)?/, '').slice(0, -1);
        const after = rest.slice(end + (quantifier === '?' ? 2 : 1));
        let ok = true;
        for (const alternative of alternatives(inner)) ok = visit(alternative + after, prefix) && ok;
        return quantifier === '?' ? visit(after, prefix) && ok : ok;
      }
      const length = atomLength(rest, i);
      if (length === 0) break;
      const quantifier = rest[i + length];
      if (quantifier === '?' && rest[i + length + 1] !== '?') {
        // An optional atom: the prefixes with it and without it.
        const after = rest.slice(i + length + 1);
        return visit(rest.slice(i, i + length) + after, prefix) && visit(after, prefix);
      }
      if (quantifier === '?' || quantifier === '*' || quantifier === '{') break;
      prefix = [...prefix, rest.slice(i, i + length)];
      i += length;
      if (quantifier === '+') break;
    }
    if (prefix.length === 0) return false;
    found.set(prefix.join(''), prefix);
    return true;
  };
  let ok = true;
  for (const alternative of alternatives(source)) ok = visit(alternative, []) && ok;
  return ok ? [...found.values()] : null;
}

/** The prefilter of `pattern` (global, with its flags), or null when it has none. */
export function prefilter(pattern: RegExp): RegExp | null {
  const found = prefixes(pattern.source);
  if (!found) return null;
  const ignoreCase = pattern.flags.includes('i');
  const byFirst = new Map<string, Set<string>>();
  for (const [first, ...rest] of found) {
    const key = ignoreCase ? first!.toLowerCase() : first!;
    const tails = byFirst.get(key) ?? byFirst.set(key, new Set()).get(key)!;
    tails.add(rest.join(''));
  }
  const body = [...byFirst].map(([first, tails]) => (tails.has('') ? first : `${first}(?:${[...tails].join('|')})`)).join('|');
  return new RegExp(body, pattern.flags.replace(/[gy]/g, '') + 'g');
}
