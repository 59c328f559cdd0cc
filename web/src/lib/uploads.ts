/** Images in posts, shared by the editor (browser) and the no-JavaScript form actions (server). */

/** The form fields of the editor's image upload. */
export const IMAGE_FIELDS = { file: 'image', alt: 'imageAlt', insert: 'insertImage' } as const;

/** The largest file the api takes; checked in the browser too, so nobody waits for a refusal. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** A first description from the file name ("error-dialog_2.png" → "error dialog 2"); `fallback` for pasted "image.png". */
export function altFromFileName(name: string, fallback: string): string {
  const base = name
    .replace(/\.[a-z0-9]{1,5}$/i, '')
    .replace(/[-_.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return !base || /^(image|clipboard|blob|screenshot)$/i.test(base) ? fallback : base;
}

/** The Markdown of an uploaded image; the alt text cannot end the brackets or break the line. */
export function imageMarkdown(alt: string, url: string): string {
  const text = alt
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[[\]\\]/g, '\\$&');
  return `![${text}](${url})`;
}

/** The text with an image inserted at `at` (the cursor), on a paragraph of its own. */
export function insertImage(text: string, image: string, at = text.length): { text: string; cursor: number } {
  const before = text.slice(0, at).replace(/\s+$/, '');
  const after = text.slice(at).replace(/^\s+/, '');
  const head = before ? `${before}\n\n` : '';
  const inserted = `${head}${image}\n\n`;
  return { text: `${inserted}${after}`, cursor: inserted.length };
}
