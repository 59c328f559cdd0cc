import { describe, expect, it } from 'vitest';
import { isExternalHref, isUploadPath, markdownExcerpt, parseUploadPath, renderMarkdown } from './index.js';

describe('renderMarkdown', () => {
  it('renders ordinary Markdown', () => {
    const html = renderMarkdown('# Title\n\nSome **bold** and `code`.\n\n- one\n- two');
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<li>two</li>');
  });

  it('escapes raw HTML, including script tags and event handlers', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n<a href="x" onclick="y">a</a>');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<a /i);
    expect(html).toContain('&lt;script&gt;');
  });

  it.each([
    '[click](javascript:alert(1))',
    '[click](JaVaScRiPt:alert(1))',
    '[click](java\tscript:alert(1))',
    '[click](&#106;avascript:alert(1))',
    '[click](vbscript:msgbox(1))',
    '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '<javascript:alert(1)>',
  ])('renders %s inert', (source) => {
    const html = renderMarkdown(source);
    expect(html).not.toMatch(/href="\s*(javascript|vbscript|data):/i);
    expect(html).not.toMatch(/<a [^>]*href="[^"]*script/i);
  });

  it('keeps safe links and marks external ones as user content', () => {
    const html = renderMarkdown('[docs](https://example.com/a) [here](/questions/1) [mail](mailto:a@example.com)');
    expect(html).toContain('href="https://example.com/a" rel="nofollow ugc noopener noreferrer" target="_blank"');
    expect(html).toContain('href="/questions/1"');
    expect(html).toContain('href="mailto:a@example.com"');
  });

  it.each([
    ['a link with a scheme', '[a](https://evil.example/x)', 'https://evil.example/x'],
    ['an upper-case scheme', '[a](HTTP://evil.example/x)', 'HTTP://evil.example/x'],
    ['a protocol-relative link', '[a](//evil.example/x)', '//evil.example/x'],
    ['three slashes', '[a](///evil.example/x)', '///evil.example/x'],
    ['a protocol-relative link in angle brackets', '[a](<//evil.example/x>)', '//evil.example/x'],
    ['a protocol-relative link after spaces', '[a](   //evil.example/x)', '//evil.example/x'],
    ['a protocol-relative reference link', '[a]\n\n[a]: //evil.example/x', '//evil.example/x'],
    ['a linkified protocol-relative URL', 'see //evil.example/x here', '//evil.example/x'],
    ['a backslash-escaped slash', '[a](/\\/evil.example/x)', '//evil.example/x'],
    ['a linkified URL', 'see https://evil.example/x here', 'https://evil.example/x'],
  ])('marks %s as external user content', (_name, source, href) => {
    const html = renderMarkdown(source);
    const anchor = new RegExp(`<a href="${href.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"([^>]*)>`).exec(html);
    expect(anchor, html).not.toBeNull();
    const rel = /rel="([^"]*)"/.exec(anchor![1]!)?.[1]?.split(' ') ?? [];
    expect(rel).toEqual(expect.arrayContaining(['nofollow', 'ugc', 'noopener']));
    expect(anchor![1]).toContain('target="_blank"');
  });

  it('leaves links within the site unmarked', () => {
    expect(renderMarkdown('[a](/questions/1) [b](#answer-2) [c](questions/3)')).not.toContain('rel=');
  });

  it('never renders a backslash link a browser would read as another host', () => {
    for (const source of ['[a](/\\evil.example)', '[a](\\\\evil.example)', '[a](\\\\/evil.example)']) {
      const html = renderMarkdown(source);
      expect(html, source).not.toMatch(/href="[\\/]{2}|href="\/\\/);
    }
  });

  it.each([
    ['https://x.example/a', true],
    ['HTTP://x.example', true],
    ['//x.example/a', true],
    ['///x.example', true],
    ['/\\x.example', true],
    ['\\\\x.example', true],
    [' //x.example', true],
    ['\t//x.example', true],
    ['/\t/x.example', true],
    ['/questions/1', false],
    ['#answer-1', false],
    ['questions/1', false],
    ['mailto:a@example.com', false],
  ])('isExternalHref(%j) is %s', (href, external) => {
    expect(isExternalHref(href)).toBe(external);
  });

  const UPLOAD = '/uploads/0b9c1c5e-6f1a-4c3e-9d2b-8a7e6f5d4c3b';

  it('embeds images uploaded to the site, with their alt text', () => {
    for (const ext of ['png', 'jpg', 'webp'])
      expect(renderMarkdown(`![Error **dialog** "x"](${UPLOAD}.${ext})`)).toBe(
        `<p><img src="${UPLOAD}.${ext}" alt="Error dialog &quot;x&quot;" loading="lazy"></p>\n`,
      );
    expect(isUploadPath(`${UPLOAD}.png`)).toBe(true);
  });

  it('reserves the space of an upload whose name carries its size', () => {
    expect(renderMarkdown(`![Error dialog](${UPLOAD}-640x360.png)`)).toBe(
      `<p><img src="${UPLOAD}-640x360.png" alt="Error dialog" width="640" height="360" loading="lazy"></p>\n`,
    );
    expect(parseUploadPath(`${UPLOAD}-640x360.webp`)).toEqual({ id: UPLOAD.slice(9), width: 640, height: 360, ext: 'webp' });
    expect(parseUploadPath(`${UPLOAD}.jpg`)).toEqual({ id: UPLOAD.slice(9), width: null, height: null, ext: 'jpg' });
    for (const name of [
      `${UPLOAD}-0x360.png`,
      `${UPLOAD}-640x.png`,
      `${UPLOAD}-12345x1.png`,
      `${UPLOAD}-640x360-1x1.png`,
      `${UPLOAD}-640X360.png`,
    ])
      expect(parseUploadPath(name), name).toBeNull();
  });

  it.each([
    [
      'another site',
      'https://example.com/m.png',
      '<a href="https://example.com/m.png" rel="nofollow ugc noopener noreferrer" target="_blank">meter</a>',
    ],
    [
      'plain http',
      'http://example.com/m.png',
      '<a href="http://example.com/m.png" rel="nofollow ugc noopener noreferrer" target="_blank">meter</a>',
    ],
    [
      'protocol-relative',
      '//evil.example/uploads/x.png',
      '<a href="//evil.example/uploads/x.png" rel="nofollow ugc noopener noreferrer" target="_blank">meter</a>',
    ],
    [
      'an upload on another site',
      `https://evil.example${UPLOAD}.png`,
      `<a href="https://evil.example${UPLOAD}.png" rel="nofollow ugc noopener noreferrer" target="_blank">meter</a>`,
    ],
    ['another path of the site', '/team/photos/1', '<a href="/team/photos/1">meter</a>'],
    ['an upload with another extension', `${UPLOAD}.svg`, `<a href="${UPLOAD}.svg">meter</a>`],
    ['an upload with a query', `${UPLOAD}.png?x=1`, `<a href="${UPLOAD}.png?x=1">meter</a>`],
    ['a path escaping the uploads', `/uploads/../api/${UPLOAD.slice(9)}.png`, `<a href="/uploads/../api/${UPLOAD.slice(9)}.png">meter</a>`],
  ])('turns an image from %s into a link', (_label, src, link) => {
    const html = renderMarkdown(`![meter](${src})`);
    expect(html).not.toContain('<img');
    expect(html).toBe(`<p>${link}</p>\n`);
  });

  it('never embeds images of unsafe schemes', () => {
    expect(renderMarkdown('![x](javascript:alert(1))')).not.toMatch(/<img|<a /);
    expect(renderMarkdown('![x](data:image/png;base64,AAAA)')).not.toMatch(/<img|<a /);
  });

  it('escapes attribute breakouts in link titles and code', () => {
    const html = renderMarkdown('[x](https://example.com "a\\" onmouseover=\\"alert(1)")\n\n```\n<b>"</b>\n```');
    expect(html).toContain('title="a&quot; onmouseover=&quot;alert(1)"');
    expect(html).toContain('&lt;b&gt;');
  });
});

describe('markdownExcerpt', () => {
  it('strips markup and folds whitespace', () => {
    expect(markdownExcerpt('# Hi\n\nThis is **bold** & <b>x</b>')).toBe('Hi This is bold & <b>x</b>');
  });

  it('cuts long text at a word boundary', () => {
    const excerpt = markdownExcerpt('word '.repeat(100), 50);
    expect(excerpt.length).toBeLessThanOrEqual(51);
    expect(excerpt.endsWith('word…')).toBe(true);
  });
});
