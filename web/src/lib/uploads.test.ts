import { renderMarkdown } from '@peerdesk/markdown';
import { describe, expect, it } from 'vitest';
import { altFromFileName, imageMarkdown, insertImage } from './uploads.ts';

const URL = '/uploads/0b9c1c5e-6f1a-4c3e-9d2b-8a7e6f5d4c3b.png';

describe('images in the editor', () => {
  it.each([
    ['error-dialog_2.png', 'error dialog 2'],
    ['Bildschirmfoto 2026-12-07 um 10.15.03.PNG', 'Bildschirmfoto 2026 12 07 um 10 15 03'],
    ['image.png', 'Screenshot'],
    ['', 'Screenshot'],
    ['.png', 'Screenshot'],
  ])('describes %j as %j at first', (name, alt) => {
    expect(altFromFileName(name, 'Screenshot')).toBe(alt);
  });

  it('keeps the description inside the image syntax, whatever it contains', () => {
    const markdown = imageMarkdown('a ] b](javascript:alert(1)) \\\n[x', URL);
    expect(markdown).toBe(`![a \\] b\\](javascript:alert(1)) \\\\ \\[x](${URL})`);
    const html = renderMarkdown(markdown);
    expect(html).toContain(`<img src="${URL}" alt="a ] b](javascript:alert(1)) \\ [x"`);
    expect(html).not.toContain('href');
  });

  it('inserts the image at the cursor as a paragraph of its own', () => {
    expect(insertImage('', '![a](u)')).toEqual({ text: '![a](u)\n\n', cursor: 9 });
    expect(insertImage('Before it crashed.   After.', '![a](u)', 18)).toEqual({
      text: 'Before it crashed.\n\n![a](u)\n\nAfter.',
      cursor: 29,
    });
  });
});
