const ALNUM = /[\p{L}\p{N}]/u;

/** A preview that shows the shape of a finding without repeating it: a character or two at each end, the rest as '•'. */
export function maskPreview(value: string): string {
  const chars = [...value.replace(/\s+/g, ' ').trim()];
  const total = chars.filter((ch) => ALNUM.test(ch)).length;
  const keep = total >= 12 ? 2 : total >= 6 ? 1 : 0;
  let seen = 0;
  return chars
    .map((ch) => {
      if (!ALNUM.test(ch)) return ch;
      seen++;
      return seen <= keep || seen > total - keep ? ch : '•';
    })
    .join('');
}
