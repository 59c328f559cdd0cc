export type ToneLanguage = 'de' | 'en';

export const GERMAN_FUNCTION_WORDS: ReadonlySet<string> = new Set(
  'der die das und ist nicht ich ein eine mit auf für sich auch wie wo was es wir ihr sie bei seit nach noch schon wird werden kann kein keine den dem des zu im am über aber oder mein meine euer eure habe hat sind war gibt man nur mehr jetzt immer alle alles ganz danke bitte'.split(
    ' ',
  ),
);
export const ENGLISH_FUNCTION_WORDS: ReadonlySet<string> = new Set(
  "the and is not i a an with on for it how where what we you they at since after still already will be can no my your our have has are was there only more now always all any thanks please to of in this that do does don't can't".split(
    ' ',
  ),
);

/** German or English by counting common function words; ties go to English. */
export function detectLanguage(words: readonly string[]): ToneLanguage {
  let de = 0;
  let en = 0;
  for (const word of words) {
    if (GERMAN_FUNCTION_WORDS.has(word)) de++;
    if (ENGLISH_FUNCTION_WORDS.has(word)) en++;
  }
  if (de === en) return /[äöüß]/.test(words.join(' ')) ? 'de' : 'en';
  return de > en ? 'de' : 'en';
}
