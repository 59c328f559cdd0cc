import { diffWordsWithSpace } from 'diff';
import { DiffChangeValue, type DiffSegmentModel } from './models/revision.models';

/**
 * Bounds the work of one comparison (Myers' algorithm costs about length × edits): two versions that
 * differ in more places than this are shown as the old text removed and the new one added.
 */
const MAX_EDITS = 2_000;

const segment = (change: DiffChangeValue, text: string): DiffSegmentModel => ({ change, text });

/**
 * Word by word, whitespace and line breaks included, so the SAME and REMOVED runs spell the old text
 * and the SAME and ADDED runs the new one exactly. A space between two changed words joins them, so a
 * rewritten phrase reads as one removed and one added run. Without a previous version the text is
 * shown as is.
 */
export function wordDiff(before: string | null, after: string): DiffSegmentModel[] {
  if (before === null || before === after) return after ? [segment(DiffChangeValue.SAME, after)] : [];
  const changes = diffWordsWithSpace(before, after, { maxEditLength: MAX_EDITS });
  if (!changes) return [segment(DiffChangeValue.REMOVED, before), segment(DiffChangeValue.ADDED, after)].filter((s) => s.text);
  const segments: DiffSegmentModel[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) segments.push(segment(DiffChangeValue.REMOVED, removed));
    if (added) segments.push(segment(DiffChangeValue.ADDED, added));
    removed = added = '';
  };
  changes.forEach((change, i) => {
    if (change.added) added += change.value;
    else if (change.removed) removed += change.value;
    else if ((removed || added) && i + 1 < changes.length && /^[^\S\n]+$/.test(change.value)) {
      removed += change.value;
      added += change.value;
    } else {
      flush();
      segments.push(segment(DiffChangeValue.SAME, change.value));
    }
  });
  flush();
  return segments;
}
