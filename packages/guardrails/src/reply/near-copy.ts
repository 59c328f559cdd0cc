import { buildProfile, similarityTo, textProfile } from '../similarity.js';
import type { Finding } from './types.js';

export const NEAR_COPY_THRESHOLD = 0.85;
/** Short replies ("Danke, erledigt!") are alike by nature; only longer ones can smell of a template. */
const MIN_WORDS = 12;

/** The most similar recent reply, if it is at least `threshold` alike. */
export function checkNearCopy(text: string, recent: readonly string[], threshold = NEAR_COPY_THRESHOLD): Finding[] {
  const draft = buildProfile(text);
  if (draft.words < MIN_WORDS) return [];
  const toDraft = similarityTo(draft);
  let best = { index: -1, similarity: 0 };
  recent.forEach((reply, index) => {
    const other = textProfile(reply);
    if (other.words < MIN_WORDS) return;
    const score = toDraft(other);
    if (score > best.similarity) best = { index, similarity: score };
  });
  if (best.index < 0 || best.similarity < threshold) return [];
  const percent = Math.round(best.similarity * 100);
  return [
    {
      rule: 'near-copy',
      severity: 'warning',
      message: `Reads like a copy (${percent} % alike) of recent reply #${best.index + 1}. Write this one for this customer and this question.`,
      messageDe: `Liest sich wie eine Kopie (${percent} % gleich) der letzten Antwort Nr. ${best.index + 1}. Schreiben Sie diese für diese Person und diese Frage.`,
      start: 0,
      end: text.length,
      related: { index: best.index, similarity: best.similarity },
    },
  ];
}
